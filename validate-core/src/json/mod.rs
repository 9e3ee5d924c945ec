//! From request bytes to a validated value, or to the ARM 400 that explains every problem.
//!
//! The success path is `serde_json::from_slice` and [`Validate::validate`], nothing more. Only
//! when reading fails is the body read again, into a tree that keeps repeated keys, to tell
//! "not JSON" from "JSON of the wrong shape", to find the exact target of every shape problem,
//! and to check the rules of every part that is well-shaped.

mod shape;
pub(crate) mod tree;
mod tree_de;
mod unique_keys;
pub(crate) mod walk;

use serde::de::DeserializeOwned;

// Only the URL parameters of `axum` name these; the body's problems are built in `shape`.
#[cfg(feature = "axum")]
pub(crate) use shape::{DUPLICATE_PROPERTY, INVALID_PROPERTY_TYPE, UNKNOWN_PROPERTY};
pub(crate) use tree::Tree;
pub(crate) use tree_de::TreeDeserializer;
pub use unique_keys::{UniqueKeys, unique_keys};

use std::fmt;

use crate::error_response::{ErrorDetail, ErrorResponse, INVALID_REQUEST_CONTENT};
use crate::message::{Message, Syntax};
use crate::rule_error::INVALID_VALUE;
use crate::{Language, Validate, ValidateWith, Violation, Violations};

/// Why a body was refused: it is not JSON, or it is JSON with problems (of shape, or of its
/// rules), each a [`Violation`] at its target.
///
/// Its text is not written until it is asked for: [`into_response`](BodyError::into_response)
/// words the ARM payload in any [`Language`], `ErrorResponse::from` in English, and `Display`
/// writes English for a log.
///
/// ```
/// use validate_core::{from_json, ErrorResponse, Language, Validate};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct Hub {
///     #[validate(length(min = 2))]
///     name: String,
/// }
///
/// let error = from_json::<Hub>(br#"{"name":"c"}"#).unwrap_err();
/// assert_eq!(error.to_string(), "name: The value must have at least 2 characters; it has 1.");
/// let german = error.clone().into_response(&Language::builtin("de").unwrap());
/// assert_eq!(german.error.details[0].message, "Der Wert muss mindestens 2 Zeichen haben; er hat 1.");
/// let english = ErrorResponse::from(error);
/// assert_eq!(english.error.details[0].message, "The value must have at least 2 characters; it has 1.");
///
/// let error = from_json::<Hub>(b"{\"name\":").unwrap_err();
/// assert!(matches!(error, validate_core::BodyError::NotJson { line: 1, column: 8, .. }));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum BodyError {
    /// The body is not JSON: what `serde_json` found wrong, and where.
    NotJson {
        /// The reason.
        reason: Syntax,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
    },
    /// The body is JSON with these problems.
    Invalid(Violations),
}

impl BodyError {
    /// The ARM payload (`InvalidRequestContent`), worded in `language`.
    pub fn into_response(self, language: &Language<'_>) -> ErrorResponse {
        match self {
            BodyError::Invalid(violations) => violations.into_response(language),
            BodyError::NotJson { reason, line, column } => {
                let message = Message::NotJson { reason, line, column };
                ErrorResponse {
                    error: ErrorDetail::new(INVALID_REQUEST_CONTENT, language.text(INVALID_REQUEST_CONTENT, &message)),
                }
            }
        }
    }

    /// The problems of a body that is JSON; `None` for one that is not.
    pub fn violations(&self) -> Option<&Violations> {
        match self {
            BodyError::Invalid(violations) => Some(violations),
            BodyError::NotJson { .. } => None,
        }
    }

    /// For a body that is not JSON: `serde_json`'s account of the syntax error.
    fn not_json(error: &serde_json::Error) -> Self {
        BodyError::NotJson { reason: Syntax::of(error), line: error.line(), column: error.column() }
    }
}

/// In English.
impl From<BodyError> for ErrorResponse {
    fn from(error: BodyError) -> Self {
        error.into_response(&Language::english())
    }
}

impl From<Violations> for BodyError {
    fn from(violations: Violations) -> Self {
        BodyError::Invalid(violations)
    }
}

/// In English: the message of a body that is not JSON, or one line per violation.
impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::NotJson { reason, line, column } => {
                let message = Message::NotJson { reason: reason.clone(), line: *line, column: *column };
                fmt::Display::fmt(&message, f)
            }
            BodyError::Invalid(violations) => fmt::Display::fmt(violations, f),
        }
    }
}

impl std::error::Error for BodyError {}

/// Reads `body` as a `T` and checks its rules: the value, or the ARM payload of every problem.
///
/// - Not JSON (empty, malformed, trailing characters, invalid UTF-8, a lone surrogate, a number
///   out of range, a byte-order mark, nesting of 128 levels or more): `InvalidRequestContent`
///   with the line and column, no details.
/// - JSON of the wrong shape: `InvalidRequestContent` with a detail at its target
///   (`InvalidPropertyType`, `InvalidEnumValue`, `UnknownProperty`, `MissingRequiredProperty`,
///   `DuplicateProperty`, `ValueOutOfRange`; `ValueTooShort`/`ValueTooLong` for a fixed-size array
///   or tuple with the wrong number of items; `InvalidValue` for a value a type's own
///   `Deserialize` refuses, whose text, written for Rust programmers, is never echoed).
/// - Rule violations: `InvalidRequestContent` with one detail per violation.
///
/// ```
/// use validate_core::{from_json, Validate};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// #[serde(rename_all = "camelCase", deny_unknown_fields)]
/// struct Hub {
///     #[validate(length(min = 2))]
///     hub_name: String,
///     units: Option<u8>,
/// }
///
/// let hub: Hub = from_json(br#"{"hubName":"contoso"}"#).unwrap();
/// assert_eq!(hub.hub_name, "contoso");
///
/// let error = from_json::<Hub>(br#"{"hubName":"c"}"#).map_err(validate_core::ErrorResponse::from).unwrap_err();
/// assert_eq!(error.error.details[0].code, "ValueTooShort");
///
/// let error = from_json::<Hub>(br#"{"hubName":"contoso","units":"7"}"#).map_err(validate_core::ErrorResponse::from).unwrap_err();
/// let detail = &error.error.details[0];
/// assert_eq!((detail.code.as_str(), detail.target.as_deref()), ("InvalidPropertyType", Some("units")));
/// assert_eq!(detail.message, "Expected an integer but found a string.");
///
/// let error = from_json::<Hub>(b"{\"hubName\":").map_err(validate_core::ErrorResponse::from).unwrap_err();
/// assert_eq!(error.error.message, "The request content is not valid JSON: EOF while parsing a value at line 1 column 11.");
/// ```
pub fn from_json<T: DeserializeOwned + Validate>(body: &[u8]) -> Result<T, BodyError> {
    match serde_json::from_slice::<T>(body) {
        Ok(value) => match value.validate() {
            Ok(()) => Ok(value),
            Err(violations) => Err(BodyError::Invalid(violations)),
        },
        Err(error) => Err(explain_all::<T>(body, &error)),
    }
}

/// [`from_json`] for a type whose rules need a context (`#[validate(context = …)]`): reads
/// `body` as a `T` and checks its rules with `ctx`, the walk of a body that failed to read too.
/// The answers are those of [`from_json`], rule by rule.
///
/// ```
/// use validate_core::{from_json_with, RuleError};
///
/// /// The largest quota the caller's plan allows.
/// struct Plan {
///     max_units: u32,
/// }
///
/// #[derive(Debug, serde::Deserialize, validate_core::Validate)]
/// #[serde(rename_all = "camelCase")]
/// #[validate(context = Plan)]
/// struct Hub {
///     #[validate(length(min = 2))]
///     hub_name: String,
///     #[validate(range(max = ctx.max_units))]
///     units: u32,
/// }
///
/// let plan = Plan { max_units: 10 };
/// let hub: Hub = from_json_with(br#"{"hubName":"contoso","units":4}"#, &plan).unwrap();
/// assert_eq!(hub.units, 4);
///
/// // Every problem at once, the rules with the context among them.
/// let error = from_json_with::<Hub, _>(br#"{"hubName":"c","units":40}"#, &plan).map_err(validate_core::ErrorResponse::from).unwrap_err();
/// let found: Vec<_> = error.error.details.iter().map(|d| (d.code.as_str(), d.target.as_deref())).collect();
/// assert_eq!(found, [("ValueTooShort", Some("hubName")), ("ValueOutOfRange", Some("units"))]);
/// ```
pub fn from_json_with<T, C>(body: &[u8], ctx: &C) -> Result<T, BodyError>
where
    T: DeserializeOwned + ValidateWith<C>,
    C: ?Sized,
{
    match serde_json::from_slice::<T>(body) {
        Ok(value) => match value.validate_with(ctx) {
            Ok(()) => Ok(value),
            Err(violations) => Err(BodyError::Invalid(violations)),
        },
        Err(error) => Err(explain_all_with::<T, C>(body, &error, ctx)),
    }
}

/// [`explain_all`] with a context.
#[cold]
#[inline(never)]
fn explain_all_with<T, C>(body: &[u8], fast: &serde_json::Error, ctx: &C) -> BodyError
where
    T: DeserializeOwned + ValidateWith<C>,
    C: ?Sized,
{
    match Tree::parse(body) {
        Ok(tree) => BodyError::Invalid(T::__explain_with(&walk::Failed { tree: &tree, fast }, ctx)),
        Err(syntax) => BodyError::not_json(&syntax),
    }
}

/// Every problem of a body that failed to read as a `T`: the shape problems of every part and
/// the rule violations of every well-shaped part, when `T`'s derive can walk it; else the first
/// problem, as [`parse_json`] finds it. Which of the two is `T`'s own choice
/// (`Validate::__explain`), so that the walk-less answer is compiled only for types without a walk.
#[cold]
#[inline(never)]
fn explain_all<T: DeserializeOwned + Validate>(body: &[u8], fast: &serde_json::Error) -> BodyError {
    match Tree::parse(body) {
        Ok(tree) => BodyError::Invalid(T::__explain(&walk::Failed { tree: &tree, fast })),
        Err(syntax) => BodyError::not_json(&syntax),
    }
}

/// Reads `body` as a `T` without checking rules, for handlers that adjust a value before its rules
/// run. A body that is not JSON gets [`from_json`]'s answer; of a body of the wrong shape, only
/// the first problem is reported (the one serde meets first), at its target, with
/// [`from_json`]'s codes and messages; inside what serde reads into a buffer first (a flattened
/// struct's fields, an internally tagged or untagged enum's variant) that problem has no target.
/// [`from_json`] and [`from_json_with`] report every problem at once, each at its target.
///
/// ```
/// use validate_core::parse_json;
///
/// let names: std::collections::BTreeMap<String, u8> = parse_json(br#"{"a":1}"#).unwrap();
/// assert_eq!(names["a"], 1);
/// let error = parse_json::<std::collections::BTreeMap<String, u8>>(br#"{"a":"x"}"#).map_err(validate_core::ErrorResponse::from).unwrap_err();
/// assert_eq!(error.error.details[0].target.as_deref(), Some("['a']"));
/// ```
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, BodyError> {
    match serde_json::from_slice(body) {
        Ok(value) => Ok(value),
        Err(error) => Err(explain::<T>(body, &error)),
    }
}

/// Why `body` could not be read as a `T`.
#[cold]
#[inline(never)]
fn explain<T: DeserializeOwned>(body: &[u8], fast: &serde_json::Error) -> BodyError {
    match Tree::parse(body) {
        Ok(tree) => BodyError::Invalid(explain_tree::<T>(&tree, fast)),
        Err(syntax) => BodyError::not_json(&syntax),
    }
}

/// The first shape problem of a well-formed body, at its target.
pub(crate) fn explain_tree<T: DeserializeOwned>(tree: &Tree, fast: &serde_json::Error) -> Violations {
    let first = match TreeDeserializer::read(tree, |value| T::deserialize(value)) {
        Err(shape) => shape.into_violation(),
        // The tree reads what serde_json refused (a type that needs serde_json's own
        // deserializer, say): say where serde_json stopped, without its Rust-side wording.
        Ok(_) => stopped_at_violation(fast),
    };
    Violations::from_iter([first])
}

/// Where `serde_json` stopped, for a failure the tree does not reproduce: no target, since the
/// tree does not say where that is.
pub(crate) fn stopped_at_violation(fast: &serde_json::Error) -> Violation {
    Violation::new(String::new(), INVALID_VALUE, Message::StoppedAt { line: fast.line(), column: fast.column() })
}
