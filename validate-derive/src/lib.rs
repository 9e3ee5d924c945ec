//! `#[derive(Validate)]` for validate-core. Use it through `validate_core::Validate`.
//!
//! The pipeline, one file per stage: `attr.rs`, `serde_attr.rs` and `ast.rs` read the input into a
//! model (collecting every mistake in `ctxt.rs`), `check.rs` checks rules across attributes,
//! `bound.rs` works out generic bounds, `expand.rs` emits the impl, and `fallback.rs` emits a
//! stand-in impl beside the errors.

mod args;
mod ast;
mod attr;
mod bound;
mod case;
mod check;
mod ctxt;
mod expand;
mod explain;
mod fallback;
mod known;
mod serde_attr;
mod suggest;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `validate_core::Validate`; see the documentation of validate-core for the rules.
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
