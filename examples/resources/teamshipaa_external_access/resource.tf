# Federation only with named partners; no consumer accounts or trial tenants
# (SCuBA MS.TEAMS.2.1-2.3, CIS 8.2.1-8.2.4; HIPAA 164.312(e)(1)).
# The tenant has one of these: declare it once.
resource "teamshipaa_external_access" "this" {
  allow_federated_users              = true
  allowed_domains                    = ["partner-hospital.example.org"]
  allow_teams_consumer               = false
  allow_teams_consumer_inbound       = false
  external_access_with_trial_tenants = "Blocked"
}
