# The HIPAA sensitive information types, by name; their ids are stable.
data "teamshipaa_sensitive_information_types" "hipaa" {
  names = [
    "U.S. Social Security Number (SSN)",
    "Drug Enforcement Agency (DEA) Number",
    "International Classification of Diseases (ICD-9-CM)",
    "International Classification of Diseases (ICD-10-CM)",
  ]
}

output "ssn_id" {
  value = data.teamshipaa_sensitive_information_types.hipaa.ids["U.S. Social Security Number (SSN)"]
}
