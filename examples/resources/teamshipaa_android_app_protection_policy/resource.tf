# Teams, and the apps Teams hands files to, on personal Android phones: data stays in
# protected apps, is encrypted, is not backed up, and is wiped after 90 days offline.
resource "teamshipaa_android_app_protection_policy" "teams" {
  display_name = "HIPAA - Teams on personal Android devices"
  apps = [
    "com.microsoft.teams",          # Teams
    "com.microsoft.office.outlook", # Outlook
    "com.microsoft.office.word",
    "com.microsoft.office.excel",
    "com.microsoft.office.powerpoint",
    "com.microsoft.skydrive", # OneDrive
    "com.microsoft.emmx",     # Edge
  ]
  include_group_ids = ["26d2a0c8-aa5b-4ec4-9b4c-5a0e9d0b1f11"] # staff who use personal phones

  pin_required                                = true
  minimum_pin_length                          = 6
  simple_pin_blocked                          = true
  data_backup_blocked                         = true
  save_as_blocked                             = true
  allowed_data_storage_locations              = ["oneDriveForBusiness", "sharePoint"]
  allowed_outbound_clipboard_sharing_level    = "managedAppsWithPasteIn"
  allowed_inbound_data_transfer_sources       = "managedApps"
  allowed_outbound_data_transfer_destinations = "managedApps"
  device_compliance_required                  = true # no rooted devices
  period_offline_before_wipe_is_enforced      = "P90D"
  minimum_required_os_version                 = "10.0"
  encrypt_app_data                            = true
  screen_capture_blocked                      = true
}
