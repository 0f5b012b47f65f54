# Every named location (IP ranges and countries), to adopt them with import blocks.
data "teamshipaa_named_locations" "all" {}

output "location_imports" {
  value = data.teamshipaa_named_locations.all.import_blocks
}
