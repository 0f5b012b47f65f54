# Personal devices: app protection on the allowed platforms, with the catalog's values, and conditional
# access letting Teams in on iOS and Android only through a protected app (blocking the platforms left out).

mock_provider "teamshipaa" {
  mock_data "teamshipaa_directory_role_template" {
    defaults = { id = "62e90394-69f5-4237-9190-012177145e10" }
  }
  mock_data "teamshipaa_authentication_strength_policy" {
    defaults = { id = "00000000-0000-0000-0000-000000000004" }
  }
}

run "catalog" {
  module {
    source = "./tests/catalog"
  }
}

variables {
  profile                 = "staff"
  break_glass_account_ids = ["0b1e5a7c-9d3f-4c2e-8a6b-1f0e2d3c4b5a"]
  clinician_group_id      = "5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"
  security_mailbox        = "security@contoso.example"
  records_retention_days  = 2190
  business_associate_agreement = {
    executed_on = "2024-01-15"
    reference   = "LEGAL-2024-017"
  }
  training_attestation = {
    program      = "HIPAA Security Awareness 2026"
    completed_on = "2026-03-31"
    attested_by  = "Dana Whitfield"
  }
}

run "both_platforms_by_default" {
  command = plan
  variables {
    catalog = run.catalog.staff
  }

  assert {
    condition     = length(teamshipaa_ios_app_protection_policy.this) == 1 && length(teamshipaa_android_app_protection_policy.this) == 1
    error_message = "both platforms get an app protection policy by default"
  }
  # The catalog's values reach the policies.
  assert {
    condition = alltrue([for a, v in jsondecode(run.catalog.staff.settings_json)["teamshipaa_ios_app_protection_policy"]["every"] :
    jsonencode(teamshipaa_ios_app_protection_policy.this[0][a]) == jsonencode(v)])
    error_message = "every iOS value of the catalog is set on the iOS policy"
  }
  assert {
    condition = alltrue([for a, v in jsondecode(run.catalog.staff.settings_json)["teamshipaa_android_app_protection_policy"]["every"] :
    jsonencode(teamshipaa_android_app_protection_policy.this[0][a]) == jsonencode(v)])
    error_message = "every Android value of the catalog is set on the Android policy"
  }
  assert {
    condition     = contains(teamshipaa_ios_app_protection_policy.this[0].apps, "com.microsoft.skype.teams") && contains(teamshipaa_android_app_protection_policy.this[0].apps, "com.microsoft.teams")
    error_message = "Teams is among the protected apps on both platforms"
  }
  assert {
    condition     = teamshipaa_ios_app_protection_policy.this[0].include_group_ids == toset(["5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"])
    error_message = "without personal_device_group_ids the policies are assigned to the clinicians"
  }
  assert {
    condition = (length(teamshipaa_conditional_access_policy.app_protection) == 1 &&
      teamshipaa_conditional_access_policy.app_protection[0].grant_controls.built_in_controls == toset(["compliantApplication"]) &&
      teamshipaa_conditional_access_policy.app_protection[0].conditions.platforms.include_platforms == toset(["iOS", "android"]) &&
    teamshipaa_conditional_access_policy.app_protection[0].conditions.applications.include_applications == toset(["Office365"]))
    error_message = "a conditional access policy requires compliantApplication for Office 365 on iOS and Android"
  }
  assert {
    condition     = length(teamshipaa_conditional_access_policy.block_personal_platforms) == 0
    error_message = "no platform is blocked when both are allowed"
  }
  assert {
    condition     = teamshipaa_conditional_access_policy.managed_device[0].conditions.platforms.exclude_platforms == toset(["iOS", "android"])
    error_message = "the managed-device policy leaves iOS and Android to app protection"
  }
}

run "ios_only" {
  command = plan
  variables {
    catalog                   = run.catalog.staff
    personal_device_platforms = ["ios"]
    personal_device_group_ids = ["7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"]
  }

  assert {
    condition     = length(teamshipaa_ios_app_protection_policy.this) == 1 && length(teamshipaa_android_app_protection_policy.this) == 0
    error_message = "only iOS gets an app protection policy"
  }
  assert {
    condition     = teamshipaa_ios_app_protection_policy.this[0].include_group_ids == toset(["7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"])
    error_message = "personal_device_group_ids are the policy's groups"
  }
  assert {
    condition = (length(teamshipaa_conditional_access_policy.block_personal_platforms) == 1 &&
      teamshipaa_conditional_access_policy.block_personal_platforms[0].conditions.platforms.include_platforms == toset(["android"]) &&
    teamshipaa_conditional_access_policy.block_personal_platforms[0].grant_controls.built_in_controls == toset(["block"]))
    error_message = "Android, left out, is blocked"
  }
}

run "no_personal_devices" {
  command = plan
  variables {
    catalog                   = run.catalog.staff
    personal_device_platforms = []
  }

  assert {
    condition     = length(teamshipaa_ios_app_protection_policy.this) + length(teamshipaa_android_app_protection_policy.this) + length(teamshipaa_conditional_access_policy.app_protection) == 0
    error_message = "no app protection when no personal devices are allowed"
  }
  assert {
    condition     = teamshipaa_conditional_access_policy.block_personal_platforms[0].conditions.platforms.include_platforms == toset(["iOS", "android"])
    error_message = "both mobile platforms are blocked"
  }
  assert {
    condition     = teamshipaa_conditional_access_policy.managed_device[0].conditions.platforms == null
    error_message = "the managed-device policy covers every platform"
  }
}

run "device_exception" {
  command = plan
  variables {
    catalog = run.catalog.staff
    exceptions = {
      "HB.DEVICE.3" = { value = false, reason = "Shared iPads in the ward have no PIN; they are kiosk-locked.", approved_by = "Sam Ortiz, Security Officer", expires = "2099-06-30" }
    }
  }

  assert {
    condition     = teamshipaa_ios_app_protection_policy.this[0].pin_required == false && teamshipaa_android_app_protection_policy.this[0].pin_required == true
    error_message = "the exception's value replaces the iOS control's only"
  }
  assert {
    condition     = teamshipaa_ios_app_protection_policy.this[0].baseline_exceptions == tomap({ "HB.DEVICE.3" = "Shared iPads in the ward have no PIN; they are kiosk-locked." })
    error_message = "the reason is recorded on the iOS policy"
  }
}
