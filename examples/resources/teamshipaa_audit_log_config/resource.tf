# Unified audit log ingestion (HIPAA 164.312(b)). Destroying this resource
# leaves ingestion as it is.
resource "teamshipaa_audit_log_config" "this" {
  unified_audit_log_ingestion_enabled = true
}
