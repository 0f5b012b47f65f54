#!/usr/bin/env bash
# Prints the absolute path of the terraform binary to use, installing one if needed.
#
# Order:
#   1. $TERRAFORM, if set (an explicit binary path)
#   2. `terraform` on PATH
#   3. a project-local copy in $TEAMSHIPAA_BIN_DIR (default: <repo>/.bin)
#   4. otherwise build Terraform $TERRAFORM_VERSION (default 1.5.7) from source through the Go module proxy:
#        GOBIN=<bin dir> go install github.com/hashicorp/terraform@v$TERRAFORM_VERSION
#      (no download of prebuilt binaries: only the Go module proxy is needed)
#
# Only the path goes to stdout; progress messages go to stderr, so callers can do
#   tf="$(scripts/ensure-terraform.sh)"
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="${TEAMSHIPAA_BIN_DIR:-$repo_root/.bin}"
version="${TERRAFORM_VERSION:-1.5.7}"
version="${version#v}"

log() { printf 'ensure-terraform: %s\n' "$*" >&2; }

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
  printf '%s\n' "$tf"
  exit 0
fi

if [[ -x "$bin_dir/terraform" ]]; then
  printf '%s\n' "$bin_dir/terraform"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  log "terraform is not on PATH and go is not available to build it"
  exit 1
fi

mkdir -p "$bin_dir"
log "terraform not found on PATH; building github.com/hashicorp/terraform@v$version into $bin_dir (takes a few minutes)"
# CGO off: a static binary, and no C toolchain needed on a fresh machine.
if ! GOBIN="$bin_dir" CGO_ENABLED=0 go install "github.com/hashicorp/terraform@v$version" >&2; then
  log "go install github.com/hashicorp/terraform@v$version failed"
  exit 1
fi
if [[ ! -x "$bin_dir/terraform" ]]; then
  log "go install finished but $bin_dir/terraform is missing"
  exit 1
fi
log "installed $("$bin_dir/terraform" version | sed -n 1p)"
printf '%s\n' "$bin_dir/terraform"
