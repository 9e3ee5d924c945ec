//! The ARM error payload: `{"error":{"code","message","target","details":[…]}}`.

use serde::{Deserialize, Serialize};

use crate::message::{Arg, Message, Number};
use crate::{Language, Violation, Violations};

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

    /// `InvalidRequestContent` with these details, at most [`MAX_DETAILS`] of them; the message,
    /// in English, gives the count and says how many were left out.
    pub fn invalid_content(mut details: Vec<ErrorDetail>) -> Self {
        let found = details.len();
        details.truncate(MAX_DETAILS);
        Self::summing(details, found, &Language::english())
    }

    /// `InvalidRequestContent` with `found` problems, of which `details` are the first, its
    /// message in `language`.
    fn summing(details: Vec<ErrorDetail>, found: usize, language: &Language<'_>) -> Self {
        let summary = Message::InvalidContent { found, listed: details.len() };
        let mut error = ErrorDetail::new(INVALID_REQUEST_CONTENT, language.text(INVALID_REQUEST_CONTENT, &summary));
        error.details = details;
        ErrorResponse { error }
    }

    /// The top-level code, as the `x-ms-error-code` header repeats it.
    pub fn code(&self) -> &str {
        &self.error.code
    }
}

/// The first [`MAX_DETAILS`] violations kept, in order, as details, in English; the message
/// counts every violation recorded, those the list left out too. [`Violations::into_response`]
/// words them in another language.
impl From<Violations> for ErrorResponse {
    fn from(violations: Violations) -> Self {
        violations.into_response(&Language::english())
    }
}

/// The `type` of the `additionalInfo` entry a detail carries when asked for
/// ([`Language::with_additional_info`]).
pub const VALIDATION_RULE: &str = "ValidationRule";

impl Violations {
    /// The ARM payload of these violations, worded in `language`: `InvalidRequestContent`, its
    /// message counting every violation recorded, with the first [`MAX_DETAILS`] kept as details
    /// (each with `additionalInfo` when `language` asks for it).
    ///
    /// ```
    /// use validate_core::{Language, Validate};
    ///
    /// #[derive(Validate)]
    /// struct Hub {
    ///     #[validate(non_empty)]
    ///     name: String,
    /// }
    ///
    /// let violations = Hub { name: " ".into() }.validate().unwrap_err();
    /// let japanese = Language::builtin("ja").unwrap();
    /// let answer = violations.into_response(&japanese);
    /// assert_eq!(answer.error.code, "InvalidRequestContent");
    /// assert_eq!(answer.error.details[0].message, "値を空または空白のみにすることはできません。");
    /// ```
    pub fn into_response(self, language: &Language<'_>) -> ErrorResponse {
        let found = self.len();
        // Each message is written into a string with room for it: one allocation a message, where
        // a string grown as it is written takes two or three (206 allocations for the payload of
        // 68 violations, 141 this way: benches/tests/allocations.rs), and no copy, where a shared
        // buffer copied out at each message's size cost 2 % more instructions (callgrind,
        // `benches/examples/profile.rs invalid-bytes 100`).
        let details = self.into_iter().take(MAX_DETAILS).map(|v| detail(v, language)).collect();
        ErrorResponse::summing(details, found, language)
    }
}

/// Room for a message written at once: nearly every one fits (the longest built-in English
/// message with a 64-character echo and a short list is longer, and grows once).
const MESSAGE_CAPACITY: usize = 96;

/// The detail of `violation`, worded in `language`.
// Inlined into its one caller: moved into a call of its own, each 120-byte violation was copied
// once more (callgrind, `benches/examples/profile.rs invalid-bytes 100`: 0.7 % of the whole
// failure path's instructions).
#[inline]
fn detail(violation: Violation, language: &Language<'_>) -> ErrorDetail {
    let (target, code, message, overridden) = violation.into_parts();
    let mut text = String::with_capacity(MESSAGE_CAPACITY);
    language.write(&code, &message, overridden, &mut text);
    let additional_info = if language.additional_info() { vec![additional_info(&code, &message)] } else { Vec::new() };
    let mut detail = ErrorDetail::new(code, text).with_target(target);
    detail.additional_info = additional_info;
    detail
}

/// The `additionalInfo` entry of a violation: its message's parameters, its rule and its
/// message's id (those two written last: a parameter of a user's own named `rule` or `messageId`
/// does not replace them).
fn additional_info(code: &str, message: &Message) -> AdditionalInfo {
    let mut info = serde_json::Map::new();
    message.params(&mut |name, arg| {
        info.insert(name.to_owned(), arg_value(arg));
    });
    info.insert("rule".to_owned(), message.rule().into());
    info.insert("messageId".to_owned(), message.id().unwrap_or(code).into());
    AdditionalInfo { kind: VALIDATION_RULE.to_owned(), info: serde_json::Value::Object(info) }
}

/// A parameter as JSON: numbers as numbers where JSON holds them exactly, else as text.
fn arg_value(arg: Arg<'_>) -> serde_json::Value {
    use serde_json::Value;
    match arg {
        Arg::Count(count) => Value::from(count),
        Arg::Number(Number::Signed(n)) => Value::from(*n),
        Arg::Number(Number::Unsigned(n)) => Value::from(*n),
        Arg::Number(number @ (Number::F32(_) | Number::F64(_))) => {
            // The number as its type writes it (`0.1` for an `f32`), read back as JSON; a NaN
            // or an infinity, which JSON has no number for, as text.
            let text = number.to_string();
            serde_json::from_str::<serde_json::Number>(&text).map_or(Value::from(text), Value::Number)
        }
        Arg::Number(number) => Value::from(number.to_string()),
        Arg::Text(text) => Value::from(text),
        Arg::List(values) => Value::from(values.to_vec()),
        Arg::Flag(flag) => Value::from(flag),
    }
}
