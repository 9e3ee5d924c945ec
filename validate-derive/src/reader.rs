//! The argument reader: takes a rule's arguments one kind at a time (`min = …`, a flag, string
//! literals, a path, `code` and `message`) and reports whatever is left, with a suggestion or the
//! list of what the rule takes. It knows arguments, not rules: `attr.rs` says which rule reads
//! what.

use syn::{Expr, Ident, LitStr};

use crate::args::{self, Arg, arg_name};
use crate::attr::RuleKind;
use crate::ctxt::Ctxt;
use crate::suggest::closest;

/// Takes a rule's arguments one kind at a time; whatever is left at the end is reported as
/// unexpected, with a suggestion or the list of what the rule takes.
pub struct Reader<'c> {
    cx: &'c mut Ctxt,
    rule: &'static str,
    args: Vec<Option<Arg>>,
    /// The keys the rule takes (`min`, `code`, the flag `ignore_case`), in the order they were read.
    accepted: Vec<&'static str>,
    /// What the rule takes without a key (a regular expression, a function), for messages.
    positional: Option<&'static str>,
}

impl<'c> Reader<'c> {
    pub fn new(cx: &'c mut Ctxt, rule: &'static str, args: Vec<Arg>) -> Self {
        Reader { cx, rule, args: args.into_iter().map(Some).collect(), accepted: Vec::new(), positional: None }
    }

    /// Where mistakes go, for what a rule checks of its arguments itself.
    pub fn cx(&mut self) -> &mut Ctxt {
        self.cx
    }

    fn accept(&mut self, key: &'static str) {
        if !self.accepted.contains(&key) {
            self.accepted.push(key);
        }
    }

    /// Takes every `name = value` argument named `key`; a repeat is an error.
    pub fn named(&mut self, key: &'static str) -> Option<Expr> {
        self.named_key(key).map(|(_, value)| value)
    }

    /// [`Reader::named`], with the key as written, for an error about the key itself.
    pub fn named_key(&mut self, key: &'static str) -> Option<(Ident, Expr)> {
        self.accept(key);
        let mut found: Option<(Ident, Expr)> = None;
        for slot in &mut self.args {
            if !matches!(slot, Some(Arg::Named { name, .. }) if name == key) {
                continue;
            }
            if let Some(Arg::Named { name, value }) = slot.take() {
                if found.is_some() {
                    let message = format!("duplicate argument `{key}` in `{}`; keep only one", self.rule);
                    self.cx.syn_error(syn::Error::new(name.span(), message));
                } else {
                    found = Some((name, value));
                }
            }
        }
        found
    }

    /// Takes every bare `key` (a flag such as `ignore_case`); a repeat is an error.
    pub fn flag(&mut self, key: &'static str) -> bool {
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
    pub fn code_and_message(&mut self) -> (Option<LitStr>, Option<LitStr>) {
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

    pub fn string(&mut self, value: &Expr, key: &str) -> Option<LitStr> {
        args::lit_str(value, key).map_err(|error| self.cx.syn_error(error)).ok()
    }

    /// Takes the string literals, wherever they are among the arguments.
    pub fn strings(&mut self, what: &'static str) -> Vec<LitStr> {
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
    pub fn path(&mut self, what: &'static str) -> Option<syn::Path> {
        self.positional = Some(what);
        let slot = self.args.iter_mut().find(|slot| matches!(slot, Some(Arg::Path(_))))?;
        match slot.take() {
            Some(Arg::Path(path)) => Some(path),
            _ => None,
        }
    }

    /// Reports that the rule lacks what it needs, unless an argument is left that the rule
    /// does not take: that argument is then the mistake, and `finish` reports it.
    pub fn needs(&mut self, name: &Ident, message: impl Into<String>) {
        let overrides_only = self
            .args
            .iter()
            .flatten()
            .all(|arg| matches!(arg, Arg::Named { name, .. } if name == "code" || name == "message"));
        if overrides_only {
            self.cx.syn_error(syn::Error::new(name.span(), message.into()));
        }
    }

    /// `range`'s bounds: `min = …` or `exclusive_min = …`, `max = …` or `exclusive_max = …`, at
    /// least one of them.
    pub fn range(&mut self, name: &Ident) -> Option<RuleKind> {
        let min = self.named("min");
        let max = self.named("max");
        let exclusive_min = self.named_key("exclusive_min");
        let exclusive_max = self.named_key("exclusive_max");
        for (inclusive, exclusive) in [(&min, &exclusive_min), (&max, &exclusive_max)] {
            if let (Some(_), Some((key, _))) = (inclusive, exclusive) {
                let side = if *key == "exclusive_min" { "min" } else { "max" };
                let message =
                    format!("`{key}` cannot be combined with `{side}`: a range has one bound on each side; keep one");
                self.cx.error_spanned_by(key, message);
            }
        }
        if min.is_none() && max.is_none() && exclusive_min.is_none() && exclusive_max.is_none() {
            self.needs(
                name,
                "`range` needs a bound: `min = …`, `max = …`, `exclusive_min = …` or `exclusive_max = …`, such as `range(min = 1, max = 10)`",
            );
            return None;
        }
        let (exclusive_min, exclusive_max) = (exclusive_min.map(|(_, min)| min), exclusive_max.map(|(_, max)| max));
        Some(RuleKind::Range { min, max, exclusive_min, exclusive_max })
    }

    /// `length`'s `min = …` and `max = …`, at least one of them, or `equal = …` alone.
    pub fn length(&mut self, name: &Ident) -> Option<(Option<Expr>, Option<Expr>, Option<Expr>)> {
        let min = self.named_key("min");
        let max = self.named_key("max");
        let equal = self.named_key("equal");
        if equal.is_some() {
            for (key, _) in min.iter().chain(&max) {
                let message = format!(
                    "`equal` cannot be combined with `{key}`: `length(equal = N)` already sets both bounds; keep one"
                );
                self.cx.error_spanned_by(key, message);
            }
        } else if min.is_none() && max.is_none() {
            self.needs(
                name,
                "`length` needs `min = …`, `max = …` or both, such as `length(min = 1, max = 10)`, or `equal = …`",
            );
            return None;
        }
        Some((min.map(|(_, min)| min), max.map(|(_, max)| max), equal.map(|(_, equal)| equal)))
    }

    pub fn pattern(&mut self, name: &Ident) -> Option<LitStr> {
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

    /// The text of `contains`, `prefix` and `suffix`, the characters of `not_containing`: one
    /// string literal, not empty.
    pub fn part(&mut self, name: &Ident) -> Option<LitStr> {
        let (what, example) = match name.to_string().as_str() {
            "prefix" => ("the text to look for", "prefix(\"https://\")"),
            "suffix" => ("the text to look for", "suffix(\".json\")"),
            "not_containing" => ("the characters to refuse", "not_containing(\"<>%\")"),
            _ => ("the text to look for", "contains(\"-\")"),
        };
        // `contains(pattern = "x")`, validator's spelling, which schemars reads too (it refuses
        // `contains("x")` in `#[validate]`, and stops the build).
        let named = if name == "contains" { self.named("pattern") } else { None };
        let named = named.and_then(|value| self.string(&value, "pattern"));
        let mut found = named.into_iter().chain(self.strings(what)).collect::<Vec<_>>().into_iter();
        let Some(part) = found.next() else {
            self.needs(name, format!("`{name}` needs {what}, such as `{example}`"));
            return None;
        };
        for extra in found {
            self.cx.error_spanned_by(extra, format!("`{name}` takes one text; use one `{name}` rule per field"));
        }
        if part.value().is_empty() {
            self.cx.error_spanned_by(&part, format!("`{name}(\"\")` lets every text pass; give {what}"));
        }
        Some(part)
    }

    pub fn one_of(&mut self, name: &Ident) -> Option<Vec<LitStr>> {
        let values = self.strings("the allowed values as strings");
        if values.is_empty() {
            self.needs(name, "`one_of` needs the allowed values, such as `one_of(\"OneToOne\", \"OneToMany\")`");
            return None;
        }
        for (i, value) in values.iter().enumerate() {
            if values[..i].iter().any(|earlier| earlier.value() == value.value()) {
                let message =
                    format!("`{:?}` is already among the values of `one_of`; remove the repeat", value.value());
                self.cx.error_spanned_by(value, message);
            }
        }
        Some(values)
    }

    /// The function of `custom(…)` and `check(…)`.
    pub fn function(&mut self, name: &Ident) -> Option<syn::Path> {
        let found = self.path("a function");
        if found.is_none() {
            self.needs(name, needs_function(self.rule));
        }
        found
    }

    /// `key = path::to::function`, as `nested(context = …)` and `read_only(stored = …)` take it.
    pub fn named_function(&mut self, key: &'static str) -> Option<syn::Path> {
        let value = self.named(key)?;
        let path = match &value {
            Expr::Path(path) if path.qself.is_none() => Some(path.path.clone()),
            Expr::Verbatim(tokens) => syn::parse2::<syn::Path>(tokens.clone()).ok(),
            _ => None,
        };
        if path.is_none() {
            let message = format!("`{key}` takes the path of a function, such as `{key} = path::to::function`");
            self.cx.error_spanned_by(&value, message);
        }
        path
    }

    /// Takes the arguments that are rules (`non_empty`, `length(max = 3)`): those of `each` and `keys`.
    pub fn rule_args(&mut self) -> Vec<Arg> {
        self.positional = Some("rules such as `non_empty`");
        let mut found = Vec::new();
        for slot in &mut self.args {
            if matches!(slot, Some(Arg::Path(_) | Arg::List { .. }))
                && let Some(arg) = slot.take()
            {
                found.push(arg);
            }
        }
        found
    }

    /// Drops what is left without reporting it (the rule itself was already reported).
    pub fn abandon(&mut self) {
        self.args.clear();
    }

    /// Reports every argument no reader took.
    pub fn finish(self) {
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

/// "`check` needs a function, such as `check(path::to::function)`".
pub fn needs_function(rule: &str) -> String {
    format!("`{rule}` needs a function, such as `{rule}(path::to::function)`")
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
