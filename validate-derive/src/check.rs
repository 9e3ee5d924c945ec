//! Rules across several attributes: contradictions and combinations that cannot work.

use syn::{Expr, Lit};

use crate::ast::Container;
use crate::attr::{Rule, RuleKind};
use crate::ctxt::Ctxt;

/// Reports every contradiction among the rules of the container.
pub fn check(cx: &mut Ctxt, container: &Container<'_>) {
    for field in container.all_fields() {
        check_rules(cx, &field.rules, false);
        if container.attrs.context.is_none() {
            without_context(cx, &field.rules, container.ident);
        }
    }
}

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

fn check_rules(cx: &mut Ctxt, rules: &[Rule], inside_each: bool) {
    for (i, rule) in rules.iter().enumerate() {
        if rules[..i].iter().any(|earlier| earlier.name == rule.name) {
            cx.error_spanned_by(&rule.name, format!("duplicate rule `{}`; merge its arguments into one", rule.name));
        }
        check_rule(cx, rule, inside_each);
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

fn check_rule(cx: &mut Ctxt, rule: &Rule, inside_each: bool) {
    match &rule.kind {
        _ if inside_each && crate::table::find(&rule.name.to_string()).is_some_and(|spec| spec.presence) => {
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
        RuleKind::Each(inner) => check_rules(cx, inner, true),
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
    fn regex_errors_read_as_one_line() {
        let reason = |pattern: &str| regex::Regex::new(pattern).map_err(|error| regex_reason(&error)).err();
        assert_eq!(reason("(").as_deref(), Some("unclosed group"));
        assert_eq!(reason("^[a-z+$").as_deref(), Some("unclosed character class"));
        assert_eq!(reason("a{2,1}").as_deref(), Some("invalid repetition count range, the start must be <= the end"));
        assert_eq!(reason("^[a-z]+$"), None);
    }
}
