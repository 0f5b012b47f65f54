terraform {
  # plantimestamp() (exception expiry) needs Terraform 1.5; the module's own tests (mock_provider) need 1.7.
  required_version = ">= 1.5.0"

  required_providers {
    teamshipaa = {
      source = "teamshipaa/teamshipaa"
    }
  }
}
