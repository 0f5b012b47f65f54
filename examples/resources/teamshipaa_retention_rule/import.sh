terraform import teamshipaa_retention_rule.teams "Teams - keep 6 years then delete"
