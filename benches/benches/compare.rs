//! The comparison of shared/design/performance.md: ours against the floor, garde and validator,
//! interleaved within each round, reported as medians of per-round ratios.
//!
//! ```text
//! cargo bench -p validate-benches --bench compare
//! VALIDATE_BENCH_ROUNDS=30 VALIDATE_BENCH_SLICE_MS=20 cargo bench -p validate-benches --bench compare
//! ```
//!
//! Before timing, every system is run on every input and must agree: valid inputs pass in all,
//! invalid ones fail in all, ours with exactly the expected violations and the peers with the
//! expected number of errors. Run without `--bench` (as `cargo test --all-targets` does), it
//! checks agreement and runs one short round.

#[path = "../src/garde_model.rs"]
#[allow(dead_code, reason = "the structs mirror the wire: serde reads fields that no rule checks")]
mod garde_model;
#[path = "../src/validator_model.rs"]
mod validator_model;

use std::fmt::Write as _;
use std::hint::black_box;

use customer_insights::model::RelationshipResourceFormat;
use validate_benches::harness::{self, Case, Plan, Spread, System, as_f64};
use validate_benches::workload::{self, Input, RELATIONSHIP_NAME, Variant};
use validate_benches::{floor, ours_model};

/// The names of the systems, as the report prints them.
mod name {
    pub const OURS: &str = "ours";
    pub const FLOOR: &str = "floor";
    pub const GARDE: &str = "garde";
    pub const VALIDATOR: &str = "validator";
    pub const FROM_JSON: &str = "ours (from_json)";
    pub const SERDE: &str = "serde_json alone";
    pub const SERDE_FLOOR: &str = "serde + floor";
    pub const SERDE_GARDE: &str = "serde + garde";
    pub const SERDE_VALIDATOR: &str = "serde + validator";
}

/// What each case measures, as the report prints it.
mod what {
    pub const VALIDATE_VALID: &str = "validate, valid";
    pub const VALIDATE_INVALID: &str = "validate, invalid";
    pub const BYTES_VALID: &str = "bytes → validated, valid";
    pub const BYTES_INVALID: &str = "bytes → ARM payload, invalid";
}

/// One input as every system holds it once parsed.
struct Parsed {
    input: Input,
    ours: ours_model::Request<'static>,
    garde: garde_model::Request<'static>,
    validator: validator_model::Request<'static>,
}

impl Parsed {
    fn new(input: Input) -> Self {
        Parsed {
            ours: ours_model::Request { name: RELATIONSHIP_NAME, body: input.parse() },
            garde: garde_model::Request { name: RELATIONSHIP_NAME, body: input.parse() },
            validator: validator_model::Request { name: RELATIONSHIP_NAME, body: input.parse() },
            input,
        }
    }

    /// How many errors each peer reports on this input: one per empty name, one for the
    /// repeated names (their uniqueness is one custom function on the list), one for the display
    /// names (one custom function on the map), one for `profileType`.
    fn expected_peer_errors(&self) -> usize {
        match self.input.variant {
            Variant::Valid => 0,
            Variant::Invalid => {
                let empty = self.input.empty_field_names();
                empty + usize::from(empty >= 2) + 2
            }
        }
    }
}

fn main() {
    let (plan, benchmarking) = Plan::from_env(15, 20);

    let parsed: Vec<Parsed> = workload::inputs().into_iter().map(Parsed::new).collect();
    for each in &parsed {
        check_agreement(each);
    }
    eprintln!("all systems agree on {} inputs", parsed.len());

    let mut cases = cases(&parsed);
    let slices = cases.iter().map(|c| c.systems.len()).sum::<usize>() * plan.rounds;
    let total = plan.slice.as_secs_f64() * as_f64(slices);
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

/// The floor of bytes to a validated value: `serde_json::from_slice`, then the hand-written
/// checks, which report nothing. No validator that reports can be cheaper.
fn serde_then_floor(name: &str, json: &[u8]) -> Option<RelationshipResourceFormat> {
    let body: RelationshipResourceFormat = serde_json::from_slice(json).ok()?;
    floor::is_valid(name, &body).then_some(body)
}

/// Runs every system on `each` and stops the benchmark if they disagree.
fn check_agreement(each: &Parsed) {
    let input = &each.input;
    let label = input.label();
    let valid = input.variant == Variant::Valid;
    let peers = each.expected_peer_errors();

    // validate() on the parsed value. The first call also compiles every pattern.
    match ours_model::validate(&each.ours) {
        Ok(()) => assert!(valid, "{label}: ours passed an invalid body"),
        Err(violations) => {
            let mut found: Vec<(&str, String)> = violations.iter().map(|v| (v.code(), v.target().to_owned())).collect();
            found.sort();
            assert!(!valid, "{label}: ours refused a valid body:\n{violations}");
            let expected = input.expected_violations();
            let expected: Vec<(&str, String)> = expected.iter().map(|(c, t)| (*c, t.clone())).collect();
            assert_eq!(found, expected, "{label}: ours did not report the expected violations");
        }
    }
    assert_eq!(floor::is_valid(RELATIONSHIP_NAME, &each.ours.body), valid, "{label}: the floor disagrees");
    match garde::Validate::validate(&each.garde) {
        Ok(()) => assert!(valid, "{label}: garde passed an invalid body"),
        Err(report) => {
            assert!(!valid, "{label}: garde refused a valid body:\n{report}");
            assert_eq!(garde_model::count(&report), peers, "{label}: garde's errors:\n{report}");
        }
    }
    match validator::Validate::validate(&each.validator) {
        Ok(()) => assert!(valid, "{label}: validator passed an invalid body"),
        Err(errors) => {
            assert!(!valid, "{label}: validator refused a valid body:\n{errors}");
            assert_eq!(validator_model::count(&errors), peers, "{label}: validator's errors:\n{errors}");
        }
    }

    // Bytes to a validated value.
    let alone: RelationshipResourceFormat = serde_json::from_slice(&input.json).expect("serde_json reads every input");
    assert_eq!(serde_then_floor(RELATIONSHIP_NAME, &input.json).is_some(), valid, "{label}: serde + floor disagrees");
    match ours_model::from_bytes(RELATIONSHIP_NAME, &input.json) {
        Ok(body) => {
            assert!(valid, "{label}: from_json passed an invalid body");
            assert_eq!(body, alone, "{label}: from_json and serde_json read different values");
        }
        Err(payload) => {
            assert!(!valid, "{label}: from_json refused a valid body: {payload:?}");
            assert_eq!(payload.code(), "InvalidRequestContent");
            assert_eq!(payload.error.details.len(), input.expected_violations().len(), "{label}: payload details");
        }
    }
    match garde_model::from_bytes(RELATIONSHIP_NAME, &input.json) {
        Ok(_) => assert!(valid, "{label}: serde + garde passed an invalid body"),
        Err(garde_model::Rejection::Rules(report)) => {
            assert!(!valid, "{label}: serde + garde refused a valid body:\n{report}");
            assert_eq!(garde_model::count(&report), peers);
        }
        Err(garde_model::Rejection::Json(error)) => panic!("{label}: serde + garde could not read the body: {error}"),
    }
    match validator_model::from_bytes(RELATIONSHIP_NAME, &input.json) {
        Ok(_) => assert!(valid, "{label}: serde + validator passed an invalid body"),
        Err(validator_model::Rejection::Rules(errors)) => {
            assert!(!valid, "{label}: serde + validator refused a valid body:\n{errors}");
            assert_eq!(validator_model::count(&errors), peers);
        }
        Err(validator_model::Rejection::Json(error)) => {
            panic!("{label}: serde + validator could not read the body: {error}")
        }
    }
}

/// The cases of performance.md, for each size: the systems each one compares.
fn cases(parsed: &[Parsed]) -> Vec<Case<'_>> {
    let mut cases = Vec::new();
    for each in parsed {
        let fields = each.input.fields;
        let json = each.input.json.as_slice();
        let name = RELATIONSHIP_NAME;
        match each.input.variant {
            Variant::Valid => {
                cases.push(
                    Case::new(what::VALIDATE_VALID, fields)
                        .with(System::new(name::OURS, || ours_model::validate(black_box(&each.ours))))
                        .with(System::new(name::FLOOR, || floor::is_valid(black_box(name), black_box(&each.ours.body))))
                        .with(System::new(name::GARDE, || garde::Validate::validate(black_box(&each.garde))))
                        .with(System::new(name::VALIDATOR, || {
                            validator::Validate::validate(black_box(&each.validator))
                        })),
                );
                cases.push(
                    Case::new(what::BYTES_VALID, fields)
                        .with(System::new(name::FROM_JSON, || ours_model::from_bytes(black_box(name), black_box(json))))
                        .with(System::new(name::SERDE, || {
                            serde_json::from_slice::<RelationshipResourceFormat>(black_box(json))
                        }))
                        .with(System::new(name::SERDE_FLOOR, || serde_then_floor(black_box(name), black_box(json))))
                        .with(System::new(name::SERDE_GARDE, || {
                            garde_model::from_bytes(black_box(name), black_box(json))
                        }))
                        .with(System::new(name::SERDE_VALIDATOR, || {
                            validator_model::from_bytes(black_box(name), black_box(json))
                        })),
                );
            }
            Variant::Invalid => {
                cases.push(
                    Case::new(what::VALIDATE_INVALID, fields)
                        .with(System::new(name::OURS, || ours_model::validate(black_box(&each.ours))))
                        .with(System::new(name::GARDE, || garde::Validate::validate(black_box(&each.garde))))
                        .with(System::new(name::VALIDATOR, || {
                            validator::Validate::validate(black_box(&each.validator))
                        })),
                );
                cases.push(
                    Case::new(what::BYTES_INVALID, fields)
                        .with(System::new(name::FROM_JSON, || ours_model::from_bytes(black_box(name), black_box(json))))
                        .with(System::new(name::SERDE_GARDE, || {
                            garde_model::from_bytes(black_box(name), black_box(json))
                        })),
                );
            }
        }
    }
    // Report order: by what, then by size.
    let order = [what::VALIDATE_VALID, what::VALIDATE_INVALID, what::BYTES_VALID, what::BYTES_INVALID];
    cases.sort_by_key(|case| (order.iter().position(|w| *w == case.what), case.fields));
    cases
}

/// The comparisons of performance.md: (what, system, against, target ratio if any).
const COMPARISONS: [(&str, &str, &str, Option<f64>); 11] = [
    (what::VALIDATE_VALID, name::OURS, name::FLOOR, Some(1.3)),
    (what::VALIDATE_VALID, name::OURS, name::GARDE, None),
    (what::VALIDATE_VALID, name::OURS, name::VALIDATOR, None),
    (what::VALIDATE_INVALID, name::OURS, name::GARDE, Some(0.7)),
    (what::VALIDATE_INVALID, name::OURS, name::VALIDATOR, None),
    (what::BYTES_VALID, name::FROM_JSON, name::SERDE, Some(1.05)),
    (what::BYTES_VALID, name::SERDE_FLOOR, name::SERDE, None),
    (what::BYTES_VALID, name::FROM_JSON, name::SERDE_FLOOR, None),
    (what::BYTES_VALID, name::SERDE_GARDE, name::SERDE, None),
    (what::BYTES_VALID, name::SERDE_VALIDATOR, name::SERDE, None),
    (what::BYTES_INVALID, name::FROM_JSON, name::SERDE_GARDE, None),
];

/// The Markdown report.
fn report(cases: &[Case<'_>], plan: Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n### Ratios (median of per-round ratios; quartiles in brackets; {} rounds × {} ms per system)\n",
        plan.rounds,
        plan.slice.as_millis()
    );
    let _ = writeln!(out, "| case | fields | system | ns/call | against | ns/call | ratio | [q1 – q3] | target |");
    let _ = writeln!(out, "|---|---:|---|---:|---|---:|---:|---|---|");
    for (what, system, against, target) in COMPARISONS {
        for case in cases.iter().filter(|c| c.what == what) {
            let ratio = case.ratio(system, against);
            let verdict = match target {
                Some(limit) if ratio.median <= limit => format!("≤ {limit} ✓"),
                Some(limit) => format!("≤ {limit} ✗"),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "| {what} | {} | {system} | {} | {against} | {} | {:.2} | [{:.2} – {:.2}] | {verdict} |",
                case.fields,
                ns(case.median_ns(system)),
                ns(case.median_ns(against)),
                ratio.median,
                ratio.low,
                ratio.high,
            );
        }
    }

    let _ = writeln!(out, "\n### Median ns per call\n");
    let columns = [
        name::OURS,
        name::FLOOR,
        name::GARDE,
        name::VALIDATOR,
        name::FROM_JSON,
        name::SERDE,
        name::SERDE_FLOOR,
        name::SERDE_GARDE,
        name::SERDE_VALIDATOR,
    ];
    let _ = writeln!(out, "| case | fields | {} |", columns.join(" | "));
    let _ = writeln!(out, "|---|---:|{}", "---:|".repeat(columns.len()));
    for case in cases {
        let cells: Vec<String> = columns
            .iter()
            .map(|column| {
                if case.systems.iter().any(|s| s.name() == *column) {
                    ns(case.median_ns(column))
                } else {
                    String::new()
                }
            })
            .collect();
        let _ = writeln!(out, "| {} | {} | {} |", case.what, case.fields, cells.join(" | "));
    }

    let valid: Vec<&Case<'_>> = cases.iter().filter(|c| c.what == what::VALIDATE_VALID).collect();
    if let [small, large] = valid.as_slice() {
        let per_field = |case: &Case<'_>, round: usize| case.system(name::OURS).samples()[round] / as_f64(case.fields);
        let growth = Spread::of((0..plan.rounds).map(|r| per_field(large, r) / per_field(small, r)).collect());
        let _ = writeln!(
            out,
            "\nTime per field, ours, validate valid: {:.1} ns/field at {} fields, {:.1} ns/field at {} fields; \
             per-round ratio {} / {} fields: {:.2} [{:.2} – {:.2}] (flat is 1.00).",
            small.median_ns(name::OURS) / as_f64(small.fields),
            small.fields,
            large.median_ns(name::OURS) / as_f64(large.fields),
            large.fields,
            large.fields,
            small.fields,
            growth.median,
            growth.low,
            growth.high,
        );
    }
    out
}

/// Nanoseconds with a thin space between thousands: `4 294`.
fn ns(value: f64) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = value.round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
