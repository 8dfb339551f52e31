#!/usr/bin/env bash
# Sizes of the built app: every file raw, gzip -9 and brotli -q 11, then the
# first-load total of each entry page (the HTML plus the CSS, JS and wasm it
# loads). Fails when the public issuer page's first load exceeds its budget.
set -euo pipefail
dist=${1:-dist}
# 160 KB: issue 14's degraded paths (their words in both languages, the
# capability check, rpc field names read from messages) grew the public page
# from 152 to 154 KB. Issue 17's target is 100 KB: splitting the languages'
# strings and the entries is that work, still open.
budget=$((160 * 1024))
[ -f "$dist/index.html" ] || { echo "size: $dist/index.html not found; run make build first" >&2; exit 1; }

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
first_load() {
  local html=$1 total raw
  total=$(br "$html"); raw=$(wc -c < "$html")
  for ref in $(grep -oE '(href|src)="/[^"]+\.(css|js|wasm)"' "$html" | sed -E 's/^(href|src)="\/?//; s/"$//' | sort -u); do
    [ -f "$dist/$ref" ] || continue
    total=$((total + $(br "$dist/$ref"))); raw=$((raw + $(wc -c < "$dist/$ref")))
  done
  echo "$total $raw"
}

read -r admin admin_raw < <(first_load "$dist/index.html")
public_html="$dist/public/index.html"
if [ -f "$public_html" ]; then
  read -r public public_raw < <(first_load "$public_html")
  label='public issuer page (public/index.html)'
else
  # Until the public page has its own entry, it is served by the admin console's.
  public=$admin; public_raw=$admin_raw
  label='public issuer page (index.html)'
fi
echo
printf '%-*s %10s %10s %10s\n' "$w" 'first load (HTML + CSS + JS + wasm)' raw brotli budget
printf '%-*s %10d %10d %10s\n' "$w" 'admin console (index.html)' "$admin_raw" "$admin" -
printf '%-*s %10d %10d %10d\n' "$w" "$label" "$public_raw" "$public" "$budget"
if [ "$public" -gt "$budget" ]; then
  echo "size: the public page's first load is $public B brotli, over its $budget B budget by $((public - budget)) B" >&2
  exit 1
fi
echo "size: the public page's first load is $((public * 100 / budget))% of its budget ($((public / 1024)) KB of $((budget / 1024)) KB, brotli)"
