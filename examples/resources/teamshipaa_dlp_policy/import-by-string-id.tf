# The data source teamshipaa_dlp_policies lists the existing objects with ready import blocks.
import {
  to = teamshipaa_dlp_policy.hipaa
  id = "HIPAA PHI"
}
