//! `not_containing("…")`: none of the given characters appears in the text.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Resource {
//!     #[validate(not_containing("<>%&:\\?/"))]
//!     name: String,
//! }
//!
//! assert!(Resource { name: "hub-1".into() }.validate().is_ok());
//! let violations = Resource { name: "a%b/c".into() }.validate().unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| format!("{} {}", v.code(), v.message())).collect();
//! assert_eq!(found, ["InvalidCharacter The value must not contain '%'."]);
//! ```

use crate::RuleError;
use crate::message::Message;
use crate::rules::AsText;
use crate::text::echo;

/// The ARM code of a text with a character it must not have.
pub const CODE: &str = "InvalidCharacter";

/// Fails with `InvalidCharacter`, naming the first of the text's characters that is one of
/// `forbidden`'s.
pub fn check<T: AsText + ?Sized>(value: &T, forbidden: &'static str) -> Result<(), RuleError> {
    let Some(text) = value.as_text() else {
        return Ok(());
    };
    match text.chars().find(|&c| forbidden.contains(c)) {
        Some(c) => {
            Err(RuleError::new(CODE, Message::ForbiddenCharacter { character: echo(c.encode_utf8(&mut [0; 4])) }))
        }
        None => Ok(()),
    }
}
