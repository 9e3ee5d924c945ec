//! The service answers in the caller's language: every answer it gives, in German and Japanese,
//! with `Content-Language`; `Accept-Language` negotiated through the router; `additionalInfo` on
//! and off; and no negotiation at all for a valid request.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, Request, StatusCode};
use customer_insights::locales;
use customer_insights::service::{Limits, router_with, router_with_languages};
use customer_insights::store::MemoryStore;
use http_body_util::BodyExt as _;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use validate_core::{Catalog, Languages, Message};

const SUBSCRIPTION: &str = "6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b";
const VALID: &str = include_str!("../corpus/full-valid.json");

fn url(group: &str, hub: &str, name: &str) -> String {
    format!(
        "/subscriptions/{SUBSCRIPTION}/resourceGroups/{group}/providers/Microsoft.CustomerInsights/hubs/{hub}/relationships/{name}?api-version=2017-04-26"
    )
}

fn good() -> String {
    url("contoso-rg", "hub1", "rel_1")
}

/// The limits of the service under test: small enough to reach each of them cheaply.
fn limits() -> Limits {
    Limits {
        max_body_bytes: 8_000,
        max_url_bytes: 1_000,
        max_header_bytes: 300,
        body_timeout: Duration::from_millis(300),
    }
}

fn app() -> axum::Router {
    router_with(Arc::new(MemoryStore::default()), limits())
}

/// An answer: status, `Content-Language`, and the JSON payload.
#[derive(Debug)]
struct Answer {
    status: StatusCode,
    language: Option<String>,
    body: Value,
}

impl Answer {
    fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or_default()
    }

    fn message(&self) -> &str {
        self.body["error"]["message"].as_str().unwrap_or_default()
    }

    /// The details' messages.
    fn detail_messages(&self) -> Vec<&str> {
        self.details().iter().map(|detail| detail["message"].as_str().unwrap_or_default()).collect()
    }

    fn details(&self) -> &[Value] {
        self.body["error"]["details"].as_array().map_or(&[], Vec::as_slice)
    }

    /// Everything but the messages: what no language changes.
    fn skeleton(&self) -> Value {
        let mut body = self.body.clone();
        body["error"]["message"] = Value::Null;
        if let Some(details) = body["error"]["details"].as_array_mut() {
            for detail in details {
                detail["message"] = Value::Null;
            }
        }
        body
    }
}

async fn send(app: &axum::Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let language = response.headers().get("content-language").map(|value| value.to_str().unwrap().to_owned());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap() };
    Answer { status, language, body }
}

/// A request of one situation, in a language (`None`: no `Accept-Language`).
type Build = Box<dyn Fn(Option<&str>) -> Request<Body>>;

fn request(method: &str, uri: &str, content_type: Option<&str>, body: Body, lang: Option<&str>) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(uri);
    if let Some(content_type) = content_type {
        builder = builder.header("content-type", content_type);
    }
    if let Some(lang) = lang {
        builder = builder.header("accept-language", lang);
    }
    builder.body(body).unwrap()
}

fn put_json(uri: String, body: String) -> Build {
    Box::new(move |lang| request("PUT", &uri, Some("application/json"), Body::from(body.clone()), lang))
}

fn with_properties(properties: Value) -> String {
    let mut body = serde_json::Map::new();
    body.insert("properties".to_owned(), properties);
    Value::Object(body).to_string()
}

fn merged(extra: Value) -> String {
    let mut properties = json!({ "displayName": { "en-us": "x" }, "profileType": "A", "relatedProfileType": "B" });
    let Value::Object(extra) = extra else { panic!("extra properties must be an object") };
    for (key, value) in extra {
        properties[key] = value;
    }
    with_properties(properties)
}

/// Every answer the service gives but 500 (which `service`'s unit tests word): what it is,
/// the request, the status and the code.
#[allow(clippy::too_many_lines)]
fn situations() -> Vec<(&'static str, Build, StatusCode, &'static str)> {
    let good = good();
    let field = |name: &str, kind: &str| json!({ "fieldName": name, "fieldType": kind });
    let url_case = |what, uri: String, code| (what, put_json(uri, VALID.to_owned()), StatusCode::BAD_REQUEST, code);
    let body_case =
        |what, body: String| (what, put_json(good.clone(), body), StatusCode::BAD_REQUEST, "InvalidRequestContent");
    let early = |method: &'static str, uri: String, content_type: Option<&'static str>| -> Build {
        Box::new(move |lang| request(method, &uri, content_type, Body::from(VALID), lang))
    };
    let padded = {
        let good = good.clone();
        Box::new(move |lang: Option<&str>| {
            let mut request = request("PUT", &good, Some("application/json"), Body::from(VALID), lang);
            // 280 bytes: over the 300 bytes of the limits with the other headers.
            request.headers_mut().insert("x-padding", HeaderValue::from_str(&"y".repeat(280)).unwrap());
            request
        }) as Build
    };
    let stalled = {
        let good = good.clone();
        Box::new(move |lang: Option<&str>| request("PUT", &good, Some("application/json"), stalled_after(b"{\""), lang))
            as Build
    };
    let broken = {
        let good = good.clone();
        Box::new(move |lang: Option<&str>| request("PUT", &good, Some("application/json"), broken_after(b"{\""), lang))
            as Build
    };
    let many_empty: Vec<Value> = (0..150).map(|i| field(&format!("F{i}"), "")).collect();
    vec![
        ("no route", early("GET", "/nowhere".into(), None), StatusCode::NOT_FOUND, "NotFound"),
        (
            "a method other than GET and PUT",
            early("DELETE", good.clone(), None),
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
        ),
        (
            "a URL over the limit",
            early("PUT", format!("{good}&pad={}", "x".repeat(1_000)), Some("application/json")),
            StatusCode::URI_TOO_LONG,
            "RequestUriTooLong",
        ),
        ("headers over the limit", padded, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "RequestHeaderFieldsTooLarge"),
        ("a body slower than the timeout", stalled, StatusCode::REQUEST_TIMEOUT, "RequestTimeout"),
        (
            "a body that is not JSON by its type",
            early("PUT", good.clone(), Some("text/plain")),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UnsupportedMediaType",
        ),
        (
            "a body over the limit",
            put_json(good.clone(), merged(json!({ "description": { "en-us": "x".repeat(10_000) } }))),
            StatusCode::PAYLOAD_TOO_LARGE,
            "RequestBodyTooLarge",
        ),
        ("a body that cannot be read", broken, StatusCode::BAD_REQUEST, "InvalidRequestContent"),
        url_case("no api-version", good.replace("?api-version=2017-04-26", ""), "MissingApiVersionParameter"),
        url_case("an unsupported api-version", good.replace("2017-04-26", "2020-01-01"), "InvalidApiVersionParameter"),
        url_case(
            "a repeated api-version",
            good.replace("api-version=2017-04-26", "api-version=2017-04-26&api-version=1"),
            "InvalidApiVersionParameter",
        ),
        url_case(
            "a subscription id that is not a GUID",
            good.replace(SUBSCRIPTION, "not-a-guid"),
            "InvalidSubscriptionId",
        ),
        url_case("an empty resource group name", url("", "hub1", "rel_1"), "InvalidResourceGroupName"),
        url_case("a resource group name too long", url(&"r".repeat(91), "hub1", "rel_1"), "InvalidResourceGroupName"),
        url_case("a resource group name ending with a dot", url("rg.", "hub1", "rel_1"), "InvalidResourceGroupName"),
        url_case("a hub name too short", url("rg", "h", "rel_1"), "InvalidResourceName"),
        url_case("a hub name too long", url("rg", &format!("h{}", "x".repeat(64)), "rel_1"), "InvalidResourceName"),
        url_case("a hub name with a bad character", url("rg", "1hub", "rel_1"), "InvalidResourceName"),
        url_case(
            "a relationship name too long",
            url("rg", "hub1", &format!("r{}", "x".repeat(512))),
            "InvalidResourceName",
        ),
        url_case("a relationship name with a bad character", url("rg", "hub1", "rel-1"), "InvalidResourceName"),
        (
            "a relationship that does not exist",
            early("GET", url("rg", "hub1", "nothing"), None),
            StatusCode::NOT_FOUND,
            "ResourceNotFound",
        ),
        body_case("a body cut short", "{\"properties\":".into()),
        body_case("an empty body", String::new()),
        body_case("trailing characters", format!("{VALID} x")),
        body_case("a wrong JSON type at the root", "[]".into()),
        body_case("a wrong JSON type", merged(json!({ "profileType": 7 }))),
        body_case("a value outside the enum", merged(json!({ "cardinality": "OneToFew" }))),
        body_case("an unknown property", merged(json!({ "colour": "red" }))),
        body_case("a missing property", with_properties(json!({ "displayName": { "en": "x" }, "profileType": "A" }))),
        body_case(
            "a repeated property",
            r#"{"properties":{"displayName":{"en":"x","en":"y"},"profileType":"A","relatedProfileType":"B"}}"#.into(),
        ),
        body_case("an empty value", merged(json!({ "profileType": " " }))),
        body_case("a key that is not a language tag", merged(json!({ "displayName": { "en us": "x" } }))),
        body_case("a date-time that is not one", merged(json!({ "expiryDateTimeUtc": "tomorrow" }))),
        body_case(
            "a repeated field name",
            merged(json!({ "fields": [field("A", "Edm.String"), field("a", "Edm.String")] })),
        ),
        body_case("a read-only property", merged(json!({ "relationshipGuidId": "g" }))),
        body_case("more problems than details", merged(json!({ "fields": many_empty }))),
    ]
}

/// Characters a message must never carry: controls, bidirectional marks and overrides, and
/// invisible ones (Fluent's isolation marks among them).
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn assert_clean(message: &str, what: &str) {
    assert!(!message.trim().is_empty(), "{what}: an empty message");
    assert!(!message.chars().any(is_hidden), "{what}: a hidden character in {message:?}");
}

#[tokio::test]
async fn every_answer_of_the_service_is_translated_into_german_and_japanese() {
    let app = app();
    for (what, build, status, code) in situations() {
        let english = send(&app, build(None)).await;
        assert_eq!((english.status, english.code()), (status, code), "{what}: {}", english.body);
        assert_eq!(english.language.as_deref(), Some("en"), "{what}");
        assert_clean(english.message(), what);
        for tag in ["de", "ja"] {
            let answer = send(&app, build(Some(tag))).await;
            let what = format!("{what} ({tag})");
            assert_eq!(answer.status, status, "{what}");
            assert_eq!(answer.language.as_deref(), Some(tag), "{what}: Content-Language");
            // Codes, targets and the rest are never localized.
            assert_eq!(answer.skeleton(), english.skeleton(), "{what}");
            assert_clean(answer.message(), &what);
            assert_ne!(answer.message(), english.message(), "{what}: the message is the English one");
            let english_details = english.detail_messages();
            for (i, message) in answer.detail_messages().into_iter().enumerate() {
                assert_clean(message, &what);
                assert_ne!(message, english_details[i], "{what}: detail {i} is the English one");
            }
        }
    }
}

#[tokio::test]
async fn the_url_rules_are_told_apart_in_every_language() {
    // One code covers several rules (and two parameters): each keeps its own text.
    let app = app();
    let cases = [
        url("", "hub1", "rel_1"),
        url("rg.", "hub1", "rel_1"),
        url("rg", "h", "rel_1"),
        url("rg", "1hub", "rel_1"),
        url("rg", "hub1", &format!("r{}", "x".repeat(512))),
        url("rg", "hub1", "rel-1"),
        good().replace("2017-04-26", "1"),
        good().replace("api-version=2017-04-26", "api-version=2017-04-26&api-version=2017-04-26"),
    ];
    for tag in [None, Some("de"), Some("ja")] {
        let mut messages = Vec::new();
        for uri in &cases {
            let answer = send(&app, put_json(uri.clone(), VALID.to_owned())(tag)).await;
            messages.push(answer.message().to_owned());
        }
        let mut distinct = messages.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), cases.len(), "{tag:?}: {messages:#?}");
    }
}

#[tokio::test]
async fn the_german_and_japanese_texts_read_as_written() {
    let app = app();
    let cases = [
        (
            put_json(url("rg", "hub1", "rel-1"), VALID.to_owned()),
            "de",
            "Der Name der Beziehung muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern und '_' enthalten.",
        ),
        (put_json(url("rg", "h", "rel_1"), VALID.to_owned()), "ja", "ハブ名は 2 ～ 64 文字にする必要があります。"),
        (
            put_json(good().replace("?api-version=2017-04-26", ""), VALID.to_owned()),
            "de",
            "Der Abfrageparameter api-version (?api-version=) muss bei jeder Anfrage angegeben werden.",
        ),
        (
            Box::new(|lang: Option<&str>| {
                request("GET", &url("contoso-rg", "hub1", "nothing"), None, Body::empty(), lang)
            }) as Build,
            "de",
            "Die Ressource 'Microsoft.CustomerInsights/hubs/hub1/relationships/nothing' in der Ressourcengruppe 'contoso-rg' wurde nicht gefunden.",
        ),
        (
            Box::new(|lang: Option<&str>| {
                request("GET", &format!("/x?{}", "p".repeat(1_000)), None, Body::empty(), lang)
            }) as Build,
            "ja",
            "要求 URL が、このサービスで受け付けられる 1000 バイトを超えています。",
        ),
    ];
    for (build, tag, expected) in cases {
        assert_eq!(send(&app, build(Some(tag))).await.message(), expected);
    }
}

/// The language an `Accept-Language` header gets, by the `Content-Language` and the message of a
/// 404.
async fn negotiated(header: Option<HeaderValue>) -> (Option<String>, String) {
    let mut request = request("GET", &url("rg", "hub1", "nothing"), None, Body::empty(), None);
    if let Some(header) = header {
        request.headers_mut().insert("accept-language", header);
    }
    let answer = send(&app(), request).await;
    (answer.language.clone(), answer.message().to_owned())
}

#[tokio::test]
async fn accept_language_is_negotiated_through_the_service() {
    let (_, english) = negotiated(None).await;
    let (_, german) = negotiated(Some(HeaderValue::from_static("de"))).await;
    let (_, japanese) = negotiated(Some(HeaderValue::from_static("ja"))).await;
    let text = |tag| match tag {
        "de" => german.clone(),
        "ja" => japanese.clone(),
        _ => english.clone(),
    };
    let cases = [
        ("de-AT", "de"),
        ("ja;q=0.5, de;q=0.9", "de"),
        ("JA-jp", "ja"),
        ("fr", "en"),
        ("fr, ja;q=0.1", "ja"),
        ("*", "en"),
        ("de;q=0, *", "en"),
        ("de;q=2", "en"),
        ("!!", "en"),
        ("", "en"),
    ];
    for (header, tag) in cases {
        let found = negotiated(Some(HeaderValue::from_static(header))).await;
        assert_eq!(found, (Some(tag.to_owned()), text(tag)), "{header:?}");
    }
    let not_text = HeaderValue::from_bytes(b"de\xff").unwrap();
    assert_eq!(negotiated(Some(not_text)).await, (Some("en".to_owned()), english.clone()));
    assert_eq!(negotiated(None).await, (Some("en".to_owned()), english));
}

/// Found by the review of issue 14: `Accept-Language` in two header lines is one list, as HTTP
/// reads it; only the first line was read.
#[tokio::test]
async fn accept_language_in_several_lines_is_one_list() {
    let mut request = request("GET", &url("rg", "hub1", "nothing"), None, Body::empty(), None);
    request.headers_mut().append("accept-language", HeaderValue::from_static("fr"));
    request.headers_mut().append("accept-language", HeaderValue::from_static("de"));
    let answer = send(&app(), request).await;
    assert_eq!(answer.language.as_deref(), Some("de"));
}

/// Found by the review of issue 14: a resource group name may hold letters that show as nothing
/// (a Hangul filler, a zero-width joiner): a 404 names it escaped, and alike in every language.
#[tokio::test]
async fn a_name_in_a_404_is_echoed_alike_in_every_language() {
    let group = "a%E3%85%A4b%E2%80%8Dc";
    for tag in ["en", "de", "ja"] {
        let request = request("GET", &url(group, "hub1", "nothing"), None, Body::empty(), Some(tag));
        let answer = send(&app(), request).await;
        assert_eq!(answer.code(), "ResourceNotFound", "{tag}");
        let message = answer.message().to_owned();
        assert!(!message.contains('\u{3164}') && !message.contains('\u{200D}'), "{tag}: {message}");
        assert!(message.contains(r"a\u{3164}b\u{200d}c"), "{tag}: {message}");
    }
}

#[tokio::test]
async fn additional_info_is_on_only_when_asked_for() {
    let body = merged(json!({ "profileType": "", "displayName": { "en us": "x" } }));
    let store = || Arc::new(MemoryStore::default());
    let off = router_with(store(), Limits::default());
    let on = router_with_languages(store(), Limits::default(), locales::languages().with_additional_info(true));
    for tag in [None, Some("de")] {
        let answer = send(&off, put_json(good(), body.clone())(tag)).await;
        assert_eq!(answer.details().len(), 2);
        assert!(answer.details().iter().all(|detail| detail.get("additionalInfo").is_none()), "{}", answer.body);

        let answer = send(&on, put_json(good(), body.clone())(tag)).await;
        let infos: Vec<&Value> = answer.details().iter().map(|detail| &detail["additionalInfo"]).collect();
        assert_eq!(
            infos,
            [
                &json!([{ "type": "ValidationRule", "info": { "rule": "localized", "messageId": "localized-not-a-tag", "key": "en us" } }]),
                &json!([{ "type": "ValidationRule", "info": { "rule": "non_empty", "messageId": "non-empty", "unit": "characters" } }]),
            ],
            "{tag:?}"
        );
    }
    // The answers the service words itself carry no details, so no `additionalInfo` either.
    let answer = send(&on, request("GET", "/nowhere", None, Body::empty(), Some("de"))).await;
    assert_eq!(answer.body["error"].as_object().map(serde_json::Map::len), Some(2), "{}", answer.body);
}

/// A catalog that counts how often it is asked for its language: every negotiation asks.
struct Counting(Arc<AtomicUsize>);

impl Catalog for Counting {
    fn language(&self) -> &'static str {
        self.0.fetch_add(1, Ordering::Relaxed);
        "de"
    }

    fn write(&self, _: &str, _: &Message, _: &mut String) -> bool {
        false
    }
}

#[tokio::test]
async fn a_valid_request_never_negotiates() {
    let asked = Arc::new(AtomicUsize::new(0));
    let languages = Languages::new().with_catalog(Counting(Arc::clone(&asked)));
    let app = router_with_languages(Arc::new(MemoryStore::default()), Limits::default(), languages);
    for lang in [Some("de"), Some("ja;q=0.5, de;q=0.9"), None] {
        assert_eq!(send(&app, put_json(good(), VALID.to_owned())(lang)).await.status, StatusCode::OK);
        let get = request("GET", &good(), None, Body::empty(), lang);
        assert_eq!(send(&app, get).await.status, StatusCode::OK);
    }
    assert_eq!(asked.load(Ordering::Relaxed), 0, "a valid PUT or GET negotiated a language");
    let answer = send(&app, put_json(good(), "{}".into())(Some("de"))).await;
    assert_eq!((answer.status, answer.language.as_deref()), (StatusCode::BAD_REQUEST, Some("de")));
    assert!(asked.load(Ordering::Relaxed) > 0, "a refused request negotiates");
}

#[test]
fn the_service_speaks_the_built_in_languages_and_no_other() {
    // Its catalogs word its own messages in languages the library speaks: a catalog of another
    // language would leave the library's messages of that language in English.
    assert_eq!(locales::languages().tags(), Languages::new().tags());
}

/// A body that yields `first`, then never ends.
fn stalled_after(first: &'static [u8]) -> Body {
    Body::new(Chunks { first: Some(Bytes::from_static(first)), then_fail: false })
}

/// A body that yields `first`, then fails, as a connection reset halfway through would.
fn broken_after(first: &'static [u8]) -> Body {
    Body::new(Chunks { first: Some(Bytes::from_static(first)), then_fail: true })
}

struct Chunks {
    first: Option<Bytes>,
    then_fail: bool,
}

impl http_body::Body for Chunks {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        match self.first.take() {
            Some(first) => std::task::Poll::Ready(Some(Ok(http_body::Frame::data(first)))),
            None if self.then_fail => {
                std::task::Poll::Ready(Some(Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset"))))
            }
            None => std::task::Poll::Pending,
        }
    }
}
