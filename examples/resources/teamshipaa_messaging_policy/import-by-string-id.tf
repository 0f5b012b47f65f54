# The data source teamshipaa_teams_policies (type = "TeamsMessagingPolicy") lists the existing objects with ready import blocks.
import {
  to = teamshipaa_messaging_policy.global
  id = "Global"
}
