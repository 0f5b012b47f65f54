# Import with the policy name (Get-UnifiedAuditLogRetentionPolicy lists every policy).
import {
  to = teamshipaa_audit_log_retention_policy.teams
  id = "Teams activity - ten years"
}
