# Every argument is optional: anything left out is read from the environment (ARM_TENANT_ID,
# ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_ENVIRONMENT, ... as in the azuread provider).
# Arguments set here win over the environment.

variable "client_secret" {
  description = "Client secret of the app registration (better: leave it out and set ARM_CLIENT_SECRET)."
  type        = string
  sensitive   = true
}

provider "teamshipaa" {
  # Directory (tenant) id of the Microsoft 365 tenant to configure.
  tenant_id = "00000000-0000-0000-0000-000000000000"
  # Application (client) id of the app registration the provider signs in as.
  client_id = "11111111-1111-1111-1111-111111111111"
  # Client secret auth; see the provider docs for certificate, OIDC (GitHub Actions),
  # managed identity and Azure CLI auth.
  client_secret = var.client_secret

  # Which Microsoft cloud: "public" (commercial and GCC), "usgovernment" (GCC High) or "dod".
  environment = "public"
}

# Pointing the provider at other endpoints, e.g. the local tenant simulator (`make demo`) or a
# proxy. Each is a base URL; the provider appends the API path. The simulator prints these values
# (as TEAMSHIPAA_*_ENDPOINT variables) in its env file, so usually you only `source` that file.
#
# provider "teamshipaa" {
#   tenant_id     = "00000000-0000-0000-0000-000000000000"
#   client_id     = "11111111-1111-1111-1111-111111111111"
#   client_secret = var.client_secret
#
#   endpoints {
#     login      = "https://127.0.0.1:8443"
#     graph      = "https://127.0.0.1:8443/graph"
#     teams      = "https://127.0.0.1:8443/teams"
#     compliance = "https://127.0.0.1:8443/compliance"
#     exchange   = "https://127.0.0.1:8443/exchange"
#   }
# }
