variable "clinicians_group_id" {
  type = string
}

resource "teamshipaa_enhanced_encryption_policy" "clinicians" {
  name                                       = "Clinicians-E2EE"
  calling_end_to_end_encryption_enabled_type = "DisabledUserOverride"
}

# Assign it to the clinicians group, first in rank.
resource "teamshipaa_policy_assignment" "clinicians_e2ee" {
  policy_type = "TeamsEnhancedEncryptionPolicy"
  policy_name = teamshipaa_enhanced_encryption_policy.clinicians.name
  group_id    = var.clinicians_group_id
  rank        = 1
}

# Or make a policy the tenant-wide default.
resource "teamshipaa_policy_assignment" "default_apps" {
  policy_type = "TeamsAppPermissionPolicy"
  policy_name = "Global"
}
