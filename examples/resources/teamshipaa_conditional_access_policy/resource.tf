# The group holding the emergency-access (break-glass) accounts: every policy excludes it.
variable "break_glass_group_id" {
  type = string
}

data "teamshipaa_authentication_strength_policy" "phishing_resistant" {
  display_name = "Phishing-resistant MFA"
}

data "teamshipaa_directory_role_template" "global_admin" {
  display_name = "Global Administrator"
}

# MFA for all users. Roll out in report-only mode, then set state = "enabled".
resource "teamshipaa_conditional_access_policy" "mfa_all_users" {
  display_name = "HIPAA - Require MFA for all users"
  state        = "enabledForReportingButNotEnforced"

  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [var.break_glass_group_id]
    }
    applications = { include_applications = ["All"] }
  }

  grant_controls = { built_in_controls = ["mfa"] }
}

# Block legacy authentication.
resource "teamshipaa_conditional_access_policy" "block_legacy_auth" {
  display_name = "HIPAA - Block legacy authentication"
  state        = "enabledForReportingButNotEnforced"

  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [var.break_glass_group_id]
    }
    applications     = { include_applications = ["All"] }
    client_app_types = ["exchangeActiveSync", "other"]
  }

  grant_controls = { built_in_controls = ["block"] }
}

# Phishing-resistant MFA, 4-hour sign-in frequency and no persistent browser for admins.
resource "teamshipaa_conditional_access_policy" "admins" {
  display_name = "HIPAA - Phishing-resistant MFA for administrators"
  state        = "enabledForReportingButNotEnforced"

  conditions = {
    users = {
      include_roles  = [data.teamshipaa_directory_role_template.global_admin.id]
      exclude_groups = [var.break_glass_group_id]
    }
    applications = { include_applications = ["All"] }
  }

  grant_controls = {
    authentication_strength_id = data.teamshipaa_authentication_strength_policy.phishing_resistant.id
  }

  session_controls = {
    sign_in_frequency  = { value = 4, type = "hours" }
    persistent_browser = { mode = "never" }
  }
}

# Block the device code flow.
resource "teamshipaa_conditional_access_policy" "block_device_code" {
  display_name = "HIPAA - Block device code flow"
  state        = "enabledForReportingButNotEnforced"

  conditions = {
    users = {
      include_users  = ["All"]
      exclude_groups = [var.break_glass_group_id]
    }
    applications         = { include_applications = ["All"] }
    authentication_flows = { transfer_methods = ["deviceCodeFlow"] }
  }

  grant_controls = { built_in_controls = ["block"] }
}
