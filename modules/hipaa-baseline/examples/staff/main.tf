# A practice that does not see patients over Teams: the staff profile, with one recorded exception.
#
#   terraform init && terraform apply
#   terraform output -raw evidence_markdown > hipaa-evidence.md

terraform {
  required_providers {
    teamshipaa = {
      source = "teamshipaa/teamshipaa"
    }
  }
}

provider "teamshipaa" {}

module "hipaa_baseline" {
  source = "../.."

  profile      = "staff"
  organization = "Contoso Family Practice"

  break_glass_account_ids = ["0b1e5a7c-9d3f-4c2e-8a6b-1f0e2d3c4b5a"]
  clinician_group_id      = "5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"
  federated_domains       = ["partner-hospital.example.org"]
  security_mailbox        = "security@contoso.example"
  records_retention_days  = 2555 # seven years: the state's medical-records schedule

  # A deliberate departure from the baseline, with its reason, approver and review date. The plan fails
  # once the date has passed, until the exception is renewed or removed.
  exceptions = {
    "HB.MEETING.18" = {
      value       = false
      reason      = "No Teams Premium licenses, so watermarking is unavailable; screen sharing of PHI is limited to internal meetings (HB.MEETING.12)."
      approved_by = "Sam Ortiz, Security Officer"
      expires     = "2027-06-30"
    }
  }

  business_associate_agreement = {
    executed_on = "2023-09-01"
    reference   = "Microsoft Products and Services Data Protection Addendum (HIPAA BAA), practice binder section 4"
  }
  training_attestation = {
    program      = "Annual HIPAA privacy and security training"
    completed_on = "2026-03-31"
    attested_by  = "Sam Ortiz, Security Officer"
  }
}

output "controls" {
  description = "Every control of the profile and its status (module.hipaa_baseline.controls has the details)."
  value       = { for id, c in module.hipaa_baseline.controls : id => c.status }
}

output "evidence_markdown" {
  value = module.hipaa_baseline.evidence_markdown
}
