//! `customer-insights check`: validates a request body with the service's own code.

use validate_core::from_json;

use crate::model::RelationshipResourceFormat;

/// The outcome of checking a body: what to print on stdout, and whether it was valid.
pub struct Checked {
    /// `valid`, or the ARM payload as pretty JSON.
    pub output: String,
    /// Whether the body is a valid Relationship.
    pub valid: bool,
}

/// Checks `body` as a `PUT` body of a new relationship.
///
/// ```
/// let checked = customer_insights::check::check(br#"{"properties":{}}"#);
/// assert!(!checked.valid);
/// assert!(checked.output.contains("MissingRequiredProperty"));
/// ```
pub fn check(body: &[u8]) -> Checked {
    match from_json::<RelationshipResourceFormat>(body) {
        Ok(_) => Checked { output: "valid".to_owned(), valid: true },
        Err(error) => Checked {
            // The payload is strings and vectors of them: serializing it cannot fail.
            output: serde_json::to_string_pretty(&error).unwrap_or_default(),
            valid: false,
        },
    }
}
