//! Generic bounds: for each field whose type mentions a type parameter, the traits its rules need,
//! and nothing else; or, with `#[validate(bound = "…")]`, what the user wrote instead.
//!
//! A field whose type mentions the type itself (`children: Vec<Tree<T>>`) gets no `Validate`
//! bound: it would ask, to implement `Validate` for `Tree<T>`, that `Tree<T>` implements it,
//! a cycle rustc cannot close, and the impl would silently not apply. Left out, rustc proves it
//! in the body from the impl being written and the other fields' bounds.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::{Generics, Ident, WherePredicate, parse_quote};

use crate::ast::Container;
use crate::attr::{Rule, RuleKind};

/// The container's generics with the user's `bound = "…"`, when written, in the where clause.
pub fn with_written(container: &Container<'_>) -> Generics {
    let mut generics = container.generics.clone();
    if let Some(written) = &container.attrs.bound {
        generics.make_where_clause().predicates.extend(written.iter().cloned());
    }
    generics
}

/// The container's generics with the bounds its rules need added to the where clause, or the
/// user's `bound` instead.
pub fn with_bounds(container: &Container<'_>) -> Generics {
    if container.attrs.bound.is_some() {
        return with_written(container);
    }
    let mut generics = container.generics.clone();
    let params: Vec<&Ident> = container.generics.type_params().map(|param| &param.ident).collect();
    if params.is_empty() {
        return generics;
    }
    let self_keyword = Ident::new("Self", container.ident.span());
    let itself = [container.ident, &self_keyword];
    let mut predicates = Vec::new();
    for field in container.all_fields() {
        let ty = field.ty;
        let ty = quote!(#ty);
        if mentions_any(ty.clone(), &params) {
            let recursive = mentions_any(ty.clone(), &itself);
            for rule in &field.rules {
                rule_bounds(rule, &ty, recursive, &mut predicates);
            }
        }
    }
    generics.make_where_clause().predicates.extend(predicates);
    generics
}

/// The predicates `rule` needs on the type `ty`: the trait of its row in the rule table, or for
/// `each`, `keys` and `unique`, what their items or keys need. `recursive`: `ty` mentions the type
/// being derived, so `nested` states no bound.
fn rule_bounds(rule: &Rule, ty: &TokenStream, recursive: bool, out: &mut Vec<WherePredicate>) {
    let r = crate::rules::runtime();
    match &rule.kind {
        RuleKind::Nested { .. } if recursive => {}
        RuleKind::Unique { by, .. } => {
            let item_bound = if by.is_some() { quote!(#r::WireNames) } else { quote!(#r::unique::UniqueKey) };
            out.push(parse_quote!(<#ty as #r::unique::Items>::Item: #item_bound));
            out.push(parse_quote!(#ty: #r::unique::Items));
        }
        // Its function's own bounds say what it needs; a `ReadOnly` bound here would keep rustc
        // from seeing that `<Option<T> as ReadOnly>::Value` is `T`.
        RuleKind::ReadOnly { stored: Some(_) } => {}
        RuleKind::Each(inner) => {
            let item = quote!(<#ty as #r::each::Each>::Item);
            for rule in inner {
                rule_bounds(rule, &item, recursive, out);
            }
            out.push(parse_quote!(#ty: #r::each::Each));
        }
        RuleKind::Keys(inner) => {
            let key = quote!(<#ty as #r::keys::HasKeys>::Key);
            for rule in inner {
                rule_bounds(rule, &key, recursive, out);
            }
            out.push(parse_quote!(#ty: #r::keys::HasKeys));
        }
        _ => {
            // Every bound of the table is a path (a unit test of `table.rs` says so).
            let needed = crate::table::find(&rule.name.to_string()).and_then(|spec| spec.bound);
            if let Some(needed) = needed.and_then(|needed| syn::parse_str::<syn::Path>(needed).ok()) {
                out.push(parse_quote!(#ty: #r::#needed));
            }
        }
    }
}

/// Whether any of `params` appears among the tokens of a type.
fn mentions_any(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.iter().any(|param| **param == ident),
        TokenTree::Group(group) => mentions_any(group.stream(), params),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}
