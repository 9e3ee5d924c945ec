//! The HTTP service: `PUT` and `GET` of a relationship, every error in the ARM format and in the
//! language the request's `Accept-Language` prefers (see [`router_with_languages`]).

use std::borrow::Cow;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use validate_core::axum::{ArmError, ReadError, accept_language, drain_body, read_json_body};
use validate_core::message::Param;
use validate_core::text::echo;
use validate_core::{BodyError, Language, Languages, Message, Validate, ValidateWith, from_json_with};

use crate::address::RelationshipAddress;
use crate::locales;
use crate::model::{RelationshipResourceFormat, Stored};
use crate::resource::complete;
use crate::store::RelationshipStore;

/// The header every response carries: a fresh GUID.
pub const REQUEST_ID: &str = "x-ms-request-id";
/// The client's own request id, echoed when it asks for it.
pub const CLIENT_REQUEST_ID: &str = "x-ms-client-request-id";
/// `true` asks for [`CLIENT_REQUEST_ID`] to be echoed.
pub const RETURN_CLIENT_REQUEST_ID: &str = "x-ms-return-client-request-id";

// The same names as `HeaderName`s: a `&str` is parsed into one at every use (RequestContext's
// two uses: 480 instructions a request fewer this way; callgrind, 2026-12-01).
const REQUEST_ID_NAME: HeaderName = HeaderName::from_static(REQUEST_ID);
const CLIENT_REQUEST_ID_NAME: HeaderName = HeaderName::from_static(CLIENT_REQUEST_ID);
const RETURN_CLIENT_REQUEST_ID_NAME: HeaderName = HeaderName::from_static(RETURN_CLIENT_REQUEST_ID);

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
/// [`Limits`] at their defaults, in the service's [`languages`](crate::locales::languages).
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

/// The service's router over `store`, with `limits`, in the service's
/// [`languages`](crate::locales::languages) without `additionalInfo`.
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
    router_with_languages(store, limits, crate::locales::languages())
}

/// The service's router over `store`, with `limits`, answering in `languages`: each error in the
/// language the request's `Accept-Language` prefers among them (English by default), named by
/// `Content-Language`, and with `additionalInfo` on each detail when `languages` asks for it.
///
/// ```
/// use std::sync::Arc;
/// use customer_insights::service::{self, Limits};
/// use customer_insights::{locales, store::MemoryStore};
///
/// // `serve --additional-info`.
/// let languages = locales::languages().with_additional_info(true);
/// let app = service::router_with_languages(Arc::new(MemoryStore::default()), Limits::default(), languages);
/// # let _ = app;
/// ```
pub fn router_with_languages<S: RelationshipStore>(store: Arc<S>, limits: Limits, languages: Languages) -> Router {
    // One fallback route: ARM matches the fixed segments of a URL case-insensitively, which
    // axum's router does not.
    Router::new()
        .fallback(dispatch::<S>)
        .with_state(Shared { store, limits, languages })
        .layer(DefaultBodyLimit::max(limits.max_body_bytes))
}

/// What every request's handler is given.
struct Shared<S> {
    store: Arc<S>,
    limits: Limits,
    languages: Languages,
}

impl<S> Clone for Shared<S> {
    fn clone(&self) -> Self {
        // `Languages` shares its catalogs: a clone per request costs a count, no allocation.
        Shared { store: Arc::clone(&self.store), limits: self.limits, languages: self.languages.clone() }
    }
}

/// Serves a request; the one place where the language of an answer is chosen.
///
/// The language is negotiated only when the request fails, so that a valid one never pays for it
/// (`tests/languages.rs` counts the negotiations). `Accept-Language` is read before the body's
/// reader consumes the request: a shared copy of its one value, which allocates nothing.
async fn dispatch<S: RelationshipStore>(State(shared): State<Shared<S>>, request: Request) -> Response {
    let context = RequestContext::of(&request);
    // The address borrows its names from this copy of the URL (a count, not a copy of the text),
    // as the request itself goes on to the body's reader.
    let uri = request.uri().clone();
    let routed = route(&shared.limits, &request, &uri);
    let accept_language = accept_language(request.headers());
    let response = match serve(&shared, routed, request).await {
        Ok(response) => response,
        Err(refusal) => {
            // A header that is not text, or malformed, gets English, as no header does.
            let language = shared.languages.negotiate(accept_language.as_ref().and_then(|value| value.to_str().ok()));
            refusal.answer(&language).into_response()
        }
    };
    context.finish(response)
}

/// The answer to a routed request, or why it is refused (not yet worded).
async fn serve<S: RelationshipStore>(
    shared: &Shared<S>,
    routed: Result<RelationshipAddress<'_>, Refusal>,
    request: Request,
) -> Result<Response, Refusal> {
    let limits = &shared.limits;
    let address = match routed {
        Ok(address) => address,
        // An answer given before the body is read: the body is read and dropped first, so that a
        // client still sending it reads the answer instead of a broken pipe.
        Err(refusal) => {
            drain(request, limits).await;
            return Err(refusal);
        }
    };
    if request.method() == Method::PUT {
        put(&*shared.store, address, limits, request).await
    } else {
        // A GET's answer is given without reading a body it may carry: read and drop it first.
        let answer = get(&*shared.store, &address);
        drain(request, limits).await;
        answer
    }
}

/// Reads and drops a request's body (up to `validate_core::axum::MAX_DRAINED_BYTES`), within the
/// body timeout: a client slower than that loses the answer with its connection, as it would
/// anyway.
async fn drain(request: Request, limits: &Limits) {
    let _ = tokio::time::timeout(limits.body_timeout, drain_body(request.into_body())).await;
}

/// Why a request is refused, before it is worded: what each answer says, as typed messages that
/// [`Refusal::answer`] words in the language negotiated for the request.
enum Refusal {
    /// One of the service's own answers (or a library message): its status, code and message.
    Said { status: StatusCode, code: &'static str, message: Message },
    /// The first problem with the URL: its code, its target, and its message for the catalogs.
    Url { code: String, target: String, message: Message },
    /// A body that is not a valid Relationship.
    Body(BodyError),
    /// What the body's reader refused (415, 413, a body that could not be read).
    Read(ReadError),
}

impl Refusal {
    /// One of the service's own answers: `text` in English, known to the catalogs as `id`.
    fn own(status: StatusCode, code: &'static str, text: impl Into<Cow<'static, str>>, id: &'static str) -> Self {
        Self::own_with(status, code, text, id, Vec::new())
    }

    /// [`Refusal::own`] with parameters for the translations.
    fn own_with(
        status: StatusCode,
        code: &'static str,
        text: impl Into<Cow<'static, str>>,
        id: &'static str,
        args: Vec<(&'static str, Param)>,
    ) -> Self {
        Refusal::Said { status, code, message: locales::own(text, id, args) }
    }

    /// The answer, worded in `language`.
    fn answer(self, language: &Language<'_>) -> ArmError {
        match self {
            Refusal::Said { status, code, message } => ArmError::worded(status, code, &message, language),
            Refusal::Url { code, target, message } => {
                let mut answer = ArmError::worded(StatusCode::BAD_REQUEST, &code, &message, language);
                answer.body.error.target = Some(target);
                answer
            }
            Refusal::Body(error) => ArmError::rejected(error, language),
            Refusal::Read(refused) => refused.answer(language),
        }
    }
}

/// The relationship a request is about, or the first problem with its URL or headers (in the
/// contract's order: the request line and headers, the route, the method, the URL's names).
fn route<'a>(limits: &Limits, request: &Request, uri: &'a Uri) -> Result<RelationshipAddress<'a>, Refusal> {
    check_head(limits, request)?;
    let address = RelationshipAddress::from_uri(uri.path(), uri.query()).ok_or_else(|| {
        Refusal::own(StatusCode::NOT_FOUND, "NotFound", "No route matches the request URL.", locales::ROUTE_NOT_FOUND)
    })?;
    if request.method() != Method::PUT && request.method() != Method::GET {
        return Err(method_not_allowed());
    }
    check_address(&address)?;
    Ok(address)
}

/// The request line and headers within their limits: what hyper would otherwise refuse itself,
/// with an empty body and no request id (its own limits are set above these, see `server`).
fn check_head(limits: &Limits, request: &Request) -> Result<(), Refusal> {
    let target = request.uri().path_and_query().map_or(0, |target| target.as_str().len());
    if target > limits.max_url_bytes {
        let text = format!("The request URL is longer than the {} bytes this service accepts.", limits.max_url_bytes);
        let args = vec![("maxUrlBytes", Param::Count(limits.max_url_bytes))];
        return Err(Refusal::own_with(
            StatusCode::URI_TOO_LONG,
            "RequestUriTooLong",
            text,
            locales::URL_TOO_LONG,
            args,
        ));
    }
    let headers: usize = request.headers().iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    if headers > limits.max_header_bytes {
        let text =
            format!("The request headers are larger than the {} bytes this service accepts.", limits.max_header_bytes);
        let args = vec![("maxHeaderBytes", Param::Count(limits.max_header_bytes))];
        let (status, code) = (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "RequestHeaderFieldsTooLarge");
        return Err(Refusal::own_with(status, code, text, locales::HEADERS_TOO_LARGE, args));
    }
    Ok(())
}

/// The first problem with the URL, answered alone.
fn check_address(address: &RelationshipAddress<'_>) -> Result<(), Refusal> {
    let Err(violations) = address.validate() else {
        return Ok(());
    };
    match violations.iter().next() {
        Some(first) => Err(Refusal::Url {
            code: first.code().to_owned(),
            target: first.target().to_owned(),
            message: locales::url_message(first),
        }),
        None => Err(Refusal::own(
            StatusCode::BAD_REQUEST,
            "InvalidRequestUri",
            "The request URL is invalid.",
            locales::URL_INVALID,
        )),
    }
}

async fn put<S: RelationshipStore>(
    store: &S,
    address: RelationshipAddress<'_>,
    limits: &Limits,
    request: Request,
) -> Result<Response, Refusal> {
    let read = read_json_body(request);
    let body =
        tokio::time::timeout(limits.body_timeout, read).await.map_err(|_| request_timeout())?.map_err(Refusal::Read)?;
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
    let sent = sent.map_err(Refusal::Body)?;
    // Judged again against what it replaces when a concurrent PUT changed it in between: a
    // read-only value must equal the value this PUT replaces.
    let stored = store.upsert(key, |stored| {
        // The same `Arc` is the same relationship: nothing was written in between.
        let unchanged = match (stored, &snapshot.0) {
            (Some(stored), Some(seen)) => Arc::ptr_eq(stored, seen),
            (None, None) => true,
            _ => false,
        };
        if !unchanged {
            sent.validate_with(&Stored(stored.cloned())).map_err(|violations| Refusal::Body(violations.into()))?;
        }
        Ok(complete(sent, stored.map(|stored| &**stored), &address))
    })?;
    Ok(json(StatusCode::OK, &stored))
}

/// Bodies larger than this are read on a blocking thread.
const BLOCKING_BODY_BYTES: usize = 64 * 1024;

fn read_body(body: &[u8], stored: &Stored) -> Result<RelationshipResourceFormat, BodyError> {
    from_json_with::<RelationshipResourceFormat, _>(body, stored)
}

fn internal_error() -> Refusal {
    Refusal::own(
        StatusCode::INTERNAL_SERVER_ERROR,
        "InternalServerError",
        "The request could not be completed.",
        locales::INTERNAL_ERROR,
    )
}

fn get<S: RelationshipStore>(store: &S, address: &RelationshipAddress<'_>) -> Result<Response, Refusal> {
    match store.get(&address.key()) {
        Some(stored) => Ok(json(StatusCode::OK, &stored)),
        None => {
            // The names passed the URL's rules, but a resource group name may hold any letter:
            // every language shows them echoed (cut, invisible characters escaped), English too.
            let (hub, name, group) =
                (echo(&address.hub_name), echo(&address.relationship_name), echo(&address.resource_group_name));
            let text = format!(
                "The Resource 'Microsoft.CustomerInsights/hubs/{hub}/relationships/{name}' under resource group '{group}' was not found."
            );
            let args = vec![("hub", Param::from(hub)), ("name", Param::from(name)), ("group", Param::from(group))];
            Err(Refusal::own_with(StatusCode::NOT_FOUND, "ResourceNotFound", text, locales::RESOURCE_NOT_FOUND, args))
        }
    }
}

fn request_timeout() -> Refusal {
    Refusal::own(
        StatusCode::REQUEST_TIMEOUT,
        "RequestTimeout",
        "The request body did not arrive in time.",
        locales::BODY_TIMEOUT,
    )
}

fn method_not_allowed() -> Refusal {
    Refusal::own(
        StatusCode::METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        "The method is not allowed here; use GET or PUT.",
        locales::METHOD_NOT_ALLOWED,
    )
}

fn json(status: StatusCode, resource: &RelationshipResourceFormat) -> Response {
    // A resource is strings, numbers and maps with string keys: serializing it cannot fail. The
    // buffer starts at 1 KiB, about a small resource's size, rather than growing from 128 bytes
    // through four copies.
    let mut body = Vec::with_capacity(1024);
    if serde_json::to_writer(&mut body, resource).is_err() {
        body.clear();
    }
    // Built whole: `(status, body).into_response()` inserted `application/octet-stream` first,
    // replaced at once (160 instructions a request; callgrind, 2026-12-01).
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    response
}

/// What every answer needs from its request: `x-ms-request-id` (and the echoed client id) on
/// every response, and one log line per request, at `info` for a refused one (4xx, 5xx) and at
/// `debug` for the others, as tower-http's `TraceLayer` does. A line written for every valid PUT
/// cost 9 000 instructions and a write to stderr, about a tenth of the request (callgrind,
/// 2026-12-01). Kept by `dispatch` rather than a middleware, which boxed every request's future.
struct RequestContext {
    started: Instant,
    /// The method and URL, kept only when a line may be written (a `Uri` is shared, not copied).
    seen: Option<(Method, axum::http::Uri)>,
    client_id: Option<HeaderValue>,
}

impl RequestContext {
    fn of(request: &Request) -> Self {
        RequestContext {
            started: Instant::now(),
            seen: tracing::enabled!(tracing::Level::INFO).then(|| (request.method().clone(), request.uri().clone())),
            client_id: echoed_client_id(request.headers()),
        }
    }

    fn finish(self, mut response: Response) -> Response {
        let headers = response.headers_mut();
        // uuid's `fast-rng`: a thread-local generator, not a `getrandom` system call per request.
        let mut id = [0; uuid::fmt::Hyphenated::LENGTH];
        if let Ok(id) = HeaderValue::from_str(uuid::Uuid::new_v4().hyphenated().encode_lower(&mut id)) {
            headers.insert(REQUEST_ID_NAME, id);
        }
        if let Some(client_id) = self.client_id {
            headers.insert(CLIENT_REQUEST_ID_NAME, client_id);
        }
        if response.status() == StatusCode::METHOD_NOT_ALLOWED {
            response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, PUT"));
        }
        if let Some((method, uri)) = self.seen {
            let (path, status) = (uri.path(), response.status().as_u16());
            let duration_us = u64::try_from(self.started.elapsed().as_micros()).unwrap_or(u64::MAX);
            if status >= 400 {
                tracing::info!(%method, %path, status, duration_us, "request");
            } else {
                tracing::debug!(%method, %path, status, duration_us, "request");
            }
        }
        response
    }
}

fn echoed_client_id(headers: &HeaderMap) -> Option<HeaderValue> {
    let asked = headers
        .get(&RETURN_CLIENT_REQUEST_ID_NAME)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"));
    asked.then(|| headers.get(&CLIENT_REQUEST_ID_NAME).cloned()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 500 (a blocking read that panicked) cannot be caused from outside: it is worded here.
    #[test]
    fn the_500_is_worded_in_every_language() {
        let languages = locales::languages();
        let english = internal_error().answer(&languages.negotiate(None));
        assert_eq!(english.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(english.language.as_deref(), Some("en"));
        assert_eq!(english.body.error.message, "The request could not be completed.");
        for tag in ["de", "ja"] {
            let answer = internal_error().answer(&languages.negotiate(Some(tag)));
            assert_eq!((answer.status, answer.body.code()), (english.status, "InternalServerError"));
            assert_eq!(answer.language.as_deref(), Some(tag));
            let message = &answer.body.error.message;
            assert!(!message.is_empty() && *message != english.body.error.message, "{tag}: {message}");
        }
    }
}
