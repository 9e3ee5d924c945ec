//! Every rule alone, against the plain Rust a careful person would write for that one check (no
//! error reporting): performance.md's "a floor per rule". Each rule sits on three fields of an
//! item (plain, `Option`, `Box`; or the one shape the rule takes), items in a `Vec` under
//! `nested`, at 1, 10 and 100 items; the floor loops over the same items with the same check.
//!
//! ```text
//! cargo bench -p validate-benches --bench rules
//! VALIDATE_BENCH_ROUNDS=30 VALIDATE_BENCH_SLICE_MS=10 cargo bench -p validate-benches --bench rules
//! VALIDATE_BENCH_ONLY=format cargo bench -p validate-benches --bench rules   # the rules whose label holds "format"
//! ```
//!
//! Before timing, every case is checked: the valid input passes both, the invalid one fails both,
//! ours with exactly one violation per checked field. Run without `--bench` (as
//! `cargo test --all-targets` does), it checks and runs one short round.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::LazyLock;

use validate_benches::harness::{self, Case, Plan, System, as_f64};
use validate_benches::predicates;
use validate_core::{RuleError, Validate};

/// The sizes of performance.md.
const SIZES: [usize; 3] = [1, 10, 100];

/// What one rule's module gives the runner.
struct Rule {
    /// The rule as written in the attribute.
    label: &'static str,
    /// How many fields of an item the rule checks (the floor checks as many).
    checks: usize,
    /// `validate()` on `n` items, valid or not: the number of violations.
    ours: fn(&Bodies) -> Result<(), validate_core::Violations>,
    /// The floor on the same items.
    floor: fn(&Bodies) -> bool,
    /// The items, valid or not.
    make: fn(usize, bool) -> Bodies,
}

/// A rule's body, type-erased so that the runner holds every rule's in one list.
type Bodies = Box<dyn std::any::Any>;

/// A rule on three fields (plain, `Option`, `Box`) of a value type, with its floor.
macro_rules! rule {
    ($module:ident, $label:literal, $ty:ty, [$($rule:tt)*], valid: $valid:expr, invalid: $invalid:expr, floor: $floor:expr) => {
        mod $module {
            use super::*;

            #[derive(Validate)]
            pub struct Item {
                #[validate($($rule)*)]
                plain: $ty,
                #[validate($($rule)*)]
                option: Option<$ty>,
                #[validate($($rule)*)]
                boxed: Box<$ty>,
            }

            #[derive(Validate)]
            pub struct Body {
                #[validate(nested)]
                items: Vec<Item>,
            }

            #[allow(clippy::ref_option, clippy::borrowed_box, reason = "the field's own type, as a caller holds it")]
            fn check(value: &$ty) -> bool {
                let floor: fn(&$ty) -> bool = $floor;
                floor(value)
            }

            fn floor(body: &Body) -> bool {
                body.items.iter().all(|item| {
                    check(&item.plain) && item.option.as_ref().is_none_or(check) && check(&item.boxed)
                })
            }

            fn make(n: usize, valid: bool) -> Body {
                let value = || -> $ty { if valid { $valid } else { $invalid } };
                let items = (0..n)
                    .map(|_| Item { plain: value(), option: Some(value()), boxed: Box::new(value()) })
                    .collect();
                Body { items }
            }

            pub const RULE: Rule = Rule {
                label: $label,
                checks: 3,
                ours: |body| body.downcast_ref::<Body>().map_or(Ok(()), Validate::validate),
                floor: |body| body.downcast_ref::<Body>().is_some_and(floor),
                make: |n, valid| Box::new(make(n, valid)),
            };
        }
    };
}

rule!(non_empty, "non_empty", String, [non_empty], valid: "hub".into(), invalid: " ".into(),
    floor: |s| !s.trim().is_empty());
rule!(length, "length(min = 1, max = 64)", String, [length(min = 1, max = 64)],
    valid: "profileName".into(), invalid: String::new(),
    floor: |s| (1..=64).contains(&s.len()) || (1..=64).contains(&s.chars().count()));
rule!(length_equal, "length(equal = 2)", String, [length(equal = 2)], valid: "de".into(), invalid: "deu".into(),
    floor: |s| s.chars().count() == 2);
rule!(range, "range(min = 1, max = 100)", u32, [range(min = 1, max = 100)], valid: 50, invalid: 0,
    floor: |n| (1..=100).contains(n));
rule!(range_exclusive, "range(exclusive_min = 0.0, max = 1.0)", f64, [range(exclusive_min = 0.0, max = 1.0)],
    valid: 0.5, invalid: 0.0, floor: |x| *x > 0.0 && *x <= 1.0);
rule!(pattern, "pattern(\"^[a-zA-Z][a-zA-Z0-9_]+$\")", String, [pattern("^[a-zA-Z][a-zA-Z0-9_]+$")],
    valid: "profile_1".into(), invalid: "1profile".into(),
    floor: |s| NAME.is_match(s));
rule!(contains, "contains(\"@\")", String, [contains("@")], valid: "a@b".into(), invalid: "ab".into(),
    floor: |s| s.contains('@'));
rule!(prefix, "prefix(\"/subscriptions/\")", String, [prefix("/subscriptions/")],
    valid: "/subscriptions/x".into(), invalid: "/x".into(), floor: |s| s.starts_with("/subscriptions/"));
rule!(suffix, "suffix(\"-id\")", String, [suffix("-id")], valid: "tenant-id".into(), invalid: "tenant".into(),
    floor: |s| s.ends_with("-id"));
rule!(not_containing, "not_containing(\"<>%&:\\\\?/\")", String, [not_containing("<>%&:\\?/")],
    valid: "relationship-name_1".into(), invalid: "a/b".into(),
    floor: |s| !s.contains(['<', '>', '%', '&', ':', '\\', '?', '/']));
rule!(no_control_chars, "no_control_chars", String, [no_control_chars], valid: "relationship name".into(),
    invalid: "a\tb".into(), floor: |s| !s.chars().any(char::is_control));
rule!(one_of, "one_of(\"OneToOne\", \"OneToMany\", \"ManyToMany\")", String,
    [one_of("OneToOne", "OneToMany", "ManyToMany")], valid: "ManyToMany".into(), invalid: "manytomany".into(),
    floor: |s| matches!(s.as_str(), "OneToOne" | "OneToMany" | "ManyToMany"));
rule!(format_uuid, "format(uuid)", String, [format(uuid)], valid: "6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b".into(),
    invalid: "6e0b3a2c".into(), floor: |s| is_guid(s));
rule!(format_date_time, "format(date_time)", String, [format(date_time)], valid: "2027-06-30T23:59:59Z".into(),
    invalid: "2027-02-30T00:00:00Z".into(), floor: |s| predicates::is_date_time(s));
rule!(custom, "custom(f)", u32, [custom(even)], valid: 2, invalid: 3, floor: |n| n.is_multiple_of(2));

/// What a careful person writes for a pattern: the regex, compiled once.
static NAME: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new("^[a-zA-Z][a-zA-Z0-9_]+$").expect("a valid pattern"));

/// `8-4-4-4-12` hexadecimal digits by hand.
fn is_guid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| if matches!(i, 8 | 13 | 18 | 23) { *b == b'-' } else { b.is_ascii_hexdigit() })
}

/// `custom`'s function: what the floor's check is, with an error to report.
// A rule's function takes the field by reference, whatever its type.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn even(value: &u32) -> Result<(), RuleError> {
    if value.is_multiple_of(2) { Ok(()) } else { Err(RuleError::new("NotEven", "The value must be even.")) }
}

fn main() {
    let (plan, benchmarking) = Plan::from_env(15, 10);
    let only = std::env::var("VALIDATE_BENCH_ONLY").unwrap_or_default();
    let rules: Vec<Rule> = rules().into_iter().filter(|rule| rule.label.contains(only.as_str())).collect();
    let bodies: Vec<Vec<(usize, Bodies, Bodies)>> = rules
        .iter()
        .map(|rule| SIZES.iter().map(|&n| (n, (rule.make)(n, true), (rule.make)(n, false))).collect())
        .collect();
    for (rule, sizes) in rules.iter().zip(&bodies) {
        for (n, valid, invalid) in sizes {
            check(rule, *n, valid, invalid);
        }
    }
    eprintln!("ours and the floor agree on every rule");

    let mut cases = Vec::new();
    for (rule, sizes) in rules.iter().zip(&bodies) {
        for (n, valid, invalid) in sizes {
            cases.push(
                Case::new(rule.label, *n)
                    .with(System::new("ours", || (rule.ours)(black_box(valid))))
                    .with(System::new("floor", || (rule.floor)(black_box(valid))))
                    .with(System::new("ours, invalid", || (rule.ours)(black_box(invalid)))),
            );
        }
    }
    harness::run(&mut cases, plan, |round| eprint!("\rround {round}/{}", plan.rounds));
    eprintln!();
    if !benchmarking {
        println!("\n> Smoke run (without `--bench`): the figures mean nothing.");
    }
    print!("{}", report(&rules, &cases, plan));
}

fn rules() -> Vec<Rule> {
    vec![
        shapes::REQUIRED,
        non_empty::RULE,
        length::RULE,
        length_equal::RULE,
        range::RULE,
        range_exclusive::RULE,
        pattern::RULE,
        contains::RULE,
        prefix::RULE,
        suffix::RULE,
        not_containing::RULE,
        no_control_chars::RULE,
        one_of::RULE,
        format_uuid::RULE,
        format_date_time::RULE,
        shapes::LOCALIZED,
        shapes::UNIQUE,
        shapes::UNIQUE_IGNORE_CASE,
        shapes::EACH,
        shapes::NESTED,
        shapes::READ_ONLY,
        custom::RULE,
    ]
}

/// The rules that take one shape of value: a map, a list, a nested type, an absent value.
mod shapes {
    use super::{BTreeMap, Rule, Validate, predicates};

    /// A rule on one field of an item, with its floor.
    macro_rules! shaped {
        ($name:ident, $module:ident, $label:literal, $ty:ty, [$($rule:tt)*], valid: $valid:expr, invalid: $invalid:expr, floor: $floor:expr) => {
            mod $module {
                use super::*;

                #[derive(Validate)]
                pub struct Item {
                    #[validate($($rule)*)]
                    value: $ty,
                }

                #[derive(Validate)]
                pub struct Body {
                    #[validate(nested)]
                    items: Vec<Item>,
                }

                fn floor(body: &Body) -> bool {
                    let check: fn(&$ty) -> bool = $floor;
                    body.items.iter().all(|item| check(&item.value))
                }

                pub const RULE: Rule = Rule {
                    label: $label,
                    checks: 1,
                    ours: |body| body.downcast_ref::<Body>().map_or(Ok(()), Validate::validate),
                    floor: |body| body.downcast_ref::<Body>().is_some_and(floor),
                    make: |n, valid| {
                        let value = || -> $ty { if valid { $valid } else { $invalid } };
                        Box::new(Body { items: (0..n).map(|_| Item { value: value() }).collect() })
                    },
                };
            }
            pub const $name: Rule = $module::RULE;
        };
    }

    /// A nested type with no rules: what `nested` costs by itself.
    #[derive(Validate)]
    pub struct Leaf;

    shaped!(LOCALIZED, localized, "localized (2 entries)", BTreeMap<String, String>, [localized],
        valid: BTreeMap::from([("en-us".into(), "Customer".into()), ("de".into(), "Kunde".into())]),
        invalid: BTreeMap::from([("en-us".into(), "Customer".into()), ("de".into(), " ".into())]),
        floor: |map| predicates::is_localized(map.iter()));
    shaped!(UNIQUE, unique, "unique (8 numbers)", Vec<u32>, [unique], valid: (0..8).collect(),
        invalid: vec![0, 1, 2, 3, 4, 5, 6, 0],
        floor: |items| items.iter().enumerate().all(|(i, a)| !items[..i].contains(a)));
    shaped!(UNIQUE_IGNORE_CASE, unique_ignore_case, "unique(ignore_case) (8 names)", Vec<String>, [unique(ignore_case)],
        valid: (0..8).map(|i| format!("fieldName{i}")).collect(),
        invalid: (0..8).map(|i| format!("fieldName{}", i % 7)).collect(),
        floor: |items| !predicates::has_repeat_ignoring_case(items, String::as_str));
    shaped!(EACH, each, "each(range(max = 100)) (8 numbers)", Vec<u32>, [each(range(max = 100))],
        valid: (0..8).collect(), invalid: vec![0, 1, 2, 3, 4, 5, 6, 101],
        floor: |items| items.iter().all(|n| *n <= 100));
    shaped!(NESTED, nested, "nested (no rules inside)", Leaf, [nested], valid: Leaf, invalid: Leaf,
        floor: |_| true);
    shaped!(REQUIRED, required, "required", Option<u32>, [required], valid: Some(1), invalid: None,
        floor: Option::is_some);
    shaped!(READ_ONLY, read_only, "read_only", Option<String>, [read_only], valid: None, invalid: Some("x".into()),
        floor: Option::is_none);
}

/// Stops the benchmark unless ours and the floor agree on both inputs of a rule.
fn check(rule: &Rule, n: usize, valid: &Bodies, invalid: &Bodies) {
    let label = rule.label;
    assert!((rule.ours)(valid).is_ok(), "{label} × {n}: ours refused the valid items");
    assert!((rule.floor)(valid), "{label} × {n}: the floor refused the valid items");
    // `nested` with no rules inside has no invalid input.
    if rule.label.starts_with("nested") {
        return;
    }
    assert!(!(rule.floor)(invalid), "{label} × {n}: the floor passed the invalid items");
    let found = (rule.ours)(invalid).err().map_or(0, |violations| violations.len());
    assert_eq!(found, n * rule.checks, "{label} × {n}: one violation per checked field");
}

/// The Markdown report: per rule, ours ÷ the floor on valid input at each size, ns per check at
/// 100 items, and the failure path's ns per violation.
fn report(rules: &[Rule], cases: &[Case<'_>], plan: Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n### Each rule against its hand-written check ({} rounds × {} ms; medians of per-round ratios)\n",
        plan.rounds,
        plan.slice.as_millis()
    );
    let _ = writeln!(
        out,
        "| rule | valid ÷ floor, 1 | 10 | 100 | ns per check at 100: ours | floor | invalid: ns per violation at 100 |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    for rule in rules {
        let of = |n: usize| cases.iter().find(|case| case.what == rule.label && case.fields == n);
        let ratios: Vec<String> = SIZES
            .iter()
            .map(|&n| of(n).map_or(String::new(), |case| format!("{:.2}", case.ratio("ours", "floor").median)))
            .collect();
        let Some(large) = of(100) else { continue };
        let checks = as_f64(100 * rule.checks);
        let has_invalid = !rule.label.starts_with("nested");
        let per_violation =
            if has_invalid { format!("{:.1}", large.median_ns("ours, invalid") / checks) } else { "—".to_owned() };
        let _ = writeln!(
            out,
            "| `{}` | {} | {:.2} | {:.2} | {per_violation} |",
            rule.label,
            ratios.join(" | "),
            large.median_ns("ours") / checks,
            large.median_ns("floor") / checks,
        );
    }
    out
}
