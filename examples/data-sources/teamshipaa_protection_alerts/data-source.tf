# Every alert policy; import_blocks leaves out Microsoft's default ones (built_in).
data "teamshipaa_protection_alerts" "all" {}

output "alert_policy_imports" {
  value = data.teamshipaa_protection_alerts.all.import_blocks
}

output "default_alert_policies" {
  value = [for a in data.teamshipaa_protection_alerts.all.items : a.name if a.built_in]
}
