#!/usr/bin/env bash
# What a new user does, checked offline (run by `make test`):
#
#   1. `make install` with a fresh HOME puts the provider in Terraform's implied local mirror
#      (~/.terraform.d/plugins/registry.terraform.io/teamshipaa/teamshipaa/<version>/<os>_<arch>/), and the
#      installed binary reports that version (-version).
#   2. In a directory outside the repository, with the ordinary required_providers block and a version
#      constraint, and no CLI configuration at all, `terraform init` installs it from there; a constraint the
#      installed version does not meet fails init (so the constraint is really consulted).
#   3. That directory consumes modules/hipaa-baseline the way the README says, through a Git source with a
#      ref (a local clone URL, git::file://...//modules/hipaa-baseline?ref=v<version>), `terraform validate`s
#      it, and `terraform plan`s it against the tenant simulator.
#
# TERRAFORM: the terraform binary (default: scripts/ensure-terraform.sh). KEEP=1 keeps the temp dir.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=lib/harness.sh
source scripts/lib/harness.sh

tf="${TERRAFORM:-$(bash scripts/ensure-terraform.sh)}"
version="$(harness_changelog_version)"
[[ -n "$version" ]] || { echo "test-install: no version in CHANGELOG.md" >&2; exit 1; }

harness_begin install

# A fresh HOME, keeping Go's caches (they live under HOME by default; a cold cache only costs time).
GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" GOPATH="$(go env GOPATH)"
export GOCACHE GOMODCACHE GOPATH
export HOME="$tmp/home"
mkdir -p "$HOME"
# No CLI configuration: only the implied local mirror can provide teamshipaa (and no network is needed).
unset TF_CLI_CONFIG_FILE TF_PLUGIN_CACHE_DIR
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

say "make install (HOME=$HOME)"
make --no-print-directory install >"$tmp/make-install.log" 2>&1 || { cat "$tmp/make-install.log" >&2; fail "make install"; }
platform="$(go env GOOS)_$(go env GOARCH)"
bin="$HOME/.terraform.d/plugins/registry.terraform.io/teamshipaa/teamshipaa/$version/$platform/terraform-provider-teamshipaa_v$version"
[[ -x "$bin" ]] || fail "make install did not write $bin"
reported="$("$bin" -version)"
[[ "$reported" == "terraform-provider-teamshipaa $version "* ]] || fail "the installed binary reports '$reported', not $version"
say "installed $bin ($reported)"

# The module as a published Git repository would serve it: this tree's module, committed and tagged.
src="$tmp/teamshipaa.git"
mkdir -p "$src/modules"
harness_copy_module "$src/modules"
git -C "$src" init -q
git -C "$src" add -A
git -C "$src" -c user.name=test -c user.email=test@example.invalid commit -q -m "hipaa-baseline"
git -C "$src" tag "v$version"

work="$tmp/work" # outside the repository
mkdir -p "$work"
write_config() { # $1: the provider version constraint
  cat >"$work/main.tf" <<HCL
terraform {
  required_providers {
    teamshipaa = {
      source  = "teamshipaa/teamshipaa"
      version = "$1"
    }
  }
}

provider "teamshipaa" {}

module "hipaa_baseline" {
  source = "git::file://$src//modules/hipaa-baseline?ref=v$version"

  profile                 = "telehealth"
  break_glass_account_ids = ["0b1e5a7c-9d3f-4c2e-8a6b-1f0e2d3c4b5a"]
  clinician_group_id      = "5b0e3c4d-2a1f-4e8b-9c7d-6f5a4b3c2d1e"
  telehealth_group_id     = "8c1f7a2e-4d6b-4e9a-b3c5-7e2d1f0a9b8c"
  federated_domains       = ["partner-hospital.example.org"]
  security_mailbox        = "privacy-office@contoso.example"
  records_retention_days  = 2190

  business_associate_agreement = { executed_on = "2024-01-15", reference = "LEGAL-2024-017" }
  training_attestation         = { program = "HIPAA Security Awareness 2026", completed_on = "2026-10-31", attested_by = "Privacy Officer" }
}

# A resource outside the module too: the ordinary way, no module.
resource "teamshipaa_messaging_policy" "install_check" {
  name = "Install check"
}
HCL
}

say "a constraint the installed version does not meet fails init"
write_config ">= 99.0.0"
if "$tf" -chdir="$work" init -input=false -no-color >"$tmp/init-unmet.log" 2>&1; then
  cat "$tmp/init-unmet.log" >&2
  fail "terraform init accepted a version constraint (>= 99.0.0) that $version does not meet"
fi
grep -q "teamshipaa/teamshipaa" "$tmp/init-unmet.log" || { cat "$tmp/init-unmet.log" >&2; fail "init failed, but not on the provider"; }
rm -rf "$work/.terraform" "$work/.terraform.lock.hcl"

say "terraform init with version \"~> ${version%.*}\" and the module from git::file://...?ref=v$version"
write_config "~> ${version%.*}.0"
"$tf" -chdir="$work" init -input=false -no-color >"$tmp/init.log" 2>&1 || { cat "$tmp/init.log" >&2; fail "terraform init"; }
grep -q "Installing teamshipaa/teamshipaa v$version" "$tmp/init.log" || { cat "$tmp/init.log" >&2; fail "init did not install teamshipaa/teamshipaa v$version"; }
grep -q "version *= \"$version\"" "$work/.terraform.lock.hcl" || fail "the lock file does not record $version"

"$tf" -chdir="$work" validate -no-color || fail "terraform validate of the module consumed by its Git source"
say "validate: the module consumed by git::file://...//modules/hipaa-baseline?ref=v$version is valid"

say "terraform plan against the simulator"
harness_sim_start "$tmp"
rc=0
"$tf" -chdir="$work" plan -detailed-exitcode -input=false -no-color >"$tmp/plan.log" 2>&1 || rc=$?
[[ $rc -eq 2 ]] || { tail -n 60 "$tmp/plan.log" >&2; fail "terraform plan (exit $rc; 2 = changes expected)"; }
grep -q "teamshipaa_messaging_policy.install_check will be created" "$tmp/plan.log" || fail "the plan does not create the messaging policy"
grep -q "module.hipaa_baseline.teamshipaa_conditional_access_policy" "$tmp/plan.log" || fail "the plan does not include the module's conditional access policies"
say "plan: $(grep -E '^Plan:' "$tmp/plan.log")"
