//! `pattern("regex")`: a string matches a regular expression.
//!
//! The derive compiles the expression when it expands, so a bad one is a compile error on the
//! literal; at run time it is compiled once, on first use, and shared by every call.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Hub {
//!     #[validate(pattern("^[a-zA-Z][a-zA-Z0-9]+$"))]
//!     name: String,
//! }
//!
//! let violations = Hub { name: "9hub".into() }.validate().unwrap_err();
//! let v = violations.iter().next().unwrap();
//! assert_eq!(v.code(), "PatternMismatch");
//! assert_eq!(v.message(), "The value '9hub' does not match the pattern '^[a-zA-Z][a-zA-Z0-9]+$'.");
//! assert!(Hub { name: "hub1".into() }.validate().is_ok());
//! ```

use std::sync::OnceLock;

use regex::Regex;

use crate::Failure;
use crate::RuleError;
use crate::message::Message;
use crate::rules::AsText;
use crate::text::echo;

/// The ARM code of a string that does not match its pattern.
pub const CODE: &str = "PatternMismatch";

/// A regular expression compiled on first use, meant to live in a `static`.
///
/// ```
/// use validate_core::rules::pattern::{self, Pattern};
///
/// static NAME: Pattern = Pattern::new("^[a-z]+$");
/// assert!(pattern::check("abc", &NAME).is_ok());
/// assert!(pattern::check("ABC", &NAME).is_err());
/// ```
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    /// A pattern for `source`, not compiled yet.
    ///
    /// `source` must be a valid expression for the `regex` crate: the derive checks this when it
    /// expands, with the same version of `regex` (one workspace dependency). A `Pattern` written
    /// by hand with an invalid expression panics on first use.
    pub const fn new(source: &'static str) -> Self {
        Pattern { source, compiled: OnceLock::new() }
    }

    /// The expression as written.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// The compiled expression.
    ///
    /// # Panics
    ///
    /// On first use, if the expression is invalid: never for a pattern from the derive, which
    /// compiled it when it expanded.
    pub fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            Regex::new(self.source).expect("the derive compiled this pattern with the same regex version")
        })
    }
}

/// Fails with `PatternMismatch` when the text does not match.
pub fn check<T: AsText + ?Sized>(value: &T, pattern: &Pattern) -> Result<(), impl Failure> {
    match value.as_text() {
        Some(text) if !pattern.regex().is_match(text) => {
            Err(move || RuleError::new(CODE, Message::PatternMismatch { value: echo(text), pattern: pattern.source }))
        }
        _ => Ok(()),
    }
}
