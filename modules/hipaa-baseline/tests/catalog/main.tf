# Test fixture: the provider's real catalog for each profile, as the teamshipaa_baseline data source
# returns it (tests/fixtures/<profile>.json, generated from the provider by `make module-fixtures`;
# scripts/test-module.sh fails when they are stale). Runs pass it to the module's `catalog` input, because
# Terraform's mocks cannot fill the data source's list-nested `controls` (hashicorp/terraform#37939).

terraform {
  # Named so the test files' provider "teamshipaa" means the same provider in every run.
  required_providers {
    teamshipaa = { source = "teamshipaa/teamshipaa" }
  }
}

output "staff" {
  value = jsondecode(file("${path.module}/../fixtures/staff.json"))
}

output "telehealth" {
  value = jsondecode(file("${path.module}/../fixtures/telehealth.json"))
}
