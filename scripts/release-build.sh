#!/usr/bin/env bash
# Cross-builds the release matrix of .goreleaser.yml (goos x goarch minus its ignore list) with the same
# environment, flags and ldflags, into dist/release-build/<os>_<arch>/. Compile-only: it proves every
# target builds without goreleaser, signing or publishing (none of which work offline).
#
# The matrix and the ldflags are read from .goreleaser.yml itself, so the two cannot drift apart.
# Usage: scripts/release-build.sh VERSION [COMMIT]
# RELEASE_TARGETS="linux/amd64 windows/amd64" builds only those of the matrix (each must be in it).
#
# Every binary must be at most MAX_BINARY_BYTES (40 MB, issue #15): the Graph client builds only the
# msgraph-sdk-go request builders it uses (internal/clients/graph/builders.go); reaching them through
# GraphServiceClient instead made the binary 129 MB. `make size` builds the host's target only.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
version="${1:?usage: release-build.sh VERSION [COMMIT]}"
commit="${2:-$(git rev-parse --short HEAD 2>/dev/null || echo none)}"
cfg=.goreleaser.yml

# The items of a `key:` list under builds (goos, goarch), one per line, quotes stripped.
list() {
  awk -v key="$1" '
    $0 ~ "^    " key ":" { on = 1; next }
    on && /^      - / { v = $0; sub(/^ *- */, "", v); gsub(/[\x27"]/, "", v); print v; next }
    on { exit }
  ' "$cfg"
}
# The ignored goos/goarch pairs, as "os/arch" lines.
ignored() {
  awk '
    /^    ignore:/ { on = 1; next }
    on && /^      - goos:/ { os = $3; next }
    on && /^        goarch:/ { a = $2; gsub(/[\x27"]/, "", a); print os "/" a; next }
    on && !/^      / { exit }
  ' "$cfg"
}
ldflags="$(sed -n "s/^ *- '\(-s -w -X main.version=.*\)'$/\1/p" "$cfg")"
[[ -n "$ldflags" ]] || { echo "release-build: no ldflags line found in $cfg" >&2; exit 1; }
ldflags="${ldflags//\{\{.Version\}\}/$version}"
ldflags="${ldflags//\{\{.Commit\}\}/$commit}"
grep -q -- '- -trimpath' "$cfg" || { echo "release-build: $cfg no longer builds with -trimpath; update this script" >&2; exit 1; }
grep -q 'CGO_ENABLED=0' "$cfg" || { echo "release-build: $cfg no longer sets CGO_ENABLED=0; update this script" >&2; exit 1; }

mapfile -t oses < <(list goos)
mapfile -t arches < <(list goarch)
mapfile -t skip < <(ignored)
((${#oses[@]} && ${#arches[@]})) || { echo "release-build: no goos/goarch found in $cfg" >&2; exit 1; }

want="${RELEASE_TARGETS:-}"
for t in $want; do
  found=0
  for os in "${oses[@]}"; do
    for arch in "${arches[@]}"; do
      [[ "$os/$arch" == "$t" ]] && ! printf '%s\n' "${skip[@]}" | grep -qx "$t" && found=1
    done
  done
  ((found)) || { echo "release-build: $t is not in the release matrix of $cfg" >&2; exit 1; }
done

max="${MAX_BINARY_BYTES:-40000000}"
out=dist/release-build
rm -rf "$out"
n=0
too_big=()
for os in "${oses[@]}"; do
  for arch in "${arches[@]}"; do
    if printf '%s\n' "${skip[@]}" | grep -qx "$os/$arch"; then
      continue
    fi
    if [[ -n "$want" ]] && ! grep -qw -- "$os/$arch" <<<"$want"; then
      continue
    fi
    ext=""
    [[ "$os" == windows ]] && ext=.exe
    echo "==> $os/$arch"
    bin="$out/${os}_$arch/terraform-provider-teamshipaa_v$version$ext"
    CGO_ENABLED=0 GOOS="$os" GOARCH="$arch" go build -trimpath -ldflags "$ldflags" -o "$bin" .
    size=$(wc -c <"$bin")
    echo "    $size bytes (at most $max)"
    ((size <= max)) || too_big+=("$os/$arch: $size bytes")
    n=$((n + 1))
  done
done
if ((${#too_big[@]})); then
  printf 'release-build: larger than %s bytes: %s\n' "$max" "${too_big[*]}" >&2
  exit 1
fi
echo "release-build: $n targets built for $version (ldflags: $ldflags) in $out/"
