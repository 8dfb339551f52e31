#!/usr/bin/env bash
# Sizes of the built app: every file raw, gzip -9 and brotli -q 11, then the
# first-load total of each entry page (the HTML plus the CSS, JS and wasm it
# loads). Fails when the public issuer page's first load exceeds its budget.
set -euo pipefail
dist=${1:-dist}
budget=$((150 * 1024))
[ -f "$dist/index.html" ] || { echo "size: $dist/index.html not found; run make build first" >&2; exit 1; }

gz() { gzip -9 -c "$1" | wc -c; }
br() { brotli -q 11 -c "$1" | wc -c; }

printf '%-48s %10s %10s %10s\n' file raw gzip brotli
while IFS= read -r f; do
  printf '%-48s %10d %10d %10d\n' "${f#"$dist"/}" "$(wc -c < "$f")" "$(gz "$f")" "$(br "$f")"
done < <(find "$dist" -type f ! -name '*.gz' ! -name '*.br' | sort)

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

echo
read -r admin admin_raw < <(first_load "$dist/index.html")
printf 'first load, admin console (index.html):      %7d B brotli (%d KB), %d B raw\n' "$admin" $((admin / 1024)) "$admin_raw"
public_html="$dist/public/index.html"
if [ -f "$public_html" ]; then
  read -r public public_raw < <(first_load "$public_html")
  label='public issuer page (public/index.html)'
else
  # Until the public page has its own entry, it is served by the admin console's.
  public=$admin; public_raw=$admin_raw
  label='public issuer page (index.html)'
fi
printf 'first load, %-33s %7d B brotli (%d KB), %d B raw; budget %d KB\n' "$label:" "$public" $((public / 1024)) "$public_raw" $((budget / 1024))
if [ "$public" -gt "$budget" ]; then
  echo "size: the public page's first load is over budget by $(( (public - budget) / 1024 )) KB" >&2
  exit 1
fi
