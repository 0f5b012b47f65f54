#!/usr/bin/env bash
# The plan benchmark (`make bench-plan`, issue 15): the provider's own cost of planning, measured side by
# side with Terraform's floor in one run, so that a ratio (not a noisy absolute time) says how much the
# provider adds, and Terraform's own CPU beside the provider's, so that it says what bounds the ratio.
#
# It builds the provider into a local filesystem mirror (behind a wrapper that records the plugin
# process's CPU and peak resident memory with /usr/bin/time), starts the tenant simulator, applies the
# workloads once without latency, starts a second simulator (a fresh tenant) and applies the module there
# too, then arms 50 ms of latency on every simulated request and runs, RUNS times in pairs (teamshipaa,
# then its floors, back to back):
#
#   plan of 100 and of 500 meeting policies   floors: the same count of terraform_data each holding an
#                                             object of the meeting policy's 110 parameters, and bare
#   plan -refresh-only of the 500             the same floors, refresh-only
#   plan of modules/hipaa-baseline            floor: as many bare terraform_data as the module's state
#     examples/telehealth, on the tenant      holds objects (resources and data sources)
#     holding the 600 meeting policies
#   the same plan on the fresh tenant         the same kind of floor, counted there
#     (built-in objects and what the module
#     creates), at 50 ms and at 0 ms
#     per request
#   validate, zero resources                  floor: validate of a configuration with no provider
#
# and prints a Markdown table: median wall times, the median of the paired ratios, requests per
# simulator surface (of the last teamshipaa run), and, with GNU /usr/bin/time, CPU (user + system,
# medians; less sensitive to a busy machine than wall time): the provider processes' ("provider CPU"),
# Terraform's own in the same run ("Terraform CPU": /usr/bin/time around terraform counts it and the
# children it waited for, the provider processes, whose CPU is subtracted; the script fails if that total
# is below the provider's), the floors' ("floor's Terraform CPU"; terraform_data runs inside Terraform),
# and the provider's peak RSS (the highest of the runs).
# If scripts/bench-throttle.sh exists (the throttled-apply workload), it runs next and its Markdown
# table rows are appended.
#
# Usage: scripts/bench-plan.sh [--readme]   --readme also rewrites README.md's table between the
#        bench-plan markers. QUICK=1: one run per workload (default RUNS=3). LATENCY_MS (default 50).
#        TERRAFORM: the terraform binary. BENCH_PROVIDER: a provider binary to measure instead of
#        building this tree (e.g. the previous commit's, for a before/after). KEEP=1 keeps the work directory;
#        BENCH_DIR=<a kept work directory> measures again there, skipping the applies already done (and
#        keeps it).
# Not part of `make test`: it measures, it does not judge (the targets are in issue 15).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=lib/harness.sh
source scripts/lib/harness.sh

update_readme=0
[[ "${1:-}" == "--readme" ]] && update_readme=1
tf="${TERRAFORM:-$(bash scripts/ensure-terraform.sh)}"
runs="${RUNS:-3}"
[[ "${QUICK:-}" == "1" ]] && runs=1
latency_ms="${LATENCY_MS:-50}"

harness_begin bench-plan
if [[ -n "${BENCH_DIR:-}" ]]; then
  rm -rf "$tmp"
  tmp="$BENCH_DIR"
  KEEP=1 # harness_cleanup removes the work directory on success: not one given to measure again
  find "$tmp/mirror" -type f -name 'terraform-provider-teamshipaa_v*' -delete 2>/dev/null || true # the old wrapper
  rm -f "$tmp/sim.env" "$tmp/sim.pid" "$tmp/fresh/sim.env" "$tmp/fresh/sim.pid" # written again by the new simulators
fi

# --- the provider, behind a memory-recording wrapper -------------------------------------------------
say "building the provider and the simulator"
harness_provider_mirror "$tmp"
plugin="$(find "$tmp/mirror" -type f -name 'terraform-provider-teamshipaa_v*')"
if [[ -n "${BENCH_PROVIDER:-}" ]]; then
  cp "$BENCH_PROVIDER" "$tmp/provider-real"
  rm -f "$plugin"
else
  mv "$plugin" "$tmp/provider-real"
fi
memfile="$tmp/provider-maxrss"
have_time=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
  have_time=1
  # Every provider process Terraform starts appends its peak RSS (KiB) and CPU seconds here.
  printf '#!/bin/sh\nexec /usr/bin/time -f "maxrss_kib=%%M cpu_s=%%U %%S" -a -o "%s" "%s" "$@"\n' "$memfile" "$tmp/provider-real" >"$plugin"
else
  say "no GNU /usr/bin/time: neither Terraform's nor the provider's CPU nor its memory is measured"
  printf '#!/bin/sh\nexec "%s" "$@"\n' "$tmp/provider-real" >"$plugin"
fi
chmod +x "$plugin"
harness_sim_start "$tmp"

sim() { curl -fsS --cacert "$SSL_CERT_FILE" "$@"; }

tf_wrap=() # a command to run terraform under (timed sets it to /usr/bin/time)
tfrun() { # DIR ARGS...: terraform in DIR, output kept in DIR/last.log
  local dir="$1" input=-input=false
  shift
  [[ "$1" == validate ]] && input=-no-color # validate has no -input
  case "$1" in
    init) [[ -d "$dir/.terraform" ]] && return 0 ;;
    apply) [[ -s "$dir/terraform.tfstate" ]] && return 0 ;;
  esac
  "${tf_wrap[@]}" "$tf" -chdir="$dir" "$@" "$input" -no-color >"$dir/last.log" 2>&1 || {
    tail -n 40 "$dir/last.log" >&2
    fail "terraform $* in $dir"
  }
}

provider_block='terraform {
  required_providers {
    teamshipaa = { source = "teamshipaa/teamshipaa" }
  }
}

provider "teamshipaa" {}
'

# --- workloads ---------------------------------------------------------------------------------------
mkdir -p "$tmp/validate" "$tmp/empty"
printf '%s' "$provider_block" >"$tmp/validate/main.tf"
printf '# no provider, no resource\n' >"$tmp/empty/main.tf"
tfrun "$tmp/validate" init
tfrun "$tmp/empty" init

# The floor's object: the meeting policy's parameters (the attributes whose description names the wire
# parameter), each with a value of its type, from the provider's own schema.
"$tf" -chdir="$tmp/validate" providers schema -json >"$tmp/schema.json"
object="$(jq -r '
  .provider_schemas[].resource_schemas.teamshipaa_meeting_policy.block.attributes
  | to_entries | map(select(.value.description // "" | test("Maps to `")))
  | map("    \(.key) = " + (if .value.type == "bool" then "true" elif .value.type == "number" then "1"
        elif .value.type == "string" then "\"Enabled\"" else "[\"a\", \"b\"]" end))
  | join("\n")' "$tmp/schema.json")"
nattrs="$(grep -c ' = ' <<<"$object")"

meeting_policies() { # DIR N: N meeting policies
  mkdir -p "$1"
  cat >"$1/main.tf" <<HCL
$provider_block
resource "teamshipaa_meeting_policy" "p" {
  count                                  = $2
  name                                   = "bench-$2-\${count.index}"
  auto_admitted_users                    = "EveryoneInCompanyExcludingGuests"
  allow_anonymous_users_to_start_meeting = false
  allow_cloud_recording                  = false
  allow_anonymous_users_to_join_meeting  = false
  meeting_chat_enabled_type              = "EnabledExceptAnonymous"
  allow_external_non_trusted_meeting_chat = false
}
HCL
}

data_floor() { # DIR N: N terraform_data holding the object
  mkdir -p "$1"
  cat >"$1/main.tf" <<HCL
resource "terraform_data" "p" {
  count = $2
  input = {
    name = "bench-\${count.index}"
$object
  }
}
HCL
}

bare_floor() { # DIR N: N bare terraform_data
  mkdir -p "$1"
  printf 'resource "terraform_data" "p" {\n  count = %s\n}\n' "$2" >"$1/main.tf"
}

module_with_floor() { # ROOT BARE: the module copied under ROOT, its telehealth example applied, and a bare
  # floor of as many terraform_data as its state holds applied in BARE; sets nstate to that count
  harness_copy_module "$1"
  local ex="$1/hipaa-baseline/examples/telehealth"
  tfrun "$ex" init
  tfrun "$ex" apply -auto-approve
  nstate="$("$tf" -chdir="$ex" state list | wc -l | tr -d ' ')"
  bare_floor "$2" "$nstate"
  tfrun "$2" init
  tfrun "$2" apply -auto-approve
}

say "applying the workloads once (no latency): 100 and 500 meeting policies, the floors, the telehealth module"
for n in 100 500; do
  meeting_policies "$tmp/mp$n" "$n"
  data_floor "$tmp/data$n" "$n"
  bare_floor "$tmp/bare$n" "$n"
  for d in mp data bare; do
    tfrun "$tmp/$d$n" init
    tfrun "$tmp/$d$n" apply -auto-approve
  done
done
module_ex="$tmp/hipaa-baseline/examples/telehealth"
module_with_floor "$tmp" "$tmp/baremod"
nmodule="$nstate"

# The module again, on a fresh tenant: a second simulator holding a new tenant's built-in objects and what
# the module creates, so that its two assessments judge those, not the 600 meeting policies above.
say "applying the telehealth module on a fresh tenant (a second simulator)"
harness_sim_start "$tmp/fresh"
fresh_ex="$tmp/fresh/hipaa-baseline/examples/telehealth"
module_with_floor "$tmp/fresh" "$tmp/barefresh"
nfresh="$nstate"
harness_sim_use "$tmp"

latency() { # MS: that latency on every request of the simulator in use (0: none)
  sim -X DELETE "$TENANTSIM_URL/_sim/faults" >/dev/null
  (($1 > 0)) || return 0
  sim -X POST "$TENANTSIM_URL/_sim/faults" -H 'Content-Type: application/json' \
    -d "{\"surface\":\"*\",\"kind\":\"latency\",\"latency_ms\":$1}" >/dev/null
}
latency "$latency_ms"
say "measuring with ${latency_ms} ms per request, $runs paired run(s) per workload"

# --- measurement -------------------------------------------------------------------------------------
# timed DIR ARGS...: wall seconds of terraform ARGS in DIR. With GNU time, the CPU seconds (user + system)
# of terraform and of the children it waited for (the provider processes) go to $tmp/terraform-cpu.
timed() {
  local dir="$1" t0 t1 tf_wrap=()
  shift
  ((have_time)) && tf_wrap=(/usr/bin/time -f 'cpu_s=%U %S' -o "$tmp/terraform-cpu")
  t0="$(date +%s.%N)"
  tfrun "$dir" "$@"
  t1="$(date +%s.%N)"
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}
tf_cpu() { # the CPU seconds the last timed run recorded
  awk '/^cpu_s=/ { sub(/^cpu_s=/, ""); c += $1 + $2 } END { printf "%.2f", c }' "$tmp/terraform-cpu"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
secs() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }

requests() { # per surface, from the simulator's stats
  sim "$TENANTSIM_URL/_sim/stats" | jq -r '
    if .total == 0 then "0" else
    [.requests | group_by(.surface)[] | "\(.[0].surface) \(map(.count) | add)"] | join(", ") end'
}

rows=()
# measure LABEL "ARGS" TF_DIR FLOOR_DIR FLOOR_LABEL [BARE_DIR]: RUNS pairs, one table row. Terraform's own
# CPU in the teamshipaa run is the CPU of terraform and its children less the provider processes' CPU (both
# of that run); a floor's is all of it (terraform_data lives in Terraform, no plugin process).
measure() {
  local label="$1" args="$2" dir="$3" floor="$4" floor_label="$5" bare="${6:-}" i t f b c p
  local ts="" fs="" bs="" rs="" rbs="" cpus="" tfcpus="" fcpus="" bcpus="" peaks="" reqs peak cpu tfcpu fcpu
  for ((i = 1; i <= runs; i++)); do
    sim -X POST "$TENANTSIM_URL/_sim/stats/reset" >/dev/null
    : >"$memfile"
    # shellcheck disable=SC2086
    t="$(timed "$dir" $args)"
    reqs="$(requests)"
    if ((have_time)); then
      peaks+=" $(sed -n 's/^maxrss_kib=\([0-9]*\).*/\1/p' "$memfile" | sort -n | tail -n 1)"
      p="$(awk '/^maxrss_kib=/ { sub(/.*cpu_s=/, ""); c += $1 + $2 } END { printf "%.2f", c }' "$memfile")"
      c="$(tf_cpu)"
      # The provider's CPU is part of terraform's children's only if terraform waited for every plugin.
      awk -v c="$c" -v p="$p" 'BEGIN { exit !(c + 0.05 >= p) }' ||
        fail "$label: terraform and its children used $c s of CPU, less than the provider's $p s"
      cpus+=" $p" tfcpus+=" $(awk -v c="$c" -v p="$p" 'BEGIN { printf "%.2f", c - p }')"
    fi
    # shellcheck disable=SC2086
    f="$(timed "$floor" $args)"
    ((have_time)) && fcpus+=" $(tf_cpu)"
    ts+=" $t" fs+=" $f" rs+=" $(ratio "$t" "$f")"
    if [[ -n "$bare" ]]; then
      # shellcheck disable=SC2086
      b="$(timed "$bare" $args)"
      ((have_time)) && bcpus+=" $(tf_cpu)"
      bs+=" $b" rbs+=" $(ratio "$t" "$b")"
    fi
  done
  if ((have_time)); then
    peak="$(tr ' ' '\n' <<<"$peaks" | grep -v '^$' | sort -n | tail -n 1)"
    peak="$(awk -v k="$peak" 'BEGIN { printf "%.0f MiB", k / 1024 }')"
    cpu="$(secs "$(median <<<"$cpus")")"
    tfcpu="$(secs "$(median <<<"$tfcpus")")"
    fcpu="$(secs "$(median <<<"$fcpus")")"
    [[ -n "$bare" ]] && fcpu+=", bare $(secs "$(median <<<"$bcpus")")"
  else
    peak="n/a" cpu="n/a" tfcpu="n/a" fcpu="n/a"
  fi
  local row
  row="| $label | $(secs "$(median <<<"$ts")") | $(secs "$(median <<<"$fs")") $floor_label | $(median <<<"$rs")x"
  if [[ -n "$bare" ]]; then
    row+=" | $(secs "$(median <<<"$bs")") | $(median <<<"$rbs")x"
  else
    row+=" | – | –"
  fi
  row+=" | $reqs | $cpu | $tfcpu | $fcpu | $peak |"
  rows+=("$row")
  say "$row"
}

objfloor="(\`terraform_data\` with $nattrs attributes)"
measure "\`plan\`, 100 meeting policies" "plan" "$tmp/mp100" "$tmp/data100" "$objfloor" "$tmp/bare100"
measure "\`plan\`, 500 meeting policies" "plan" "$tmp/mp500" "$tmp/data500" "$objfloor" "$tmp/bare500"
measure "\`plan -refresh-only\`, 500 meeting policies" "plan -refresh-only" "$tmp/mp500" "$tmp/data500" "$objfloor" "$tmp/bare500"
measure "\`plan\` of the telehealth module ($nmodule objects), tenant with the 600 meeting policies above" "plan" "$module_ex" "$tmp/baremod" "(bare \`terraform_data\` ×$nmodule)"
harness_sim_use "$tmp/fresh"
latency "$latency_ms"
measure "\`plan\` of the telehealth module ($nfresh objects), fresh tenant" "plan" "$fresh_ex" "$tmp/barefresh" "(bare \`terraform_data\` ×$nfresh)"
latency 0
measure "\`plan\` of the telehealth module ($nfresh objects), fresh tenant, **0 ms** per request" "plan" "$fresh_ex" "$tmp/barefresh" "(bare \`terraform_data\` ×$nfresh)"
harness_sim_use "$tmp"
measure "\`validate\`, zero resources" "validate" "$tmp/validate" "$tmp/empty" "(no provider)"

header="| Work | teamshipaa | floor | ratio | bare \`terraform_data\`, same count | ratio | requests (per surface) | provider CPU | Terraform CPU | floor's Terraform CPU | provider peak RSS |
|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"
table="$header"
for r in "${rows[@]}"; do table+=$'\n'"$r"; done

if [[ -f scripts/bench-throttle.sh ]]; then
  say "scripts/bench-throttle.sh (throttled apply)"
  sim -X DELETE "$TENANTSIM_URL/_sim/faults" >/dev/null
  throttle_rows="$(BENCH_TMP="$tmp" TERRAFORM="$tf" bash scripts/bench-throttle.sh | grep '^|' || true)"
  [[ -n "$throttle_rows" ]] && table+=$'\n'"$throttle_rows"
fi

machine="$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(date -u '+%Y-%m-%d'), terraform $("$tf" version | sed -n '1s/^Terraform v//p'), $runs paired run(s), ${latency_ms} ms per request"
echo
echo "$table"
echo
echo "Machine: $machine."

if ((update_readme)); then
  grep -q '<!-- bench-plan:begin -->' README.md || fail "README.md has no <!-- bench-plan:begin --> marker"
  printf '%s\n\nMachine: %s.\n' "$table" "$machine" >"$tmp/table.md"
  awk -v f="$tmp/table.md" '
    /<!-- bench-plan:begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
    /<!-- bench-plan:end -->/ { skip = 0 }
    !skip' README.md >"$tmp/README.md"
  cp "$tmp/README.md" README.md
  say "README.md performance table updated"
fi
