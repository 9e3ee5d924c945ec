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

use crate::Failure;
use crate::path::At;
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
    /// What the value holds when it is sent.
    type Value: ?Sized;
    /// The value sent, if any.
    fn sent(&self) -> Option<&Self::Value>;
}

impl<T> ReadOnly for Option<T> {
    type Value = T;
    fn sent(&self) -> Option<&T> {
        self.as_ref()
    }
}

/// Fails with `ReadOnlyProperty` when `value` is `Some`; the message names the property at `at` (a
/// `&Path`, or a function that makes it: see [`At`]).
#[inline]
pub fn check<T: ReadOnly + ?Sized>(value: &T, at: impl At) -> Result<(), impl Failure> {
    if value.sent().is_some() { Err(move || at.with(refused)) } else { Ok(()) }
}

/// `read_only(stored = function)`: fails with `ReadOnlyProperty` when `value` is `Some` and
/// differs from `stored`, the value the server holds (`None` when it holds none), so that the
/// body of a `GET` can be sent back unchanged. The function may return any type the value
/// compares with: `Option<&str>` for an `Option<String>`, say.
///
/// ```
/// use validate_core::ValidateWith;
///
/// /// The resource the server holds, if any.
/// struct Stored(Option<Resource>);
///
/// fn stored_tenant(stored: &Stored) -> Option<&str> {
///     stored.0.as_ref()?.tenant_id.as_deref()
/// }
///
/// #[derive(validate_core::Validate)]
/// #[validate(context = Stored)]
/// struct Resource {
///     #[validate(read_only(stored = stored_tenant))]
///     tenant_id: Option<String>,
/// }
///
/// let stored = Stored(Some(Resource { tenant_id: Some("contoso".into()) }));
/// assert!(Resource { tenant_id: Some("contoso".into()) }.validate_with(&stored).is_ok());
/// assert!(Resource { tenant_id: None }.validate_with(&stored).is_ok());
/// let violations = Resource { tenant_id: Some("fabrikam".into()) }.validate_with(&stored).unwrap_err();
/// assert_eq!(violations.to_string(), "tenant_id: The property 'tenant_id' is read-only: only the server sets it.");
/// // Nothing stored: nothing may be sent.
/// assert!(Resource { tenant_id: Some("contoso".into()) }.validate_with(&Stored(None)).is_err());
/// ```
#[inline]
pub fn check_stored<T, S>(value: &T, stored: Option<&S>, at: impl At) -> Result<(), impl Failure>
where
    T: ReadOnly + ?Sized,
    T::Value: PartialEq<S>,
    S: ?Sized,
{
    match (value.sent(), stored) {
        (None, _) => Ok(()),
        (Some(sent), Some(stored)) if sent == stored => Ok(()),
        (Some(_), _) => Err(move || at.with(refused)),
    }
}

#[cold]
fn refused(at: &Path<'_>) -> RuleError {
    RuleError::new(CODE, crate::message::Message::ReadOnlyProperty { name: at.last_name() })
}
