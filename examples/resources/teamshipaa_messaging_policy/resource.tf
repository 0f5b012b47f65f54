resource "teamshipaa_messaging_policy" "global" {
  name = "Global"

  # Let users report suspicious messages to the security team.
  allow_security_end_user_reporting = true
  allow_memes                       = false
  giphy_rating_type                 = "Strict"
}
