# Every audit log retention policy, to adopt them with import blocks.
data "teamshipaa_audit_log_retention_policies" "all" {}

output "audit_log_retention_policy_imports" {
  value = data.teamshipaa_audit_log_retention_policies.all.import_blocks
}
