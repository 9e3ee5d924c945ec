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

thread_local! {
    /// How many times `not_reserved` ran on this thread (a `#[tokio::test]` runs on one).
    static CALLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn not_reserved(name: &str, hub: &Hub) -> Result<(), RuleError> {
    CALLS.with(|calls| calls.set(calls.get() + 1));
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

/// A body without a context, for `ValidJson` and `ArmJson`.
#[derive(serde::Deserialize, validate_core::Validate)]
struct Plain {
    #[validate(non_empty)]
    name: String,
}

async fn plain(validate_core::axum::ValidJson(plain): validate_core::axum::ValidJson<Plain>) -> String {
    plain.name
}

async fn plain_arm(validate_core::axum::ArmJson(plain): validate_core::axum::ArmJson<Plain>) -> String {
    plain.name
}

fn app() -> Router {
    Router::new()
        .route("/quota", put(quota))
        .route("/profile", put(profile))
        .route("/bytes", put(bytes))
        .route("/plain", put(plain))
        .route("/plain-arm", put(plain_arm))
        .layer(DefaultBodyLimit::max(64))
        .with_state(Plan { max_units: 10 })
}

async fn send(uri: &str, content_type: &str, body: &str) -> (StatusCode, String) {
    let request =
        Request::put(uri).header(http::header::CONTENT_TYPE, content_type).body(Body::from(body.to_owned())).unwrap();
    let answer = read_answer(app().oneshot(request).await.unwrap()).await;
    (answer.status, answer.text)
}

/// What the tests read of an answer.
struct Answer {
    status: StatusCode,
    /// `Content-Language`.
    language: Option<String>,
    /// `x-ms-error-code`.
    code: Option<String>,
    text: String,
}

/// Reads `response` whole, after checking that a refusal names its code in `x-ms-error-code` as
/// in its payload, and that a success has neither.
async fn read_answer(response: axum::response::Response) -> Answer {
    let status = response.status();
    let header = |name: &str| response.headers().get(name).map(|value| value.to_str().unwrap().to_owned());
    let (language, code) = (header("content-language"), header("x-ms-error-code"));
    let text = String::from_utf8(response.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    let payload_code = if status.is_success() {
        None
    } else {
        let payload: Value = serde_json::from_str(&text).unwrap();
        payload["error"]["code"].as_str().map(str::to_owned)
    };
    assert_eq!(code, payload_code, "{status}: {text}");
    Answer { status, language, code, text }
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

/// As the README says of every door: the extractor reads with `from_json_with`, whose value is
/// first asked whether it holds, so a `custom` function runs once on a valid body and, outside
/// maps, at most twice on an invalid one (here exactly twice: it is the only check).
#[tokio::test]
async fn a_custom_function_runs_once_on_a_valid_body_and_twice_on_an_invalid_one() {
    let calls = |count: u32| CALLS.with(|calls| calls.replace(count));
    calls(0);
    assert_eq!(send("/profile?hub=h1", "application/json", r#"{"name":"a"}"#).await.0, StatusCode::OK);
    assert_eq!(calls(0), 1);
    assert_eq!(send("/profile?hub=h1", "application/json", r#"{"name":"h1"}"#).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(calls(0), 2);
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

/// A request body that yields its `frames` in turn, a broken connection where one says so, and
/// says in `ended` whether it was read to its end.
struct Scripted {
    frames: std::collections::VecDeque<Option<axum::body::Bytes>>,
    ended: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Scripted {
    /// A body of `chunks`, then `broken`: a connection reset if true, the end if not.
    fn new(chunks: impl IntoIterator<Item = &'static [u8]>, broken: bool) -> Self {
        let mut frames: std::collections::VecDeque<_> =
            chunks.into_iter().map(|chunk| Some(axum::body::Bytes::from_static(chunk))).collect();
        if broken {
            frames.push_back(None);
        }
        Scripted { frames, ended: std::sync::Arc::default() }
    }
}

impl http_body::Body for Scripted {
    type Data = axum::body::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let next = self.frames.pop_front();
        if next.is_none() {
            self.ended.store(true, std::sync::atomic::Ordering::SeqCst);
        }
        let reset = || std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset");
        std::task::Poll::Ready(next.map(|frame| frame.map(http_body::Frame::data).ok_or_else(reset)))
    }
}

/// The README: a body that cannot be read to its end is 400 `InvalidRequestContent` at every body
/// extractor, as at the service.
#[tokio::test]
async fn a_body_that_breaks_off_is_answered_at_every_body_extractor() {
    for uri in ["/quota", "/bytes", "/plain", "/plain-arm"] {
        let body = Body::new(Scripted::new([&b"{\"name\":"[..]], true));
        let request = Request::put(uri).header(http::header::CONTENT_TYPE, "application/json").body(body).unwrap();
        let answer = read_answer(app().oneshot(request).await.unwrap()).await;
        let (status, code) = (answer.status, answer.code.as_deref());
        assert_eq!((status, code), (StatusCode::BAD_REQUEST, Some("InvalidRequestContent")), "{uri}");
        let payload: Value = serde_json::from_str(&answer.text).unwrap();
        assert_eq!(payload["error"]["message"], "The request body could not be read to its end.", "{uri}");
    }
}

/// The status of `uri` PUT with a 100-byte body of `content_type`, and whether the body was read to its end.
async fn drained(uri: &str, content_type: &str) -> (StatusCode, bool) {
    let scripted = Scripted::new([&b"{\"name\": \"x\", \"u\": 1}    "[..]; 4], false);
    let ended = std::sync::Arc::clone(&scripted.ended);
    let body = Body::new(scripted);
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
    // Over the body limit (413, 100 bytes against 64): drained at every body extractor.
    for uri in ["/quota", "/bytes", "/plain", "/plain-arm"] {
        assert_eq!(drained(uri, "application/json").await, (StatusCode::PAYLOAD_TOO_LARGE, true), "{uri}");
    }
}

/// The doors in a language: `ValidJson`, `ArmJson`, `ValidJsonWith` and `JsonBytes` word their
/// answers (400, 415, 413) in the language `Accept-Language` prefers, among the `Languages` in
/// the request's extensions or the built-in ones, and say which in `Content-Language`.
mod languages {
    use axum::Extension;
    use validate_core::axum::{ArmJson, ValidJson};
    use validate_core::{BodyError, Catalog, Language, Languages, Message, from_json_with, parse_json};

    use super::*;

    #[derive(serde::Deserialize, validate_core::Validate)]
    #[serde(deny_unknown_fields)]
    struct Hub {
        #[validate(length(min = 2))]
        name: String,
    }

    async fn valid(ValidJson(hub): ValidJson<Hub>) -> String {
        hub.name
    }

    async fn arm(ArmJson(hub): ArmJson<Hub>) -> String {
        hub.name
    }

    /// A handler's own answer, worded in the language `Negotiated` chose.
    async fn own(negotiated: validate_core::axum::Negotiated) -> ArmError {
        let language = negotiated.language();
        ArmError::worded(StatusCode::CONFLICT, "Conflict", &Message::BodyTooLarge, &language)
    }

    /// Every door, under a body limit of 64 bytes; with `languages` in the extensions if given.
    fn doors(languages: Option<Languages>) -> Router {
        let router = Router::new()
            .route("/valid", put(valid))
            .route("/arm", put(arm))
            .route("/quota", put(quota))
            .route("/bytes", put(bytes))
            .route("/own", put(own))
            .layer(DefaultBodyLimit::max(64));
        let router = match languages {
            Some(languages) => router.layer(Extension(languages)),
            None => router,
        };
        router.with_state(Plan { max_units: 10 })
    }

    /// The status, `Content-Language` and payload of `body` PUT to `uri`.
    async fn send_in(
        app: &Router,
        uri: &str,
        content_type: &str,
        body: &str,
        accept_language: Option<&str>,
    ) -> (StatusCode, Option<String>, Value) {
        let mut request = Request::put(uri).header(http::header::CONTENT_TYPE, content_type);
        if let Some(accept_language) = accept_language {
            request = request.header(http::header::ACCEPT_LANGUAGE, accept_language);
        }
        let response = app.clone().oneshot(request.body(Body::from(body.to_owned())).unwrap()).await.unwrap();
        let answer = read_answer(response).await;
        (answer.status, answer.language, serde_json::from_str(&answer.text).unwrap_or(Value::Null))
    }

    /// What an answer worded in `language` is, as JSON.
    fn payload(error: &ArmError) -> Value {
        serde_json::to_value(&error.body).unwrap()
    }

    /// The answer of each door to a body it refuses, worded in `language` by the library itself.
    fn expected(uri: &str, body: &str, language: &Language<'_>) -> Value {
        let error: BodyError = match uri {
            "/valid" => validate_core::from_json::<Hub>(body.as_bytes()).map(drop).unwrap_err(),
            "/arm" => parse_json::<Hub>(body.as_bytes()).map(drop).unwrap_err(),
            _ => from_json_with::<Quota, _>(body.as_bytes(), &Plan { max_units: 10 }).map(drop).unwrap_err(),
        };
        payload(&ArmError::rejected(error, language))
    }

    const BODIES: [(&str, &str); 4] = [
        ("/valid", r#"{"name":"h","x":1}"#),
        ("/arm", r#"{"name":7}"#),
        ("/quota", r#"{"name":"g","units":11}"#),
        ("/valid", r#"{"name":"#),
    ];

    #[tokio::test]
    async fn every_door_answers_in_the_language_asked_for() {
        let app = doors(None);
        let builtin = Languages::new();
        for (header, tag) in
            [("de", "de"), ("ja-JP", "ja"), ("fr;q=0.9, de-CH;q=0.5", "de"), ("fr", "en"), ("??", "en")]
        {
            let language = builtin.negotiate(Some(header));
            assert_eq!(language.tag(), tag);
            for (uri, body) in BODIES {
                let (status, content_language, answer) =
                    send_in(&app, uri, "application/json", body, Some(header)).await;
                assert_eq!(status, StatusCode::BAD_REQUEST, "{uri} {body}");
                assert_eq!(content_language.as_deref(), Some(tag), "{uri} {header}");
                assert_eq!(answer, expected(uri, body, &language), "{uri} {body} {header}");
            }
            for uri in ["/valid", "/arm", "/quota", "/bytes"] {
                let (status, content_language, answer) = send_in(&app, uri, "text/plain", "{}", Some(header)).await;
                assert_eq!(
                    (status, content_language.as_deref()),
                    (StatusCode::UNSUPPORTED_MEDIA_TYPE, Some(tag)),
                    "{uri}"
                );
                assert_eq!(answer, payload(&ArmError::unsupported_media_type_in(&language)), "{uri} {header}");
                let big = format!(r#"{{"name":"{}"}}"#, "x".repeat(100));
                let (status, content_language, answer) =
                    send_in(&app, uri, "application/json", &big, Some(header)).await;
                assert_eq!((status, content_language.as_deref()), (StatusCode::PAYLOAD_TOO_LARGE, Some(tag)), "{uri}");
                assert_eq!(answer, payload(&ArmError::body_too_large_in(&language)), "{uri} {header}");
            }
        }
    }

    /// The README: `Negotiated` gives a handler the choice the extractors make, from the
    /// `Languages` in the extensions or the built-in ones.
    #[tokio::test]
    async fn negotiated_gives_a_handler_the_extractors_choice() {
        for (languages, header, tag) in [
            (None, Some("ja-JP"), "ja"),
            (None, None, "en"),
            (Some(Languages::new().with_catalog(French)), Some("fr"), "fr"),
        ] {
            let app = doors(languages.clone());
            let spoken = languages.unwrap_or_default();
            let chosen = spoken.negotiate(header);
            assert_eq!(chosen.tag(), tag);
            let (status, content_language, answer) = send_in(&app, "/own", "application/json", "{}", header).await;
            assert_eq!((status, content_language.as_deref()), (StatusCode::CONFLICT, Some(tag)), "{header:?}");
            // The extractors' choice on the same request.
            let (_, extractors_choice, _) = send_in(&app, "/valid", "text/plain", "{}", header).await;
            assert_eq!(extractors_choice, content_language, "{header:?}");
            let worded = ArmError::worded(StatusCode::CONFLICT, "Conflict", &Message::BodyTooLarge, &chosen);
            assert_eq!(answer, payload(&worded), "{header:?}");
        }
    }

    #[tokio::test]
    async fn german_and_japanese_differ_from_english_and_no_header_is_english() {
        let app = doors(None);
        for (uri, body) in BODIES {
            let (_, content_language, english) = send_in(&app, uri, "application/json", body, None).await;
            assert_eq!(content_language.as_deref(), Some("en"), "no Accept-Language: English, said so");
            assert_eq!(english, expected(uri, body, &Language::english()));
            for tag in ["de", "ja"] {
                let (_, _, answer) = send_in(&app, uri, "application/json", body, Some(tag)).await;
                assert_ne!(answer["error"]["message"], english["error"]["message"], "{uri} {body} {tag}");
                assert_eq!(answer["error"]["code"], english["error"]["code"]);
            }
        }
    }

    /// French, for two messages: what it lacks comes from English.
    struct French;

    impl Catalog for French {
        fn language(&self) -> &'static str {
            "fr"
        }

        fn write(&self, id: &str, message: &Message, out: &mut String) -> bool {
            let text = match (id, message) {
                ("length-too-short", Message::TooShort { min, .. }) => format!("Au moins {min} caractères."),
                ("request-unsupported-media-type", _) => "Le type de contenu doit être JSON.".to_owned(),
                _ => return false,
            };
            out.push_str(&text);
            true
        }
    }

    #[tokio::test]
    async fn the_languages_in_the_extensions_are_those_negotiated_among() {
        let languages = Languages::new().with_catalog(French);
        let app = doors(Some(languages.clone()));
        let (status, content_language, answer) =
            send_in(&app, "/valid", "application/json", r#"{"name":"h"}"#, Some("fr-CA, de;q=0.5")).await;
        assert_eq!((status, content_language.as_deref()), (StatusCode::BAD_REQUEST, Some("fr")));
        assert_eq!(answer["error"]["details"][0]["message"], "Au moins 2 caractères.");
        assert_eq!(answer["error"]["message"], "The request content was invalid: 1 error was found.");
        for uri in ["/valid", "/arm", "/quota", "/bytes"] {
            let (status, content_language, answer) = send_in(&app, uri, "text/plain", "{}", Some("fr")).await;
            assert_eq!((status, content_language.as_deref()), (StatusCode::UNSUPPORTED_MEDIA_TYPE, Some("fr")));
            assert_eq!(answer["error"]["message"], "Le type de contenu doit être JSON.", "{uri}");
        }
        // Without them, French is not spoken: the built-in languages answer.
        let (_, content_language, _) =
            send_in(&doors(None), "/valid", "text/plain", "{}", Some("fr-CA, de;q=0.5")).await;
        assert_eq!(content_language.as_deref(), Some("de"));
    }

    #[tokio::test]
    async fn additional_info_comes_with_the_languages_in_the_extensions() {
        let on = doors(Some(Languages::new().with_additional_info(true)));
        let off = doors(None);
        for (uri, body) in [("/valid", r#"{"name":"h"}"#), ("/quota", r#"{"name":"gold","units":11}"#)] {
            let (_, content_language, answer) = send_in(&on, uri, "application/json", body, Some("ja")).await;
            assert_eq!(content_language.as_deref(), Some("ja"));
            let info = &answer["error"]["details"][0]["additionalInfo"];
            assert_eq!(info[0]["type"], "ValidationRule", "{uri}: {answer}");
            let expected = expected(uri, body, &Languages::new().with_additional_info(true).negotiate(Some("ja")));
            assert_eq!(answer, expected, "{uri}");
            let (_, _, answer) = send_in(&off, uri, "application/json", body, Some("ja")).await;
            assert!(answer["error"]["details"][0].get("additionalInfo").is_none(), "{uri}: {answer}");
        }
    }

    #[tokio::test]
    async fn a_contexts_own_rejection_is_answered_as_it_is() {
        // `ValidJsonWith` answers the context's rejection as the context words it: here without
        // a language, so without `Content-Language`.
        let (status, content_language, _) =
            send_in(&doors(None).route("/profile", put(profile)), "/profile", "application/json", "{}", Some("de"))
                .await;
        assert_eq!((status, content_language), (StatusCode::NOT_FOUND, None));
    }
}

/// The URL's doors, `ValidQuery` and `ValidPath`: answered as a body is (`InvalidRequestContent`,
/// one detail per problem), each detail at the parameter's name as the client wrote it, and never
/// with serde's texts, which name Rust types.
mod url_parameters {
    use axum::routing::get;
    use validate_core::axum::{ValidPath, ValidQuery};

    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "lowercase")]
    enum Order {
        Asc,
        Desc,
    }

    #[derive(serde::Deserialize, validate_core::Validate)]
    struct Page {
        #[serde(rename = "api-version")]
        #[validate(one_of("2024-01-01"))]
        api_version: String,
        #[validate(range(min = 1, max = 100))]
        top: u32,
        order: Option<Order>,
        expand: Option<bool>,
    }

    #[derive(serde::Deserialize, validate_core::Validate)]
    #[serde(rename_all = "camelCase")]
    struct HubPath {
        #[validate(length(min = 2, max = 8))]
        hub_name: String,
        count: u8,
    }

    async fn list(mut page: ValidQuery<Page>) -> String {
        // `DerefMut`, then `Deref`: the fields through the extractor.
        page.top += 1;
        format!("{} {} {:?} {:?}", page.api_version, page.top, page.order, page.expand)
    }

    async fn units(path: ValidPath<HubPath>) -> String {
        format!("{} {}", path.hub_name, path.count)
    }

    /// Read in the route's order.
    #[derive(serde::Deserialize, validate_core::Validate)]
    struct Pair(String, u16);

    async fn pair(ValidPath(Pair(hub, count)): ValidPath<Pair>) -> String {
        format!("{hub} {count}")
    }

    #[derive(Debug, serde::Deserialize, validate_core::Validate)]
    struct Weight {
        #[validate(range(min = 0.0))]
        weight: f64,
    }

    async fn weigh(ValidQuery(query): ValidQuery<Weight>) -> String {
        query.weight.to_string()
    }

    fn app() -> Router {
        Router::new()
            .route("/weights", get(weigh))
            .route("/hubs", get(list))
            .route("/hubs/{hubName}/units/{count}", get(units))
            // A route that captures less than the type reads.
            .route("/short/{hubName}", get(units))
            .route("/pairs/{hub}/{count}", get(pair))
    }

    /// The status, `Content-Language` and body of a GET of `uri`.
    async fn get_in(uri: &str, accept_language: Option<&str>) -> (StatusCode, Option<String>, String) {
        let mut request = Request::get(uri);
        if let Some(accept_language) = accept_language {
            request = request.header(http::header::ACCEPT_LANGUAGE, accept_language);
        }
        let answer = super::read_answer(app().oneshot(request.body(Body::empty()).unwrap()).await.unwrap()).await;
        (answer.status, answer.language, answer.text)
    }

    /// The details of the 400 of `uri`, in English, after checking the envelope.
    async fn refused(uri: &str) -> Vec<String> {
        let (status, language, text) = get_in(uri, None).await;
        assert_eq!((status, language.as_deref()), (StatusCode::BAD_REQUEST, Some("en")), "{uri}: {text}");
        let payload: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(payload["error"]["code"], "InvalidRequestContent", "{uri}");
        // serde's texts name Rust types and say how parsing failed: none of it is sent.
        for rust in ["u32", "u8", "u16", "invalid digit", "missing field", "variant", "Order", "HubPath", "Page"] {
            assert!(!text.contains(rust), "{uri}: {rust} in {text}");
        }
        details(&text)
    }

    #[tokio::test]
    async fn a_valid_query_is_read_with_its_names_and_kinds() {
        let (status, _, text) = get_in("/hubs?api-version=2024-01-01&top=10&order=desc&expand=true", None).await;
        assert_eq!((status, text.as_str()), (StatusCode::OK, "2024-01-01 11 Some(Desc) Some(true)"));
        // Percent-decoded; optional parameters left out; pairs the type does not name ignored.
        let (status, _, text) = get_in("/hubs?api%2Dversion=2024%2D01%2D01&top=1&other=x", None).await;
        assert_eq!((status, text.as_str()), (StatusCode::OK, "2024-01-01 2 None None"));
    }

    #[tokio::test]
    async fn an_invalid_query_is_answered_as_a_body_is() {
        let (status, _, text) = get_in("/hubs?api-version=2024-01-01&top=500", None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({"error":{
                "code":"InvalidRequestContent",
                "message":"The request content was invalid: 1 error was found.",
                "details":[{"code":"ValueOutOfRange","message":"The value 500 is greater than the maximum 100.","target":"top"}]
            }})
        );
        // Every violation of the rules at once.
        assert_eq!(
            refused("/hubs?api-version=2020-01-01&top=0").await,
            [
                "InvalidEnumValue api-version: The value '2020-01-01' is not one of '2024-01-01'.",
                "ValueOutOfRange top: The value 0 is less than the minimum 1.",
            ]
        );
    }

    #[tokio::test]
    async fn a_query_that_does_not_read_is_answered_at_the_parameter() {
        assert_eq!(
            refused("/hubs?top=10").await,
            ["MissingRequiredProperty api-version: The property 'api-version' is required."]
        );
        assert_eq!(
            refused("/hubs?api-version=2024-01-01&top=ten").await,
            ["InvalidPropertyType top: Expected an integer but found a string."]
        );
        assert_eq!(
            refused("/hubs?api-version=2024-01-01&top=99999999999").await,
            ["ValueOutOfRange top: The value 99999999999 is outside the range 0 to 4294967295."]
        );
        assert_eq!(
            refused("/hubs?api-version=2024-01-01&top=1&expand=yes").await,
            ["InvalidPropertyType expand: Expected a boolean but found a string."]
        );
        assert_eq!(
            refused("/hubs?api-version=2024-01-01&top=1&order=up").await,
            ["InvalidEnumValue order: The value 'up' is not one of 'asc', 'desc'."]
        );
        assert_eq!(
            refused("/hubs?api-version=2024-01-01&top=1&top=2").await,
            ["DuplicateProperty top: The property appears more than once."]
        );
    }

    /// Found by the review of issue 15: `str::parse` reads `inf`, `NaN` and `1e400`, which no JSON
    /// body can hold, and an infinity passed `range(min = 0.0)`.
    #[tokio::test]
    async fn a_float_parameter_must_be_a_finite_number() {
        assert_eq!(get_in("/weights?weight=2.5", None).await.2, "2.5");
        for value in ["inf", "-inf", "infinity", "NaN", "1e400"] {
            assert_eq!(
                refused(&format!("/weights?weight={value}")).await,
                ["InvalidPropertyType weight: Expected a number but found a string."],
                "{value}"
            );
        }
    }

    #[tokio::test]
    async fn url_parameters_are_answered_in_the_language_asked_for() {
        let (status, language, text) = get_in("/hubs?api-version=2024-01-01&top=500", Some("de")).await;
        assert_eq!((status, language.as_deref()), (StatusCode::BAD_REQUEST, Some("de")));
        assert_eq!(details(&text), ["ValueOutOfRange top: Der Wert 500 ist größer als das Maximum 100."]);
        let (_, language, text) = get_in("/hubs?top=1", Some("de")).await;
        assert_eq!(language.as_deref(), Some("de"));
        assert_eq!(
            details(&text),
            ["MissingRequiredProperty api-version: Die Eigenschaft 'api-version' ist erforderlich."]
        );
        let (status, language, text) = get_in("/hubs/h/units/2", Some("de")).await;
        assert_eq!((status, language.as_deref()), (StatusCode::BAD_REQUEST, Some("de")));
        assert_eq!(details(&text), ["ValueTooShort hubName: Der Wert muss mindestens 2 Zeichen haben; er hat 1."]);
    }

    #[tokio::test]
    async fn a_valid_path_is_read_by_the_routes_names() {
        assert_eq!(get_in("/hubs/h1/units/7", None).await.2, "h1 7");
        // Percent-decoded as axum decodes it.
        assert_eq!(get_in("/hubs/h%201/units/7", None).await.2, "h 1 7");
        // A tuple reads them in the route's order.
        assert_eq!(get_in("/pairs/h1/65535", None).await.2, "h1 65535");
        // `-0` is zero, for unsigned types as for signed ones.
        assert_eq!(get_in("/pairs/h1/-0", None).await.2, "h1 0");
        assert_eq!(get_in("/pairs/h1/-000", None).await.2, "h1 0");
    }

    #[tokio::test]
    async fn an_invalid_path_is_answered_at_the_parameter() {
        let (status, _, text) = get_in("/hubs/h/units/2", None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({"error":{
                "code":"InvalidRequestContent",
                "message":"The request content was invalid: 1 error was found.",
                "details":[{"code":"ValueTooShort","message":"The value must have at least 2 characters; it has 1.","target":"hubName"}]
            }})
        );
        assert_eq!(
            refused("/hubs/h1/units/abc").await,
            ["InvalidPropertyType count: Expected an integer but found a string."]
        );
        assert_eq!(
            refused("/hubs/h1/units/300").await,
            ["ValueOutOfRange count: The value 300 is outside the range 0 to 255."]
        );
        assert_eq!(
            refused("/pairs/h1/-1").await,
            ["ValueOutOfRange count: The value -1 is outside the range 0 to 65535."]
        );
        assert_eq!(
            refused("/pairs/h1/-").await,
            ["InvalidPropertyType count: Expected an integer but found a string."]
        );
        // The route captures no `count`: missing, at its name.
        assert_eq!(refused("/short/h1").await, ["MissingRequiredProperty count: The property 'count' is required."]);
    }
}

/// `Option<ValidJson<T>>`: `None` for no body at all (no `Content-Type`, no byte), the value for a
/// valid body, and the ARM answer for any other.
mod optional_body {
    use axum::routing::post;
    use validate_core::axum::{ArmJson, ValidJson, ValidJsonWith};

    use super::*;

    #[derive(serde::Deserialize, validate_core::Validate)]
    struct Restart {
        #[validate(range(max = 3600))]
        delay: u32,
    }

    async fn restart(options: Option<ValidJson<Restart>>) -> String {
        match options {
            Some(options) => format!("in {}", options.delay),
            None => "now".to_owned(),
        }
    }

    async fn send(content_type: Option<&str>, body: &str) -> (StatusCode, String) {
        let mut request = Request::post("/restart");
        if let Some(content_type) = content_type {
            request = request.header(http::header::CONTENT_TYPE, content_type);
        }
        let app = Router::new().route("/restart", post(restart));
        let answer =
            super::read_answer(app.oneshot(request.body(Body::from(body.to_owned())).unwrap()).await.unwrap()).await;
        (answer.status, answer.text)
    }

    #[tokio::test]
    async fn no_body_is_none_and_a_body_is_read_as_valid_json_reads_it() {
        assert_eq!(send(None, "").await, (StatusCode::OK, "now".into()));
        assert_eq!(send(Some("application/json"), r#"{"delay":60}"#).await, (StatusCode::OK, "in 60".into()));
        let (status, text) = send(Some("application/json"), r#"{"delay":7200}"#).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(details(&text), ["ValueOutOfRange delay: The value 7200 is greater than the maximum 3600."]);
        // Said to be JSON, but empty: not JSON, refused.
        let (status, text) = send(Some("application/json"), "").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(text.contains("InvalidRequestContent"), "{text}");
        // Bytes without a content type: not a missing body, and not JSON either.
        let (status, text) = send(None, r#"{"delay":60}"#).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(text.contains("UnsupportedMediaType"), "{text}");
    }

    #[derive(serde::Deserialize, validate_core::Validate)]
    struct Name {
        name: String,
    }

    #[test]
    fn every_extractor_derefs_to_its_value() {
        let mut valid = ValidJson(Name { name: "a".into() });
        valid.name.push('b');
        assert_eq!(valid.name, "ab");
        let mut arm = ArmJson(Name { name: "a".into() });
        arm.name.push('c');
        assert_eq!(arm.name, "ac");
        let mut with = ValidJsonWith(Name { name: "a".into() }, 7_u8);
        with.name.push('d');
        assert_eq!((with.name.as_str(), with.1), ("ad", 7));
        let mut query = validate_core::axum::ValidQuery(Name { name: "a".into() });
        query.name.push('e');
        assert_eq!(query.name, "ae");
        let mut path = validate_core::axum::ValidPath(Name { name: "a".into() });
        path.name.push('f');
        assert_eq!(path.name, "af");
        let bytes = validate_core::axum::JsonBytes(axum::body::Bytes::from_static(b"{}"));
        assert_eq!((&bytes[..], bytes.len()), (&b"{}"[..], 2));
    }
}
