# Every Microsoft Teams audit record kept ten years: the only documented duration that
# covers HIPAA's six-year documentation retention (45 CFR 164.316(b)(2)(i)).
# Needs Microsoft Purview Audit (Premium), and for TenYears the 10-Year Audit Log Retention add-on.
resource "teamshipaa_audit_log_retention_policy" "teams" {
  name               = "Teams activity - ten years"
  description        = "HIPAA activity review: every Teams record (managed by Terraform)"
  record_types       = ["MicrosoftTeams", "MicrosoftTeamsAdmin", "MicrosoftTeamsDevice"]
  retention_duration = "TenYears"
  priority           = 100
}

# One activity of one record type, for one year.
resource "teamshipaa_audit_log_retention_policy" "team_members_added" {
  name               = "Teams members added - one year"
  record_types       = ["MicrosoftTeams"]
  operations         = ["MemberAdded"]
  retention_duration = "TwelveMonths"
  priority           = 200
}
