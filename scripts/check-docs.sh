#!/usr/bin/env bash
# Fails when docs/ is stale: regenerates it and compares with what git has.
# Also fails when examples/ is not `terraform fmt` formatted (the docs embed the examples).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check-docs: not inside a git work tree; cannot compare docs/ with the repository" >&2
  exit 1
fi

tf="$(bash ./scripts/ensure-terraform.sh)"
export CHECKPOINT_DISABLE=1

if [[ -d examples ]] && ! fmt_out="$("$tf" fmt -check -recursive -diff examples/ 2>&1)"; then
  printf '%s\n' "$fmt_out" >&2
  echo "" >&2
  echo "check-docs: FAIL: examples/ is not formatted. Run 'make docs' (it runs terraform fmt) and commit." >&2
  exit 1
fi

bash ./scripts/docs.sh --no-fmt

changes="$(git status --porcelain --untracked-files=all -- docs/ templates/guides/baseline-controls.md templates/guides/wire-contracts.md templates/resources/ templates/data-sources/)"
if [[ -n "$changes" ]]; then
  echo "" >&2
  echo "check-docs: FAIL: docs/ is out of date with the provider schema, the baseline catalog, the clients' contracts, templates/ or examples/:" >&2
  printf '%s\n' "$changes" >&2
  git --no-pager diff --stat -- docs/ >&2 || true
  echo "" >&2
  echo "Run 'make docs' and commit the result in docs/." >&2
  exit 1
fi
echo "check-docs: docs/ is up to date"
