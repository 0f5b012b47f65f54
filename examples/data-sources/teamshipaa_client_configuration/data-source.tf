data "teamshipaa_client_configuration" "this" {}
