#!/usr/bin/env bash
# Prints the absolute path of a terraform binary >= 1.7 to use, building one if needed.
#
# Why 1.7: the bundled module's tests (modules/hipaa-baseline/tests/*.tftest.hcl) use `mock_provider`,
# which `terraform test` supports from Terraform 1.7 on.
#
# Order:
#   1. $TERRAFORM, if set (an explicit binary path, used as it is)
#   2. `terraform` on PATH, if its version is >= 1.7 (an older one is ignored, with a note on stderr)
#   3. a cached build in $TEAMSHIPAA_BIN_DIR (default: <repo>/.bin), if its version is >= 1.7
#   4. otherwise build Terraform $TERRAFORM_VERSION (default 1.11.4) from source, through the Go module
#      proxy only (no prebuilt binaries are downloaded), into $TEAMSHIPAA_BIN_DIR.
#
# How 4 works, and why not `go install github.com/hashicorp/terraform@v1.11.4`:
#   Since 1.6, Terraform's go.mod `replace`s several of its own packages with nested modules
#   (./internal/backend/remote-state/<name>, ./internal/legacy). The module zip that `go install` and
#   `go mod download` fetch omits nested modules, so `go install` refuses (replace directives) and a plain
#   build of the downloaded source cannot find those directories. We therefore:
#     - `go mod download` the source and copy it to a writable build directory;
#     - remove the remote-state backends that live in nested modules (azurerm, consul, cos, gcs, kubernetes,
#       oss, pg, s3): their imports and map entries in internal/backend/init/init.go, and their require and
#       replace lines in go.mod, together with those of internal/legacy (only those backends use it);
#     - drop `godebug tlskyber=0` from go.mod (newer Go toolchains no longer know that setting);
#     - `CGO_ENABLED=0 go build` with `-X .../version.dev=no`, so the binary reports a release version.
#   Nothing else changes. Only remote-state backends are gone: the local backend, every command, the
#   provider protocol and `terraform test` are untouched, and neither the tests nor the demo use a remote
#   backend. The build takes a few minutes on a cold Go cache; the result is cached in the bin directory.
#
# Only the path goes to stdout; progress messages go to stderr, so callers can do
#   tf="$(scripts/ensure-terraform.sh)"
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="${TEAMSHIPAA_BIN_DIR:-$repo_root/.bin}"
version="${TERRAFORM_VERSION:-1.11.4}"
version="${version#v}"
min_minor=7 # Terraform 1.7: mock_provider in terraform test

log() { printf 'ensure-terraform: %s\n' "$*" >&2; }

# tf_version BIN: prints BIN's version (e.g. 1.11.4), or nothing when it cannot be run.
tf_version() {
  "$1" version -json 2>/dev/null | sed -n 's/^ *"terraform_version": *"\([^"]*\)".*/\1/p' | head -n 1
}

# recent_enough BIN: true when BIN runs and is Terraform 1.x with x >= min_minor (or 2+).
recent_enough() {
  local v major minor
  v="$(tf_version "$1")"
  [[ "$v" =~ ^([0-9]+)\.([0-9]+) ]] || return 1
  major="${BASH_REMATCH[1]}" minor="${BASH_REMATCH[2]}"
  ((major > 1 || (major == 1 && minor >= min_minor)))
}

if [[ -n "${TERRAFORM:-}" ]]; then
  if [[ -x "$TERRAFORM" ]]; then
    printf '%s\n' "$TERRAFORM"
    exit 0
  fi
  log "TERRAFORM=$TERRAFORM is not an executable file"
  exit 1
fi

if tf="$(command -v terraform 2>/dev/null)" && [[ -n "$tf" ]]; then
  # Make a relative PATH entry absolute so the path stays valid after a cd.
  case "$tf" in
    /*) ;;
    *) tf="$(cd "$(dirname "$tf")" && pwd)/$(basename "$tf")" ;;
  esac
  if recent_enough "$tf"; then
    printf '%s\n' "$tf"
    exit 0
  fi
  log "ignoring $tf (version '$(tf_version "$tf")'): terraform test with mock_provider needs >= 1.$min_minor"
fi

if [[ -x "$bin_dir/terraform" ]]; then
  if recent_enough "$bin_dir/terraform"; then
    printf '%s\n' "$bin_dir/terraform"
    exit 0
  fi
  log "ignoring cached $bin_dir/terraform (version '$(tf_version "$bin_dir/terraform")'); rebuilding"
fi

if ! command -v go >/dev/null 2>&1; then
  log "no terraform >= 1.$min_minor on PATH and go is not available to build one"
  exit 1
fi

module="github.com/hashicorp/terraform@v$version"
log "building Terraform $version from source into $bin_dir (a few minutes on a cold Go cache)"

src="$(go mod download -json "$module" | sed -n 's/^[[:space:]]*"Dir": *"\(.*\)",*$/\1/p')"
if [[ -z "$src" || ! -f "$src/go.mod" ]]; then
  log "go mod download $module did not give a source directory"
  exit 1
fi

mkdir -p "$bin_dir"
build="$(mktemp -d "${TMPDIR:-/tmp}/terraform-src.XXXXXX")"
trap 'rm -rf "$build"' EXIT
cp -R "$src/." "$build/"
chmod -R u+w "$build" # the module cache is read-only

# The remote-state backends kept in nested modules (absent from the module zip), and internal/legacy,
# which only they use. See the header for why.
backends='azure|consul|cos|gcs|kubernetes|oss|pg|s3'
init_go="$build/internal/backend/init/init.go"
sed -E -i \
  -e "/internal\/backend\/remote-state\/($backends)\"/d" \
  -e '/"(azurerm|consul|cos|gcs|kubernetes|oss|pg|s3)":/d' \
  "$init_go"
sed -E -i \
  -e "/github.com\/hashicorp\/terraform\/internal\/(backend\/remote-state\/($backends)|legacy) /d" \
  -e '/^godebug tlskyber=0$/d' \
  "$build/go.mod"
if grep -Eq "remote-state/($backends)\"|internal/legacy " "$init_go" "$build/go.mod"; then
  log "the source of $module does not have the expected layout (backend removal did not apply)"
  exit 1
fi

out="$bin_dir/terraform.tmp.$$"
if ! (cd "$build" && CGO_ENABLED=0 go build \
  -ldflags "-X github.com/hashicorp/terraform/version.dev=no" \
  -o "$out" .) >&2; then
  rm -f "$out"
  log "go build of $module failed"
  exit 1
fi
mv -f "$out" "$bin_dir/terraform"
if ! recent_enough "$bin_dir/terraform"; then
  log "the built $bin_dir/terraform does not report a version >= 1.$min_minor"
  exit 1
fi
log "installed $("$bin_dir/terraform" version | sed -n 1p) at $bin_dir/terraform"
printf '%s\n' "$bin_dir/terraform"
