data "teamshipaa_meeting_configuration" "this" {}
