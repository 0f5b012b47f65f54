# The data source teamshipaa_dlp_rules lists the existing objects with ready import blocks.
import {
  to = teamshipaa_dlp_rule.phi_external
  id = "PHI shared outside the organization"
}
