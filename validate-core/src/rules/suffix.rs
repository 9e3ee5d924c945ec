//! `suffix("…")`: the text ends with the given text, case included.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Link {
//!     #[validate(suffix(".json"))]
//!     target: String,
//! }
//!
//! assert!(Link { target: "a.json".into() }.validate().is_ok());
//! let violations = Link { target: "a.txt".into() }.validate().unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| format!("{} {}", v.code(), v.message())).collect();
//! assert_eq!(found, ["PatternMismatch The value 'a.txt' must end with '.json'."]);
//! ```

use crate::Failure;
use crate::RuleError;
use crate::message::Message;
use crate::rules::AsText;
use crate::text::echo;

/// The ARM code of a text that does not end with the given text: `pattern`'s, as this is a pattern
/// in plain words, so that a client matches one code for both.
pub const CODE: &str = "PatternMismatch";

/// Fails with `PatternMismatch` when the text does not end with `suffix` (compared as it is, case
/// included).
pub fn check<T: AsText + ?Sized>(value: &T, suffix: &'static str) -> Result<(), impl Failure> {
    match value.as_text() {
        Some(text) if !text.ends_with(suffix) => {
            Err(move || RuleError::new(CODE, Message::MissingSuffix { value: echo(text), suffix }))
        }
        _ => Ok(()),
    }
}
