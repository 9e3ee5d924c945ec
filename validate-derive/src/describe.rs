//! Emits the type's description: its rules as data (`validate_core::schema::Describe`), each field
//! with its place on the wire, each rule with its arguments, for documentation and schemas.
//!
//! What is known here (names, rules, literal arguments) is written as one string of operations and
//! an array of texts, which the runtime reads (`validate-core/src/schema/encoded.rs` describes
//! both and says what this form saves); only what the compiler must work out is emitted as
//! expressions: a bound written as an expression (one that names the context, `ctx`, or the value,
//! `self`, is known only at run time), the wire name `unique(by = …)` compares, a format. Those
//! go through probes that fall back quietly, so that a rule that does not fit its field is
//! reported once, by `validate_at`.

use proc_macro2::{Ident, Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::{Expr, Lit, UnOp};

use crate::args::text;
use crate::ast::{Container, Data, Field, Segment, Tagging, unraw};
use crate::attr::{Format, Rule, RuleKind};

/// The runtime's module for descriptions.
fn d() -> TokenStream {
    quote!(::validate_core::__v1::describe)
}

/// `fn __describe()` of the type's `WireNames` impl, `#[inline]`: the derive writes that impl for
/// every type anyway, and `schema::Describe` is implemented for every `WireNames` type with it. A
/// crate of 50 derived structs of 6 fields builds 5–8 % longer with it; with an `impl Describe` of
/// its own, 8–10 % longer; with the description written as Rust expressions, 30 % (`rustc` alone,
/// `-Z time-passes` total, minimum of 6 or more interleaved runs; 2026-12-01).
pub fn describe(container: &Container<'_>) -> TokenStream {
    let mut encoder = Encoder::default();
    encoder.container(container);
    let Encoder { ops, texts, values } = encoder;
    let ops = ops.join(" ");
    let texts = texts.iter().map(|text| Literal::string(text));
    let d = d();
    let name = unraw(container.ident);
    quote! {
        #[inline]
        fn __describe() -> #d::Description {
            #d::decode(#name, #ops, &[#(#texts),*], &[#(#values),*])
        }
    }
}

/// The operations, the texts they name and the values the compiler works out.
#[derive(Default)]
struct Encoder {
    ops: Vec<String>,
    texts: Vec<String>,
    values: Vec<TokenStream>,
}

impl Encoder {
    /// The index of `text` among the texts.
    fn text(&mut self, text: &str) -> usize {
        self.texts.push(text.to_owned());
        self.texts.len() - 1
    }

    /// The index of `value` among the values.
    fn value(&mut self, value: TokenStream) -> usize {
        self.values.push(value);
        self.values.len() - 1
    }

    fn container(&mut self, container: &Container<'_>) {
        match &container.data {
            Data::Struct(_) => self.ops.push("struct".into()),
            Data::Enum(_) => {
                let tag = container.serde.tag.as_deref().unwrap_or_default();
                let op = match Tagging::of(&container.serde) {
                    Tagging::External => "enum:external".to_owned(),
                    Tagging::Internal => format!("enum:internal:{}", self.text(tag)),
                    Tagging::Adjacent { content } => {
                        format!("enum:adjacent:{}:{}", self.text(tag), self.text(&content))
                    }
                    Tagging::Untagged => "enum:untagged".to_owned(),
                };
                self.ops.push(op);
            }
        }
        if let Some(context) = &container.attrs.context {
            let op = format!("ctx:{}", self.text(&text(context)));
            self.ops.push(op);
        }
        for check in &container.attrs.checks {
            let op = format!("check:{}", self.text(&text(&check.function)));
            self.ops.push(op);
        }
        match &container.data {
            Data::Struct(fields) => {
                for field in fields {
                    self.field(field);
                }
            }
            Data::Enum(variants) => {
                for variant in variants.iter().filter(|variant| !variant.skip) {
                    let name = variant.names.first().cloned().unwrap_or_else(|| unraw(variant.ident));
                    let op = format!("variant:{}", self.text(&name));
                    self.ops.push(op);
                    for field in &variant.fields {
                        self.field(field);
                    }
                }
            }
        }
    }

    fn field(&mut self, field: &Field<'_>) {
        let member = match &field.member {
            syn::Member::Named(ident) => unraw(ident),
            syn::Member::Unnamed(index) => index.index.to_string(),
        };
        let member = self.text(&member);
        let wire = match (&field.segment, field.serde.skip, field.serde.flatten) {
            (_, true, _) => "skipped".to_owned(),
            (None, _, true) => "flattened".to_owned(),
            (None, _, false) => "itself".to_owned(),
            (Some(Segment::Index(index)), _, _) => format!("item:{index}"),
            (Some(Segment::Member(name)), _, _) => {
                let key = field.key.as_deref().unwrap_or(name);
                format!("member:{}:{}", self.text(name), self.text(key))
            }
        };
        self.ops.push(format!("field:{member}:{wire}"));
        let ty = field.ty;
        for rule in &field.rules {
            self.rule(rule, &quote!(#ty), 0);
        }
    }

    /// `rule` on a field of type `ty`, `depth` levels of `each` below it.
    fn rule(&mut self, rule: &Rule, ty: &TokenStream, depth: usize) {
        let op = match &rule.kind {
            RuleKind::Required => "required".to_owned(),
            RuleKind::NonEmpty => "non_empty".to_owned(),
            RuleKind::Length { equal: Some(equal), .. } => {
                let equal = self.count(equal);
                format!("length:{equal}:{equal}")
            }
            RuleKind::Length { min, max, equal: None } => {
                format!(
                    "length:{}:{}",
                    self.optional(min.as_ref(), Self::count),
                    self.optional(max.as_ref(), Self::count)
                )
            }
            RuleKind::Range { min, max, exclusive_min, exclusive_max } => {
                let bounds =
                    [min, max, exclusive_min, exclusive_max].map(|bound| self.optional(bound.as_ref(), Self::number));
                format!("range:{}", bounds.join(":"))
            }
            RuleKind::Pattern(pattern) => format!("pattern:{}", self.text(&pattern.value())),
            RuleKind::Part(part) => format!("{}:{}", rule.name, self.text(&part.value())),
            RuleKind::NoControlChars => "no_control_chars".to_owned(),
            RuleKind::OneOf(values) => {
                let first = self.texts.len();
                for value in values {
                    self.text(&value.value());
                }
                format!("one_of:{first}:{}", values.len())
            }
            RuleKind::Format(format) => {
                let format = format_variant(*format);
                let d = d();
                format!("format:{}", self.value(quote!(#d::Dyn::Format(#d::Format::#format))))
            }
            RuleKind::Localized => "localized".to_owned(),
            RuleKind::Nested { .. } => "nested".to_owned(),
            RuleKind::Each(inner) => {
                self.ops.push("each".into());
                for rule in inner {
                    self.rule(rule, ty, depth + 1);
                }
                "end".to_owned()
            }
            RuleKind::Unique { by, ignore_case } => {
                let by = match by {
                    Some(field) => self.unique_by(&unraw(field), ty, depth).to_string(),
                    None => "-".to_owned(),
                };
                format!("unique:{by}:{}", u8::from(*ignore_case))
            }
            RuleKind::Keys(inner) => {
                self.ops.push("keys".into());
                for rule in inner {
                    self.rule(rule, ty, depth + 1);
                }
                "end".to_owned()
            }
            RuleKind::ReadOnly { .. } => "read_only".to_owned(),
            RuleKind::Custom(function) => format!("custom:{}", self.text(&text(function))),
        };
        self.ops.push(op);
    }

    /// The value of the wire name `unique(by = rust_name)` compares: the items' (or, inside
    /// `each`, the items' items') `WireNames`; deeper, or for items without them, the Rust name.
    fn unique_by(&mut self, rust_name: &str, ty: &TokenStream, depth: usize) -> usize {
        let d = d();
        let (probe, ty) = match depth {
            0 => (quote!(ItemsOf), ty.clone()),
            1 => (quote!(EachItemsOf), ty.clone()),
            _ => (quote!(ItemsOf), quote!(())),
        };
        self.value(quote!(#d::Dyn::Text({
            use #d::{ByRustName as _, ByWireName as _};
            (&#d::#probe::<#ty>(::core::marker::PhantomData)).wire_name(#rust_name)
        })))
    }

    /// `-`, or the bound `bound` as `encode` writes it.
    fn optional(&mut self, bound: Option<&Expr>, encode: fn(&mut Self, &Expr) -> String) -> String {
        bound.map_or_else(|| "-".to_owned(), |bound| encode(self, bound))
    }

    /// A bound of `length`: a literal as written, an expression as a value.
    fn count(&mut self, bound: &Expr) -> String {
        if at_run_time(bound) {
            return "r".to_owned();
        }
        match literal(bound) {
            // Read as a `usize`, whatever its suffix: one that is not is `validate_at`'s to report.
            Some(Literal_::Unsigned(n)) => format!("u{n}"),
            Some(Literal_::Signed(n)) if n >= 0 => format!("u{n}"),
            _ => {
                let d = d();
                format!("d{}", self.value(quote!(#d::Dyn::Count(#bound))))
            }
        }
    }

    /// A bound of `range`: a literal as written (an integer without a suffix as a signed one), an
    /// expression as a value.
    fn number(&mut self, bound: &Expr) -> String {
        if at_run_time(bound) {
            return "r".to_owned();
        }
        match literal(bound) {
            Some(Literal_::Unsigned(n)) => format!("u{n}"),
            Some(Literal_::Signed(n)) => format!("i{n}"),
            Some(Literal_::F64(x)) => format!("f{x}"),
            Some(Literal_::F32(x)) => format!("g{x}"),
            None => {
                let d = d();
                format!(
                    "d{}",
                    self.value(quote!(#d::Dyn::Number({
                        use #d::{NotNumber as _, NumberValue as _};
                        (&#d::Num(#bound)).number()
                    })))
                )
            }
        }
    }
}

/// A numeric literal as the description writes it.
// Named apart from `proc_macro2::Literal`.
#[allow(clippy::enum_variant_names)]
enum Literal_ {
    Unsigned(u64),
    Signed(i64),
    F64(f64),
    F32(f32),
}

/// The literal `bound` is, possibly negated: an unsuffixed integer is an `i32` to Rust, a signed
/// number here; a suffix says the type (`1u64`, `0.5f32`).
fn literal(bound: &Expr) -> Option<Literal_> {
    let (negative, lit) = match bound {
        Expr::Lit(lit) => (false, &lit.lit),
        Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => match &*unary.expr {
            Expr::Lit(lit) => (true, &lit.lit),
            _ => return None,
        },
        _ => return None,
    };
    let sign = if negative { "-" } else { "" };
    match lit {
        Lit::Int(int) => {
            let digits = format!("{sign}{}", int.base10_digits());
            match int.suffix() {
                "" | "i8" | "i16" | "i32" | "i64" | "isize" => digits.parse().ok().map(Literal_::Signed),
                "u8" | "u16" | "u32" | "u64" | "usize" if !negative => digits.parse().ok().map(Literal_::Unsigned),
                _ => None,
            }
        }
        Lit::Float(float) => {
            let digits = format!("{sign}{}", float.base10_digits());
            match float.suffix() {
                "f32" => digits.parse().ok().map(Literal_::F32),
                _ => digits.parse().ok().map(Literal_::F64),
            }
        }
        _ => None,
    }
}

/// The runtime's name of a format of `format(…)`.
fn format_variant(format: Format) -> Ident {
    let name = match format {
        Format::Uuid => "Guid",
        Format::DateTime => "DateTime",
        Format::Date => "Date",
        Format::Duration => "Duration",
        Format::DateTimeRfc1123 => "DateTimeRfc1123",
        Format::Uri => "Uri",
        Format::ArmId => "ArmId",
        Format::Email => "Email",
        Format::Ip => "Ip",
        Format::Ipv4 => "Ipv4",
        Format::Ipv6 => "Ipv6",
        Format::Base64 => "Base64",
        Format::Base64Url => "Base64Url",
    };
    Ident::new(name, Span::call_site())
}

/// Whether the expression names the context (`ctx`) or the value (`self`), which a description
/// built without either cannot evaluate.
fn at_run_time(expr: &Expr) -> bool {
    fn names(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => ident == "ctx" || ident == "self",
            TokenTree::Group(group) => names(group.stream()),
            TokenTree::Punct(_) | TokenTree::Literal(_) => false,
        })
    }
    names(expr.to_token_stream())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_that_need_the_context_or_the_value_wait_for_run_time() {
        for (bound, later) in [("ctx.max", true), ("*ctx as usize", true), ("self.limit", true), ("MAX + 1", false)] {
            assert_eq!(at_run_time(&syn::parse_str(bound).unwrap()), later, "{bound}");
        }
    }

    #[test]
    fn literals_are_written_as_the_rule_reads_them() {
        let written = |bound: &str| {
            let mut encoder = Encoder::default();
            let expr = syn::parse_str(bound).unwrap();
            (encoder.count(&expr), encoder.number(&expr), encoder.values.len())
        };
        assert_eq!(written("5"), ("u5".to_owned(), "i5".to_owned(), 0));
        assert_eq!(written("5usize"), ("u5".to_owned(), "u5".to_owned(), 0));
        assert_eq!(written("-3"), ("d0".to_owned(), "i-3".to_owned(), 1));
        assert_eq!(written("0.5"), ("d0".to_owned(), "f0.5".to_owned(), 1));
        assert_eq!(written("0.1f32"), ("d0".to_owned(), "g0.1".to_owned(), 1));
        assert_eq!(written("MAX"), ("d0".to_owned(), "d1".to_owned(), 2));
        assert_eq!(written("ctx.max"), ("r".to_owned(), "r".to_owned(), 0));
    }
}
