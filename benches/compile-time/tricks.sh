#!/usr/bin/env bash
# Issue 11, compile-time tricks: each against the plain code it replaces, in cold debug builds of
# a scratch crate, the two sides interleaved round by round (as run.sh does), medians and the
# median of per-round ratios.
#
#   EXPERIMENT=cache  benches/compile-time/tricks.sh   # the derive's regex cache (check.rs `compiles`)
#   EXPERIMENT=reader benches/compile-time/tricks.sh   # the walk's `Reader` probe against known.rs's read
#   EXPERIMENT=walker benches/compile-time/tricks.sh   # the walk's `Walker` probe against `<T as Walk>::walk_in`
#   EXPERIMENT=probe  benches/compile-time/tricks.sh   # `custom`'s `Probe` against passing the reference
#   RUNS=11 STRUCTS=50 KEEP=1 …                        # rounds (default 9), structs, keep the crates
#   TRICKS_TARGET=/tmp/tricks-target …                 # a target directory kept between runs
#
# The repository (everything but `target`, `.git` and `fuzz`) is copied twice into a temporary
# directory, one copy with the trick ("trick"), one with the plain alternative that would replace
# it ("plain"); the patch of the experiment below makes the difference, and refuses to run if the
# code it replaces has changed. Edits to the repository during the run touch neither side. Each
# scratch crate of 50 structs × 6 fields depends on one copy by path; a round cleans and builds
# each side in turn (`cargo clean -p`, then `cargo build`, incremental compilation off), and
# records wall and CPU time.
#
# - cache: the structs of run.sh, derived only, one pattern shared by all 50 (the derive's own
#   time is the larger part there). Plain: `compiles` compiles every pattern it sees, as it now
#   does; trick: the cache of patterns that compiled, put back as it was before issue 11.
# - reader, walker, probe: the structs of `USED=1 run.sh` (serde's `Deserialize` too, and a
#   function per struct that calls `from_json`).
#   - reader: trick side, the 6 fields spelt `Text`, `Count`, `Tags`, `Note` (aliases of `String`,
#     `u32`, `Vec<String>`, `Option<String>`), which known.rs does not recognise, so every field
#     goes through the `Reader` probe; plain side, the same fields spelt with the standard names,
#     read with `read_owned` (no probe). The same repository on both sides.
#   - walker: 4 standard fields and 2 `nested` ones (`Option<Box<Item{i-1}>>` and `Vec<Item{i-1}>`,
#     a chain of types). Plain: the derive names `<T as Walk>::walk_in` instead of probing.
#   - probe: the 6 fields, 5 of them with a `custom` rule. Plain: the derive passes the reference
#     itself (what it could write for a field it knows is not an `Option`).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
experiment="${EXPERIMENT:?EXPERIMENT must be one of cache, reader, walker, probe}"
structs="${STRUCTS:-50}"
runs="${RUNS:-9}"
work="$(mktemp -d "${TMPDIR:-/tmp}/validate-tricks.XXXXXX")"
if [[ -z "${KEEP:-}" ]]; then
  trap 'rm -rf "$work"' EXIT
fi
export CARGO_INCREMENTAL=0 CARGO_TERM_COLOR=never

# The two copies of the repository.
copy() { mkdir -p "$work/$1" && tar -C "$repo" --exclude=./target --exclude=./.git --exclude=./fuzz -cf - . | tar -C "$work/$1" -xf -; }
copy trick-repo
copy plain-repo

# patch SIDE FILE: in the copy of SIDE, replaces what each regular expression matches by its
# replacement, read from stdin as lines `regex ==> replacement` (a `re.sub` template: `\n` for a
# line break, `\1` for a group); fails when a regex does not match exactly once, as when the code
# it replaces has changed.
patch() {
  python3 -c '
import re, sys
path = sys.argv[1]
text = open(path).read()
for line in sys.stdin.read().strip().splitlines():
    pattern, replacement = line.split(" ==> ")
    text, count = re.subn(pattern, replacement, text)
    if count != 1:
        sys.exit(f"tricks.sh: the code to replace in {path} has changed:\n{pattern}")
open(path, "w").write(text)
' "$work/$1-repo/$2"
}

case "$experiment" in
  cache)
    # Removed after this measurement (issue 11): the trick side puts the cache back.
    patch trick validate-derive/src/check.rs <<'EOF'
regex::Regex::new\(pattern\)\.map\(drop\)\.map_err\(\|error\| regex_reason\(&error\)\) ==> static COMPILED: std::sync::Mutex<std::collections::BTreeSet<String>> =\n        std::sync::Mutex::new(std::collections::BTreeSet::new());\n    let mut compiled = COMPILED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);\n    if compiled.contains(pattern) {\n        return Ok(());\n    }\n    regex::Regex::new(pattern).map_err(|error| regex_reason(&error))?;\n    compiled.insert(pattern.to_owned());\n    Ok(())
EOF
    ;;
  walker)
    patch plain validate-derive/src/walk.rs <<'EOF'
quote!\(\{\s*use #w::\{[^}]*\};\s*\(&&&#w::Walker::<#ty>::new\(\)\)\.walk_fn\(\)\s*\}\) ==> quote!(<#ty as #w::Walk>::walk_in)
EOF
    ;;
  probe)
    patch plain validate-derive/src/rules.rs <<'EOF'
let r = runtime_at\(span\);(\s*let check = user_result\(span, &quote_spanned!\(span=> #function\(__present\)\)[^\n]*\n\s*quote_spanned! \{span=>\s*)\{\s*use #r::\{ProbeOption as _, ProbeValue as _\};\s*if let ::core::option::Option::Some\(__present\) = \(&#r::Probe\(#value\)\)\.present\(\) \{\s*#check\s*\}\s*\} ==> \1{\n            let __present = #value;\n            #check\n        }
EOF
    ;;
  reader) ;;
  *) echo "unknown EXPERIMENT $experiment" >&2; exit 2 ;;
esac

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
validate-core = { path = "$2/validate-core" }
$3

[workspace]
EOF
}

# item N NAME KIND COUNT CODE TAGS NOTE: run.sh's struct with the given field types.
item() {
  cat <<EOF
#[derive(Debug, Validate$8)]
pub struct Item$1 {
    #[validate(length(min = 1, max = 64))]
    pub name: $2,
    #[validate(non_empty)]
    pub kind: $3,
    #[validate(range(min = 0, max = 1000))]
    pub count: $4,
    #[validate(pattern("^[a-z][a-z0-9_]*\$"))]
    pub code: $5,
    #[validate(length(max = 10))]
    pub tags: $6,
    #[validate(length(max = 256))]
    pub note: $7,
}

EOF
}

read_fn() { echo "pub fn read$1(bytes: &[u8]) -> bool { validate_core::from_json::<Item$1>(bytes).is_ok() }"; echo; }

standard=(String String u32 String 'Vec<String>' 'Option<String>')
aliased=(Text Text Count Text Tags Note)

# lib SIDE: the scratch crate's lib.rs for this experiment and side.
lib() {
  echo "#![allow(missing_docs, dead_code)]"
  echo "use validate_core::Validate;"
  case "$experiment" in
    cache)
      for ((i = 0; i < structs; i++)); do item "$i" "${standard[@]}" ""; done
      ;;
    reader)
      echo "pub type Text = String; pub type Count = u32; pub type Tags = Vec<String>; pub type Note = Option<String>;"
      local types=("${standard[@]}")
      [[ $1 == trick ]] && types=("${aliased[@]}")
      for ((i = 0; i < structs; i++)); do item "$i" "${types[@]}" ", serde::Deserialize"; read_fn "$i"; done
      ;;
    walker)
      echo '#[derive(Debug, Validate, serde::Deserialize)] pub struct Leaf { #[validate(non_empty)] pub name: String }'
      for ((i = 0; i < structs; i++)); do
        local previous="Item$((i - 1))"
        ((i == 0)) && previous=Leaf
        cat <<EOF
#[derive(Debug, Validate, serde::Deserialize)]
pub struct Item$i {
    #[validate(length(min = 1, max = 64))]
    pub name: String,
    #[validate(non_empty)]
    pub kind: String,
    #[validate(range(min = 0, max = 1000))]
    pub count: u32,
    #[validate(pattern("^[a-z][a-z0-9_]*\$"))]
    pub code: String,
    #[validate(nested)]
    pub previous: Option<Box<$previous>>,
    #[validate(length(max = 10), nested)]
    pub many: Vec<$previous>,
}

EOF
        read_fn "$i"
      done
      ;;
    probe)
      cat <<'EOF'
fn text(value: &str) -> Result<(), validate_core::RuleError> {
    if value.contains(' ') { Err(validate_core::RuleError::new("Space", "No spaces.")) } else { Ok(()) }
}
fn small(value: &u32) -> Result<(), validate_core::RuleError> {
    if *value > 7 { Err(validate_core::RuleError::new("Big", "Too big.")) } else { Ok(()) }
}
fn few(value: &[String]) -> Result<(), validate_core::RuleError> {
    if value.len() > 3 { Err(validate_core::RuleError::new("Many", "Too many.")) } else { Ok(()) }
}
EOF
      for ((i = 0; i < structs; i++)); do
        item "$i" "${standard[@]}" ", serde::Deserialize" | sed \
          -e 's/length(min = 1, max = 64)/length(min = 1, max = 64), custom(text)/' \
          -e 's/(non_empty)/(non_empty, custom(text))/' \
          -e 's/range(min = 0, max = 1000)/range(min = 0, max = 1000), custom(small)/' \
          -e 's/pattern("^\[a-z\]\[a-z0-9_\]\*\$")/pattern("^[a-z][a-z0-9_]*$"), custom(text)/' \
          -e 's/length(max = 10)/length(max = 10), custom(few)/'
        read_fn "$i"
      done
      ;;
  esac
}

sides=(trick plain)
serde_deps=""
[[ $experiment != cache ]] && serde_deps=$'serde = { version = "1", features = ["derive"] }\nserde_json = "1"'
for side in "${sides[@]}"; do
  dir="$work/$side"
  mkdir -p "$dir"
  manifest "tricks-$side" "$work/$side-repo" "$serde_deps" >"$dir/Cargo.toml"
  cp "$repo/Cargo.lock" "$dir/Cargo.lock"
  # The reader experiment differs by the crate's text alone: both sides build on the trick copy.
  [[ $experiment == reader ]] && sed -i "s|$work/plain-repo|$work/trick-repo|" "$dir/Cargo.toml"
  lib "$side" >"$dir/lib.rs"
done

# One target directory for both sides (their crates and copies of validate-core have names or
# paths of their own); TRICKS_TARGET keeps the dependencies built from one run to the next.
target="${TRICKS_TARGET:-$work/target}"
build() { cargo build --quiet --manifest-path "$work/$1/Cargo.toml" --target-dir "$target"; }
clean() { cargo clean --quiet -p "tricks-$1" --manifest-path "$work/$1/Cargo.toml" --target-dir "$target"; }

echo "# $experiment: ${structs} structs × 6 fields, debug, cold, in $work"
for side in "${sides[@]}"; do build "$side"; done

# Each build's wall time and CPU time (user + system, rustc's threads included): on a shared
# machine the CPU time moves less when another job takes the cores.
times="$work/times.txt"
: >"$times"
for ((round = 1; round <= runs; round++)); do
  # Alternate which side goes first, as the runtime harness does.
  order=("${sides[@]}")
  ((round % 2 == 0)) && order=(plain trick)
  for side in "${order[@]}"; do
    clean "$side"
    python3 -c '
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[3:], check=True)
wall = time.perf_counter() - start
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(sys.argv[1], sys.argv[2], wall, used.ru_utime, used.ru_stime)
' "$round" "$side" cargo build --quiet --manifest-path "$work/$side/Cargo.toml" --target-dir "$target" >>"$times"
  done
done

python3 - "$times" "$experiment" "$runs" <<'PY'
import statistics, sys
wall, cpu = {}, {}
for round_, side, e, u, s in (line.split() for line in open(sys.argv[1])):
    wall.setdefault(side, {})[round_] = float(e) * 1000
    cpu.setdefault(side, {})[round_] = (float(u) + float(s)) * 1000
for label, by in (("wall", wall), ("cpu", cpu)):
    ratios = sorted(by["trick"][r] / by["plain"][r] for r in by["trick"])
    q = lambda p: ratios[round((len(ratios) - 1) * p)]
    print(f"| {sys.argv[2]} | {label} | {sys.argv[3]} rounds | trick {statistics.median(by['trick'].values()):.0f} ms "
          f"| plain {statistics.median(by['plain'].values()):.0f} ms "
          f"| trick ÷ plain {statistics.median(ratios):.3f} [{q(0.25):.3f} – {q(0.75):.3f}] |")
for side in ("trick", "plain"):
    print(f"  {side} wall: " + " ".join(f"{wall[side][r]:.0f}" for r in sorted(wall[side], key=int)))
    print(f"  {side} cpu:  " + " ".join(f"{cpu[side][r]:.0f}" for r in sorted(cpu[side], key=int)))
PY
