#!/usr/bin/env bash
# make bench: Lighthouse on two pages and a bounded load test on loopback,
# against the release build and a fresh seeded server. Not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
VALMARINA=3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10
dir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
target/server/orgdesk-server --bind 127.0.0.1:0 --seed demo --db "$dir/bench.db" --dist dist > "$dir/out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q listening "$dir/out" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$dir/out")
echo "server: $base"

status=0
echo
echo "== Lighthouse (mobile simulation)"
node bench/lighthouse.mjs "$base" "$VALMARINA" || status=1

token=$(curl -s -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@valmarina.example.org","password":"orgdesk-demo"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
load() {
  local name=$1; shift
  echo
  echo "== load: $name (wrk, 10 s, 2 threads, 32 connections)"
  local out
  out=$(wrk -t2 -c32 -d10s --latency "$@")
  echo "$out" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +50%|^ +99%'
  local rps p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | grep -cE 'Non-2xx|Socket errors' || true)
  echo "requests/s: $rps, p99: $p99, errors: $errors"
  if [ "$name" = "public profile" ]; then
    local ms
    ms=$(echo "$p99" | awk '/us$/ {sub("us",""); print $1/1000; next} /ms$/ {sub("ms",""); print $1; next} {print 9999}')
    if [ "$rps" -lt 5000 ] || [ "$errors" -ne 0 ] || awk "BEGIN {exit !($ms > 20)}"; then
      echo "target NOT met: >= 5000 requests/s, p99 <= 20 ms, no errors"; status=1
    else
      echo "target met"
    fi
  fi
}
load "public profile" "$base/api/v1/public/organizations/$VALMARINA"
load "admin organization" -H "Authorization: Bearer $token" "$base/api/v1/issuers/organization"
exit $status
