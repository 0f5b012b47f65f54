# One per tenant: its import ID is Global.
import {
  to = teamshipaa_client_configuration.this
  id = "Global"
}
