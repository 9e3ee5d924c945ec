//! `#[schemars(…)]` beside `#[validate(…)]` on a field. schemars writes the validation items of its
//! own attribute (`length`, `range`, `pattern`, `regex`, `contains`, `required`, `email`, `url`,
//! `ip`, `ipv4`, `ipv6`, `inner`) into the schema, and `validate_core::schema::apply` writes the
//! rules of `#[validate]`. An item that `#[validate]` does not say in the same words would make the
//! schema promise what the model does not check, or the reverse: each is a mistake, reported
//! under the item.

use proc_macro2::Group;
use quote::ToTokens;
use syn::{Attribute, Expr, Ident, Lit};

use crate::args::{self, Arg, text};
use crate::ast::{Container, Data};
use crate::attr::{Format, Rule, RuleKind};
use crate::ctxt::Ctxt;

/// A validation item of `#[schemars(…)]`, as schemars reads it.
enum Item {
    /// `length(min = …, max = …, equal = …)`
    Length([Option<Expr>; 3]),
    /// `range(min = …, max = …)`
    Range([Option<Expr>; 2]),
    /// `pattern(…)`, `regex(pattern = …)`
    Pattern(Expr),
    /// `contains(…)`, `contains(pattern = …)`
    Contains(Expr),
    /// `required`
    Required,
    /// `email`, `url`, `ip`, `ipv4`, `ipv6`
    Format,
    /// `inner(…)`: items on the items of an array.
    Inner(Vec<(Ident, Item, String)>),
}

/// Reports every validation item of `#[schemars(…)]` on the fields of `input` that the field's
/// `#[validate]` does not say alike.
pub fn check(cx: &mut Ctxt, input: &syn::DeriveInput, container: &Container<'_>) {
    let fields: Vec<&syn::Field> = match &input.data {
        syn::Data::Struct(data) => data.fields.iter().collect(),
        syn::Data::Enum(data) => data.variants.iter().flat_map(|variant| &variant.fields).collect(),
        syn::Data::Union(_) => return,
    };
    let rules: Vec<&[Rule]> = match &container.data {
        Data::Struct(fields) => fields.iter().map(|field| field.rules.as_slice()).collect(),
        Data::Enum(variants) => {
            variants.iter().flat_map(|variant| &variant.fields).map(|field| field.rules.as_slice()).collect()
        }
    };
    for (field, rules) in fields.iter().zip(rules) {
        let items = items_of(&field.attrs);
        compare(cx, &items, rules);
    }
}

/// The validation items of the `#[schemars(…)]` attributes; what does not read is left to
/// schemars to report.
fn items_of(attrs: &[Attribute]) -> Vec<(Ident, Item, String)> {
    let mut found = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("schemars")) {
        let Ok(list) = attr.meta.require_list() else { continue };
        let Ok(list) = args::parse_attr(list) else { continue };
        found.extend(list.iter().filter_map(item));
    }
    found
}

/// One item, with its name and its text as written.
fn item(arg: &Arg) -> Option<(Ident, Item, String)> {
    let (name, item) = match arg {
        Arg::Path(path) => {
            let name = path.get_ident()?.clone();
            let item = match name.to_string().as_str() {
                "required" => Item::Required,
                "email" | "url" | "ip" | "ipv4" | "ipv6" => Item::Format,
                _ => return None,
            };
            (name, item)
        }
        Arg::List { name, parens } => {
            let item = match name.to_string().as_str() {
                "length" => {
                    let mut bounds = named(parens, &["min", "max", "equal"]);
                    Item::Length([bounds.remove(0), bounds.remove(0), bounds.remove(0)])
                }
                "range" => {
                    let mut bounds = named(parens, &["min", "max"]);
                    Item::Range([bounds.remove(0), bounds.remove(0)])
                }
                "regex" => Item::Pattern(named(parens, &["pattern"]).remove(0)?),
                "pattern" => Item::Pattern(syn::parse2(parens.stream()).ok()?),
                "contains" => {
                    Item::Contains(syn::parse2(parens.stream()).ok().or_else(|| named(parens, &["pattern"]).remove(0))?)
                }
                "inner" => Item::Inner(args::parse_group(parens).ok()?.iter().filter_map(item).collect()),
                _ => return None,
            };
            (name.clone(), item)
        }
        Arg::Lit(_) | Arg::Named { .. } => return None,
    };
    Some((name, item, show(arg)))
}

/// An argument as `#[validate]` is written: `length(max = 5)`.
fn show(arg: &Arg) -> String {
    match arg {
        Arg::Path(path) => text(path),
        Arg::Lit(lit) => text(lit),
        Arg::Named { name, value } => format!("{name} = {}", text(value)),
        Arg::List { name, parens } => match args::parse_group(parens) {
            Ok(inner) => format!("{name}({})", inner.iter().map(show).collect::<Vec<_>>().join(", ")),
            Err(_) => format!("{name}({})", text(&parens.stream())),
        },
    }
}

/// The values of the `key = value` arguments inside `parens`, one per key asked for.
fn named(parens: &Group, keys: &[&str]) -> Vec<Option<Expr>> {
    let list = args::parse_group(parens).unwrap_or_default();
    keys.iter()
        .map(|key| {
            list.iter().find_map(|arg| match arg {
                Arg::Named { name, value } if name == key => Some(value.clone()),
                _ => None,
            })
        })
        .collect()
}

fn compare(cx: &mut Ctxt, items: &[(Ident, Item, String)], rules: &[Rule]) {
    for (name, item, written) in items {
        let mut spoken = None;
        let agrees = match item {
            Item::Length(theirs) => rules.iter().any(|rule| match &rule.kind {
                RuleKind::Length { min, max, equal } => {
                    spoken = Some(rule_text(rule));
                    same(theirs, &[min.clone(), max.clone(), equal.clone()])
                }
                _ => false,
            }),
            Item::Range(theirs) => rules.iter().any(|rule| match &rule.kind {
                RuleKind::Range { min, max, exclusive_min, exclusive_max } => {
                    spoken = Some(rule_text(rule));
                    exclusive_min.is_none() && exclusive_max.is_none() && same(theirs, &[min.clone(), max.clone()])
                }
                _ => false,
            }),
            Item::Pattern(theirs) => rules.iter().any(|rule| match &rule.kind {
                RuleKind::Pattern(ours) => {
                    spoken = Some(rule_text(rule));
                    same_text(theirs, &ours.value())
                }
                _ => false,
            }),
            Item::Contains(theirs) => rules.iter().any(|rule| match &rule.kind {
                RuleKind::Part(ours) if rule.name == "contains" => {
                    spoken = Some(rule_text(rule));
                    same_text(theirs, &ours.value())
                }
                _ => false,
            }),
            Item::Required => rules.iter().any(|rule| matches!(rule.kind, RuleKind::Required)),
            Item::Format => rules.iter().any(|rule| match rule.kind {
                RuleKind::Format(format) => schemars_format(format) == Some(name.to_string().as_str()),
                _ => false,
            }),
            Item::Inner(inner) => match rules.iter().find(|rule| matches!(rule.kind, RuleKind::Each(_))) {
                Some(Rule { kind: RuleKind::Each(each), .. }) => {
                    compare(cx, inner, each);
                    true
                }
                _ => false,
            },
        };
        if !agrees {
            cx.syn_error(syn::Error::new(name.span(), disagreement(written, spoken.as_deref())));
        }
    }
}

/// The name schemars gives the item for a format of `format(…)`, when it has one.
fn schemars_format(format: Format) -> Option<&'static str> {
    match format {
        Format::Uri => Some("url"),
        Format::Email => Some("email"),
        Format::Ip => Some("ip"),
        Format::Ipv4 => Some("ipv4"),
        Format::Ipv6 => Some("ipv6"),
        Format::Uuid
        | Format::DateTime
        | Format::Date
        | Format::Duration
        | Format::DateTimeRfc1123
        | Format::ArmId
        | Format::Base64
        | Format::Base64Url => None,
    }
}

fn disagreement(theirs: &str, ours: Option<&str>) -> String {
    match ours {
        Some(ours) => format!(
            "`#[schemars({theirs})]` and `#[validate({ours})]` disagree: the schema would not say what the model checks; remove the `#[schemars]` item: the schema reads `#[validate]`"
        ),
        None => format!(
            "`#[schemars({theirs})]` puts a rule in the schema that `#[validate]` does not check on this field; write it as a rule of `#[validate(…)]` instead, which the schema reads too"
        ),
    }
}

/// Whether each bound is given on both sides alike, or on neither.
fn same(theirs: &[Option<Expr>], ours: &[Option<Expr>]) -> bool {
    theirs.iter().zip(ours).all(|pair| match pair {
        (Some(theirs), Some(ours)) => same_expr(theirs, ours),
        (None, None) => true,
        _ => false,
    })
}

/// Two expressions alike, a string literal (as schemars reads `max = "5"`) by what it holds.
fn same_expr(theirs: &Expr, ours: &Expr) -> bool {
    let unquoted = |expr: &Expr| match expr {
        Expr::Lit(syn::ExprLit { lit: Lit::Str(text), .. }) => text.value().replace(' ', ""),
        other => text(other),
    };
    unquoted(theirs) == unquoted(ours)
}

/// Whether `theirs` is the string literal `ours`.
fn same_text(theirs: &Expr, ours: &str) -> bool {
    matches!(theirs, Expr::Lit(syn::ExprLit { lit: Lit::Str(text), .. }) if text.value() == ours)
}

/// Our rule as written, for the message.
fn rule_text(rule: &Rule) -> String {
    let name = &rule.name;
    let arguments = match &rule.kind {
        RuleKind::Length { min, max, equal } => bounds(&[("min", min), ("max", max), ("equal", equal)]),
        RuleKind::Range { min, max, exclusive_min, exclusive_max } => {
            bounds(&[("min", min), ("max", max), ("exclusive_min", exclusive_min), ("exclusive_max", exclusive_max)])
        }
        RuleKind::Pattern(text) | RuleKind::Part(text) => text.to_token_stream().to_string(),
        _ => String::new(),
    };
    format!("{name}({arguments})")
}

fn bounds(bounds: &[(&str, &Option<Expr>)]) -> String {
    let given = bounds.iter().filter_map(|(key, bound)| bound.as_ref().map(|bound| format!("{key} = {}", text(bound))));
    given.collect::<Vec<_>>().join(", ")
}
