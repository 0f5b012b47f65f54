# The tenant-wide default, hardened. Global is adopted, never created; on
# destroy it is left as it is. A governed attribute left out keeps the
# tenant's current value, and the plan judges that value: set each one.
resource "teamshipaa_meeting_policy" "global" {
  name = "Global"

  allow_anonymous_users_to_join_meeting           = false                              # CIS 8.5.1
  allow_anonymous_users_to_start_meeting          = false                              # SCuBA MS.TEAMS.1.2v2, CIS 8.5.2
  auto_admitted_users                             = "EveryoneInCompanyExcludingGuests" # SCuBA MS.TEAMS.1.3/1.4, CIS 8.5.3
  allow_pstn_users_to_bypass_lobby                = false                              # SCuBA MS.TEAMS.1.5, CIS 8.5.4
  allow_external_participant_give_request_control = false                              # SCuBA MS.TEAMS.1.1, CIS 8.5.7
  meeting_chat_enabled_type                       = "EnabledExceptAnonymous"           # CIS 8.5.5
  designated_presenter_role_mode                  = "OrganizerOnlyUserOverride"        # CIS 8.5.6
  allow_cloud_recording                           = false                              # SCuBA MS.TEAMS.1.6, CIS 8.5.9
  allow_transcription                             = false
}

# A custom policy for patient visits: anonymous join, guarded. Marked for the
# telehealth profile, so the plan judges it by the telehealth controls
# (anonymous join allowed behind a one-time passcode, a CAPTCHA and the lobby).
resource "teamshipaa_meeting_policy" "telehealth" {
  name             = "Telehealth"
  baseline_profile = "telehealth"

  allow_anonymous_users_to_join_meeting = true
  anonymous_user_authentication_method  = "OneTimePasscode"
  captcha_verification_for_meeting_join = "AnonymousUsersAndUntrustedOrganizations"
  auto_admitted_users                   = "OrganizerOnly"
  meeting_chat_enabled_type             = "EnabledExceptAnonymous"
  allow_cloud_recording                 = false
}
