# The data source teamshipaa_teams_policies (type = "TeamsAppPermissionPolicy") lists the existing objects with ready import blocks.
import {
  to = teamshipaa_app_permission_policy.global
  id = "Global"
}
