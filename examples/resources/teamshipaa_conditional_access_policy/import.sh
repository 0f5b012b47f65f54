# The policy's object ID. allow_tenant_lockout_risk and timeouts are not stored by Graph: set them in configuration.
terraform import teamshipaa_conditional_access_policy.mfa_all_users 6b5e999b-0ba8-4186-a106-e0296c1c4358
