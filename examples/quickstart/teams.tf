# The rest of the Teams baseline: end-to-end encryption for clinicians,
# external and guest access, cloud storage, and third-party apps.
# Values and sources: docs/guides/baseline-controls.md.

variable "clinicians_group_id" {
  description = "Object ID of the Entra group of clinicians who get end-to-end encryption. Leave null to skip the assignment."
  type        = string
  default     = null
}

variable "approved_app_ids" {
  description = "Third-party Teams apps approved for PHI (each covered by a BAA)."
  type        = set(string)
  default     = []
}

# SEED-A ("enable E2EE for sensitive calls") | HIPAA 164.312(a)(2)(iv), 164.312(e)(2)(ii).
# Users may turn it on per call; forcing it would drop recording and transcription.
resource "teamshipaa_enhanced_encryption_policy" "clinicians" {
  name                                       = "Clinicians-E2EE"
  description                                = "End-to-end encryption available to clinicians"
  calling_end_to_end_encryption_enabled_type = "DisabledUserOverride"
  meeting_end_to_end_encryption              = "DisabledUserOverride" # needs Teams Premium
}

resource "teamshipaa_policy_assignment" "clinicians_e2ee" {
  count       = var.clinicians_group_id == null ? 0 : 1
  policy_type = "TeamsEnhancedEncryptionPolicy"
  policy_name = teamshipaa_enhanced_encryption_policy.clinicians.name
  group_id    = var.clinicians_group_id
  rank        = 1
}

# External access: federation only with listed partners, no consumer accounts.
resource "teamshipaa_external_access" "this" {
  # SCuBA MS.TEAMS.2.1, CIS 8.2.1 | HIPAA 164.312(e)(1): federation only with an explicit list
  allow_federated_users = true
  allowed_domains       = ["partner-hospital.example.org"]
  # SCuBA MS.TEAMS.2.2/2.3, CIS 8.2.2/8.2.3, SEED-B (consumer Skype) | HIPAA 164.312(e)(1)
  allow_teams_consumer         = false
  allow_teams_consumer_inbound = false
  # CIS 8.2.4 | HIPAA 164.312(e)(1)
  external_access_with_trial_tenants = "Blocked"
}

# Guest access and cloud storage.
resource "teamshipaa_client_configuration" "this" {
  # No baseline | HIPAA 164.308(a)(4): guests only with guest MFA (conditional access)
  allow_guest_user = true
  # SCuBA MS.TEAMS.4.1, CIS 8.1.2 | HIPAA 164.312(e)(1)
  allow_email_into_channel = false
  # CIS 8.1.1, SEED-A | HIPAA 164.308(b)(1): no storage outside Microsoft 365 without a BAA
  allow_dropbox      = false
  allow_box          = false
  allow_google_drive = false
  allow_sharefile    = false
  allow_egnyte       = false
}

# Apps: Microsoft's apps allowed, third-party and custom apps only from the approved list.
resource "teamshipaa_app_permission_policy" "global" {
  name = "Global"
  # SCuBA MS.TEAMS.5.2, CIS 8.4.1, SEED-A (vet third-party integrations) | HIPAA 164.308(b)(1)
  global_catalog_apps_type = "AllowedAppList"
  global_catalog_apps      = var.approved_app_ids
  # SCuBA MS.TEAMS.5.3 | HIPAA 164.308(a)(4)
  private_catalog_apps_type = "AllowedAppList"
  private_catalog_apps      = []
}
