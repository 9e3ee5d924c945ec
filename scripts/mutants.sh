#!/usr/bin/env bash
# Mutation testing of validate-core (issue 18), with the checked-in .cargo/mutants.toml: the rules
# first, then the rest of validate-core/src. Installs cargo-mutants and cargo-nextest when missing.
# Each mutant is a build and a test run: the rules (641 mutants then, 639 since two more were
# excluded) took 71 minutes with JOBS=2 on 2 cores (2026-12-01); JOBS=1 leaves a core free.
#   scripts/mutants.sh                 # the rules
#   scripts/mutants.sh all             # the rules, then every other file of validate-core/src
#   FILES='validate-core/src/rules/length.rs' scripts/mutants.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-mutants >/dev/null; then
  cargo install --locked cargo-mutants@27.1.0
fi
# The configuration runs each mutant's tests with nextest, whose `--max-fail=N:immediate` it needs.
if ! grep -q -- '--max-fail' <<<"$(cargo nextest run --help 2>/dev/null)"; then
  cargo install --locked cargo-nextest
fi
JOBS=${JOBS:-2}
FILES=${FILES:-validate-core/src/rules/*.rs}

cargo mutants --package validate-core -f "$FILES" --jobs "$JOBS" --output target/mutants-rules
if [ "${1:-}" = all ]; then
  cargo mutants --package validate-core -f 'validate-core/src/**/*.rs' -e 'validate-core/src/rules/*.rs' \
    --jobs "$JOBS" --output target/mutants-rest
fi
