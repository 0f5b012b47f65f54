# The data source teamshipaa_retention_policies lists the existing objects with ready import blocks.
import {
  to = teamshipaa_retention_policy.teams
  id = "Teams - medical records schedule"
}
