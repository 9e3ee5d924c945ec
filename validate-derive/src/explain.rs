//! Emits the walk that finds every problem of a body at once (`validate_core`'s `Explain`): each
//! field read on its own as serde reads it, its rules run on every value that reads, `nested`
//! fields walked item by item. Only structs with named fields and no generics are walked; serde
//! features that read fields in other ways (`flatten`, `transparent`, `from`, `tag`) read whole.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Data, Field, Segment};
use crate::attr::RuleKind;
use crate::expand::{Source, check_call, rule_code};
use crate::serde_attr::Default;

/// The `Explain` impl, the `Validate::__explain` method that reaches it, and the body of
/// `validate_at`, or nothing when the type is read whole.
///
/// Each field's rules are emitted once, as a hidden associated function that both `validate_at`
/// and the walk call: a rule on the wrong type is then reported once.
pub struct Walk {
    pub hook: TokenStream,
    pub impl_block: TokenStream,
    pub validate_body: TokenStream,
}

pub fn walk(container: &Container<'_>) -> Option<Walk> {
    let Data::Struct(fields) = &container.data else {
        return None;
    };
    let serde = &container.serde;
    let walkable = container.generics.params.is_empty()
        && !serde.transparent
        && !serde.converted
        && serde.tag.is_none()
        && !fields.is_empty()
        && fields.iter().all(|field| field.key.is_some() && !field.serde.flatten);
    if !walkable {
        return None;
    }
    let ident = container.ident;
    let blocks = fields.iter().map(|field| field_block(container, field));
    let rule_fns = fields.iter().filter(|field| !field.rules.is_empty()).map(rules_fn);
    let validate_calls = fields.iter().filter(|field| !field.rules.is_empty()).map(validate_call);
    let unknown = serde.deny_unknown_fields.then(|| {
        let known = fields.iter().filter(|field| !field.serde.skip).flat_map(|field| names(field));
        quote!(__f.deny_unknown(&[#(#known),*], __at);)
    });
    let checks = container.attrs.checks.iter().map(|check| check_call(check, &quote!(&__value)));
    let x = quote!(::validate_core::__private::explain);
    let impl_block = quote! {
        #[automatically_derived]
        impl #ident {
            #(#rule_fns)*
        }

        #[automatically_derived]
        impl ::validate_core::__private::Explain for #ident {
            #[allow(unused_variables, clippy::all, clippy::pedantic)]
            fn explain(
                __tree: &::validate_core::__private::Tree,
                __at: &::validate_core::Path<'_>,
                __out: &mut ::validate_core::Violations,
            ) -> ::core::option::Option<Self> {
                let mut __f = #x::Fields::of(__tree, __at, __out)?;
                #(#blocks)*
                #unknown
                if !__f.whole() {
                    return ::core::option::Option::None;
                }
                // Every part read: read the whole, quietly, for the container's own checks.
                let __value: Self = {
                    use #x::{ReadNothing as _, ReadOwned as _};
                    (&#x::Reader::<Self>::new()).fns()
                }
                .read_quietly(__tree)?;
                #(#checks)*
                ::core::option::Option::Some(__value)
            }
        }
    };
    let hook = quote! {
        fn __explain(
            __tree: &::validate_core::__private::Tree,
            __at: &::validate_core::Path<'_>,
            __out: &mut ::validate_core::Violations,
        ) -> bool {
            let _ = <Self as ::validate_core::__private::Explain>::explain(__tree, __at, __out);
            true
        }
    };
    Some(Walk { hook, impl_block, validate_body: quote!(#(#validate_calls)*) })
}

/// `__validate_rules_<field>`: the name of a field's rules function.
fn rules_fn_name(field: &Field<'_>) -> syn::Ident {
    match &field.member {
        syn::Member::Named(ident) => quote::format_ident!("__validate_rules_{}", crate::ast::unraw(ident)),
        syn::Member::Unnamed(index) => quote::format_ident!("__validate_rules_{}", index.index),
    }
}

/// A field's rules on a reference to its value. `nested` checks the value's own rules, unless
/// the walk has found them already (`__nested` is `Some`).
fn rules_fn(field: &Field<'_>) -> TokenStream {
    let name = rules_fn_name(field);
    let ty = field.ty;
    let rules = field.rules.iter().map(|rule| match rule.kind {
        RuleKind::Nested => {
            let check = rule_code(rule, &Source::Local);
            quote! {
                match __nested {
                    ::core::option::Option::Some(__found) => __out.extend(::core::mem::take(__found)),
                    ::core::option::Option::None => { #check }
                }
            }
        }
        _ => rule_code(rule, &Source::Local),
    });
    quote! {
        #[doc(hidden)]
        #[inline]
        #[allow(unused_variables, clippy::all, clippy::pedantic)]
        fn #name(
            __value: &#ty,
            __p: &::validate_core::Path<'_>,
            __out: &mut ::validate_core::Violations,
            __nested: ::core::option::Option<&mut ::validate_core::Violations>,
        ) {
            #(#rules)*
        }
    }
}

/// A field's part of `validate_at`.
fn validate_call(field: &Field<'_>) -> TokenStream {
    let name = rules_fn_name(field);
    let member = &field.member;
    let path = field_path(field);
    quote! {
        Self::#name(&self.#member, #path, __out, ::core::option::Option::None);
    }
}

/// The path of a field below `__at`.
fn field_path(field: &Field<'_>) -> TokenStream {
    match &field.segment {
        Some(Segment::Member(name)) => {
            let path = crate::ast::member_path(name);
            quote!(&#path)
        }
        _ => quote!(__at),
    }
}

/// The keys a field is read from: its name and its aliases.
fn names(field: &Field<'_>) -> Vec<String> {
    field.key.iter().chain(&field.serde.aliases).cloned().collect()
}

/// One field's part of the walk: read it (or walk it), then run its rules on what was read.
fn field_block(container: &Container<'_>, field: &Field<'_>) -> TokenStream {
    let ty = field.ty;
    let path = field_path(field);
    let rules = (!field.rules.is_empty()).then(|| rules_fn_name(field));
    if field.serde.skip {
        let value = default_value(container, field);
        return rules.map_or_else(
            TokenStream::new,
            |rules| quote!(Self::#rules(&#value, #path, __f.out(), ::core::option::Option::None);),
        );
    }
    let names = names(field);
    let fns = read_fns(container, field);
    let nested = field.rules.iter().any(|rule| matches!(rule.kind, RuleKind::Nested));
    match (rules, nested) {
        (None, _) => quote!(let _ = __f.read::<#ty>(&[#(#names),*], #path, &#fns);),
        (Some(rules), false) => quote! {
            if let ::core::option::Option::Some(__value) = &__f.read::<#ty>(&[#(#names),*], #path, &#fns) {
                Self::#rules(__value, #path, __f.out(), ::core::option::Option::None);
            }
        },
        (Some(rules), true) => {
            let walk = walk_fn(field);
            quote! {{
                let mut __found = ::validate_core::Violations::new();
                match &__f.walk::<#ty>(&[#(#names),*], #path, #walk, &#fns, &mut __found) {
                    ::core::option::Option::Some(__value) => {
                        Self::#rules(__value, #path, __f.out(), ::core::option::Option::Some(&mut __found));
                    }
                    ::core::option::Option::None => __f.out().extend(__found),
                }
            }}
        }
    }
}

/// How a field is read: its `deserialize_with`, or serde (the type's own missing-field rule), then
/// its default when it is missing.
fn read_fns(container: &Container<'_>, field: &Field<'_>) -> TokenStream {
    let x = quote!(::validate_core::__private::explain);
    let ty = field.ty;
    let fns = match &field.serde.deserialize_with {
        Some(function) => {
            quote!(#x::ReadFns::<#ty>::with(|__t, __p, __o| #x::read_with(__t, __p, __o, |__d| #function(__d))))
        }
        None => quote!({
            use #x::{ReadNothing as _, ReadOwned as _};
            (&#x::Reader::<#ty>::new()).fns()
        }),
    };
    if field.serde.default.is_some() || container.serde.default.is_some() {
        let value = default_value(container, field);
        quote!(#fns.with_missing(|_, _| ::core::option::Option::Some(#value)))
    } else {
        fns
    }
}

/// How a `nested` field is walked: into its type, or, with `deserialize_with`, read whole and
/// validated.
fn walk_fn(field: &Field<'_>) -> TokenStream {
    let x = quote!(::validate_core::__private::explain);
    let ty = field.ty;
    match &field.serde.deserialize_with {
        Some(function) => quote! {
            |__t, __p, __o| {
                let __read: ::core::option::Option<#ty> = #x::read_with(__t, __p, __o, |__d| #function(__d));
                if let ::core::option::Option::Some(__value) = &__read {
                    ::validate_core::Validate::validate_at(__value, __p, __o);
                }
                __read
            }
        },
        None => quote!({
            use #x::{WalkExplained as _, WalkNothing as _, WalkWhole as _};
            (&&&#x::Walker::<#ty>::new()).walk_fn()
        }),
    }
}

/// The value serde gives a field it does not read.
fn default_value(container: &Container<'_>, field: &Field<'_>) -> TokenStream {
    let member = &field.member;
    match (&field.serde.default, &container.serde.default) {
        (Some(Default::Function(function)), _) => quote!(#function()),
        (Some(Default::Trait), _) | (None, None) => quote!(::core::default::Default::default()),
        (None, Some(Default::Trait)) => quote!(<Self as ::core::default::Default>::default().#member),
        (None, Some(Default::Function(function))) => quote!(#function().#member),
    }
}
