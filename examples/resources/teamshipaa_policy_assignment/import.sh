# <policy_type>/<group_id>, or <policy_type>/global for the tenant-wide default.
terraform import teamshipaa_policy_assignment.clinicians_e2ee TeamsEnhancedEncryptionPolicy/00000000-0000-0000-0000-000000000000
terraform import teamshipaa_policy_assignment.default_apps TeamsAppPermissionPolicy/global
