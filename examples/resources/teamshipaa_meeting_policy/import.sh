# Import a custom policy by its name (without the Tag: prefix), or Global.
terraform import teamshipaa_meeting_policy.telehealth Telehealth
terraform import teamshipaa_meeting_policy.global Global
