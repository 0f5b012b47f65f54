resource "teamshipaa_meeting_policy" "legacy" {
  for_each                               = toset(["front"])
  name                                   = "Front | desk"
  allow_anonymous_users_to_start_meeting = true
}
