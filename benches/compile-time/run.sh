#!/usr/bin/env bash
# The derive's compile time against garde's and validator's.
#
# Generates three throwaway crates in a temporary directory, each with the same 50 structs of 6
# fields and the same rules, derived with ours (validate-core, by path to this repository), garde
# 0.23 and validator 0.21. Each crate gets its own target directory (the registry is shared). The
# first build of each compiles its dependencies (printed, once, for orientation); then the crate
# alone is rebuilt cold: `cargo clean -p` of that crate, then `cargo build` (debug, incremental
# compilation off), in rounds that build each system in turn (3 by default).
#
# By default the structs are only derived, as in a crate of request types that does not read
# them itself. USED=1 also derives serde's `Deserialize` on each and adds a function per struct
# that reads bytes into a validated value with each system's one-call path (ours: `from_json`;
# the others: `serde_json::from_slice`, then `validate()`): what a crate that uses the types pays,
# since code that is only compiled where it is used (serde's, and our walk) is then compiled too.
#
#   benches/compile-time/run.sh                 # 50 structs, 3 rounds
#   USED=1 benches/compile-time/run.sh          # the same, read from bytes in the crate
#   STRUCTS=100 RUNS=9 benches/compile-time/run.sh
#   KEEP=1 benches/compile-time/run.sh          # keep the generated crates
#
# About 3-6 minutes on a 2-core machine, most of it the dependencies' first builds.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
core="${VALIDATE_CORE_PATH:-$repo/validate-core}"
structs="${STRUCTS:-50}"
used="${USED:-}"
runs="${RUNS:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/validate-compile-time.XXXXXX")"
if [[ -z "${KEEP:-}" ]]; then
  trap 'rm -rf "$work"' EXIT
fi
export CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never work

# manifest NAME DEPENDENCIES: a crate of its own (not part of any workspace).
manifest() {
  cat <<EOF
[package]
name = "$1"
version = "0.0.0"
edition = "2024"
publish = false

[lib]
path = "lib.rs"

[dependencies]
$2

[workspace]
EOF
}

# One struct per system, the same fields and rules: characters and items bounded, a blank-free
# kind (non_empty / length(min = 1)), a number in range, a pattern, an optional bounded note.
ours_struct() {
  cat <<EOF
#[derive(Debug, Validate)]
pub struct Item$1 {
    #[validate(length(min = 1, max = 64))]
    pub name: String,
    #[validate(non_empty)]
    pub kind: String,
    #[validate(range(min = 0, max = 1000))]
    pub count: u32,
    #[validate(pattern("^[a-z][a-z0-9_]*\$"))]
    pub code: String,
    #[validate(length(max = 10))]
    pub tags: Vec<String>,
    #[validate(length(max = 256))]
    pub note: Option<String>,
}

EOF
}

garde_struct() {
  cat <<EOF
#[derive(Debug, Validate)]
pub struct Item$1 {
    #[garde(length(chars, min = 1, max = 64))]
    pub name: String,
    #[garde(length(min = 1))]
    pub kind: String,
    #[garde(range(min = 0, max = 1000))]
    pub count: u32,
    #[garde(pattern("^[a-z][a-z0-9_]*\$"))]
    pub code: String,
    #[garde(length(max = 10))]
    pub tags: Vec<String>,
    #[garde(length(chars, max = 256))]
    pub note: Option<String>,
}

EOF
}

validator_struct() {
  cat <<EOF
#[derive(Debug, Validate)]
pub struct Item$1 {
    #[validate(length(min = 1, max = 64))]
    pub name: String,
    #[validate(length(min = 1))]
    pub kind: String,
    #[validate(range(min = 0, max = 1000))]
    pub count: u32,
    #[validate(regex(path = *CODE))]
    pub code: String,
    #[validate(length(max = 10))]
    pub tags: Vec<String>,
    #[validate(length(max = 256))]
    pub note: Option<String>,
}

EOF
}

# used_fn SYSTEM N: the function that reads struct N from bytes with SYSTEM's one-call path.
used_fn() {
  case "$1" in
    ours) echo "pub fn read$2(bytes: &[u8]) -> bool { validate_core::from_json::<Item$2>(bytes).is_ok() }" ;;
    *) echo "pub fn read$2(bytes: &[u8]) -> bool { serde_json::from_slice::<Item$2>(bytes).is_ok_and(|item| item.validate().is_ok()) }" ;;
  esac
}

generate() {
  local system="$1" dependencies="$2" prelude="$3"
  local dir="$work/$system"
  mkdir -p "$dir"
  if [[ -n "$used" ]]; then
    dependencies+=$'\nserde = { version = "1", features = ["derive"] }\nserde_json = "1"'
  fi
  manifest "ct-$system" "$dependencies" >"$dir/Cargo.toml"
  # The workspace's lockfile pins the same versions as the benchmarks; cargo drops the rest.
  cp "$repo/Cargo.lock" "$dir/Cargo.lock"
  {
    echo "#![allow(missing_docs, dead_code)]"
    echo "$prelude"
    for ((i = 0; i < structs; i++)); do
      if [[ -n "$used" ]]; then
        "${system}_struct" "$i" | sed 's/#\[derive(Debug, Validate)\]/#[derive(Debug, Validate, serde::Deserialize)]/'
        used_fn "$system" "$i"
        echo
      else
        "${system}_struct" "$i"
      fi
    done
  } >"$dir/lib.rs"
}

generate ours "validate-core = { path = \"$core\" }" "use validate_core::Validate;"
generate garde 'garde = { version = "0.23", features = ["derive", "regex"] }' "use garde::Validate;"
generate validator 'validator = { version = "0.21", features = ["derive"] }
regex = "1"' 'use std::sync::LazyLock;
use validator::Validate;
static CODE: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new("^[a-z][a-z0-9_]*$").unwrap());'

systems=(ours garde validator)
build() { cargo build --quiet --manifest-path "$work/$1/Cargo.toml" --target-dir "$work/$1/target"; }
clean() { cargo clean --quiet -p "ct-$1" --manifest-path "$work/$1/Cargo.toml" --target-dir "$work/$1/target"; }
export -f build clean

echo "# ${structs} structs × 6 fields, debug build, ${used:+used (derive Deserialize, read from bytes), }in $work"
echo
echo "First build of each, dependencies included (once, for orientation):"
for system in "${systems[@]}"; do
  start=$(date +%s%N)
  build "$system"
  elapsed=$((($(date +%s%N) - start) / 100000000))
  printf '  %-9s %4d.%d s\n' "$system" $((elapsed / 10)) $((elapsed % 10))
done
echo

# Rounds of one cold build of each system in turn, so that a busy spell of a shared machine
# touches all three alike; then the median of each, and the median of the per-round ratios to
# garde (as in the runtime benchmarks).
times="$work/times.txt"
: >"$times"
for ((round = 1; round <= runs; round++)); do
  for system in "${systems[@]}"; do
    clean "$system"
    start=$(date +%s%N)
    build "$system"
    echo "$round $system $((($(date +%s%N) - start) / 1000000))" >>"$times"
  done
done
echo "The crate alone, cold (cargo clean -p, then cargo build), $runs rounds, systems interleaved:"
echo
python3 - "$times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
by = {}
for round_, system, ms in rows:
    by.setdefault(system, {})[round_] = int(ms)
print("| system | median ms | min ms | max ms | × garde (median of per-round ratios) |")
print("|---|---:|---:|---:|---:|")
for system, runs in by.items():
    ratios = [runs[r] / by["garde"][r] for r in runs]
    values = list(runs.values())
    print(f"| {system} | {statistics.median(values):.0f} | {min(values)} | {max(values)} | {statistics.median(ratios):.2f} |")
PY
