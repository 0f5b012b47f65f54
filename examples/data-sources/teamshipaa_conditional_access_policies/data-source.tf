# Every conditional access policy of the tenant, to adopt them with import blocks.
data "teamshipaa_conditional_access_policies" "all" {}

# terraform output -raw ca_imports > imports.tf
# terraform plan -generate-config-out=generated.tf
output "ca_imports" {
  value = data.teamshipaa_conditional_access_policies.all.import_blocks # Microsoft-managed policies left out
}

output "report_only" {
  value = [for p in data.teamshipaa_conditional_access_policies.all.items : p.display_name if p.detail == "enabledForReportingButNotEnforced"]
}
