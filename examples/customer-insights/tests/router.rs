//! The service through its router: every row of the error contract, the order of the checks,
//! the headers, and the resource's life (create, read, update, read-only values).

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use customer_insights::address::RelationshipKey;
use customer_insights::service::{Limits, router, router_with};
use customer_insights::store::{MemoryStore, RelationshipStore};
use http_body_util::BodyExt as _;
use serde_json::{Value, json};
use tower::ServiceExt as _;

const SUBSCRIPTION: &str = "6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b";
const VALID: &str = include_str!("../corpus/full-valid.json");

fn url(hub: &str, name: &str) -> String {
    format!(
        "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-rg/providers/Microsoft.CustomerInsights/hubs/{hub}/relationships/{name}?api-version=2017-04-26"
    )
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
}

impl Answer {
    fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or_default()
    }

    fn target(&self) -> &str {
        self.body["error"]["target"].as_str().unwrap_or_default()
    }

    fn detail_pairs(&self) -> Vec<(String, String)> {
        self.body["error"]["details"]
            .as_array()
            .map(|details| {
                details
                    .iter()
                    .map(|d| (d["code"].as_str().unwrap().to_owned(), d["target"].as_str().unwrap_or("").to_owned()))
                    .collect()
            })
            .unwrap_or_default()
    }
}

struct Service {
    app: axum::Router,
}

impl Service {
    fn new() -> Self {
        Self::with_limit(1 << 20)
    }

    fn with_limit(limit: usize) -> Self {
        Service { app: router(Arc::new(MemoryStore::default()), limit) }
    }

    async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap() };
        let answer = Answer { status, headers, body };
        check_headers(&answer);
        answer
    }

    async fn put(&self, uri: &str, body: &str) -> Answer {
        let request = Request::put(uri).header("content-type", "application/json").body(Body::from(body.to_owned()));
        self.send(request.unwrap()).await
    }

    async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).unwrap()).await
    }
}

/// Every response has a GUID request id; every error is ARM JSON with `x-ms-error-code`.
fn check_headers(answer: &Answer) {
    let id = answer.headers["x-ms-request-id"].to_str().unwrap();
    assert!(validate_core::rules::format::is_uuid(id), "{id}");
    assert_eq!(answer.headers["content-type"], "application/json; charset=utf-8");
    if !answer.status.is_success() {
        assert_eq!(answer.headers["x-ms-error-code"], answer.body["error"]["code"].as_str().unwrap());
        assert!(answer.body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

fn with_properties(properties: Value) -> String {
    let mut body = serde_json::Map::new();
    body.insert("properties".to_owned(), properties);
    Value::Object(body).to_string()
}

fn base() -> Value {
    json!({ "displayName": { "en-us": "x" }, "profileType": "A", "relatedProfileType": "B" })
}

fn merged(extra: Value) -> String {
    let mut properties = base();
    let Value::Object(extra) = extra else { panic!("extra properties must be an object") };
    for (key, value) in extra {
        properties[key] = value;
    }
    with_properties(properties)
}

#[tokio::test]
async fn put_creates_and_get_reads_back() {
    let service = Service::new();
    let created = service.put(&url("contosoHub", "ContactToAccount"), VALID).await;
    assert_eq!(created.status, StatusCode::OK);
    let body = &created.body;
    assert_eq!(
        body["id"],
        format!(
            "/subscriptions/{SUBSCRIPTION}/resourceGroups/contoso-rg/providers/Microsoft.CustomerInsights/hubs/contosoHub/relationships/ContactToAccount"
        )
    );
    assert_eq!(body["name"], "contosoHub/ContactToAccount");
    assert_eq!(body["type"], "Microsoft.CustomerInsights/hubs/relationships");
    assert_eq!(body["properties"]["provisioningState"], "Succeeded");
    assert_eq!(body["properties"]["relationshipName"], "ContactToAccount");
    assert_eq!(body["properties"]["tenantId"], "contosoHub");
    assert!(validate_core::rules::format::is_uuid(body["properties"]["relationshipGuidId"].as_str().unwrap()));
    assert_eq!(body["properties"]["fields"][2]["enumValidValues"][0]["localizedValueNames"]["en-us"], "Gold");
    let read = service.get(&url("contosoHub", "ContactToAccount")).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.body, created.body);
}

#[tokio::test]
async fn names_match_ignoring_case_and_keep_the_creators_casing() {
    let service = Service::new();
    let created = service.put(&url("contosoHub", "ContactToAccount"), VALID).await;
    let other_case = url("CONTOSOHUB", "contacttoaccount")
        .replace("/subscriptions/", "/SUBSCRIPTIONS/")
        .replace("Microsoft.CustomerInsights", "microsoft.customerinsights");
    let updated = service.put(&other_case, &merged(json!({ "profileType": "Lead" }))).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
    assert_eq!(updated.body["name"], "contosoHub/ContactToAccount");
    assert_eq!(updated.body["properties"]["profileType"], "Lead");
    assert_eq!(updated.body["properties"]["relationshipGuidId"], created.body["properties"]["relationshipGuidId"]);
    assert_eq!(service.get(&other_case).await.body["properties"]["profileType"], "Lead");
}

#[tokio::test]
async fn the_body_of_a_get_can_be_put_back_unchanged() {
    let service = Service::new();
    let uri = url("hub1", "rel_1");
    let created = service.put(&uri, VALID).await;
    let again = service.put(&uri, &created.body.to_string()).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(again.body, created.body);
}

#[tokio::test]
async fn changed_read_only_values_are_refused_with_every_other_problem() {
    let service = Service::new();
    let uri = url("hub1", "rel_1");
    let created = service.put(&uri, VALID).await;
    let mut body = created.body.clone();
    body["name"] = json!("other/name");
    body["properties"]["relationshipGuidId"] = json!("00000000-0000-0000-0000-000000000000");
    body["properties"]["profileType"] = json!(" ");
    let refused = service.put(&uri, &body.to_string()).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.detail_pairs(),
        [
            ("ReadOnlyProperty".to_owned(), "name".to_owned()),
            ("EmptyValue".to_owned(), "properties.profileType".to_owned()),
            ("ReadOnlyProperty".to_owned(), "properties.relationshipGuidId".to_owned()),
        ]
    );
    assert_eq!(service.get(&uri).await.body, created.body, "a refused PUT changes nothing");
}

#[tokio::test]
async fn read_only_values_are_refused_on_create() {
    let service = Service::new();
    let body = json!({ "id": "x", "type": "t", "properties": {
        "displayName": { "en": "x" }, "profileType": "A", "relatedProfileType": "B",
        "provisioningState": "Succeeded", "tenantId": "hub1"
    }});
    let refused = service.put(&url("hub1", "rel_1"), &body.to_string()).await;
    let targets: Vec<String> =
        refused.detail_pairs().into_iter().map(|(code, target)| format!("{code} {target}")).collect();
    assert_eq!(
        targets,
        [
            "ReadOnlyProperty id",
            "ReadOnlyProperty type",
            "ReadOnlyProperty properties.provisioningState",
            "ReadOnlyProperty properties.tenantId"
        ]
    );
    assert_eq!(service.get(&url("hub1", "rel_1")).await.status, StatusCode::NOT_FOUND);
}

async fn url_error(service: &Service, uri: &str) -> (StatusCode, String, String) {
    let answer = service.put(uri, VALID).await;
    assert!(answer.body["error"]["details"].is_null(), "URL errors have no details");
    (answer.status, answer.code().to_owned(), answer.target().to_owned())
}

#[tokio::test]
async fn url_rows_of_the_contract() {
    let service = Service::new();
    let good = url("hub1", "rel_1");
    let cases = [
        (good.replace("?api-version=2017-04-26", ""), "MissingApiVersionParameter", "api-version"),
        (good.replace("2017-04-26", "2020-01-01"), "InvalidApiVersionParameter", "api-version"),
        (good.replace(SUBSCRIPTION, "not-a-guid"), "InvalidSubscriptionId", "subscriptionId"),
        (good.replace("contoso-rg", "rg."), "InvalidResourceGroupName", "resourceGroupName"),
        (good.replace("contoso-rg", "rg%20x"), "InvalidResourceGroupName", "resourceGroupName"),
        (good.replace("contoso-rg", &"r".repeat(91)), "InvalidResourceGroupName", "resourceGroupName"),
        (good.replace("contoso-rg", ""), "InvalidResourceGroupName", "resourceGroupName"),
        (good.replace("hubs/hub1", "hubs/1hub"), "InvalidResourceName", "hubName"),
        (good.replace("hubs/hub1", "hubs/h"), "InvalidResourceName", "hubName"),
        (good.replace("hubs/hub1", &format!("hubs/h{}", "x".repeat(64))), "InvalidResourceName", "hubName"),
        (good.replace("rel_1", "r"), "InvalidResourceName", "relationshipName"),
        (good.replace("rel_1", "rel-1"), "InvalidResourceName", "relationshipName"),
        (good.replace("rel_1", &format!("r{}", "x".repeat(512))), "InvalidResourceName", "relationshipName"),
    ];
    for (uri, code, target) in cases {
        assert_eq!(
            url_error(&service, &uri).await,
            (StatusCode::BAD_REQUEST, code.to_owned(), target.to_owned()),
            "{uri}"
        );
    }
    let unicode = good.replace("contoso-rg", "gr%C3%BCn(rg)_1.x");
    assert_eq!(service.put(&unicode, VALID).await.status, StatusCode::OK);
    assert_eq!(service.put(&good.replace("2017-04-26", "2017-01-01"), VALID).await.status, StatusCode::OK);
}

#[tokio::test]
async fn checks_come_in_the_contract_order() {
    let service = Service::new();
    let good = url("hub1", "rel_1");
    // Route before method, method before api-version.
    let answer = service.send(Request::delete("/nowhere").body(Body::empty()).unwrap()).await;
    assert_eq!((answer.status, answer.code()), (StatusCode::NOT_FOUND, "NotFound"));
    let answer =
        service.send(Request::delete(good.replace("?api-version=2017-04-26", "")).body(Body::empty()).unwrap()).await;
    assert_eq!((answer.status, answer.code()), (StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed"));
    assert_eq!(answer.headers["allow"], "GET, PUT");
    // api-version, then subscriptionId, resourceGroupName, hubName, relationshipName: the first alone.
    let all_bad = good
        .replace("2017-04-26", "1")
        .replace(SUBSCRIPTION, "x")
        .replace("contoso-rg", "rg.")
        .replace("hub1", "1")
        .replace("rel_1", "-");
    assert_eq!(url_error(&service, &all_bad).await.1, "InvalidApiVersionParameter");
    let no_version_issue = all_bad.replace("api-version=1", "api-version=2017-04-26");
    assert_eq!(url_error(&service, &no_version_issue).await.1, "InvalidSubscriptionId");
    assert_eq!(
        url_error(&service, &no_version_issue.replace("/x/", &format!("/{SUBSCRIPTION}/"))).await.1,
        "InvalidResourceGroupName"
    );
    // The URL before the content type, the content type before the size, the size before the syntax.
    let bad_hub = good.replace("hub1", "1");
    let request = Request::put(&bad_hub).header("content-type", "text/plain").body(Body::from("x")).unwrap();
    assert_eq!(service.send(request).await.code(), "InvalidResourceName");
    let small = Service::with_limit(8);
    let request = Request::put(&good).header("content-type", "text/plain").body(Body::from("not json at all")).unwrap();
    assert_eq!(small.send(request).await.code(), "UnsupportedMediaType");
    let request =
        Request::put(&good).header("content-type", "application/json").body(Body::from("not json at all")).unwrap();
    assert_eq!(small.send(request).await.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn content_type_and_size() {
    let service = Service::with_limit(2_000);
    let uri = url("hub1", "rel_1");
    for content_type in ["text/plain", "application/xml", "application/jsonp"] {
        let request = Request::put(&uri).header("content-type", content_type).body(Body::from(VALID)).unwrap();
        let answer = service.send(request).await;
        assert_eq!(
            (answer.status, answer.code()),
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType"),
            "{content_type}"
        );
    }
    let answer = service.send(Request::put(&uri).body(Body::from(VALID)).unwrap()).await;
    assert_eq!(answer.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "no content type");
    for content_type in ["application/json; charset=utf-8", "application/merge-patch+json"] {
        let request = Request::put(&uri).header("content-type", content_type).body(Body::from(VALID)).unwrap();
        assert_eq!(service.send(request).await.status, StatusCode::OK, "{content_type}");
    }
    let big = merged(json!({ "description": { "en-us": "x".repeat(3_000) } }));
    let answer = service.put(&uri, &big).await;
    assert_eq!((answer.status, answer.code()), (StatusCode::PAYLOAD_TOO_LARGE, "RequestBodyTooLarge"));
}

#[tokio::test]
async fn body_rows_of_the_contract() {
    let service = Service::new();
    let uri = url("hub1", "rel_1");
    let not_json = service.put(&uri, "{\"properties\":").await;
    assert_eq!((not_json.status, not_json.code()), (StatusCode::BAD_REQUEST, "InvalidRequestContent"));
    assert!(not_json.body["error"]["details"].is_null());
    assert!(not_json.body["error"]["message"].as_str().unwrap().contains("line 1 column 14"));
    assert!(service.put(&uri, "").await.body["error"]["details"].is_null());

    let shape = [
        (with_properties(json!([])), "InvalidPropertyType", "properties"),
        (merged(json!({ "profileType": 7 })), "InvalidPropertyType", "properties.profileType"),
        (merged(json!({ "cardinality": "OneToFew" })), "InvalidEnumValue", "properties.cardinality"),
        (merged(json!({ "colour": "red" })), "UnknownProperty", "properties.colour"),
        (
            with_properties(json!({ "displayName": { "en": "x" }, "profileType": "A" })),
            "MissingRequiredProperty",
            "properties.relatedProfileType",
        ),
        (
            r#"{"properties":{"displayName":{"en":"x","en":"y"},"profileType":"A","relatedProfileType":"B"}}"#
                .to_owned(),
            "DuplicateProperty",
            "properties.displayName['en']",
        ),
        ("[]".to_owned(), "InvalidPropertyType", ""),
    ];
    for (body, code, target) in shape {
        let answer = service.put(&uri, &body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer.code(), "InvalidRequestContent");
        assert_eq!(answer.detail_pairs(), [(code.to_owned(), target.to_owned())], "{body}");
    }
}

#[tokio::test]
async fn every_rule_of_the_relationship_through_the_router() {
    let service = Service::new();
    let uri = url("hub1", "rel_1");
    let field = |name: &str, kind: &str| json!({ "fieldName": name, "fieldType": kind });
    let cases = [
        (json!({ "displayName": {} }), "EmptyValue", "properties.displayName"),
        (json!({ "displayName": { "en us": "x" } }), "InvalidLocale", "properties.displayName['en us']"),
        (json!({ "displayName": { "en": " " } }), "EmptyValue", "properties.displayName['en']"),
        (json!({ "description": { "1x": "d" } }), "InvalidLocale", "properties.description['1x']"),
        (json!({ "expiryDateTimeUtc": "tomorrow" }), "InvalidFormat", "properties.expiryDateTimeUtc"),
        (
            json!({ "fields": [field("A", "Edm.String"), field("a", "Edm.String")] }),
            "DuplicateValue",
            "properties.fields[1].fieldName",
        ),
        (json!({ "fields": [field("", "Edm.String")] }), "EmptyValue", "properties.fields[0].fieldName"),
        (json!({ "fields": [field("A", "")] }), "EmptyValue", "properties.fields[0].fieldType"),
        (
            json!({ "fields": [{ "fieldName": "A", "fieldType": "T", "enumValidValues": [{ "localizedValueNames": {} }] }] }),
            "EmptyValue",
            "properties.fields[0].enumValidValues[0].localizedValueNames",
        ),
        (
            json!({ "fields": [{ "fieldName": "A", "fieldType": "T", "dataSourcePrecedenceRules": [] }] }),
            "ReadOnlyProperty",
            "properties.fields[0].dataSourcePrecedenceRules",
        ),
        (
            json!({ "lookupMappings": [{ "fieldMappings": [] }] }),
            "EmptyValue",
            "properties.lookupMappings[0].fieldMappings",
        ),
        (
            json!({ "lookupMappings": [{ "fieldMappings": [{ "profileFieldName": "", "relatedProfileKeyProperty": "Id" }] }] }),
            "EmptyValue",
            "properties.lookupMappings[0].fieldMappings[0].profileFieldName",
        ),
        (
            json!({ "lookupMappings": [{ "fieldMappings": [{ "profileFieldName": "A", "relatedProfileKeyProperty": " " }] }] }),
            "EmptyValue",
            "properties.lookupMappings[0].fieldMappings[0].relatedProfileKeyProperty",
        ),
        (json!({ "profileType": "" }), "EmptyValue", "properties.profileType"),
        (json!({ "relatedProfileType": "\t" }), "EmptyValue", "properties.relatedProfileType"),
        (json!({ "relationshipName": "rel_1" }), "ReadOnlyProperty", "properties.relationshipName"),
        (json!({ "relationshipGuidId": "g" }), "ReadOnlyProperty", "properties.relationshipGuidId"),
    ];
    for (extra, code, target) in cases {
        let answer = service.put(&uri, &merged(extra.clone())).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{extra}");
        assert_eq!(answer.detail_pairs(), [(code.to_owned(), target.to_owned())], "{extra}");
    }
    let ok = service.put(&uri, &merged(json!({ "cardinality": "ManyToMany", "maxLength": null }))).await;
    assert_eq!(ok.status, StatusCode::BAD_REQUEST, "maxLength is not a property of the definition");
    let ok = service
        .put(&uri, &merged(json!({ "cardinality": "ManyToMany", "expiryDateTimeUtc": "2027-01-01T00:00:00+01:00" })))
        .await;
    assert_eq!(ok.status, StatusCode::OK);
}

#[tokio::test]
async fn not_found_rows() {
    let service = Service::new();
    let answer = service.get(&url("hub1", "nothing")).await;
    assert_eq!((answer.status, answer.code()), (StatusCode::NOT_FOUND, "ResourceNotFound"));
    assert_eq!(
        answer.body["error"]["message"],
        "The Resource 'Microsoft.CustomerInsights/hubs/hub1/relationships/nothing' under resource group 'contoso-rg' was not found."
    );
    for path in ["/", "/subscriptions", "/providers/Microsoft.CustomerInsights/hubs"] {
        let answer = service.get(path).await;
        assert_eq!((answer.status, answer.code()), (StatusCode::NOT_FOUND, "NotFound"), "{path}");
    }
    let answer = service.send(Request::post(url("hub1", "x")).body(Body::empty()).unwrap()).await;
    assert_eq!(answer.code(), "MethodNotAllowed");
}

#[tokio::test]
async fn client_request_ids_are_echoed_on_request() {
    let service = Service::new();
    let ask = |value: &str| {
        Request::get(url("hub1", "x"))
            .header("x-ms-client-request-id", "client-42")
            .header("x-ms-return-client-request-id", value)
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(service.send(ask("true")).await.headers["x-ms-client-request-id"], "client-42");
    assert_eq!(service.send(ask("True")).await.headers["x-ms-client-request-id"], "client-42");
    assert!(!service.send(ask("false")).await.headers.contains_key("x-ms-client-request-id"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_creates_keep_one_guid() {
    let service = Arc::new(Service::new());
    let uri = url("hub1", "rel_1");
    let tasks: Vec<_> = (0..32)
        .map(|_| {
            let service = Arc::clone(&service);
            let uri = uri.clone();
            tokio::spawn(async move { service.put(&uri, VALID).await.body["properties"]["relationshipGuidId"].clone() })
        })
        .collect();
    let mut guids = Vec::new();
    for task in tasks {
        guids.push(task.await.unwrap());
    }
    guids.dedup();
    assert_eq!(guids.len(), 1, "{guids:?}");
}

#[tokio::test]
async fn the_request_line_and_headers_have_limits_answered_in_arm() {
    let limits = Limits { max_url_bytes: 400, max_header_bytes: 300, ..Limits::default() };
    let service = Service { app: router_with(Arc::new(MemoryStore::default()), limits) };
    let uri = url("hub1", "rel_1");
    assert_eq!(service.put(&uri, VALID).await.status, StatusCode::OK, "under both limits");
    let long = format!("{uri}&pad={}", "x".repeat(400));
    let answer = service.put(&long, VALID).await;
    assert_eq!((answer.status, answer.code()), (StatusCode::URI_TOO_LONG, "RequestUriTooLong"));
    assert_eq!(answer.body["error"]["message"], "The request URL is longer than the 400 bytes this service accepts.");
    let request = Request::put(&uri)
        .header("content-type", "application/json")
        .header("x-padding", "y".repeat(300))
        .body(Body::from(VALID))
        .unwrap();
    let answer = service.send(request).await;
    assert_eq!(
        (answer.status, answer.code()),
        (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "RequestHeaderFieldsTooLarge")
    );
    assert_eq!(
        answer.body["error"]["message"],
        "The request headers are larger than the 300 bytes this service accepts."
    );
    // Before the route: a long URL that matches nothing is still 414.
    let answer = service.get(&format!("/nowhere?{}", "x".repeat(400))).await;
    assert_eq!(answer.status, StatusCode::URI_TOO_LONG);
}

#[tokio::test]
async fn a_repeated_api_version_is_refused() {
    let service = Service::new();
    for query in ["api-version=2017-04-26&api-version=2017-04-26", "api-version=2017-04-26&API-VERSION=2017-01-01"] {
        let uri = url("hub1", "rel_1").replace("api-version=2017-04-26", query);
        let (status, code, target) = url_error(&service, &uri).await;
        assert_eq!(
            (status, code.as_str(), target.as_str()),
            (StatusCode::BAD_REQUEST, "InvalidApiVersionParameter", "api-version"),
            "{query}"
        );
        let answer = service.put(&uri, VALID).await;
        assert_eq!(answer.body["error"]["message"], "The api-version query parameter must be given once.");
    }
}

#[tokio::test]
async fn a_body_slower_than_the_timeout_gets_408() {
    let limits = Limits { body_timeout: Duration::from_millis(200), ..Limits::default() };
    let service = Service { app: router_with(Arc::new(MemoryStore::default()), limits) };
    // Two bytes, then nothing: the body never ends.
    let stalled = stalled_after(b"{\"");
    let request = Request::put(url("hub1", "rel_1")).header("content-type", "application/json").body(stalled).unwrap();
    let answer = service.send(request).await;
    assert_eq!((answer.status, answer.code()), (StatusCode::REQUEST_TIMEOUT, "RequestTimeout"));
    assert_eq!(answer.body["error"]["message"], "The request body did not arrive in time.");
    // An early answer does not wait longer than the timeout for the body it drops.
    let stalled = stalled_after(b"{\"");
    let started = std::time::Instant::now();
    let sent =
        tokio::time::timeout(Duration::from_secs(5), service.send(Request::put("/nowhere").body(stalled).unwrap()));
    let answer = sent.await.expect("the early answer waited 5 s for a body whose timeout is 200 ms");
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    // It dropped what came until the body timeout, then answered.
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(150) && waited < Duration::from_secs(2), "{waited:?}");
}

/// A body that yields `first`, then never ends.
fn stalled_after(first: &'static [u8]) -> Body {
    Body::new(Stalled { first: Some(axum::body::Bytes::from_static(first)) })
}

/// A body whose client sent `first` and then stopped sending, without closing.
struct Stalled {
    first: Option<axum::body::Bytes>,
}

impl http_body::Body for Stalled {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        match self.first.take() {
            Some(first) => std::task::Poll::Ready(Some(Ok(http_body::Frame::data(first)))),
            None => std::task::Poll::Pending,
        }
    }
}

/// A store whose reads lag behind its writes: what a `PUT` read outside the lock sees when a
/// concurrent `PUT` changed the relationship in between.
#[derive(Default)]
struct Lagging {
    inner: MemoryStore,
    seen: std::sync::Mutex<Option<Arc<customer_insights::model::RelationshipResourceFormat>>>,
}

impl RelationshipStore for Lagging {
    fn get(&self, _: &RelationshipKey) -> Option<Arc<customer_insights::model::RelationshipResourceFormat>> {
        self.seen.lock().unwrap().clone()
    }

    fn upsert<E>(
        &self,
        key: RelationshipKey,
        update: impl FnOnce(
            Option<&Arc<customer_insights::model::RelationshipResourceFormat>>,
        ) -> Result<customer_insights::model::RelationshipResourceFormat, E>,
    ) -> Result<Arc<customer_insights::model::RelationshipResourceFormat>, E> {
        self.inner.upsert(key, update)
    }
}

#[tokio::test]
async fn read_only_values_are_judged_against_what_the_put_replaces() {
    let store = Arc::new(Lagging::default());
    let service = Service { app: router(Arc::clone(&store), 1 << 20) };
    let uri = url("hub1", "rel_1");
    let created = service.put(&uri, VALID).await;
    assert_eq!(created.status, StatusCode::OK);
    // The read sees an older relationship with another GUID, as if a concurrent PUT had replaced it.
    let mut older: customer_insights::model::RelationshipResourceFormat =
        serde_json::from_value(created.body.clone()).unwrap();
    older.properties.relationship_guid_id = Some("00000000-0000-0000-0000-000000000000".into());
    *store.seen.lock().unwrap() = Some(Arc::new(older.clone()));
    // Sent back with the older GUID: it reads against the older one, but the PUT replaces the newer.
    let body = serde_json::to_string(&older).unwrap();
    let refused = service.put(&uri, &body).await;
    assert_eq!(refused.detail_pairs(), [("ReadOnlyProperty".to_owned(), "properties.relationshipGuidId".to_owned())]);
    // When the read sees what the store holds, the same body is accepted.
    let current: customer_insights::model::RelationshipResourceFormat =
        serde_json::from_value(created.body.clone()).unwrap();
    *store.seen.lock().unwrap() = Some(Arc::new(current));
    let accepted = service.put(&uri, &created.body.to_string()).await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
}

/// The README's defaults, at their edges: a request target of 8 KiB is read and one byte more is
/// 414; headers of 32 KiB (names and values) are read and one byte more is 431.
#[tokio::test]
async fn the_default_limits_hold_to_the_byte() {
    let limits = Limits::default();
    assert_eq!((limits.max_url_bytes, limits.max_header_bytes), (8 * 1024, 32 * 1024));
    assert_eq!((limits.max_body_bytes, limits.body_timeout), (1 << 20, Duration::from_secs(30)));
    let service = Service::new();
    let uri = url("hub1", "rel_1");
    let padded = |target: usize| format!("{uri}&pad={}", "x".repeat(target - uri.len() - "&pad=".len()));
    assert_eq!(service.put(&padded(8 * 1024), VALID).await.status, StatusCode::OK);
    assert_eq!(service.put(&padded(8 * 1024 + 1), VALID).await.code(), "RequestUriTooLong");
    // `content-type: application/json` is 28 bytes, `x-padding` 9 of the rest.
    let with_headers = |bytes: usize| {
        let padding = "y".repeat(bytes - 28 - 9);
        let request = Request::put(&uri).header("content-type", "application/json").header("x-padding", padding);
        request.body(Body::from(VALID)).unwrap()
    };
    assert_eq!(service.send(with_headers(32 * 1024)).await.status, StatusCode::OK);
    assert_eq!(service.send(with_headers(32 * 1024 + 1)).await.code(), "RequestHeaderFieldsTooLarge");
}
