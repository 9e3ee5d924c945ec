//! The ARM error payload: `{"error":{"code","message","target","details":[…]}}`.

use serde::{Deserialize, Serialize};

use crate::Violations;

/// The top-level code of a request whose content is invalid.
pub const INVALID_REQUEST_CONTENT: &str = "InvalidRequestContent";

/// The most details one response carries; the message counts the rest.
pub const MAX_DETAILS: usize = 100;

/// The body of an ARM error response.
///
/// ```
/// use validate_core::{ErrorResponse, Validate};
///
/// #[derive(Validate)]
/// struct Hub {
///     #[validate(non_empty)]
///     name: String,
/// }
///
/// let response = ErrorResponse::from(Hub { name: "".into() }.validate().unwrap_err());
/// assert_eq!(
///     serde_json::to_string(&response).unwrap(),
///     r#"{"error":{"code":"InvalidRequestContent","message":"The request content was invalid: 1 error was found.","details":[{"code":"EmptyValue","message":"The value must not be empty or white space.","target":"name"}]}}"#
/// );
///
/// // Reading one back tolerates what other services add.
/// let other: ErrorResponse = serde_json::from_str(
///     r#"{"error":{"code":"Conflict","message":"Busy.","innererror":{"x":1}}}"#,
/// ).unwrap();
/// assert_eq!(other.error.code, "Conflict");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorResponse {
    /// The error.
    pub error: ErrorDetail,
}

/// One error: the top-level one, or an entry of its `details`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// A `PascalCase` code that identifies the class of error; never localized.
    pub code: String,
    /// A message for people.
    pub message: String,
    /// The property in error, as a path in the names on the wire; omitted for the whole request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The errors this one sums up; omitted when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<ErrorDetail>,
    /// Extra information; omitted when empty.
    #[serde(default, rename = "additionalInfo", skip_serializing_if = "Vec::is_empty")]
    pub additional_info: Vec<AdditionalInfo>,
}

/// An entry of `additionalInfo`: a type name and an object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdditionalInfo {
    /// What kind of information `info` holds.
    #[serde(rename = "type")]
    pub kind: String,
    /// The information.
    pub info: serde_json::Value,
}

impl ErrorDetail {
    /// An error with a code and a message, no target and no details.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorDetail {
            code: code.into(),
            message: message.into(),
            target: None,
            details: Vec::new(),
            additional_info: Vec::new(),
        }
    }

    /// The same error pointed at `target`; an empty target means the whole request and is omitted.
    #[must_use]
    pub fn with_target(mut self, target: impl Into<String>) -> Self {
        let target = target.into();
        self.target = (!target.is_empty()).then_some(target);
        self
    }
}

impl ErrorResponse {
    /// A response with one error.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorResponse { error: ErrorDetail::new(code, message) }
    }

    /// `InvalidRequestContent` with these details, at most [`MAX_DETAILS`] of them; the message
    /// gives the count and says how many were left out.
    pub fn invalid_content(details: Vec<ErrorDetail>) -> Self {
        let found = details.len();
        Self::counted(details, found)
    }

    /// `InvalidRequestContent` with `found` problems, of which `details` are the first.
    fn counted(mut details: Vec<ErrorDetail>, found: usize) -> Self {
        details.truncate(MAX_DETAILS);
        let mut error = ErrorDetail::new(INVALID_REQUEST_CONTENT, invalid_content_message(found, details.len()));
        error.details = details;
        ErrorResponse { error }
    }

    /// The top-level code, as the `x-ms-error-code` header repeats it.
    pub fn code(&self) -> &str {
        &self.error.code
    }
}

/// The top-level message of `found` problems of which the first `listed` are details.
fn invalid_content_message(found: usize, listed: usize) -> String {
    let found_text = match found {
        1 => "1 error was found".to_owned(),
        n => format!("{n} errors were found"),
    };
    let left_out = found.saturating_sub(listed);
    let rest = match left_out {
        1 => "1 is left out".to_owned(),
        n => format!("{n} are left out"),
    };
    match (listed, left_out) {
        (_, 0) => format!("The request content was invalid: {found_text}."),
        // Only a list made to keep none (`Violations::with_limit(0)`) gets here.
        (0, _) => format!("The request content was invalid: {found_text}; none are listed."),
        (1, _) => format!("The request content was invalid: {found_text}; the first is listed and {rest}."),
        (listed, _) => {
            format!("The request content was invalid: {found_text}; the first {listed} are listed and {rest}.")
        }
    }
}

/// The first [`MAX_DETAILS`] violations kept, in order, as details; the message counts every
/// violation recorded, those the list left out too.
impl From<Violations> for ErrorResponse {
    fn from(violations: Violations) -> Self {
        let found = violations.len();
        let details = violations
            .into_iter()
            .take(MAX_DETAILS)
            .map(|violation| {
                let (target, code, message) = violation.into_parts();
                ErrorDetail::new(code, message).with_target(target)
            })
            .collect();
        ErrorResponse::counted(details, found)
    }
}
