data "teamshipaa_messaging_policy" "global" {
  name = "Global"
}
