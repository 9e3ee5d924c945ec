//! `read_only`: an `Option` the client must leave out, because only the server sets it.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Properties {
//!     #[validate(read_only)]
//!     #[serde(rename = "tenantId")]
//!     tenant_id: Option<String>,
//! }
//!
//! let violations = Properties { tenant_id: Some("t".into()) }.validate().unwrap_err();
//! let v = violations.iter().next().unwrap();
//! assert_eq!((v.code(), v.target()), ("ReadOnlyProperty", "tenantId"));
//! assert_eq!(v.message(), "The property 'tenantId' is read-only: only the server sets it.");
//! assert!(Properties { tenant_id: None }.validate().is_ok());
//! ```

use crate::{Path, RuleError};

/// The ARM code of a read-only property sent by a client.
pub const CODE: &str = "ReadOnlyProperty";

/// A value that may be absent: only `Option` is.
#[diagnostic::on_unimplemented(
    message = "`read_only` applies to `Option` fields, and `{Self}` is not an `Option`",
    label = "`read_only` needs an `Option` field",
    note = "make the field an `Option` so that a client can leave it out"
)]
pub trait ReadOnly {
    /// Whether the value was sent.
    fn is_set(&self) -> bool;
}

impl<T> ReadOnly for Option<T> {
    fn is_set(&self) -> bool {
        self.is_some()
    }
}

/// Fails with `ReadOnlyProperty` when `value` is `Some`.
pub fn check<T: ReadOnly + ?Sized>(value: &T, at: &Path<'_>) -> Result<(), RuleError> {
    if value.is_set() {
        Err(RuleError::new(CODE, format!("The property '{}' is read-only: only the server sets it.", at.last_name())))
    } else {
        Ok(())
    }
}
