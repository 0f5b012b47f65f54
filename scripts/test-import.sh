#!/usr/bin/env bash
# Brownfield adoption, end to end with the real terraform CLI (run by `make test`):
#
#   1. populate the tenant simulator as an administrator would have: the hipaa-baseline module
#      (examples/telehealth: Teams policies and singletons, group and tenant-wide assignments, conditional
#      access, a named location, DLP, retention, the audit log, its retention and alert policies, iOS and
#      Android app protection) plus objects the module does not make (a messaging policy, the meeting
#      configuration, a DLP rule naming one sensitive type by id and one by name, an unassigned iOS and an
#      Android app protection policy of an administrator's own), each applied in its own state, which is
#      then thrown away;
#   2. in a new directory, read the list data sources (teamshipaa_teams_policies for every type,
#      teamshipaa_conditional_access_policies, _named_locations, _dlp_policies, _dlp_rules,
#      _retention_policies, _retention_rules, _audit_log_retention_policies, _protection_alerts,
#      _ios_app_protection_policies, _android_app_protection_policies) and take their import_blocks, plus
#      the audit log singleton's documented import block;
#   3. in another new directory, only those import blocks: `terraform plan -generate-config-out` must
#      succeed and plan nothing but imports, for every resource type; after the import is applied, the
#      next plan must be empty.
#
# TERRAFORM: the terraform binary (default: scripts/ensure-terraform.sh). KEEP=1 keeps the temp dir.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=lib/harness.sh
source scripts/lib/harness.sh

tf="${TERRAFORM:-$(bash scripts/ensure-terraform.sh)}"
harness_begin import
run() { # dir log args...: terraform in dir, its output in log, shown when it fails
  local dir="$1" log="$2"
  shift 2
  "$tf" -chdir="$dir" "$@" -input=false -no-color >"$log" 2>&1 || {
    tail -n 80 "$log" >&2
    fail "terraform $* in $dir"
  }
}
providers_block='terraform {
  required_providers {
    teamshipaa = { source = "teamshipaa/teamshipaa" }
  }
}

provider "teamshipaa" {}
'

harness_provider_mirror "$tmp"
harness_sim_start "$tmp"

say "populate the simulated tenant (the hipaa-baseline module, and more)"
harness_copy_module "$tmp"
export TF_VAR_conditional_access_state=enabled
run "$tmp/hipaa-baseline/examples/telehealth" "$tmp/populate-init.log" init
run "$tmp/hipaa-baseline/examples/telehealth" "$tmp/populate-apply.log" apply -auto-approve
unset TF_VAR_conditional_access_state
extra="$tmp/extra"
mkdir -p "$extra"
cat >"$extra/main.tf" <<HCL
$providers_block
resource "teamshipaa_messaging_policy" "front_desk" {
  name                    = "Front Desk"
  allow_user_edit_message = false
}

resource "teamshipaa_meeting_configuration" "this" {
  disable_anonymous_join = true
}

data "teamshipaa_sensitive_information_types" "dea" {
  names = ["Drug Enforcement Agency (DEA) Number"]
}

resource "teamshipaa_dlp_policy" "billing" {
  name           = "Billing PHI"
  mode           = "TestWithNotifications"
  teams_location = ["All"]
}

resource "teamshipaa_dlp_rule" "billing" {
  name   = "Billing identifiers"
  policy = teamshipaa_dlp_policy.billing.name
  content_contains_sensitive_information = {
    sensitive_types = [
      { id = data.teamshipaa_sensitive_information_types.dea.ids["Drug Enforcement Agency (DEA) Number"] },
      { name = "U.S. Social Security Number (SSN)", min_count = 2 },
    ]
  }
  access_scope          = "NotInOrganization"
  report_severity_level = "Low"
}

resource "teamshipaa_named_location" "countries" {
  display_name                          = "Clinic countries"
  countries_and_regions                 = ["US", "CA"]
  include_unknown_countries_and_regions = false
}

resource "teamshipaa_ios_app_protection_policy" "pilot" {
  display_name = "iPad pilot (unassigned)"
  apps         = ["com.microsoft.skype.teams"]
  pin_required = true
}

resource "teamshipaa_android_app_protection_policy" "front_desk" {
  display_name                           = "Front desk Android"
  description                            = "Made by hand in the Intune admin center"
  apps                                   = ["com.microsoft.teams", "com.microsoft.office.outlook"]
  include_group_ids                      = ["26d2a0c8-aa5b-4ec4-9b4c-5a0e9d0b1f11"]
  exclude_group_ids                      = ["3f0c1b2a-1111-4c2d-8e9f-0a1b2c3d4e5f"]
  minimum_pin_length                     = 6
  screen_capture_blocked                 = true
  period_offline_before_wipe_is_enforced = "P30D"
}
HCL
"$tf" fmt "$extra" >/dev/null
run "$extra" "$tmp/extra-init.log" init
run "$extra" "$tmp/extra-apply.log" apply -auto-approve

say "list what the tenant holds, with the list data sources"
find_dir="$tmp/find"
mkdir -p "$find_dir"
cat >"$find_dir/main.tf" <<HCL
$providers_block
data "teamshipaa_teams_policies" "each" {
  for_each = toset(["TeamsMeetingPolicy", "TeamsEnhancedEncryptionPolicy", "TeamsAppPermissionPolicy", "TeamsMessagingPolicy",
  "TenantFederationSettings", "TeamsClientConfiguration", "TeamsMeetingConfiguration"])
  type = each.key
}
data "teamshipaa_conditional_access_policies" "all" {}
data "teamshipaa_named_locations" "all" {}
data "teamshipaa_dlp_policies" "all" {}
data "teamshipaa_dlp_rules" "all" {}
data "teamshipaa_retention_policies" "all" {}
data "teamshipaa_retention_rules" "all" {}
data "teamshipaa_audit_log_retention_policies" "all" {}
data "teamshipaa_protection_alerts" "all" {}
data "teamshipaa_ios_app_protection_policies" "all" {}
data "teamshipaa_android_app_protection_policies" "all" {}

output "import_blocks" {
  value = join("\n", concat([for k in sort(keys(data.teamshipaa_teams_policies.each)) : data.teamshipaa_teams_policies.each[k].import_blocks], [
    data.teamshipaa_conditional_access_policies.all.import_blocks,
    data.teamshipaa_named_locations.all.import_blocks,
    data.teamshipaa_dlp_policies.all.import_blocks,
    data.teamshipaa_dlp_rules.all.import_blocks,
    data.teamshipaa_retention_policies.all.import_blocks,
    data.teamshipaa_retention_rules.all.import_blocks,
    data.teamshipaa_audit_log_retention_policies.all.import_blocks,
    data.teamshipaa_protection_alerts.all.import_blocks,
    data.teamshipaa_ios_app_protection_policies.all.import_blocks,
    data.teamshipaa_android_app_protection_policies.all.import_blocks,
  ]))
}

# The module's policy and the administrator's own, of each platform.
output "app_protection_counts" {
  value = [length(data.teamshipaa_ios_app_protection_policies.all.items), length(data.teamshipaa_android_app_protection_policies.all.items)]
}

output "presets" {
  value = sort([for p in data.teamshipaa_teams_policies.each["TeamsMeetingPolicy"].policies : p.name if p.built_in])
}
HCL
run "$find_dir" "$tmp/find-init.log" init
run "$find_dir" "$tmp/find-apply.log" apply -auto-approve
[[ "$("$tf" -chdir="$find_dir" output -json presets)" == '["AllOff","AllOn","Default","Kiosk","RestrictedAnonymousAccess","RestrictedAnonymousNoRecording"]' ]] ||
  fail "teamshipaa_teams_policies does not mark Microsoft's six preset meeting policies: $("$tf" -chdir="$find_dir" output -json presets)"
[[ "$("$tf" -chdir="$find_dir" output -json app_protection_counts)" == '[2,2]' ]] ||
  fail "the app protection lists do not find the module's and the administrator's policy of each platform: $("$tf" -chdir="$find_dir" output -json app_protection_counts)"

adopt="$tmp/adopt"
mkdir -p "$adopt"
printf '%s' "$providers_block" >"$adopt/main.tf"
{
  "$tf" -chdir="$find_dir" output -raw import_blocks
  # The audit log configuration is one per tenant; its import ID is documented as Global.
  printf '\nimport {\n  to = teamshipaa_audit_log_config.this\n  id = "Global"\n}\n'
} >"$adopt/imports.tf"
types=(android_app_protection_policy app_permission_policy audit_log_config audit_log_retention_policy client_configuration
  conditional_access_policy dlp_policy dlp_rule enhanced_encryption_policy external_access ios_app_protection_policy
  meeting_configuration meeting_policy messaging_policy named_location policy_assignment protection_alert retention_policy
  retention_rule)
for t in "${types[@]}"; do
  grep -q "to = teamshipaa_$t\." "$adopt/imports.tf" || fail "no import block for teamshipaa_$t in the list data sources' import_blocks"
done
n="$(grep -c '^import {' "$adopt/imports.tf")"
say "$n import blocks, covering all ${#types[@]} resource types"

say "terraform plan -generate-config-out=generated.tf"
run "$adopt" "$tmp/adopt-init.log" init
run "$adopt" "$tmp/generate.log" plan -generate-config-out=generated.tf
grep -q "^Plan: $n to import, 0 to add, 0 to change, 0 to destroy." "$tmp/generate.log" || {
  grep -E '^\s+[~+-]|# |Plan:|Warning|Error' "$tmp/generate.log" | head -n 80 >&2
  fail "the plan with the generated configuration is not $n imports and nothing else"
}
# The first warnings, for the log (grep -m, not a pipe into head: with pipefail, head closing the pipe
# early would fail the script with SIGPIPE once there are many warnings).
grep -m 4 -A6 "Warning" "$tmp/generate.log" || true
say "generated configuration plans $n imports and no changes; apply the imports"
run "$adopt" "$tmp/adopt-apply.log" apply -auto-approve
rc=0
"$tf" -chdir="$adopt" plan -detailed-exitcode -input=false -no-color >"$tmp/replan.log" 2>&1 || rc=$?
case "$rc" in
  0) say "re-plan after the import: no changes" ;;
  2)
    grep -E '^\s+[~+-]|# ' "$tmp/replan.log" | head -n 60 >&2
    fail "the plan after importing is not empty"
    ;;
  *)
    tail -n 40 "$tmp/replan.log" >&2
    fail "terraform plan after the import failed"
    ;;
esac
