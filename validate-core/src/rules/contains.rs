//! `contains("…")`: the text contains the given text, case included.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Link {
//!     #[validate(contains("/"))]
//!     target: String,
//! }
//!
//! assert!(Link { target: "a/b".into() }.validate().is_ok());
//! let violations = Link { target: "ab".into() }.validate().unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| format!("{} {}", v.code(), v.message())).collect();
//! assert_eq!(found, ["PatternMismatch The value 'ab' must contain '/'."]);
//! ```

use crate::Failure;
use crate::RuleError;
use crate::message::Message;
use crate::rules::AsText;
use crate::text::echo;

/// The ARM code of a text that does not contain the given text: `pattern`'s, as this is a pattern
/// in plain words, so that a client matches one code for both.
pub const CODE: &str = "PatternMismatch";

/// Fails with `PatternMismatch` when the text does not contain `part` (compared as it is, case
/// included).
#[inline]
pub fn check<T: AsText + ?Sized>(value: &T, part: &'static str) -> Result<(), impl Failure> {
    match value.as_text() {
        Some(text) if !has(text, part) => Err(move || missing(text, part)),
        _ => Ok(()),
    }
}

#[cold]
fn missing(text: &str, part: &'static str) -> RuleError {
    RuleError::new(CODE, Message::MissingPart { value: echo(text), part })
}

/// Whether `part` is in `text`. One ASCII character is looked for as a byte (memchr), which
/// `str::contains` with a one-byte `&str` does not do: it sets up a substring search first.
/// Inlined: a call across the crate boundary was most of a short text's cost (`contains("@")` on
/// 3 bytes: 3.5 → 1.1 ns, the floor 1.0; `benches/benches/rules.rs`, 2026-12-01).
#[inline]
fn has(text: &str, part: &str) -> bool {
    match part.as_bytes() {
        [byte] => text.as_bytes().contains(byte),
        _ => text.contains(part),
    }
}

#[cfg(test)]
mod tests {
    use super::has;

    #[test]
    fn one_byte_and_longer_parts() {
        assert!(has("a@b", "@") && !has("ab", "@") && !has("", "@"));
        assert!(has("zü@", "ü") && !has("zu", "ü"));
        assert!(has("x://y", "://") && !has("x:/y", "://"));
        assert!(has("", "") && has("a", ""));
    }
}
