# Every DLP policy, to adopt them with import blocks (Microsoft's default policies are marked built_in).
data "teamshipaa_dlp_policies" "all" {}

output "dlp_policy_imports" {
  value = data.teamshipaa_dlp_policies.all.import_blocks
}
