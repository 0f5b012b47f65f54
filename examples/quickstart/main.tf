# Quickstart: a HIPAA-hardened Teams meeting baseline.
#
#   - the Global (org-wide default) meeting policy, locked down;
#   - a "Telehealth" meeting policy for clinicians who meet patients: anonymous join is allowed, but
#     only behind a one-time passcode and a CAPTCHA, and patients still wait in the lobby.
#
# Each setting names the benchmark it comes from (CISA SCuBA / CIS Microsoft 365 Foundations v7.0)
# and the HIPAA Security Rule section (45 CFR) it supports. No published source maps these settings
# to HIPAA: the citations are this project's interpretation, not legal advice.
#
# Credentials come from the environment (ARM_TENANT_ID, ARM_CLIENT_ID, ARM_CLIENT_SECRET, ...). To try it
# without a tenant, start the tenant simulator and `source` its env file (see the provider documentation);
# `make demo` applies the hipaa-baseline module, not this configuration.

terraform {
  required_providers {
    teamshipaa = {
      source = "teamshipaa/teamshipaa"
    }
  }
}

provider "teamshipaa" {}

resource "teamshipaa_meeting_policy" "global" {
  name = "Global"

  # SCuBA MS.TEAMS.1.2v2, CIS 8.5.2 | HIPAA 164.312(a)(1) access control, 164.312(d) authentication
  allow_anonymous_users_to_start_meeting = false
  # SCuBA MS.TEAMS.1.3v1 + MS.TEAMS.1.4v1, CIS 8.5.3 | HIPAA 164.312(a)(1), 164.312(d)
  # (the only value that passes both SCuBA and CIS: guests and anonymous users wait in the lobby)
  auto_admitted_users = "EveryoneInCompanyExcludingGuests"
  # SCuBA MS.TEAMS.1.5v1, CIS 8.5.4 | HIPAA 164.312(d): dial-in callers are unauthenticated
  allow_pstn_users_to_bypass_lobby = false
  # SCuBA MS.TEAMS.1.1v1, CIS 8.5.7 | HIPAA 164.312(a)(1)
  allow_external_participant_give_request_control = false
  # Maester MT.1037 | HIPAA 164.312(a)(1) (give the help desk its own policy for remote support)
  allow_participant_give_request_control = false
  # CIS 8.5.1 | HIPAA 164.312(d): no anonymous join org-wide (see the Telehealth policy below)
  allow_anonymous_users_to_join_meeting = false
  # CIS 8.5.5 | HIPAA 164.312(a)(1), 164.312(e)(1) transmission security
  meeting_chat_enabled_type = "EnabledExceptAnonymous"
  # CIS 8.5.8 | HIPAA 164.312(e)(1)
  allow_external_non_trusted_meeting_chat = false
  # CIS 8.5.6 | HIPAA 164.312(a)(1)
  designated_presenter_role_mode = "OrganizerOnlyUserOverride"
  # SCuBA MS.TEAMS.1.6v1, CIS 8.5.9 | HIPAA 164.308(a)(4) information access management:
  # recordings hold PHI; allow them only in an approved-users policy covered by DLP and retention
  allow_cloud_recording = false
  # derived from SCuBA MS.TEAMS.1.6v1 | HIPAA 164.308(a)(4): transcripts hold PHI too
  allow_transcription = false
  # Set-CsTeamsMeetingPolicy docs (finite, not -1) | HIPAA 164.316(b)(2) (indirect)
  new_meeting_recording_expiration_days = 60
  # Set-CsTeamsMeetingPolicy docs | HIPAA 164.308(a)(4)
  allow_recording_storage_outside_region = false
  # Set-CsTeamsMeetingPolicy docs | state recording-consent law, not HIPAA
  explicit_recording_consent = "Enabled"
}

resource "teamshipaa_meeting_policy" "telehealth" {
  name = "Telehealth"
  # Judged by the telehealth profile: anonymous join is allowed here (HB.MEETING.6 is a
  # staff control) behind a one-time passcode, a CAPTCHA and the lobby (HB.MEETING.8-10).
  baseline_profile = "telehealth"

  # Patients usually join without an account: allow it, but only with the two mitigations below.
  # CIS 8.5.1 (exception, scoped to clinicians who hold this policy) | HIPAA 164.312(d)
  allow_anonymous_users_to_join_meeting = true
  # Set-CsTeamsMeetingPolicy docs (no public baseline checks it) | HIPAA 164.312(d)
  anonymous_user_authentication_method = "OneTimePasscode"
  # Set-CsTeamsMeetingPolicy docs (no public baseline checks it) | HIPAA 164.312(d)
  captcha_verification_for_meeting_join = "AnonymousUsersAndUntrustedOrganizations"

  # SCuBA MS.TEAMS.1.2v2, CIS 8.5.2 | HIPAA 164.312(a)(1), 164.312(d)
  allow_anonymous_users_to_start_meeting = false
  # SCuBA MS.TEAMS.1.3v1, CIS 8.5.3 | HIPAA 164.312(a)(1), 164.312(d): patients wait in the lobby
  auto_admitted_users = "EveryoneInCompanyExcludingGuests"
  # SCuBA MS.TEAMS.1.5v1, CIS 8.5.4 | HIPAA 164.312(d)
  allow_pstn_users_to_bypass_lobby = false
  # SCuBA MS.TEAMS.1.1v1, CIS 8.5.7 | HIPAA 164.312(a)(1)
  allow_external_participant_give_request_control = false
  # Maester MT.1037 | HIPAA 164.312(a)(1)
  allow_participant_give_request_control = false
  # CIS 8.5.5 | HIPAA 164.312(a)(1), 164.312(e)(1): anonymous patients cannot use meeting chat
  meeting_chat_enabled_type = "EnabledExceptAnonymous"
  # CIS 8.5.8 | HIPAA 164.312(e)(1)
  allow_external_non_trusted_meeting_chat = false
  # CIS 8.5.6 | HIPAA 164.312(a)(1)
  designated_presenter_role_mode = "OrganizerOnlyUserOverride"
  # SCuBA MS.TEAMS.1.6v1, CIS 8.5.9 | HIPAA 164.308(a)(4)
  allow_cloud_recording = false
  # derived from SCuBA MS.TEAMS.1.6v1 | HIPAA 164.308(a)(4)
  allow_transcription = false
  # Set-CsTeamsMeetingPolicy docs | HIPAA 164.316(b)(2) (indirect)
  new_meeting_recording_expiration_days = 60
  # Set-CsTeamsMeetingPolicy docs | HIPAA 164.308(a)(4)
  allow_recording_storage_outside_region = false
  # Set-CsTeamsMeetingPolicy docs | state recording-consent law, not HIPAA
  explicit_recording_consent = "Enabled"
}

output "global_meeting_policy_id" {
  description = "Identity of the Global (org-wide default) meeting policy."
  value       = teamshipaa_meeting_policy.global.id
}

output "telehealth_meeting_policy_id" {
  description = "Identity of the Telehealth meeting policy (assign it to clinicians who meet patients)."
  value       = teamshipaa_meeting_policy.telehealth.id
}
