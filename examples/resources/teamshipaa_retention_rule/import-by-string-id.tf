# The data source teamshipaa_retention_rules lists the existing objects with ready import blocks.
import {
  to = teamshipaa_retention_rule.teams
  id = "Teams - keep 6 years then delete"
}
