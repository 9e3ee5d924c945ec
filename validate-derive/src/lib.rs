//! `#[derive(Validate)]` for validate-core. Use it through `validate_core::Validate`.
//!
//! The pipeline, each stage using only those before it:
//!
//! - **parse**: `table` (what the derive knows of each rule), `args` (the argument lists), `reader`
//!   (a rule's arguments, one kind at a time), `suggest` (did-you-mean for its messages), `attr`
//!   (`#[validate(…)]` into rules), `serde_attr` and `case` (serde's names), `ast` (the model);
//! - **check**: `check` (rules across attributes), `schemars_attr` (`#[schemars(…)]` items that
//!   `#[validate]` does not say alike);
//! - **emit**: `rules` (the code of one rule at a place), `bound` (generic bounds), `expand`
//!   (`__validate_in` and the methods that call it), `walk` (the every-problem walk behind `from_json`), `known` (field types read
//!   without a probe), `describe` (the rules as data, `validate_core::schema::Describe`).
//!
//! Every stage reports its mistakes into `ctxt`; on any, `fallback` emits a stand-in impl beside
//! them.

// parse
mod args;
mod ast;
mod attr;
mod case;
mod reader;
mod serde_attr;
mod suggest;
mod table;

// check
mod check;
mod schemars_attr;

// emit
mod bound;
mod describe;
mod expand;
mod known;
mod rules;
mod walk;

// mistakes
mod ctxt;
mod fallback;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `validate_core::Validate`; see the documentation of validate-core for the rules.
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
