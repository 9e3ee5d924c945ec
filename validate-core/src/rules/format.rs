//! `format(uuid)` and `format(date_time)`: named formats of strings.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Subscription {
//!     #[validate(format(uuid))]
//!     id: String,
//!     #[validate(format(date_time))]
//!     expires: Option<String>,
//! }
//!
//! let ok = Subscription {
//!     id: "6E0B3A2C-1f2d-4e5f-8a9b-0c1d2e3f4a5b".into(),
//!     expires: Some("2027-06-30T23:59:59Z".into()),
//! };
//! assert!(ok.validate().is_ok());
//!
//! let bad = Subscription { id: "6e0b3a2c".into(), expires: Some("2027-02-30T00:00:00Z".into()) };
//! let found: Vec<_> = bad.validate().unwrap_err().iter().map(|v| v.message().to_owned()).collect();
//! assert_eq!(found, [
//!     "The value '6e0b3a2c' is not a GUID (8-4-4-4-12 hexadecimal digits).",
//!     "The value '2027-02-30T00:00:00Z' is not an RFC 3339 date-time such as '2027-06-30T23:59:59Z'.",
//! ]);
//! ```

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::RuleError;
use crate::message::{Format, Message};
use crate::rules::AsText;
use crate::text::echo;

/// The ARM code of a string that is not in its named format.
pub const CODE: &str = "InvalidFormat";

/// The error for `text`, not in `format`.
#[cold]
fn invalid(format: Format, text: &str) -> RuleError {
    RuleError::new(CODE, Message::InvalidFormat { format, value: echo(text) })
}

/// Fails with `InvalidFormat` unless the text is a GUID: `8-4-4-4-12` hexadecimal digits in any case.
pub fn uuid<T: AsText + ?Sized>(value: &T) -> Result<(), RuleError> {
    match value.as_text() {
        Some(text) if !is_uuid(text) => Err(invalid(Format::Guid, text)),
        _ => Ok(()),
    }
}

/// Fails with `InvalidFormat` unless the text is an RFC 3339 date-time (a real date, an offset).
pub fn date_time<T: AsText + ?Sized>(value: &T) -> Result<(), RuleError> {
    match value.as_text() {
        Some(text) if !is_date_time(text) => Err(invalid(Format::DateTime, text)),
        _ => Ok(()),
    }
}

/// Whether `text` is a GUID: `8-4-4-4-12` hexadecimal digits, any case.
///
/// ```
/// use validate_core::rules::format::is_uuid;
///
/// assert!(is_uuid("00000000-0000-0000-0000-00000000000A"));
/// assert!(!is_uuid("{00000000-0000-0000-0000-000000000000}"));
/// ```
pub fn is_uuid(text: &str) -> bool {
    const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];
    let mut groups = text.split('-');
    let shaped = GROUPS.iter().all(|&len| {
        groups.next().is_some_and(|group| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    shaped && groups.next().is_none()
}

/// Whether `text` is an RFC 3339 date-time: `2027-06-30T23:59:59Z`, `t` and `z` in any case,
/// fractions of a second and numeric offsets allowed, a real date (`2023-02-29` is not).
///
/// ```
/// use validate_core::rules::format::is_date_time;
///
/// assert!(is_date_time("2027-06-30T23:59:59.5+02:00"));
/// assert!(!is_date_time("2027-06-30X23:59:59Z"));
/// ```
pub fn is_date_time(text: &str) -> bool {
    // `time` accepts any byte between the date and the time; RFC 3339 asks for a `T`.
    let separated = matches!(text.as_bytes().get(10), Some(b'T' | b't'));
    separated && OffsetDateTime::parse(text, &Rfc3339).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_have_five_hex_groups() {
        assert!(is_uuid("6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b"));
        assert!(is_uuid("6E0B3A2C-1F2D-4E5F-8A9B-0C1D2E3F4A5B"));
        for bad in [
            "",
            "6e0b3a2c1f2d4e5f8a9b0c1d2e3f4a5b",
            "6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5",
            "6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b-",
            "6e0b3a2g-1f2d-4e5f-8a9b-0c1d2e3f4a5b",
            "6e0b3a2c-1f2d-4e5f-8a9b0-c1d2e3f4a5b",
            "６e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5",
        ] {
            assert!(!is_uuid(bad), "{bad}");
        }
    }

    #[test]
    fn date_times_follow_rfc_3339() {
        for good in [
            "2027-06-30T23:59:59Z",
            "2027-06-30t23:59:59z",
            "2027-06-30T23:59:59.123456+02:00",
            "2024-02-29T00:00:00-08:00",
        ] {
            assert!(is_date_time(good), "{good}");
        }
        for bad in [
            "",
            "2027-06-30",
            "2027-06-30T23:59:59",
            "2027-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2027-06-30T24:00:00Z",
            "2027-06-30 23:59:59 Z",
            "2027-06-30X23:59:59Z",
            "2027-06-30_23:59:59Z",
            "2027-06-30\n23:59:59Z",
            "2027-06-30 23:59:59Z",
            "2027-06-30é23:59:59Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }
}
