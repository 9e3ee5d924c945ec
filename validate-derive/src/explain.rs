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
        quote! {
            __whole &= !::validate_core::__private::explain::unknown(__members, &[#(#known),*], __at, __out);
        }
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
            #[allow(unused_variables, unused_mut, clippy::all, clippy::pedantic)]
            fn explain(
                __tree: &::validate_core::__private::Tree,
                __at: &::validate_core::Path<'_>,
                __out: &mut ::validate_core::Violations,
            ) -> ::core::option::Option<Self> {
                use #x::{ReadNothing as _, ReadOwned as _, WalkExplained as _, WalkNothing as _, WalkWhole as _};
                let __members = #x::object(__tree, __at, __out)?;
                let mut __whole = true;
                #(#blocks)*
                #unknown
                if !__whole {
                    return ::core::option::Option::None;
                }
                // Every part read: read the whole, quietly, for the container's own checks.
                let __value: Self = (&#x::Reader::<Self>::new()).read(__tree, __at, &mut ::validate_core::Violations::new())?;
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

/// A field's rules on a reference to its value; `nested` calls back, since `validate_at` checks
/// the value's own rules and the walk has already walked it.
fn rules_fn(field: &Field<'_>) -> TokenStream {
    let name = rules_fn_name(field);
    let ty = field.ty;
    let rules = field.rules.iter().map(|rule| match rule.kind {
        RuleKind::Nested => quote!(__nested(__p, __out);),
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
            __nested: impl ::core::ops::FnOnce(&::validate_core::Path<'_>, &mut ::validate_core::Violations),
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
    let nested = field.rules.iter().find(|rule| matches!(rule.kind, RuleKind::Nested));
    let nested = nested.map(|rule| rule_code(rule, &Source::SelfMember(member)));
    quote! {
        {
            let __p: &::validate_core::Path<'_> = #path;
            Self::#name(&self.#member, __p, __out, |__p, __out| { #nested });
        }
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

/// `{ let __read: Option<T> = <read the member>; <its rules on the value> }`
fn field_block(container: &Container<'_>, field: &Field<'_>) -> TokenStream {
    let x = quote!(::validate_core::__private::explain);
    let ty = field.ty;
    let path = field_path(field);
    let nested = field.rules.iter().any(|rule| matches!(rule.kind, RuleKind::Nested));
    let sink = if nested { quote!(&mut __nested) } else { quote!(__out) };
    let read = if field.serde.skip {
        let value = default_value(container, field);
        quote!(::core::option::Option::Some(#value))
    } else {
        let names = names(field);
        let present = read_present(field, nested, &sink);
        let missing = read_missing(container, field);
        quote! {
            match #x::find(__members, &[#(#names),*]) {
                #x::Found::Once(__t) => #present,
                #x::Found::Missing => #missing,
                #x::Found::Repeated => {
                    #x::repeated(__p, __out);
                    ::core::option::Option::None
                }
            }
        }
    };
    let rules = (!field.rules.is_empty()).then(|| {
        let name = rules_fn_name(field);
        let flush = nested.then(|| quote!(__out.extend(::core::mem::take(&mut __nested));));
        quote! {
            match &__read {
                ::core::option::Option::Some(__value) => Self::#name(__value, __p, __out, |_, __out| { #flush }),
                ::core::option::Option::None => { #flush }
            }
        }
    });
    let buffer = nested.then(|| quote!(let mut __nested = ::validate_core::Violations::new();));
    quote! {
        {
            let __p: &::validate_core::Path<'_> = #path;
            #buffer
            let __read: ::core::option::Option<#ty> = #read;
            __whole &= __read.is_some();
            #rules
        }
    }
}

/// Reading a member that is there: its `deserialize_with`, a walk for `nested`, else serde.
fn read_present(field: &Field<'_>, nested: bool, sink: &TokenStream) -> TokenStream {
    let x = quote!(::validate_core::__private::explain);
    let ty = field.ty;
    match (&field.serde.deserialize_with, nested) {
        (Some(function), false) => quote!(#x::read_with(__t, __p, __out, |__d| #function(__d))),
        (Some(function), true) => quote! {{
            let __read: ::core::option::Option<#ty> = #x::read_with(__t, __p, __out, |__d| #function(__d));
            if let ::core::option::Option::Some(__value) = &__read {
                ::validate_core::Validate::validate_at(__value, __p, #sink);
            }
            __read
        }},
        (None, true) => quote!((&&&#x::Walker::<#ty>::new()).walk(__t, __p, #sink)),
        (None, false) => quote!((&#x::Reader::<#ty>::new()).read(__t, __p, __out)),
    }
}

/// Reading a member that is not there, as serde does: a default, `None` for an `Option`, or
/// `MissingRequiredProperty`.
fn read_missing(container: &Container<'_>, field: &Field<'_>) -> TokenStream {
    let x = quote!(::validate_core::__private::explain);
    let ty = field.ty;
    if field.serde.default.is_some() || container.serde.default.is_some() {
        let value = default_value(container, field);
        return quote!(::core::option::Option::Some(#value));
    }
    if field.serde.deserialize_with.is_some() {
        return quote! {{
            #x::missing(__p, __out);
            ::core::option::Option::None
        }};
    }
    quote!((&#x::Reader::<#ty>::new()).read_missing(__p, __out))
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
