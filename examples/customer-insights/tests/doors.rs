//! One door: a `PUT` to a new name and `customer-insights check` answer every body with the same
//! bytes (the service reads with `from_json_with` and nothing stored, as `check` does), over the
//! examples' corpus and every mutation of its valid bodies; in German and Japanese too
//! (`Accept-Language` and `check --lang`), with and without `additionalInfo`, over a part of them.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use customer_insights::service::{Limits, router, router_with_languages};
use customer_insights::store::MemoryStore;
use customer_insights::{check, locales};
use http_body_util::BodyExt as _;
use serde_json::{Value, json};
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
    let mut bodies: Vec<Vec<u8>> = [
        // The README's seven problems.
        &br#"{"properties":{"cardinality":"OneToFew","displayName":{"en us":"x"},"profileType":"","fields":[{"fieldName":7}],"colour":"red"}}"#[..],
        br#"{"properties":{"profileType":"A"},"properties":{"displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B"}}"#,
        br#"{"id":"x","properties":{"displayName":{"en":"x"},"profileType":"A","relatedProfileType":"B","tenantId":"t"}}"#,
        b"",
        b"{\"properties\":",
        b"[]",
        b"null",
        b"\xff",
    ]
    .iter()
    .map(|body| body.to_vec())
    .collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    files.sort();
    bodies.extend(
        files
            .iter()
            .filter(|file| file.extension().is_some_and(|ext| ext == "json"))
            .map(|file| std::fs::read(file).unwrap()),
    );
    for valid in ["full-valid.json", "official-example.json"] {
        let valid: Value = serde_json::from_slice(&std::fs::read(dir.join(valid)).unwrap()).unwrap();
        bodies.extend(mutations(&valid));
    }
    bodies
}

/// Every mutation of `valid`: each member and item removed, given each JSON type, given `null`,
/// and repeated.
fn mutations(valid: &Value) -> Vec<Vec<u8>> {
    let mut bodies = Vec::new();
    let replacements = [
        json!(null),
        json!(7),
        json!(-1.5),
        json!(""),
        json!(" "),
        json!(true),
        json!([]),
        json!({}),
        json!(["x"]),
        json!({"x": "y"}),
    ];
    for path in paths(valid, &mut Vec::new()) {
        bodies.push(serde_json::to_vec(&removed(valid, &path)).unwrap());
        for replacement in &replacements {
            bodies.push(serde_json::to_vec(&replaced(valid, &path, replacement.clone())).unwrap());
        }
        bodies.push(repeated(valid, &path).into_bytes());
    }
    bodies
}

/// One step into a JSON value.
#[derive(Clone)]
enum Step {
    Member(String),
    Item(usize),
}

/// The path of every member and item below `value`.
fn paths(value: &Value, at: &mut Vec<Step>) -> Vec<Vec<Step>> {
    let children: Vec<(Step, &Value)> = match value {
        Value::Object(members) => members.iter().map(|(key, value)| (Step::Member(key.clone()), value)).collect(),
        Value::Array(items) => items.iter().enumerate().map(|(i, item)| (Step::Item(i), item)).collect(),
        _ => Vec::new(),
    };
    let mut found = Vec::new();
    for (step, child) in children {
        at.push(step);
        found.push(at.clone());
        found.extend(paths(child, at));
        at.pop();
    }
    found
}

/// The parent of the place `path` names, and its last step.
fn parent<'v>(value: &'v mut Value, path: &[Step]) -> (&'v mut Value, Step) {
    let (last, parents) = path.split_last().unwrap();
    let mut here = value;
    for step in parents {
        here = match step {
            Step::Member(key) => &mut here[key.as_str()],
            Step::Item(i) => &mut here[*i],
        };
    }
    (here, last.clone())
}

fn removed(valid: &Value, path: &[Step]) -> Value {
    let mut value = valid.clone();
    match parent(&mut value, path) {
        (Value::Object(members), Step::Member(key)) => drop(members.remove(&key)),
        (Value::Array(items), Step::Item(i)) => drop(items.remove(i)),
        _ => unreachable!("a path names a member or an item"),
    }
    value
}

fn replaced(valid: &Value, path: &[Step], replacement: Value) -> Value {
    let mut value = valid.clone();
    match parent(&mut value, path) {
        (parent, Step::Member(key)) => parent[key.as_str()] = replacement,
        (parent, Step::Item(i)) => parent[i] = replacement,
    }
    value
}

/// The body with the member at `path` (or the member an item is in) given twice, its first copy
/// `null`.
fn repeated(valid: &Value, path: &[Step]) -> String {
    let Some(depth) = path.iter().rposition(|step| matches!(step, Step::Member(_))) else {
        return valid.to_string();
    };
    let Step::Member(key) = &path[depth] else { unreachable!("found as a member") };
    let sentinel = "\u{1}repeat\u{1}";
    let mut marked = valid.clone();
    let (object, _) = parent(&mut marked, &path[..=depth]);
    let original = object[key.as_str()].to_string();
    object[key.as_str()] = json!(sentinel);
    let name = serde_json::to_string(key).unwrap();
    let placeholder = format!("{name}:{}", serde_json::to_string(sentinel).unwrap());
    marked.to_string().replacen(&placeholder, &format!("{name}:null,{name}:{original}"), 1)
}

#[tokio::test]
async fn put_to_a_new_name_and_check_answer_the_same_bytes() {
    let app = router(Arc::new(MemoryStore::default()), 1 << 20);
    let bodies = corpus();
    assert!(bodies.len() > 500, "every mutation is made: {} bodies", bodies.len());
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
