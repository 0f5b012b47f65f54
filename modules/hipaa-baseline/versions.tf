terraform {
  # plantimestamp() (exception expiry) needs Terraform 1.5; the module's own tests (mock_provider) need 1.7.
  required_version = ">= 1.5.0"

  required_providers {
    teamshipaa = {
      source = "teamshipaa/teamshipaa"
      # The attributes and the catalog (teamshipaa_baseline) this module reads first shipped in 0.1.0; before
      # 1.0.0 a minor release may change them, so a new minor is admitted only with a release of this module.
      version = ">= 0.1.0, < 0.2.0"
    }
  }
}
