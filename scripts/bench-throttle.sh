#!/usr/bin/env bash
# Throttled-apply benchmark (issue 15): `terraform apply` of 20 conditional access policies (report-only) with
# Terraform's default parallelism (10), against the tenant simulator enforcing Graph's conditional access write
# throttle as a rate: at most one write per second (fault kind "rate"). The floor is 20 s: 20 creates, one
# admitted per second. Prints markdown table rows (no header) for `make bench-plan` to append:
#
#   | apply, 20 CA policies, 1 write/s throttle | <wall s> | floor 20 s | <ratio> | <requests>/<429s> | - |
#
# The apply must succeed with no failed resource, else the script fails. Target: ratio at most 1.3.
#
# Usage: scripts/bench-throttle.sh [RUNS]   (default 1; with more, one row per run). Progress goes to stderr.
# <requests>: every Graph request of the apply (sign-in excluded); <429s>: writes the throttle refused.
# TERRAFORM: the terraform binary (default: scripts/ensure-terraform.sh). KEEP=1 keeps the temp dir.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=lib/harness.sh
source scripts/lib/harness.sh

runs="${1:-1}"
count=20
interval_ms=1000
tf="${TERRAFORM:-$(bash scripts/ensure-terraform.sh)}"

harness_begin bench-throttle
say() { printf '==> %s: %s\n' "$harness_name" "$*" >&2; } # stdout carries the table rows only
say "building the provider"
harness_provider_mirror "$tmp" >&2

# The policies: report-only (the lockout guard stays out of the way), excluding a break-glass group.
write_config() {
  cat >"$1/main.tf" <<HCL
terraform {
  required_providers {
    teamshipaa = { source = "teamshipaa/teamshipaa" }
  }
}

provider "teamshipaa" {}

resource "teamshipaa_conditional_access_policy" "p" {
  count        = $count
  display_name = "bench-throttle-\${count.index}"
  state        = "enabledForReportingButNotEnforced"
  conditions = {
    users        = { include_users = ["All"], exclude_groups = ["7c0a2f5e-3b1d-4e8a-9f6c-2d4b8e1a5c30"] }
    applications = { include_applications = ["All"] }
  }
  grant_controls = { built_in_controls = ["mfa"] }
}
HCL
}

sim_get() { curl -fsS --cacert "$SSL_CERT_FILE" "$TENANTSIM_URL$1"; }

fault="{\"surface\":\"graph\",\"path_prefix\":\"/v1.0/identity/conditionalAccess/policies\",\"kind\":\"rate\",\"interval_ms\":$interval_ms}"
floor=$((count * interval_ms / 1000))

for run in $(seq 1 "$runs"); do
  dir="$tmp/run$run"
  mkdir -p "$dir"
  say "run $run: starting the simulator with $fault"
  harness_sim_start "$dir" --fault "$fault" >&2
  write_config "$dir"
  (cd "$dir" && "$tf" init -input=false -no-color >"$dir/init.log" 2>&1) || fail "terraform init: see $dir/init.log"
  curl -fsS --cacert "$SSL_CERT_FILE" -X POST "$TENANTSIM_URL/_sim/stats/reset" >/dev/null
  start=$(date +%s.%N)
  if ! (cd "$dir" && "$tf" apply -auto-approve -input=false -no-color >"$dir/apply.log" 2>&1); then
    tail -n 30 "$dir/apply.log" >&2
    fail "the throttled apply failed: see $dir/apply.log"
  fi
  end=$(date +%s.%N)
  created=$(grep -c 'teamshipaa_conditional_access_policy.p\[[0-9]*\]: Creation complete' "$dir/apply.log" || true)
  [[ "$created" == "$count" ]] || fail "$created of $count policies created"
  requests=$(sim_get /_sim/stats | jq '[.requests[] | select(.surface == "graph")] | map(.count) | add')
  throttled=$(sim_get /_sim/faults | jq '[.faults[] | select(.kind == "rate") | .throttled // 0] | add')
  (cd "$dir" && "$tf" destroy -auto-approve -input=false -no-color >"$dir/destroy.log" 2>&1) || fail "terraform destroy: see $dir/destroy.log"
  harness_sim_stop
  awk -v s="$start" -v e="$end" -v f="$floor" -v n="$count" -v r="$requests" -v t="$throttled" 'BEGIN {
    w = e - s
    printf "| apply, %d CA policies, 1 write/s throttle | %.1f s | floor %d s | %.2fx | %d/%d | - |\n", n, w, f, w / f, r, t
  }'
done
