# A clinic that sees patients over Teams: the telehealth profile.
#
# Clinicians in the telehealth group hold patient visits under the patient-visit meeting policy: patients
# join without an account, after a one-time passcode and a CAPTCHA, and wait in the lobby. Everything else
# is the staff baseline. Conditional access starts in report-only mode; set conditional_access_state =
# "enabled" once the sign-in logs show no surprises.
#
#   terraform init && terraform apply
#   terraform output -raw evidence_markdown > hipaa-evidence.md   # the evidence, from the live tenant
#   terraform output -raw evidence_html > hipaa-evidence.html     # the same, as a printable page

terraform {
  required_providers {
    teamshipaa = {
      source = "teamshipaa/teamshipaa"
    }
  }
}

# Credentials from the environment (ARM_TENANT_ID, ARM_CLIENT_ID, ARM_CLIENT_CERTIFICATE_PATH, ...).
provider "teamshipaa" {}

variable "conditional_access_state" {
  description = "enabledForReportingButNotEnforced (report-only) first, then enabled."
  type        = string
  default     = "enabledForReportingButNotEnforced"
}

module "hipaa_baseline" {
  source = "../.."

  profile      = "telehealth"
  organization = "Contoso Health Clinic"

  break_glass_account_ids = ["0b1e5a7c-9d3f-4c2e-8a6b-1f0e2d3c4b5a", "6f2d9e41-3c8a-4b7e-a915-2d4c6e8f0a1b"]
  clinician_group_id      = "5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"
  telehealth_group_id     = "8c1f7a2e-4d6b-4e9a-b3c5-7e2d1f0a9b8c"

  federated_domains      = ["partner-hospital.example.org", "reference-lab.example.com"]
  approved_app_ids       = []
  security_mailbox       = "privacy-office@contoso.example"
  records_retention_days = 2190 # six years
  trusted_ip_ranges      = ["203.0.113.0/24"]

  conditional_access_state = var.conditional_access_state

  business_associate_agreement = {
    executed_on = "2024-01-15"
    reference   = "Microsoft Products and Services Data Protection Addendum (HIPAA BAA), contract file LEGAL-2024-017"
  }
  training_attestation = {
    program      = "HIPAA Security Awareness 2026"
    completed_on = "2026-10-31"
    attested_by  = "Dana Whitfield, Privacy Officer"
  }
}

output "controls" {
  description = "Every control of the profile and its status (module.hipaa_baseline.controls has the details)."
  value       = { for id, c in module.hipaa_baseline.controls : id => c.status }
}

output "evidence_markdown" {
  description = "The evidence document for the auditor."
  value       = module.hipaa_baseline.evidence_markdown
}

output "evidence_html" {
  description = "The evidence as a self-contained HTML page."
  value       = module.hipaa_baseline.evidence_html
}

output "assessment" {
  description = "The live tenant after the apply: controls by result, content hash, what does not pass and why."
  value       = module.hipaa_baseline.assessment
}

output "assessment_summary" {
  description = "Controls by result in the live tenant after the apply."
  value       = module.hipaa_baseline.assessment.summary_text
}

output "remaining_failures" {
  description = "Why what still fails fails: the failing objects outside the module, with what to do."
  value       = module.hipaa_baseline.assessment.why_failing
}

output "control_results" {
  description = "Control id -> its result in the live tenant, as the evidence states it."
  value       = module.hipaa_baseline.assessment.control_results
}

output "assessment_exceptions" {
  description = "For teamshipaa_assessment: the exceptions, as the resources record them."
  value       = module.hipaa_baseline.assessment_exceptions
}

output "managed_objects" {
  description = "For teamshipaa_assessment: the objects the module manages."
  value       = module.hipaa_baseline.managed_objects
}

output "object_profiles" {
  description = "For teamshipaa_assessment: the patient-visit policy is judged as telehealth."
  value       = module.hipaa_baseline.object_profiles
}
