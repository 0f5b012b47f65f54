# Assess the live tenant against the same catalog the module applies: before the module (what a new tenant
# fails) and after it. Pass the module's outputs, so objects are judged as planned:
#
#   terraform apply -auto-approve \
#     -var profile=telehealth \
#     -var "object_profiles=$(terraform -chdir=../telehealth output -json object_profiles)" \
#     -var "exceptions=$(terraform -chdir=../telehealth output -json assessment_exceptions)"
#   terraform output summary
#   terraform output -raw markdown > assessment.md
#
# Nothing is created: the configuration only reads the tenant.

terraform {
  required_providers {
    teamshipaa = {
      source = "teamshipaa/teamshipaa"
    }
  }
}

provider "teamshipaa" {}

variable "profile" {
  description = "The module's profile: staff or telehealth."
  type        = string
  default     = "telehealth"
}

variable "object_profiles" {
  description = "The module's object_profiles output: objects judged under another profile than staff."
  type        = map(string)
  default     = {}
}

variable "exceptions" {
  description = "The module's assessment_exceptions output: control id -> reason, approver, expiry, value and the objects that record it."
  type = map(object({
    reason      = string
    approved_by = optional(string)
    expires     = optional(string)
    value       = optional(string)
    objects     = optional(list(string))
  }))
  default = {}
}

variable "managed_objects" {
  description = "The module's managed_objects output: resource type -> the names of the objects it manages."
  type        = map(list(string))
  default     = null
}

variable "evidence_results" {
  description = "The module's control results (control id -> result) as its evidence states them, to compare with this assessment."
  type        = map(string)
  default     = {}
}

data "teamshipaa_assessment" "this" {
  profile         = var.profile
  object_profiles = var.object_profiles
  exceptions      = var.exceptions
  managed_objects = var.managed_objects
}

locals {
  # Microsoft's preset meeting policies of every tenant ("Do not assign"): the module does not manage them.
  presets = ["AllOn", "AllOff", "Default", "Kiosk", "RestrictedAnonymousAccess", "RestrictedAnonymousNoRecording"]
  results = [for r in data.teamshipaa_assessment.this.results : merge(r, {
    line   = "${r.result}: ${r.control_id} ${r.resource} \"${r.object}\": ${r.actual} (want ${r.expected})${r.details != "" ? ". ${r.details}" : ""}"
    preset = r.resource == "teamshipaa_meeting_policy" && contains(local.presets, r.object)
  })]
}

output "summary" {
  description = "Results by outcome."
  value       = data.teamshipaa_assessment.this.summary
}

output "not_passing" {
  description = "Every result other than pass, not_applicable or excepted, except on Microsoft's preset meeting policies."
  value       = [for r in local.results : r.line if !contains(["pass", "not_applicable", "excepted"], r.result) && !r.preset]
}

output "preset_policies_not_passing" {
  description = "Results other than pass on Microsoft's preset meeting policies (AllOn, Kiosk...): not managed by the module; do not assign them."
  value       = [for r in local.results : r.line if !contains(["pass", "not_applicable", "excepted"], r.result) && r.preset]
}

output "control_results" {
  description = "Control id -> its result over every object: what the module's evidence must state for each control."
  value       = data.teamshipaa_assessment.this.control_results
}

output "disagreements" {
  description = "Controls whose result differs between evidence_results and this assessment (empty when they agree or none is given)."
  value = length(var.evidence_results) == 0 ? [] : [
    for id in sort(distinct(concat(keys(var.evidence_results), keys(data.teamshipaa_assessment.this.control_results)))) :
    "${id}: evidence ${lookup(var.evidence_results, id, "absent")}, assessment ${lookup(data.teamshipaa_assessment.this.control_results, id, "absent")}"
    if lookup(var.evidence_results, id, "absent") != lookup(data.teamshipaa_assessment.this.control_results, id, "absent")
  ]
}

output "markdown" {
  description = "The report as a Markdown table."
  value       = data.teamshipaa_assessment.this.markdown
}
