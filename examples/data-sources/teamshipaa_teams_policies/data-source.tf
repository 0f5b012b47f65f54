# Discover the meeting policies a tenant already has, to import them.
data "teamshipaa_teams_policies" "meeting" {
  type = "TeamsMeetingPolicy"
}

output "import_commands" {
  value = [for p in data.teamshipaa_teams_policies.meeting.policies :
  "terraform import ${p.resource_type}.${replace(lower(p.name), " ", "_")} '${p.import_id}'"]
}
