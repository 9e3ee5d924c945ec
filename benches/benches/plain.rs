//! The second whole-body workload of performance.md: a body without `unique`, whose `fields` items
//! each carry two `Option<String>` with `required, length(min = 1)`, against its floor
//! (`as_deref().is_some_and(|s| !s.is_empty())` per field), garde 0.23 and validator 0.21, at 10
//! and 100 items. The Relationship workload (`compare`) is dominated by its case-insensitive
//! uniqueness check, which hides what the simple rules cost; this one is nothing but them.
//!
//! ```text
//! cargo bench -p validate-benches --bench plain
//! VALIDATE_BENCH_ROUNDS=30 cargo bench -p validate-benches --bench plain
//! ```
//!
//! Invalid input: every third `fieldName` empty and every fifth `fieldType` missing. Before
//! timing, every system must find the same number of problems. Run without `--bench` (as
//! `cargo test --all-targets` does), it checks and runs one short round.

use std::fmt::Write as _;
use std::hint::black_box;

use validate_benches::harness::{self, Case, Plan, System};

/// Ours.
mod ours {
    use validate_core::Validate;

    #[derive(Debug, Validate)]
    pub struct Body {
        #[validate(nested)]
        pub fields: Vec<Field>,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(rename_all = "camelCase")]
    pub struct Field {
        #[validate(required, length(min = 1))]
        pub field_name: Option<String>,
        #[validate(required, length(min = 1))]
        pub field_type: Option<String>,
    }
}

/// garde: `required` on the `Option`, `length` on what it holds (in bytes: `min = 1` is the same
/// in characters), `dive` into the items.
mod garde_model {
    #[derive(Debug, garde::Validate)]
    pub struct Body {
        #[garde(dive)]
        pub fields: Vec<Field>,
    }

    #[derive(Debug, garde::Validate)]
    pub struct Field {
        #[garde(required, length(min = 1))]
        pub field_name: Option<String>,
        #[garde(required, length(min = 1))]
        pub field_type: Option<String>,
    }
}

/// validator: `required` and `length` on the `Option`, `nested` into the items.
mod validator_model {
    use validator::Validate;

    #[derive(Debug, Validate)]
    pub struct Body {
        #[validate(nested)]
        pub fields: Vec<Field>,
    }

    #[derive(Debug, Validate)]
    pub struct Field {
        #[validate(required, length(min = 1))]
        pub field_name: Option<String>,
        #[validate(required, length(min = 1))]
        pub field_type: Option<String>,
    }
}

/// The floor: what a careful person writes for these rules, stopping at the first problem.
fn floor(body: &ours::Body) -> bool {
    let present = |field: &Option<String>| field.as_deref().is_some_and(|text| !text.is_empty());
    body.fields.iter().all(|field| present(&field.field_name) && present(&field.field_type))
}

/// The two values of item `i`, valid or not.
fn values(i: usize, valid: bool) -> (Option<String>, Option<String>) {
    let name = if !valid && i.is_multiple_of(3) { String::new() } else { format!("field{i}") };
    let kind = if !valid && i.is_multiple_of(5) { None } else { Some("String".to_owned()) };
    (Some(name), kind)
}

/// How many problems the invalid input of `n` items has: one per empty name, one per missing type.
fn problems(n: usize) -> usize {
    (0..n).filter(|i| i.is_multiple_of(3)).count() + (0..n).filter(|i| i.is_multiple_of(5)).count()
}

struct Inputs {
    n: usize,
    valid: bool,
    ours: ours::Body,
    garde: garde_model::Body,
    validator: validator_model::Body,
}

impl Inputs {
    fn new(n: usize, valid: bool) -> Self {
        let items: Vec<_> = (0..n).map(|i| values(i, valid)).collect();
        Inputs {
            n,
            valid,
            ours: ours::Body {
                fields: items
                    .iter()
                    .map(|(name, kind)| ours::Field { field_name: name.clone(), field_type: kind.clone() })
                    .collect(),
            },
            garde: garde_model::Body {
                fields: items
                    .iter()
                    .map(|(name, kind)| garde_model::Field { field_name: name.clone(), field_type: kind.clone() })
                    .collect(),
            },
            validator: validator_model::Body {
                fields: items
                    .iter()
                    .map(|(name, kind)| validator_model::Field { field_name: name.clone(), field_type: kind.clone() })
                    .collect(),
            },
        }
    }

    /// Stops the benchmark unless every system agrees on this input.
    fn check(&self) {
        let label = format!("{} items, {}", self.n, if self.valid { "valid" } else { "invalid" });
        let expected = if self.valid { 0 } else { problems(self.n) };
        let ours = validate_core::Validate::validate(&self.ours).err().map_or(0, |v| v.len());
        assert_eq!(ours, expected, "{label}: ours");
        assert_eq!(floor(&self.ours), self.valid, "{label}: the floor");
        let garde = garde::Validate::validate(&self.garde).err().map_or(0, |report| report.iter().count());
        assert_eq!(garde, expected, "{label}: garde");
        let validator = validator::Validate::validate(&self.validator).err().map_or(0, |errors| count(&errors));
        assert_eq!(validator, expected, "{label}: validator");
    }
}

/// validator's errors, counted through its nested lists.
fn count(errors: &validator::ValidationErrors) -> usize {
    errors
        .errors()
        .values()
        .map(|kind| match kind {
            validator::ValidationErrorsKind::Field(list) => list.len(),
            validator::ValidationErrorsKind::Struct(inner) => count(inner),
            validator::ValidationErrorsKind::List(items) => items.values().map(|inner| count(inner)).sum(),
        })
        .sum()
}

fn main() {
    let (plan, benchmarking) = Plan::from_env(15, 20);
    let inputs: Vec<Inputs> =
        [10, 100].into_iter().flat_map(|n| [Inputs::new(n, true), Inputs::new(n, false)]).collect();
    for input in &inputs {
        input.check();
    }
    eprintln!("every system agrees on {} inputs", inputs.len());
    let mut cases: Vec<Case<'_>> = inputs
        .iter()
        .map(|input| {
            let what = if input.valid { "validate, valid" } else { "validate, invalid" };
            let case = Case::new(what, input.n)
                .with(System::new("ours", || validate_core::Validate::validate(black_box(&input.ours))))
                .with(System::new("garde", || garde::Validate::validate(black_box(&input.garde))))
                .with(System::new("validator", || validator::Validate::validate(black_box(&input.validator))));
            if input.valid { case.with(System::new("floor", || floor(black_box(&input.ours)))) } else { case }
        })
        .collect();
    harness::run(&mut cases, plan, |round| eprint!("\rround {round}/{}", plan.rounds));
    eprintln!();
    if !benchmarking {
        println!("\n> Smoke run (without `--bench`): the figures mean nothing.");
    }
    print!("{}", report(&cases, plan));
}

/// The Markdown report: ours against the floor (valid) and garde (invalid), with the targets.
fn report(cases: &[Case<'_>], plan: Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n### Without `unique`: two `required, length(min = 1)` per item ({} rounds × {} ms)\n",
        plan.rounds,
        plan.slice.as_millis()
    );
    let _ =
        writeln!(out, "| case | items | ours ns | floor ns | garde ns | validator ns | ratio | [q1 – q3] | target |");
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---|---|---|");
    for case in cases {
        let (against, limit) = if case.what.ends_with("invalid") { ("garde", 0.7) } else { ("floor", 1.3) };
        let ratio = case.ratio("ours", against);
        let floor = if against == "floor" { format!("{:.0}", case.median_ns("floor")) } else { String::new() };
        let verdict = if ratio.median <= limit { "✓" } else { "✗" };
        let _ = writeln!(
            out,
            "| {} | {} | {:.0} | {floor} | {:.0} | {:.0} | ours ÷ {against} {:.2} | [{:.2} – {:.2}] | ≤ {limit} {verdict} |",
            case.what,
            case.fields,
            case.median_ns("ours"),
            case.median_ns("garde"),
            case.median_ns("validator"),
            ratio.median,
            ratio.low,
            ratio.high,
        );
    }
    out
}
