//! Rules across several attributes: contradictions and combinations that cannot work.

use syn::{Expr, Lit};

use crate::ast::Container;
use crate::attr::{Rule, RuleKind};
use crate::ctxt::Ctxt;

/// Reports every contradiction among the rules of the container.
pub fn check(cx: &mut Ctxt, container: &Container<'_>) {
    for field in container.all_fields() {
        check_rules(cx, &field.rules, false);
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
    if let (Some(_), Some(read_only)) = (has("required"), has("read_only")) {
        cx.error_spanned_by(&read_only.name, "`required` and `read_only` contradict each other: a client must send the field and must not");
    }
}

fn check_rule(cx: &mut Ctxt, rule: &Rule, inside_each: bool) {
    match &rule.kind {
        RuleKind::Required | RuleKind::ReadOnly if inside_each => {
            let message = format!("`{}` checks whether a field is present; it cannot be used inside `each`", rule.name);
            cx.error_spanned_by(&rule.name, message);
        }
        RuleKind::Nested if rule.code.is_some() || rule.message.is_some() => {
            let token = rule.code.as_ref().or(rule.message.as_ref());
            cx.error_spanned_by(token, "`nested` takes no `code` or `message`: the nested type's rules give their own");
        }
        RuleKind::Length { min: Some(min), max: Some(max) } | RuleKind::Range { min: Some(min), max: Some(max) } => {
            if let (Some(low), Some(high)) = (literal_number(min), literal_number(max)) {
                if low > high {
                    cx.error_spanned_by(min, format!("`min` is greater than `max`: no value can pass `{}`", rule.name));
                }
            }
        }
        RuleKind::Each(inner) => check_rules(cx, inner, true),
        RuleKind::Pattern(pattern) => {
            // The runtime compiles the same text with the same regex version, so it cannot fail there.
            if let Err(error) = regex::Regex::new(&pattern.value()) {
                cx.error_spanned_by(pattern, format!("invalid regular expression: {error}"));
            }
        }
        _ => {}
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
