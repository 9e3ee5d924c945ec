//! One door: a `PUT` to a new name and `customer-insights check` answer every body with the same
//! bytes (the service reads with `from_json_with` and nothing stored, as `check` does).

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use customer_insights::check;
use customer_insights::service::router;
use customer_insights::store::MemoryStore;
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;

const URL: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/contoso-rg/providers/Microsoft.CustomerInsights/hubs/hub1/relationships";

/// The status and the bytes of the answer to `body` PUT to the new name `name`.
async fn put(app: &axum::Router, name: &str, body: &[u8]) -> (StatusCode, Vec<u8>) {
    let request = Request::put(format!("{URL}/{name}?api-version=2017-04-26"))
        .header("content-type", "application/json")
        .body(Body::from(body.to_vec()))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    (status, response.into_body().collect().await.unwrap().to_bytes().to_vec())
}

/// Every body of the fuzz corpus and of the examples' corpus, and a few written here.
fn corpus() -> Vec<Vec<u8>> {
    let mut bodies: Vec<Vec<u8>> = [
        // The README's seven problems.
        &br#"{"properties":{"cardinality":"OneToFew","displayName":{"en us":"x"},"profileType":"","fields":[{"fieldName":7}],"colour":"red"}}"#[..],
        br#"{"properties":{"displayName":{"en-us":"x"},"profileType":null,"relatedProfileType":"B"}}"#,
        br#"{"properties":{"profileType":"A"},"properties":{"displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B"}}"#,
        br#"{"id":"x","properties":{"displayName":{"en":"x"},"profileType":"A","relatedProfileType":"B","tenantId":"t"}}"#,
        b"",
        b"{\"properties\":",
        b"[]",
        b"\xff",
    ]
    .iter()
    .map(|body| body.to_vec())
    .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [root.join("corpus"), root.join("../../fuzz/corpus/from_json")] {
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().path()).collect();
        files.sort();
        bodies.extend(
            files
                .iter()
                .filter(|file| file.extension().is_none_or(|ext| ext == "json"))
                .map(|file| std::fs::read(file).unwrap()),
        );
    }
    bodies
}

#[tokio::test]
async fn put_to_a_new_name_and_check_answer_the_same_bytes() {
    let app = router(Arc::new(MemoryStore::default()), 1 << 20);
    let bodies = corpus();
    assert!(bodies.len() > 1000, "the fuzz corpus is read: {} bodies", bodies.len());
    let mut refused = 0;
    for (i, body) in bodies.iter().enumerate() {
        let (status, answer) = put(&app, &format!("rel_{i}"), body).await;
        match check::answer(body) {
            Ok(()) => assert_eq!(status, StatusCode::OK, "check accepts body {i}, PUT refuses it"),
            Err(error) => {
                assert_eq!(status, StatusCode::BAD_REQUEST, "body {i}");
                let expected = serde_json::to_vec(&error).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&answer),
                    String::from_utf8_lossy(&expected),
                    "body {i}: {}",
                    String::from_utf8_lossy(&body[..body.len().min(300)])
                );
                refused += 1;
            }
        }
    }
    assert!(refused > bodies.len() / 2, "most of the corpus is invalid: {refused} of {}", bodies.len());
}

#[tokio::test]
async fn the_readme_body_gets_its_seven_details_through_put() {
    let app = router(Arc::new(MemoryStore::default()), 1 << 20);
    let body = br#"{"properties":{"cardinality":"OneToFew","displayName":{"en us":"x"},"profileType":"","fields":[{"fieldName":7}],"colour":"red"}}"#;
    let (status, answer) = put(&app, "rel_1", body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    let found: Vec<String> = answer["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|detail| format!("{} {}", detail["code"].as_str().unwrap(), detail["target"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            "InvalidEnumValue properties.cardinality",
            "InvalidLocale properties.displayName['en us']",
            "InvalidPropertyType properties.fields[0].fieldName",
            "MissingRequiredProperty properties.fields[0].fieldType",
            "EmptyValue properties.profileType",
            "MissingRequiredProperty properties.relatedProfileType",
            "UnknownProperty properties.colour",
        ]
    );
}
