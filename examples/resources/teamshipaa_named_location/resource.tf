# Clinic networks, trusted: policies can exclude them with "AllTrusted" or by id.
resource "teamshipaa_named_location" "clinics" {
  display_name = "Clinic networks"
  ip_ranges    = ["203.0.113.0/24", "2001:db8:10::/48"]
  is_trusted   = true
}

# Countries where the organization operates.
resource "teamshipaa_named_location" "operating_countries" {
  display_name          = "Operating countries"
  countries_and_regions = ["US"]
}
