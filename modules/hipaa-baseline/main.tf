# The HIPAA baseline for Microsoft Teams and the Microsoft 365 controls around it.
#
# Every recommended value comes from the provider's control catalog (data.teamshipaa_baseline): this file
# states no recommended value of its own. It decides only what the catalog cannot: which objects exist,
# their names, who they are assigned to, the inputs (domains, apps, mailbox, retention period), and the
# shapes of the conditional access policies and the DLP rule (the catalog judges those with predicates).
# An exception replaces a control's value and is written into the resource's baseline_exceptions, so the
# plan-time check records the reason instead of warning.

data "teamshipaa_baseline" "this" {
  count   = var.catalog == null ? 1 : 0
  profile = var.profile
}

locals {
  catalog_controls = var.catalog == null ? data.teamshipaa_baseline.this[0].controls : var.catalog.controls
  # { "<resource type>": { "<scope>": { "<attribute>": value } } }, scope every | global | telehealth | tenant.
  catalog  = jsondecode(var.catalog == null ? data.teamshipaa_baseline.this[0].settings_json : var.catalog.settings_json)
  controls = { for c in local.catalog_controls : c.id => c }

  # Exceptions the catalog cannot take (checked by the preconditions of output.controls).
  unknown_exception_ids = sort(tolist(setsubtract(keys(var.exceptions), keys(local.controls))))
  # A control judged by a shape over several settings (a conditional access policy, a DLP rule) has no
  # single value to replace.
  valueless_exception_ids = sort([for id, e in var.exceptions : id if e.value != null && try(local.controls[id].value_json == "null", false)])

  # Exceptions with their control. An exception value is given as a string (true, 60 and "Everyone" all
  # convert); it takes the JSON type of the catalog's value: booleans and numbers as they are, lists as JSON.
  excepted = {
    for id, e in var.exceptions : id => merge(e, {
      control = local.controls[id]
      value = e.value == null ? null : jsondecode(
        can(regex("^(true|false|-?[0-9][0-9.eE+-]*|\\[.*\\])$", local.controls[id].value_json)) ? e.value : jsonencode(e.value)
      )
    }) if contains(keys(local.controls), id)
  }

  # The objects the module manages. `values`: the catalog scopes an object takes its values from: "every"
  # (every instance), "global" (the tenant-wide default: the Global policy, singletons), "telehealth"
  # (objects meant for patient visits), "tenant" (the object that carries a tenant-wide control). Custom
  # meeting policies start from the Global policy's values. `judged`: the scopes of the controls that judge
  # the object at plan time, whose exceptions its baseline_exceptions records.
  objects = {
    meeting_global        = { resource = "teamshipaa_meeting_policy", values = ["every", "global"], judged = ["every", "global"] }
    meeting_clinicians    = { resource = "teamshipaa_meeting_policy", values = ["every", "global"], judged = ["every"] }
    meeting_patient_visit = { resource = "teamshipaa_meeting_policy", values = ["every", "global", "telehealth"], judged = ["every", "telehealth"] }
    encryption_clinicians = { resource = "teamshipaa_enhanced_encryption_policy", values = ["every", "tenant"], judged = ["every", "tenant"] }
    app_permission_global = { resource = "teamshipaa_app_permission_policy", values = ["every", "global", "tenant"], judged = ["every", "global", "tenant"] }
    external_access       = { resource = "teamshipaa_external_access", values = ["every", "global", "tenant"], judged = ["every", "global", "tenant"] }
    client_configuration  = { resource = "teamshipaa_client_configuration", values = ["every", "global", "tenant"], judged = ["every", "global", "tenant"] }
    conditional_access    = { resource = "teamshipaa_conditional_access_policy", values = ["every"], judged = ["every", "tenant"] }
    dlp_policy            = { resource = "teamshipaa_dlp_policy", values = ["every", "tenant"], judged = ["every", "tenant"] }
    dlp_rule              = { resource = "teamshipaa_dlp_rule", values = ["every", "tenant"], judged = ["every", "tenant"] }
    retention_policy      = { resource = "teamshipaa_retention_policy", values = ["every", "tenant"], judged = ["every", "tenant"] }
    retention_rule        = { resource = "teamshipaa_retention_rule", values = ["every", "tenant"], judged = ["every", "tenant"] }
    audit_log_config      = { resource = "teamshipaa_audit_log_config", values = ["every", "global", "tenant"], judged = ["every", "global", "tenant"] }
    # Personal devices (devices.tf).
    app_protection_ios     = { resource = "teamshipaa_ios_app_protection_policy", values = ["every", "tenant"], judged = ["every", "tenant"] }
    app_protection_android = { resource = "teamshipaa_android_app_protection_policy", values = ["every", "tenant"], judged = ["every", "tenant"] }
  }

  # Per object: the catalog's values for its scopes, then the exceptions' values over them.
  settings = {
    for k, o in local.objects : k => merge(concat(
      [for sc in o.values : lookup(lookup(local.catalog, o.resource, {}), sc, {})],
      [{ for id, e in local.excepted : e.control.attribute => e.value if e.control.resource == o.resource && contains(o.values, e.control.scope) && e.control.value_json != "null" }],
    )...)
  }

  # Per object: baseline_exceptions, control id -> reason, for the controls that judge it (null when none).
  object_exceptions = {
    for k, o in local.objects : k => {
      for id, e in local.excepted : id => e.reason if e.control.resource == o.resource && contains(o.judged, e.control.scope)
    }
  }
  baseline_exceptions = { for k, m in local.object_exceptions : k => length(m) > 0 ? m : null }

  telehealth = var.profile == "telehealth"

  # Meeting policies: Global (everyone), clinicians (recording rights), and for telehealth the patient-visit
  # policy, where anonymous join is the point and the telehealth controls guard it.
  meeting_policies = merge(
    {
      global = {
        name        = "Global"
        object      = "meeting_global"
        profile     = null
        description = null
        own         = {}
      }
      clinicians = {
        name        = "${var.name_prefix}-Clinicians"
        object      = "meeting_clinicians"
        profile     = null
        description = "Clinicians: cloud recording and transcription, kept under the ${var.name_prefix} DLP and retention policies"
        # Recording rights are what this policy is for; the recordings land in OneDrive and SharePoint, in the
        # scope of the DLP and retention policies below.
        own = { allow_cloud_recording = true, allow_transcription = true }
      }
    },
    local.telehealth ? {
      patient_visit = {
        name        = "${var.name_prefix}-PatientVisit"
        object      = "meeting_patient_visit"
        profile     = "telehealth"
        description = "Telehealth patient visits: patients join without an account, after a one-time passcode and a CAPTCHA, and wait in the lobby"
        own         = { allow_anonymous_users_to_join_meeting = true }
      }
    } : {},
  )
  meeting = {
    for k, p in local.meeting_policies : k => merge(local.settings[p.object], p.own)
  }
}

# ---------------------------------------------------------------------------------------------------------
# Teams meetings
# ---------------------------------------------------------------------------------------------------------

resource "teamshipaa_meeting_policy" "this" {
  for_each = local.meeting_policies

  name                = each.value.name
  description         = each.value.description
  baseline_profile    = each.value.profile
  baseline_exceptions = local.baseline_exceptions[each.value.object]

  # Each attribute the catalog governs; an attribute it gives no value for stays null (left as the tenant has it).
  allow_anonymous_users_to_start_meeting          = lookup(local.meeting[each.key], "allow_anonymous_users_to_start_meeting", null)
  auto_admitted_users                             = lookup(local.meeting[each.key], "auto_admitted_users", null)
  allow_pstn_users_to_bypass_lobby                = lookup(local.meeting[each.key], "allow_pstn_users_to_bypass_lobby", null)
  allow_external_participant_give_request_control = lookup(local.meeting[each.key], "allow_external_participant_give_request_control", null)
  allow_participant_give_request_control          = lookup(local.meeting[each.key], "allow_participant_give_request_control", null)
  allow_anonymous_users_to_join_meeting           = lookup(local.meeting[each.key], "allow_anonymous_users_to_join_meeting", null)
  anonymous_user_authentication_method            = lookup(local.meeting[each.key], "anonymous_user_authentication_method", null)
  captcha_verification_for_meeting_join           = lookup(local.meeting[each.key], "captcha_verification_for_meeting_join", null)
  meeting_chat_enabled_type                       = lookup(local.meeting[each.key], "meeting_chat_enabled_type", null)
  allow_external_non_trusted_meeting_chat         = lookup(local.meeting[each.key], "allow_external_non_trusted_meeting_chat", null)
  designated_presenter_role_mode                  = lookup(local.meeting[each.key], "designated_presenter_role_mode", null)
  allow_cloud_recording                           = lookup(local.meeting[each.key], "allow_cloud_recording", null)
  allow_transcription                             = lookup(local.meeting[each.key], "allow_transcription", null)
  new_meeting_recording_expiration_days           = lookup(local.meeting[each.key], "new_meeting_recording_expiration_days", null)
  allow_recording_storage_outside_region          = lookup(local.meeting[each.key], "allow_recording_storage_outside_region", null)
  allow_watermark_for_screen_sharing              = lookup(local.meeting[each.key], "allow_watermark_for_screen_sharing", null)
  allow_watermark_for_camera_video                = lookup(local.meeting[each.key], "allow_watermark_for_camera_video", null)
}

locals {
  patient_visit_assigned = local.telehealth && var.telehealth_group_id != null
}

resource "teamshipaa_policy_assignment" "meeting_clinicians" {
  policy_type = "TeamsMeetingPolicy"
  policy_name = teamshipaa_meeting_policy.this["clinicians"].name
  group_id    = var.clinician_group_id
  # Below the patient-visit policy when both are assigned: a clinician who holds patient visits needs it.
  rank = local.patient_visit_assigned ? 2 : 1
}

resource "teamshipaa_policy_assignment" "meeting_patient_visit" {
  count = local.patient_visit_assigned ? 1 : 0

  policy_type = "TeamsMeetingPolicy"
  policy_name = teamshipaa_meeting_policy.this["patient_visit"].name
  group_id    = var.telehealth_group_id
  rank        = 1

  lifecycle {
    precondition {
      condition     = var.telehealth_group_id != var.clinician_group_id
      error_message = "telehealth_group_id must differ from clinician_group_id: a group holds one meeting policy. Use a group of the clinicians who hold patient visits."
    }
  }
}

# ---------------------------------------------------------------------------------------------------------
# End-to-end encryption for clinicians
# ---------------------------------------------------------------------------------------------------------

resource "teamshipaa_enhanced_encryption_policy" "clinicians" {
  name                = "${var.name_prefix}-Clinicians-E2EE"
  description         = "End-to-end encryption available to clinicians for sensitive calls and meetings"
  baseline_exceptions = local.baseline_exceptions.encryption_clinicians

  calling_end_to_end_encryption_enabled_type = lookup(local.settings.encryption_clinicians, "calling_end_to_end_encryption_enabled_type", null)
  meeting_end_to_end_encryption              = lookup(local.settings.encryption_clinicians, "meeting_end_to_end_encryption", null)
}

resource "teamshipaa_policy_assignment" "encryption_clinicians" {
  policy_type = "TeamsEnhancedEncryptionPolicy"
  policy_name = teamshipaa_enhanced_encryption_policy.clinicians.name
  group_id    = var.clinician_group_id
  rank        = 1
}

# ---------------------------------------------------------------------------------------------------------
# Apps, external access, guests, cloud storage
# ---------------------------------------------------------------------------------------------------------

resource "teamshipaa_app_permission_policy" "global" {
  name                = "Global"
  baseline_exceptions = local.baseline_exceptions.app_permission_global

  # Where a catalog type is an allow list, the list is the organization's: approved apps only.
  default_catalog_apps_type = lookup(local.settings.app_permission_global, "default_catalog_apps_type", null)
  default_catalog_apps      = lookup(local.settings.app_permission_global, "default_catalog_apps_type", null) == null ? null : var.approved_microsoft_app_ids
  global_catalog_apps_type  = lookup(local.settings.app_permission_global, "global_catalog_apps_type", null)
  global_catalog_apps       = lookup(local.settings.app_permission_global, "global_catalog_apps_type", null) == null ? null : var.approved_app_ids
  private_catalog_apps_type = lookup(local.settings.app_permission_global, "private_catalog_apps_type", null)
  private_catalog_apps      = lookup(local.settings.app_permission_global, "private_catalog_apps_type", null) == null ? null : []
}

resource "teamshipaa_external_access" "this" {
  baseline_exceptions = local.baseline_exceptions.external_access

  # Federation only with the listed domains (an explicit allow list), and off when there are none.
  allow_federated_users              = length(var.federated_domains) > 0
  allowed_domains                    = var.federated_domains
  allow_teams_consumer               = lookup(local.settings.external_access, "allow_teams_consumer", null)
  allow_teams_consumer_inbound       = lookup(local.settings.external_access, "allow_teams_consumer_inbound", null)
  external_access_with_trial_tenants = lookup(local.settings.external_access, "external_access_with_trial_tenants", null)
}

resource "teamshipaa_client_configuration" "this" {
  baseline_exceptions = local.baseline_exceptions.client_configuration

  allow_email_into_channel = lookup(local.settings.client_configuration, "allow_email_into_channel", null)
  allow_dropbox            = lookup(local.settings.client_configuration, "allow_dropbox", null)
  allow_box                = lookup(local.settings.client_configuration, "allow_box", null)
  allow_google_drive       = lookup(local.settings.client_configuration, "allow_google_drive", null)
  allow_sharefile          = lookup(local.settings.client_configuration, "allow_sharefile", null)
  allow_egnyte             = lookup(local.settings.client_configuration, "allow_egnyte", null)
}

# ---------------------------------------------------------------------------------------------------------
# Conditional access (Entra ID)
# ---------------------------------------------------------------------------------------------------------

data "teamshipaa_directory_role_template" "admin" {
  for_each     = toset(var.admin_role_names)
  display_name = each.value
}

data "teamshipaa_authentication_strength_policy" "phishing_resistant" {
  display_name = "Phishing-resistant MFA"
}

resource "teamshipaa_named_location" "trusted" {
  count = length(var.trusted_ip_ranges) > 0 && local.ca_wanted["HB.CA.9"] ? 1 : 0

  display_name = "${var.name_prefix} - Organization networks"
  ip_ranges    = var.trusted_ip_ranges
  is_trusted   = true
}

locals {
  # Every policy excludes the emergency-access accounts (HB.CA.10).
  everyone = { include_users = ["All"], exclude_users = var.break_glass_account_ids }
  # Managed-device policies leave guests out: their devices are managed by their own organization.
  members  = { include_users = ["All"], exclude_users = concat(var.break_glass_account_ids, ["GuestsOrExternalUsers"]) }
  all_apps = { include_applications = ["All"] }
  managed  = { built_in_controls = ["compliantDevice", "domainJoinedDevice"], operator = "OR" }
  block    = { built_in_controls = ["block"] }
  mfa      = { built_in_controls = ["mfa"] }

  # One policy per conditional access control of the catalog; a control with an exception gets none.
  # (HB.CA.10, the break-glass exclusion, is met by every policy.) The catalog judges the policies' shapes
  # (see each control's `expected`); the module states them. Each policy is its own resource block, so its
  # shape is visible here and known when Terraform validates the configuration.
  ca_wanted = {
    for c in ["HB.CA.1", "HB.CA.2", "HB.CA.3", "HB.CA.4", "HB.CA.5", "HB.CA.6", "HB.CA.7", "HB.CA.8", "HB.CA.9", "HB.CA.11", "HB.CA.12"] :
    c => contains(keys(local.controls), c) && !contains(keys(var.exceptions), c)
  }
  ca_name = "${var.name_prefix} -"
}

resource "teamshipaa_conditional_access_policy" "block_legacy_authentication" {
  count = local.ca_wanted["HB.CA.1"] ? 1 : 0

  display_name        = "${local.ca_name} Block legacy authentication"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions          = { users = local.everyone, applications = local.all_apps, client_app_types = ["exchangeActiveSync", "other"] }
  grant_controls      = local.block
}

resource "teamshipaa_conditional_access_policy" "mfa_all_users" {
  count = local.ca_wanted["HB.CA.2"] ? 1 : 0

  display_name        = "${local.ca_name} Require MFA for all users"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions          = { users = local.everyone, applications = local.all_apps }
  grant_controls      = local.mfa
}

resource "teamshipaa_conditional_access_policy" "admins_phishing_resistant_mfa" {
  count = local.ca_wanted["HB.CA.3"] ? 1 : 0

  display_name        = "${local.ca_name} Phishing-resistant MFA for administrators"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions = {
    users        = { include_roles = [for r in data.teamshipaa_directory_role_template.admin : r.id], exclude_users = var.break_glass_account_ids }
    applications = local.all_apps
  }
  grant_controls = { authentication_strength_id = data.teamshipaa_authentication_strength_policy.phishing_resistant.id }
}

resource "teamshipaa_conditional_access_policy" "managed_device" {
  count = local.ca_wanted["HB.CA.4"] ? 1 : 0

  display_name        = "${local.ca_name} Require a managed device"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  # Personal phones of the allowed platforms reach Office 365 through app protection instead (devices.tf).
  conditions = {
    users        = local.members
    applications = local.all_apps
    platforms    = length(local.device_platforms) > 0 ? { include_platforms = ["all"], exclude_platforms = ["iOS", "android"] } : null
  }
  grant_controls = local.managed
}

resource "teamshipaa_conditional_access_policy" "mfa_guests" {
  count = local.ca_wanted["HB.CA.5"] ? 1 : 0

  display_name        = "${local.ca_name} Require MFA for guests and external users"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions = {
    users        = { include_users = ["GuestsOrExternalUsers"], exclude_users = var.break_glass_account_ids }
    applications = local.all_apps
  }
  grant_controls = local.mfa
}

resource "teamshipaa_conditional_access_policy" "sign_in_frequency" {
  count = local.ca_wanted["HB.CA.6"] ? 1 : 0

  display_name        = "${local.ca_name} Sign-in frequency 7 days"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions          = { users = local.everyone, applications = local.all_apps }
  session_controls    = { sign_in_frequency = { value = 7, type = "days" } }
}

resource "teamshipaa_conditional_access_policy" "admins_session" {
  count = local.ca_wanted["HB.CA.7"] ? 1 : 0

  display_name        = "${local.ca_name} Administrator sessions 4 hours, no persistent browser"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions = {
    users        = { include_roles = [for r in data.teamshipaa_directory_role_template.admin : r.id], exclude_users = var.break_glass_account_ids }
    applications = local.all_apps # persistent_browser needs all cloud apps
  }
  session_controls = { sign_in_frequency = { value = 4, type = "hours" }, persistent_browser = { mode = "never" } }
}

resource "teamshipaa_conditional_access_policy" "block_device_code_flow" {
  count = local.ca_wanted["HB.CA.8"] ? 1 : 0

  display_name        = "${local.ca_name} Block device code flow"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions          = { users = local.everyone, applications = local.all_apps, authentication_flows = { transfer_methods = ["deviceCodeFlow"] } }
  grant_controls      = local.block
}

resource "teamshipaa_conditional_access_policy" "register_security_info" {
  count = local.ca_wanted["HB.CA.9"] ? 1 : 0

  display_name        = "${local.ca_name} Register security info from a managed device"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions = {
    users        = local.members
    applications = { include_user_actions = ["urn:user:registersecurityinfo"] }
    # With trusted networks, registering from them needs no managed device.
    locations = { include_locations = ["All"], exclude_locations = length(var.trusted_ip_ranges) > 0 ? ["AllTrusted"] : null }
  }
  grant_controls = local.managed

  # The trusted named location must exist before a policy excludes "AllTrusted".
  depends_on = [teamshipaa_named_location.trusted]
}

resource "teamshipaa_conditional_access_policy" "block_high_user_risk" {
  count = local.ca_wanted["HB.CA.11"] ? 1 : 0

  display_name        = "${local.ca_name} Block high user risk"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions          = { users = local.everyone, applications = local.all_apps, user_risk_levels = ["high"] }
  grant_controls      = local.block
}

resource "teamshipaa_conditional_access_policy" "block_high_sign_in_risk" {
  count = local.ca_wanted["HB.CA.12"] ? 1 : 0

  display_name        = "${local.ca_name} Block high sign-in risk"
  state               = var.conditional_access_state
  baseline_exceptions = local.baseline_exceptions.conditional_access
  conditions          = { users = local.everyone, applications = local.all_apps, sign_in_risk_levels = ["high"] }
  grant_controls      = local.block
}

locals {
  # Control id -> policy, for the outputs and the evidence.
  ca_policies = merge([for id, p in {
    "HB.CA.1"      = teamshipaa_conditional_access_policy.block_legacy_authentication
    "HB.CA.2"      = teamshipaa_conditional_access_policy.mfa_all_users
    "HB.CA.3"      = teamshipaa_conditional_access_policy.admins_phishing_resistant_mfa
    "HB.CA.4"      = teamshipaa_conditional_access_policy.managed_device
    "HB.CA.5"      = teamshipaa_conditional_access_policy.mfa_guests
    "HB.CA.6"      = teamshipaa_conditional_access_policy.sign_in_frequency
    "HB.CA.7"      = teamshipaa_conditional_access_policy.admins_session
    "HB.CA.8"      = teamshipaa_conditional_access_policy.block_device_code_flow
    "HB.CA.9"      = teamshipaa_conditional_access_policy.register_security_info
    "HB.CA.11"     = teamshipaa_conditional_access_policy.block_high_user_risk
    "HB.CA.12"     = teamshipaa_conditional_access_policy.block_high_sign_in_risk
    "HB.DEVICE.19" = length(teamshipaa_conditional_access_policy.app_protection) > 0 ? teamshipaa_conditional_access_policy.app_protection : teamshipaa_conditional_access_policy.block_personal_platforms
  } : { for r in p : id => r }]...)
}

# ---------------------------------------------------------------------------------------------------------
# Purview: DLP for PHI, Teams retention, unified audit log
# ---------------------------------------------------------------------------------------------------------

resource "teamshipaa_dlp_policy" "phi" {
  name                = "${var.name_prefix} - PHI"
  comment             = "PHI in Teams, mail, SharePoint and OneDrive (managed by Terraform)"
  baseline_exceptions = local.baseline_exceptions.dlp_policy

  # Enforced (HB.DLP.1, HB.DLP.2), over Teams chats and channels, and where Teams keeps files, recordings
  # and transcripts.
  mode                = "Enable"
  teams_location      = ["All"]
  exchange_location   = ["All"]
  sharepoint_location = ["All"]
  onedrive_location   = ["All"]
}

locals {
  # Microsoft's HIPAA template (HB.DLP.3): a patient identifier together with a diagnosis code.
  dlp_hipaa_condition = {
    operator = "And"
    groups = [
      {
        name     = "Patient identifiers"
        operator = "Or"
        sensitive_types = [
          { name = "U.S. Social Security Number (SSN)" },
          { name = "Drug Enforcement Agency (DEA) Number" },
        ]
      },
      {
        name     = "Diagnoses"
        operator = "Or"
        sensitive_types = [
          { name = "International Classification of Diseases (ICD-9-CM)" },
          { name = "International Classification of Diseases (ICD-10-CM)" },
        ]
      },
    ]
  }
  # Microsoft's enhanced HIPAA template (HB.DLP.7): a person's name or address together with a medical term.
  dlp_enhanced_condition = {
    operator = "And"
    groups = [
      {
        name     = "Person"
        operator = "Or"
        sensitive_types = [
          { name = "All Full Names" },
          { name = "U.S. Physical Addresses" },
        ]
      },
      {
        name            = "Medical terms"
        operator        = "Or"
        sensitive_types = [{ name = "All Medical Terms And Conditions" }]
      },
    ]
  }
}

# Blocks PHI shared outside the organization (HB.DLP.4), tells the sender (HB.DLP.5), and reports the
# incident at high severity to the security mailbox (HB.DLP.6).
resource "teamshipaa_dlp_rule" "phi" {
  name                = "${var.name_prefix} - PHI leaving the organization"
  policy              = teamshipaa_dlp_policy.phi.name
  comment             = "Blocks PHI leaving the organization, tells the sender, reports the incident"
  baseline_exceptions = local.baseline_exceptions.dlp_rule

  content_contains_sensitive_information = local.dlp_hipaa_condition

  access_scope             = "NotInOrganization"
  block_access             = true
  block_access_scope       = "All"
  notify_user              = ["Owner", "SiteAdmin", "LastModifier"] # in Teams, the sender
  generate_incident_report = [var.security_mailbox]
  incident_report_content  = ["All"]
  report_severity_level    = "High"
}

# Names, addresses and medical terms match far more content: this rule reports and tells the sender, and
# does not block (left out with an exception to HB.DLP.7).
resource "teamshipaa_dlp_rule" "phi_enhanced" {
  count = contains(keys(var.exceptions), "HB.DLP.7") ? 0 : 1

  name                = "${var.name_prefix} - PHI terms leaving the organization"
  policy              = teamshipaa_dlp_policy.phi.name
  comment             = "Reports names or addresses with medical terms leaving the organization"
  baseline_exceptions = local.baseline_exceptions.dlp_rule

  content_contains_sensitive_information = local.dlp_enhanced_condition

  access_scope             = "NotInOrganization"
  notify_user              = ["Owner", "SiteAdmin", "LastModifier"]
  generate_incident_report = [var.security_mailbox]
  incident_report_content  = ["All"]
  report_severity_level    = "Medium"
}

# Teams chats and channel messages kept for the records-retention period, then deleted (HB.RETENTION.*).
resource "teamshipaa_retention_policy" "teams" {
  name                = "${var.name_prefix} - Teams messages"
  comment             = "Teams chats and channel messages, medical-records schedule (managed by Terraform)"
  baseline_exceptions = local.baseline_exceptions.retention_policy

  enabled                = true
  teams_chat_location    = ["All"]
  teams_channel_location = ["All"]
}

resource "teamshipaa_retention_rule" "teams" {
  name                = "${var.name_prefix} - Teams messages - keep then delete"
  policy              = teamshipaa_retention_policy.teams.name
  baseline_exceptions = local.baseline_exceptions.retention_rule

  retention_duration          = tostring(var.records_retention_days)
  retention_compliance_action = lookup(local.settings.retention_rule, "retention_compliance_action", null)
}

resource "teamshipaa_audit_log_config" "this" {
  baseline_exceptions = local.baseline_exceptions.audit_log_config

  unified_audit_log_ingestion_enabled = lookup(local.settings.audit_log_config, "unified_audit_log_ingestion_enabled", null)
}
