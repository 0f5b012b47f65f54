# Discover the meeting policies (and their assignments) a tenant already has, to import them.
data "teamshipaa_teams_policies" "meeting" {
  type = "TeamsMeetingPolicy"
}

# terraform output -raw meeting_imports > imports.tf
# terraform plan -generate-config-out=generated.tf
output "meeting_imports" {
  value = data.teamshipaa_teams_policies.meeting.import_blocks # Global, custom policies, assignments; not the presets
}

output "presets" {
  value = [for p in data.teamshipaa_teams_policies.meeting.policies : p.name if p.built_in] # AllOn, Kiosk, ...: do not assign
}
