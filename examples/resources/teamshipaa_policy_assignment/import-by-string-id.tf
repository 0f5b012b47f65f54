# The data source teamshipaa_teams_policies (its assignments) lists the existing objects with ready import blocks.
# <policy_type>/<group_id>, or <policy_type>/global for the tenant-wide default.
import {
  to = teamshipaa_policy_assignment.clinicians_e2ee
  id = "TeamsEnhancedEncryptionPolicy/00000000-0000-0000-0000-000000000000"
}

import {
  to = teamshipaa_policy_assignment.default_apps
  id = "TeamsAppPermissionPolicy/global"
}
