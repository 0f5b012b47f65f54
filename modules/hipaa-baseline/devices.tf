# ---------------------------------------------------------------------------------------------------------
# Personal devices (HB.DEVICE): Teams on a phone the organization does not own is reachable only from an
# app under Intune app protection, which keeps PHI inside the protected apps and can be wiped.
# ---------------------------------------------------------------------------------------------------------

locals {
  device_platforms = toset(var.personal_device_platforms)
  # Platforms left out are blocked on Office 365 (Teams included) by conditional access.
  blocked_platforms = setsubtract(toset(["ios", "android"]), local.device_platforms)
  # Conditional access spells the platforms iOS and android.
  ca_platform          = { ios = "iOS", android = "android" }
  device_groups        = length(var.personal_device_group_ids) > 0 ? var.personal_device_group_ids : [var.clinician_group_id]
  app_protection_state = contains(keys(local.controls), "HB.DEVICE.19") && !contains(keys(var.exceptions), "HB.DEVICE.19")

  # The apps Teams hands files to, protected with it (Intune's list of protected Microsoft apps). Teams
  # itself comes from the catalog (HB.DEVICE.1/2).
  companion_apps = {
    ios     = ["com.microsoft.Office.Outlook", "com.microsoft.Office.Word", "com.microsoft.Office.Excel", "com.microsoft.Office.Powerpoint", "com.microsoft.skydrive", "com.microsoft.sharepoint", "com.microsoft.msedge"]
    android = ["com.microsoft.office.outlook", "com.microsoft.office.word", "com.microsoft.office.excel", "com.microsoft.office.powerpoint", "com.microsoft.skydrive", "com.microsoft.sharepoint", "com.microsoft.emmx"]
  }
}

resource "teamshipaa_ios_app_protection_policy" "this" {
  count = contains(local.device_platforms, "ios") ? 1 : 0

  display_name        = "${var.name_prefix} - Teams on personal iOS devices"
  description         = "Teams and the Office apps on personal iPhones and iPads: PHI stays in protected apps and can be wiped"
  apps                = distinct(concat(try(local.settings.app_protection_ios.apps, []), local.companion_apps.ios))
  include_group_ids   = local.device_groups
  baseline_exceptions = local.baseline_exceptions.app_protection_ios

  pin_required                                = try(local.settings.app_protection_ios.pin_required, null)
  data_backup_blocked                         = try(local.settings.app_protection_ios.data_backup_blocked, null)
  save_as_blocked                             = try(local.settings.app_protection_ios.save_as_blocked, null)
  allowed_data_storage_locations              = ["oneDriveForBusiness", "sharePoint"]
  allowed_outbound_data_transfer_destinations = try(local.settings.app_protection_ios.allowed_outbound_data_transfer_destinations, null)
  allowed_inbound_data_transfer_sources       = "managedApps"
  allowed_outbound_clipboard_sharing_level    = try(local.settings.app_protection_ios.allowed_outbound_clipboard_sharing_level, null)
  period_offline_before_wipe_is_enforced      = try(local.settings.app_protection_ios.period_offline_before_wipe_is_enforced, null)
  device_compliance_required                  = try(local.settings.app_protection_ios.device_compliance_required, null)
  app_data_encryption_type                    = try(local.settings.app_protection_ios.app_data_encryption_type, null)
}

resource "teamshipaa_android_app_protection_policy" "this" {
  count = contains(local.device_platforms, "android") ? 1 : 0

  display_name        = "${var.name_prefix} - Teams on personal Android devices"
  description         = "Teams and the Office apps on personal Android phones: PHI stays in protected apps and can be wiped"
  apps                = distinct(concat(try(local.settings.app_protection_android.apps, []), local.companion_apps.android))
  include_group_ids   = local.device_groups
  baseline_exceptions = local.baseline_exceptions.app_protection_android

  pin_required                                = try(local.settings.app_protection_android.pin_required, null)
  data_backup_blocked                         = try(local.settings.app_protection_android.data_backup_blocked, null)
  save_as_blocked                             = try(local.settings.app_protection_android.save_as_blocked, null)
  allowed_data_storage_locations              = ["oneDriveForBusiness", "sharePoint"]
  allowed_outbound_data_transfer_destinations = try(local.settings.app_protection_android.allowed_outbound_data_transfer_destinations, null)
  allowed_inbound_data_transfer_sources       = "managedApps"
  allowed_outbound_clipboard_sharing_level    = try(local.settings.app_protection_android.allowed_outbound_clipboard_sharing_level, null)
  period_offline_before_wipe_is_enforced      = try(local.settings.app_protection_android.period_offline_before_wipe_is_enforced, null)
  device_compliance_required                  = try(local.settings.app_protection_android.device_compliance_required, null)
  encrypt_app_data                            = try(local.settings.app_protection_android.encrypt_app_data, null)
}

# HB.DEVICE.19: on iOS and Android, Office 365 (Teams included) only from an app under app protection.
resource "teamshipaa_conditional_access_policy" "app_protection" {
  count = local.app_protection_state && length(local.device_platforms) > 0 ? 1 : 0

  display_name        = "${local.ca_name} Require app protection on iOS and Android"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions = {
    users        = local.members
    applications = { include_applications = ["Office365"] }
    platforms    = { include_platforms = ["iOS", "android"] }
  }
  grant_controls = { built_in_controls = ["compliantApplication"] }
}

# Platforms not in personal_device_platforms: Office 365 is blocked on them.
resource "teamshipaa_conditional_access_policy" "block_personal_platforms" {
  count = local.app_protection_state && length(local.blocked_platforms) > 0 ? 1 : 0

  display_name        = "${local.ca_name} Block ${join(" and ", [for p in sort(tolist(local.blocked_platforms)) : local.ca_platform[p]])}"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions = {
    users        = local.members
    applications = { include_applications = ["Office365"] }
    platforms    = { include_platforms = [for p in sort(tolist(local.blocked_platforms)) : local.ca_platform[p]] }
  }
  grant_controls = local.block
}
