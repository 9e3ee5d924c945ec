//! The description as generated code gives it, and its reading into a [`Description`].
//!
//! The derive writes what it knows when it expands (names, rules, literal arguments) as one string
//! of operations, the texts they name in one array of string literals, and only what the compiler
//! must work out (a bound written as an expression, the wire name `unique(by = …)` compares, a
//! format) as values: `decode("Hub", "struct field:0:member:1:1 length:u2:u64", &["hub_name",
//! "hubName"], &[])`. A description built as Rust expressions instead (nested constructors, a `vec!`
//! per list, a probe per bound) made a crate of 50 derived structs of 6 fields build 30 % longer;
//! written this way, it adds 5–8 % (`rustc` alone, minimum of 6 or more interleaved runs;
//! 2026-12-01).
//!
//! The operations, separated by spaces, each a name and its arguments after `:`; `<s>` is an index
//! into the texts, `<d>` into the values:
//! - the shape first: `struct`, `enum:external`, `enum:internal:<s tag>`,
//!   `enum:adjacent:<s tag>:<s content>` or `enum:untagged`; then `ctx:<s>` (the context type),
//!   `check:<s>` (each check's function);
//! - `variant:<s name>` starts a variant (the fields after it are its own);
//! - `field:<s member>:<wire>` starts a field, `<wire>` being `member:<s name>:<s key>`,
//!   `item:<index>`, `itself`, `flattened` or `skipped`;
//! - the field's rules follow: `required`, `non_empty`, `length:<b>:<b>`, `range:<b>:<b>:<b>:<b>`
//!   (min, max, exclusive min, exclusive max), `pattern:<s>`, `contains:<s>`, `prefix:<s>`,
//!   `suffix:<s>`, `not_containing:<s>`, `no_control_chars`, `one_of:<s first>:<count>` (the values
//!   are consecutive texts), `format:<d>`, `localized`, `nested`, `unique:<by>:<0|1 ignore_case>`
//!   (`<by>`: `-`, or `<d>` the wire name), `read_only`, `custom:<s>`; `each` and `keys` open a
//!   list of rules that `end` closes;
//! - a bound `<b>`: `-` none, `r` known at run time, `u<n>`, `i<n>`, `f<x>`, `g<x>` a literal
//!   (unsigned, signed, `f64`, `f32`), `d<d>` a value.

use super::{Bound, Description, Field, Format, Number, Rule, Shape, Tagging, Variant, Wire};

/// A part of the description the compiler works out.
pub enum Dyn {
    /// A bound of `length`.
    Count(usize),
    /// A bound of `range`, if it is a number (else the rule's own check reports the mistake).
    Number(Option<Number>),
    /// A text: the wire name `unique(by = …)` compares.
    Text(&'static str),
    /// The format of `format(…)`.
    Format(Format),
}

/// The description of the type `name` from its operations, texts and values (see the module).
pub fn decode(name: &'static str, ops: &str, texts: &'static [&'static str], values: &[Dyn]) -> Description {
    let reader = Reader { texts, values };
    let mut description = Description { name, shape: Shape::Struct(Vec::new()), checks: Vec::new(), context: None };
    // The rules of the `each` and `keys` being read, innermost last.
    let mut open: Vec<(&str, Vec<Rule>)> = Vec::new();
    for op in ops.split(' ').filter(|op| !op.is_empty()) {
        let mut args = op.split(':');
        let head = args.next().unwrap_or_default();
        match head {
            "struct" => {}
            "enum" => {
                let tagging = reader.tagging(&mut args);
                description.shape = Shape::Enum { tagging, variants: Vec::new() };
            }
            "ctx" => description.context = reader.text(args.next()),
            "check" => description.checks.extend(reader.text(args.next())),
            "variant" => {
                if let Shape::Enum { variants, .. } = &mut description.shape {
                    let name = reader.text(args.next()).unwrap_or_default();
                    variants.push(Variant { name, fields: Vec::new() });
                }
            }
            "field" => {
                let member = reader.text(args.next()).unwrap_or_default();
                let wire = reader.wire(&mut args);
                if let Some(fields) = fields_of(&mut description.shape) {
                    fields.push(Field { member, wire, rules: Vec::new() });
                }
            }
            "each" | "keys" => open.push((head, Vec::new())),
            "end" => {
                if let Some((kind, rules)) = open.pop() {
                    let rule = if kind == "each" { Rule::EachItem(rules) } else { Rule::EachKey(rules) };
                    push_rule(&mut description.shape, &mut open, rule);
                }
            }
            rule => {
                if let Some(rule) = reader.rule(rule, &mut args) {
                    push_rule(&mut description.shape, &mut open, rule);
                }
            }
        }
    }
    description
}

/// The fields being read: the struct's, or the last variant's.
fn fields_of(shape: &mut Shape) -> Option<&mut Vec<Field>> {
    match shape {
        Shape::Struct(fields) => Some(fields),
        Shape::Enum { variants, .. } => variants.last_mut().map(|variant| &mut variant.fields),
    }
}

fn push_rule(shape: &mut Shape, open: &mut [(&str, Vec<Rule>)], rule: Rule) {
    if let Some((_, rules)) = open.last_mut() {
        rules.push(rule);
    } else if let Some(field) = fields_of(shape).and_then(|fields| fields.last_mut()) {
        field.rules.push(rule);
    }
}

struct Reader<'a> {
    texts: &'static [&'static str],
    values: &'a [Dyn],
}

impl Reader<'_> {
    fn text(&self, index: Option<&str>) -> Option<&'static str> {
        index?.parse::<usize>().ok().and_then(|index| self.texts.get(index).copied())
    }

    fn value(&self, index: &str) -> Option<&Dyn> {
        index.parse::<usize>().ok().and_then(|index| self.values.get(index))
    }

    fn tagging<'o>(&self, args: &mut impl Iterator<Item = &'o str>) -> Tagging {
        match args.next() {
            Some("internal") => Tagging::Internal { tag: self.text(args.next()).unwrap_or_default() },
            Some("adjacent") => {
                let tag = self.text(args.next()).unwrap_or_default();
                Tagging::Adjacent { tag, content: self.text(args.next()).unwrap_or_default() }
            }
            Some("untagged") => Tagging::Untagged,
            _ => Tagging::External,
        }
    }

    fn wire<'o>(&self, args: &mut impl Iterator<Item = &'o str>) -> Wire {
        match args.next() {
            Some("member") => {
                let name = self.text(args.next()).unwrap_or_default();
                Wire::Member { name, key: self.text(args.next()).unwrap_or(name) }
            }
            Some("item") => Wire::Item(args.next().and_then(|index| index.parse().ok()).unwrap_or_default()),
            Some("flattened") => Wire::Flattened,
            Some("skipped") => Wire::Skipped,
            _ => Wire::Itself,
        }
    }

    fn rule<'o>(&self, name: &str, args: &mut impl Iterator<Item = &'o str>) -> Option<Rule> {
        let rule = match name {
            "required" => Rule::Present,
            "non_empty" => Rule::NotEmpty,
            "length" => Rule::Length { min: self.count(args.next()), max: self.count(args.next()) },
            "range" => Rule::Range {
                min: self.number(args.next()),
                max: self.number(args.next()),
                exclusive_min: self.number(args.next()),
                exclusive_max: self.number(args.next()),
            },
            "pattern" => Rule::Pattern(self.text(args.next())?),
            "contains" => Rule::Contains(self.text(args.next())?),
            "prefix" => Rule::Prefix(self.text(args.next())?),
            "suffix" => Rule::Suffix(self.text(args.next())?),
            "not_containing" => Rule::NotContaining(self.text(args.next())?),
            "no_control_chars" => Rule::NoControlChars,
            "one_of" => {
                let first: usize = args.next()?.parse().ok()?;
                let count: usize = args.next()?.parse().ok()?;
                Rule::OneOf(self.texts.get(first..first + count)?)
            }
            "format" => match self.value(args.next()?)? {
                Dyn::Format(format) => Rule::Format(*format),
                _ => return None,
            },
            "localized" => Rule::Localized,
            "nested" => Rule::Nested,
            "unique" => {
                let by = match args.next()? {
                    "-" => None,
                    index => match self.value(index)? {
                        Dyn::Text(name) => Some(*name),
                        _ => return None,
                    },
                };
                Rule::Unique { by, ignore_case: args.next() == Some("1") }
            }
            "read_only" => Rule::SetByServer,
            "custom" => Rule::Custom(self.text(args.next())?),
            _ => return None,
        };
        Some(rule)
    }

    fn count(&self, bound: Option<&str>) -> Option<Bound<usize>> {
        match bound?.split_at_checked(1)? {
            ("r", _) => Some(Bound::AtRunTime),
            ("u", n) => n.parse().ok().map(Bound::Value),
            ("d", index) => match self.value(index)? {
                Dyn::Count(n) => Some(Bound::Value(*n)),
                _ => None,
            },
            _ => None,
        }
    }

    fn number(&self, bound: Option<&str>) -> Option<Bound<Number>> {
        let number = match bound?.split_at_checked(1)? {
            ("r", _) => return Some(Bound::AtRunTime),
            ("u", n) => Number::Unsigned(n.parse().ok()?),
            ("i", n) => Number::Signed(n.parse().ok()?),
            ("f", x) => Number::F64(x.parse().ok()?),
            ("g", x) => Number::F32(x.parse().ok()?),
            ("d", index) => match self.value(index)? {
                Dyn::Number(Some(number)) => number.clone(),
                Dyn::Number(None) => return Some(Bound::AtRunTime),
                _ => return None,
            },
            _ => return None,
        };
        Some(Bound::Value(number))
    }
}
