terraform import teamshipaa_dlp_rule.phi_external "PHI shared outside the organization"
