//! Issue 11: each clever trick on a hot path against the plain code it replaces, interleaved
//! within each round (the harness of `compare`), reported as medians of per-round ratios.
//!
//! ```text
//! cargo bench -p validate-benches --bench tricks
//! VALIDATE_BENCH_ROUNDS=40 VALIDATE_BENCH_SLICE_MS=20 cargo bench -p validate-benches --bench tricks
//! ```
//!
//! - `unique`'s small table: the 16-item / 32-slot table short lists use, against the one
//!   128-item / 256-slot table that would serve them without it. `repeats_in_table` is private,
//!   so both sides are the same verbatim copy of it ([`table`]), instantiated at the two sizes and
//!   fed with the real `UniqueKey` fingerprints and comparisons on the workload's `fieldName`s
//!   (`ignore_case`, as the Relationship model asks); the real `unique::check_by` runs beside them
//!   to show that the copy costs what the real code costs.
//! - `push_decimal`'s branch for indexes below 100, against its loop alone: a private function,
//!   so both sides are verbatim copies ([`decimal`]), writing an index as a target does.
//! - `plain_member`: the real `Path`, `properties.fields[2].fieldName` built with the members the
//!   derive proved plain (`__v1::plain_member`) against the same with `Path::member`, which
//!   checks every name before writing it.
//!
//! Run without `--bench` (as `cargo test --all-targets` does), it checks that both sides of each
//! trick give the same answers and runs one short round.

use std::fmt::Write as _;
use std::hint::black_box;

use customer_insights::model::{PropertyDefinition, RelationshipResourceFormat};
use validate_benches::harness::{self, Case, Plan, System};
use validate_benches::workload::{Input, Variant};
use validate_core::rules::unique::{self, UniqueKey};
use validate_core::{Path, Violations};

/// A verbatim copy of `validate_core::rules::unique::repeats_in_table` (private), whose two
/// instantiations are what is compared. Keep it in step with the original.
mod table {
    /// The largest table of the original.
    pub const STACK_ITEMS: usize = 128;

    /// Up to `ITEMS` items: an open-addressing table of `SLOTS` fingerprints on the stack.
    pub fn repeats_in_table<const ITEMS: usize, const SLOTS: usize>(
        count: usize,
        fingerprint: impl Fn(usize) -> u64,
        same: impl Fn(usize, usize) -> bool,
        record: &mut impl FnMut(usize, usize),
    ) {
        const { assert!(ITEMS <= STACK_ITEMS && SLOTS == ITEMS * 2 && SLOTS.is_power_of_two()) };
        let mut prints = [0u64; ITEMS];
        // Each slot holds an item's index plus one; zero is empty.
        let mut slots = [0u8; SLOTS];
        for (index, print) in prints.iter_mut().enumerate().take(count) {
            *print = fingerprint(index);
        }
        for index in 0..count {
            let print = prints[index];
            #[allow(clippy::cast_possible_truncation)]
            let mut slot = (print as usize) & (SLOTS - 1);
            loop {
                match usize::from(slots[slot]) {
                    0 => {
                        slots[slot] = u8::try_from(index + 1).unwrap_or(u8::MAX);
                        break;
                    }
                    taken if prints[taken - 1] == print && same(taken - 1, index) => {
                        record(index, taken - 1);
                        break;
                    }
                    _ => slot = (slot + 1) & (SLOTS - 1),
                }
            }
        }
    }
}

/// Verbatim copies of `validate_core::text::push_decimal` (private): as it is, and its loop alone.
mod decimal {
    /// With the branch for indexes below 100.
    pub fn with_branch(out: &mut String, number: usize) {
        if let Ok(small) = u8::try_from(number)
            && small < 100
        {
            if small >= 10 {
                out.push(char::from(b'0' + small / 10));
            }
            out.push(char::from(b'0' + small % 10));
            return;
        }
        loop_only(out, number);
    }

    /// The loop alone, as the function reads without the branch.
    pub fn loop_only(out: &mut String, number: usize) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = number;
        loop {
            start -= 1;
            #[allow(clippy::cast_possible_truncation)]
            let digit = (rest % 10) as u8;
            digits[start] = b'0' + digit;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        out.extend(digits[start..].iter().map(|&digit| char::from(digit)));
    }
}

/// The names of the systems, as the report prints them.
mod name {
    pub const SMALL_TABLE: &str = "16-item table";
    pub const ONE_TABLE: &str = "128-item table";
    pub const REAL_UNIQUE: &str = "real check_by";
    pub const BRANCH: &str = "branch < 100";
    pub const LOOP: &str = "loop only";
    pub const PLAIN: &str = "plain_member";
    pub const CHECKED: &str = "member";
}

/// What each case measures.
mod what {
    pub const UNIQUE: &str = "unique(by = fieldName, ignore_case), valid";
    pub const DECIMAL: &str = "fields[i] for every i below n";
    pub const TARGET: &str = "target properties.fields[i].fieldName";
}

/// The comparisons reported: (what, trick, plain alternative).
const COMPARISONS: [(&str, &str, &str); 4] = [
    (what::UNIQUE, name::SMALL_TABLE, name::ONE_TABLE),
    (what::UNIQUE, name::REAL_UNIQUE, name::SMALL_TABLE),
    (what::DECIMAL, name::BRANCH, name::LOOP),
    (what::TARGET, name::PLAIN, name::CHECKED),
];

/// The repeats `repeats_in_table::<ITEMS, SLOTS>` finds among `names`, ignoring case.
fn table_repeats<const ITEMS: usize, const SLOTS: usize>(names: &[&str]) -> usize {
    let mut found = 0;
    table::repeats_in_table::<ITEMS, SLOTS>(
        names.len(),
        |i| names[i].fingerprint(true),
        |a, b| names[a].compare(names[b], true).is_eq(),
        &mut |_, _| found += 1,
    );
    found
}

/// The real rule, as generated code calls it on `properties.fields`.
fn real_unique(fields: &[PropertyDefinition], at: &Path<'_>) -> Violations {
    let mut out = Violations::new();
    let _ = unique::check_by(fields, |field| &field.field_name, "field_name", true, at, &mut out);
    out
}

/// `prefix[i]` for every `i` below `n`, each written into `out` after `prefix`.
fn indexes(out: &mut String, n: usize, push: impl Fn(&mut String, usize)) -> usize {
    let mut written = 0;
    for i in 0..n {
        out.clear();
        out.push_str("properties.fields[");
        push(out, black_box(i));
        out.push(']');
        written += out.len();
    }
    written
}

/// `properties.fields[index].fieldName`, every member as the derive writes it (`plain_member`),
/// or as code that does not know the names writes it (`member`).
fn target(index: usize, plain: bool) -> String {
    let root = Path::root();
    if plain {
        let properties = validate_core::__v1::plain_member(&root, "properties");
        let fields = validate_core::__v1::plain_member(&properties, "fields");
        let item = fields.index(index);
        validate_core::__v1::plain_member(&item, "fieldName").target()
    } else {
        root.member("properties").member("fields").index(index).member("fieldName").target()
    }
}

fn main() {
    let (plan, benchmarking) = Plan::from_env(30, 20);

    // The workload's `properties.fields`, at the sizes the small table serves.
    let sizes = [4, 10, 16];
    let bodies: Vec<RelationshipResourceFormat> =
        sizes.iter().map(|&n| Input::new(n, Variant::Valid).parse::<RelationshipResourceFormat>()).collect();
    let lists: Vec<&[PropertyDefinition]> =
        bodies.iter().map(|body| body.properties.fields.as_deref().expect("the workload has fields")).collect();
    let names: Vec<Vec<&str>> =
        lists.iter().map(|fields| fields.iter().map(|field| field.field_name.as_str()).collect()).collect();
    let root = Path::root();
    let properties = root.member("properties");
    let at = properties.member("fields");
    // Every system of `indexes` writes into a buffer of its own, held by its closure.
    let mut buffers: Vec<String> = (0..4).map(|_| String::with_capacity(64)).collect();

    check_agreement(&names, &lists, &at);
    eprintln!("both sides of every trick agree");

    let mut cases = Vec::new();
    for ((&n, names), fields) in sizes.iter().zip(&names).zip(&lists) {
        cases.push(
            Case::new(what::UNIQUE, n)
                .with(System::new(name::SMALL_TABLE, || table_repeats::<16, 32>(black_box(names))))
                .with(System::new(name::ONE_TABLE, || table_repeats::<128, 256>(black_box(names))))
                .with(System::new(name::REAL_UNIQUE, || real_unique(black_box(fields), black_box(&at)))),
        );
    }
    let [branch_10, loop_10, branch_100, loop_100] = buffers.as_mut_slice() else { unreachable!() };
    cases.push(
        Case::new(what::DECIMAL, 10)
            .with(System::new(name::BRANCH, || indexes(branch_10, black_box(10), decimal::with_branch)))
            .with(System::new(name::LOOP, || indexes(loop_10, black_box(10), decimal::loop_only))),
    );
    cases.push(
        Case::new(what::DECIMAL, 100)
            .with(System::new(name::BRANCH, || indexes(branch_100, black_box(100), decimal::with_branch)))
            .with(System::new(name::LOOP, || indexes(loop_100, black_box(100), decimal::loop_only))),
    );
    cases.push(
        Case::new(what::TARGET, 2)
            .with(System::new(name::PLAIN, || target(black_box(2), true)))
            .with(System::new(name::CHECKED, || target(black_box(2), false))),
    );

    let slices = cases.iter().map(|c| c.systems.len()).sum::<usize>() * plan.rounds;
    let total = plan.slice.as_secs_f64() * harness::as_f64(slices);
    eprintln!("{} rounds of {} ms per system: about {total:.0} s", plan.rounds, plan.slice.as_millis());
    harness::run(&mut cases, plan, |round| eprint!("\rround {round}/{}", plan.rounds));
    eprintln!();
    if !benchmarking {
        println!(
            "\n> Smoke run (without `--bench`: a test build, one round of 1 ms slices); the figures mean nothing."
        );
    }
    print!("{}", report(&cases, plan));
}

/// Stops the benchmark when the two sides of a trick disagree.
fn check_agreement(names: &[Vec<&str>], lists: &[&[PropertyDefinition]], at: &Path<'_>) {
    for (names, fields) in names.iter().zip(lists) {
        assert_eq!(table_repeats::<16, 32>(names), 0, "the workload's names are unique");
        assert_eq!(table_repeats::<128, 256>(names), 0, "the workload's names are unique");
        assert!(real_unique(fields, at).is_empty(), "the workload's names are unique");
        let mut repeated = names.clone();
        repeated.push(names[0]);
        let upper = names[1].to_uppercase();
        repeated.push(&upper);
        if repeated.len() <= 16 {
            assert_eq!(table_repeats::<16, 32>(&repeated), 2);
        }
        assert_eq!(table_repeats::<128, 256>(&repeated), 2);
    }
    for n in [0, 1, 9, 10, 42, 99, 100, 101, 12_345, usize::MAX] {
        let (mut branch, mut plain) = (String::new(), String::new());
        decimal::with_branch(&mut branch, n);
        decimal::loop_only(&mut plain, n);
        assert_eq!(branch, n.to_string());
        assert_eq!(plain, n.to_string());
    }
    for index in [0, 2, 99, 100] {
        assert_eq!(target(index, true), target(index, false));
        assert_eq!(target(index, true), format!("properties.fields[{index}].fieldName"));
    }
}

/// The Markdown report: trick against plain alternative, per case.
fn report(cases: &[Case<'_>], plan: Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n### Tricks (median of per-round ratios; quartiles in brackets; {} rounds × {} ms per system)\n",
        plan.rounds,
        plan.slice.as_millis()
    );
    let _ = writeln!(out, "| case | n | trick | ns/call | against | ns/call | ratio | [q1 – q3] |");
    let _ = writeln!(out, "|---|---:|---|---:|---|---:|---:|---|");
    for (what, trick, against) in COMPARISONS {
        for case in cases.iter().filter(|c| c.what == what) {
            let ratio = case.ratio(trick, against);
            let _ = writeln!(
                out,
                "| {what} | {} | {trick} | {:.1} | {against} | {:.1} | {:.3} | [{:.3} – {:.3}] |",
                case.fields,
                case.median_ns(trick),
                case.median_ns(against),
                ratio.median,
                ratio.low,
                ratio.high,
            );
        }
    }
    out
}
