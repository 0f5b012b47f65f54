# The rules of one DLP policy; leave policy out for every rule of the tenant.
data "teamshipaa_dlp_rules" "phi" {
  policy = "HIPAA PHI"
}

output "dlp_rule_imports" {
  value = data.teamshipaa_dlp_rules.phi.import_blocks
}
