# Let clinicians turn on end-to-end encryption for sensitive calls (SEED-A:
# "enable E2EE for sensitive calls"; HIPAA 164.312(a)(2)(iv), (e)(2)(ii)).
# E2EE calls drop recording, transcription and transfer.
resource "teamshipaa_enhanced_encryption_policy" "clinicians" {
  name                                       = "Clinicians-E2EE"
  description                                = "End-to-end encryption available to clinicians"
  calling_end_to_end_encryption_enabled_type = "DisabledUserOverride"
  meeting_end_to_end_encryption              = "DisabledUserOverride" # Teams Premium
}
