//! `customer-insights check`: validates a request body with the service's own code, and answers
//! in any language the service speaks.

use validate_core::{BodyError, Language, from_json_with};

use crate::model::{RelationshipResourceFormat, Stored};

/// The outcome of checking a body: what to print on stdout, and whether it was valid.
pub struct Checked {
    /// `valid`, or the ARM payload as the service writes it (compact JSON).
    pub output: String,
    /// Whether the body is a valid Relationship.
    pub valid: bool,
}

/// Checks `body` as a `PUT` body of a new relationship, answering in English.
///
/// ```
/// let checked = customer_insights::check::check(br#"{"properties":{}}"#);
/// assert!(!checked.valid);
/// assert!(checked.output.contains("MissingRequiredProperty"));
/// ```
pub fn check(body: &[u8]) -> Checked {
    check_in(body, &Language::english())
}

/// Checks `body` as a `PUT` body of a new relationship, answering in `language` (with
/// `additionalInfo` if it asks for it): the bytes a `PUT` to a new name answers a request whose
/// `Accept-Language` chose that language, with the service's languages.
///
/// ```
/// use customer_insights::{check, locales};
///
/// let languages = locales::languages();
/// let german = languages.get("de").unwrap();
/// let checked = check::check_in(br#"{"properties":{}}"#, &german);
/// assert!(!checked.valid);
/// assert!(checked.output.contains("MissingRequiredProperty"));
/// ```
pub fn check_in(body: &[u8], language: &Language<'_>) -> Checked {
    match answer(body) {
        Ok(()) => Checked { output: "valid".to_owned(), valid: true },
        Err(error) => Checked {
            // The payload is strings and vectors of them: serializing it cannot fail. Compact, as
            // the service writes it: `check` and a `PUT` to a new name print the same bytes.
            output: serde_json::to_string(&error.into_response(language)).unwrap_or_default(),
            valid: false,
        },
    }
}

/// The answer to `body` as a `PUT` body of a new relationship: the service's own door
/// (`from_json_with` with nothing stored), so that `PUT` to a new name answers the same payload.
///
/// ```
/// let error = customer_insights::check::answer(br#"{"properties":[]}"#).unwrap_err();
/// let first = error.violations().and_then(|found| found.iter().next()).unwrap();
/// assert_eq!(first.code(), "InvalidPropertyType");
/// ```
pub fn answer(body: &[u8]) -> Result<(), BodyError> {
    from_json_with::<RelationshipResourceFormat, _>(body, &Stored::NEW).map(drop)
}
