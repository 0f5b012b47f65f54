# Every retention policy, to adopt them with import blocks.
data "teamshipaa_retention_policies" "all" {}

output "retention_policy_imports" {
  value = data.teamshipaa_retention_policies.all.import_blocks
}
