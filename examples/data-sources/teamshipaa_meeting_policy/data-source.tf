# Read a built-in policy to compare it with your own.
data "teamshipaa_meeting_policy" "all_on" {
  name = "AllOn"
}

output "all_on_admits" {
  value = data.teamshipaa_meeting_policy.all_on.auto_admitted_users
}
