#!/usr/bin/env bash
# One stylesheet per entry point: style/<entry>.list names the files (one per
# ui component or feature, beside nothing else) in cascade order; this writes
# style/bundle/<entry>.css, which index.html and public.html link. Trunk runs
# it before every build (Trunk.toml), so `trunk serve` picks up edits too.
set -euo pipefail
cd "$(dirname "$0")/../style"
mkdir -p bundle
for list in *.list; do
  entry=${list%.list}
  out=bundle/$entry.css
  tmp=$(mktemp bundle/.tmp.XXXXXX)
  chmod 644 "$tmp"
  grep -v '^\s*\(#\|$\)' "$list" | while read -r file; do
    [ -f "$file" ] || { echo "bundle-css: $list names $file, which does not exist" >&2; exit 1; }
    cat "$file"
    echo
  done > "$tmp"
  # Only touch the bundle when it changed, so `trunk serve` does not loop.
  if cmp -s "$tmp" "$out"; then rm "$tmp"; else mv "$tmp" "$out"; fi
done
