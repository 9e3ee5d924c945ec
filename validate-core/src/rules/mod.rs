//! The rules of `#[validate(…)]`, one module each.
//!
//! Each rule is a plain function that the derive calls; hand-written [`Validate`](crate::Validate)
//! impls may call them too. A rule that yields one error returns `Result<(), impl Failure>`: its
//! error is made only when it is recorded ([`Violations::record`](crate::Violations::record)) or
//! asked for ([`Failure::error`](crate::Failure::error)), so a check that only asks whether a value
//! holds makes none. Which types a rule accepts is decided by a trait in its module
//! (`Option<T>` is accepted wherever `T` is, and checked only when it is `Some`), so a rule on a
//! type it cannot check is a compile error that says so in a sentence.
//!
//! In a `custom` or `check` function, which returns `Result<(), RuleError>`, a rule's outcome
//! takes `.map_err(Failure::error)` before `?`; and an `Ok(())` recorded beside rules' outcomes
//! names its error type, since `record` takes any [`Failure`](crate::Failure):
//!
//! ```
//! use validate_core::rules::{length, non_empty};
//! use validate_core::{Failure, Path, RuleError, Violations};
//!
//! fn tag(value: &str) -> Result<(), RuleError> {
//!     non_empty::check(value).map_err(Failure::error)?;
//!     length::check(value, None, Some(8)).map_err(Failure::error)
//! }
//!
//! assert!(tag("gold").is_ok());
//! assert_eq!(tag("platinum-plus").map_err(|e| e.code().to_owned()), Err("ValueTooLong".to_owned()));
//!
//! let mut out = Violations::new();
//! out.record(&Path::root().member("tag"), Ok::<(), RuleError>(()));
//! out.record(&Path::root().member("name"), non_empty::check(" "));
//! assert_eq!(out.to_string(), "name: The value must not be empty or white space.");
//! ```

pub mod contains;
pub mod custom;
pub mod each;
pub mod format;
pub mod keys;
pub mod length;
pub mod localized;
pub mod nested;
pub mod no_control_chars;
pub mod non_empty;
pub mod not_containing;
pub mod one_of;
pub mod pattern;
pub mod prefix;
pub mod range;
pub mod read_only;
pub mod required;
pub mod suffix;
pub mod unique;

mod as_text;
mod entries;
mod unit;

pub use as_text::AsText;
pub use entries::Entries;
pub(crate) use entries::each_entry;
pub use unit::Unit;
