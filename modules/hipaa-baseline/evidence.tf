# The evidence: the live tenant, read after every object of the module is in place, judged against the same
# catalog, with the exceptions as the resources record them. The document is rendered by the provider
# (teamshipaa_assessment's evidence_markdown and html); this file wires it and adds what only the module
# knows (the business associate agreement, the training, what it configured).

locals {
  # The module's version, stated in the evidence. Bump with each release of the module.
  module_version = "0.1.0"

  # Every object the module manages, by the name the assessment reads it under (singletons are "Global"),
  # with the exceptions its resource records in baseline_exceptions.
  managed_list = concat(
    [for p in teamshipaa_meeting_policy.this : { resource = "teamshipaa_meeting_policy", name = p.name, exceptions = p.baseline_exceptions }],
    [{ resource = "teamshipaa_enhanced_encryption_policy", name = teamshipaa_enhanced_encryption_policy.clinicians.name, exceptions = teamshipaa_enhanced_encryption_policy.clinicians.baseline_exceptions }],
    [{ resource = "teamshipaa_app_permission_policy", name = "Global", exceptions = teamshipaa_app_permission_policy.global.baseline_exceptions }],
    [{ resource = "teamshipaa_external_access", name = "Global", exceptions = teamshipaa_external_access.this.baseline_exceptions }],
    [{ resource = "teamshipaa_client_configuration", name = "Global", exceptions = teamshipaa_client_configuration.this.baseline_exceptions }],
    [for p in values(local.ca_policies) : { resource = "teamshipaa_conditional_access_policy", name = p.display_name, exceptions = p.baseline_exceptions }],
    [for l in teamshipaa_named_location.trusted : { resource = "teamshipaa_named_location", name = l.display_name, exceptions = null }],
    [{ resource = "teamshipaa_dlp_policy", name = teamshipaa_dlp_policy.phi.name, exceptions = teamshipaa_dlp_policy.phi.baseline_exceptions }],
    [for r in concat([teamshipaa_dlp_rule.phi], teamshipaa_dlp_rule.phi_enhanced) : { resource = "teamshipaa_dlp_rule", name = r.name, exceptions = r.baseline_exceptions }],
    [{ resource = "teamshipaa_retention_policy", name = teamshipaa_retention_policy.teams.name, exceptions = teamshipaa_retention_policy.teams.baseline_exceptions }],
    [{ resource = "teamshipaa_retention_rule", name = teamshipaa_retention_rule.teams.name, exceptions = teamshipaa_retention_rule.teams.baseline_exceptions }],
    [{ resource = "teamshipaa_audit_log_config", name = "Global", exceptions = teamshipaa_audit_log_config.this.baseline_exceptions }],
    [for p in teamshipaa_audit_log_retention_policy.teams : { resource = "teamshipaa_audit_log_retention_policy", name = p.name, exceptions = p.baseline_exceptions }],
    [for a in teamshipaa_protection_alert.audit : { resource = "teamshipaa_protection_alert", name = a.name, exceptions = a.baseline_exceptions }],
    [for p in teamshipaa_ios_app_protection_policy.this : { resource = "teamshipaa_ios_app_protection_policy", name = p.display_name, exceptions = p.baseline_exceptions }],
    [for p in teamshipaa_android_app_protection_policy.this : { resource = "teamshipaa_android_app_protection_policy", name = p.display_name, exceptions = p.baseline_exceptions }],
    [for p in teamshipaa_conditional_access_policy.block_personal_platforms : { resource = "teamshipaa_conditional_access_policy", name = p.display_name, exceptions = p.baseline_exceptions } if length(teamshipaa_conditional_access_policy.app_protection) > 0],
  )
  managed_objects = { for o in local.managed_list : o.resource => o.name... }

  # Each exception as teamshipaa_assessment takes it: the reason, approver and expiry from var.exceptions,
  # limited to the objects whose resources record it in baseline_exceptions (every object when none does:
  # an exception to a control over an object the module leaves out, such as HB.DLP.7).
  assessment_exceptions = {
    for id, e in local.excepted : id => {
      reason      = e.reason
      approved_by = e.approved_by
      expires     = e.expires
      value       = e.value == null ? null : jsonencode(e.value)
      objects = length([for o in local.managed_list : o if contains(keys(coalesce(o.exceptions, {})), id)]) > 0 ? distinct(
        [for o in local.managed_list : o.name if contains(keys(coalesce(o.exceptions, {})), id)]
      ) : null
    }
  }
  assessment_args = {
    profile         = var.profile
    object_profiles = tomap({ for k, p in local.meeting_policies : p.name => p.profile if p.profile != null })
  }
}

# Read once everything is applied: the content hash says whether what the evidence would state changed.
# Only the hash is read from it, so it carries no results or documents (summary_only: the same hash as a full
# read's; the documents would be hundreds of KB to MB in every plan and state for nothing).
data "teamshipaa_assessment" "live" {
  summary_only    = true
  profile         = local.assessment_args.profile
  object_profiles = local.assessment_args.object_profiles
  exceptions      = local.assessment_exceptions
  managed_objects = local.managed_objects
  module_version  = local.module_version
  organization    = var.organization

  depends_on = [
    teamshipaa_meeting_policy.this, teamshipaa_policy_assignment.meeting_clinicians, teamshipaa_policy_assignment.meeting_patient_visit,
    teamshipaa_enhanced_encryption_policy.clinicians, teamshipaa_policy_assignment.encryption_clinicians,
    teamshipaa_app_permission_policy.global, teamshipaa_external_access.this, teamshipaa_client_configuration.this,
    teamshipaa_named_location.trusted, teamshipaa_conditional_access_policy.block_legacy_authentication,
    teamshipaa_conditional_access_policy.mfa_all_users, teamshipaa_conditional_access_policy.admins_phishing_resistant_mfa,
    teamshipaa_conditional_access_policy.managed_device, teamshipaa_conditional_access_policy.mfa_guests,
    teamshipaa_conditional_access_policy.sign_in_frequency, teamshipaa_conditional_access_policy.admins_session,
    teamshipaa_conditional_access_policy.block_device_code_flow, teamshipaa_conditional_access_policy.register_security_info,
    teamshipaa_conditional_access_policy.block_high_user_risk, teamshipaa_conditional_access_policy.block_high_sign_in_risk,
    teamshipaa_dlp_policy.phi, teamshipaa_dlp_rule.phi, teamshipaa_dlp_rule.phi_enhanced,
    teamshipaa_retention_policy.teams, teamshipaa_retention_rule.teams, teamshipaa_audit_log_config.this,
    teamshipaa_audit_log_retention_policy.teams, teamshipaa_protection_alert.audit,
    teamshipaa_ios_app_protection_policy.this, teamshipaa_android_app_protection_policy.this,
    teamshipaa_conditional_access_policy.app_protection, teamshipaa_conditional_access_policy.block_personal_platforms,
  ]
}

# When the evidence's content last changed: a new time only when the content hash does, so a plan that
# finds the tenant as it was changes no output (and `terraform plan` stays empty).
resource "terraform_data" "evidence_generated" {
  triggers_replace = data.teamshipaa_assessment.live.content_hash
  input            = plantimestamp()

  lifecycle {
    ignore_changes = [input]
  }
}

# The same reading, dated when its content was recorded.
data "teamshipaa_assessment" "evidence" {
  profile         = local.assessment_args.profile
  object_profiles = local.assessment_args.object_profiles
  exceptions      = local.assessment_exceptions
  managed_objects = local.managed_objects
  module_version  = local.module_version
  organization    = var.organization
  generated_at    = terraform_data.evidence_generated.output
}
