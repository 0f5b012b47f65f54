# One per tenant: its import ID is Global.
import {
  to = teamshipaa_external_access.this
  id = "Global"
}
