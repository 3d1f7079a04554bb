#!/usr/bin/env bash
# Refresh the browser libraries inlined into the HTML graph explorer.
#
# Downloads the pinned npm packages with `npm pack`, copies their prebuilt
# browser (UMD, minified) files and licences UNCHANGED into
# assets/explorer/vendor/, rewrites FILES (load order) and prints sha256s.
# To upgrade: bump a version below, run this script, update the table in
# assets/explorer/vendor/README.md with the printed sums, and re-test with
# tests/node/explorer.mjs.
set -euo pipefail

GRAPHOLOGY_VERSION=0.26.0
SIGMA_VERSION=3.0.3

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
vendor="$root/assets/explorer/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# package@version  file-in-tarball  vendored-name  licence-in-tarball
entries=(
  "graphology@$GRAPHOLOGY_VERSION package/dist/graphology.umd.min.js graphology.umd.min.js package/LICENSE.txt"
  "sigma@$SIGMA_VERSION package/dist/sigma.min.js sigma.min.js package/LICENSE.txt"
)

mkdir -p "$vendor"
: > "$tmp/FILES"
for entry in "${entries[@]}"; do
  read -r spec file name licence <<< "$entry"
  pkg="${spec%@*}"
  (cd "$tmp" && npm pack --silent "$spec" > /dev/null)
  tarball="$tmp/$pkg-${spec##*@}.tgz"
  mkdir -p "$tmp/$pkg"
  tar -xzf "$tarball" -C "$tmp/$pkg"
  if grep -qi '</script' "$tmp/$pkg/$file"; then
    echo "error: $spec $file contains </script and cannot be inlined" >&2
    exit 1
  fi
  cp "$tmp/$pkg/$file" "$vendor/$name"
  cp "$tmp/$pkg/$licence" "$vendor/$pkg.LICENSE.txt"
  echo "$name" >> "$tmp/FILES"
done
cp "$tmp/FILES" "$vendor/FILES"

cd "$vendor"
while read -r name; do
  sha256sum "$name"
done < FILES
sha256sum -- *.LICENSE.txt
