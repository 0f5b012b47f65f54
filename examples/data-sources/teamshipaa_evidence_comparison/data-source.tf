# What changed between two quarterly reviews: each evidence document was saved with
#   terraform output -raw evidence_markdown > evidence-2026-09-30.md
# and carries its own record, so the two files are all this needs (nothing is read from the tenant).
data "teamshipaa_evidence_comparison" "q4" {
  before = file("${path.module}/evidence-2026-09-30.md")
  after  = file("${path.module}/evidence-2026-12-31.md")
}

output "changed" {
  value = data.teamshipaa_evidence_comparison.q4.changed
}

# One line per change, e.g. "HB.MEETING.2 Global: \"EveryoneInCompanyExcludingGuests\" (pass) -> \"EveryoneInCompany\" (fail)".
output "changes" {
  value = data.teamshipaa_evidence_comparison.q4.changes
}

# For the review file: terraform output -raw changes_markdown >> review-2026-Q4.md
output "changes_markdown" {
  value = data.teamshipaa_evidence_comparison.q4.markdown
}
