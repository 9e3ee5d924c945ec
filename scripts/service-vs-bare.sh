#!/usr/bin/env bash
# The reference service against a bare axum + serde_json handler (benches/examples/bare_service.rs)
# on valid PUTs of corpus/full-valid.json, alternated under wrk in one run (issue 17: at least
# 0.9 ×). Prints each round's requests/s and ratio, each server's CPU time per request, then the
# median ratio.
#   scripts/service-vs-bare.sh                     # 6 rounds of 5 s each, 1 thread, 32 connections
#   ROUNDS=10 DURATION=5s CONNECTIONS=32 scripts/service-vs-bare.sh
#   SERVICE_LOG=warn scripts/service-vs-bare.sh    # the service without its per-refusal log lines
#   SERVICE_BIN=/path/to/customer-insights scripts/service-vs-bare.sh   # another build of the service
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-32}
SERVICE_PORT=${SERVICE_PORT:-18191}
BARE_PORT=${BARE_PORT:-18192}
# The service's log level: its default (`info`: a line per refused request) unless told otherwise.
SERVICE_LOG=${SERVICE_LOG:-info}

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

cargo build --release -q -p customer-insights -p validate-benches --example bare_service --bin customer-insights
target=${CARGO_TARGET_DIR:-target}/release
SERVICE_BIN=${SERVICE_BIN:-$target/customer-insights}
RUST_LOG=$SERVICE_LOG "$SERVICE_BIN" serve --addr "127.0.0.1:$SERVICE_PORT" 2>/dev/null &
service=$!
"$target/examples/bare_service" "127.0.0.1:$BARE_PORT" &
bare=$!
trap 'kill "$service" "$bare" 2>/dev/null || true' EXIT
sleep 1

cpu() { # pid → CPU time used so far (user + system), in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}
rate() { # port pid → "requests/s CPU-µs-per-request" of one wrk run
  local before after out
  before=$(cpu "$2")
  out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s scripts/put-valid.lua "http://127.0.0.1:$1")
  after=$(cpu "$2")
  # A non-200 makes put-valid.lua stop wrk: no figures then, and no ratio.
  if ! grep -q "Requests/sec" <<<"$out"; then
    echo "wrk gave no figures against port $1 (an answer other than 200?):" >&2
    echo "$out" >&2
    exit 1
  fi
  awk -v b="$before" -v a="$after" -v hz="$(getconf CLK_TCK)" '
    /Requests\/sec/ { rps = $2 }
    /requests in/ { n = $1 }
    END { printf "%s %.1f\n", rps, (a - b) / hz * 1e6 / n }' <<<"$out"
}
# A warm-up of each, not counted.
DURATION=2s rate "$SERVICE_PORT" "$service" >/dev/null || exit 1
DURATION=2s rate "$BARE_PORT" "$bare" >/dev/null || exit 1

ratios=()
# CPU µs per request is the server's own CPU time over the requests wrk counted: it holds when
# other work shares the machine, where requests/s does not.
echo "| round | service req/s | bare axum req/s | ratio | service CPU µs/request | bare CPU µs/request |"
echo "|---:|---:|---:|---:|---:|---:|"
for round in $(seq "$ROUNDS"); do
  # Alternate which goes first, so that neither always runs right after the other.
  if [ $((round % 2)) -eq 1 ]; then
    s_line=$(rate "$SERVICE_PORT" "$service") && b_line=$(rate "$BARE_PORT" "$bare") || exit 1
  else
    b_line=$(rate "$BARE_PORT" "$bare") && s_line=$(rate "$SERVICE_PORT" "$service") || exit 1
  fi
  read -r s s_cpu <<<"$s_line"
  read -r b b_cpu <<<"$b_line"
  ratio=$(awk -v s="$s" -v b="$b" 'BEGIN { printf "%.3f", s / b }')
  ratios+=("$ratio")
  echo "| $round | $s | $b | $ratio | $s_cpu | $b_cpu |"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "median ratio service ÷ bare: %.3f (target ≥ 0.9)\n", m }'
