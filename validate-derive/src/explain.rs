//! Emits the walk that finds every problem of a body at once (`validate_core`'s `Explain`): each
//! field read on its own as serde reads it, its rules run on every value that reads, `nested`
//! fields walked item by item. Only structs with named fields and no generics are walked; serde
//! features that read fields in other ways (`flatten`, `transparent`, `from`, `tag`) read whole.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Data, Field};
use crate::attr::RuleKind;
use crate::expand::{Source, check_call, field_path, rule_code};
use crate::serde_attr::Default;

/// The `Explain` impl and the `Validate::__explain` method that answers with it, or nothing when
/// the type is read whole (and `__explain` keeps its default: serde's first problem).
///
/// The walk repeats each field's rules on the value it reads (`Source::Walked`); rustc reports an
/// error once when it is the same error at the same place, so a rule on the wrong type is still
/// reported once. Both functions are `#[inline]`, so they are compiled only where `from_json` is
/// called: a crate that only declares its types pays for type checking alone. The cost in a crate
/// of types is what `benches/compile-time/run.sh` measures, with and without use.
pub struct Walk {
    pub hook: TokenStream,
    pub impl_block: TokenStream,
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
    let hook = quote! {
        #[inline]
        fn __explain(
            __tree: &::validate_core::__private::Tree,
            __fast: &::validate_core::__private::JsonError,
        ) -> ::validate_core::ErrorResponse
        where
            Self: ::core::marker::Sized,
        {
            ::validate_core::__private::explain::every_problem::<Self>(__tree, __fast)
        }
    };
    Some(Walk { hook, impl_block: explain_impl(container, fields) })
}

/// `impl Explain`: every field read into a local (`__read0`, …) with its rules run on it; when
/// every field read, the value put together from the locals, and the container's checks run on it.
fn explain_impl(container: &Container<'_>, fields: &[Field<'_>]) -> TokenStream {
    let ident = container.ident;
    let x = quote!(::validate_core::__private::explain);
    let locals: Vec<syn::Ident> = (0..fields.len()).map(|i| quote::format_ident!("__read{}", i)).collect();
    let blocks = fields.iter().zip(&locals).map(|(field, local)| field_block(container, field, local));
    let unknown = container.serde.deny_unknown_fields.then(|| {
        let known = fields.iter().filter(|field| !field.serde.skip).flat_map(|field| names(field));
        quote!(__f.deny_unknown(&[#(#known),*], __at);)
    });
    let members = fields.iter().map(|field| &field.member);
    let read: Vec<&syn::Ident> =
        fields.iter().zip(&locals).filter(|(field, _)| !field.serde.skip).map(|(_, local)| local).collect();
    let values = fields
        .iter()
        .zip(&locals)
        .map(|(field, local)| if field.serde.skip { default_value(container, field) } else { quote!(#local) });
    let checks = container.attrs.checks.iter().map(|check| check_call(check, &quote!(&__value)));
    quote! {
        #[automatically_derived]
        impl #x::Explain for #ident {
            #[inline]
            #[allow(unused_variables, clippy::all, clippy::pedantic)]
            fn explain(
                __tree: &::validate_core::__private::Tree,
                __at: &::validate_core::Path<'_>,
                __out: &mut ::validate_core::Violations,
            ) -> ::core::option::Option<Self> {
                let mut __f = #x::Fields::of(__tree, __at, __out)?;
                #(#blocks)*
                #unknown
                let (#(::core::option::Option::Some(#read),)* true) = (#(#read,)* __f.whole()) else {
                    return ::core::option::Option::None;
                };
                let __value = Self { #(#members: #values,)* };
                let __out = __f.out();
                #(#checks)*
                ::core::option::Option::Some(__value)
            }
        }
    }
}

/// The keys a field is read from: its name and its aliases.
fn names(field: &Field<'_>) -> Vec<String> {
    field.key.iter().chain(&field.serde.aliases).cloned().collect()
}

/// One field's part of the walk: read it (or walk it) into `local`, then run its rules on it.
/// A skipped field is not read; its rules run on its default.
fn field_block(container: &Container<'_>, field: &Field<'_>, local: &syn::Ident) -> TokenStream {
    let path = field_path(field);
    let rules: Vec<TokenStream> = field.rules.iter().map(|rule| rule_code(rule, &Source::Walked)).collect();
    if field.serde.skip {
        if rules.is_empty() {
            return TokenStream::new();
        }
        let value = default_value(container, field);
        let ty = field.ty;
        return quote! {{
            let __p = #path;
            let __value: &#ty = &#value;
            let __out = __f.out();
            #(#rules)*
        }};
    }
    let names = names(field);
    if field.rules.iter().any(|rule| matches!(rule.kind, RuleKind::Nested)) {
        let walk = walk_fn(field);
        let fns = read_fns(container, field);
        return quote! {
            let __p = #path;
            let mut __found = ::validate_core::Violations::new();
            let #local = __f.walk(&[#(#names),*], __p, #walk, &#fns, &mut __found);
            match &#local {
                ::core::option::Option::Some(__value) => {
                    let __out = __f.out();
                    #(#rules)*
                }
                ::core::option::Option::None => __f.out().extend(__found),
            }
        };
    }
    let read = if read_directly(container, field) {
        let ty = field.ty;
        quote!(__f.read_owned::<#ty>(&[#(#names),*], __p))
    } else {
        let fns = read_fns(container, field);
        quote!(__f.read(&[#(#names),*], __p, &#fns))
    };
    let check = (!rules.is_empty()).then(|| {
        quote! {
            if let ::core::option::Option::Some(__value) = &#local {
                let __out = __f.out();
                #(#rules)*
            }
        }
    });
    quote! {
        let __p = #path;
        let #local = #read;
        #check
    }
}

/// Whether a field is read with serde straight away: a type serde is known to read, with no
/// `deserialize_with` and no default. (Others say how in a `ReadFns`.)
fn read_directly(container: &Container<'_>, field: &Field<'_>) -> bool {
    field.serde.deserialize_with.is_none()
        && field.serde.default.is_none()
        && container.serde.default.is_none()
        && crate::known::is_known(field.ty)
}

/// How a field is read: its `deserialize_with`, or serde (the type's own missing-field rule), then
/// its default when it is missing. Types serde is known to read need no autoref probe.
fn read_fns(container: &Container<'_>, field: &Field<'_>) -> TokenStream {
    let x = quote!(::validate_core::__private::explain);
    let ty = field.ty;
    let fns = match &field.serde.deserialize_with {
        Some(function) => {
            quote!(#x::ReadFns::<#ty>::with(|__t, __p, __o| #x::read_with(__t, __p, __o, |__d| #function(__d))))
        }
        None if crate::known::is_known(ty) => quote!(#x::ReadFns::<#ty>::owned()),
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
