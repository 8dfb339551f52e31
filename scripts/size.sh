#!/usr/bin/env bash
# Sizes of the built app: every file raw, gzip -9 and brotli -q 11, then the
# first-load total of each entry page (the HTML plus the CSS, JS and wasm it
# loads), each against its budget. Fails when an entry is over its budget, or
# when the landing page loads any wasm.
set -euo pipefail
dist=${1:-dist}
KB=1024
# Budgets in KB, brotli, first load: issue 17's (and ARCHITECTURE.md's).
entries=(
  "landing page|index.html|15"
  "Open Badge console|openbadge/index.html|250"
  "BlendVision One console|blendvision/index.html|250"
  "public issuer page|public/index.html|100"
)
for e in "${entries[@]}"; do
  html=${e#*|}; html=${html%%|*}
  [ -f "$dist/$html" ] || { echo "size: $dist/$html not found; run make build first" >&2; exit 1; }
done

gz() { gzip -9 -c "$1" | wc -c; }
br() { brotli -q 11 -c "$1" | wc -c; }

mapfile -t files < <(find "$dist" -type f ! -name '*.gz' ! -name '*.br' | sort)
w=40
for f in "${files[@]}"; do n=${#f}; n=$((n - ${#dist} - 1)); [ "$n" -gt "$w" ] && w=$n; done
printf '%-*s %10s %10s %10s\n' "$w" file raw gzip brotli
for f in "${files[@]}"; do
  printf '%-*s %10d %10d %10d\n' "$w" "${f#"$dist"/}" "$(wc -c < "$f")" "$(gz "$f")" "$(br "$f")"
done

# The files an HTML page pulls in on first load: stylesheets, scripts, preloads, wasm.
refs() { grep -oE '(href|src)="/[^"]+\.(css|js|wasm)"' "$1" | sed -E 's/^(href|src)="\/?//; s/"$//' | sort -u; }
first_load() {
  local html=$1 total raw
  total=$(br "$html"); raw=$(wc -c < "$html")
  for ref in $(refs "$html"); do
    [ -f "$dist/$ref" ] || continue
    total=$((total + $(br "$dist/$ref"))); raw=$((raw + $(wc -c < "$dist/$ref")))
  done
  echo "$total $raw"
}

echo
printf '%-*s %10s %10s %10s\n' "$w" 'first load (HTML + CSS + JS + wasm)' raw brotli budget
over=0
for e in "${entries[@]}"; do
  IFS='|' read -r label html budget_kb <<< "$e"
  read -r total raw < <(first_load "$dist/$html")
  budget=$((budget_kb * KB))
  printf '%-*s %10d %10d %10d\n' "$w" "$label ($html)" "$raw" "$total" "$budget"
  if [ "$total" -gt "$budget" ]; then
    echo "size: the $label's first load is $total B brotli, over its $budget B budget by $((total - budget)) B" >&2
    over=1
  fi
done
if refs "$dist/index.html" | grep -q '\.wasm$' || grep -q 'data-bin\|\.wasm' "$dist/index.html"; then
  echo "size: the landing page loads wasm; it must be plain HTML" >&2
  over=1
fi

# What each wasm is made of (twiggy): the release build Trunk left in target/,
# put through wasm-bindgen and wasm-opt as Trunk does, but keeping the names,
# so the figures are those of the shipped code (no wasm-bindgen descriptors).
if command -v twiggy >/dev/null && command -v wasm-bindgen >/dev/null && command -v wasm-opt >/dev/null; then
  named=$(mktemp -d)
  trap 'rm -rf "$named"' EXIT
  for bin in orgdesk-openbadge orgdesk-blendvision orgdesk-public; do
    wasm=target/wasm32-unknown-unknown/release/$bin.wasm
    [ -f "$wasm" ] || continue
    # The same wasm-opt level and parameters as the entry page gives Trunk.
    page=${bin#orgdesk-}.html
    level=$(grep -o 'data-wasm-opt="[^"]*"' "$page" | cut -d'"' -f2)
    read -ra params <<< "$(grep -o 'data-wasm-opt-params="[^"]*"' "$page" | cut -d'"' -f2)"
    wasm-bindgen --target web --keep-debug --out-dir "$named" "$wasm"
    wasm-opt "-O$level" -g "${params[@]}" "$named/${bin}_bg.wasm" -o "$named/$bin.wasm"
    echo
    echo "$bin.wasm (twiggy top, shallow sizes after wasm-bindgen and wasm-opt -O$level, names kept):"
    node scripts/wasm-top.mjs "$named/$bin.wasm"
  done
fi
[ "$over" = 0 ] || exit 1
echo "size: every entry point is within its budget"
