# One per tenant: its import ID is Global.
import {
  to = teamshipaa_audit_log_config.this
  id = "Global"
}
