resource "teamshipaa_retention_policy" "teams" {
  name                   = "Teams - medical records schedule"
  teams_chat_location    = ["All"]
  teams_channel_location = ["All"]
}

# Keep Teams messages six years from creation, then delete them.
resource "teamshipaa_retention_rule" "teams" {
  name                        = "Teams - keep 6 years then delete"
  policy                      = teamshipaa_retention_policy.teams.name
  retention_duration          = "2190"
  retention_compliance_action = "KeepAndDelete"
}
