# The plan for both profiles, against a mocked provider, with the provider's real catalog (tests/catalog
# reads tests/fixtures/, generated from the provider's teamshipaa_baseline; scripts/test-module.sh fails
# when they are stale). Assertions compare the plan with the catalog's settings, so they check that every
# recommended value reaches the resource it governs, whatever the catalog holds.

mock_provider "teamshipaa" {
  # Object IDs where the provider validates them.
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
  break_glass_account_ids = ["0b1e5a7c-9d3f-4c2e-8a6b-1f0e2d3c4b5a", "6f2d9e41-3c8a-4b7e-a915-2d4c6e8f0a1b"]
  clinician_group_id      = "5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"
  federated_domains       = ["partner-hospital.example.org"]
  approved_app_ids        = ["2b8f9c1e-7d6a-4e5b-9c3d-1a0f8e7d6c5b"]
  security_mailbox        = "privacy-office@contoso.example"
  records_retention_days  = 2190
  business_associate_agreement = {
    executed_on = "2024-01-15"
    reference   = "LEGAL-2024-017"
  }
  training_attestation = {
    program      = "HIPAA Security Awareness 2026"
    completed_on = "2026-03-31"
    attested_by  = "Dana Whitfield, Privacy Officer"
  }
}

run "staff" {
  command = plan

  variables {
    catalog = run.catalog.staff
    profile = "staff"
  }

  # Audit records of Teams kept for the catalog's duration; one alert policy per alert control, to the security mailbox.
  assert {
    condition = (teamshipaa_audit_log_retention_policy.teams[0].retention_duration == local.catalog.teamshipaa_audit_log_retention_policy.tenant.retention_duration
    && teamshipaa_audit_log_retention_policy.teams[0].record_types == toset(["MicrosoftTeams"]))
    error_message = "The audit log retention policy keeps every Teams record for the catalog's duration (HB.AUDIT.2)."
  }
  assert {
    condition = (toset(keys(teamshipaa_protection_alert.audit)) == toset(["HB.AUDIT.3", "HB.AUDIT.4", "HB.AUDIT.5"])
    && alltrue([for a in teamshipaa_protection_alert.audit : a.notify_user == toset([var.security_mailbox]) && a.aggregation_type == "None" && a.disabled == local.catalog.teamshipaa_protection_alert.every.disabled]))
    error_message = "Each alert control gets a single-event alert policy to the security mailbox, on (HB.AUDIT.3-6)."
  }

  # Meeting policies: Global and clinicians, no patient-visit policy.
  assert {
    condition     = toset(keys(teamshipaa_meeting_policy.this)) == toset(["global", "clinicians"])
    error_message = "The staff profile has the Global and clinician meeting policies only."
  }
  assert {
    condition     = teamshipaa_meeting_policy.this["global"].name == "Global" && teamshipaa_meeting_policy.this["global"].baseline_profile == null
    error_message = "The Global meeting policy is managed, under the staff profile."
  }
  assert {
    condition = alltrue([for k, v in merge(
      local.catalog.teamshipaa_meeting_policy.every,
      local.catalog.teamshipaa_meeting_policy.global,
    ) : teamshipaa_meeting_policy.this["global"][k] == v])
    error_message = "The Global meeting policy has every catalog value for every and global meeting policies."
  }
  assert {
    condition     = teamshipaa_meeting_policy.this["global"].allow_anonymous_users_to_join_meeting == false && teamshipaa_meeting_policy.this["global"].auto_admitted_users == "EveryoneInCompanyExcludingGuests"
    error_message = "Global: no anonymous join, only people in the organization bypass the lobby."
  }
  assert {
    condition = alltrue([for k, v in local.catalog.teamshipaa_meeting_policy.every :
    teamshipaa_meeting_policy.this["clinicians"][k] == v])
    error_message = "The clinician meeting policy has every catalog value for every meeting policy."
  }
  assert {
    condition     = teamshipaa_meeting_policy.this["clinicians"].allow_cloud_recording == true && teamshipaa_meeting_policy.this["clinicians"].allow_transcription == true
    error_message = "Clinicians may record and transcribe."
  }
  assert {
    condition     = teamshipaa_meeting_policy.this["clinicians"].auto_admitted_users == teamshipaa_meeting_policy.this["global"].auto_admitted_users
    error_message = "The clinician policy starts from the Global policy's values."
  }
  assert {
    condition     = teamshipaa_policy_assignment.meeting_clinicians.group_id == var.clinician_group_id && teamshipaa_policy_assignment.meeting_clinicians.rank == 1 && length(teamshipaa_policy_assignment.meeting_patient_visit) == 0
    error_message = "The clinician meeting policy is assigned to the clinicians group, first in rank."
  }

  # End-to-end encryption.
  assert {
    condition = alltrue([for k, v in local.catalog.teamshipaa_enhanced_encryption_policy.tenant :
    teamshipaa_enhanced_encryption_policy.clinicians[k] == v])
    error_message = "The clinicians' encryption policy has the catalog's values."
  }
  assert {
    condition     = teamshipaa_policy_assignment.encryption_clinicians.policy_type == "TeamsEnhancedEncryptionPolicy" && teamshipaa_policy_assignment.encryption_clinicians.group_id == var.clinician_group_id
    error_message = "The encryption policy is assigned to the clinicians group."
  }

  # Apps, external access, client.
  assert {
    condition = alltrue([for k, v in local.catalog.teamshipaa_app_permission_policy.every :
    teamshipaa_app_permission_policy.global[k] == v])
    error_message = "The Global app permission policy has the catalog's values."
  }
  assert {
    condition     = teamshipaa_app_permission_policy.global.global_catalog_apps == toset(var.approved_app_ids) && length(teamshipaa_app_permission_policy.global.private_catalog_apps) == 0
    error_message = "Third-party apps: only the approved ones; custom apps: none."
  }
  assert {
    condition = alltrue([for k, v in local.catalog.teamshipaa_external_access.global :
    teamshipaa_external_access.this[k] == v])
    error_message = "External access has the catalog's values."
  }
  assert {
    condition     = teamshipaa_external_access.this.allow_federated_users == true && teamshipaa_external_access.this.allowed_domains == toset(var.federated_domains)
    error_message = "Federation only with the listed domains."
  }
  assert {
    condition = alltrue([for k, v in local.catalog.teamshipaa_client_configuration.global :
    teamshipaa_client_configuration.this[k] == v])
    error_message = "The client configuration has the catalog's values."
  }

  # Conditional access: one policy per control, report-only, break-glass accounts excluded from every one.
  assert {
    condition     = toset(keys(local.ca_policies)) == toset(["HB.CA.1", "HB.CA.2", "HB.CA.3", "HB.CA.4", "HB.CA.5", "HB.CA.6", "HB.CA.7", "HB.CA.8", "HB.CA.9", "HB.CA.11", "HB.CA.12", "HB.DEVICE.19"])
    error_message = "One conditional access policy per conditional access control of the catalog (HB.CA.10 is met by each)."
  }
  assert {
    condition     = alltrue([for p in values(local.ca_policies) : p.state == "enabledForReportingButNotEnforced"])
    error_message = "Conditional access policies default to report-only."
  }
  assert {
    condition = alltrue([for p in values(local.ca_policies) :
    alltrue([for id in var.break_glass_account_ids : contains(p.conditions.users.exclude_users, id)])])
    error_message = "Every conditional access policy excludes every break-glass account."
  }
  assert {
    condition     = length(data.teamshipaa_directory_role_template.admin) == length(var.admin_role_names) && contains(teamshipaa_conditional_access_policy.admins_phishing_resistant_mfa[0].conditions.users.include_roles, data.teamshipaa_directory_role_template.admin["Hybrid Identity Administrator"].id) && teamshipaa_conditional_access_policy.admins_session[0].session_controls.persistent_browser.mode == "never"
    error_message = "The administrators' policies cover every admin role; no persistent browser."
  }
  assert {
    condition     = length(teamshipaa_named_location.trusted) == 0 && teamshipaa_conditional_access_policy.register_security_info[0].conditions.locations.exclude_locations == null
    error_message = "No trusted ranges: no named location, and registration needs a managed device everywhere."
  }

  # Purview.
  assert {
    condition     = teamshipaa_dlp_policy.phi.mode == "Enable" && teamshipaa_dlp_policy.phi.teams_location == toset(["All"]) && teamshipaa_dlp_policy.phi.onedrive_location == toset(["All"])
    error_message = "The DLP policy is enforced over Teams and where Teams keeps files and recordings."
  }
  assert {
    condition     = teamshipaa_dlp_rule.phi.generate_incident_report == toset([var.security_mailbox]) && teamshipaa_dlp_rule.phi.block_access == true && teamshipaa_dlp_rule.phi.report_severity_level == "High"
    error_message = "The PHI rule blocks, and reports to the security mailbox at high severity."
  }
  assert {
    condition     = length(teamshipaa_dlp_rule.phi_enhanced) == 1
    error_message = "The enhanced PHI rule exists."
  }
  assert {
    condition = teamshipaa_retention_rule.teams.retention_duration == "2190" && alltrue([for k, v in local.catalog.teamshipaa_retention_rule.every :
    teamshipaa_retention_rule.teams[k] == v])
    error_message = "Teams messages are kept for the records-retention period, as the catalog's rule wants."
  }
  assert {
    condition     = teamshipaa_audit_log_config.this.unified_audit_log_ingestion_enabled == local.catalog.teamshipaa_audit_log_config.global.unified_audit_log_ingestion_enabled
    error_message = "Audit log ingestion takes the catalog's value."
  }

  # Nothing excepted: no baseline_exceptions anywhere.
  assert {
    condition     = teamshipaa_meeting_policy.this["global"].baseline_exceptions == null && teamshipaa_audit_log_config.this.baseline_exceptions == null
    error_message = "Without exceptions, no resource carries baseline_exceptions."
  }

  # Outputs.
  assert {
    condition     = toset(keys(output.controls)) == toset(var.catalog.controls[*].id)
    error_message = "The controls output lists every control of the profile."
  }
  assert {
    condition     = alltrue([for c in values(output.controls) : c.status == "applied"])
    error_message = "Without exceptions, every control is applied: ${join(", ", [for id, c in output.controls : "${id}=${c.status}" if c.status != "applied"])}."
  }
  assert {
    condition     = output.controls["HB.MEETING.2"].value == "\"EveryoneInCompanyExcludingGuests\"" && contains(output.controls["HB.MEETING.2"].hipaa, "164.312(d)")
    error_message = "The controls output carries the value set and the citations."
  }
  assert {
    condition = alltrue([for s in [
      "Baseline profile | `staff`",
      "0 excepted",
      "LEGAL-2024-017",
      "HIPAA Security Awareness 2026",
      "Dana Whitfield, Privacy Officer",
      "privacy-office@contoso.example",
      "report-only",
      "hipaa-baseline module ${local.module_version}",
    ] : strcontains(local.configuration_markdown, s)])
    error_message = "The configuration part of the evidence names the profile, the module version, the BAA and the training."
  }
  assert {
    condition     = data.teamshipaa_assessment.live.managed_objects["teamshipaa_meeting_policy"] == toset(["Global", "HIPAA-Clinicians"]) && data.teamshipaa_assessment.live.managed_objects["teamshipaa_external_access"] == toset(["Global"])
    error_message = "The assessment knows which objects the module manages, by the names it reads them under."
  }
  assert {
    condition     = data.teamshipaa_assessment.live.summary_only == true && !(data.teamshipaa_assessment.evidence.summary_only == true)
    error_message = "The live reading is read only for its content hash (summary_only); the evidence reading carries the documents."
  }
  assert {
    condition     = data.teamshipaa_assessment.evidence.module_version == local.module_version && data.teamshipaa_assessment.evidence.profile == "staff"
    error_message = "The evidence states the module version and the profile."
  }
  assert {
    condition     = length(output.object_profiles) == 0
    error_message = "Staff: every object is judged under the staff profile."
  }
}

run "telehealth" {
  command = plan

  variables {
    catalog                  = run.catalog.telehealth
    profile                  = "telehealth"
    telehealth_group_id      = "8c1f7a2e-4d6b-4e9a-b3c5-7e2d1f0a9b8c"
    trusted_ip_ranges        = ["203.0.113.0/24"]
    conditional_access_state = "enabled"
    organization             = "Contoso Health Clinic"
  }

  assert {
    condition     = toset(keys(teamshipaa_meeting_policy.this)) == toset(["global", "clinicians", "patient_visit"])
    error_message = "The telehealth profile adds the patient-visit meeting policy."
  }
  assert {
    condition     = teamshipaa_meeting_policy.this["patient_visit"].baseline_profile == "telehealth" && teamshipaa_meeting_policy.this["global"].baseline_profile == null
    error_message = "Only the patient-visit policy is judged under the telehealth profile."
  }
  assert {
    condition     = teamshipaa_meeting_policy.this["patient_visit"].allow_anonymous_users_to_join_meeting == true
    error_message = "Patients join the patient-visit meetings anonymously."
  }
  assert {
    condition = alltrue([for k, v in local.catalog.teamshipaa_meeting_policy.telehealth :
    teamshipaa_meeting_policy.this["patient_visit"][k] == v])
    error_message = "The patient-visit policy has every telehealth value of the catalog."
  }
  assert {
    condition     = teamshipaa_meeting_policy.this["patient_visit"].anonymous_user_authentication_method == "OneTimePasscode" && teamshipaa_meeting_policy.this["patient_visit"].captcha_verification_for_meeting_join == "AnonymousUsersAndUntrustedOrganizations"
    error_message = "Anonymous join is guarded by a one-time passcode and a CAPTCHA."
  }
  assert {
    condition     = teamshipaa_meeting_policy.this["global"].allow_anonymous_users_to_join_meeting == false && teamshipaa_meeting_policy.this["clinicians"].allow_anonymous_users_to_join_meeting == false
    error_message = "Anonymous join stays off outside the patient-visit policy."
  }
  assert {
    condition     = teamshipaa_policy_assignment.meeting_patient_visit[0].group_id == var.telehealth_group_id && teamshipaa_policy_assignment.meeting_patient_visit[0].rank == 1 && teamshipaa_policy_assignment.meeting_clinicians.rank == 2
    error_message = "The patient-visit policy is assigned to the telehealth group first, the clinician policy second."
  }
  assert {
    condition     = alltrue([for p in values(local.ca_policies) : p.state == "enabled"])
    error_message = "conditional_access_state reaches every policy."
  }
  assert {
    condition     = length(teamshipaa_named_location.trusted) == 1 && teamshipaa_named_location.trusted[0].is_trusted && teamshipaa_conditional_access_policy.register_security_info[0].conditions.locations.exclude_locations == toset(["AllTrusted"])
    error_message = "Trusted ranges: a trusted named location, excluded from the registration policy."
  }
  assert {
    condition     = output.object_profiles == tomap({ "HIPAA-PatientVisit" = "telehealth" })
    error_message = "The patient-visit policy is named for the assessment."
  }
  assert {
    condition     = alltrue([for s in ["Organization: **Contoso Health Clinic**", "Baseline profile | `telehealth`", "HIPAA-PatientVisit", "enforced"] : strcontains(local.configuration_markdown, s)]) && contains(keys(output.controls), "HB.MEETING.8")
    error_message = "The evidence covers the telehealth controls and objects."
  }
  assert {
    condition     = data.teamshipaa_assessment.evidence.object_profiles == tomap({ "HIPAA-PatientVisit" = "telehealth" }) && data.teamshipaa_assessment.evidence.organization == "Contoso Health Clinic"
    error_message = "The evidence judges the patient-visit policy as telehealth and names the organization."
  }
}
