# Teams, and the apps Teams hands files to, on personal iPhones and iPads: data stays in
# protected apps, is encrypted, is not backed up, and is wiped after 90 days offline.
resource "teamshipaa_ios_app_protection_policy" "teams" {
  display_name = "HIPAA - Teams on personal iOS devices"
  apps = [
    "com.microsoft.skype.teams",    # Teams
    "com.microsoft.Office.Outlook", # Outlook
    "com.microsoft.Office.Word",
    "com.microsoft.Office.Excel",
    "com.microsoft.Office.Powerpoint",
    "com.microsoft.skydrive", # OneDrive
    "com.microsoft.msedge",
  ]
  include_group_ids = ["26d2a0c8-aa5b-4ec4-9b4c-5a0e9d0b1f11"] # staff who use personal phones

  pin_required                                = true
  minimum_pin_length                          = 6
  simple_pin_blocked                          = true
  maximum_pin_retries                         = 5
  data_backup_blocked                         = true
  save_as_blocked                             = true
  allowed_data_storage_locations              = ["oneDriveForBusiness", "sharePoint"]
  allowed_outbound_clipboard_sharing_level    = "managedAppsWithPasteIn"
  allowed_inbound_data_transfer_sources       = "managedApps"
  allowed_outbound_data_transfer_destinations = "managedApps"
  device_compliance_required                  = true # no jailbroken devices
  period_offline_before_wipe_is_enforced      = "P90D"
  minimum_required_os_version                 = "16.0"
  app_data_encryption_type                    = "whenDeviceLocked"
}
