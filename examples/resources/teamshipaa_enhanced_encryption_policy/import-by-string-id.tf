# The data source teamshipaa_teams_policies (type = "TeamsEnhancedEncryptionPolicy") lists the existing objects with ready import blocks.
import {
  to = teamshipaa_enhanced_encryption_policy.clinicians
  id = "Clinicians-E2EE"
}
