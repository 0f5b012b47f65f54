#!/usr/bin/env bash
# Regenerates docs/ with tfplugindocs (the `tool` in go.mod), offline.
#
# tfplugindocs v0.25 builds the provider, then runs `terraform init -plugin-dir` and
# `terraform providers schema -json`. Without --tf-version it takes `terraform` from PATH and only
# downloads the latest release when none is found, so we put the binary from ensure-terraform.sh
# first on PATH and never pass --tf-version (that flag always downloads from releases.hashicorp.com).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

tf="$(bash ./scripts/ensure-terraform.sh)"
PATH="$(dirname "$tf"):$PATH"
export PATH
export CHECKPOINT_DISABLE=1

if [[ "${1:-}" != "--no-fmt" && -d examples ]]; then
  echo "==> terraform fmt -recursive examples/"
  "$tf" fmt -recursive examples/
fi

# The baseline controls guide is generated from the catalog (internal/baseline) into templates/guides/,
# which tfplugindocs copies to docs/guides/.
echo "==> go run ./internal/baseline/gen"
go run ./internal/baseline/gen -o templates/guides/baseline-controls.md

# Every resource and data source page's template (subcategory, the controls that govern its attributes, the
# import block form) is generated from the provider and the catalog into templates/resources/ and
# templates/data-sources/.
echo "==> go run ./internal/doctemplates"
go run ./internal/doctemplates -dir templates

# The contract ledger is generated from the operations the API clients declare and enforce.
echo "==> go run ./internal/contract/gen"
go run ./internal/contract/gen -o templates/guides/wire-contracts.md

echo "==> go tool tfplugindocs generate"
go tool tfplugindocs generate \
  --provider-name teamshipaa \
  --rendered-provider-name teamshipaa
