# Every input validation: each run breaks one input and expects the plan to fail on it.

mock_provider "teamshipaa" {
  # Object IDs where the provider validates them.
  mock_data "teamshipaa_directory_role_template" {
    defaults = { id = "62e90394-69f5-4237-9190-012177145e10" }
  }
  mock_data "teamshipaa_authentication_strength_policy" {
    defaults = { id = "00000000-0000-0000-0000-000000000004" }
  }
}

run "catalog" {
  module {
    source = "./tests/catalog"
  }
}

variables {
  profile                 = "staff"
  break_glass_account_ids = ["0b1e5a7c-9d3f-4c2e-8a6b-1f0e2d3c4b5a"]
  clinician_group_id      = "5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"
  security_mailbox        = "security@contoso.example"
  records_retention_days  = 2190
  business_associate_agreement = {
    executed_on = "2024-01-15"
    reference   = "LEGAL-2024-017"
  }
  training_attestation = {
    program      = "HIPAA Security Awareness 2026"
    completed_on = "2026-03-31"
    attested_by  = "Dana Whitfield"
  }
}

run "valid_inputs_plan" {
  command = plan
  variables {
    catalog = run.catalog.staff
  }
}

run "profile_unknown" {
  command = plan
  variables {
    catalog = run.catalog.staff
    profile = "hospital"
  }
  expect_failures = [var.profile]
}

run "break_glass_empty" {
  command = plan
  variables {
    catalog                 = run.catalog.staff
    break_glass_account_ids = []
  }
  expect_failures = [var.break_glass_account_ids]
}

run "break_glass_not_object_ids" {
  command = plan
  variables {
    catalog                 = run.catalog.staff
    break_glass_account_ids = ["breakglass1@contoso.example"]
  }
  expect_failures = [var.break_glass_account_ids]
}

run "clinician_group_not_object_id" {
  command = plan
  variables {
    catalog            = run.catalog.staff
    clinician_group_id = "Clinicians"
  }
  expect_failures = [var.clinician_group_id]
}

run "telehealth_group_not_object_id" {
  command = plan
  variables {
    catalog             = run.catalog.staff
    profile             = "telehealth"
    telehealth_group_id = "Telehealth clinicians"
  }
  expect_failures = [var.telehealth_group_id]
}

run "telehealth_group_same_as_clinicians" {
  command = plan
  variables {
    catalog             = run.catalog.staff
    profile             = "telehealth"
    telehealth_group_id = "5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"
  }
  expect_failures = [teamshipaa_policy_assignment.meeting_patient_visit]
}

run "federated_domains_allow_all" {
  command = plan
  variables {
    catalog           = run.catalog.staff
    federated_domains = ["AllowAllKnownDomains"]
  }
  expect_failures = [var.federated_domains]
}

run "federated_domains_wildcard" {
  command = plan
  variables {
    catalog           = run.catalog.staff
    federated_domains = ["*.example.org"]
  }
  expect_failures = [var.federated_domains]
}

run "approved_app_ids_not_ids" {
  command = plan
  variables {
    catalog          = run.catalog.staff
    approved_app_ids = ["Zoom"]
  }
  expect_failures = [var.approved_app_ids]
}

run "approved_microsoft_app_ids_not_ids" {
  command = plan
  variables {
    catalog                    = run.catalog.staff
    approved_microsoft_app_ids = ["Planner"]
  }
  expect_failures = [var.approved_microsoft_app_ids]
}

run "security_mailbox_not_an_address" {
  command = plan
  variables {
    catalog          = run.catalog.staff
    security_mailbox = "security team"
  }
  expect_failures = [var.security_mailbox]
}

run "retention_zero" {
  command = plan
  variables {
    catalog                = run.catalog.staff
    records_retention_days = 0
  }
  expect_failures = [var.records_retention_days]
}

run "retention_fraction" {
  command = plan
  variables {
    catalog                = run.catalog.staff
    records_retention_days = 365.5
  }
  expect_failures = [var.records_retention_days]
}

run "conditional_access_state_unknown" {
  command = plan
  variables {
    catalog                  = run.catalog.staff
    conditional_access_state = "on"
  }
  expect_failures = [var.conditional_access_state]
}

run "name_prefix_invalid" {
  command = plan
  variables {
    catalog     = run.catalog.staff
    name_prefix = "HIPAA/Prod"
  }
  expect_failures = [var.name_prefix]
}

run "admin_roles_empty" {
  command = plan
  variables {
    catalog          = run.catalog.staff
    admin_role_names = []
  }
  expect_failures = [var.admin_role_names]
}

run "trusted_ip_ranges_not_cidr" {
  command = plan
  variables {
    catalog           = run.catalog.staff
    trusted_ip_ranges = ["clinic wifi"]
  }
  expect_failures = [var.trusted_ip_ranges]
}

run "baa_date_malformed" {
  command = plan
  variables {
    catalog                      = run.catalog.staff
    business_associate_agreement = { executed_on = "January 2024", reference = "LEGAL-2024-017" }
  }
  expect_failures = [var.business_associate_agreement]
}

run "baa_reference_blank" {
  command = plan
  variables {
    catalog                      = run.catalog.staff
    business_associate_agreement = { executed_on = "2024-01-15", reference = " " }
  }
  expect_failures = [var.business_associate_agreement]
}

run "training_date_malformed" {
  command = plan
  variables {
    catalog              = run.catalog.staff
    training_attestation = { program = "HIPAA 2026", completed_on = "2026-13-01", attested_by = "Dana Whitfield" }
  }
  expect_failures = [var.training_attestation]
}

run "training_attester_blank" {
  command = plan
  variables {
    catalog              = run.catalog.staff
    training_attestation = { program = "HIPAA 2026", completed_on = "2026-03-31", attested_by = "" }
  }
  expect_failures = [var.training_attestation]
}

# Personal devices (issue 17).
run "personal_device_platform_unknown" {
  command = plan
  variables {
    catalog                   = run.catalog.staff
    personal_device_platforms = ["ios", "windows"]
  }
  expect_failures = [var.personal_device_platforms]
}

run "personal_device_platform_twice" {
  command = plan
  variables {
    catalog                   = run.catalog.staff
    personal_device_platforms = ["ios", "ios"]
  }
  expect_failures = [var.personal_device_platforms]
}

run "personal_device_group_not_object_id" {
  command = plan
  variables {
    catalog                   = run.catalog.staff
    personal_device_group_ids = ["Clinicians"]
  }
  expect_failures = [var.personal_device_group_ids]
}
