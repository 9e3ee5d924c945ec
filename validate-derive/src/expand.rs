//! Emits the `Validate` impl: `__validate_in`, which runs every rule on a value in memory at a
//! place whose path is made only on a violation, into a sink (the list, or a `Holds`), and
//! `validate_at` and `__holds`, which call it with each; with a context, `ValidateWith`'s
//! `__validate_with_in`, `validate_with_at` and `__holds_with` alike (and the `WireNames` impl
//! that `unique(by = …)` reads). The walk behind `from_json` is `walk.rs`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident};

use crate::ast::{Container, Data, Field, Segment, Variant, unraw};
use crate::ctxt::Ctxt;
use crate::rules::{self, At, Place, Value};
use crate::{bound, check, describe, fallback, schemars_attr, walk};

/// The whole derive: parse, check, emit; on any mistake, every error with a stand-in impl.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut cx = Ctxt::default();
    let container = Container::from_ast(&mut cx, input);
    if let Some(container) = &container {
        check::check(&mut cx, container);
        schemars_attr::check(&mut cx, input, container);
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
    let (at, out) = (format_ident!("__at"), format_ident!("__out"));
    let ctx = container.attrs.context.as_ref().map(|_| rules::ctx_ident());
    let ctx = ctx.as_ref();
    let checks = container
        .attrs
        .checks
        .iter()
        .map(|check| rules::stopping(&rules::emit_check(check, &quote!(self), &at, &out, ctx)));
    let wire_names = wire_names(container);
    let patterns = rules::pattern_statics(container.all_fields().flat_map(|field| &field.rules));
    let body = match &container.data {
        Data::Struct(fields) => struct_body(fields, &at, &out, ctx),
        Data::Enum(variants) => enum_body(variants, &at, &out, ctx),
    };
    let (hook, walk) = walk::walk(container).map(|walk| (walk.hook, walk.impl_block)).unzip();
    // Every check passes a stop on (`if let STOP = … { return STOP }`); the body answers that it
    // went to the end.
    let r = rules::runtime();
    let body = quote! {
        #body
        #(#checks)*
        #r::GO_ON
    };
    let validate = match &container.attrs.context {
        None => quote! {
            #[automatically_derived]
            impl #impl_generics ::validate_core::Validate for #ident #ty_generics #where_clause {
                #[inline]
                fn validate_at(&self, __at: &::validate_core::Path<'_>, __out: &mut ::validate_core::Violations) {
                    let _ = ::validate_core::Validate::__validate_in(self, __at, __out);
                }

                #[inline]
                #[allow(unused_variables)]
                fn __validate_in(
                    &self,
                    #at: impl ::validate_core::__v1::At,
                    #out: &mut impl ::validate_core::__v1::Sink,
                ) -> ::core::ops::ControlFlow<()> {
                    #body
                }

                #[inline]
                fn __holds(&self) -> ::core::option::Option<bool> {
                    ::validate_core::__v1::holds(self)
                }

                #hook
            }
        },
        Some(context) => with_context(container, context, &body, hook.as_ref()),
    };
    // In a block of its own, so that the patterns' statics are shared by `validate_at` and the
    // walk (each regex is compiled once) without adding names to the user's module.
    // `validate_at` is `#[inline]`, like the walk: it is compiled in the crates that validate the
    // type, as serde's generic code is, so a crate of many request types pays only for the ones
    // it uses; and the checks of nested types can be inlined into their parents.
    quote! {
        const _: () = {
            #patterns
            #validate
            #wire_names
            #walk
        };
    }
}

/// The impls of a type with a context: `ValidateWith` for every context that provides the one
/// it declares (`body` runs with `ctx` bound to that one), and a `Validate` and an inherent
/// `validate` whose bound no type meets, so that validating it without a context says what it
/// needs.
fn with_context(
    container: &Container<'_>,
    context: &syn::Type,
    body: &TokenStream,
    hook: Option<&TokenStream>,
) -> TokenStream {
    let (ident, r) = (container.ident, rules::runtime());
    let generics = bound::with_bounds(container);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    // The bounds that can fail are spanned at `context = …`: rustc's notes on them then point
    // there, not at the derive (whose bounds it takes for a type parameter's).
    let span = context.span();
    let mut with = generics.clone();
    with.params
        .push(syn::parse_quote_spanned!(span=> __P: ?::core::marker::Sized + ::validate_core::Provides<#context>));
    let (impl_with, _, where_with) = with.split_for_impl();
    let given = quote_spanned!(span=> ::validate_core::__v1::ContextGiven);
    let mut poisoned = generics.clone();
    poisoned
        .make_where_clause()
        .predicates
        .push(syn::parse_quote_spanned!(span=> for<'__a> &'__a (): #given<#ident #ty_generics, #context>));
    let (impl_poisoned, _, where_poisoned) = poisoned.split_for_impl();
    let (ctx, at, out) = (rules::ctx_ident(), format_ident!("__at"), format_ident!("__out"));
    let without_context = quote_spanned! {span=>
        #[automatically_derived]
        impl #impl_poisoned ::validate_core::Validate for #ident #ty_generics #where_poisoned {
            fn validate_at(&self, _: &::validate_core::Path<'_>, _: &mut ::validate_core::Violations) {}
        }

        // `value.validate()` finds this method before the trait's, and its bound says what the
        // value needs; the trait's, whose impl does not apply, would say only that "the trait
        // bounds were not satisfied".
        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc(hidden)]
            #[allow(dead_code, clippy::all, clippy::pedantic)]
            pub fn validate(&self) -> ::core::result::Result<(), ::validate_core::Violations>
            where
                for<'__a> &'__a (): #given<Self, #context>,
            {
                ::core::result::Result::Ok(())
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_with ::validate_core::ValidateWith<__P> for #ident #ty_generics #where_with {
            #[inline]
            fn validate_with_at(
                &self,
                __ctx: &__P,
                __at: &::validate_core::Path<'_>,
                __out: &mut ::validate_core::Violations,
            ) {
                let _ = ::validate_core::ValidateWith::<__P>::__validate_with_in(self, __ctx, __at, __out);
            }

            #[inline]
            #[allow(unused_variables)]
            fn __validate_with_in(
                &self,
                __ctx: &__P,
                #at: impl #r::At,
                #out: &mut impl #r::Sink,
            ) -> ::core::ops::ControlFlow<()> {
                let #ctx: &#context = <__P as #r::Provides<#context>>::provide(__ctx);
                #body
            }

            #[inline]
            fn __holds_with(&self, __ctx: &__P) -> ::core::option::Option<bool> {
                #r::holds_with(self, __ctx)
            }

            #hook
        }

        #without_context
    }
}

fn struct_body(fields: &[Field<'_>], at: &Ident, out: &Ident, ctx: Option<&Ident>) -> TokenStream {
    let checked = fields.iter().filter(|field| !field.rules.is_empty());
    let blocks = checked.map(|field| field_block(field, Value::SelfMember(field.member.clone()), at, out, ctx));
    quote!(#(#blocks)*)
}

fn enum_body(variants: &[Variant<'_>], at: &Ident, out: &Ident, ctx: Option<&Ident>) -> TokenStream {
    let arms = variants.iter().filter_map(|variant| variant_arm(variant, at, out, ctx));
    quote! {
        #[allow(unreachable_patterns)]
        match self {
            #(#arms)*
            _ => {}
        }
    }
}

/// `Self::Variant { member: __field0, .. } => { … }` for a variant with rules on its fields.
fn variant_arm(variant: &Variant<'_>, at: &Ident, out: &Ident, ctx: Option<&Ident>) -> Option<TokenStream> {
    let checked: Vec<(usize, &Field<'_>)> =
        variant.fields.iter().enumerate().filter(|(_, field)| !field.rules.is_empty()).collect();
    if checked.is_empty() {
        return None;
    }
    let ident = variant.ident;
    let members = checked.iter().map(|(_, field)| &field.member);
    let bindings: Vec<Ident> = checked.iter().map(|(i, _)| format_ident!("__field{}", i)).collect();
    let variant_at = format_ident!("__variant_at");
    let (enter, inner_at) = match &variant.segment {
        Some(name) => {
            let path = rules::field_place(Some(&Segment::Member(name.clone())), at);
            (quote!(let #variant_at = #path;), &variant_at)
        }
        None => (TokenStream::new(), at),
    };
    let blocks = checked
        .iter()
        .zip(&bindings)
        .map(|((_, field), binding)| field_block(field, Value::Local(binding.clone()), inner_at, out, ctx));
    Some(quote! {
        Self::#ident { #(#members: #bindings,)* .. } => {
            #enter
            #(#blocks)*
        }
    })
}

/// `{ let __field_at = <the field's place>; <its rules> }`
fn field_block(field: &Field<'_>, value: Value, at: &Ident, out: &Ident, ctx: Option<&Ident>) -> TokenStream {
    let field_at = format_ident!("__field_at");
    let path = rules::field_place(field.segment.as_ref(), at);
    let place = Place { value, at: At::Made(field_at.clone()), out: out.clone(), walked: None, ctx: ctx.cloned() };
    let rules = field.rules.iter().map(|rule| rules::stopping(&rules::emit(rule, &place)));
    quote! {
        {
            let #field_at = #path;
            #(#rules)*
        }
    }
}

/// The wire name of every named field, for `unique(by = …)` on collections of this type, and the
/// type's description (`describe.rs`), which `schema::Describe` reads through this impl.
/// `do_not_recommend` keeps rustc from listing every derived type when items lack the impl.
fn wire_names(container: &Container<'_>) -> TokenStream {
    let ident = container.ident;
    let describe = describe::describe(container);
    // The user's `bound`, when given, holds here too: a rule's arguments (`max = T::MAX`) are
    // evaluated in the description.
    let generics = bound::with_written(container);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
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
        impl #impl_generics ::validate_core::__v1::WireNames for #ident #ty_generics #where_clause {
            const WIRE_NAMES: &'static [(&'static str, &'static str)] = &[#(#pairs),*];

            #describe
        }
    }
}
