# Assess the tenant against the HIPAA baseline: run it before and after applying examples/quickstart.
#
#   terraform apply -auto-approve     # reads the tenant; nothing is created
#   terraform output summary
#   terraform output -raw markdown    # the report as a Markdown table
#   terraform output -raw scuba_json  # ScubaGear-shaped results for existing report tooling
#   terraform output -raw evidence_markdown > evidence-$(date +%F).md   # the evidence an auditor files
#   terraform output -raw evidence_html > evidence-$(date +%F).html     # the same, as a printable page
#
# Credentials come from the environment, as for the quickstart. Reading needs the Teams Administrator
# role, Policy.Read.All and Exchange.ManageAsApp with Compliance Administrator; what is missing shows
# as "error" results naming it.

terraform {
  required_providers {
    teamshipaa = {
      source = "teamshipaa/teamshipaa"
    }
  }
}

provider "teamshipaa" {}

data "teamshipaa_assessment" "this" {
  profile = "staff"
  # The quickstart's patient-visit meeting policy is judged against the telehealth profile.
  object_profiles = { Telehealth = "telehealth" }
}

output "summary" {
  description = "Results by outcome."
  value       = data.teamshipaa_assessment.this.summary
}

output "failing" {
  description = "Failed shall controls: control, object, value found, value wanted."
  value = [for r in data.teamshipaa_assessment.this.results :
  "${r.control_id} ${r.resource} \"${r.object}\": ${r.actual} (want ${r.expected})" if r.result == "fail"]
}

output "markdown" {
  description = "The report as a Markdown table."
  value       = data.teamshipaa_assessment.this.markdown
}

output "scuba_json" {
  description = "The results in ScubaGear's results JSON shape."
  value       = data.teamshipaa_assessment.this.scuba_json
}

output "evidence_markdown" {
  description = "The evidence document: per control the intended and observed values, result, exception, citation and crosswalk."
  value       = data.teamshipaa_assessment.this.evidence_markdown
}

output "evidence_html" {
  description = "The evidence as a self-contained HTML page with a chart per area."
  value       = data.teamshipaa_assessment.this.html
}
