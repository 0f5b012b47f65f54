# Every iOS app protection policy, to adopt them with import blocks.
data "teamshipaa_ios_app_protection_policies" "all" {}

output "ios_app_protection_imports" {
  value = data.teamshipaa_ios_app_protection_policies.all.import_blocks
}

# Policies assigned to no group protect nobody.
output "unassigned_ios_policies" {
  value = [for p in data.teamshipaa_ios_app_protection_policies.all.items : p.display_name if p.detail == "unassigned"]
}
