# One per tenant: its import ID is Global.
import {
  to = teamshipaa_meeting_configuration.this
  id = "Global"
}
