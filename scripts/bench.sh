#!/usr/bin/env bash
# make bench: Lighthouse on two pages and a bounded load test on loopback,
# against the release build and a fresh seeded server. Not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
VALMARINA=3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10
dir=$(mktemp -d)
server= front=
trap 'kill $server $front 2>/dev/null || true; rm -rf "$dir"' EXIT
target/server/orgdesk-server --bind 127.0.0.1:0 --seed demo --db "$dir/bench.db" --dist dist > "$dir/out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q listening "$dir/out" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$dir/out")
echo "server: $base"

status=0
echo
echo "== Lighthouse (mobile simulation)"
# The issuer page as plain HTML (its first paint, scripts dropped): what a
# static page of the same content would do, served by the same server.
static_page=bench-static-issuer.html
trap 'kill $server $front 2>/dev/null || true; rm -rf "$dir" "dist/$static_page"' EXIT
# (perl, not a sed line range: a one-line <script>…</script> would open a
# range that runs to the next script's end and take the page with it.)
curl -s "$base/issuers/$VALMARINA" \
  | perl -0pe 's{<script\b.*?</script>}{}gs; s{<link[^>]*rel="modulepreload"[^>]*>}{}g; s{<link[^>]*_bg\.wasm[^>]*>}{}g' > "dist/$static_page"
node bench/lighthouse.mjs "$base" "$VALMARINA" "$static_page" || status=1

token=$(curl -s -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@valmarina.example.org","password":"orgdesk-demo"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
# wrk's latency ("812.00us", "3.21ms", "1.02s") in milliseconds.
to_ms() {
  echo "$1" | awk '/us$/ {sub("us",""); print $1/1000; next} /ms$/ {sub("ms",""); print $1; next} /[0-9]s$/ {sub("s",""); print $1*1000; next} {print 9999}'
}
# load NAME TARGET_RPS WRK_ARGS...: 10 s of wrk; sets rps, p99 and errors.
# With TARGET_RPS above 0 it also checks the target: at least that many
# requests/s, p99 <= 20 ms, no errors (status=1 when not met).
load() {
  local name=$1 target=$2; shift 2
  echo
  echo "== load: $name (wrk, 10 s, 2 threads, 32 connections)"
  local out
  out=$(wrk -t2 -c32 -d10s --latency "$@")
  echo "$out" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +50%|^ +99%'
  rps=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | grep -cE 'Non-2xx|Socket errors' || true)
  echo "requests/s: $rps, p99: $p99, errors: $errors"
  if [ "$target" -gt 0 ]; then
    if [ "$rps" -lt "$target" ] || [ "$errors" -ne 0 ] || awk "BEGIN {exit !($(to_ms "$p99") > 20)}"; then
      echo "target NOT met: >= $target requests/s, p99 <= 20 ms, no errors"; status=1
    else
      echo "target met"
    fi
  fi
}
load "admin organization" 0 -H "Authorization: Bearer $token" "$base/api/v1/issuers/organization"

# The public answers beside a hashed static file of the same server, in the
# same run (issue 17): each at >= 50 % of its requests/s, p99 <= 20 ms; then
# again with a million issued badges.
asset=$(cd dist && ls openbadge/*.css | head -1)
static_rps=0
ratio() {
  if [ "$static_rps" -gt 0 ]; then awk "BEGIN {printf \"%.2f of the static file\", $1 / $static_rps}"; else echo "no static file to compare with"; fi
}
# at_least_half NAME: the last load's rps against the static file's.
at_least_half() {
  echo "ratio: $(ratio "$rps")"
  if [ "$static_rps" -gt 0 ] && [ $((rps * 2)) -lt "$static_rps" ]; then
    echo "target NOT met: $1 at >= 50 % of the static file's requests/s"; status=1
  fi
}
public_answers() {
  load "static file /$asset$1" 0 "$base/$asset"
  static_rps=$rps
  load "public profile$1" 5000 "$base/api/v1/public/organizations/$VALMARINA"
  at_least_half "the public profile"
  load "issuer page$1" 5000 "$base/issuers/$VALMARINA"
  at_least_half "the issuer page"
}
public_answers ""
echo
echo "== seeding 1,000,000 issued badges"
target/server/orgdesk-server seed-badges --organization "$VALMARINA" --count 1000000 --db "$dir/bench.db" | tail -1
public_answers ", 1,000,000 badges"

# The web front before the reference server, as in production: a hashed
# static file (the ceiling), then the issuer page and the public API, both
# answered from the front's cache.
target/server/orgdesk-server --bind 127.0.0.1:0 --upstream-openbadge "$base" --upstream-blendvision "$base" --dist dist > "$dir/front" 2>&1 &
front=$!
for _ in $(seq 100); do grep -q listening "$dir/front" && break; sleep 0.1; done
via=$(sed -n 's#^listening on \(http://[0-9.:]*\).*#\1#p' "$dir/front" | head -1)
echo
echo "front: $via"
load "front: static file /$asset" 0 "$via/$asset"
static_rps=$rps
load "front: issuer page" 5000 "$via/issuers/$VALMARINA"
at_least_half "the front's issuer page"
load "front: public API" 5000 "$via/api/v1/public/organizations/$VALMARINA"
at_least_half "the front's public API"
exit $status
