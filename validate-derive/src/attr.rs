//! `#[validate(…)]` on fields and containers, read into rules.

use proc_macro2::{Group, Span};
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, LitStr};

use crate::args::{self, Arg};
use crate::ctxt::Ctxt;
use crate::suggest::{closest, did_you_mean};

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
                        found.checks.push(check);
                    }
                }
                arg => cx.syn_error(syn::Error::new(arg.span(), not_a_container_attribute(&arg))),
            }
        }
        found
    }
}

/// Why `arg` cannot be on a struct or enum.
fn not_a_container_attribute(arg: &Arg) -> String {
    let typed = arg_name(arg);
    match arg {
        Arg::Lit(_) => "expected `check(path::to::function)`, found a literal".to_owned(),
        _ if typed == "check" => needs_function("check"),
        _ if RULES.contains(&typed.as_str()) => {
            format!("`{typed}` is a field rule; on a struct or enum, use `check(path::to::function)`")
        }
        _ => {
            let hint = did_you_mean(&typed, &["check"]);
            let expected = if hint.is_empty() { "; expected `check(path::to::function)`" } else { "" };
            format!("unknown container attribute `{typed}`{hint}{expected}")
        }
    }
}

fn needs_function(rule: &str) -> String {
    format!("`{rule}` needs a function, such as `{rule}(path::to::function)`")
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

/// The name an argument starts with, for messages.
fn arg_name(arg: &Arg) -> String {
    match arg {
        Arg::Lit(lit) => quote::quote!(#lit).to_string(),
        Arg::Path(path) => {
            path.get_ident().map_or_else(|| quote::quote!(#path).to_string().replace(' ', ""), Ident::to_string)
        }
        Arg::Named { name, .. } | Arg::List { name, .. } => name.to_string(),
    }
}

/// The rules that take no arguments but `code` and `message` (and `unique`'s optional ones), for
/// which `rule()` is a mistake of its own.
const WITHOUT_ARGUMENTS: &[&str] = &["required", "non_empty", "localized", "nested", "read_only", "unique"];

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
        if let Some(span) = empty_parentheses.filter(|_| WITHOUT_ARGUMENTS.contains(&rule_name.as_str())) {
            cx.syn_error(syn::Error::new(span, format!("empty parentheses after `{name}`; remove them")));
        }
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
            "custom" => reader.function(&name).map(RuleKind::Custom),
            _ => {
                reader.abandon();
                return unknown_rule(cx, name.span(), &rule_name);
            }
        };
        // `nested` takes neither: the nested type's rules give their own codes and messages.
        let (code, message) = if rule_name == "nested" { (None, None) } else { reader.code_and_message() };
        reader.finish();
        Some(Rule { kind: kind?, name, code, message })
    }
}

/// `required = true`, `max = 10`: a `name = value` where a rule belongs.
fn named_instead_of_rule(name: &Ident) -> String {
    let typed = name.to_string();
    if WITHOUT_ARGUMENTS.contains(&typed.as_str()) {
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
    let hint = did_you_mean(typed, RULES);
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

/// Takes a rule's arguments one kind at a time; whatever is left at the end is reported as
/// unexpected, with a suggestion or the list of what the rule takes.
struct Reader<'c> {
    cx: &'c mut Ctxt,
    rule: &'static str,
    args: Vec<Option<Arg>>,
    /// The keys the rule takes (`min`, `code`, the flag `ignore_case`), in the order they were read.
    accepted: Vec<&'static str>,
    /// What the rule takes without a key (a regular expression, a function), for messages.
    positional: Option<&'static str>,
}

impl<'c> Reader<'c> {
    fn new(cx: &'c mut Ctxt, rule: &'static str, args: Vec<Arg>) -> Self {
        Reader { cx, rule, args: args.into_iter().map(Some).collect(), accepted: Vec::new(), positional: None }
    }

    fn accept(&mut self, key: &'static str) {
        if !self.accepted.contains(&key) {
            self.accepted.push(key);
        }
    }

    /// Takes every `name = value` argument named `key`; a repeat is an error.
    fn named(&mut self, key: &'static str) -> Option<Expr> {
        self.accept(key);
        let mut found: Option<Expr> = None;
        for slot in &mut self.args {
            if !matches!(slot, Some(Arg::Named { name, .. }) if name == key) {
                continue;
            }
            if let Some(Arg::Named { name, value }) = slot.take() {
                if found.is_some() {
                    let message = format!("duplicate argument `{key}` in `{}`; keep only one", self.rule);
                    self.cx.syn_error(syn::Error::new(name.span(), message));
                } else {
                    found = Some(value);
                }
            }
        }
        found
    }

    /// Takes every bare `key` (a flag such as `ignore_case`); a repeat is an error.
    fn flag(&mut self, key: &'static str) -> bool {
        self.accept(key);
        let mut found = false;
        for slot in &mut self.args {
            if let Some(Arg::Path(path)) = slot
                && path.is_ident(key)
            {
                if found {
                    let message = format!("duplicate argument `{key}` in `{}`; keep only one", self.rule);
                    self.cx.error_spanned_by(path, message);
                }
                *slot = None;
                found = true;
            }
        }
        found
    }

    /// `code = "…"` and `message = "…"`, read as string literals.
    fn code_and_message(&mut self) -> (Option<LitStr>, Option<LitStr>) {
        let code = self.named("code").and_then(|value| self.string(&value, "code"));
        let message = self.named("message").and_then(|value| self.string(&value, "message"));
        if let Some(code) = &code
            && !is_pascal_case(&code.value())
        {
            let message = match to_pascal_case(&code.value()) {
                Some(fixed) => format!("`code` must be PascalCase; did you mean `{fixed}`?"),
                None => "`code` must be PascalCase, such as `NameTooLong`".to_owned(),
            };
            self.cx.error_spanned_by(code, message);
        }
        (code, message)
    }

    fn string(&mut self, value: &Expr, key: &str) -> Option<LitStr> {
        args::lit_str(value, key).map_err(|error| self.cx.syn_error(error)).ok()
    }

    /// Takes the string literals, wherever they are among the arguments.
    fn strings(&mut self, what: &'static str) -> Vec<LitStr> {
        self.positional = Some(what);
        let mut found = Vec::new();
        for slot in &mut self.args {
            if matches!(slot, Some(Arg::Lit(syn::Lit::Str(_))))
                && let Some(Arg::Lit(syn::Lit::Str(text))) = slot.take()
            {
                found.push(text);
            }
        }
        found
    }

    /// Takes the first argument that is a path.
    fn path(&mut self, what: &'static str) -> Option<syn::Path> {
        self.positional = Some(what);
        let slot = self.args.iter_mut().find(|slot| matches!(slot, Some(Arg::Path(_))))?;
        match slot.take() {
            Some(Arg::Path(path)) => Some(path),
            _ => None,
        }
    }

    /// Reports that the rule lacks what it needs, unless an argument is left that the rule
    /// does not take: that argument is then the mistake, and `finish` reports it.
    fn needs(&mut self, name: &Ident, message: impl Into<String>) {
        let overrides_only = self
            .args
            .iter()
            .flatten()
            .all(|arg| matches!(arg, Arg::Named { name, .. } if name == "code" || name == "message"));
        if overrides_only {
            self.cx.syn_error(syn::Error::new(name.span(), message.into()));
        }
    }

    /// `min = …` and `max = …`, at least one of them.
    fn bounds(&mut self, name: &Ident) -> Option<(Option<Expr>, Option<Expr>)> {
        let min = self.named("min");
        let max = self.named("max");
        if min.is_none() && max.is_none() {
            self.needs(
                name,
                format!("`{name}` needs `min = …`, `max = …` or both, such as `{name}(min = 1, max = 10)`"),
            );
            return None;
        }
        Some((min, max))
    }

    fn pattern(&mut self, name: &Ident) -> Option<LitStr> {
        let mut found = self.strings("a regular expression").into_iter();
        let Some(pattern) = found.next() else {
            self.needs(name, "`pattern` needs a regular expression, such as `pattern(\"^[a-z]+$\")`");
            return None;
        };
        for extra in found {
            self.cx.error_spanned_by(extra, "`pattern` takes one regular expression; combine them into one");
        }
        Some(pattern)
    }

    fn one_of(&mut self, name: &Ident) -> Option<Vec<LitStr>> {
        let values = self.strings("the allowed values as strings");
        if values.is_empty() {
            self.needs(name, "`one_of` needs the allowed values, such as `one_of(\"OneToOne\", \"OneToMany\")`");
            return None;
        }
        Some(values)
    }

    fn format(&mut self, name: &Ident) -> Option<Format> {
        const FORMATS: &[&str] = &["uuid", "date_time"];
        let Some(path) = self.path("`uuid` or `date_time`") else {
            self.needs(name, "`format` needs a format: `format(uuid)` or `format(date_time)`");
            return None;
        };
        let typed = arg_name(&Arg::Path(path.clone()));
        match typed.as_str() {
            "uuid" => Some(Format::Uuid),
            "date_time" => Some(Format::DateTime),
            _ => {
                let message = match closest(&typed, FORMATS) {
                    Some(known) => format!("unknown format `{typed}`; did you mean `{known}`?"),
                    None => format!("unknown format `{typed}`; expected `uuid` or `date_time`"),
                };
                self.cx.error_spanned_by(path, message);
                None
            }
        }
    }

    /// The function of `custom(…)` and `check(…)`.
    fn function(&mut self, name: &Ident) -> Option<syn::Path> {
        let found = self.path("a function");
        if found.is_none() {
            self.needs(name, needs_function(self.rule));
        }
        found
    }

    /// `unique`, `unique(ignore_case)`, `unique(by = field)`, `unique(by = field, ignore_case)`.
    fn unique(&mut self) -> RuleKind {
        let ignore_case = self.flag("ignore_case");
        let by = self.named("by").and_then(|value| match value {
            Expr::Path(path) if path.path.get_ident().is_some() => path.path.get_ident().cloned(),
            other => {
                let message = match &other {
                    Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }) => {
                        format!("`by` takes a field name without quotes: `by = {}`", text.value())
                    }
                    _ => "`by` takes the name of a field of the items, such as `by = name`".to_owned(),
                };
                self.cx.error_spanned_by(other, message);
                None
            }
        });
        RuleKind::Unique { by, ignore_case }
    }

    /// The rules inside `each(…)`.
    fn rules(&mut self, name: &Ident) -> Vec<Rule> {
        self.positional = Some("rules such as `non_empty`");
        let mut rules = Vec::new();
        for slot in &mut self.args {
            if matches!(slot, Some(Arg::Path(_) | Arg::List { .. }))
                && let Some(arg) = slot.take()
            {
                rules.extend(Rule::from_arg(self.cx, arg));
            }
        }
        if rules.is_empty() {
            self.needs(name, "`each` needs the rules to check on every item, such as `each(non_empty)`");
        }
        rules
    }

    /// Drops what is left without reporting it (the rule itself was already reported).
    fn abandon(&mut self) {
        self.args.clear();
    }

    /// Reports every argument no reader took.
    fn finish(self) {
        let Reader { cx, rule, args, accepted, positional } = self;
        for arg in args.into_iter().flatten() {
            let message = unexpected(rule, &arg, &accepted, positional);
            cx.syn_error(syn::Error::new(arg.span(), message));
        }
    }
}

/// The message for an argument `rule` does not take.
fn unexpected(rule: &str, arg: &Arg, accepted: &[&'static str], positional: Option<&str>) -> String {
    let typed = arg_name(arg);
    if rule == "nested" {
        return format!(
            "unexpected argument `{typed}`: `nested` takes no arguments, as the nested type's rules give their own codes and messages"
        );
    }
    if accepted.contains(&typed.as_str()) {
        // The right key in the wrong form: `max` without a value, `ignore_case = true`.
        return match arg {
            Arg::Named { .. } => format!("`{typed}` takes no value; write `{typed}` alone"),
            _ => format!("`{typed}` needs a value: {}", describe_key(&typed)),
        };
    }
    if let Some(known) = closest(&typed, accepted) {
        return format!("unexpected argument `{typed}` for `{rule}`; did you mean `{known}`?");
    }
    if positional.is_none() && accepted == ["code", "message"] {
        return format!("unexpected argument `{typed}`: `{rule}` takes only `code = \"…\"` and `message = \"…\"`");
    }
    let expected: Vec<String> =
        positional.map(str::to_owned).into_iter().chain(accepted.iter().map(|key| describe_key(key))).collect();
    format!("unexpected argument `{typed}` for `{rule}`; expected {}", join_or(&expected))
}

/// `min = …`, `code = "…"`, `ignore_case`: a key as it is written.
fn describe_key(key: &str) -> String {
    match key {
        "code" | "message" => format!("`{key} = \"…\"`"),
        "ignore_case" => format!("`{key}`"),
        _ => format!("`{key} = …`"),
    }
}

/// `a`, `a or b`, `a, b or c`.
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// `NameTooLong`: ASCII letters and digits, starting with an uppercase letter.
fn is_pascal_case(code: &str) -> bool {
    code.starts_with(|c: char| c.is_ascii_uppercase()) && code.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `name_too_long`, `name-too-long`, `NAME_TOO_LONG`, `nameTooLong` → `NameTooLong`; `None` when
/// no `PascalCase` code can be made of it.
fn to_pascal_case(code: &str) -> Option<String> {
    let mut fixed = String::new();
    for word in code.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()) {
        let shouting = !word.contains(|c: char| c.is_ascii_lowercase());
        let mut chars = word.chars();
        fixed.extend(chars.next().map(|first| first.to_ascii_uppercase()));
        if shouting {
            fixed.extend(chars.map(|c| c.to_ascii_lowercase()));
        } else {
            fixed.extend(chars);
        }
    }
    is_pascal_case(&fixed).then_some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_made_pascal_case() {
        assert_eq!(to_pascal_case("name_too_long").as_deref(), Some("NameTooLong"));
        assert_eq!(to_pascal_case("NAME-TOO-LONG").as_deref(), Some("NameTooLong"));
        assert_eq!(to_pascal_case("nameTooLong").as_deref(), Some("NameTooLong"));
        assert_eq!(to_pascal_case("Name Too Long!").as_deref(), Some("NameTooLong"));
        assert_eq!(to_pascal_case("42"), None);
        assert_eq!(to_pascal_case("é"), None);
    }

    #[test]
    fn lists_end_with_or() {
        let items = ["`a`", "`b`", "`c`"].map(str::to_owned);
        assert_eq!(join_or(&items[..1]), "`a`");
        assert_eq!(join_or(&items[..2]), "`a` or `b`");
        assert_eq!(join_or(&items), "`a`, `b` or `c`");
    }
}
