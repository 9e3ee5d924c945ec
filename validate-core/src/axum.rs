//! axum integration (feature `axum`): extractors that answer in the ARM format, and ARM errors
//! as responses.
//!
//! ```
//! use axum::{Router, routing::put};
//! use validate_core::Validate;
//! use validate_core::axum::ValidJson;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Hub {
//!     #[validate(length(min = 2, max = 64))]
//!     name: String,
//! }
//!
//! async fn create(ValidJson(hub): ValidJson<Hub>) -> String {
//!     format!("created {}", hub.name)
//! }
//!
//! let app: Router = Router::new().route("/hubs", put(create));
//! # let _ = app;
//! ```
//!
//! A rejected request gets the ARM payload with its status (400, 413 or 415), the content type
//! `application/json; charset=utf-8`, and `x-ms-error-code` equal to `error.code`; axum's own
//! `text/plain` rejections never reach the client.
//!
//! Messages are in the language the request's `Accept-Language` prefers, among the
//! [`Languages`] the service put in the request's extensions (an `Extension` layer), or among
//! the built-in ones (English, German, Japanese) when it put none; the answer says which in
//! `Content-Language`. [`Negotiated`] gives a handler the same choice for answers of its own.
//!
//! ```
//! use axum::{Extension, Router, routing::put};
//! use validate_core::Languages;
//! # use validate_core::Validate;
//! # use validate_core::axum::ValidJson;
//! # #[derive(serde::Deserialize, Validate)]
//! # struct Hub {}
//! # async fn create(ValidJson(hub): ValidJson<Hub>) {}
//!
//! // `additionalInfo` on every detail, and the built-in languages.
//! let languages = Languages::new().with_additional_info(true);
//! let app: Router = Router::new().route("/hubs", put(create)).layer(Extension(languages));
//! # let _ = app;
//! ```
//!
//! | Extractor | Reads | Answers |
//! |---|---|---|
//! | [`ValidJson<T>`] | a JSON body, then `validate()` | every problem at once |
//! | `Option<ValidJson<T>>` | the same, or no body at all (`None`) | as [`ValidJson`] |
//! | [`ValidJsonWith<T, C>`] | a JSON body, then `validate_with` a context | every problem at once |
//! | [`ArmJson<T>`] | a JSON body, no rules | its first problem |
//! | [`JsonBytes`] | a JSON body's bytes, unread | 415 and 413 only |
//! | [`ValidQuery<T>`] | the query string, then `validate()` | as [`ValidJson`], at the parameters' names |
//! | [`ValidPath<T>`] | the path's parameters, then `validate()` | as [`ValidJson`], at the parameters' names |
//!
//! URL parameters are answered as a body is: `InvalidRequestContent`, one detail per problem,
//! each detail's target the parameter's name as the client wrote it (`hubName`, `api-version`).
//! ARM services often answer a bad parameter with a single error instead; the one shape for every
//! part of a request lets a client read all of them alike. A parameter that is missing, or whose
//! text is not of the kind its type asks for, is such a detail too, worded by the library: serde's
//! own texts name Rust types and are never sent.
//!
//! Every extractor rejects with an answer of its own. A handler that would answer otherwise takes
//! `Result<ValidJson<T>, ArmError>` (or the same of any other of them) and decides.
//!
//! ```
//! use axum::response::{IntoResponse, Response};
//! use validate_core::axum::{ArmError, ValidQuery};
//! # #[derive(serde::Deserialize, validate_core::Validate)]
//! # struct Page { #[validate(range(max = 100))] top: u32 }
//!
//! async fn list(page: Result<ValidQuery<Page>, ArmError>) -> Response {
//!     match page {
//!         Ok(page) => format!("the first {}", page.top).into_response(),
//!         // Logged, say, and answered as it came.
//!         Err(rejection) => rejection.into_response(),
//!     }
//! }
//! # let _: axum::routing::MethodRouter = axum::routing::get(list);
//! ```

mod params;

use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};

use axum::RequestExt as _;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::rejection::RawPathParamsRejection;
use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequest, RawPathParams, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt as _;
use http_body_util::LengthLimitError;
use serde::de::DeserializeOwned;

use crate::error_response::{ErrorResponse, INVALID_REQUEST_CONTENT};
use crate::rule_error::INVALID_VALUE;
use crate::{
    BodyError, Language, Languages, Message, Validate, ValidateWith, Violation, Violations, from_json, from_json_with,
    parse_json,
};

/// The header that repeats `error.code`, read first by the Azure SDKs.
pub const ERROR_CODE_HEADER: &str = "x-ms-error-code";

/// How much of a body over the limit is read and dropped before answering 413, so that a
/// client still sending reads the answer instead of a reset connection.
pub const MAX_DRAINED_BYTES: usize = 64 * 1024 * 1024;

/// An ARM error with its HTTP status: the rejection of the extractors, and a response.
///
/// ```
/// use axum::http::StatusCode;
/// use axum::response::IntoResponse;
/// use validate_core::axum::ArmError;
///
/// let response = ArmError::new(StatusCode::NOT_FOUND, "NotFound", "No route matches.").into_response();
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["x-ms-error-code"], "NotFound");
/// assert_eq!(response.headers()["content-type"], "application/json; charset=utf-8");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ArmError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The body.
    pub body: ErrorResponse,
    /// The language of the body's messages, sent as `Content-Language` when known.
    pub language: Option<String>,
}

impl ArmError {
    /// An error with a status, a code and a message (in no language named).
    pub fn new(status: StatusCode, code: impl Into<String>, message: impl Into<String>) -> Self {
        ArmError { status, body: ErrorResponse::new(code, message), language: None }
    }

    /// An error with a status, a code and `message` worded in `language`, which
    /// `Content-Language` names: a service's own answers, in the language of the request.
    ///
    /// ```
    /// use axum::http::StatusCode;
    /// use axum::response::IntoResponse;
    /// use validate_core::{Language, Message};
    /// use validate_core::axum::ArmError;
    ///
    /// let german = Language::builtin("de").unwrap();
    /// let error = ArmError::worded(StatusCode::UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType", &Message::UnsupportedMediaType, &german);
    /// assert_eq!(error.body.error.message, "Der Inhaltstyp muss 'application/json' sein oder auf '+json' enden.");
    /// assert_eq!(error.into_response().headers()["content-language"], "de");
    /// ```
    pub fn worded(status: StatusCode, code: &str, message: &Message, language: &Language<'_>) -> Self {
        ArmError {
            status,
            body: ErrorResponse::new(code, language.text(code, message)),
            language: Some(language.tag().to_owned()),
        }
    }

    /// A 400 with this payload.
    pub fn bad_request(body: ErrorResponse) -> Self {
        ArmError { status: StatusCode::BAD_REQUEST, body, language: None }
    }

    /// A 400 for a refused body, worded in `language`.
    pub fn rejected(error: BodyError, language: &Language<'_>) -> Self {
        ArmError {
            status: StatusCode::BAD_REQUEST,
            body: error.into_response(language),
            language: Some(language.tag().to_owned()),
        }
    }

    /// 415 `UnsupportedMediaType`, in English.
    pub fn unsupported_media_type() -> Self {
        Self::unsupported_media_type_in(&Language::english())
    }

    /// 415 `UnsupportedMediaType`, in `language`.
    pub fn unsupported_media_type_in(language: &Language<'_>) -> Self {
        Self::worded(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UnsupportedMediaType",
            &Message::UnsupportedMediaType,
            language,
        )
    }

    /// 413 `RequestBodyTooLarge`, in English.
    pub fn body_too_large() -> Self {
        Self::body_too_large_in(&Language::english())
    }

    /// 413 `RequestBodyTooLarge`, in `language`.
    pub fn body_too_large_in(language: &Language<'_>) -> Self {
        Self::worded(StatusCode::PAYLOAD_TOO_LARGE, "RequestBodyTooLarge", &Message::BodyTooLarge, language)
    }
}

impl IntoResponse for ArmError {
    fn into_response(self) -> Response {
        let code = HeaderValue::from_str(self.body.code()).unwrap_or_else(|_| HeaderValue::from_static("Unknown"));
        // Serializing strings and vectors of them cannot fail.
        let json = serde_json::to_vec(&self.body).unwrap_or_default();
        let mut response = (self.status, json).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
        headers.insert(ERROR_CODE_HEADER, code);
        if let Some(language) = self.language.and_then(|tag| HeaderValue::from_str(&tag).ok()) {
            headers.insert(header::CONTENT_LANGUAGE, language);
        }
        response
    }
}

/// The language a request prefers among those the service speaks: the [`Languages`] in the
/// request's extensions (or the built-in ones), chosen by its `Accept-Language` header. An
/// extractor that never fails, for handlers that answer errors of their own.
///
/// ```
/// use axum::http::StatusCode;
/// use validate_core::Message;
/// use validate_core::axum::{ArmError, Negotiated};
///
/// async fn handler(negotiated: Negotiated) -> ArmError {
///     let language = negotiated.language();
///     ArmError::worded(StatusCode::PAYLOAD_TOO_LARGE, "RequestBodyTooLarge", &Message::BodyTooLarge, &language)
/// }
/// # let _: axum::routing::MethodRouter = axum::routing::get(handler);
/// ```
#[derive(Clone, Debug)]
pub struct Negotiated {
    languages: Languages,
    accept_language: Option<HeaderValue>,
}

impl Negotiated {
    /// What `headers` and `extensions` say: the languages put in the extensions (or the built-in
    /// ones) and the `Accept-Language` header. Costs no allocation: both are shared.
    pub fn of(headers: &HeaderMap, extensions: &axum::http::Extensions) -> Self {
        Negotiated {
            languages: extensions.get::<Languages>().cloned().unwrap_or_default(),
            accept_language: accept_language(headers),
        }
    }

    /// The language chosen ([`Languages::negotiate`]); English when the header is missing, not
    /// text, or matches nothing.
    pub fn language(&self) -> Language<'_> {
        let header = self.accept_language.as_ref().and_then(|value| value.to_str().ok());
        self.languages.negotiate(header)
    }
}

/// The `Accept-Language` of a request: its value, or, when it came in several header lines, their
/// values joined with `, ` (HTTP reads them as one list). A single line is shared, not copied.
///
/// ```
/// use axum::http::{HeaderMap, HeaderValue, header::ACCEPT_LANGUAGE};
/// use validate_core::axum::accept_language;
///
/// let mut headers = HeaderMap::new();
/// headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("fr"));
/// headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("de;q=0.5"));
/// assert_eq!(accept_language(&headers).unwrap(), "fr, de;q=0.5");
/// ```
pub fn accept_language(headers: &HeaderMap) -> Option<HeaderValue> {
    let mut values = headers.get_all(header::ACCEPT_LANGUAGE).iter();
    let first = values.next()?;
    let Some(second) = values.next() else {
        return Some(first.clone());
    };
    let mut joined = first.as_bytes().to_vec();
    for value in std::iter::once(second).chain(values) {
        joined.extend_from_slice(b", ");
        joined.extend_from_slice(value.as_bytes());
    }
    // Joined from header values with a comma and a space: a header value still.
    HeaderValue::from_bytes(&joined).ok()
}

impl<S: Send + Sync> FromRequestParts<S> for Negotiated {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Negotiated::of(&parts.headers, &parts.extensions))
    }
}

/// A refused body is a 400 in English (`Content-Language: en`), for `?` in a handler; a handler
/// that answers in the request's language uses [`ArmError::rejected`] with [`Negotiated`].
impl From<BodyError> for ArmError {
    fn from(error: BodyError) -> Self {
        ArmError::rejected(error, &Language::english())
    }
}

/// A payload alone is a 400.
impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        ArmError::bad_request(self).into_response()
    }
}

/// A JSON body read with [`from_json`]: well-formed, well-shaped and valid.
///
/// Checks, in order: the content type (`application/json` or `…/…+json`, parameters allowed;
/// else 415), the size under axum's body limit (`DefaultBodyLimit`; else 413, after reading and
/// dropping up to [`MAX_DRAINED_BYTES`]), then syntax, shape and rules (400).
#[derive(Clone, Debug)]
pub struct ValidJson<T>(pub T);

/// A JSON body read with [`parse_json`], for handlers that adjust the value before validating it:
/// the content type and size as [`ValidJson`] checks them, a body that is not JSON answered as
/// [`ValidJson`] answers it, and of a body of the wrong shape the first problem only (the one
/// serde meets first), at its target (none inside what serde buffers: a flattened struct's
/// fields, an internally tagged or untagged variant). No rules. [`ValidJson`] and [`ValidJsonWith`] report every
/// problem at once.
#[derive(Clone, Debug)]
pub struct ArmJson<T>(pub T);

/// A JSON body read with [`from_json_with`], its rules given a context `C` that the request's
/// parts give (`C: FromRequestParts`): a value of the handler's state, say, or one built from the
/// URL. The same checks and answers as [`ValidJson`]; the context is extracted first, and its
/// rejection is answered as it is. The handler gets the context too.
///
/// ```
/// use std::convert::Infallible;
/// use std::sync::Arc;
///
/// use axum::extract::FromRequestParts;
/// use axum::http::request::Parts;
/// use axum::{Router, routing::put};
/// use validate_core::RuleError;
/// use validate_core::axum::ValidJsonWith;
///
/// /// The profile types of the hub, shared by the handlers.
/// #[derive(Clone)]
/// struct Catalog(Arc<Vec<String>>);
///
/// // The context comes from the state, in axum's idiom.
/// impl FromRequestParts<Catalog> for Catalog {
///     type Rejection = Infallible;
///
///     async fn from_request_parts(_: &mut Parts, state: &Catalog) -> Result<Self, Infallible> {
///         Ok(state.clone())
///     }
/// }
///
/// fn known(name: &str, catalog: &Catalog) -> Result<(), RuleError> {
///     if catalog.0.iter().any(|known| known == name) {
///         Ok(())
///     } else {
///         Err(RuleError::new("UnknownProfileType", format!("The hub has no profile type '{name}'.")))
///     }
/// }
///
/// #[derive(serde::Deserialize, validate_core::Validate)]
/// #[validate(context = Catalog)]
/// struct Mapping {
///     #[validate(custom(known))]
///     profile_type: String,
/// }
///
/// async fn create(ValidJsonWith(mapping, _catalog): ValidJsonWith<Mapping, Catalog>) -> String {
///     format!("mapped {}", mapping.profile_type)
/// }
///
/// let catalog = Catalog(Arc::new(vec!["Contact".to_owned()]));
/// let app: Router = Router::new().route("/mappings", put(create)).with_state(catalog);
/// # let _ = app;
/// ```
#[derive(Clone, Debug)]
pub struct ValidJsonWith<T, C>(pub T, pub C);

/// The bytes of a JSON body, its content type and size checked as [`ValidJson`] checks them, not
/// yet read: for a handler that reads it later, with a context it only has then (the stored
/// resource, under the store's lock, say) through [`from_json_with`].
#[derive(Clone, Debug)]
pub struct JsonBytes(pub Bytes);

/// The query string read into `T` and validated: for the parameters of a list or an operation
/// (`?api-version=…&top=10`), answered in the ARM format instead of axum's plain text.
///
/// Each pair is percent-decoded (`+` is a space) and read by name, its text as the kind the field
/// asks for: `10` for an integer, `true` or `false` for a boolean, one of the names for an enum of
/// unit variants. Fields take the names serde gives them (`rename`, `rename_all`), which are also
/// the targets of the answer; a pair the type does not name is ignored, unless the type denies
/// unknown fields. A missing parameter is `MissingRequiredProperty`; text of the wrong kind is
/// `InvalidPropertyType`, an integer out of its type's range `ValueOutOfRange`, a name outside an
/// enum's `InvalidEnumValue`. The reading stops at its first problem, which is answered alone; a
/// value read whole has every violation of its rules answered at once, as [`ValidJson`] does.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use axum::body::Body;
/// use axum::http::Request;
/// use axum::{Router, routing::get};
/// use tower::ServiceExt as _;
/// use validate_core::Validate;
/// use validate_core::axum::ValidQuery;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Page {
///     #[serde(rename = "api-version")]
///     #[validate(one_of("2024-01-01"))]
///     api_version: String,
///     #[validate(range(min = 1, max = 100))]
///     top: u32,
/// }
///
/// // `Deref`: the fields of the value, through the extractor.
/// async fn list(page: ValidQuery<Page>) -> String {
///     format!("the first {} ({})", page.top, page.api_version)
/// }
///
/// let app = Router::new().route("/hubs", get(list));
/// let request = Request::get("/hubs?api-version=2024-01-01&top=500").body(Body::empty()).unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), 400);
/// let body = axum::body::to_bytes(response.into_body(), 4096).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!(answer["error"]["details"][0]["target"], "top");
/// assert_eq!(answer["error"]["details"][0]["message"], "The value 500 is greater than the maximum 100.");
/// # });
/// ```
#[derive(Clone, Debug)]
pub struct ValidQuery<T>(pub T);

/// The path's parameters read into `T` and validated: a resource's name in the route
/// (`/hubs/{hubName}`) checked by the same rules as a body, and answered in the ARM format.
///
/// A struct reads the parameters by name (the route's names, which serde's `rename` matches), a
/// tuple in the route's order, any other type the route's one parameter. Each is read and answered
/// as [`ValidQuery`] reads and answers a pair, the route's name of the parameter as the target. A
/// route without parameters is the server's mistake: 500 `InternalServerError`.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use axum::body::Body;
/// use axum::http::Request;
/// use axum::{Router, routing::get};
/// use tower::ServiceExt as _;
/// use validate_core::Validate;
/// use validate_core::axum::ValidPath;
///
/// #[derive(serde::Deserialize, Validate)]
/// #[serde(rename_all = "camelCase")]
/// struct HubPath {
///     #[validate(length(min = 2, max = 8))]
///     hub_name: String,
/// }
///
/// async fn show(ValidPath(path): ValidPath<HubPath>) -> String {
///     path.hub_name
/// }
///
/// let app = Router::new().route("/hubs/{hubName}", get(show));
/// let request = Request::get("/hubs/h").header("accept-language", "de").body(Body::empty()).unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), 400);
/// assert_eq!(response.headers()["content-language"], "de");
/// let body = axum::body::to_bytes(response.into_body(), 4096).await.unwrap();
/// let answer: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!(answer["error"]["details"][0]["target"], "hubName");
/// assert_eq!(answer["error"]["details"][0]["message"], "Der Wert muss mindestens 2 Zeichen haben; er hat 1.");
/// # });
/// ```
#[derive(Clone, Debug)]
pub struct ValidPath<T>(pub T);

/// The value, through the extractor: `body.name` for `body.0.name`.
impl<T> Deref for ValidJson<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for ValidJson<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// The value, through the extractor.
impl<T> Deref for ArmJson<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for ArmJson<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// The value (not the context: it is `.1`), through the extractor.
impl<T, C> Deref for ValidJsonWith<T, C> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T, C> DerefMut for ValidJsonWith<T, C> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// The value, through the extractor.
impl<T> Deref for ValidQuery<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for ValidQuery<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// The value, through the extractor.
impl<T> Deref for ValidPath<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for ValidPath<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// The bytes, through the extractor: `&body[..]` is the body as a slice. Not `DerefMut`: the
/// bytes are those whose content type and size were checked.
///
/// ```
/// use validate_core::axum::JsonBytes;
///
/// let body = JsonBytes(axum::body::Bytes::from_static(br#"{"name":"hub1"}"#));
/// let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!((body.len(), value["name"].as_str()), (15, Some("hub1")));
/// ```
impl Deref for JsonBytes {
    type Target = Bytes;

    fn deref(&self) -> &Bytes {
        &self.0
    }
}

impl<T, S> FromRequestParts<S> for ValidQuery<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = ArmError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _state: &S) -> Result<Self, ArmError> {
        let query = parts.uri.query().unwrap_or_default();
        let pairs: Vec<(Cow<'_, str>, Cow<'_, str>)> = form_urlencoded::parse(query.as_bytes()).collect();
        params::read(&pairs).map(ValidQuery).map_err(|violations| url_rejection(violations, parts))
    }
}

impl<T, S> FromRequestParts<S> for ValidPath<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = ArmError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, ArmError> {
        let raw = match RawPathParams::from_request_parts(parts, state).await {
            Ok(raw) => raw,
            // A parameter that is not UTF-8 once decoded: its name is not given out by axum.
            Err(RawPathParamsRejection::InvalidUtf8InPathParam(_)) => {
                let violation = Violation::new(String::new(), INVALID_VALUE, Message::NotValid);
                return Err(url_rejection(std::iter::once(violation).collect(), parts));
            }
            // The route captures nothing: the server's mistake, not the client's.
            Err(_) => {
                return Err(ArmError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "InternalServerError",
                    "The server could not read the parameters of the path.",
                ));
            }
        };
        let pairs: Vec<(Cow<'_, str>, Cow<'_, str>)> =
            raw.iter().map(|(key, value)| (Cow::Borrowed(key), Cow::Borrowed(value))).collect();
        params::read(&pairs).map(ValidPath).map_err(|violations| url_rejection(violations, parts))
    }
}

/// The 400 of URL parameters, worded in the language the request prefers.
fn url_rejection(violations: Violations, parts: &axum::http::request::Parts) -> ArmError {
    let negotiated = Negotiated::of(&parts.headers, &parts.extensions);
    ArmError::rejected(BodyError::from(violations), &negotiated.language())
}

/// `Option<ValidJson<T>>`: a body that may be left out, as the body of a `POST` action that has
/// optional parameters.
///
/// No body means no `Content-Type` header and not one byte of body (a `Content-Length` of 0, or
/// none and a body that ends at once): then `None`. A request with a `Content-Type` is read as
/// [`ValidJson`] reads it, so an empty body sent as `application/json` is refused (it is not
/// JSON), and bytes without a `Content-Type` are refused as not JSON (415), as [`ValidJson`]
/// refuses them: a client that sent something learns it was not read.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use axum::body::Body;
/// use axum::http::Request;
/// use axum::{Router, routing::post};
/// use tower::ServiceExt as _;
/// use validate_core::Validate;
/// use validate_core::axum::ValidJson;
///
/// #[derive(serde::Deserialize, Validate)]
/// struct Restart {
///     #[validate(range(max = 3600))]
///     delay: u32,
/// }
///
/// async fn restart(options: Option<ValidJson<Restart>>) -> String {
///     match options {
///         Some(options) => format!("restarting in {} s", options.delay),
///         None => "restarting now".to_owned(),
///     }
/// }
///
/// let app = Router::new().route("/restart", post(restart));
/// let response = app.clone().oneshot(Request::post("/restart").body(Body::empty()).unwrap()).await.unwrap();
/// assert_eq!(response.status(), 200);
/// let bad = Request::post("/restart").header("content-type", "application/json").body(Body::from(r#"{"delay":-1}"#));
/// assert_eq!(app.oneshot(bad.unwrap()).await.unwrap().status(), 400);
/// # });
/// ```
impl<T, S> OptionalFromRequest<S> for ValidJson<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = ArmError;

    async fn from_request(request: Request, state: &S) -> Result<Option<Self>, ArmError> {
        if request.headers().contains_key(header::CONTENT_TYPE) {
            return <Self as FromRequest<S>>::from_request(request, state).await.map(Some);
        }
        let negotiated = Negotiated::of(request.headers(), request.extensions());
        let mut body = request.into_body();
        loop {
            match body.frame().await {
                None => return Ok(None),
                Some(Ok(frame)) if frame.data_ref().is_some_and(|data| !data.is_empty()) => {
                    drain_body(body).await;
                    return Err(ReadError::UnsupportedMediaType.answer(&negotiated.language()));
                }
                // An empty data frame, or trailers: still no body.
                Some(Ok(_)) => {}
                Some(Err(_)) => return Err(ReadError::Unreadable.answer(&negotiated.language())),
            }
        }
    }
}

impl<T, S> FromRequest<S> for ValidJson<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = ArmError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, ArmError> {
        let negotiated = Negotiated::of(request.headers(), request.extensions());
        let body = json_body(request, &negotiated).await?;
        from_json(&body).map(ValidJson).map_err(|error| ArmError::rejected(error, &negotiated.language()))
    }
}

impl<T, S> FromRequest<S> for ArmJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ArmError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, ArmError> {
        let negotiated = Negotiated::of(request.headers(), request.extensions());
        let body = json_body(request, &negotiated).await?;
        parse_json(&body).map(ArmJson).map_err(|error| ArmError::rejected(error, &negotiated.language()))
    }
}

impl<T, C, S> FromRequest<S> for ValidJsonWith<T, C>
where
    T: DeserializeOwned + ValidateWith<C>,
    C: FromRequestParts<S> + Send,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        // The rejection made a response at once: it need not be `Send` across the drain.
        let ctx = C::from_request_parts(&mut parts, state).await.map_err(IntoResponse::into_response);
        let ctx = match ctx {
            Ok(ctx) => ctx,
            // An answer before the body: read and drop it, so that the client reads the answer.
            Err(response) => {
                drain_body(body).await;
                return Err(response);
            }
        };
        let negotiated = Negotiated::of(&parts.headers, &parts.extensions);
        let request = Request::from_parts(parts, body);
        let body = json_body(request, &negotiated).await.map_err(IntoResponse::into_response)?;
        match from_json_with(&body, &ctx) {
            Ok(value) => Ok(ValidJsonWith(value, ctx)),
            Err(error) => Err(ArmError::rejected(error, &negotiated.language()).into_response()),
        }
    }
}

impl<S: Send + Sync> FromRequest<S> for JsonBytes {
    type Rejection = ArmError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, ArmError> {
        let negotiated = Negotiated::of(request.headers(), request.extensions());
        json_body(request, &negotiated).await.map(JsonBytes)
    }
}

/// Why a request's JSON body could not be read: not worded yet, so that a handler that reads bodies
/// itself ([`read_json_body`]) answers in the language it chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadError {
    /// The content type is not JSON: 415.
    UnsupportedMediaType,
    /// The body is larger than axum's body limit: 413.
    TooLarge,
    /// The body could not be read to its end (the connection failed): 400.
    Unreadable,
}

impl ReadError {
    /// The answer, worded in `language`.
    ///
    /// ```
    /// use validate_core::Language;
    /// use validate_core::axum::ReadError;
    ///
    /// let answer = ReadError::TooLarge.answer(&Language::builtin("ja").unwrap());
    /// assert_eq!((answer.status.as_u16(), answer.body.code()), (413, "RequestBodyTooLarge"));
    /// assert_eq!(answer.language.as_deref(), Some("ja"));
    /// ```
    pub fn answer(self, language: &Language<'_>) -> ArmError {
        match self {
            ReadError::UnsupportedMediaType => ArmError::unsupported_media_type_in(language),
            ReadError::TooLarge => ArmError::body_too_large_in(language),
            ReadError::Unreadable => {
                ArmError::worded(StatusCode::BAD_REQUEST, INVALID_REQUEST_CONTENT, &Message::BodyUnreadable, language)
            }
        }
    }
}

/// In English, as [`ReadError::answer`] words it.
impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            ReadError::UnsupportedMediaType => Message::UnsupportedMediaType,
            ReadError::TooLarge => Message::BodyTooLarge,
            ReadError::Unreadable => Message::BodyUnreadable,
        };
        fmt::Display::fmt(&message, f)
    }
}

impl std::error::Error for ReadError {}

/// The bytes of a JSON body, as [`JsonBytes`] reads them, for a handler that answers a refusal in
/// a language of its own choosing: the content type must be JSON, the size within axum's
/// `DefaultBodyLimit`. A refused body is read and dropped first (up to [`MAX_DRAINED_BYTES`]), so
/// that the client reads the answer.
pub async fn read_json_body(request: Request) -> Result<Bytes, ReadError> {
    if !is_json(request.headers()) {
        drain_body(request.into_body()).await;
        return Err(ReadError::UnsupportedMediaType);
    }
    let seen = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&seen);
    let mut body = request.map(|body| Body::new(Counted { inner: body, seen: counted })).into_limited_body();
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(frame) => {
                if let Some(data) = frame.data_ref() {
                    bytes.extend_from_slice(data);
                }
            }
            Err(error) if is_over_limit(&error) => {
                drain(&mut body, &seen).await;
                return Err(ReadError::TooLarge);
            }
            Err(_) => return Err(ReadError::Unreadable),
        }
    }
    Ok(Bytes::from(bytes))
}

/// [`read_json_body`], a refusal worded in the language `negotiated` chose.
async fn json_body(request: Request, negotiated: &Negotiated) -> Result<Bytes, ArmError> {
    read_json_body(request).await.map_err(|refused| refused.answer(&negotiated.language()))
}

/// Reads and drops a request's body, up to [`MAX_DRAINED_BYTES`], for an answer given before the
/// body is read (a 404, a 405, a problem with the URL, a 415): a client still sending its body
/// then reads the answer instead of a reset connection. Past the bound, the rest is left unread
/// and the connection is closed after the answer.
///
/// A client that sends slowly holds this as long as it sends, as it holds any extractor that reads
/// a body (this one included, for its 415): bound bodies in time where the server is built (a
/// timeout around the handler, `tower_http::timeout::RequestBodyTimeoutLayer`, or as the reference
/// service does, `tokio::time::timeout` around the read and the drain). The library sets no timer
/// of its own: it does not know the runtime's.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// use axum::body::Body;
///
/// validate_core::axum::drain_body(Body::from("the body of a request answered 404")).await;
/// # });
/// ```
pub async fn drain_body(body: Body) {
    let mut body = body;
    let mut seen = 0_usize;
    while seen < MAX_DRAINED_BYTES {
        match body.frame().await {
            Some(Ok(frame)) => seen += frame.data_ref().map_or(0, Bytes::len),
            None | Some(Err(_)) => break,
        }
    }
}

/// Reads and drops the rest of a body that is over the limit, up to [`MAX_DRAINED_BYTES`].
async fn drain(body: &mut Body, seen: &AtomicUsize) {
    // Past the limit every data frame comes back as an error, but it was read all the same.
    while seen.load(Ordering::Relaxed) < MAX_DRAINED_BYTES {
        match body.frame().await {
            Some(Ok(_)) => {}
            Some(Err(error)) if is_over_limit(&error) => {}
            None | Some(Err(_)) => break,
        }
    }
}

/// Whether reading failed because the body passed axum's limit.
fn is_over_limit(error: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = cause {
        if error.is::<LengthLimitError>() {
            return true;
        }
        cause = error.source();
    }
    false
}

/// `application/json`, or any `type/subtype+json`, with or without parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok()) else {
        return false;
    };
    // Compared ignoring case rather than lowercased into a copy, which allocated on every body
    // read (the reference service's valid PUT: is_json 820 → 540 instructions; callgrind,
    // 2026-12-01).
    let essence = value.split_once(';').map_or(value, |(essence, _)| essence).trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    // `…+json` in any case: the suffix after the last `+` (`json` holds none).
    let structured = subtype.rsplit_once('+').is_some_and(|(_, suffix)| suffix.eq_ignore_ascii_case("json"));
    (kind.eq_ignore_ascii_case("application") && subtype.eq_ignore_ascii_case("json"))
        || (!kind.is_empty() && structured)
}

/// A body that counts the bytes it yields, so that draining can stop at a cap.
struct Counted {
    inner: Body,
    seen: Arc<AtomicUsize>,
}

impl HttpBody for Counted {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if let Poll::Ready(Some(Ok(frame))) = &polled
            && let Some(data) = frame.data_ref()
        {
            self.seen.fetch_add(data.len(), Ordering::Relaxed);
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(content_type: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_str(content_type).unwrap());
        headers
    }

    #[test]
    fn json_content_types() {
        for good in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/merge-patch+json",
            "text/x+json",
            " APPLICATION/VND.X+JSON ;q",
            "a/+Json",
        ] {
            assert!(is_json(&headers(good)), "{good}");
        }
        for bad in [
            "text/plain",
            "application/jsonx",
            "json",
            "application/json-seq",
            "/+json",
            "",
            "a/json",
            "+json",
            "a/x+jso",
            "text/plain;/+json",
        ] {
            assert!(!is_json(&headers(bad)), "{bad}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }
}
