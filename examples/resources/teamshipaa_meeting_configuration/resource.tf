# Tenant-wide anonymous join stays on for telehealth; meeting policies decide
# who may use it, with one-time passcodes and CAPTCHA.
resource "teamshipaa_meeting_configuration" "this" {
  disable_anonymous_join = false
  enable_qos             = true
}
