# The data source teamshipaa_conditional_access_policies lists the existing objects with ready import blocks.
# The policy's object ID. allow_tenant_lockout_risk and timeouts are not stored by Graph: set them in configuration.
import {
  to = teamshipaa_conditional_access_policy.mfa_all_users
  id = "6b5e999b-0ba8-4186-a106-e0296c1c4358"
}
