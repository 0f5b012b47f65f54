terraform import teamshipaa_protection_alert.audit_log_changed "HIPAA - audit log configuration changed"
