# Assess the live tenant against the staff profile, without the hipaa-baseline module, and write the evidence.
# The "Telehealth" meeting policy is judged as telehealth.
resource "teamshipaa_meeting_policy" "vendors" {
  name                                            = "Vendors"
  allow_anonymous_users_to_join_meeting           = false # a new policy's default is true (HB.MEETING.6)
  allow_external_participant_give_request_control = true
  baseline_exceptions                             = { "HB.MEETING.4" = "Vendors take control of the screen in product demos (ticket SEC-123)" }
}

data "teamshipaa_assessment" "this" {
  profile         = "staff"
  object_profiles = { Telehealth = "telehealth" }
  organization    = "Contoso Health Clinic"

  # Exceptions wherever they are recorded: tenant-wide ones with their approval, and each resource's own
  # baseline_exceptions, limited to that object.
  exceptions = merge(
    {
      "HB.MEETING.2" = {
        reason      = "Lobby bypass for guests approved by the privacy officer (ticket SEC-120)"
        approved_by = "Sam Ortiz, Security Officer"
        expires     = "2027-06-30"
      }
    },
    { for key, reason in teamshipaa_meeting_policy.vendors.baseline_exceptions : key => {
      reason  = reason
      objects = [teamshipaa_meeting_policy.vendors.name]
    } },
  )

  # The objects this configuration manages: failing objects outside it are listed with what to do.
  managed_objects = { teamshipaa_meeting_policy = [teamshipaa_meeting_policy.vendors.name] }
}

output "control_summary" {
  value = data.teamshipaa_assessment.this.control_summary
}

# What to fix: control, object, value found and value wanted.
output "failing" {
  value = [for r in data.teamshipaa_assessment.this.results :
  "${r.control_id} ${r.resource} ${r.object}: ${r.actual} (want ${r.expected})" if r.result == "fail"]
}

# The evidence for the auditor, and the same as a printable HTML page:
#   terraform output -raw evidence_markdown > evidence-$(date +%F).md
#   terraform output -raw evidence_html > evidence-$(date +%F).html
output "evidence_markdown" {
  value = data.teamshipaa_assessment.this.evidence_markdown
}

output "evidence_html" {
  value = data.teamshipaa_assessment.this.html
}

# For ScubaGear report tooling: terraform output -raw scuba_json > ScubaResults.json
output "scuba_json" {
  value = data.teamshipaa_assessment.this.scuba_json
}

# Only whether the evidence changed: the same reading and content_hash, without the results and documents
# (small plans and state on large tenants).
data "teamshipaa_assessment" "hash" {
  profile         = data.teamshipaa_assessment.this.profile
  object_profiles = data.teamshipaa_assessment.this.object_profiles
  exceptions      = data.teamshipaa_assessment.this.exceptions
  managed_objects = data.teamshipaa_assessment.this.managed_objects
  organization    = data.teamshipaa_assessment.this.organization
  summary_only    = true
}

output "content_hash" {
  value = data.teamshipaa_assessment.hash.content_hash
}
