data "teamshipaa_authentication_strength_policy" "phishing_resistant" {
  display_name = "Phishing-resistant MFA"
}

output "phishing_resistant_mfa_id" {
  value = data.teamshipaa_authentication_strength_policy.phishing_resistant.id
}
