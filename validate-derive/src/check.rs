//! Rules across several attributes: contradictions and combinations that cannot work.

use syn::{Expr, Lit};

use crate::ast::Container;
use crate::attr::{Rule, RuleKind};
use crate::ctxt::Ctxt;

/// Reports every contradiction among the rules of the container.
pub fn check(cx: &mut Ctxt, container: &Container<'_>) {
    for field in container.all_fields() {
        if field.serde.skip
            && let Some(first) = field.rules.first()
        {
            cx.error_spanned_by(&first.name, SKIPPED);
        }
        check_rules(cx, &field.rules, Within::Field);
        if container.attrs.context.is_none() {
            without_context(cx, &field.rules, container.ident);
        }
    }
}

/// Said of rules on a field serde never reads (`#[serde(skip)]`, `#[serde(skip_deserializing)]`).
const SKIPPED: &str = "serde never reads this field from a request (`skip`): its rules would check the same default every time, failing every request whatever the client sends, or none; remove them";

/// Reports the arguments that read a context on a type that declares none.
fn without_context(cx: &mut Ctxt, rules: &[Rule], ident: &syn::Ident) {
    for rule in rules {
        let (key, function) = match &rule.kind {
            RuleKind::Nested { context: Some(function) } => ("context", function),
            RuleKind::ReadOnly { stored: Some(function) } => ("stored", function),
            RuleKind::Each(inner) => {
                without_context(cx, inner, ident);
                continue;
            }
            _ => continue,
        };
        let message = format!(
            "`{key} = …` reads this type's context, and `{ident}` has none: declare it on the type with `#[validate(context = Type)]`"
        );
        cx.error_spanned_by(function, message);
    }
}

/// Where a list of rules stands: on a field, or inside `each(…)` or `keys(…)`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Within {
    Field,
    Each,
    Keys,
}

fn check_rules(cx: &mut Ctxt, rules: &[Rule], within: Within) {
    for (i, rule) in rules.iter().enumerate() {
        if rules[..i].iter().any(|earlier| earlier.name == rule.name) {
            cx.error_spanned_by(&rule.name, format!("duplicate rule `{}`; merge its arguments into one", rule.name));
        }
        check_rule(cx, rule, within);
    }
    let has = |name: &str| rules.iter().find(|rule| rule.name == name);
    if has("nested").is_some()
        && let Some(again) = rules.iter().find_map(|rule| match &rule.kind {
            RuleKind::Each(inner) => inner.iter().find(|rule| matches!(rule.kind, RuleKind::Nested { .. })),
            _ => None,
        })
    {
        cx.error_spanned_by(
            &again.name,
            "`nested` already checks every item of a collection; `each(nested)` would check each one twice: keep one",
        );
    }
    if let (Some(_), Some(read_only)) = (has("required"), has("read_only")) {
        cx.error_spanned_by(
            &read_only.name,
            "`required` and `read_only` contradict each other: a client must send the field and must not; keep one",
        );
    }
}

fn check_rule(cx: &mut Ctxt, rule: &Rule, within: Within) {
    let spec = crate::table::find(&rule.name.to_string());
    // Only what checks text stands inside `keys`: the rest is said once, and not looked into.
    if within == Within::Keys
        && let Some(reason) = spec.and_then(|spec| spec.not_on_keys)
    {
        cx.error_spanned_by(&rule.name, format!("`{}` cannot be used inside `keys`: {reason}", rule.name));
        return;
    }
    if let RuleKind::Range { min, max, exclusive_min, exclusive_max } = &rule.kind {
        let bounds = [("min", min), ("max", max), ("exclusive_min", exclusive_min), ("exclusive_max", exclusive_max)];
        for (key, bound) in bounds {
            if let Some(message) = bound.as_ref().and_then(|bound| not_finite(key, bound)) {
                cx.error_spanned_by(bound, message);
            }
        }
    }
    match &rule.kind {
        _ if within == Within::Each && spec.is_some_and(|spec| spec.presence) => {
            let message = format!("`{}` checks whether a field is present; it cannot be used inside `each`", rule.name);
            cx.error_spanned_by(&rule.name, message);
        }
        RuleKind::Length { min: Some(min), max: Some(max), .. }
        | RuleKind::Range { min: Some(min), max: Some(max), .. } => {
            if let (Some(low), Some(high)) = (literal_number(min), literal_number(max))
                && low > high
            {
                cx.error_spanned_by(min, format!("`min` is greater than `max`: no value can pass `{}`", rule.name));
            }
        }
        RuleKind::Each(inner) => check_rules(cx, inner, Within::Each),
        RuleKind::Keys(inner) => check_rules(cx, inner, Within::Keys),
        RuleKind::Pattern(pattern) => {
            // The runtime compiles the same text with the same regex version, so it cannot fail there.
            if let Err(reason) = compiles(&pattern.value()) {
                cx.error_spanned_by(pattern, format!("invalid regular expression: {reason}"));
            }
        }
        _ => {}
    }
}

/// Whether `pattern` compiles; why not, on one line.
///
/// Every use of a pattern is compiled here, even one shared by many types: remembering the patterns
/// that compiled saved 2–4 % of a cold build of 50 types sharing one (554 vs 582 ms CPU; 0.96–0.98
/// in three runs of `EXPERIMENT=cache benches/compile-time/tricks.sh`, 2026-11-30), too little to keep.
fn compiles(pattern: &str) -> Result<(), String> {
    regex::Regex::new(pattern).map(drop).map_err(|error| regex_reason(&error))
}

/// The reason alone, on one line, as the house style wants: regex's own text spreads over several
/// lines, repeating the pattern, and the caret of the error is under the pattern already.
fn regex_reason(error: &regex::Error) -> String {
    let text = error.to_string();
    let reason = text.lines().rev().find_map(|line| line.trim().strip_prefix("error: "));
    reason.map_or_else(|| lowercase_first(text.trim().trim_end_matches('.')), str::to_owned)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// Why a bound of `range` is NaN or infinite, when it is written as one: `f64::NAN`, `f32::INFINITY`,
/// `-f64::INFINITY`, `f64::NEG_INFINITY`, `1.0 / 0.0`.
fn not_finite(key: &str, bound: &Expr) -> Option<String> {
    let nan = || {
        format!(
            "`{key}` is NaN, and no number compares with NaN: this bound would let every value through; give a number"
        )
    };
    let infinite =
        || format!("`{key}` is infinite: a bound must be a finite number; to leave this side open, remove `{key}`");
    match bound {
        Expr::Path(path) if path.qself.is_none() => {
            let segments: Vec<String> = path.path.segments.iter().map(|segment| segment.ident.to_string()).collect();
            match segments.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                [.., "f32" | "f64", "NAN"] => Some(nan()),
                [.., "f32" | "f64", "INFINITY" | "NEG_INFINITY"] => Some(infinite()),
                _ => None,
            }
        }
        Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Neg(_)) => not_finite(key, &unary.expr),
        Expr::Paren(inner) => not_finite(key, &inner.expr),
        Expr::Binary(binary) if matches!(binary.op, syn::BinOp::Div(_)) => {
            // `0.0 / 0.0` is NaN; any other number over zero, infinite.
            match (literal_number(&binary.left), literal_number(&binary.right)) {
                (Some(0.0), Some(0.0)) => Some(nan()),
                (Some(_), Some(0.0)) => Some(infinite()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The value of a numeric literal, possibly negated, to compare bounds written as literals.
fn literal_number(expr: &Expr) -> Option<f64> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => int.base10_digits().parse().ok(),
            Lit::Float(float) => float.base10_digits().parse().ok(),
            _ => None,
        },
        Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Neg(_)) => literal_number(&unary.expr).map(|n| -n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_written_as_nan_or_infinity_are_found() {
        let kind = |bound: &str| {
            let message = not_finite("max", &syn::parse_str(bound).unwrap());
            message.map(|message| if message.contains("NaN") { "nan" } else { "infinite" })
        };
        for bound in ["f64::NAN", "f32::NAN", "core::f64::NAN", "0.0 / 0.0", "(-f64::NAN)"] {
            assert_eq!(kind(bound), Some("nan"), "{bound}");
        }
        for bound in ["f64::INFINITY", "-f32::INFINITY", "f64::NEG_INFINITY", "1.0 / 0.0", "-1e9 / 0.0"] {
            assert_eq!(kind(bound), Some("infinite"), "{bound}");
        }
        for bound in ["f64::MAX", "1.0 / 2.0", "MAX", "ctx.max", "1e300"] {
            assert_eq!(kind(bound), None, "{bound}");
        }
    }

    #[test]
    fn regex_errors_read_as_one_line() {
        let reason = |pattern: &str| regex::Regex::new(pattern).map_err(|error| regex_reason(&error)).err();
        assert_eq!(reason("(").as_deref(), Some("unclosed group"));
        assert_eq!(reason("^[a-z+$").as_deref(), Some("unclosed character class"));
        assert_eq!(reason("a{2,1}").as_deref(), Some("invalid repetition count range, the start must be <= the end"));
        assert_eq!(reason("^[a-z]+$"), None);
    }
}
