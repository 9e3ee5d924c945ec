//! The stand-in impl emitted beside a `compile_error!`, so that a mistake in the attributes shows
//! as that one error and not as "`Validate` is not implemented" wherever the type is used.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn stand_in(input: &DeriveInput, errors: &syn::Error) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let errors = errors.to_compile_error();
    quote! {
        #errors
        #[automatically_derived]
        impl #impl_generics ::validate_core::Validate for #ident #ty_generics #where_clause {
            fn validate_at(
                &self,
                _: &::validate_core::Path<'_>,
                _: &mut ::validate_core::Violations,
            ) {
            }
        }
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl #impl_generics ::validate_core::__v1::WireNames for #ident #ty_generics #where_clause {
            const WIRE_NAMES: &'static [(&'static str, &'static str)] = &[];
        }
    }
}
