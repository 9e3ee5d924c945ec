//! The HTTP service: `PUT` and `GET` of a relationship, every error in the ARM format.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use validate_core::axum::{ArmError, JsonBytes, drain_body};
use validate_core::{ErrorResponse, Validate, ValidateWith, from_json_with};

use crate::address::RelationshipAddress;
use crate::model::{RelationshipResourceFormat, Stored};
use crate::resource::complete;
use crate::store::RelationshipStore;

/// The header every response carries: a fresh GUID.
pub const REQUEST_ID: &str = "x-ms-request-id";
/// The client's own request id, echoed when it asks for it.
pub const CLIENT_REQUEST_ID: &str = "x-ms-client-request-id";
/// `true` asks for [`CLIENT_REQUEST_ID`] to be echoed.
pub const RETURN_CLIENT_REQUEST_ID: &str = "x-ms-return-client-request-id";

/// What the service accepts from a request, each limit answered in the ARM format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest body; larger ones get 413 `RequestBodyTooLarge`.
    pub max_body_bytes: usize,
    /// The longest request target (path and query); longer ones get 414 `RequestUriTooLong`.
    pub max_url_bytes: usize,
    /// The most header bytes (names and values); more get 431 `RequestHeaderFieldsTooLarge`.
    pub max_header_bytes: usize,
    /// How long a body may take to arrive, from the first byte read; slower ones get 408
    /// `RequestTimeout`. Also bounds the reading and dropping of a body after an early answer.
    pub body_timeout: Duration,
}

impl Default for Limits {
    /// 1 MiB bodies, 8 KiB URLs, 32 KiB of headers, 30 s for a body.
    fn default() -> Self {
        Limits {
            max_body_bytes: 1 << 20,
            max_url_bytes: 8 * 1024,
            max_header_bytes: 32 * 1024,
            body_timeout: Duration::from_secs(30),
        }
    }
}

/// The service's router over `store`, refusing bodies over `max_body_bytes`, with the other
/// [`Limits`] at their defaults.
///
/// ```
/// use std::sync::Arc;
/// use customer_insights::{service, store::MemoryStore};
///
/// let app = service::router(Arc::new(MemoryStore::default()), 1 << 20);
/// # let _ = app;
/// ```
pub fn router<S: RelationshipStore>(store: Arc<S>, max_body_bytes: usize) -> Router {
    router_with(store, Limits { max_body_bytes, ..Limits::default() })
}

/// The service's router over `store`, with `limits`.
///
/// ```
/// use std::sync::Arc;
/// use std::time::Duration;
/// use customer_insights::service::{self, Limits};
/// use customer_insights::store::MemoryStore;
///
/// let limits = Limits { body_timeout: Duration::from_secs(5), ..Limits::default() };
/// let app = service::router_with(Arc::new(MemoryStore::default()), limits);
/// # let _ = app;
/// ```
pub fn router_with<S: RelationshipStore>(store: Arc<S>, limits: Limits) -> Router {
    // One fallback route: ARM matches the fixed segments of a URL case-insensitively, which
    // axum's router does not.
    Router::new()
        .fallback(dispatch::<S>)
        .with_state(Shared { store, limits })
        .layer(DefaultBodyLimit::max(limits.max_body_bytes))
        .layer(middleware::from_fn(request_context))
}

/// What every request's handler is given.
struct Shared<S> {
    store: Arc<S>,
    limits: Limits,
}

impl<S> Clone for Shared<S> {
    fn clone(&self) -> Self {
        Shared { store: Arc::clone(&self.store), limits: self.limits }
    }
}

async fn dispatch<S: RelationshipStore>(State(shared): State<Shared<S>>, request: Request) -> Response {
    let limits = shared.limits;
    let address = match route(&limits, &request) {
        Ok(address) => address,
        Err(error) => return answer_before_the_body(error, request, &limits).await,
    };
    let outcome = if request.method() == Method::PUT {
        put(&*shared.store, address, &limits, request).await
    } else {
        // A GET's answer is given without reading a body it may carry: read and drop it first.
        let answer = get(&*shared.store, &address);
        drain(request, &limits).await;
        answer
    };
    outcome.unwrap_or_else(IntoResponse::into_response)
}

/// An answer given before the body is read: the body is read and dropped first (up to
/// `validate_core::axum::MAX_DRAINED_BYTES`, within the body timeout), so that a client still
/// sending it reads the answer instead of a broken pipe.
async fn answer_before_the_body(error: ArmError, request: Request, limits: &Limits) -> Response {
    drain(request, limits).await;
    error.into_response()
}

/// Reads and drops a request's body, within the body timeout: a client slower than that loses the
/// answer with its connection, as it would anyway.
async fn drain(request: Request, limits: &Limits) {
    let _ = tokio::time::timeout(limits.body_timeout, drain_body(request.into_body())).await;
}

/// The relationship a request is about, or the first problem with its URL or headers (in the
/// contract's order: the request line and headers, the route, the method, the URL's names).
fn route(limits: &Limits, request: &Request) -> Result<RelationshipAddress, ArmError> {
    check_head(limits, request)?;
    let uri = request.uri();
    let address = RelationshipAddress::from_uri(uri.path(), uri.query())
        .ok_or_else(|| ArmError::new(StatusCode::NOT_FOUND, "NotFound", "No route matches the request URL."))?;
    if request.method() != Method::PUT && request.method() != Method::GET {
        return Err(method_not_allowed());
    }
    check_address(&address)?;
    Ok(address)
}

/// The request line and headers within their limits: what hyper would otherwise refuse itself,
/// with an empty body and no request id (its own limits are set above these, see `server`).
fn check_head(limits: &Limits, request: &Request) -> Result<(), ArmError> {
    let target = request.uri().path_and_query().map_or(0, |target| target.as_str().len());
    if target > limits.max_url_bytes {
        let message =
            format!("The request URL is longer than the {} bytes this service accepts.", limits.max_url_bytes);
        return Err(ArmError::new(StatusCode::URI_TOO_LONG, "RequestUriTooLong", message));
    }
    let headers: usize = request.headers().iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    if headers > limits.max_header_bytes {
        let message =
            format!("The request headers are larger than the {} bytes this service accepts.", limits.max_header_bytes);
        return Err(ArmError::new(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "RequestHeaderFieldsTooLarge", message));
    }
    Ok(())
}

/// The first problem with the URL, answered alone.
fn check_address(address: &RelationshipAddress) -> Result<(), ArmError> {
    let Err(violations) = address.validate() else {
        return Ok(());
    };
    let mut response = ErrorResponse::new("InvalidRequestUri", "The request URL is invalid.");
    if let Some(first) = violations.iter().next() {
        response = ErrorResponse::new(first.code(), first.message());
        response.error.target = Some(first.target().to_owned());
    }
    Err(ArmError::bad_request(response))
}

async fn put<S: RelationshipStore>(
    store: &S,
    address: RelationshipAddress,
    limits: &Limits,
    request: Request,
) -> Result<Response, ArmError> {
    let read = JsonBytes::from_request(request, &());
    let JsonBytes(body) = tokio::time::timeout(limits.body_timeout, read).await.map_err(|_| request_timeout())??;
    // Read outside the store's lock, with the stored relationship as the context (the door of
    // `customer-insights check`, so both answer a body alike); a large body on a blocking thread,
    // so that its walk does not hold up the other requests of this worker (an invalid 1 MiB body
    // costs about 100 ms; read under the lock it held up every GET: review of issue 12).
    let key = address.key();
    let snapshot = Stored(store.get(&key));
    let (sent, snapshot) = if body.len() > BLOCKING_BODY_BYTES {
        tokio::task::spawn_blocking(move || (read_body(&body, &snapshot), snapshot))
            .await
            .map_err(|_| internal_error())?
    } else {
        (read_body(&body, &snapshot), snapshot)
    };
    let sent = sent?;
    // Judged again against what it replaces when a concurrent PUT changed it in between: a
    // read-only value must equal the value this PUT replaces.
    let stored = store.upsert(key, |stored| {
        if stored != snapshot.0.as_ref() {
            sent.validate_with(&Stored(stored.cloned()))
                .map_err(|violations| ArmError::bad_request(violations.into()))?;
        }
        Ok(complete(sent, stored, &address))
    })?;
    Ok(json(StatusCode::OK, &stored))
}

/// Bodies larger than this are read on a blocking thread.
const BLOCKING_BODY_BYTES: usize = 64 * 1024;

fn read_body(body: &[u8], stored: &Stored) -> Result<RelationshipResourceFormat, ArmError> {
    from_json_with::<RelationshipResourceFormat, _>(body, stored).map_err(|error| ArmError::bad_request(error.into()))
}

fn internal_error() -> ArmError {
    ArmError::new(StatusCode::INTERNAL_SERVER_ERROR, "InternalServerError", "The request could not be completed.")
}

fn get<S: RelationshipStore>(store: &S, address: &RelationshipAddress) -> Result<Response, ArmError> {
    match store.get(&address.key()) {
        Some(stored) => Ok(json(StatusCode::OK, &stored)),
        None => Err(ArmError::new(
            StatusCode::NOT_FOUND,
            "ResourceNotFound",
            format!(
                "The Resource 'Microsoft.CustomerInsights/hubs/{}/relationships/{}' under resource group '{}' was not found.",
                address.hub_name, address.relationship_name, address.resource_group_name
            ),
        )),
    }
}

fn request_timeout() -> ArmError {
    ArmError::new(StatusCode::REQUEST_TIMEOUT, "RequestTimeout", "The request body did not arrive in time.")
}

fn method_not_allowed() -> ArmError {
    ArmError::new(StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed", "The method is not allowed here; use GET or PUT.")
}

fn json(status: StatusCode, resource: &RelationshipResourceFormat) -> Response {
    // A resource is strings, numbers and maps with string keys: serializing it cannot fail.
    let body = serde_json::to_vec(resource).unwrap_or_default();
    let mut response = (status, body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    response
}

/// Adds `x-ms-request-id` (and the echoed client id) to every response, and logs one line per
/// request.
async fn request_context(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let client_id = echoed_client_id(request.headers());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(id) = HeaderValue::from_str(&uuid::Uuid::new_v4().to_string()) {
        headers.insert(REQUEST_ID, id);
    }
    if let Some(client_id) = client_id {
        headers.insert(CLIENT_REQUEST_ID, client_id);
    }
    if response.status() == StatusCode::METHOD_NOT_ALLOWED {
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, PUT"));
    }
    tracing::info!(
        %method,
        %path,
        status = response.status().as_u16(),
        duration_us = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        "request"
    );
    response
}

fn echoed_client_id(headers: &HeaderMap) -> Option<HeaderValue> {
    let asked = headers
        .get(RETURN_CLIENT_REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"));
    asked.then(|| headers.get(CLIENT_REQUEST_ID).cloned()).flatten()
}
