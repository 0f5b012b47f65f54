terraform import teamshipaa_retention_policy.teams "Teams - medical records schedule"
