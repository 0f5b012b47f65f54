# Every retention rule of the tenant (or set policy for one policy's rules).
data "teamshipaa_retention_rules" "all" {}

output "retention_rule_imports" {
  value = data.teamshipaa_retention_rules.all.import_blocks
}
