# Exceptions: the control's setting takes the exception's value, the resource records the reason in
# baseline_exceptions, the outputs and the evidence show it; a missing reason or approver, a malformed or
# past expiry date, an unknown control id, or a value for a control that has none fail the plan.

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
  profile                 = "staff"
  break_glass_account_ids = ["0b1e5a7c-9d3f-4c2e-8a6b-1f0e2d3c4b5a"]
  clinician_group_id      = "5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"
  security_mailbox        = "security@contoso.example"
  records_retention_days  = 2555
  business_associate_agreement = {
    executed_on = "2023-09-01"
    reference   = "Practice binder section 4"
  }
  training_attestation = {
    program      = "Annual HIPAA training"
    completed_on = "2026-03-31"
    attested_by  = "Sam Ortiz, Security Officer"
  }
}

run "exceptions_applied" {
  command = plan

  variables {
    catalog = run.catalog.staff
    exceptions = {
      # A string value on a global meeting control.
      "HB.MEETING.2" = {
        value       = "Everyone"
        reason      = "Community health talks are open to the public; no PHI is discussed in them."
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2099-12-31"
      }
      # A boolean value.
      "HB.MEETING.18" = {
        value       = false
        reason      = "No Teams Premium licenses."
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2099-06-30"
      }
      # A number, on a control that judges every meeting policy.
      "HB.MEETING.16" = {
        value       = 120
        reason      = "Recordings are reviewed for quality within 120 days."
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2099-01-31"
      }
      # No value: the setting is left as the tenant has it.
      "HB.CLIENT.3" = {
        reason      = "Box is covered by a BAA (contract BOX-2025-3)."
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2099-12-31"
      }
      # A conditional access control: its policy is not created.
      "HB.CA.11" = {
        reason      = "No Microsoft Entra ID P2 licenses; risky users are reviewed weekly from the sign-in logs."
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2099-12-31"
      }
      # A DLP control with a rule of its own: the rule is not created.
      "HB.DLP.7" = {
        reason      = "Too many false positives in the pilot; revisit after tuning."
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2099-12-31"
      }
    }
  }

  assert {
    condition     = teamshipaa_meeting_policy.this["global"].auto_admitted_users == "Everyone" && teamshipaa_meeting_policy.this["global"].allow_watermark_for_screen_sharing == false
    error_message = "The Global meeting policy takes the exceptions' values, typed as the attributes are."
  }
  assert {
    condition     = alltrue([for p in values(teamshipaa_meeting_policy.this) : p.new_meeting_recording_expiration_days == 120])
    error_message = "An exception to a control over every meeting policy reaches every meeting policy."
  }
  assert {
    condition = teamshipaa_meeting_policy.this["global"].baseline_exceptions == tomap({
      "HB.MEETING.2"  = "Community health talks are open to the public; no PHI is discussed in them."
      "HB.MEETING.18" = "No Teams Premium licenses."
      "HB.MEETING.16" = "Recordings are reviewed for quality within 120 days."
    })
    error_message = "The Global meeting policy records the reasons of the controls that judge it, by control id."
  }
  assert {
    condition     = teamshipaa_meeting_policy.this["clinicians"].baseline_exceptions == tomap({ "HB.MEETING.16" = "Recordings are reviewed for quality within 120 days." })
    error_message = "The clinician policy records only the exceptions of the controls that judge it (every policy)."
  }
  assert {
    condition     = local.settings.client_configuration.allow_box == null && teamshipaa_client_configuration.this.allow_dropbox == false && teamshipaa_client_configuration.this.baseline_exceptions == tomap({ "HB.CLIENT.3" = "Box is covered by a BAA (contract BOX-2025-3)." })
    error_message = "An exception without a value leaves the setting out (the tenant keeps its value), and records the reason."
  }
  assert {
    condition     = length(teamshipaa_conditional_access_policy.block_high_user_risk) == 0 && length(teamshipaa_conditional_access_policy.block_high_sign_in_risk) == 1
    error_message = "An excepted conditional access control gets no policy; the others stay."
  }
  assert {
    condition     = alltrue([for p in values(local.ca_policies) : p.baseline_exceptions == tomap({ "HB.CA.11" = "No Microsoft Entra ID P2 licenses; risky users are reviewed weekly from the sign-in logs." })])
    error_message = "The conditional access policies record the exception of the tenant control."
  }
  assert {
    condition     = length(teamshipaa_dlp_rule.phi_enhanced) == 0 && teamshipaa_dlp_rule.phi.baseline_exceptions["HB.DLP.7"] != ""
    error_message = "An excepted HB.DLP.7 leaves the enhanced rule out, and the PHI rule records why."
  }
  assert {
    condition     = teamshipaa_audit_log_config.this.baseline_exceptions == null
    error_message = "Resources no exception concerns carry no baseline_exceptions."
  }
  assert {
    condition = (output.controls["HB.MEETING.2"].status == "excepted"
      && output.controls["HB.MEETING.2"].value == "\"Everyone\""
      && output.controls["HB.MEETING.2"].reason == "Community health talks are open to the public; no PHI is discussed in them."
      && output.controls["HB.MEETING.2"].approved_by == "Sam Ortiz, Security Officer"
      && output.controls["HB.MEETING.2"].expires == "2099-12-31"
      && output.controls["HB.MEETING.16"].value == "120"
      && output.controls["HB.CLIENT.3"].value == "(left as the tenant has it)"
    && output.controls["HB.MEETING.1"].status == "applied")
    error_message = "The controls output shows each exception with its value, reason, approver and expiry."
  }
  assert {
    condition     = length([for c in values(output.controls) : c if c.status == "excepted"]) == 6
    error_message = "Exactly the six excepted controls are excepted."
  }
  assert {
    condition     = strcontains(local.configuration_markdown, "6 excepted")
    error_message = "The configuration part of the evidence counts the exceptions."
  }
  assert {
    condition = (output.assessment_exceptions["HB.CA.11"].reason == "No Microsoft Entra ID P2 licenses; risky users are reviewed weekly from the sign-in logs."
      && output.assessment_exceptions["HB.MEETING.2"].approved_by == "Sam Ortiz, Security Officer"
      && output.assessment_exceptions["HB.MEETING.2"].expires == "2099-12-31"
      && output.assessment_exceptions["HB.MEETING.2"].value == "\"Everyone\""
    && output.assessment_exceptions["HB.MEETING.2"].objects == tolist(["Global"]))
    error_message = "The exceptions reach teamshipaa_assessment with reason, approver, expiry and value, limited to the objects whose resources record them."
  }
  assert {
    condition     = data.teamshipaa_assessment.evidence.exceptions["HB.MEETING.2"].reason == "Community health talks are open to the public; no PHI is discussed in them."
    error_message = "The module wires the exceptions into its own assessment."
  }
}

run "exception_without_reason" {
  command = plan
  variables {
    catalog    = run.catalog.staff
    exceptions = { "HB.MEETING.2" = { value = "Everyone", approved_by = "Sam Ortiz", expires = "2099-12-31" } }
  }
  expect_failures = [var.exceptions]
}

run "exception_with_blank_reason" {
  command = plan
  variables {
    catalog    = run.catalog.staff
    exceptions = { "HB.MEETING.2" = { value = "Everyone", reason = "  ", approved_by = "Sam Ortiz", expires = "2099-12-31" } }
  }
  expect_failures = [var.exceptions]
}

run "exception_without_approver" {
  command = plan
  variables {
    catalog    = run.catalog.staff
    exceptions = { "HB.MEETING.2" = { value = "Everyone", reason = "Public talks.", expires = "2099-12-31" } }
  }
  expect_failures = [var.exceptions]
}

run "exception_without_expiry" {
  command = plan
  variables {
    catalog    = run.catalog.staff
    exceptions = { "HB.MEETING.2" = { value = "Everyone", reason = "Public talks.", approved_by = "Sam Ortiz" } }
  }
  expect_failures = [var.exceptions]
}

run "exception_with_malformed_expiry" {
  command = plan
  variables {
    catalog    = run.catalog.staff
    exceptions = { "HB.MEETING.2" = { value = "Everyone", reason = "Public talks.", approved_by = "Sam Ortiz", expires = "31/12/2099" } }
  }
  expect_failures = [var.exceptions]
}

run "exception_expired" {
  command = plan
  variables {
    catalog    = run.catalog.staff
    exceptions = { "HB.MEETING.2" = { value = "Everyone", reason = "Public talks.", approved_by = "Sam Ortiz", expires = "2020-01-31" } }
  }
  expect_failures = [var.exceptions]
}

run "exception_for_unknown_control" {
  command = plan
  variables {
    catalog    = run.catalog.staff
    exceptions = { "HB.MEETING.99" = { reason = "Typo.", approved_by = "Sam Ortiz", expires = "2099-12-31" } }
  }
  expect_failures = [output.controls]
}

run "exception_for_control_of_other_profile" {
  command = plan
  variables {
    catalog = run.catalog.staff
    # HB.MEETING.8 (one-time passcode) belongs to the telehealth profile only.
    exceptions = { "HB.MEETING.8" = { reason = "Not used.", approved_by = "Sam Ortiz", expires = "2099-12-31" } }
  }
  expect_failures = [output.controls]
}

run "exception_value_for_shape_control" {
  command = plan
  variables {
    catalog    = run.catalog.staff
    exceptions = { "HB.CA.1" = { value = "report-only", reason = "Pilot.", approved_by = "Sam Ortiz", expires = "2099-12-31" } }
  }
  expect_failures = [output.controls]
}

# HB.AUDIT.2: an organization without Audit (Premium) opts out with an exception and no duration: no audit
# log retention policy is created, and the control is recorded as excepted with its reason. An alert
# control with an exception gets no alert policy.
run "audit_premium_opt_out" {
  command = plan

  variables {
    catalog = run.catalog.staff
    exceptions = {
      "HB.AUDIT.2" = {
        reason      = "No Audit (Premium) licences: audit records are kept the default 180 days; exported monthly to the records archive."
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2099-12-31"
      }
      "HB.AUDIT.4" = {
        reason      = "Team membership is reviewed weekly from the access report instead."
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2099-12-31"
      }
    }
  }

  assert {
    condition     = length(teamshipaa_audit_log_retention_policy.teams) == 0
    error_message = "An HB.AUDIT.2 exception without a duration creates no audit log retention policy."
  }
  assert {
    condition     = output.controls["HB.AUDIT.2"].status == "excepted" && startswith(output.controls["HB.AUDIT.2"].reason, "No Audit (Premium)")
    error_message = "The opt-out is recorded as an exception with its reason, not a silent gap."
  }
  assert {
    condition     = toset(keys(teamshipaa_protection_alert.audit)) == toset(["HB.AUDIT.3", "HB.AUDIT.5"])
    error_message = "The excepted alert control gets no alert policy; the others do."
  }
}

# A shorter retention than the catalog's is a departure: refused without an exception...
run "audit_retention_shorter_without_exception" {
  command = plan

  variables {
    catalog                      = run.catalog.staff
    audit_log_retention_duration = "TwelveMonths"
  }
  expect_failures = [teamshipaa_audit_log_retention_policy.teams]
}

# ...and applied with one, the reason kept in the policy's baseline_exceptions.
run "audit_retention_shorter_with_exception" {
  command = plan

  variables {
    catalog                      = run.catalog.staff
    audit_log_retention_duration = "TwelveMonths"
    exceptions = {
      "HB.AUDIT.2" = {
        reason      = "Audit (Premium) without the 10-Year add-on: one year is the longest available."
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2099-12-31"
      }
    }
  }

  assert {
    condition     = teamshipaa_audit_log_retention_policy.teams[0].retention_duration == "TwelveMonths"
    error_message = "The input's duration is used when an exception records the departure."
  }
  assert {
    condition     = teamshipaa_audit_log_retention_policy.teams[0].baseline_exceptions["HB.AUDIT.2"] != null
    error_message = "The policy carries the exception's reason."
  }
}
