# Only vetted apps (SCuBA MS.TEAMS.5.1-5.3, CIS 8.4.1; HIPAA 164.308(a)(4), (b)(1)).
resource "teamshipaa_app_permission_policy" "global" {
  name = "Global"

  default_catalog_apps_type = "AllowedAppList" # Microsoft apps
  default_catalog_apps = [
    "14d6962d-6eeb-4f48-8890-de55454bb136", # Activity
    "86fcd49b-61a2-4701-b771-54728cd291fb", # Chat
  ]
  global_catalog_apps_type  = "AllowedAppList" # third-party apps: only those under a BAA
  global_catalog_apps       = []
  private_catalog_apps_type = "AllowedAppList" # custom apps
  private_catalog_apps      = []
}
