//! Ours: the Relationship body of `customer_insights::model`, as it is, with the URL's
//! `relationshipName` rule (`customer_insights::address`) in a small derived wrapper. The body is
//! validated as the service validates a new relationship: with its context, nothing stored.

use customer_insights::model::{RelationshipResourceFormat, Stored};
use validate_core::{ErrorResponse, Path, Validate, ValidateWith, Violations};

/// The `relationshipName` of the URL and the body, validated together.
///
/// The body adds no segment to the targets, so they read as in the service:
/// `properties.fields[2].fieldName`, and `relationshipName` for the name. (A hand-written impl:
/// a derived field always adds its name, `rename = ""` included, as `['']`.)
#[derive(Debug)]
pub struct Request<'a> {
    /// The name in the URL.
    pub name: &'a str,
    /// The body.
    pub body: RelationshipResourceFormat,
}

impl Validate for Request<'_> {
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
        Name { name: self.name }.validate_at(at, out);
        self.body.validate_with_at(&Stored::NEW, at, out);
    }
}

/// The `relationshipName` of the URL alone: checked before the body is read, as the service does.
#[derive(Debug, Validate)]
pub struct Name<'a> {
    /// The name in the URL.
    #[validate(rename = "relationshipName", length(max = 512), pattern("^[a-zA-Z][a-zA-Z0-9_]+$"))]
    pub name: &'a str,
}

/// `validate()` on a parsed request: every violation, with its wire target.
pub fn validate(request: &Request<'_>) -> Result<(), Violations> {
    request.validate()
}

/// Bytes to a validated body with the one-call entry point, after the URL name: the body, or
/// the ARM payload of every problem.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<RelationshipResourceFormat, ErrorResponse> {
    Name { name }.validate().map_err(ErrorResponse::from)?;
    validate_core::from_json_with(bytes, &Stored::NEW).map_err(ErrorResponse::from)
}
