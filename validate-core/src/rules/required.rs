//! `required`: an `Option` is `Some`.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Relationship {
//!     #[validate(required)]
//!     profile_type: Option<String>,
//! }
//!
//! let violations = Relationship { profile_type: None }.validate().unwrap_err();
//! let v = violations.iter().next().unwrap();
//! assert_eq!((v.code(), v.target()), ("MissingRequiredProperty", "profileType"));
//! assert_eq!(v.message(), "The property 'profileType' is required.");
//! assert!(Relationship { profile_type: Some("Contact".into()) }.validate().is_ok());
//! ```

use crate::Failure;
use crate::message::Message;
use crate::path::At;
use crate::{Path, RuleError};

/// The ARM code of a missing property.
pub const CODE: &str = "MissingRequiredProperty";

/// A value that may be absent: only `Option` is.
#[diagnostic::on_unimplemented(
    message = "`required` applies to `Option` fields, and `{Self}` is not an `Option`",
    label = "`required` needs an `Option` field",
    note = "serde already requires a field that is not an `Option`: remove `required`, or make the field an `Option`"
)]
pub trait Required {
    /// Whether the value is there.
    fn is_present(&self) -> bool;
}

impl<T> Required for Option<T> {
    #[inline]
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

/// Fails with `MissingRequiredProperty` when `value` is `None`; the message names the property at
/// `at` (a `&Path`, or a function that makes it: see [`At`]).
#[inline]
pub fn check<T: Required + ?Sized>(value: &T, at: impl At) -> Result<(), impl Failure> {
    if value.is_present() { Ok(()) } else { Err(move || at.with(missing)) }
}

/// The error for a missing property at `at`, or for an item or a map value given `null`, which
/// has no property name to say.
#[cold]
pub(crate) fn missing(at: &Path<'_>) -> RuleError {
    match at.last_member() {
        Some(name) => RuleError::new(CODE, missing_message(name)),
        None => RuleError::new(CODE, Message::NullItem),
    }
}

/// The message for a missing property named `name` (echoed within its cap).
pub(crate) fn missing_message(name: &str) -> Message {
    Message::MissingProperty { name: crate::text::echo(name) }
}
