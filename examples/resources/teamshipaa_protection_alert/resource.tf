# Single-event alerts (aggregation_type = "None" with an operation): they need no E5 subscription.

# A DLP rule matched PHI in a Teams message.
resource "teamshipaa_protection_alert" "phi_in_teams" {
  name             = "HIPAA - DLP match on PHI in Teams"
  category         = "DataGovernance"
  threat_type      = "Activity"
  operation        = "DlpRuleMatch"
  filter           = "Activity.Workload -eq 'MicrosoftTeams'"
  aggregation_type = "None"
  severity         = "High"
  notify_user      = ["privacy-office@contoso.example"]
  description      = "A DLP rule matched protected health information in Teams"
}

# Someone changed the audit log configuration (for example turned ingestion off).
resource "teamshipaa_protection_alert" "audit_log_changed" {
  name             = "HIPAA - audit log configuration changed"
  category         = "ThreatManagement"
  threat_type      = "Activity"
  operation        = "Set-AdminAuditLogConfig"
  aggregation_type = "None"
  severity         = "High"
  notify_user      = ["privacy-office@contoso.example"]
}
