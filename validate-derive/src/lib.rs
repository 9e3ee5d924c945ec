//! `#[derive(Validate)]` for validate-core. Use it through `validate_core::Validate`.
//!
//! The pipeline, each arrow one way:
//!
//! - **parse**: `args` (the argument lists), `reader` (a rule's arguments, one kind at a time),
//!   `attr` (`#[validate(…)]` into rules), `serde_attr`
//!   and `case` (serde's names), `ast` (the model);
//! - **check**: `check` (rules across attributes), `suggest` (did-you-mean);
//! - **emit**: `rules` (the rule table, and the code of one rule at a place), `bound` (generic
//!   bounds), `expand` (`validate_at`), `walk` (the every-problem walk behind `from_json`), `known`
//!   (field types read without a probe);
//! - **errors**: `ctxt` (every mistake collected), `fallback` (a stand-in impl beside them).

// parse
mod args;
mod ast;
mod attr;
mod case;
mod reader;
mod serde_attr;

// check
mod check;
mod suggest;

// emit
mod bound;
mod expand;
mod known;
mod rules;
mod walk;

// errors
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
