# Data protection and audit: DLP for PHI in Teams, retention of Teams messages, the unified audit log,
# its retention and the alert policies of the activity review.
#
# These live behind the Security & Compliance and Exchange Online admin APIs. Permissions: the
# application permission Exchange.ManageAsApp (Office 365 Exchange Online), the role Compliance
# Administrator (DLP, retention) and a role holding "Audit Logs" (the audit configuration).
# Values and sources: docs/guides/baseline-controls.md.

variable "dlp_incident_report_mailbox" {
  description = "Mailbox that receives the DLP incident reports (the security or privacy office)."
  type        = string
}

variable "teams_retention_days" {
  description = "How long Teams chats and channel messages are kept before deletion, per the organization's medical-records schedule (2190 days = 6 years)."
  type        = number
  default     = 2190
}

# The HIPAA sensitive information types, looked up by name.
data "teamshipaa_sensitive_information_types" "hipaa" {
  names = [
    "U.S. Social Security Number (SSN)",
    "Drug Enforcement Agency (DEA) Number",
    "International Classification of Diseases (ICD-9-CM)",
    "International Classification of Diseases (ICD-10-CM)",
  ]
}

locals {
  sit = data.teamshipaa_sensitive_information_types.hipaa.ids
}

# SCuBA MS.SECURITYSUITE.3.2, CIS 3.2.2, SEED-A (DLP) | HIPAA 164.312(e)(1) transmission security:
# Teams chats and channels, and where Teams keeps files, recordings and transcripts.
resource "teamshipaa_dlp_policy" "phi" {
  name    = "HIPAA - PHI"
  comment = "PHI in Teams, mail, SharePoint and OneDrive (managed by Terraform)"
  mode    = "Enable" # roll out with "TestWithNotifications" first if you prefer

  teams_location      = ["All"]
  exchange_location   = ["All"]
  sharepoint_location = ["All"]
  onedrive_location   = ["All"]
}

# Microsoft's HIPAA template: a patient identifier (SSN or DEA number) together with a diagnosis
# (ICD-9-CM or ICD-10-CM code) is PHI. SCuBA MS.SECURITYSUITE.3.3/3.4 | HIPAA 164.312(e)(1),
# 164.308(a)(6) security incident procedures.
resource "teamshipaa_dlp_rule" "phi_outside_organization" {
  name    = "HIPAA - PHI shared outside the organization"
  policy  = teamshipaa_dlp_policy.phi.name
  comment = "Blocks PHI leaving the organization, tells the sender, reports the incident"

  content_contains_sensitive_information = {
    operator = "And"
    groups = [
      {
        name     = "Patient identifiers"
        operator = "Or"
        sensitive_types = [
          { id = local.sit["U.S. Social Security Number (SSN)"] },
          { id = local.sit["Drug Enforcement Agency (DEA) Number"] },
        ]
      },
      {
        name     = "Diagnoses"
        operator = "Or"
        sensitive_types = [
          { id = local.sit["International Classification of Diseases (ICD-9-CM)"] },
          { id = local.sit["International Classification of Diseases (ICD-10-CM)"] },
        ]
      },
    ]
  }

  access_scope             = "NotInOrganization"
  block_access             = true
  block_access_scope       = "All"
  notify_user              = ["Owner", "SiteAdmin", "LastModifier"] # in Teams, the sender
  generate_incident_report = [var.dlp_incident_report_mailbox]
  incident_report_content  = ["All"]
  report_severity_level    = "High"
}

# SEED-A (storage and retention) | HIPAA 164.316(b)(2)(i), 164.312(c)(1): Teams messages are kept
# for the medical-records period, then deleted. Teams locations need a retention policy of their own.
resource "teamshipaa_retention_policy" "teams" {
  name    = "HIPAA - Teams messages"
  comment = "Teams chats and channel messages, medical-records schedule (managed by Terraform)"
  enabled = true

  teams_chat_location    = ["All"]
  teams_channel_location = ["All"]
}

resource "teamshipaa_retention_rule" "teams" {
  name                        = "HIPAA - Teams messages - keep then delete"
  policy                      = teamshipaa_retention_policy.teams.name
  retention_duration          = tostring(var.teams_retention_days)
  retention_compliance_action = "KeepAndDelete"
}

# SCuBA MS.SECURITYSUITE.5.1, CIS 3.1.1, SEED-A, SEED-B | HIPAA 164.312(b) audit controls.
# A singleton: destroying it leaves ingestion as it is.
resource "teamshipaa_audit_log_config" "this" {
  unified_audit_log_ingestion_enabled = true
}

# HB.AUDIT.2 | SCuBA MS.SECURITYSUITE.5.2, SEED-A | HIPAA 164.312(b), 164.308(a)(1)(ii)(D), 164.316(b)(2)(i):
# every Teams audit record kept ten years. Needs Audit (Premium) and the 10-Year Audit Log Retention add-on;
# without them, leave this out and record why (the hipaa-baseline module does, with an HB.AUDIT.2 exception).
resource "teamshipaa_audit_log_retention_policy" "teams" {
  name               = "HIPAA - Teams audit records"
  description        = "Every Microsoft Teams audit record, ten years (managed by Terraform)"
  record_types       = ["MicrosoftTeams"]
  retention_duration = "TenYears"
  priority           = 100
}

# HB.AUDIT.3-5 | SEED-A | HIPAA 164.308(a)(1)(ii)(D), 164.308(a)(6)(ii): single-event alert policies
# (aggregation_type "None": no E5 needed) that email the privacy office.
locals {
  alerts = {
    phi_in_teams = { name = "HIPAA - DLP match on PHI in Teams", category = "DataGovernance", operation = "DlpRuleMatch", filter = "Activity.Workload -eq 'MicrosoftTeams'" }
    member_added = { name = "HIPAA - member or guest added to a team", category = "AccessGovernance", operation = "MemberAdded", filter = null }
    audit_change = { name = "HIPAA - audit log configuration changed", category = "ThreatManagement", operation = "Set-AdminAuditLogConfig", filter = null }
  }
}

resource "teamshipaa_protection_alert" "hipaa" {
  for_each = local.alerts

  name             = each.value.name
  category         = each.value.category
  threat_type      = "Activity"
  operation        = each.value.operation
  filter           = each.value.filter
  aggregation_type = "None"
  severity         = "High"
  notify_user      = [var.dlp_incident_report_mailbox]
}

output "dlp_policy_name" {
  description = "Name of the DLP policy for PHI."
  value       = teamshipaa_dlp_policy.phi.name
}

output "teams_retention_policy_name" {
  description = "Name of the Teams retention policy."
  value       = teamshipaa_retention_policy.teams.name
}
