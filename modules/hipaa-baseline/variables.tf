variable "profile" {
  description = "Baseline profile: \"staff\" (internal meetings and collaboration) or \"telehealth\" (adds a patient-visit meeting policy where patients join without an account, behind a one-time passcode and a CAPTCHA)."
  type        = string
  default     = "staff"
  nullable    = false

  validation {
    condition     = contains(["staff", "telehealth"], var.profile)
    error_message = "profile must be \"staff\" or \"telehealth\", not \"${var.profile}\"."
  }
}

variable "name_prefix" {
  description = "Prefix of the names of the policies the module creates (meeting, encryption, conditional access, DLP, retention)."
  type        = string
  default     = "HIPAA"
  nullable    = false

  validation {
    # Teams policy names allow letters, digits, spaces, -, _ and .; policy and rule names at most 64 characters.
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,19}$", var.name_prefix))
    error_message = "name_prefix must be 1 to 20 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit (Teams policy names allow no other characters, and policy names are at most 64 characters)."
  }
}

variable "organization" {
  description = "Name of the organization, printed at the top of the evidence document."
  type        = string
  default     = null
}

variable "break_glass_account_ids" {
  description = "Object IDs of the emergency-access (break-glass) user accounts. Every conditional access policy the module creates excludes them, so a mistake in a policy cannot lock every administrator out of the tenant (HIPAA 164.312(a)(2)(ii), emergency access procedure)."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.break_glass_account_ids) > 0
    error_message = "break_glass_account_ids must name at least one emergency-access account: every conditional access policy excludes them, and without one a policy mistake can lock the whole tenant out."
  }
  validation {
    condition     = alltrue([for id in var.break_glass_account_ids : can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", id))])
    error_message = "break_glass_account_ids must be user object IDs (GUIDs), not names or UPNs: ${join(", ", [for id in var.break_glass_account_ids : jsonencode(id) if !can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", id))])}."
  }
}

variable "clinician_group_id" {
  description = "Object ID of the Entra group of clinicians. It is assigned the clinician meeting policy (cloud recording and transcription allowed: the recordings fall under the module's DLP and retention policies) and the end-to-end encryption policy."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.clinician_group_id))
    error_message = "clinician_group_id must be the object ID (a GUID) of an Entra group, not \"${var.clinician_group_id}\"."
  }
}

variable "telehealth_group_id" {
  description = "Object ID of the Entra group of the clinicians who hold patient visits (profile \"telehealth\"). It is assigned the patient-visit meeting policy. Leave null to create the policy without assigning it."
  type        = string
  default     = null

  validation {
    condition     = var.telehealth_group_id == null || can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", coalesce(var.telehealth_group_id, "x")))
    error_message = "telehealth_group_id must be null or the object ID (a GUID) of an Entra group."
  }
}

variable "federated_domains" {
  description = "External domains (partner hospitals, labs) users may chat and meet with through Teams federation. Empty: federation is off."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for d in var.federated_domains : can(regex("^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$", d))])
    error_message = "federated_domains must be domain names such as \"partner-hospital.example.org\" (an explicit allow list: \"AllowAllKnownDomains\" and wildcards are not allowed). Not domain names: ${join(", ", [for d in var.federated_domains : jsonencode(d) if !can(regex("^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$", d))])}."
  }
}

variable "approved_app_ids" {
  description = "Teams app IDs of the third-party apps approved for use with PHI (each vetted, and covered by a business associate agreement where it handles PHI). Every other third-party app is blocked."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for id in var.approved_app_ids : can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", id))])
    error_message = "approved_app_ids must be Teams app IDs (GUIDs from the Teams admin center's Manage apps page)."
  }
}

variable "approved_microsoft_app_ids" {
  description = "Teams app IDs of the Microsoft apps allowed where the baseline restricts Microsoft apps to an allow list. Empty blocks every Microsoft app that is not part of Teams itself."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for id in var.approved_microsoft_app_ids : can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", id))])
    error_message = "approved_microsoft_app_ids must be Teams app IDs (GUIDs)."
  }
}

variable "security_mailbox" {
  description = "Mailbox that receives DLP incident reports when PHI is about to leave the organization (HIPAA 164.308(a)(6), security incident procedures)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.security_mailbox))
    error_message = "security_mailbox must be an email address, such as \"security@contoso.example\"."
  }
}

variable "records_retention_days" {
  description = "How long Teams chat and channel messages are kept, in days, before they are deleted: the organization's medical-records retention schedule (HIPAA 164.316(b)(2)(i) keeps documentation six years, 2190 days; state law may ask more)."
  type        = number
  nullable    = false

  validation {
    condition     = var.records_retention_days == floor(var.records_retention_days) && var.records_retention_days >= 1 && var.records_retention_days <= 36500
    error_message = "records_retention_days must be a whole number of days between 1 and 36500 (for example 2190, six years)."
  }
}

variable "conditional_access_state" {
  description = "State of the conditional access policies: \"enabledForReportingButNotEnforced\" (report-only, the default: review the sign-in logs first), \"enabled\", or \"disabled\"."
  type        = string
  default     = "enabledForReportingButNotEnforced"
  nullable    = false

  validation {
    condition     = contains(["enabledForReportingButNotEnforced", "enabled", "disabled"], var.conditional_access_state)
    error_message = "conditional_access_state must be \"enabledForReportingButNotEnforced\" (report-only), \"enabled\" or \"disabled\", not \"${var.conditional_access_state}\"."
  }
}

variable "admin_role_names" {
  description = "Directory roles, by display name, whose holders get the administrators' conditional access policy (phishing-resistant MFA, 4-hour sign-in frequency, no persistent browser). The default holds the highly privileged roles of CISA SCuBA's Entra ID baseline (HB.CA.3 and HB.CA.7 want every one of them), then the Teams, Security, Compliance and Conditional Access administrators. Add roles; removing one of the first eight fails those controls."
  type        = list(string)
  default = [
    "Global Administrator",
    "Privileged Role Administrator",
    "User Administrator",
    "SharePoint Administrator",
    "Exchange Administrator",
    "Hybrid Identity Administrator",
    "Application Administrator",
    "Cloud Application Administrator",
    "Privileged Authentication Administrator",
    "Teams Administrator",
    "Security Administrator",
    "Compliance Administrator",
    "Conditional Access Administrator",
  ]
  nullable = false

  validation {
    condition     = length(var.admin_role_names) > 0
    error_message = "admin_role_names must name at least one directory role (by display name, e.g. \"Global Administrator\")."
  }
}

variable "trusted_ip_ranges" {
  description = "CIDR ranges of the organization's own networks (clinics, offices). When set, the module creates a trusted named location from them, and users may register their security information from there without a managed device."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for r in var.trusted_ip_ranges : can(cidrhost(r, 0))])
    error_message = "trusted_ip_ranges must be CIDR ranges such as \"203.0.113.0/24\" or \"2001:db8::/48\"."
  }
}

variable "personal_device_platforms" {
  description = <<-EOT
    The mobile platforms on which staff may use Teams on a personal (unenrolled) device: any of "ios" and "android".
    Each listed platform gets an Intune app protection policy for Teams and the apps Teams hands files to (PIN,
    encryption, no backup, data only to managed apps, wipe after 90 days offline), and a conditional access policy
    lets Teams on iOS and Android in only through a protected app (compliantApplication). A platform left out is
    blocked on Office 365 by conditional access (this blocks enrolled phones of that platform too); [] blocks both.
    The app protection controls of a platform left out (HB.DEVICE.1-18) are then not met in the tenant: record an
    exception for them.
  EOT
  type        = list(string)
  default     = ["ios", "android"]
  nullable    = false

  validation {
    condition     = alltrue([for p in var.personal_device_platforms : contains(["ios", "android"], p)]) && length(distinct(var.personal_device_platforms)) == length(var.personal_device_platforms)
    error_message = "personal_device_platforms takes \"ios\" and \"android\" (each at most once), or [] to allow no personal devices; got ${jsonencode(var.personal_device_platforms)}."
  }
}

variable "personal_device_group_ids" {
  description = "Object ids of the Entra groups whose members may use Teams on personal devices: the app protection policies are assigned to them. Empty (the default): the clinician group."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for g in var.personal_device_group_ids : can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", g))])
    error_message = "personal_device_group_ids must be group object ids (GUIDs)."
  }
}

variable "exceptions" {
  description = <<-EOT
    Exceptions to the baseline, by control id (see the teamshipaa_baseline data source or the README):
    `value` is what the governed setting is set to instead (written as Terraform would: true, 60, "Everyone"; leave it
    out to leave the setting as the tenant has it, or for a conditional access control, to not create that policy),
    `reason` why (required), `approved_by` who accepted the risk (required), `expires` the date (YYYY-MM-DD) the
    exception is reviewed by (required). A missing reason or approver, or a past expiry date, fails the plan.
  EOT
  type = map(object({
    value       = optional(string)
    reason      = optional(string)
    approved_by = optional(string)
    expires     = optional(string)
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for e in values(var.exceptions) : trimspace(coalesce(e.reason, " ")) != ""])
    error_message = "Every exception needs a written reason (why the control does not fit, and what mitigates the risk). Missing for: ${join(", ", [for id, e in var.exceptions : id if trimspace(coalesce(e.reason, " ")) == ""])}."
  }
  validation {
    condition     = alltrue([for e in values(var.exceptions) : trimspace(coalesce(e.approved_by, " ")) != ""])
    error_message = "Every exception needs approved_by: the person or role who accepted the risk. Missing for: ${join(", ", [for id, e in var.exceptions : id if trimspace(coalesce(e.approved_by, " ")) == ""])}."
  }
  validation {
    condition     = alltrue([for e in values(var.exceptions) : can(formatdate("YYYY", "${e.expires}T00:00:00Z")) && can(regex("^\\d{4}-\\d{2}-\\d{2}$", e.expires))])
    error_message = "Every exception needs expires, a date written YYYY-MM-DD (when it must be reviewed again). Missing or malformed for: ${join(", ", [for id, e in var.exceptions : id if !(can(formatdate("YYYY", "${e.expires}T00:00:00Z")) && can(regex("^\\d{4}-\\d{2}-\\d{2}$", e.expires)))])}."
  }
  validation {
    # An exception lasts through its expiry date (UTC). plantimestamp() is known at plan time.
    condition     = alltrue([for e in values(var.exceptions) : try(timecmp("${e.expires}T23:59:59Z", plantimestamp()) >= 0, true)])
    error_message = "These exceptions have expired: ${join(", ", [for id, e in var.exceptions : "${id} (expired ${e.expires})" if try(timecmp("${e.expires}T23:59:59Z", plantimestamp()) < 0, false)])}. Review each: renew it with a new expiry date and approval, or remove it so the control applies again."
  }
}

variable "business_associate_agreement" {
  description = "The business associate agreement (BAA) with Microsoft covering Microsoft 365 (45 CFR 164.308(b)(1), 164.314(a)). No setting can enforce it; the module records it in the evidence document. `reference` says where the signed agreement (or the Product Terms / DPA it is part of) is kept."
  type = object({
    counterparty = optional(string, "Microsoft Corporation")
    executed_on  = string
    reference    = string
  })
  nullable = false

  validation {
    condition     = can(regex("^\\d{4}-\\d{2}-\\d{2}$", var.business_associate_agreement.executed_on)) && can(formatdate("YYYY", "${var.business_associate_agreement.executed_on}T00:00:00Z"))
    error_message = "business_associate_agreement.executed_on must be the date the BAA took effect, written YYYY-MM-DD."
  }
  validation {
    condition     = trimspace(var.business_associate_agreement.reference) != "" && trimspace(var.business_associate_agreement.counterparty) != ""
    error_message = "business_associate_agreement.reference must say where the signed agreement is kept (a document id or location), and counterparty must not be empty."
  }
}

variable "training_attestation" {
  description = "The workforce security awareness training attestation (45 CFR 164.308(a)(5)): which program, when it was last completed, and who attests it. Recorded in the evidence document."
  type = object({
    program      = string
    completed_on = string
    attested_by  = string
  })
  nullable = false

  validation {
    condition     = can(regex("^\\d{4}-\\d{2}-\\d{2}$", var.training_attestation.completed_on)) && can(formatdate("YYYY", "${var.training_attestation.completed_on}T00:00:00Z"))
    error_message = "training_attestation.completed_on must be the date the training cycle was completed, written YYYY-MM-DD."
  }
  validation {
    condition     = trimspace(var.training_attestation.program) != "" && trimspace(var.training_attestation.attested_by) != ""
    error_message = "training_attestation needs the training program's name and who attests its completion (attested_by)."
  }
}

variable "catalog" {
  description = <<-EOT
    The control catalog to apply, in the shape the teamshipaa_baseline data source returns (its `controls` and
    `settings_json` for the profile). Leave it null, the default: the module reads the catalog of the provider it
    runs with. Set it to pin a catalog you reviewed, or in `terraform test`: Terraform's mocks cannot fill a
    list-nested attribute such as `controls` (hashicorp/terraform#37939), so the module's tests pass the
    provider's real catalog this way (tests/fixtures/, generated from the provider).
  EOT
  type = object({
    settings_json = string
    controls = list(object({
      id         = string
      title      = string
      resource   = string
      attribute  = string
      scope      = string
      level      = string
      profiles   = list(string)
      expected   = string
      value_json = string
      hipaa      = list(string)
      scuba      = list(string)
      cis        = list(string)
      maester    = list(string)
      sources    = list(string)
      trade_off  = string
      resolution = string
    }))
  })
  default = null

  validation {
    condition     = var.catalog == null || can(jsondecode(var.catalog.settings_json))
    error_message = "catalog.settings_json must be the JSON text of teamshipaa_baseline's settings_json."
  }
}
