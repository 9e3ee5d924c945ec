//! Emits the `Validate` impl (and the `WireNames` impl that `unique(by = …)` reads).

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Expr, Ident, LitStr};

use crate::ast::{Container, Data, Field, Segment, Variant, unraw};
use crate::attr::{Check, Format, Rule, RuleKind};
use crate::ctxt::Ctxt;
use crate::{bound, check, fallback};

/// The whole derive: parse, check, emit; on any mistake, every error with a stand-in impl.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let container = Container::from_ast(&mut cx, input);
    if let Some(container) = &container {
        check::check(&mut cx, container);
    }
    if let Err(errors) = cx.check() {
        return fallback::stand_in(input, &errors);
    }
    container.map_or_else(TokenStream::new, |container| expand(&container))
}

fn expand(container: &Container<'_>) -> TokenStream {
    let ident = container.ident;
    let generics = bound::with_bounds(container);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let checks = container.attrs.checks.iter().map(|check| check_call(check, &quote!(self)));
    let wire_names = wire_names(container);
    let patterns = pattern_statics(container);
    let body = match &container.data {
        Data::Struct(fields) => struct_body(fields),
        Data::Enum(variants) => enum_body(variants),
    };
    let (hook, walk) = crate::explain::walk(container).map(|walk| (walk.hook, walk.impl_block)).unzip();
    // In a block of its own, so that the patterns' statics are shared by `validate_at` and the
    // walk (each regex is compiled once) without adding names to the user's module.
    // `validate_at` is `#[inline]`, like the walk: it is compiled in the crates that validate the
    // type, as serde's generic code is, so a crate of many request types pays only for the ones
    // it uses; and the checks of nested types can be inlined into their parents.
    quote! {
        const _: () = {
            #patterns

            #[automatically_derived]
            impl #impl_generics ::validate_core::Validate for #ident #ty_generics #where_clause {
                #[inline]
                #[allow(unused_variables)]
                fn validate_at(
                    &self,
                    __at: &::validate_core::Path<'_>,
                    __out: &mut ::validate_core::Violations,
                ) {
                    #body
                    #(#checks)*
                }

                #hook
            }
            #wire_names
            #walk
        };
    }
}

/// One `static` per distinct pattern of the container's rules, named after its text.
fn pattern_statics(container: &Container<'_>) -> TokenStream {
    fn collect<'r>(rules: &'r [Rule], into: &mut Vec<&'r LitStr>) {
        for rule in rules {
            match &rule.kind {
                RuleKind::Pattern(pattern) => into.push(pattern),
                RuleKind::Each(inner) => collect(inner, into),
                _ => {}
            }
        }
    }
    let mut patterns = Vec::new();
    let fields: Vec<&Field<'_>> = match &container.data {
        Data::Struct(fields) => fields.iter().collect(),
        Data::Enum(variants) => variants.iter().flat_map(|variant| &variant.fields).collect(),
    };
    for field in fields {
        collect(&field.rules, &mut patterns);
    }
    let mut seen = std::collections::HashSet::new();
    let statics = patterns.into_iter().filter(|pattern| seen.insert(pattern.value())).map(|pattern| {
        let name = pattern_static(pattern);
        quote!(static #name: ::validate_core::__private::Pattern = ::validate_core::__private::Pattern::new(#pattern);)
    });
    quote!(#(#statics)*)
}

/// The name of a pattern's `static`: a hash of its text (FNV-1a), so that both places that check
/// it name the same one. Two different patterns of one type with the same hash would be reported
/// by rustc as a duplicate definition, never mixed up.
fn pattern_static(pattern: &LitStr) -> Ident {
    let hash = pattern
        .value()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    format_ident!("__VALIDATE_PATTERN_{:016X}", hash)
}

/// Where a field's value comes from: `&self.member` in a struct, a binding in an enum's arm, an
/// item inside `each`, or a value read on its own by the walk (whose `nested` rule places what
/// the walk found in `__found`).
pub(crate) enum Source<'a> {
    SelfMember(&'a syn::Member),
    Binding(Ident),
    Item,
    Walked,
}

impl Source<'_> {
    /// A reference to the value, spanned for the caret of a type error.
    fn tokens(&self, span: Span) -> TokenStream {
        match self {
            Source::SelfMember(member) => quote_spanned!(span=> &self.#member),
            Source::Binding(binding) => {
                let binding = Ident::new(&binding.to_string(), span);
                quote_spanned!(span=> #binding)
            }
            Source::Item => quote_spanned!(span=> __item),
            Source::Walked => quote_spanned!(span=> __value),
        }
    }
}

fn struct_body(fields: &[Field<'_>]) -> TokenStream {
    let checked = fields.iter().filter(|field| !field.rules.is_empty());
    let blocks = checked.map(|field| field_block(field, &Source::SelfMember(&field.member)));
    quote!(#(#blocks)*)
}

fn enum_body(variants: &[Variant<'_>]) -> TokenStream {
    let arms = variants.iter().filter_map(variant_arm);
    quote! {
        #[allow(unreachable_patterns)]
        match self {
            #(#arms)*
            _ => {}
        }
    }
}

/// `Self::Variant { member: __field0, .. } => { … }` for a variant with rules on its fields.
fn variant_arm(variant: &Variant<'_>) -> Option<TokenStream> {
    let checked: Vec<(usize, &Field<'_>)> =
        variant.fields.iter().enumerate().filter(|(_, field)| !field.rules.is_empty()).collect();
    if checked.is_empty() {
        return None;
    }
    let ident = variant.ident;
    let members = checked.iter().map(|(_, field)| &field.member);
    let bindings: Vec<Ident> = checked.iter().map(|(i, _)| format_ident!("__field{}", i)).collect();
    let blocks = checked
        .iter()
        .zip(&bindings)
        .map(|((_, field), binding)| field_block(field, &Source::Binding(binding.clone())));
    let enter = variant.segment.as_ref().map(|name| {
        let path = crate::ast::member_path(name);
        quote!(let __at = &#path;)
    });
    Some(quote! {
        Self::#ident { #(#members: #bindings,)* .. } => {
            #enter
            #(#blocks)*
        }
    })
}

/// `{ let __p = <the field's path>; <its rules> }`
fn field_block(field: &Field<'_>, source: &Source<'_>) -> TokenStream {
    let path = field_path(field);
    let rules = field.rules.iter().map(|rule| rule_code(rule, source));
    quote! {
        {
            let __p = #path;
            #(#rules)*
        }
    }
}

/// The path of a field below `__at`.
pub(crate) fn field_path(field: &Field<'_>) -> TokenStream {
    match &field.segment {
        Some(Segment::Member(name)) => {
            let path = crate::ast::member_path(name);
            quote!(&#path)
        }
        Some(Segment::Index(index)) => quote!(&__at.index(#index)),
        None => quote!(__at),
    }
}

/// The code of one rule on the value of `source` at `__p`, recording into `__out`.
pub(crate) fn rule_code(rule: &Rule, source: &Source<'_>) -> TokenStream {
    // Located at the rule's name, so that a type error puts its caret there; resolved at the call
    // site, so that it names the same locals as the rest of the generated code.
    let span = Span::call_site().located_at(rule.name.span());
    let value = source.tokens(span);
    let r = quote_spanned!(span=> ::validate_core::__private);
    match &rule.kind {
        RuleKind::Required => record(rule, span, &quote_spanned!(span=> #r::required::check(#value, __p))),
        RuleKind::ReadOnly => record(rule, span, &quote_spanned!(span=> #r::read_only::check(#value, __p))),
        RuleKind::NonEmpty => record(rule, span, &quote_spanned!(span=> #r::non_empty::check(#value))),
        RuleKind::Length { min, max } => {
            bounded(rule, span, &quote_spanned!(span=> #r::length::check), &value, min.as_ref(), max.as_ref())
        }
        RuleKind::Range { min, max } => {
            bounded(rule, span, &quote_spanned!(span=> #r::range::check), &value, min.as_ref(), max.as_ref())
        }
        RuleKind::Pattern(pattern) => {
            let name = pattern_static(pattern);
            record(rule, span, &quote_spanned!(span=> #r::pattern::check(#value, &#name)))
        }
        RuleKind::OneOf(values) => {
            record(rule, span, &quote_spanned!(span=> #r::one_of::check(#value, &[#(#values),*])))
        }
        RuleKind::Format(Format::Uuid) => record(rule, span, &quote_spanned!(span=> #r::format::uuid(#value))),
        RuleKind::Format(Format::DateTime) => record(rule, span, &quote_spanned!(span=> #r::format::date_time(#value))),
        RuleKind::Localized => structural(rule, quote_spanned!(span=> #r::localized::check(#value, __p, __out);)),
        RuleKind::Nested if matches!(source, Source::Walked) => {
            structural(rule, quote_spanned!(span=> __out.extend(::core::mem::take(&mut __found));))
        }
        RuleKind::Nested => quote_spanned!(span=> #r::nested::check(#value, __p, __out);),
        RuleKind::Each(inner) => {
            let inner = inner.iter().map(|rule| rule_code(rule, &Source::Item));
            let call = quote_spanned! {span=>
                #r::each::check(#value, __p, __out, |__item, __p, __out| { #(#inner)* });
            };
            structural(rule, call)
        }
        RuleKind::Unique { by: None, ignore_case } => {
            structural(rule, quote_spanned!(span=> #r::unique::check(#value, #ignore_case, __p, __out);))
        }
        RuleKind::Unique { by: Some(field), ignore_case } => {
            let rust_name = LitStr::new(&unraw(field), field.span());
            let call = quote_spanned! {span=>
                #r::unique::check_by(#value, |__item| &__item.#field, #rust_name, #ignore_case, __p, __out);
            };
            structural(rule, call)
        }
        RuleKind::Custom(function) => {
            let check = record(rule, span, &quote_spanned!(span=> #function(__v)));
            quote_spanned! {span=>
                {
                    use #r::{ProbeOption as _, ProbeValue as _};
                    if let ::core::option::Option::Some(__v) = (&#r::Probe(#value)).present() {
                        #check
                    }
                }
            }
        }
    }
}

/// `length` and `range`: the check, called with its bounds.
fn bounded(
    rule: &Rule,
    span: Span,
    check: &TokenStream,
    value: &TokenStream,
    min: Option<&Expr>,
    max: Option<&Expr>,
) -> TokenStream {
    let pass = |bound: Option<&Expr>| match bound {
        Some(bound) => quote_spanned!(span=> ::core::option::Option::Some(#bound)),
        None => quote_spanned!(span=> ::core::option::Option::None),
    };
    let (min, max) = (pass(min), pass(max));
    record(rule, span, &quote_spanned!(span=> #check(#value, #min, #max)))
}

/// Records the `Result` of a rule that yields one error at `__p`, with the attribute's overrides.
fn record(rule: &Rule, span: Span, call: &TokenStream) -> TokenStream {
    if rule.code.is_none() && rule.message.is_none() {
        return quote_spanned!(span=> __out.record(__p, #call););
    }
    let code = optional(rule.code.as_ref());
    let message = optional(rule.message.as_ref());
    quote_spanned!(span=> __out.record_as(__p, #call, #code, #message);)
}

/// A rule that records its own violations, wrapped to apply the attribute's overrides to them.
fn structural(rule: &Rule, call: TokenStream) -> TokenStream {
    if rule.code.is_none() && rule.message.is_none() {
        return call;
    }
    let code = optional(rule.code.as_ref());
    let message = optional(rule.message.as_ref());
    quote! {
        {
            let __start = __out.len();
            #call
            __out.override_since(__start, #code, #message);
        }
    }
}

fn optional(value: Option<&impl quote::ToTokens>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

/// `__out.record(__at, path::to::check(<receiver>));`, located at the function so that a function
/// of the wrong signature is reported there.
pub(crate) fn check_call(check: &Check, receiver: &TokenStream) -> TokenStream {
    let function = &check.function;
    let span = Span::call_site().located_at(function.span());
    let call = quote_spanned!(span=> #function(#receiver));
    if check.code.is_none() && check.message.is_none() {
        return quote_spanned!(span=> __out.record(__at, #call););
    }
    let code = optional(check.code.as_ref());
    let message = optional(check.message.as_ref());
    quote_spanned!(span=> __out.record_as(__at, #call, #code, #message);)
}

/// The wire name of every named field, for `unique(by = …)` on collections of this type.
/// `do_not_recommend` keeps rustc from listing every derived type when items lack the impl.
fn wire_names(container: &Container<'_>) -> TokenStream {
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let pairs = match &container.data {
        Data::Struct(fields) => fields
            .iter()
            .filter_map(|field| match (&field.member, &field.segment) {
                (syn::Member::Named(rust), Some(Segment::Member(wire))) => {
                    let rust = unraw(rust);
                    Some(quote!((#rust, #wire)))
                }
                _ => None,
            })
            .collect(),
        Data::Enum(_) => Vec::new(),
    };
    quote! {
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #impl_generics ::validate_core::__private::WireNames for #ident #ty_generics #where_clause {
            const WIRE_NAMES: &'static [(&'static str, &'static str)] = &[#(#pairs),*];
        }
    }
}
