#!/usr/bin/env bash
# End-to-end demo against the local tenant simulator, no Microsoft tenant needed:
#   build the provider -> dev_overrides CLI config -> start the simulator -> assess the new tenant
#   (examples/assessment) -> apply examples/quickstart -> assess again -> plan again and require
#   "no changes" -> stop the simulator.
#
# Environment knobs:
#   DEMO_KEEP=1                keep the temp dir (state, logs) for inspection
#   DEMO_STARTUP_TIMEOUT=60    seconds to wait for the simulator's env file
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

startup_timeout="${DEMO_STARTUP_TIMEOUT:-60}"
step=0
banner() {
  step=$((step + 1))
  printf '\n=== [demo %d] %s\n' "$step" "$*"
}
fail() {
  printf '\ndemo: FAIL: %s\n' "$*" >&2
  exit 1
}

tmp="$(mktemp -d "${TMPDIR:-/tmp}/teamshipaa-demo.XXXXXX")"
plugin_dir="$tmp/plugins"
state_dir="$tmp/sim-state"
env_file="$tmp/sim.env"
pid_file="$tmp/sim.pid"
sim_log="$tmp/tenantsim.log"
work_dir="$tmp/quickstart"
mkdir -p "$plugin_dir" "$state_dir" "$work_dir"

sim_pid=""
stop_simulator() {
  [[ -n "$sim_pid" ]] || return 0
  if kill -0 "$sim_pid" 2>/dev/null; then
    kill -TERM "$sim_pid" 2>/dev/null || true
    # Give it up to 10s to shut down cleanly, then force.
    for _ in $(seq 1 50); do
      kill -0 "$sim_pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$sim_pid" 2>/dev/null; then
      echo "demo: simulator (pid $sim_pid) ignored SIGTERM for 10s; sending SIGKILL" >&2
      kill -KILL "$sim_pid" 2>/dev/null || true
    fi
  fi
  wait "$sim_pid" 2>/dev/null || true
  sim_pid=""
}
cleanup() {
  local rc=$?
  stop_simulator
  if [[ $rc -ne 0 && -s "$sim_log" ]]; then
    echo "--- last lines of the simulator log ($sim_log) ---" >&2
    tail -n 40 "$sim_log" >&2 || true
  fi
  if [[ "${DEMO_KEEP:-}" == "1" || $rc -ne 0 ]]; then
    echo "demo: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

banner "terraform"
tf="$(bash ./scripts/ensure-terraform.sh)"
echo "$tf: $("$tf" version | sed -n 1p)"
# Colours only on a terminal (CI logs stay readable).
color=()
[[ -t 1 ]] || color=(-no-color)

banner "build the provider into $plugin_dir"
go build -o "$plugin_dir/terraform-provider-teamshipaa" .

banner "build the tenant simulator"
# A built binary (not `go run`) so that SIGTERM reaches the simulator itself, not the go command.
go build -o "$tmp/tenantsim" ./cmd/tenantsim

banner "terraform CLI config with dev_overrides (no terraform init needed)"
cat >"$tmp/terraformrc" <<HCL
provider_installation {
  dev_overrides {
    "registry.terraform.io/teamshipaa/teamshipaa" = "$plugin_dir"
  }
  direct {}
}
HCL
export TF_CLI_CONFIG_FILE="$tmp/terraformrc"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
cat "$TF_CLI_CONFIG_FILE"

banner "start the tenant simulator"
# The demo talks to the simulator only: drop any real-tenant settings from this shell.
while IFS= read -r var; do
  unset "$var"
done < <(compgen -e | grep -E '^(ARM_|TEAMSHIPAA_|TENANTSIM_)' || true)

"$tmp/tenantsim" --state-dir "$state_dir" --env-file "$env_file" --pid-file "$pid_file" \
  >"$sim_log" 2>&1 </dev/null &
sim_pid=$!
echo "simulator pid $sim_pid, log $sim_log"

required_keys=(ARM_TENANT_ID ARM_CLIENT_ID ARM_CLIENT_SECRET TENANTSIM_URL)
env_ready() {
  [[ -s "$env_file" ]] || return 1
  local k
  for k in "${required_keys[@]}"; do
    grep -q "^export $k=" "$env_file" || return 1
  done
}
deadline=$((SECONDS + startup_timeout))
until env_ready; do
  if ! kill -0 "$sim_pid" 2>/dev/null; then
    fail "the simulator exited before writing $env_file"
  fi
  if ((SECONDS >= deadline)); then
    fail "the simulator did not write $env_file (with ${required_keys[*]}) within ${startup_timeout}s"
  fi
  sleep 0.2
done
# shellcheck disable=SC1090
source "$env_file"
echo "simulator ready at $TENANTSIM_URL (tenant $ARM_TENANT_ID)"

banner "copy examples/quickstart to $work_dir"
cp -R examples/quickstart/. "$work_dir/"
rm -rf "$work_dir/.terraform" "$work_dir/.terraform.lock.hcl" "$work_dir"/terraform.tfstate*

# The simulator accepts any group object ID; a real tenant needs the clinicians' group.
export TF_VAR_clinicians_group_id="${TF_VAR_clinicians_group_id:-5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e}"
# Likewise any user object IDs for the emergency-access accounts, and any mailbox for DLP incident reports.
export TF_VAR_emergency_access_account_ids="${TF_VAR_emergency_access_account_ids:-[\"0b1e5a7c-9d3f-4c2e-8a6b-1f0e2d3c4b5a\"]}"
export TF_VAR_dlp_incident_report_mailbox="${TF_VAR_dlp_incident_report_mailbox:-privacy-office@contoso.example}"

# examples/assessment reads the tenant and judges it against the baseline catalog (teamshipaa_assessment).
assess_dir="$tmp/assessment"
mkdir -p "$assess_dir"
cp -R examples/assessment/. "$assess_dir/"
assess() { # $1: before | after; prints the summary and sets assess_fail to the number of failed shall controls
  "$tf" -chdir="$assess_dir" apply -auto-approve -input=false "${color[@]}" >"$tmp/assessment-$1.log" 2>&1 ||
    { cat "$tmp/assessment-$1.log" >&2; fail "the assessment ($1) failed"; }
  "$tf" -chdir="$assess_dir" output "${color[@]}" summary
  assess_fail="$("$tf" -chdir="$assess_dir" output -json summary | sed -n 's/.*"fail":\([0-9]*\).*/\1/p')"
}

banner "assessment of the new tenant, before the apply (examples/assessment)"
assess before
fail_before="$assess_fail"

banner "terraform apply"
"$tf" -chdir="$work_dir" apply -auto-approve -input=false "${color[@]}"

banner "terraform output"
"$tf" -chdir="$work_dir" output "${color[@]}"

banner "assessment after the apply"
assess after
echo "failed shall controls: $fail_before before the apply, $assess_fail after"
[[ -n "$fail_before" && -n "$assess_fail" && "$assess_fail" -lt "$fail_before" ]] ||
  fail "the assessment after the apply does not report fewer failures ($fail_before before, $assess_fail after)"
echo "still failing (conditional access stays report-only until you enable it):"
"$tf" -chdir="$assess_dir" output "${color[@]}" failing

banner "terraform plan -detailed-exitcode (expect no changes)"
plan_rc=0
"$tf" -chdir="$work_dir" plan -detailed-exitcode -input=false "${color[@]}" || plan_rc=$?
case "$plan_rc" in
  0) echo "second plan: no changes" ;;
  2) fail "second plan: the plan after apply is not empty (exit code 2): the provider does not converge" ;;
  *) fail "second plan: terraform plan failed (exit code $plan_rc)" ;;
esac

banner "stop the simulator"
stop_simulator
echo "demo: OK"
