//! The axum doors with a context: `ValidJsonWith` (its context from the state, or from the URL)
//! and `JsonBytes`.

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Request, StatusCode};
use axum::routing::put;
use axum::{Router, http};
use http_body_util::BodyExt as _;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use validate_core::RuleError;
use validate_core::axum::{ArmError, JsonBytes, ValidJsonWith};

/// The state: the largest quota of the plan.
#[derive(Clone)]
struct Plan {
    max_units: u32,
}

impl FromRequestParts<Plan> for Plan {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(_: &mut Parts, state: &Plan) -> Result<Self, Self::Rejection> {
        Ok(state.clone())
    }
}

/// A context built from the URL: the hub named in the query, refused when absent.
struct Hub(String);

impl<S: Send + Sync> FromRequestParts<S> for Hub {
    type Rejection = ArmError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ArmError> {
        match parts.uri.query().and_then(|query| query.strip_prefix("hub=")) {
            Some(hub) => Ok(Hub(hub.to_owned())),
            None => Err(ArmError::new(StatusCode::NOT_FOUND, "HubNotFound", "Name a hub: ?hub=name.")),
        }
    }
}

fn not_reserved(name: &str, hub: &Hub) -> Result<(), RuleError> {
    if name == hub.0 { Err(RuleError::invalid(format!("The name '{name}' is the hub's own."))) } else { Ok(()) }
}

#[derive(serde::Deserialize, validate_core::Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(context = Plan)]
struct Quota {
    #[validate(length(min = 2))]
    name: String,
    #[validate(range(max = ctx.max_units))]
    units: u32,
}

#[derive(serde::Deserialize, validate_core::Validate)]
#[validate(context = Hub)]
struct Profile {
    #[validate(custom(not_reserved))]
    name: String,
}

async fn quota(ValidJsonWith(quota, plan): ValidJsonWith<Quota, Plan>) -> String {
    format!("{} {} of {}", quota.name, quota.units, plan.max_units)
}

async fn profile(ValidJsonWith(profile, hub): ValidJsonWith<Profile, Hub>) -> String {
    format!("{} in {}", profile.name, hub.0)
}

async fn bytes(JsonBytes(body): JsonBytes) -> String {
    format!("{} bytes", body.len())
}

fn app() -> Router {
    Router::new()
        .route("/quota", put(quota))
        .route("/profile", put(profile))
        .route("/bytes", put(bytes))
        .layer(DefaultBodyLimit::max(64))
        .with_state(Plan { max_units: 10 })
}

async fn send(uri: &str, content_type: &str, body: &str) -> (StatusCode, String) {
    let request =
        Request::put(uri).header(http::header::CONTENT_TYPE, content_type).body(Body::from(body.to_owned())).unwrap();
    let response = app().oneshot(request).await.unwrap();
    let status = response.status();
    (status, String::from_utf8(response.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap())
}

fn details(text: &str) -> Vec<String> {
    let payload: Value = serde_json::from_str(text).unwrap();
    let Some(details) = payload["error"]["details"].as_array() else { return Vec::new() };
    details
        .iter()
        .map(|d| {
            format!(
                "{} {}: {}",
                d["code"].as_str().unwrap(),
                d["target"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

#[tokio::test]
async fn the_context_comes_from_the_state() {
    let json = "application/json";
    assert_eq!(send("/quota", json, r#"{"name":"gold","units":10}"#).await, (StatusCode::OK, "gold 10 of 10".into()));
    let (status, text) = send("/quota", json, r#"{"name":"gold","units":11}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(details(&text), ["ValueOutOfRange units: The value 11 is greater than the maximum 10."]);
    // A body of the wrong shape: every problem at once, the rule that reads the context among them.
    let (status, text) = send("/quota", json, r#"{"name":7,"units":11,"colour":"red"}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        details(&text),
        [
            "InvalidPropertyType name: Expected a string but found a number.",
            "ValueOutOfRange units: The value 11 is greater than the maximum 10.",
            "UnknownProperty colour: The property 'colour' is not allowed here.",
        ]
    );
    let (status, text) = send("/quota", "text/plain", r#"{"name":"gold","units":1}"#).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(text.contains("UnsupportedMediaType"), "{text}");
}

#[tokio::test]
async fn the_context_comes_from_the_url_and_its_rejection_is_answered_as_it_is() {
    let json = "application/json";
    assert_eq!(send("/profile?hub=h1", json, r#"{"name":"a"}"#).await, (StatusCode::OK, "a in h1".into()));
    let (status, text) = send("/profile?hub=h1", json, r#"{"name":"h1"}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(details(&text), ["InvalidValue name: The name 'h1' is the hub's own."]);
    let (status, text) = send("/profile", json, r#"{"name":"a"}"#).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        serde_json::from_str::<Value>(&text).unwrap(),
        json!({"error":{"code":"HubNotFound","message":"Name a hub: ?hub=name."}})
    );
}

#[tokio::test]
async fn json_bytes_checks_the_content_type_and_the_size_only() {
    assert_eq!(send("/bytes", "application/json", "not json").await, (StatusCode::OK, "8 bytes".into()));
    assert_eq!(send("/bytes", "text/plain", "{}").await.0, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let (status, text) = send("/bytes", "application/json", &"x".repeat(65)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(text.contains("RequestBodyTooLarge"), "{text}");
}

/// A body that says whether it was read to its end.
struct Watched {
    chunks: std::collections::VecDeque<axum::body::Bytes>,
    ended: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl http_body::Body for Watched {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let next = self.chunks.pop_front();
        if next.is_none() {
            self.ended.store(true, std::sync::atomic::Ordering::SeqCst);
        }
        std::task::Poll::Ready(next.map(|chunk| Ok(http_body::Frame::data(chunk))))
    }
}

/// The status of `uri` PUT with a 40-byte body of `content_type`, and whether the body was read to its end.
async fn drained(uri: &str, content_type: &str) -> (StatusCode, bool) {
    let ended = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let chunks = (0..4).map(|_| axum::body::Bytes::from_static(b"{\"name\": \"x\", \"u\": 1}    ")).collect();
    let body = Body::new(Watched { chunks, ended: std::sync::Arc::clone(&ended) });
    let request = Request::put(uri).header(http::header::CONTENT_TYPE, content_type).body(body).unwrap();
    let response = app().oneshot(request).await.unwrap();
    (response.status(), ended.load(std::sync::atomic::Ordering::SeqCst))
}

#[tokio::test]
async fn answers_before_the_body_read_it_to_its_end_first() {
    // The context refused (404): the body is drained, so that a client still sending reads the answer.
    assert_eq!(drained("/profile", "application/json").await, (StatusCode::NOT_FOUND, true));
    // Not JSON (415): drained too.
    assert_eq!(drained("/quota", "text/plain").await, (StatusCode::UNSUPPORTED_MEDIA_TYPE, true));
}
