//! `#[validate(…)]` on fields and containers, read into rules.

use proc_macro2::{Group, Span};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, LitStr};

use crate::args::{self, Arg, arg_name};
use crate::ctxt::Ctxt;
use crate::reader::{Reader, needs_function};
use crate::serde_attr::Side;
use crate::suggest::{closest, did_you_mean};

use crate::table::NAMES as RULES;

/// One rule on a field, with the code and message that replace its own.
pub struct Rule {
    pub kind: RuleKind,
    /// The rule's name as written, for spans and messages.
    pub name: Ident,
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
}

pub enum RuleKind {
    Required,
    NonEmpty,
    Length {
        min: Option<Expr>,
        max: Option<Expr>,
        /// `length(equal = N)`, which stands alone.
        equal: Option<Expr>,
    },
    Range {
        min: Option<Expr>,
        max: Option<Expr>,
        /// `exclusive_min = …` and `exclusive_max = …`, each instead of its inclusive bound.
        exclusive_min: Option<Expr>,
        exclusive_max: Option<Expr>,
    },
    Pattern(LitStr),
    /// `contains`, `prefix`, `suffix` or `not_containing` (the rule's name says which): the text
    /// to look for, or the characters to refuse.
    Part(LitStr),
    NoControlChars,
    OneOf(Vec<LitStr>),
    Format(Format),
    Localized,
    /// `nested`, or `nested(context = f)`: `f` gives the nested type's context from this type's.
    Nested {
        context: Option<syn::Path>,
    },
    Each(Vec<Rule>),
    /// `keys(rule, …)`: rules on every key of a map.
    Keys(Vec<Rule>),
    Unique {
        by: Option<Ident>,
        ignore_case: bool,
    },
    /// `read_only`, or `read_only(stored = f)`: `f` gives the stored value from the context.
    ReadOnly {
        stored: Option<syn::Path>,
    },
    Custom(syn::Path),
}

/// A named format; its keyword is also the name of its function in the runtime's
/// `rules::format`.
#[derive(Clone, Copy)]
pub enum Format {
    Uuid,
    DateTime,
    Date,
    Duration,
    DateTimeRfc1123,
    Uri,
    ArmId,
    Email,
    Ip,
    Ipv4,
    Ipv6,
    Base64,
    Base64Url,
}

impl Format {
    /// Every format, in the order messages list them.
    const ALL: [Format; 13] = [
        Format::Uuid,
        Format::DateTime,
        Format::Date,
        Format::Duration,
        Format::DateTimeRfc1123,
        Format::Uri,
        Format::ArmId,
        Format::Email,
        Format::Ip,
        Format::Ipv4,
        Format::Ipv6,
        Format::Base64,
        Format::Base64Url,
    ];

    /// `format(keyword)`.
    pub fn keyword(self) -> &'static str {
        match self {
            Format::Uuid => "uuid",
            Format::DateTime => "date_time",
            Format::Date => "date",
            Format::Duration => "duration",
            Format::DateTimeRfc1123 => "date_time_rfc1123",
            Format::Uri => "uri",
            Format::ArmId => "arm_id",
            Format::Email => "email",
            Format::Ip => "ip",
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
            Format::Base64 => "base64",
            Format::Base64Url => "base64url",
        }
    }
}

/// What `#[validate(…)]` says about one field.
#[derive(Default)]
pub struct FieldAttrs {
    pub rules: Vec<Rule>,
    /// `#[validate(rename = "…")]`: the wire name of a field of a type without serde.
    pub rename: Option<LitStr>,
}

/// A container check: `#[validate(check(path::to::function))]`.
pub struct Check {
    pub function: syn::Path,
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
}

/// What `#[validate(…)]` says about a struct or enum.
#[derive(Default)]
pub struct ContainerAttrs {
    pub checks: Vec<Check>,
    /// `#[validate(context = Type)]`: what the rules need from outside the value.
    pub context: Option<syn::Type>,
    /// `#[validate(serialize_names)]`: targets name fields as serde writes them.
    pub serialize_names: bool,
    /// `#[validate(bound = "…")]`: the where clause to use instead of the one the rules imply.
    pub bound: Option<Vec<syn::WherePredicate>>,
}

impl ContainerAttrs {
    /// The side of serde whose names the targets use.
    pub fn side(&self) -> Side {
        if self.serialize_names { Side::Serialize } else { Side::Deserialize }
    }
}

/// What `context` on a struct or enum takes, said when it is given something else.
const CONTEXT_TAKES_A_TYPE: &str = "`context` takes a type: `context = Type`";

/// The `#[validate(…)]` attributes among `attrs`, each parsed as an argument list.
fn validate_args(cx: &mut Ctxt, attrs: &[Attribute]) -> Vec<Arg> {
    let mut found = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
        let Ok(list) = attr.meta.require_list() else {
            cx.error_spanned_by(attr.path(), "expected rules in parentheses: `#[validate(rule, …)]`");
            continue;
        };
        match args::parse_attr(list) {
            Ok(list) => found.extend(list),
            Err(error) => cx.syn_error(error),
        }
    }
    found
}

impl FieldAttrs {
    pub fn from_attrs(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut found = FieldAttrs::default();
        for arg in validate_args(cx, attrs) {
            match arg {
                // rename = "wireName"
                Arg::Named { name, value } if name == "rename" => match args::lit_str(&value, "rename") {
                    Ok(_) if found.rename.is_some() => cx.error_spanned_by(name, "duplicate `rename`; keep only one"),
                    Ok(text) => found.rename = Some(text),
                    Err(error) => cx.syn_error(error),
                },
                arg => {
                    if let Some(rule) = Rule::from_arg(cx, arg) {
                        found.rules.push(rule);
                    }
                }
            }
        }
        found
    }
}

impl ContainerAttrs {
    pub fn from_attrs(cx: &mut Ctxt, attrs: &[Attribute]) -> Self {
        let mut found = ContainerAttrs::default();
        for arg in validate_args(cx, attrs) {
            match arg {
                // check(path::to::function, code = "…", message = "…")
                Arg::List { name, parens } if name == "check" => {
                    if let Some(check) = parse_check(cx, &parens, &name) {
                        let text = |path: &syn::Path| path.to_token_stream().to_string().replace(' ', "");
                        let function = text(&check.function);
                        if found.checks.iter().any(|earlier| text(&earlier.function) == function) {
                            let message = format!(
                                "`check({function})` is already on this type; a second would report each mistake twice: remove it"
                            );
                            cx.error_spanned_by(&check.function, message);
                        }
                        found.checks.push(check);
                    }
                }
                // context = Type
                Arg::Named { name, value } if name == "context" => {
                    if found.context.is_some() {
                        cx.error_spanned_by(name, "duplicate `context`; a type has one context");
                    } else {
                        match syn::parse2::<syn::Type>(value.to_token_stream()) {
                            Ok(ty) => found.context = Some(ty),
                            Err(_) => cx.error_spanned_by(&value, CONTEXT_TAKES_A_TYPE),
                        }
                    }
                }
                // serialize_names
                Arg::Path(path) if path.is_ident("serialize_names") => {
                    if found.serialize_names {
                        cx.error_spanned_by(path, "duplicate `serialize_names`; keep only one");
                    }
                    found.serialize_names = true;
                }
                // bound = "T: Validate, …"
                Arg::Named { name, value } if name == "bound" => {
                    if found.bound.is_some() {
                        cx.error_spanned_by(name, "duplicate `bound`; put every predicate in one string");
                    } else {
                        found.bound = parse_bound(cx, &value);
                    }
                }
                arg => cx.syn_error(syn::Error::new(arg.span(), not_a_container_attribute(&arg))),
            }
        }
        found
    }
}

/// What `bound` on a struct or enum takes, said when it is given something else.
const BOUND_TAKES_PREDICATES: &str =
    "`bound` takes the where clause's predicates in a string: `bound = \"T: Validate\"`, or `bound = \"\"` for none";

/// The predicates of `bound = "…"`, each as a where clause holds it.
fn parse_bound(cx: &mut Ctxt, value: &Expr) -> Option<Vec<syn::WherePredicate>> {
    let Ok(text) = args::lit_str(value, "bound") else {
        cx.error_spanned_by(value, BOUND_TAKES_PREDICATES);
        return None;
    };
    let parser = syn::punctuated::Punctuated::<syn::WherePredicate, syn::Token![,]>::parse_terminated;
    match syn::parse::Parser::parse_str(parser, &text.value()) {
        Ok(predicates) => Some(predicates.into_iter().collect()),
        Err(error) => {
            cx.error_spanned_by(&text, format!("`bound` is not a where clause's predicates: {error}"));
            None
        }
    }
}

/// What `#[validate(…)]` accepts on a struct or enum.
const CONTAINER_ATTRIBUTES: [&str; 4] = ["check", "context", "bound", "serialize_names"];

/// Why `arg` cannot be on a struct or enum.
fn not_a_container_attribute(arg: &Arg) -> String {
    let typed = arg_name(arg);
    match arg {
        Arg::Lit(_) => "expected `check(path::to::function)`, found a literal".to_owned(),
        _ if typed == "check" => needs_function("check"),
        _ if typed == "context" => CONTEXT_TAKES_A_TYPE.to_owned(),
        _ if typed == "bound" => BOUND_TAKES_PREDICATES.to_owned(),
        _ if typed == "serialize_names" => "`serialize_names` takes no value; write `serialize_names` alone".to_owned(),
        _ if RULES.contains(&typed.as_str()) => {
            format!("`{typed}` is a field rule; on a struct or enum, use `check(path::to::function)`")
        }
        _ => {
            let hint = did_you_mean(&typed, &CONTAINER_ATTRIBUTES);
            let expected = if hint.is_empty() {
                "; expected `check(path::to::function)`, `context = Type`, `bound = \"…\"` or `serialize_names`"
            } else {
                ""
            };
            format!("unknown container attribute `{typed}`{hint}{expected}")
        }
    }
}

fn parse_check(cx: &mut Ctxt, parens: &Group, name: &Ident) -> Option<Check> {
    let list = match args::parse_group(parens) {
        Ok(list) => list,
        Err(error) => {
            cx.syn_error(error);
            return None;
        }
    };
    let mut reader = Reader::new(cx, "check", list);
    let function = reader.function(name);
    let (code, message) = reader.code_and_message();
    reader.finish();
    Some(Check { function: function?, code, message })
}

/// Whether `rule` takes no arguments but `code` and `message` (`unique`'s are optional), so that
/// `rule()` is a mistake of its own.
fn without_arguments(rule: &str) -> bool {
    crate::table::find(rule).is_some_and(|spec| !spec.arguments)
}

/// A rule the walk descends into the value for, with its `nested(context = …)` function if any.
pub struct Walked<'r> {
    pub context: Option<&'r syn::Path>,
}

impl RuleKind {
    /// `nested`, and `each(nested)` alone (which checks what `nested` checks, in the same order),
    /// as the walk descends into them; `None` for every other rule.
    pub fn walked_nested(&self) -> Option<Walked<'_>> {
        match self {
            RuleKind::Nested { context } => Some(Walked { context: context.as_ref() }),
            RuleKind::Each(inner) => match inner.as_slice() {
                [Rule { kind: RuleKind::Nested { context }, .. }] => Some(Walked { context: context.as_ref() }),
                _ => None,
            },
            _ => None,
        }
    }
}

impl Rule {
    /// Reads one rule: `name` or `name(arguments)`.
    fn from_arg(cx: &mut Ctxt, arg: Arg) -> Option<Rule> {
        let (name, args, empty_parentheses) = match arg {
            Arg::Path(path) => match path.get_ident() {
                Some(name) => (name.clone(), Vec::new(), None),
                None => return unknown_rule(cx, path.span(), &arg_name(&Arg::Path(path))),
            },
            Arg::List { name, parens } => match args::parse_group(&parens) {
                Ok(list) => {
                    let empty = list.is_empty().then(|| parens.span());
                    (name, list, empty)
                }
                Err(error) => {
                    cx.syn_error(error);
                    return None;
                }
            },
            Arg::Named { name, .. } => {
                cx.syn_error(syn::Error::new(name.span(), named_instead_of_rule(&name)));
                return None;
            }
            Arg::Lit(lit) => {
                cx.syn_error(syn::Error::new(lit.span(), literal_instead_of_rule(&lit)));
                return None;
            }
        };
        let rule_name = name.to_string();
        if let Some(span) = empty_parentheses.filter(|_| without_arguments(&rule_name)) {
            cx.syn_error(syn::Error::new(span, format!("empty parentheses after `{name}`; remove them")));
        }
        let spec = crate::table::find(&rule_name);
        let mut reader = Reader::new(cx, spec.map_or("", |spec| spec.name), args);
        let kind = match rule_name.as_str() {
            "required" => Some(RuleKind::Required),
            "non_empty" => Some(RuleKind::NonEmpty),
            "length" => reader.length(&name).map(|(min, max, equal)| RuleKind::Length { min, max, equal }),
            "range" => reader.range(&name),
            "pattern" => reader.pattern(&name).map(RuleKind::Pattern),
            "contains" | "prefix" | "suffix" | "not_containing" => reader.part(&name).map(RuleKind::Part),
            "no_control_chars" => Some(RuleKind::NoControlChars),
            "one_of" => reader.one_of(&name).map(RuleKind::OneOf),
            "format" => format(&mut reader, &name).map(RuleKind::Format),
            "localized" => Some(RuleKind::Localized),
            "nested" => Some(RuleKind::Nested { context: reader.named_function("context") }),
            "each" => Some(RuleKind::Each(inner_rules(&mut reader, &name, EACH_NEEDS))),
            "keys" => Some(RuleKind::Keys(inner_rules(&mut reader, &name, KEYS_NEEDS))),
            "unique" => Some(unique(&mut reader)),
            "read_only" => Some(RuleKind::ReadOnly { stored: reader.named_function("stored") }),
            "custom" => reader.function(&name).map(RuleKind::Custom),
            _ => {
                reader.abandon();
                return unknown_rule(cx, name.span(), &rule_name);
            }
        };
        // `nested` takes neither: the nested type's rules give their own codes and messages.
        let overrides = spec.is_some_and(|spec| spec.overrides);
        let (code, message) = if overrides { reader.code_and_message() } else { (None, None) };
        reader.finish();
        Some(Rule { kind: kind?, name, code, message })
    }
}

/// `required = true`, `max = 10`: a `name = value` where a rule belongs.
fn named_instead_of_rule(name: &Ident) -> String {
    let typed = name.to_string();
    if without_arguments(&typed) {
        format!("`{typed}` takes no value; write `{typed}` alone")
    } else if RULES.contains(&typed.as_str()) {
        format!("`{typed}` takes its arguments in parentheses: `{typed}(…)`, not `{typed} = …`")
    } else {
        format!("unexpected `{typed} = …`; expected a rule such as `length(max = 10)`")
    }
}

/// `"non_empty"`: a literal where a rule belongs.
fn literal_instead_of_rule(lit: &syn::Lit) -> String {
    if let syn::Lit::Str(text) = lit {
        let text = text.value();
        let head = text.split('(').next().unwrap_or_default().trim();
        if RULES.contains(&head) {
            return format!("expected a rule, found a string; write `{text}` without quotes");
        }
    }
    "expected a rule such as `non_empty` or `length(max = 10)`, found a literal".to_owned()
}

fn unknown_rule(cx: &mut Ctxt, span: Span, typed: &str) -> Option<Rule> {
    let hint = did_you_mean(typed, &RULES);
    let message = if hint.is_empty() {
        format!(
            "unknown validate rule `{typed}`; expected one of {}",
            RULES.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
        )
    } else {
        format!("unknown validate rule `{typed}`{hint}")
    };
    cx.syn_error(syn::Error::new(span, message));
    None
}

/// `format(uuid)`, `format(date_time)`, …: one of [`Format::ALL`].
fn format(reader: &mut Reader<'_>, name: &Ident) -> Option<Format> {
    let Some(path) = reader.path("a format such as `uuid`") else {
        reader.needs(name, "`format` needs a format, such as `format(uuid)` or `format(date_time)`");
        return None;
    };
    let typed = arg_name(&Arg::Path(path.clone()));
    if let Some(known) = Format::ALL.into_iter().find(|format| format.keyword() == typed) {
        return Some(known);
    }
    let keywords = Format::ALL.map(Format::keyword);
    let message = match closest(&typed, &keywords) {
        Some(known) => format!("unknown format `{typed}`; did you mean `{known}`?"),
        None => format!(
            "unknown format `{typed}`; expected one of {}",
            keywords.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
        ),
    };
    reader.cx().error_spanned_by(path, message);
    None
}

/// `unique`, `unique(ignore_case)`, `unique(by = field)`, `unique(by = field, ignore_case)`.
fn unique(reader: &mut Reader<'_>) -> RuleKind {
    let ignore_case = reader.flag("ignore_case");
    let by = reader.named("by").and_then(|value| match value {
        Expr::Path(path) if path.path.get_ident().is_some() => path.path.get_ident().cloned(),
        other => {
            let message = match &other {
                Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }) => {
                    format!("`by` takes a field name without quotes: `by = {}`", text.value())
                }
                _ => "`by` takes the name of a field of the items, such as `by = name`".to_owned(),
            };
            reader.cx().error_spanned_by(&other, message);
            None
        }
    });
    RuleKind::Unique { by, ignore_case }
}

/// Said of `each` without rules.
const EACH_NEEDS: &str = "`each` needs the rules to check on every item, such as `each(non_empty)`";
/// Said of `keys` without rules.
const KEYS_NEEDS: &str = "`keys` needs the rules to check on every key, such as `keys(length(max = 512))`";

/// The rules inside `each(…)` or `keys(…)`; `needs` is said when there are none.
fn inner_rules(reader: &mut Reader<'_>, name: &Ident, needs: &str) -> Vec<Rule> {
    let rules: Vec<Rule> = reader.rule_args().into_iter().filter_map(|arg| Rule::from_arg(reader.cx(), arg)).collect();
    if rules.is_empty() {
        reader.needs(name, needs);
    }
    rules
}
