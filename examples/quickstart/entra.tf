# Conditional access: the baseline's identity controls, all in report-only mode.
#
# Report-only ("enabledForReportingButNotEnforced") evaluates every sign-in and logs what the policy
# would have done, without enforcing it. Read the sign-in logs (or the Conditional Access insights
# workbook) for a few weeks, then set state = "enabled" one policy at a time. Every policy excludes the
# emergency-access (break-glass) accounts, so a policy that cannot be satisfied never locks the tenant out.
# Values and sources: docs/guides/baseline-controls.md. Permissions: Microsoft Graph application
# permissions Policy.Read.All, Policy.ReadWrite.ConditionalAccess and Application.Read.All.

variable "emergency_access_account_ids" {
  description = "Object IDs of the emergency-access (break-glass) accounts; every conditional access policy excludes them."
  type        = set(string)

  validation {
    condition     = length(var.emergency_access_account_ids) > 0
    error_message = "Give at least one emergency-access account: a policy without one can lock every administrator out once it is enabled."
  }
}

variable "conditional_access_state" {
  description = "State of every policy below: keep \"enabledForReportingButNotEnforced\" (report-only) until the sign-in logs show no surprises."
  type        = string
  default     = "enabledForReportingButNotEnforced"
}

variable "admin_role_names" {
  description = "Directory roles whose holders must use phishing-resistant MFA, by display name: SCuBA's highly privileged roles, plus the roles that administer this baseline."
  type        = set(string)
  default = [
    # CISA SCuBA (Entra ID baseline) highly privileged roles
    "Global Administrator",
    "Privileged Role Administrator",
    "User Administrator",
    "SharePoint Administrator",
    "Exchange Administrator",
    "Hybrid Identity Administrator",
    "Application Administrator",
    "Cloud Application Administrator",
    # the roles that can change this baseline
    "Privileged Authentication Administrator",
    "Security Administrator",
    "Conditional Access Administrator",
    "Teams Administrator",
    "Compliance Administrator",
  ]
}

# Look-ups by name, so no policy carries an unexplained GUID.
data "teamshipaa_authentication_strength_policy" "phishing_resistant" {
  display_name = "Phishing-resistant MFA"
}

data "teamshipaa_directory_role_template" "admin" {
  for_each     = var.admin_role_names
  display_name = each.value
}

locals {
  # Everyone, except the emergency-access accounts.
  all_users = {
    include_users = ["All"]
    exclude_users = var.emergency_access_account_ids
  }
}

# SCuBA MS.AAD.1.1, CIS 5.2.2.3, MT.1009 | HIPAA 164.312(d): legacy protocols cannot do MFA.
resource "teamshipaa_conditional_access_policy" "block_legacy_authentication" {
  display_name = "HIPAA - Block legacy authentication"
  state        = var.conditional_access_state
  conditions = {
    users            = local.all_users
    applications     = { include_applications = ["All"] }
    client_app_types = ["exchangeActiveSync", "other"]
  }
  grant_controls = { built_in_controls = ["block"] }
}

# SCuBA MS.AAD.3.2, CIS 5.2.2.2, MT.1007, SEED-A, SEED-B | HIPAA 164.312(d) person or entity authentication.
resource "teamshipaa_conditional_access_policy" "mfa_all_users" {
  display_name = "HIPAA - Require MFA for all users"
  state        = var.conditional_access_state
  conditions = {
    users        = local.all_users
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}

# SCuBA MS.AAD.3.6, CIS 5.2.2.5 (phishing-resistant MFA) and CIS 5.2.2.4, 5.2.2.13 (4-hour sign-in
# frequency, no persistent browser) for privileged roles | HIPAA 164.312(d), 164.312(a)(2)(iii).
resource "teamshipaa_conditional_access_policy" "admins_phishing_resistant_mfa" {
  display_name = "HIPAA - Phishing-resistant MFA for administrators"
  state        = var.conditional_access_state
  conditions = {
    users = {
      include_roles = [for r in data.teamshipaa_directory_role_template.admin : r.id]
      exclude_users = var.emergency_access_account_ids
    }
    applications = { include_applications = ["All"] } # persistent_browser needs all cloud apps
  }
  grant_controls = {
    authentication_strength_id = data.teamshipaa_authentication_strength_policy.phishing_resistant.id
  }
  session_controls = {
    sign_in_frequency  = { value = 4, type = "hours" }
    persistent_browser = { mode = "never" }
  }
}

# SCuBA MS.AAD.3.7, CIS 5.2.2.9 | HIPAA 164.310(b), 164.310(c), 164.312(a)(1): PHI in Teams and
# Office 365 only from a compliant (Intune) or hybrid-joined device.
resource "teamshipaa_conditional_access_policy" "managed_device_office365" {
  display_name = "HIPAA - Managed device for Teams and Office 365"
  state        = var.conditional_access_state
  conditions = {
    users        = local.all_users
    applications = { include_applications = ["Office365"] } # the Office 365 app suite includes Teams
  }
  grant_controls = {
    operator          = "OR"
    built_in_controls = ["compliantDevice", "domainJoinedDevice"]
  }
}

# MT.1016 | HIPAA 164.312(d): guests reach PHI in Teams only after MFA.
resource "teamshipaa_conditional_access_policy" "mfa_guests" {
  display_name = "HIPAA - Require MFA for guests and external users"
  state        = var.conditional_access_state
  conditions = {
    users = {
      include_guests_or_external_users = {
        guest_or_external_user_types = [
          "internalGuest", "b2bCollaborationGuest", "b2bCollaborationMember", "b2bDirectConnectUser",
          "otherExternalUser", "serviceProvider",
        ]
        external_tenants_membership_kind = "all"
      }
      exclude_users = var.emergency_access_account_ids
    }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}

# CIS 5.2.2.4 | HIPAA 164.312(a)(2)(iii) automatic logoff: sign in again at least every 7 days.
resource "teamshipaa_conditional_access_policy" "sign_in_frequency" {
  display_name = "HIPAA - Sign-in frequency 7 days"
  state        = var.conditional_access_state
  conditions = {
    users        = local.all_users
    applications = { include_applications = ["All"] }
  }
  session_controls = {
    sign_in_frequency = { value = 7, type = "days" }
  }
}

# SCuBA MS.AAD.3.9, CIS 5.2.2.12 | HIPAA 164.312(d): the device code flow is a phishing vector.
resource "teamshipaa_conditional_access_policy" "block_device_code_flow" {
  display_name = "HIPAA - Block device code flow"
  state        = var.conditional_access_state
  conditions = {
    users                = local.all_users
    applications         = { include_applications = ["All"] }
    authentication_flows = { transfer_methods = ["deviceCodeFlow"] }
  }
  grant_controls = { built_in_controls = ["block"] }
}

# SCuBA MS.AAD.2.1v1, CIS 5.2.2.6 | HIPAA 164.308(a)(5)(ii)(C): a user Entra ID Protection rates as
# high risk (leaked credentials, say) is blocked until an administrator remediates. Needs Entra ID P2.
resource "teamshipaa_conditional_access_policy" "block_high_user_risk" {
  display_name = "HIPAA - Block high user risk"
  state        = var.conditional_access_state
  conditions = {
    users            = local.all_users
    applications     = { include_applications = ["All"] }
    user_risk_levels = ["high"]
  }
  grant_controls = { built_in_controls = ["block"] }
}

# SCuBA MS.AAD.2.3v1, CIS 5.2.2.7 | HIPAA 164.308(a)(5)(ii)(C): a sign-in rated high risk (an
# anonymous IP, impossible travel) is blocked. Needs Entra ID P2.
resource "teamshipaa_conditional_access_policy" "block_high_sign_in_risk" {
  display_name = "HIPAA - Block high sign-in risk"
  state        = var.conditional_access_state
  conditions = {
    users               = local.all_users
    applications        = { include_applications = ["All"] }
    sign_in_risk_levels = ["high"]
  }
  grant_controls = { built_in_controls = ["block"] }
}

# SCuBA MS.AAD.3.8v1, CIS 5.2.2.10 | HIPAA 164.312(d): a stolen password alone cannot register a
# second factor; registration needs a managed device.
resource "teamshipaa_conditional_access_policy" "register_security_info_managed_device" {
  display_name = "HIPAA - Register security info from a managed device"
  state        = var.conditional_access_state
  conditions = {
    users        = local.all_users
    applications = { include_user_actions = ["urn:user:registersecurityinfo"] }
  }
  grant_controls = {
    operator          = "OR"
    built_in_controls = ["compliantDevice", "domainJoinedDevice"]
  }
}

output "conditional_access_policy_ids" {
  description = "IDs of the baseline's conditional access policies (report-only until you enable them)."
  value = {
    block_legacy_authentication   = teamshipaa_conditional_access_policy.block_legacy_authentication.id
    mfa_all_users                 = teamshipaa_conditional_access_policy.mfa_all_users.id
    admins_phishing_resistant_mfa = teamshipaa_conditional_access_policy.admins_phishing_resistant_mfa.id
    managed_device_office365      = teamshipaa_conditional_access_policy.managed_device_office365.id
    mfa_guests                    = teamshipaa_conditional_access_policy.mfa_guests.id
    sign_in_frequency             = teamshipaa_conditional_access_policy.sign_in_frequency.id
    block_device_code_flow        = teamshipaa_conditional_access_policy.block_device_code_flow.id
    block_high_user_risk          = teamshipaa_conditional_access_policy.block_high_user_risk.id
    block_high_sign_in_risk       = teamshipaa_conditional_access_policy.block_high_sign_in_risk.id
    register_security_info        = teamshipaa_conditional_access_policy.register_security_info_managed_device.id
  }
}
