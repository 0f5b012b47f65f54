data "teamshipaa_app_permission_policy" "global" {
  name = "Global"
}
