# Assess the live tenant against the staff profile; the "Telehealth" meeting policy is judged as telehealth.
data "teamshipaa_assessment" "this" {
  profile         = "staff"
  object_profiles = { Telehealth = "telehealth" }
  exceptions = {
    "HB.MEETING.2" = "Lobby bypass for guests approved by the privacy officer until 2026-06-30 (ticket SEC-123)"
  }
}

output "summary" {
  value = data.teamshipaa_assessment.this.summary
}

# What to fix: control, object, value found and value wanted.
output "failing" {
  value = [for r in data.teamshipaa_assessment.this.results :
  "${r.control_id} ${r.resource} ${r.object}: ${r.actual} (want ${r.expected})" if r.result == "fail"]
}

# For ScubaGear report tooling: terraform output -raw scuba_json > ScubaResults.json
output "scuba_json" {
  value = data.teamshipaa_assessment.this.scuba_json
}
