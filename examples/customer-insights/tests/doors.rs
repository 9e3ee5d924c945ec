//! One door: a `PUT` to a new name and `customer-insights check` answer every body with the same
//! bytes (the service reads with `from_json_with` and nothing stored, as `check` does), over the
//! examples' corpus and every mutation of its valid bodies; in German and Japanese too
//! (`Accept-Language` and `check --lang`), with and without `additionalInfo`, over a part of them.

mod bodies;

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use customer_insights::service::{Limits, router, router_with_languages};
use customer_insights::store::MemoryStore;
use customer_insights::{check, locales};
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;

const URL: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/contoso-rg/providers/Microsoft.CustomerInsights/hubs/hub1/relationships";

/// The status and the bytes of the answer to `body` PUT to the new name `name`.
async fn put(app: &axum::Router, name: &str, body: &[u8]) -> (StatusCode, Vec<u8>) {
    put_in(app, name, body, None).await
}

/// [`put`] with `Accept-Language: lang`.
async fn put_in(app: &axum::Router, name: &str, body: &[u8], lang: Option<&str>) -> (StatusCode, Vec<u8>) {
    let mut request = Request::put(format!("{URL}/{name}?api-version=2017-04-26"))
        .header("content-type", "application/json")
        .body(Body::from(body.to_vec()))
        .unwrap();
    if let Some(lang) = lang {
        request.headers_mut().insert("accept-language", lang.parse().unwrap());
    }
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    (status, response.into_body().collect().await.unwrap().to_bytes().to_vec())
}

/// What `customer-insights check` with `args` prints for `body` on its standard input.
fn run_check(args: &[&str], body: &[u8]) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_customer-insights"))
        .arg("check")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(body).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    output.stdout
}

/// The examples' corpus, a few bodies written here, and every mutation of its two valid bodies.
fn corpus() -> Vec<Vec<u8>> {
    bodies::labelled().into_iter().map(|(_, body)| body).collect()
}

#[tokio::test]
async fn put_to_a_new_name_and_check_answer_the_same_bytes() {
    let app = router(Arc::new(MemoryStore::default()), 1 << 20);
    let bodies = corpus();
    // The README's count: a change to the corpus or its mutations changes it there too.
    assert_eq!(bodies.len(), 528, "every mutation is made");
    let mut refused = 0;
    for (i, body) in bodies.iter().enumerate() {
        let (status, answer) = put(&app, &format!("rel_{i}"), body).await;
        match check::answer(body) {
            Ok(()) => assert_eq!(status, StatusCode::OK, "check accepts body {i}, PUT refuses it"),
            Err(error) => {
                assert_eq!(status, StatusCode::BAD_REQUEST, "body {i}");
                // What `customer-insights check` prints, byte for byte.
                let printed = check::check(body).output;
                assert_eq!(printed.as_bytes(), serde_json::to_vec(&validate_core::ErrorResponse::from(error)).unwrap());
                assert_eq!(
                    String::from_utf8_lossy(&answer),
                    printed,
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
async fn put_in_a_language_and_check_in_that_language_print_the_same_bytes() {
    let plain = router(Arc::new(MemoryStore::default()), 1 << 20);
    let languages = locales::languages().with_additional_info(true);
    let with_info = router_with_languages(Arc::new(MemoryStore::default()), Limits::default(), languages);
    let bodies = corpus();
    // The handwritten bodies and the corpus files, then every 11th mutation: about 60 bodies, each
    // through the binary, and every fourth of them with `additionalInfo` too.
    let chosen: Vec<(usize, &Vec<u8>)> = bodies.iter().enumerate().filter(|(i, _)| *i < 12 || i % 11 == 0).collect();
    assert!(chosen.len() >= 50, "{} bodies", chosen.len());
    for lang in ["de", "ja"] {
        let mut refused = 0;
        for (n, (i, body)) in chosen.iter().enumerate() {
            let info = n % 4 == 0;
            let runs: &[(&axum::Router, &[&str])] = if info {
                &[(&plain, &["--lang", lang]), (&with_info, &["--lang", lang, "--additional-info"])]
            } else {
                &[(&plain, &["--lang", lang])]
            };
            for (k, (app, args)) in runs.iter().enumerate() {
                let (status, answer) = put_in(app, &format!("rel_{lang}_{i}_{k}"), body, Some(lang)).await;
                let printed = run_check(args, body);
                if status == StatusCode::OK {
                    assert_eq!(printed, b"valid\n", "body {i}: PUT accepts it, check {args:?} does not");
                    continue;
                }
                assert_eq!(status, StatusCode::BAD_REQUEST, "body {i}");
                assert_eq!(
                    String::from_utf8_lossy(&printed),
                    format!("{}\n", String::from_utf8_lossy(&answer)),
                    "body {i}, check {args:?}: {}",
                    String::from_utf8_lossy(&body[..body.len().min(300)])
                );
                refused += 1;
            }
        }
        assert!(refused > chosen.len() / 2, "{lang}: most of the bodies chosen are invalid: {refused}");
    }
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
