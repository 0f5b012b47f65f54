terraform import teamshipaa_dlp_policy.hipaa "HIPAA PHI"
