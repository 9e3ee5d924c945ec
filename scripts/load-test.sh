#!/usr/bin/env bash
# Load test of the release build of the reference service: wrk with a mix of valid PUTs, invalid
# PUTs and GETs on 127.0.0.1. Prints throughput, p50/p99 latency, the status mix, transport
# errors and the server's resident memory before and after (and its peak).
#   scripts/load-test.sh                 # 64 connections, 30 s
#   DURATION=10s CONNECTIONS=32 scripts/load-test.sh
#   SLOW=16 scripts/load-test.sh         # and 16 slow clients at a time, sending a byte a second
#   SLOW=256 HEADER_TIMEOUT=5 scripts/load-test.sh
# In the slow-client mode, scripts/slow-clients.py keeps SLOW connections open alongside wrk, each
# sending a request head a byte a second and opening another when the server closes it; it
# reports what the server answered them and how long they lived, and fails if one outlived the
# header timeout by more than 2 s. Compare wrk's figures with a run without SLOW.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-18181}
SLOW=${SLOW:-0}
HEADER_TIMEOUT=${HEADER_TIMEOUT:-10}
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
RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/release/customer-insights" serve --addr "127.0.0.1:$PORT" --header-timeout-secs "$HEADER_TIMEOUT" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -s -o /dev/null "$URL/" && break
  sleep 0.1
done

rss() { awk '/VmRSS/ { print $2 " kB" }' "/proc/$server/status"; }
peak() { awk '/VmHWM/ { print $2 " kB" }' "/proc/$server/status"; }
status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'content-type: application/json' \
  --data-binary @examples/customer-insights/corpus/full-valid.json "$SEED")
[ "$status" = 200 ] || { echo "seeding failed: $status" >&2; exit 1; }

echo "resident memory before: $(rss)"
slow=
if [ "$SLOW" -gt 0 ]; then
  # wrk's duration in seconds (30s, 2m or 1h).
  seconds=$(awk -v d="$DURATION" 'BEGIN { n = d + 0; u = substr(d, length(d)); print (u == "m") ? n * 60 : (u == "h") ? n * 3600 : n }')
  python3 scripts/slow-clients.py "$PORT" "$SLOW" "$seconds" "$HEADER_TIMEOUT" &
  slow=$!
  sleep 1 # the slow connections are open before wrk starts
fi
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/load-mix.lua "$URL"
echo "resident memory after: $(rss), peak $(peak)"
if [ -n "$slow" ]; then
  wait "$slow" || slow_failed=1
fi

kill -TERM "$server"
wait "$server"
echo "server stopped gracefully (exit $?)"
[ -z "${slow_failed:-}" ] || { echo "slow clients outlived the header timeout" >&2; exit 1; }
