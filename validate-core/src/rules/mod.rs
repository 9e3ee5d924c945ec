//! The rules of `#[validate(…)]`, one module each.
//!
//! Each rule is a plain function that the derive calls; hand-written [`Validate`](crate::Validate)
//! impls may call them too. A rule that yields one error returns `Result<(), impl Failure>`: its
//! error is made only when it is recorded ([`Violations::record`](crate::Violations::record)) or
//! asked for ([`Failure::error`](crate::Failure::error)), so a check that only asks whether a value
//! holds makes none. Which types a rule accepts is decided by a trait in its module
//! (`Option<T>` is accepted wherever `T` is, and checked only when it is `Some`), so a rule on a
//! type it cannot check is a compile error that says so in a sentence.

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
