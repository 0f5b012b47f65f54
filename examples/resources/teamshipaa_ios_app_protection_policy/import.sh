# The policy's id (Graph deviceAppManagement/iosManagedAppProtections/{id}).
terraform import teamshipaa_ios_app_protection_policy.teams T_5bc789cb-89cb-5bc7-cb89-c75bcb89c75b
