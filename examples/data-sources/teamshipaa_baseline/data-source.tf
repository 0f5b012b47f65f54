# The HIPAA baseline catalog for the telehealth profile.
data "teamshipaa_baseline" "this" {
  profile = "telehealth"
}

locals {
  # { "<resource type>" = { "<scope>" = { "<attribute>" = value } } }
  baseline = jsondecode(data.teamshipaa_baseline.this.settings_json)
  meeting  = local.baseline.teamshipaa_meeting_policy
}

# Global meeting policy: the values for every policy and for the Global one.
resource "teamshipaa_meeting_policy" "global" {
  name = "Global"

  allow_anonymous_users_to_start_meeting = local.meeting.every.allow_anonymous_users_to_start_meeting
  allow_anonymous_users_to_join_meeting  = local.meeting.global.allow_anonymous_users_to_join_meeting
  auto_admitted_users                    = local.meeting.global.auto_admitted_users
  allow_cloud_recording                  = local.meeting.global.allow_cloud_recording
}

# A policy for clinicians who meet patients: anonymous join behind the
# telehealth controls' values.
resource "teamshipaa_meeting_policy" "telehealth" {
  name             = "Telehealth"
  baseline_profile = "telehealth"

  allow_anonymous_users_to_join_meeting = true
  anonymous_user_authentication_method  = local.meeting.telehealth.anonymous_user_authentication_method
  captcha_verification_for_meeting_join = local.meeting.telehealth.captcha_verification_for_meeting_join
  auto_admitted_users                   = local.meeting.telehealth.auto_admitted_users
}

# Every control of the profile, with its crosswalk and HIPAA citation.
output "shall_controls" {
  value = [for c in data.teamshipaa_baseline.this.controls : "${c.id} ${c.title} (HIPAA ${join(", ", c.hipaa)})" if c.level == "shall"]
}

output "catalog_table" {
  value = data.teamshipaa_baseline.this.markdown
}
