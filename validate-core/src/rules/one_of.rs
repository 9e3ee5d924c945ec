//! `one_of("A", "B", …)`: a string from a closed set, compared case-sensitively.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Relationship {
//!     #[validate(one_of("OneToOne", "OneToMany", "ManyToMany"))]
//!     cardinality: Option<String>,
//! }
//!
//! let violations = Relationship { cardinality: Some("OneToFew".into()) }.validate().unwrap_err();
//! let v = violations.iter().next().unwrap();
//! assert_eq!(v.code(), "InvalidEnumValue");
//! assert_eq!(v.message(), "The value 'OneToFew' is not one of 'OneToOne', 'OneToMany', 'ManyToMany'.");
//! ```

use crate::Failure;
use crate::RuleError;
use crate::message::Message;
use crate::rules::AsText;
use crate::text::echo;
use std::borrow::Cow;

/// The ARM code of a value outside a closed set.
pub const CODE: &str = "InvalidEnumValue";

/// Fails with `InvalidEnumValue` when the text is not one of `allowed`.
pub fn check<T: AsText + ?Sized>(value: &T, allowed: &'static [&'static str]) -> Result<(), impl Failure> {
    match value.as_text() {
        Some(text) if !allowed.contains(&text) => Err(move || not_one_of(text, allowed)),
        _ => Ok(()),
    }
}

/// The error for `value` outside `allowed`.
#[cold]
pub fn not_one_of(value: &str, allowed: &'static [&'static str]) -> RuleError {
    RuleError::new(CODE, Message::NotOneOf { value: echo(value), allowed: Cow::Borrowed(allowed) })
}
