# The policy's id (Graph deviceAppManagement/androidManagedAppProtections/{id}).
import {
  to = teamshipaa_android_app_protection_policy.teams
  id = "T_5bc789cb-89cb-5bc7-cb89-c75bcb89c75b"
}
