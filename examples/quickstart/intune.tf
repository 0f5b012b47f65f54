# Personal phones: Teams (and the apps it hands files to) under Intune app protection, and conditional
# access that lets Office 365 in on iOS and Android only through a protected app.
# HB.DEVICE.1-19 | HIPAA 164.310(d)(1) device and media controls, 164.312(a)(2)(iv) encryption,
# 164.308(a)(6)(ii) response to a lost device (the app's data is wiped). No SCuBA, CIS or Maester check.

locals {
  app_protection_groups = var.clinicians_group_id == null ? null : [var.clinicians_group_id]
}

resource "teamshipaa_ios_app_protection_policy" "teams" {
  display_name      = "HIPAA - Teams on personal iOS devices"
  apps              = ["com.microsoft.skype.teams", "com.microsoft.Office.Outlook", "com.microsoft.skydrive"]
  include_group_ids = local.app_protection_groups

  pin_required                                = true
  data_backup_blocked                         = true
  save_as_blocked                             = true
  allowed_data_storage_locations              = ["oneDriveForBusiness", "sharePoint"]
  allowed_outbound_data_transfer_destinations = "managedApps"
  allowed_outbound_clipboard_sharing_level    = "managedAppsWithPasteIn"
  device_compliance_required                  = true
  period_offline_before_wipe_is_enforced      = "P90D"
  app_data_encryption_type                    = "whenDeviceLocked"
}

resource "teamshipaa_android_app_protection_policy" "teams" {
  display_name      = "HIPAA - Teams on personal Android devices"
  apps              = ["com.microsoft.teams", "com.microsoft.office.outlook", "com.microsoft.skydrive"]
  include_group_ids = local.app_protection_groups

  pin_required                                = true
  data_backup_blocked                         = true
  save_as_blocked                             = true
  allowed_data_storage_locations              = ["oneDriveForBusiness", "sharePoint"]
  allowed_outbound_data_transfer_destinations = "managedApps"
  allowed_outbound_clipboard_sharing_level    = "managedAppsWithPasteIn"
  device_compliance_required                  = true
  period_offline_before_wipe_is_enforced      = "P90D"
  encrypt_app_data                            = true
}

resource "teamshipaa_conditional_access_policy" "app_protection" {
  display_name = "HIPAA - Require app protection on iOS and Android"
  state        = var.conditional_access_state
  conditions = {
    users        = local.all_users
    applications = { include_applications = ["Office365"] }
    platforms    = { include_platforms = ["iOS", "android"] }
  }
  grant_controls = { built_in_controls = ["compliantApplication"] }
}
