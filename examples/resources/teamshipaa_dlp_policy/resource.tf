# PHI protection everywhere Teams content lives: chats and channels, mail,
# and the SharePoint / OneDrive sites holding files, recordings and transcripts.
resource "teamshipaa_dlp_policy" "hipaa" {
  name    = "HIPAA PHI"
  comment = "Blocks PHI leaving the organization (managed by Terraform)"
  # Roll out as "TestWithNotifications", then switch to "Enable".
  mode = "Enable"

  teams_location           = ["All"]
  teams_location_exception = ["dlp-exempt@contoso.example"]
  exchange_location        = ["All"]
  sharepoint_location      = ["All"]
  onedrive_location        = ["All"]
}
