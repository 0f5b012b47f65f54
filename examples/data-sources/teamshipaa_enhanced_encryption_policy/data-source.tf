data "teamshipaa_enhanced_encryption_policy" "global" {
  name = "Global"
}
