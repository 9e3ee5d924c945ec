//! `prefix("…")`: the text starts with the given text, case included.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Link {
//!     #[validate(prefix("https://"))]
//!     target: String,
//! }
//!
//! assert!(Link { target: "https://example.com".into() }.validate().is_ok());
//! let violations = Link { target: "http://example.com".into() }.validate().unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| format!("{} {}", v.code(), v.message())).collect();
//! assert_eq!(found, ["PatternMismatch The value 'http://example.com' must start with 'https://'."]);
//! ```

use crate::Failure;
use crate::RuleError;
use crate::message::Message;
use crate::rules::AsText;
use crate::text::echo;

/// The ARM code of a text that does not start with the given text: `pattern`'s, as this is a pattern
/// in plain words, so that a client matches one code for both.
pub const CODE: &str = "PatternMismatch";

/// Fails with `PatternMismatch` when the text does not start with `prefix` (compared as it is, case
/// included).
pub fn check<T: AsText + ?Sized>(value: &T, prefix: &'static str) -> Result<(), impl Failure> {
    match value.as_text() {
        Some(text) if !text.starts_with(prefix) => {
            Err(move || RuleError::new(CODE, Message::MissingPrefix { value: echo(text), prefix }))
        }
        _ => Ok(()),
    }
}
