# shellcheck shell=bash
# Shared by scripts/demo.sh and scripts/test-module.sh (source it; it defines functions only):
#
#   harness_provider_mirror DIR   build the provider into a filesystem mirror under DIR and point
#                                 TF_CLI_CONFIG_FILE at a CLI config that installs it from there only
#                                 (offline: `terraform init` contacts no registry)
#   harness_sim_start DIR [ARG..] build and start the tenant simulator (state, logs, env file in DIR),
#                                 wait for it, and export its provider environment (ARM_*, endpoints);
#                                 ARGs go to cmd/tenantsim (e.g. --fault JSON). Called again with another
#                                 DIR, it starts another simulator (another tenant) beside the first
#   harness_sim_use DIR           export the environment of the simulator started in DIR again
#   harness_sim_stop              stop every simulator started (SIGTERM, then SIGKILL after 10s)
#   harness_copy_module DIR       copy modules/hipaa-baseline to DIR/hipaa-baseline, without local state
#
# Callers set `set -euo pipefail`, run from the repository root, and call harness_sim_stop on exit.

# The version the local build carries in the mirror: the release version, the top entry of CHANGELOG.md
# (as `make install` uses), so that the module's provider version constraint admits it.
harness_changelog_version() {
  sed -n 's/^## \([0-9][0-9A-Za-z.+-]*\).*/\1/p' CHANGELOG.md | head -n 1
}
HARNESS_PROVIDER_VERSION="${HARNESS_PROVIDER_VERSION:-$(harness_changelog_version)}"
HARNESS_SIM_STARTUP_TIMEOUT="${HARNESS_SIM_STARTUP_TIMEOUT:-60}"
harness_sim_pids=()
harness_sim_log=""
harness_sim_bin=""

harness_provider_mirror() {
  local dir="$1" platform mirror
  platform="$(go env GOOS)_$(go env GOARCH)"
  mirror="$dir/mirror/registry.terraform.io/teamshipaa/teamshipaa/$HARNESS_PROVIDER_VERSION/$platform"
  mkdir -p "$mirror"
  go build -ldflags "-X main.version=$HARNESS_PROVIDER_VERSION" \
    -o "$mirror/terraform-provider-teamshipaa_v$HARNESS_PROVIDER_VERSION" .
  cat >"$dir/terraformrc" <<HCL
provider_installation {
  filesystem_mirror {
    path    = "$dir/mirror"
    include = ["registry.terraform.io/teamshipaa/teamshipaa"]
  }
}
HCL
  export TF_CLI_CONFIG_FILE="$dir/terraformrc"
  export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
}

harness_sim_start() {
  local dir="$1" env_file="$1/sim.env" deadline var k ready pid
  mkdir -p "$dir/sim-state"
  # A built binary (not `go run`) so that SIGTERM reaches the simulator itself, not the go command.
  # Built once per script: a second simulator runs the same binary.
  if [[ -z "$harness_sim_bin" || ! -x "$harness_sim_bin" ]]; then
    go build -o "$dir/tenantsim" ./cmd/tenantsim
    harness_sim_bin="$dir/tenantsim"
  fi
  # Talk to the simulator only: drop any real-tenant settings from this shell.
  while IFS= read -r var; do
    unset "$var"
  done < <(compgen -e | grep -E '^(ARM_|TEAMSHIPAA_|TENANTSIM_)' || true)

  harness_sim_log="$dir/tenantsim.log"
  "$harness_sim_bin" --state-dir "$dir/sim-state" --env-file "$env_file" --pid-file "$dir/sim.pid" "${@:2}" \
    >"$harness_sim_log" 2>&1 </dev/null &
  pid=$!
  harness_sim_pids+=("$pid")

  deadline=$((SECONDS + HARNESS_SIM_STARTUP_TIMEOUT))
  while :; do
    ready=1
    if [[ -s "$env_file" ]]; then
      for k in ARM_TENANT_ID ARM_CLIENT_ID ARM_CLIENT_SECRET TENANTSIM_URL; do
        grep -q "^export $k=" "$env_file" || ready=0
      done
    else
      ready=0
    fi
    ((ready)) && break
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "harness: the simulator exited before writing $env_file; its log:" >&2
      tail -n 40 "$harness_sim_log" >&2 || true
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "harness: the simulator did not write $env_file within ${HARNESS_SIM_STARTUP_TIMEOUT}s" >&2
      return 1
    fi
    sleep 0.2
  done
  harness_sim_use "$dir"
}

# Every simulator's env file exports the same variables, so sourcing one replaces the other's.
harness_sim_use() {
  # shellcheck disable=SC1091
  source "$1/sim.env"
}

harness_sim_stop() {
  local pid _
  for pid in "${harness_sim_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
      done
      if kill -0 "$pid" 2>/dev/null; then
        echo "harness: simulator (pid $pid) ignored SIGTERM for 10s; sending SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    wait "$pid" 2>/dev/null || true
  done
  harness_sim_pids=()
}

harness_copy_module() {
  mkdir -p "$1/hipaa-baseline"
  (cd modules/hipaa-baseline && tar --exclude=.terraform --exclude=.terraform.lock.hcl --exclude='terraform.tfstate*' -cf - .) |
    (cd "$1/hipaa-baseline" && tar -xf -)
}

# harness_begin NAME: a work directory in $tmp (removed on success, kept on failure or with KEEP=1), the
# simulator stopped on exit, and say/fail printing under NAME. The test scripts' common preamble.
harness_begin() {
  harness_name="$1"
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/teamshipaa-$1.XXXXXX")"
  trap harness_cleanup EXIT
  say() { printf '==> %s: %s\n' "$harness_name" "$*"; }
  fail() {
    printf 'test-%s: FAIL: %s\n' "$harness_name" "$*" >&2
    exit 1
  }
}

harness_cleanup() {
  local rc=$?
  harness_sim_stop
  if [[ "${KEEP:-}" == "1" || $rc -ne 0 ]]; then
    echo "test-$harness_name: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
  exit "$rc"
}
