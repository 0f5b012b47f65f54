data "teamshipaa_external_access" "this" {}
