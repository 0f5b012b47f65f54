resource "teamshipaa_dlp_policy" "hipaa" {
  name           = "HIPAA PHI"
  mode           = "Enable"
  teams_location = ["All"]
}

data "teamshipaa_sensitive_information_types" "hipaa" {
  names = [
    "U.S. Social Security Number (SSN)",
    "Drug Enforcement Agency (DEA) Number",
    "International Classification of Diseases (ICD-9-CM)",
    "International Classification of Diseases (ICD-10-CM)",
  ]
}

# (SSN or DEA number) together with (ICD-9 or ICD-10 code): PHI.
resource "teamshipaa_dlp_rule" "phi_external" {
  name   = "PHI shared outside the organization"
  policy = teamshipaa_dlp_policy.hipaa.name

  content_contains_sensitive_information = {
    operator = "And"
    groups = [
      {
        name     = "Identifiers"
        operator = "Or"
        sensitive_types = [
          { name = "U.S. Social Security Number (SSN)" },
          { id = data.teamshipaa_sensitive_information_types.hipaa.ids["Drug Enforcement Agency (DEA) Number"] },
        ]
      },
      {
        name     = "Diagnoses"
        operator = "Or"
        sensitive_types = [
          { name = "International Classification of Diseases (ICD-9-CM)" },
          { name = "International Classification of Diseases (ICD-10-CM)", min_confidence = 75 },
        ]
      },
    ]
  }

  access_scope             = "NotInOrganization"
  block_access             = true
  block_access_scope       = "All"
  notify_user              = ["Owner", "SiteAdmin", "LastModifier"]
  generate_incident_report = ["security@contoso.example"]
  incident_report_content  = ["All"]
  report_severity_level    = "High"
  comment                  = "HIPAA 164.312(e)(1): PHI does not leave the organization"
}

# The simple form: any one of the types matches.
resource "teamshipaa_dlp_rule" "ssn_anywhere" {
  name   = "SSN shared outside the organization"
  policy = teamshipaa_dlp_policy.hipaa.name

  content_contains_sensitive_information = {
    sensitive_types = [
      { name = "U.S. Social Security Number (SSN)", min_count = 1, max_count = -1 },
    ]
  }

  access_scope          = "NotInOrganization"
  notify_user           = ["Owner"]
  notify_allow_override = ["WithJustification"]
  report_severity_level = "Medium"
}
