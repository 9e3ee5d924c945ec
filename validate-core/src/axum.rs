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

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};

use axum::RequestExt as _;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt as _;
use http_body_util::LengthLimitError;
use serde::de::DeserializeOwned;

use crate::error_response::{ErrorResponse, INVALID_REQUEST_CONTENT};
use crate::{Validate, ValidateWith, from_json, from_json_with, parse_json};

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
}

impl ArmError {
    /// An error with a status, a code and a message.
    pub fn new(status: StatusCode, code: impl Into<String>, message: impl Into<String>) -> Self {
        ArmError { status, body: ErrorResponse::new(code, message) }
    }

    /// A 400 with this payload.
    pub fn bad_request(body: ErrorResponse) -> Self {
        ArmError { status: StatusCode::BAD_REQUEST, body }
    }

    /// 415 `UnsupportedMediaType`.
    pub fn unsupported_media_type() -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UnsupportedMediaType",
            "The content type must be 'application/json' or end with '+json'.",
        )
    }

    /// 413 `RequestBodyTooLarge`.
    pub fn body_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "RequestBodyTooLarge",
            "The request body is larger than this service accepts.",
        )
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
        response
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

impl<T, S> FromRequest<S> for ValidJson<T>
where
    T: DeserializeOwned + Validate,
    S: Send + Sync,
{
    type Rejection = ArmError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, ArmError> {
        let body = json_body(request).await?;
        from_json(&body).map(ValidJson).map_err(ArmError::bad_request)
    }
}

impl<T, S> FromRequest<S> for ArmJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ArmError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, ArmError> {
        let body = json_body(request).await?;
        parse_json(&body).map(ArmJson).map_err(ArmError::bad_request)
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
        let body = json_body(Request::from_parts(parts, body)).await.map_err(IntoResponse::into_response)?;
        match from_json_with(&body, &ctx) {
            Ok(value) => Ok(ValidJsonWith(value, ctx)),
            Err(error) => Err(ArmError::bad_request(error).into_response()),
        }
    }
}

impl<S: Send + Sync> FromRequest<S> for JsonBytes {
    type Rejection = ArmError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, ArmError> {
        json_body(request).await.map(JsonBytes)
    }
}

/// The bytes of a JSON body, or the 415 or 413 that refuses it (either after reading and dropping
/// the body, up to a bound, so that the client reads it).
async fn json_body(request: Request) -> Result<Bytes, ArmError> {
    if !is_json(request.headers()) {
        drain_body(request.into_body()).await;
        return Err(ArmError::unsupported_media_type());
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
                return Err(ArmError::body_too_large());
            }
            Err(_) => {
                return Err(ArmError::bad_request(ErrorResponse::new(
                    INVALID_REQUEST_CONTENT,
                    "The request body could not be read to its end.",
                )));
            }
        }
    }
    Ok(Bytes::from(bytes))
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
    let essence = value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    (kind == "application" && subtype == "json") || (!kind.is_empty() && subtype.ends_with("+json"))
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
        for good in
            ["application/json", "Application/JSON; charset=utf-8", "application/merge-patch+json", "text/x+json"]
        {
            assert!(is_json(&headers(good)), "{good}");
        }
        for bad in ["text/plain", "application/jsonx", "json", "application/json-seq", "/+json", ""] {
            assert!(!is_json(&headers(bad)), "{bad}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }
}
