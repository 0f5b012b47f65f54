# Import with the alert policy name.
import {
  to = teamshipaa_protection_alert.audit_log_changed
  id = "HIPAA - audit log configuration changed"
}
