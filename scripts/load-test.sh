#!/usr/bin/env bash
# Load test of the release build of the reference service: wrk with a mix of valid PUTs, invalid
# PUTs and GETs on 127.0.0.1. Prints throughput, p50/p99 latency, the status mix, transport
# errors and the server's resident memory before and after.
#   scripts/load-test.sh                 # 64 connections, 30 s
#   DURATION=10s CONNECTIONS=32 scripts/load-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-18181}
URL="http://127.0.0.1:$PORT"
SEED="$URL/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/load-rg/providers/Microsoft.CustomerInsights/hubs/loadHub/relationships/seed?api-version=2017-04-26"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if ! command -v curl >/dev/null; then
  apt-get update -qq && apt-get install -y -qq curl >/dev/null
fi

cargo build --release -q -p customer-insights
# One log line per request would be most of the work at this rate: warnings only.
RUST_LOG=warn target/release/customer-insights serve --addr "127.0.0.1:$PORT" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -s -o /dev/null "$URL/" && break
  sleep 0.1
done

rss() { awk '/VmRSS/ { print $2 " kB" }' "/proc/$server/status"; }
status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'content-type: application/json' \
  --data-binary @examples/customer-insights/corpus/full-valid.json "$SEED")
[ "$status" = 200 ] || { echo "seeding failed: $status" >&2; exit 1; }

echo "resident memory before: $(rss)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/load-mix.lua "$URL"
echo "resident memory after: $(rss)"

kill -TERM "$server"
wait "$server"
echo "server stopped gracefully (exit $?)"
