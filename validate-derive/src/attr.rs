//! `#[validate(…)]` on fields and containers, read into rules.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, LitStr};

use crate::args::{self, Arg};
use crate::ctxt::Ctxt;
use crate::suggest::did_you_mean;

/// Every field rule, as written in `#[validate(…)]`.
pub const RULES: &[&str] = &[
    "required",
    "non_empty",
    "length",
    "range",
    "pattern",
    "one_of",
    "format",
    "localized",
    "nested",
    "each",
    "unique",
    "read_only",
    "custom",
];

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
    Length { min: Option<Expr>, max: Option<Expr> },
    Range { min: Option<Expr>, max: Option<Expr> },
    Pattern(LitStr),
    OneOf(Vec<LitStr>),
    Format(Format),
    Localized,
    Nested,
    Each(Vec<Rule>),
    Unique { by: Option<Ident>, ignore_case: bool },
    ReadOnly,
    Custom(syn::Path),
}

#[derive(Clone, Copy)]
pub enum Format {
    Uuid,
    DateTime,
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
}

/// The `#[validate(…)]` attributes among `attrs`, each parsed as an argument list.
fn validate_args(cx: &mut Ctxt, attrs: &[Attribute]) -> Vec<Arg> {
    let mut found = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
        let tokens = match attr.meta.require_list() {
            Ok(list) => list.tokens.clone(),
            Err(_) => {
                cx.error_spanned_by(attr, "expected rules in parentheses: `#[validate(rule, …)]`");
                continue;
            }
        };
        match args::parse_list(tokens) {
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
                Arg::Named { name, value } if name == "rename" => match args::lit_str(&value, "`rename`") {
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
                Arg::List { name, args, span } if name == "check" => {
                    if let Some(check) = parse_check(cx, args, span) {
                        found.checks.push(check);
                    }
                }
                arg => {
                    let span = arg.span();
                    let typed = arg_name(&arg);
                    let message = if RULES.contains(&typed.as_str()) {
                        format!("`{typed}` is a field rule; on a struct or enum, use `check(path::to::function)`")
                    } else {
                        format!("unknown container attribute `{typed}`; expected `check(path::to::function)`")
                    };
                    cx.syn_error(syn::Error::new(span, message));
                }
            }
        }
        found
    }
}

fn parse_check(cx: &mut Ctxt, tokens: TokenStream, span: Span) -> Option<Check> {
    let list = match args::parse_list(tokens) {
        Ok(list) => list,
        Err(error) => {
            cx.syn_error(error);
            return None;
        }
    };
    let mut reader = Reader::new(cx, "check", list);
    let function = reader.path();
    let (code, message) = reader.code_and_message();
    reader.finish();
    match function {
        Some(function) => Some(Check { function, code, message }),
        None => {
            cx.syn_error(syn::Error::new(span, "`check` needs a function: `check(path::to::function)`"));
            None
        }
    }
}

/// The name an argument starts with, for messages.
fn arg_name(arg: &Arg) -> String {
    match arg {
        Arg::Lit(_) => "a literal".to_owned(),
        Arg::Path(path) => path
            .get_ident()
            .map_or_else(|| quote::quote!(#path).to_string().replace(' ', ""), Ident::to_string),
        Arg::Named { name, .. } | Arg::List { name, .. } => name.to_string(),
    }
}

impl Rule {
    /// Reads one rule: `name` or `name(arguments)`.
    fn from_arg(cx: &mut Ctxt, arg: Arg) -> Option<Rule> {
        let (name, args) = match arg {
            Arg::Path(path) => match path.get_ident() {
                Some(name) => (name.clone(), Vec::new()),
                None => return unknown_rule(cx, path.span(), &arg_name(&Arg::Path(path))),
            },
            Arg::List { name, args, span } => match args::parse_list(args) {
                Ok(list) if list.is_empty() => {
                    cx.syn_error(syn::Error::new(span, format!("empty parentheses after `{name}`")));
                    return None;
                }
                Ok(list) => (name, list),
                Err(error) => {
                    cx.syn_error(error);
                    return None;
                }
            },
            Arg::Named { name, .. } => {
                let message = format!("unexpected `{name} = …`; expected a rule such as `length(max = 10)`");
                cx.syn_error(syn::Error::new(name.span(), message));
                return None;
            }
            Arg::Lit(lit) => {
                cx.error_spanned_by(lit, "expected a rule, found a literal");
                return None;
            }
        };
        let rule_name = name.to_string();
        let mut reader = Reader::new(cx, RULES.iter().find(|known| **known == rule_name).copied().unwrap_or(""), args);
        let kind = match rule_name.as_str() {
            "required" => Some(RuleKind::Required),
            "non_empty" => Some(RuleKind::NonEmpty),
            "length" => reader.bounds(&name).map(|(min, max)| RuleKind::Length { min, max }),
            "range" => reader.bounds(&name).map(|(min, max)| RuleKind::Range { min, max }),
            "pattern" => reader.pattern(&name).map(RuleKind::Pattern),
            "one_of" => reader.one_of(&name).map(RuleKind::OneOf),
            "format" => reader.format(&name).map(RuleKind::Format),
            "localized" => Some(RuleKind::Localized),
            "nested" => Some(RuleKind::Nested),
            "each" => Some(RuleKind::Each(reader.rules(&name))),
            "unique" => Some(reader.unique()),
            "read_only" => Some(RuleKind::ReadOnly),
            "custom" => reader.custom(&name).map(RuleKind::Custom),
            _ => {
                reader.abandon();
                return unknown_rule(cx, name.span(), &rule_name);
            }
        };
        let (code, message) = reader.code_and_message();
        reader.finish();
        Some(Rule { kind: kind?, name, code, message })
    }
}

fn unknown_rule(cx: &mut Ctxt, span: Span, typed: &str) -> Option<Rule> {
    let hint = did_you_mean(typed, RULES);
    let message = if hint.is_empty() {
        format!("unknown validate rule `{typed}`; expected one of {}", RULES.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", "))
    } else {
        format!("unknown validate rule `{typed}`{hint}")
    };
    cx.syn_error(syn::Error::new(span, message));
    None
}

/// Takes a rule's arguments one kind at a time; whatever is left at the end is reported as
/// unexpected, with a suggestion.
struct Reader<'c> {
    cx: &'c mut Ctxt,
    rule: &'static str,
    args: Vec<Option<Arg>>,
    accepted: Vec<&'static str>,
}

impl<'c> Reader<'c> {
    fn new(cx: &'c mut Ctxt, rule: &'static str, args: Vec<Arg>) -> Self {
        Reader {
            cx,
            rule,
            args: args.into_iter().map(Some).collect(),
            accepted: vec!["code", "message"],
        }
    }

    /// Takes every `name = value` argument named `key`; a repeat is an error.
    fn named(&mut self, key: &'static str) -> Option<Expr> {
        self.accepted.push(key);
        let mut found: Option<Expr> = None;
        for slot in &mut self.args {
            if let Some(Arg::Named { name, .. }) = slot {
                if name == key {
                    if let Some(Arg::Named { name, value }) = slot.take() {
                        if found.is_some() {
                            self.cx.syn_error(syn::Error::new(name.span(), format!("duplicate argument `{key}`")));
                        } else {
                            found = Some(value);
                        }
                    }
                }
            }
        }
        found
    }

    /// `code = "…"` and `message = "…"`, read as string literals.
    fn code_and_message(&mut self) -> (Option<LitStr>, Option<LitStr>) {
        let code = self.named("code").and_then(|value| self.string(&value, "`code`"));
        let message = self.named("message").and_then(|value| self.string(&value, "`message`"));
        if let Some(code) = &code {
            if !is_pascal_case(&code.value()) {
                self.cx.error_spanned_by(code, "`code` must be PascalCase, such as `NameTooLong`");
            }
        }
        (code, message)
    }

    fn string(&mut self, value: &Expr, what: &str) -> Option<LitStr> {
        args::lit_str(value, what).map_err(|error| self.cx.syn_error(error)).ok()
    }

    /// Takes the leading string literals.
    fn strings(&mut self) -> Vec<LitStr> {
        let mut found = Vec::new();
        for slot in &mut self.args {
            match slot {
                Some(Arg::Lit(syn::Lit::Str(_))) => {
                    if let Some(Arg::Lit(syn::Lit::Str(text))) = slot.take() {
                        found.push(text);
                    }
                }
                _ => break,
            }
        }
        found
    }

    /// Takes the first argument if it is a path.
    fn path(&mut self) -> Option<syn::Path> {
        match self.args.first_mut() {
            Some(slot @ Some(Arg::Path(_))) => match slot.take() {
                Some(Arg::Path(path)) => Some(path),
                _ => None,
            },
            _ => None,
        }
    }

    /// `min = …` and `max = …`, at least one of them.
    fn bounds(&mut self, name: &Ident) -> Option<(Option<Expr>, Option<Expr>)> {
        let min = self.named("min");
        let max = self.named("max");
        if min.is_none() && max.is_none() {
            let message = format!("`{name}` needs `min = …`, `max = …` or both, such as `{name}(min = 1, max = 10)`");
            self.cx.syn_error(syn::Error::new(name.span(), message));
            return None;
        }
        Some((min, max))
    }

    fn pattern(&mut self, name: &Ident) -> Option<LitStr> {
        let mut found = self.strings().into_iter();
        let Some(pattern) = found.next() else {
            let message = "`pattern` needs a regular expression, such as `pattern(\"^[a-z]+$\")`";
            self.cx.syn_error(syn::Error::new(name.span(), message));
            return None;
        };
        for extra in found {
            self.cx.error_spanned_by(extra, "`pattern` takes one regular expression");
        }
        Some(pattern)
    }

    fn one_of(&mut self, name: &Ident) -> Option<Vec<LitStr>> {
        let values = self.strings();
        if values.is_empty() {
            let message = "`one_of` needs the allowed values, such as `one_of(\"OneToOne\", \"OneToMany\")`";
            self.cx.syn_error(syn::Error::new(name.span(), message));
            return None;
        }
        Some(values)
    }

    fn format(&mut self, name: &Ident) -> Option<Format> {
        let Some(path) = self.path() else {
            let message = "`format` needs a format: `format(uuid)` or `format(date_time)`";
            self.cx.syn_error(syn::Error::new(name.span(), message));
            return None;
        };
        let typed = arg_name(&Arg::Path(path.clone()));
        match typed.as_str() {
            "uuid" => Some(Format::Uuid),
            "date_time" => Some(Format::DateTime),
            _ => {
                let hint = did_you_mean(&typed, &["uuid", "date_time"]);
                let message = format!("unknown format `{typed}`{hint}; expected `uuid` or `date_time`");
                self.cx.error_spanned_by(path, message);
                None
            }
        }
    }

    fn custom(&mut self, name: &Ident) -> Option<syn::Path> {
        let found = self.path();
        if found.is_none() {
            let message = "`custom` needs a function, such as `custom(path::to::function)`";
            self.cx.syn_error(syn::Error::new(name.span(), message));
        }
        found
    }

    /// `unique`, `unique(ignore_case)`, `unique(by = field)`, `unique(by = field, ignore_case)`.
    fn unique(&mut self) -> RuleKind {
        self.accepted.push("ignore_case");
        let mut ignore_case = false;
        for slot in &mut self.args {
            if matches!(slot, Some(Arg::Path(path)) if path.is_ident("ignore_case")) {
                *slot = None;
                ignore_case = true;
            }
        }
        let by = self.named("by").and_then(|value| match value {
            Expr::Path(path) if path.path.get_ident().is_some() => path.path.get_ident().cloned(),
            other => {
                self.cx.error_spanned_by(other, "`by` names a field of the items, such as `by = field_name`");
                None
            }
        });
        RuleKind::Unique { by, ignore_case }
    }

    /// The rules inside `each(…)`.
    fn rules(&mut self, name: &Ident) -> Vec<Rule> {
        let mut rules = Vec::new();
        for slot in &mut self.args {
            if matches!(slot, Some(Arg::Path(_) | Arg::List { .. })) {
                if let Some(arg) = slot.take() {
                    rules.extend(Rule::from_arg(self.cx, arg));
                }
            }
        }
        if rules.is_empty() {
            let message = "`each` needs the rules to check on every item, such as `each(non_empty)`";
            self.cx.syn_error(syn::Error::new(name.span(), message));
        }
        rules
    }

    /// Drops what is left without reporting it (the rule itself was already reported).
    fn abandon(&mut self) {
        self.args.clear();
    }

    /// Reports every argument no reader took.
    fn finish(self) {
        let Reader { cx, rule, args, accepted } = self;
        for arg in args.into_iter().flatten() {
            let typed = arg_name(&arg);
            let hint = did_you_mean(&typed, &accepted);
            let message = if accepted.len() == 2 {
                format!("unexpected argument `{typed}`: `{rule}` takes only `code = \"…\"` and `message = \"…\"`")
            } else {
                format!("unexpected argument `{typed}` for `{rule}`{hint}")
            };
            cx.syn_error(syn::Error::new(arg.span(), message));
        }
    }
}

/// `NameTooLong`: ASCII letters and digits, starting with an uppercase letter.
fn is_pascal_case(code: &str) -> bool {
    code.starts_with(|c: char| c.is_ascii_uppercase()) && code.chars().all(|c| c.is_ascii_alphanumeric())
}
