#!/usr/bin/env bash
# End-to-end demo against the local tenant simulator, no Microsoft tenant needed:
#   build the provider into a local filesystem mirror -> start the simulator -> assess the new tenant
#   -> apply the hipaa-baseline module (modules/hipaa-baseline/examples/telehealth) -> plan again and
#   require "no changes" -> assess again and check the module's evidence states the same result for every
#   control -> write the evidence (Markdown and HTML) -> say how many controls pass, fail and are excepted,
#   and why what still fails fails -> stop the simulator.
#
# Environment knobs:
#   DEMO_KEEP=1                 keep the temp dir (state, logs) for inspection
#   DEMO_EVIDENCE=<file>        where the evidence document goes (default: ./hipaa-evidence.md; the HTML
#                               report goes next to it, .html instead of .md)
#   HARNESS_SIM_STARTUP_TIMEOUT=60  seconds to wait for the simulator's env file
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=lib/harness.sh
source scripts/lib/harness.sh

evidence="${DEMO_EVIDENCE:-$repo_root/hipaa-evidence.md}"
evidence_html="${evidence%.md}.html"
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
cleanup() {
  local rc=$?
  harness_sim_stop
  if [[ $rc -ne 0 && -n "$harness_sim_log" && -s "$harness_sim_log" ]]; then
    echo "--- last lines of the simulator log ($harness_sim_log) ---" >&2
    tail -n 40 "$harness_sim_log" >&2 || true
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

banner "build the provider into a local filesystem mirror (terraform init installs it from there, offline)"
harness_provider_mirror "$tmp"
cat "$TF_CLI_CONFIG_FILE"

banner "start the tenant simulator"
harness_sim_start "$tmp"
echo "simulator ready at $TENANTSIM_URL (tenant $ARM_TENANT_ID), log $harness_sim_log"

banner "copy modules/hipaa-baseline to $tmp/hipaa-baseline"
harness_copy_module "$tmp"
work_dir="$tmp/hipaa-baseline/examples/telehealth"
assess_dir="$tmp/hipaa-baseline/examples/assessment"
# The simulator accepts any object IDs; on a real tenant conditional access starts report-only
# (the module's default) and is enabled once the sign-in logs are reviewed.
export TF_VAR_conditional_access_state="${TF_VAR_conditional_access_state:-enabled}"
export TF_VAR_profile=telehealth

"$tf" -chdir="$work_dir" init -input=false "${color[@]}" >"$tmp/init.log" 2>&1 || { cat "$tmp/init.log" >&2; fail "terraform init"; }
"$tf" -chdir="$assess_dir" init -input=false "${color[@]}" >"$tmp/assess-init.log" 2>&1 ||
  { cat "$tmp/assess-init.log" >&2; fail "terraform init of examples/assessment"; }

# examples/assessment reads the tenant and judges it against the catalog (teamshipaa_assessment).
assess() { # $1: before | after; prints the summary and sets assess_fail to the number of failed shall controls
  "$tf" -chdir="$assess_dir" apply -auto-approve -input=false "${color[@]}" >"$tmp/assessment-$1.log" 2>&1 ||
    { cat "$tmp/assessment-$1.log" >&2; fail "the assessment ($1) failed"; }
  "$tf" -chdir="$assess_dir" output "${color[@]}" summary
  assess_fail="$("$tf" -chdir="$assess_dir" output -json summary | sed -n 's/.*"fail":\([0-9]*\).*/\1/p')"
}

banner "assessment of the new tenant, before the apply"
assess before
fail_before="$assess_fail"
"$tf" -chdir="$assess_dir" output "${color[@]}" not_passing

banner "terraform apply: the hipaa-baseline module, telehealth profile"
"$tf" -chdir="$work_dir" apply -auto-approve -input=false "${color[@]}"

banner "terraform plan -detailed-exitcode (expect no changes)"
plan_rc=0
"$tf" -chdir="$work_dir" plan -detailed-exitcode -input=false "${color[@]}" || plan_rc=$?
case "$plan_rc" in
  0) echo "second plan: no changes" ;;
  2) fail "second plan: the plan after apply is not empty (exit code 2): the module does not converge" ;;
  *) fail "second plan: terraform plan failed (exit code $plan_rc)" ;;
esac

banner "assessment after the apply (judged as the module planned it, with its exceptions)"
TF_VAR_object_profiles="$("$tf" -chdir="$work_dir" output -json object_profiles)"
TF_VAR_exceptions="$("$tf" -chdir="$work_dir" output -json assessment_exceptions)"
TF_VAR_managed_objects="$("$tf" -chdir="$work_dir" output -json managed_objects)"
# examples/assessment compares each control's result with what the module's evidence states.
TF_VAR_evidence_results="$("$tf" -chdir="$work_dir" output -json control_results)"
export TF_VAR_object_profiles TF_VAR_exceptions TF_VAR_managed_objects TF_VAR_evidence_results
assess after
echo "failed shall results: $fail_before before the apply, $assess_fail after"
echo "not passing on the objects the module manages, and tenant controls (expect none):"
"$tf" -chdir="$assess_dir" output "${color[@]}" not_passing
[[ "$("$tf" -chdir="$assess_dir" output -json not_passing)" == "[]" ]] || fail "controls still fail after the apply"
[[ "$("$tf" -chdir="$assess_dir" output -json disagreements)" == "[]" ]] ||
  { "$tf" -chdir="$assess_dir" output "${color[@]}" disagreements >&2; fail "the evidence and the assessment disagree"; }
echo "the evidence and this assessment state the same result for every control"

banner "evidence"
"$tf" -chdir="$work_dir" output -raw evidence_markdown >"$evidence"
"$tf" -chdir="$work_dir" output -raw evidence_html >"$evidence_html"
sed -n 1,14p "$evidence"
echo "..."

banner "summary"
echo "after the apply, in the live tenant: $("$tf" -chdir="$work_dir" output -raw assessment_summary)"
if [[ "$("$tf" -chdir="$work_dir" output -json remaining_failures)" != "[]" ]]; then
  echo "why what fails still fails: every remaining failure is on an object the module does not manage (the evidence lists them too):"
  "$tf" -chdir="$work_dir" output "${color[@]}" remaining_failures
fi
echo "evidence (Markdown): $evidence ($(wc -l <"$evidence") lines, content hash $(sed -n 's/^| Content hash | `\(.*\)` |$/\1/p' "$evidence"))"
echo "evidence (HTML, open in a browser or print): $evidence_html"
echo "compare with the next review's document: data \"teamshipaa_evidence_comparison\" (before = file(...), after = file(...))"

banner "stop the simulator"
harness_sim_stop
echo "demo: OK"
