# Every resource type of the provider, applied to the tenant simulator by the
# provider as it was before the shared resource base (commit 02ecc03), to keep
# its state: terraform.tfstate and the simulator's tenant.json beside this file
# were written by that apply (TEAMSHIPAA_WRITE_PREVIOUS_RELEASE=1, see
# state_compat_test.go). Lists are set empty ([]), left out (null) and filled,
# so each folder's null-versus-empty reading is covered.
terraform {
  required_providers {
    teamshipaa = { source = "teamshipaa/teamshipaa" }
  }
}

data "teamshipaa_authentication_strength_policy" "phishing_resistant" {
  display_name = "Phishing-resistant MFA"
}

data "teamshipaa_directory_role_template" "global_admin" {
  display_name = "Global Administrator"
}

resource "teamshipaa_meeting_policy" "global" {
  name = "Global"

  allow_anonymous_users_to_join_meeting           = false
  allow_anonymous_users_to_start_meeting          = false
  auto_admitted_users                             = "EveryoneInCompanyExcludingGuests"
  allow_pstn_users_to_bypass_lobby                = false
  allow_external_participant_give_request_control = false
  meeting_chat_enabled_type                       = "EnabledExceptAnonymous"
  designated_presenter_role_mode                  = "OrganizerOnlyUserOverride"
  allow_cloud_recording                           = false
  allow_transcription                             = false
}

resource "teamshipaa_meeting_policy" "telehealth" {
  name             = "Telehealth"
  description      = "Patient visits"
  baseline_profile = "telehealth"

  allow_anonymous_users_to_join_meeting = true
  anonymous_user_authentication_method  = "OneTimePasscode"
  captcha_verification_for_meeting_join = "AnonymousUsersAndUntrustedOrganizations"
  auto_admitted_users                   = "OrganizerOnly"
  meeting_chat_enabled_type             = "EnabledExceptAnonymous"
  allow_cloud_recording                 = false
}

resource "teamshipaa_enhanced_encryption_policy" "clinicians" {
  name                                       = "Clinicians-E2EE"
  description                                = "End-to-end encryption available to clinicians"
  calling_end_to_end_encryption_enabled_type = "DisabledUserOverride"
  meeting_end_to_end_encryption              = "DisabledUserOverride"
}

resource "teamshipaa_app_permission_policy" "global" {
  name = "Global"

  default_catalog_apps_type = "AllowedAppList"
  default_catalog_apps = [
    "14d6962d-6eeb-4f48-8890-de55454bb136",
    "86fcd49b-61a2-4701-b771-54728cd291fb",
  ]
  global_catalog_apps_type  = "AllowedAppList"
  global_catalog_apps       = []
  private_catalog_apps_type = "AllowedAppList"
  private_catalog_apps      = []
}

resource "teamshipaa_messaging_policy" "global" {
  name = "Global"

  allow_security_end_user_reporting = true
  allow_memes                       = false
  giphy_rating_type                 = "Strict"
}

resource "teamshipaa_messaging_policy" "clinicians" {
  name                              = "Clinicians-Messaging"
  allow_security_end_user_reporting = true
}

resource "teamshipaa_external_access" "this" {
  allow_federated_users              = true
  allowed_domains                    = ["partner-hospital.example.org"]
  blocked_domains                    = []
  allow_teams_consumer               = false
  allow_teams_consumer_inbound       = false
  external_access_with_trial_tenants = "Blocked"
}

resource "teamshipaa_client_configuration" "this" {
  allow_guest_user         = true
  allow_email_into_channel = false
  allow_dropbox            = false
  allow_box                = false
  allow_google_drive       = false
  allow_sharefile          = false
  allow_egnyte             = false
}

resource "teamshipaa_meeting_configuration" "this" {
  disable_anonymous_join = false
  enable_qos             = true
}

resource "teamshipaa_policy_assignment" "clinicians_e2ee" {
  policy_type = "TeamsEnhancedEncryptionPolicy"
  policy_name = teamshipaa_enhanced_encryption_policy.clinicians.name
  group_id    = "5f3c2a51-7d4e-4b8a-9c1d-2e6f8a9b0c1d"
  rank        = 1
}

resource "teamshipaa_policy_assignment" "default_messaging" {
  policy_type = "TeamsMessagingPolicy"
  policy_name = teamshipaa_messaging_policy.clinicians.name
}

resource "teamshipaa_named_location" "clinics" {
  display_name = "Clinic networks"
  ip_ranges    = ["203.0.113.0/24", "2001:db8:10::/48"]
  is_trusted   = true
}

resource "teamshipaa_named_location" "operating_countries" {
  display_name          = "Operating countries"
  countries_and_regions = ["US", "CA"]
}

resource "teamshipaa_conditional_access_policy" "mfa_all_users" {
  display_name = "HIPAA - Require MFA for all users"
  state        = "enabledForReportingButNotEnforced"

  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = ["0b6d9e4f-3a2c-4f1e-8d7b-6c5a4b3e2d1f"]
    }
    applications = { include_applications = ["All"] }
    locations = {
      include_locations = ["All"]
      exclude_locations = [teamshipaa_named_location.clinics.id]
    }
  }

  grant_controls = { built_in_controls = ["mfa"] }
}

resource "teamshipaa_conditional_access_policy" "block_legacy_auth" {
  display_name = "HIPAA - Block legacy authentication"
  state        = "enabledForReportingButNotEnforced"

  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = ["0b6d9e4f-3a2c-4f1e-8d7b-6c5a4b3e2d1f"]
    }
    applications     = { include_applications = ["All"] }
    client_app_types = ["exchangeActiveSync", "other"]
  }

  grant_controls = { built_in_controls = ["block"] }
}

resource "teamshipaa_conditional_access_policy" "admins" {
  display_name = "HIPAA - Phishing-resistant MFA for administrators"
  state        = "enabledForReportingButNotEnforced"

  conditions = {
    users = {
      include_roles  = [data.teamshipaa_directory_role_template.global_admin.id]
      exclude_groups = ["0b6d9e4f-3a2c-4f1e-8d7b-6c5a4b3e2d1f"]
    }
    applications = { include_applications = ["All"] }
  }

  grant_controls = {
    authentication_strength_id = data.teamshipaa_authentication_strength_policy.phishing_resistant.id
  }

  session_controls = {
    sign_in_frequency  = { value = 4, type = "hours" }
    persistent_browser = { mode = "never" }
  }
}

resource "teamshipaa_conditional_access_policy" "block_device_code" {
  display_name = "HIPAA - Block device code flow"
  state        = "enabledForReportingButNotEnforced"

  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = ["0b6d9e4f-3a2c-4f1e-8d7b-6c5a4b3e2d1f"]
    }
    applications         = { include_applications = ["All"] }
    authentication_flows = { transfer_methods = ["deviceCodeFlow"] }
  }

  grant_controls = { built_in_controls = ["block"] }
}

resource "teamshipaa_dlp_policy" "hipaa" {
  name    = "HIPAA PHI"
  comment = "Blocks PHI leaving the organization"
  mode    = "Enable"

  teams_location           = ["All"]
  teams_location_exception = ["dlp-exempt@contoso.example"]
  exchange_location        = ["All"]
  sharepoint_location      = ["All"]
  onedrive_location        = ["All"]
}

resource "teamshipaa_dlp_policy" "teams_only" {
  name                     = "Teams only"
  mode                     = "TestWithNotifications"
  teams_location           = ["All"]
  teams_location_exception = []
}

data "teamshipaa_sensitive_information_types" "hipaa" {
  names = [
    "U.S. Social Security Number (SSN)",
    "Drug Enforcement Agency (DEA) Number",
  ]
}

resource "teamshipaa_dlp_rule" "phi_external" {
  name   = "PHI shared outside the organization"
  policy = teamshipaa_dlp_policy.hipaa.name

  content_contains_sensitive_information = {
    operator = "And"
    groups = [
      {
        name     = "Identifiers"
        operator = "Or"
        sensitive_types = [
          { name = "U.S. Social Security Number (SSN)" },
          { id = data.teamshipaa_sensitive_information_types.hipaa.ids["Drug Enforcement Agency (DEA) Number"] },
        ]
      },
      {
        name     = "Diagnoses"
        operator = "Or"
        sensitive_types = [
          { name = "International Classification of Diseases (ICD-9-CM)" },
          { name = "International Classification of Diseases (ICD-10-CM)", min_confidence = 75 },
        ]
      },
    ]
  }

  access_scope             = "NotInOrganization"
  block_access             = true
  block_access_scope       = "All"
  notify_user              = ["Owner", "SiteAdmin", "LastModifier"]
  generate_incident_report = ["security@contoso.example"]
  incident_report_content  = ["All"]
  report_severity_level    = "High"
  comment                  = "PHI does not leave the organization"
}

resource "teamshipaa_dlp_rule" "ssn_anywhere" {
  name   = "SSN shared outside the organization"
  policy = teamshipaa_dlp_policy.teams_only.name

  content_contains_sensitive_information = {
    sensitive_types = [
      { name = "U.S. Social Security Number (SSN)", min_count = 1, max_count = -1 },
    ]
  }

  access_scope          = "NotInOrganization"
  notify_user           = ["Owner"]
  notify_allow_override = ["WithJustification"]
  report_severity_level = "Medium"
}

resource "teamshipaa_retention_policy" "teams" {
  name    = "Teams - medical records schedule"
  comment = "HIPAA 164.316(b)(2)(i)"
  enabled = true

  teams_chat_location    = ["All"]
  teams_channel_location = ["All"]

  timeouts = {
    update = "15m"
  }
}

resource "teamshipaa_retention_rule" "teams" {
  name                        = "Teams - keep 6 years then delete"
  policy                      = teamshipaa_retention_policy.teams.name
  retention_duration          = "2190"
  retention_compliance_action = "KeepAndDelete"
}

resource "teamshipaa_audit_log_config" "this" {
  unified_audit_log_ingestion_enabled = true
}
