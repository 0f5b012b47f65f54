# The data source teamshipaa_teams_policies (type = "TeamsMeetingPolicy") lists the existing objects with ready import blocks.
# Import a custom policy by its name (without the Tag: prefix), or Global.
import {
  to = teamshipaa_meeting_policy.telehealth
  id = "Telehealth"
}

import {
  to = teamshipaa_meeting_policy.global
  id = "Global"
}
