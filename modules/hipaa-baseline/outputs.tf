locals {
  managed_resources = distinct([for o in values(local.objects) : o.resource])

  control_status = {
    for id, c in local.controls : id => {
      id        = id
      title     = c.title
      level     = c.level
      resource  = c.resource
      attribute = c.attribute
      scope     = c.scope
      status    = contains(keys(local.excepted), id) ? "excepted" : contains(local.managed_resources, c.resource) ? "applied" : "not_managed"
      # What the module sets: the exception's value, else the catalog's (JSON), else the rule in words.
      value = (contains(keys(local.excepted), id)
        ? (local.excepted[id].value != null ? jsonencode(local.excepted[id].value)
        : c.value_json == "null" ? "(not configured by this module)" : "(left as the tenant has it)")
        : (c.value_json != "null" ? c.value_json : c.expected)
      )
      expected    = c.expected
      hipaa       = c.hipaa
      scuba       = c.scuba
      cis         = c.cis
      maester     = c.maester
      sources     = c.sources
      trade_off   = c.trade_off
      reason      = try(local.excepted[id].reason, null)
      approved_by = try(local.excepted[id].approved_by, null)
      expires     = try(local.excepted[id].expires, null)
      # What the live tenant shows after the apply: the control's result over every object, or
      # "not_assessed" when no object is judged by it (the assessment judges an unmarked object as staff).
      result = lookup(data.teamshipaa_assessment.evidence.control_results, id, "not_assessed")
    }
  }
  control_order = [for c in local.catalog_controls : c.id]
  status_counts = { for s in ["applied", "excepted", "not_managed"] : s => length([for c in values(local.control_status) : c if c.status == s]) }

  ca_state_words = {
    enabledForReportingButNotEnforced = "report-only (evaluated and logged, not enforced)"
    enabled                           = "enforced"
    disabled                          = "disabled"
  }

  md_ca_items     = [for id in local.control_order : "  - ${local.ca_policies[id].display_name} (${id})" if contains(keys(local.ca_policies), id)]
  md_meeting_list = join(", ", [for k in ["global", "clinicians", "patient_visit"] : "`${local.meeting_policies[k].name}`" if contains(keys(local.meeting_policies), k)])
  md_patient_visit = local.telehealth ? format(
    "\n- `%s` holds telehealth patient visits: anonymous join after a one-time passcode and a CAPTCHA, patients wait in the lobby; %s.",
    local.meeting_policies.patient_visit.name,
    local.patient_visit_assigned ? "assigned to the group `${var.telehealth_group_id}`" : "not assigned to a group yet",
  ) : ""
  retention_years = floor(var.records_retention_days / 365)
  retention_rest  = var.records_retention_days % 365

  # What only the module knows, after the provider's evidence of the live tenant: how it configured the
  # tenant, the business associate agreement and the training attestation.
  configuration_markdown = <<EOT
# Configuration applied by the hipaa-baseline module ${local.module_version}
${var.organization != null ? "\nOrganization: **${var.organization}**\n" : ""}
| | |
|---|---|
| Baseline profile | `${var.profile}` |
| Controls of the profile | ${length(local.controls)}: ${local.status_counts.applied} set to the catalog's value by this configuration, ${local.status_counts.excepted} excepted, ${local.status_counts.not_managed} over objects this module does not manage |
| Conditional access | ${length(local.ca_policies)} policies, ${local.ca_state_words[var.conditional_access_state]} |
| Business associate agreement | ${var.business_associate_agreement.counterparty}, in effect since ${var.business_associate_agreement.executed_on} |
| Workforce training | ${var.training_attestation.program}, completed ${var.training_attestation.completed_on} |

"Set" above means "in the configuration"; whether each control holds in the tenant is the evidence above, read
from the live tenant after the apply.

## What is configured

- Meeting policies: ${local.md_meeting_list}. `${local.meeting_policies.clinicians.name}` (cloud recording and
  transcription) is assigned to the clinicians group `${var.clinician_group_id}`.${local.md_patient_visit}
- End-to-end encryption: `${teamshipaa_enhanced_encryption_policy.clinicians.name}`, assigned to the clinicians group.
- Federation: ${length(var.federated_domains) > 0 ? "only with ${join(", ", var.federated_domains)}" : "off"}. Approved third-party apps: ${length(var.approved_app_ids) > 0 ? join(", ", var.approved_app_ids) : "none"}.
- Conditional access, ${local.ca_state_words[var.conditional_access_state]}; every policy excludes the emergency-access
  accounts ${join(", ", var.break_glass_account_ids)}:
${join("\n", local.md_ca_items)}
- DLP: `${teamshipaa_dlp_policy.phi.name}` over Teams, Exchange, SharePoint and OneDrive; rule
  `${teamshipaa_dlp_rule.phi.name}` (SSN or DEA number together with an ICD-9/ICD-10 code) blocks sharing outside
  the organization and reports incidents to ${var.security_mailbox}${length(teamshipaa_dlp_rule.phi_enhanced) > 0 ? "; rule `${teamshipaa_dlp_rule.phi_enhanced[0].name}` (a name or address together with a medical term) reports them" : ""}.
- Retention: `${teamshipaa_retention_policy.teams.name}` keeps Teams chats and channel messages ${var.records_retention_days} days
  (${local.retention_years} years${local.retention_rest != 0 ? " and ${local.retention_rest} days" : ""}), then deletes them.
- Unified audit log ingestion (`teamshipaa_audit_log_config`): ${jsonencode(lookup(local.settings.audit_log_config, "unified_audit_log_ingestion_enabled", null))}.
- Audit records of Teams: ${length(teamshipaa_audit_log_retention_policy.teams) > 0 ? "`${teamshipaa_audit_log_retention_policy.teams[0].name}` keeps every Microsoft Teams record ${teamshipaa_audit_log_retention_policy.teams[0].retention_duration}" : "kept for the service's default period (no audit log retention policy: HB.AUDIT.2 is excepted)"}.
- Alert policies to ${var.security_mailbox}: ${length(teamshipaa_protection_alert.audit) > 0 ? join(", ", [for a in teamshipaa_protection_alert.audit : "`${a.name}`"]) : "none (excepted)"}.

## Business associate agreement

| | |
|---|---|
| Counterparty | ${var.business_associate_agreement.counterparty} |
| In effect since | ${var.business_associate_agreement.executed_on} |
| Where the signed agreement is kept | ${var.business_associate_agreement.reference} |

45 CFR 164.308(b)(1) and 164.314(a): Microsoft handles PHI in Microsoft 365 as a business associate. No tenant
setting can enforce this agreement; it is recorded here as an input of the configuration.

## Workforce training

| | |
|---|---|
| Program | ${var.training_attestation.program} |
| Completed | ${var.training_attestation.completed_on} |
| Attested by | ${var.training_attestation.attested_by} |

45 CFR 164.308(a)(5): security awareness and training. Recorded here as an input of the configuration.

## Not covered by this configuration

Device management and remote wipe (Intune), the risk analysis and its periodic review (164.308(a)(1)), and
third-party apps' own agreements are outside what tenant settings can enforce.
EOT
}

output "controls" {
  description = "Every control of the profile, by id: title, level, governed resource and attribute, the value set, the HIPAA citations and crosswalk; the status in the configuration: \"applied\", \"excepted\" (with reason, approver and expiry), or \"not_managed\" (a control over an object this module does not manage); and the result in the live tenant after the apply (pass, fail, warning, excepted, not_applicable, error)."
  value       = local.control_status

  precondition {
    condition     = length(local.unknown_exception_ids) == 0
    error_message = "exceptions name controls that are not part of the \"${var.profile}\" profile: ${join(", ", local.unknown_exception_ids)}. Use the ids of the teamshipaa_baseline data source (the module's README lists them)."
  }
  precondition {
    condition     = length(local.valueless_exception_ids) == 0
    error_message = "These exceptions set a value for a control that has no single value (its rule is a shape over several settings): ${join(", ", local.valueless_exception_ids)}. Leave value out: the exception then records the reason, and for a conditional access control or the enhanced DLP rule the module leaves that object out."
  }
}

output "evidence_markdown" {
  description = "The evidence document for an auditor, in Markdown: from the live tenant after the apply (teamshipaa_assessment), per control the intended value, the observed value per object, the result, the exception (reason, approver, expiry), the HIPAA citation and crosswalk; generation time, tenant, provider and module version, profile, content hash; the failing objects outside the module with what to do; then how the module configured the tenant, the business associate agreement and the training attestation. The generation time changes only when the content does. Save it each review: teamshipaa_evidence_comparison lists what changed between two."
  value       = join("\n", [data.teamshipaa_assessment.evidence.evidence_markdown, local.configuration_markdown])
}

output "evidence_html" {
  description = "The same evidence as one self-contained, printable HTML page with a chart of pass / fail / excepted per area."
  value       = data.teamshipaa_assessment.evidence.html
}

output "scuba_json" {
  description = "The assessment in ScubaGear's results JSON (ScubaResults.json), for ScubaGear report tooling."
  value       = data.teamshipaa_assessment.evidence.scuba_json
}

output "assessment" {
  description = "The live tenant after the apply: controls counted by result (summary), each control's result (control_results), the content hash of the evidence, every result other than pass, not_applicable or excepted (not_passing), and the failing objects outside the module with what to do (unmanaged)."
  value = {
    summary = data.teamshipaa_assessment.evidence.control_summary
    # Control id -> result, for every control the evidence states (the assessment judges an unmarked object
    # as staff, so a telehealth tenant's Global policy is held to HB.MEETING.6, the presets too).
    control_results = data.teamshipaa_assessment.evidence.control_results
    content_hash    = data.teamshipaa_assessment.evidence.content_hash
    generated_at    = data.teamshipaa_assessment.evidence.generated_at
    not_passing = [for r in data.teamshipaa_assessment.evidence.results :
      "${r.result}: ${r.control_id} ${r.resource} \"${r.object}\": ${r.actual} (want ${r.expected})${r.details != "" ? ". ${r.details}" : ""}"
    if contains(["fail", "warning", "error"], r.result)]
    unmanaged = data.teamshipaa_assessment.evidence.unmanaged
    # The same, in sentences.
    summary_text = format("%d controls: %d pass, %d fail, %d warning (should), %d excepted, %d not applicable, %d error",
      length(data.teamshipaa_assessment.evidence.control_results),
      data.teamshipaa_assessment.evidence.control_summary.pass, data.teamshipaa_assessment.evidence.control_summary.fail,
      data.teamshipaa_assessment.evidence.control_summary.warning, data.teamshipaa_assessment.evidence.control_summary.excepted,
    data.teamshipaa_assessment.evidence.control_summary.not_applicable, data.teamshipaa_assessment.evidence.control_summary.error)
    why_failing = [for u in data.teamshipaa_assessment.evidence.unmanaged :
    "${u.resource} \"${u.object}\" (not managed by this module) fails ${join(", ", u.controls)}: ${u.what_to_do}"]
  }
}

output "exceptions" {
  description = "The exception register: control id -> value set instead, reason, approver and expiry date."
  value       = { for id, e in local.excepted : id => { value = e.value == null ? null : jsonencode(e.value), reason = e.reason, approved_by = e.approved_by, expires = e.expires } }
}

output "meeting_policy_names" {
  description = "Names of the meeting policies: global, clinicians, and for telehealth patient_visit."
  value       = { for k, p in teamshipaa_meeting_policy.this : k => p.name }
}

output "conditional_access_policy_ids" {
  description = "Object IDs of the conditional access policies, by the control each one meets."
  value       = { for id, p in local.ca_policies : id => p.id }
}

output "object_profiles" {
  description = "Object name -> profile, for the policies meant for a profile other than staff (the patient-visit meeting policy): pass it to teamshipaa_assessment's object_profiles so the live tenant is judged as planned."
  value       = tomap({ for k, p in local.meeting_policies : p.name => p.profile if p.profile != null })
}

output "assessment_exceptions" {
  description = "Control id -> the exception as teamshipaa_assessment's exceptions takes it (reason, approver, expiry, value, and the objects whose resources record it in baseline_exceptions): pass it to an assessment of your own so excepted controls are reported as excepted."
  value       = local.assessment_exceptions
}

output "managed_objects" {
  description = "Resource type -> names of the objects the module manages, for teamshipaa_assessment's managed_objects."
  value       = local.managed_objects
}
