terraform import teamshipaa_audit_log_retention_policy.teams "Teams activity - ten years"
