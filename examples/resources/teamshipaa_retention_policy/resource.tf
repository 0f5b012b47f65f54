# Teams chats and channel messages, kept per the organization's
# medical-records schedule. Teams locations need a policy of their own.
resource "teamshipaa_retention_policy" "teams" {
  name    = "Teams - medical records schedule"
  comment = "HIPAA 164.316(b)(2)(i) (managed by Terraform)"
  enabled = true

  teams_chat_location    = ["All"]
  teams_channel_location = ["All"]

  timeouts = {
    update = "15m" # changes wait while an earlier change is still being deployed
  }
}
