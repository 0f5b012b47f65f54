# No email into channels and no cloud storage outside Microsoft 365 unless a
# BAA covers it (SCuBA MS.TEAMS.4.1, CIS 8.1.1-8.1.2; HIPAA 164.312(e)(1), 164.308(b)(1)).
resource "teamshipaa_client_configuration" "this" {
  allow_guest_user         = true # only with guest MFA enforced by conditional access
  allow_email_into_channel = false
  allow_dropbox            = false
  allow_box                = false
  allow_google_drive       = false
  allow_sharefile          = false
  allow_egnyte             = false
}
