#!/usr/bin/env bash
# Mutation testing of validate-core (issue 18), with the checked-in .cargo/mutants.toml: the rules
# first, then the rest of validate-core/src. Installs cargo-mutants when it is missing. Each mutant
# is a build and a test run: the rules take about an hour on 2 cores; JOBS=2 halves it on 4.
#   scripts/mutants.sh                 # the rules
#   scripts/mutants.sh all             # the rules, then every other file of validate-core/src
#   FILES='validate-core/src/rules/length.rs' scripts/mutants.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-mutants >/dev/null; then
  cargo install --locked cargo-mutants@27.1.0
fi
JOBS=${JOBS:-1}
FILES=${FILES:-validate-core/src/rules/*.rs}

cargo mutants --package validate-core -f "$FILES" --jobs "$JOBS" --output target/mutants-rules
if [ "${1:-}" = all ]; then
  cargo mutants --package validate-core -f 'validate-core/src/**/*.rs' -e 'validate-core/src/rules/*.rs' \
    --jobs "$JOBS" --output target/mutants-rest
fi
