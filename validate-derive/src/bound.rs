//! Generic bounds: for each field whose type mentions a type parameter, the traits its rules need,
//! and nothing else.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::{Generics, Ident, WherePredicate, parse_quote};

use crate::ast::Container;
use crate::attr::{Rule, RuleKind};

/// The container's generics with the bounds its rules need added to the where clause.
pub fn with_bounds(container: &Container<'_>) -> Generics {
    let mut generics = container.generics.clone();
    let params: Vec<&Ident> = container.generics.type_params().map(|param| &param.ident).collect();
    if params.is_empty() {
        return generics;
    }
    let mut predicates = Vec::new();
    for field in container.all_fields() {
        let ty = field.ty;
        if mentions_any(quote!(#ty), &params) {
            for rule in &field.rules {
                rule_bounds(rule, &quote!(#ty), &mut predicates);
            }
        }
    }
    generics.make_where_clause().predicates.extend(predicates);
    generics
}

/// The predicates `rule` needs on the type `ty`.
fn rule_bounds(rule: &Rule, ty: &TokenStream, out: &mut Vec<WherePredicate>) {
    let rules = quote!(::validate_core::__private);
    let needed: TokenStream = match &rule.kind {
        RuleKind::Required => quote!(#rules::required::Required),
        RuleKind::ReadOnly => quote!(#rules::read_only::ReadOnly),
        RuleKind::NonEmpty => quote!(#rules::non_empty::NonEmpty),
        RuleKind::Length { .. } => quote!(#rules::length::HasLength),
        RuleKind::Range { .. } => quote!(#rules::range::Number),
        RuleKind::Pattern(_) | RuleKind::OneOf(_) | RuleKind::Format(_) => quote!(#rules::AsText),
        RuleKind::Localized => quote!(#rules::localized::LocalizedText),
        RuleKind::Nested => quote!(#rules::Validate),
        RuleKind::Unique { by: None, .. } => {
            out.push(parse_quote!(<#ty as #rules::unique::Items>::Item: #rules::unique::UniqueKey));
            quote!(#rules::unique::Items)
        }
        RuleKind::Unique { by: Some(_), .. } => {
            out.push(parse_quote!(<#ty as #rules::unique::Items>::Item: #rules::WireNames));
            quote!(#rules::unique::Items)
        }
        RuleKind::Each(inner) => {
            let item = quote!(<#ty as #rules::each::Each>::Item);
            for rule in inner {
                rule_bounds(rule, &item, out);
            }
            quote!(#rules::each::Each)
        }
        // A custom function states its own bounds.
        RuleKind::Custom(_) => return,
    };
    out.push(parse_quote!(#ty: #needed));
}

/// Whether any of `params` appears among the tokens of a type.
fn mentions_any(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.iter().any(|param| **param == ident),
        TokenTree::Group(group) => mentions_any(group.stream(), params),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}
