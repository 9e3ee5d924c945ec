//! The HTTP service: `PUT` and `GET` of a relationship, every error in the ARM format.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use validate_core::axum::{ArmError, JsonBytes};
use validate_core::{ErrorResponse, Validate, from_json_with};

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

/// The service's router over `store`, refusing bodies over `max_body_bytes`.
///
/// ```
/// use std::sync::Arc;
/// use customer_insights::{service, store::MemoryStore};
///
/// let app = service::router(Arc::new(MemoryStore::default()), 1 << 20);
/// # let _ = app;
/// ```
pub fn router<S: RelationshipStore>(store: Arc<S>, max_body_bytes: usize) -> Router {
    // One fallback route: ARM matches the fixed segments of a URL case-insensitively, which
    // axum's router does not.
    Router::new()
        .fallback(dispatch::<S>)
        .with_state(store)
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .layer(middleware::from_fn(request_context))
}

async fn dispatch<S: RelationshipStore>(State(store): State<Arc<S>>, request: Request) -> Response {
    let Some(address) = RelationshipAddress::from_uri(request.uri().path(), request.uri().query()) else {
        return ArmError::new(StatusCode::NOT_FOUND, "NotFound", "No route matches the request URL.").into_response();
    };
    let outcome = match *request.method() {
        Method::PUT => put(&*store, address, request).await,
        Method::GET => get(&*store, &address),
        _ => Err(method_not_allowed()),
    };
    outcome.unwrap_or_else(IntoResponse::into_response)
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
    request: Request,
) -> Result<Response, ArmError> {
    check_address(&address)?;
    let JsonBytes(body) = JsonBytes::from_request(request, &()).await?;
    // Read under the store's lock, with the relationship it replaces as the context: a read-only
    // value is judged against the value this PUT replaces, not one a concurrent PUT replaced.
    // The door is `customer-insights check`'s, so both give the same answer to the same body.
    let stored = store.upsert(address.key(), |stored| {
        let sent = from_json_with::<RelationshipResourceFormat, _>(&body, &Stored(stored.cloned()))
            .map_err(ArmError::bad_request)?;
        Ok(complete(sent, stored, &address))
    })?;
    Ok(json(StatusCode::OK, &stored))
}

fn get<S: RelationshipStore>(store: &S, address: &RelationshipAddress) -> Result<Response, ArmError> {
    check_address(address)?;
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
