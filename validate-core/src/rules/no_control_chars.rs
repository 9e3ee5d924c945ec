//! `no_control_chars`: the text has no control character (Unicode's `Cc`: U+0000 to U+001F and
//! U+007F to U+009F, tab and line breaks included).
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Login {
//!     #[validate(no_control_chars)]
//!     password: String,
//! }
//!
//! assert!(Login { password: "pässwörd 1".into() }.validate().is_ok());
//! let violations = Login { password: "a\u{7}b".into() }.validate().unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| format!("{} {}", v.code(), v.message())).collect();
//! assert_eq!(found, [r"InvalidCharacter The value must not contain control characters; it has '\u{7}'."]);
//! ```

use crate::Failure;
use crate::RuleError;
use crate::message::Message;
use crate::rules::AsText;
use crate::text::echo;

/// The ARM code of a text with a character it must not have.
pub const CODE: &str = "InvalidCharacter";

/// Fails with `InvalidCharacter`, naming the first control character, escaped.
pub fn check<T: AsText + ?Sized>(value: &T) -> Result<(), impl Failure> {
    let Some(text) = value.as_text() else {
        return Ok(());
    };
    // Control characters are bytes below 0x20, 0x7F, and U+0080 to U+009F, which UTF-8 writes
    // after a 0xC2 byte: a text with none of these bytes has none, and is not decoded.
    if !text.bytes().any(|byte| byte < 0x20 || byte == 0x7F || byte == 0xC2) {
        return Ok(());
    }
    match text.chars().find(|c| c.is_control()) {
        Some(c) => {
            Err(move || RuleError::new(CODE, Message::ControlCharacter { character: echo(c.encode_utf8(&mut [0; 4])) }))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn every_control_character_and_no_other() {
        for c in (0..=0x1F).chain(0x7F..=0x9F).filter_map(char::from_u32) {
            assert!(check(&format!("a{c}b")).is_err(), "{c:?}");
            // Alone too: no other byte may be what sends the text to the full scan.
            assert!(check(&c.to_string()).is_err(), "{c:?} alone");
        }
        for text in ["", "pässwörd", "\u{a0}", "\u{100}", "東京", "\u{2028}", "€"] {
            assert!(check(text).is_ok(), "{text:?}");
        }
    }
}
