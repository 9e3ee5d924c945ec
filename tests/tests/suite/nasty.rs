//! A fixed corpus of nasty inputs, each with its exact answer, through `from_json` and through
//! the service's router.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use customer_insights::model::{RelationshipResourceFormat, Stored};
use customer_insights::store::MemoryStore;
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;
use validate_core::{ErrorResponse, from_json_with};
use validate_tests::assert_well_formed;

/// The model read as `customer-insights check` and a `PUT` to a new name read it.
fn from_json_new(body: &[u8]) -> Result<RelationshipResourceFormat, ErrorResponse> {
    from_json_with(body, &Stored::NEW).map_err(ErrorResponse::from)
}

const BASE: &str = r#""displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B""#;
const URL: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/hub1/relationships/rel_1?api-version=2017-04-26";

fn with_properties(members: &str) -> Vec<u8> {
    format!(r#"{{"properties":{{{members}}}}}"#).into_bytes()
}

fn nested_fields(total_depth: usize) -> Vec<u8> {
    let depth = total_depth - 2;
    with_properties(&format!("{BASE},\"fields\":{}{}", "[".repeat(depth), "]".repeat(depth)))
}

/// What a nasty input must give: not JSON, or exactly these `(code, target)` details.
enum Expect {
    NotJson(&'static str),
    Details(Vec<(&'static str, String)>),
    /// This many details, and this top-level message.
    Count(usize, &'static str),
}

fn corpus() -> Vec<(&'static str, Vec<u8>, Expect)> {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(with_properties(BASE));
    let many_fields: Vec<String> = (0..150).map(|i| format!(r#"{{"fieldName":"F{i}","fieldType":""}}"#)).collect();
    let repeated_keys = format!(
        r#""displayName":{{{}}},"profileType":"A","relatedProfileType":"B""#,
        vec![r#""en":"a""#; 10_000].join(",")
    );
    let repeated_members = format!("{BASE},{}", vec![r#""profileType":"A""#; 10_000].join(","));
    let huge_key = "k".repeat(1_000_000);
    vec![
        (
            "nesting 127 deep",
            nested_fields(127),
            Expect::Details(vec![("InvalidPropertyType", "properties.fields[0]".into())]),
        ),
        ("nesting 128 deep", nested_fields(128), Expect::NotJson("recursion limit exceeded")),
        ("nesting 129 deep", nested_fields(129), Expect::NotJson("recursion limit exceeded")),
        ("a byte-order mark", bom, Expect::NotJson("expected value at line 1 column 1")),
        (
            "a lone surrogate",
            with_properties(r#""displayName":{"en-us":"\ud800"},"profileType":"A","relatedProfileType":"B""#),
            Expect::NotJson("hex escape"),
        ),
        (
            "1e400",
            with_properties(&format!("{BASE},\"expiryDateTimeUtc\":1e400")),
            Expect::NotJson("number out of range"),
        ),
        (
            "-0 for an integer",
            with_properties(&format!(
                "{BASE},\"fields\":[{{\"fieldName\":\"a\",\"fieldType\":\"b\",\"maxLength\":-0}}]"
            )),
            Expect::Details(vec![("InvalidPropertyType", "properties.fields[0].maxLength".into())]),
        ),
        // Issue 13: an integer outside the type is out of its range, beyond 64 bits too; an
        // exponent is a number of the wrong type however large.
        (
            "2^64 for an integer",
            with_properties(&format!(
                "{BASE},\"fields\":[{{\"fieldName\":\"a\",\"fieldType\":\"b\",\"maxLength\":18446744073709551616}}]"
            )),
            Expect::Details(vec![("ValueOutOfRange", "properties.fields[0].maxLength".into())]),
        ),
        (
            "-2^63-1 for an integer",
            with_properties(&format!(
                "{BASE},\"fields\":[{{\"fieldName\":\"a\",\"fieldType\":\"b\",\"maxLength\":-9223372036854775809}}]"
            )),
            Expect::Details(vec![("ValueOutOfRange", "properties.fields[0].maxLength".into())]),
        ),
        (
            "1e20 for an integer",
            with_properties(&format!(
                "{BASE},\"fields\":[{{\"fieldName\":\"a\",\"fieldType\":\"b\",\"maxLength\":1e20}}]"
            )),
            Expect::Details(vec![("InvalidPropertyType", "properties.fields[0].maxLength".into())]),
        ),
        (
            "a raw NUL byte in a string",
            with_properties(
                "\"displayName\":{\"en-us\":\"x\"},\"profileType\":\"A\u{0}\",\"relatedProfileType\":\"B\"",
            ),
            Expect::NotJson("control character"),
        ),
        (
            "escaped NUL and U+202E in an echoed value",
            with_properties(&format!("{BASE},\"cardinality\":\"x\\u0000\\u202e\"")),
            Expect::Details(vec![("InvalidEnumValue", "properties.cardinality".into())]),
        ),
        (
            "a key of 1 000 000 bytes",
            with_properties(&format!("{BASE},\"{huge_key}\":1")),
            Expect::Details(vec![(
                "UnknownProperty",
                format!("properties.{}…", "k".repeat(512 - "properties.".len() - 1)),
            )]),
        ),
        (
            "10 000 repeated map keys",
            with_properties(&repeated_keys),
            Expect::Details(vec![("DuplicateProperty", "properties.displayName['en']".into())]),
        ),
        (
            "10 000 repeated members",
            with_properties(&repeated_members),
            Expect::Details(vec![("DuplicateProperty", "properties.profileType".into())]),
        ),
        (
            "150 invalid fields",
            with_properties(&format!("{BASE},\"fields\":[{}]", many_fields.join(","))),
            Expect::Count(
                100,
                "The request content was invalid: 150 errors were found; the first 100 are listed and 50 are left out.",
            ),
        ),
    ]
}

fn check(name: &str, error: &ErrorResponse, expect: &Expect) {
    assert_well_formed(error);
    assert_eq!(error.error.code, "InvalidRequestContent", "{name}");
    match expect {
        Expect::NotJson(fragment) => {
            assert!(error.error.details.is_empty(), "{name}: {error:?}");
            assert!(error.error.message.starts_with("The request content is not valid JSON: "), "{name}");
            assert!(error.error.message.contains(fragment), "{name}: {}", error.error.message);
        }
        Expect::Details(expected) => {
            let found: Vec<(&str, String)> =
                error.error.details.iter().map(|d| (d.code.as_str(), d.target.clone().unwrap_or_default())).collect();
            assert_eq!(&found, expected, "{name}");
        }
        Expect::Count(count, message) => {
            assert_eq!(error.error.details.len(), *count, "{name}");
            assert_eq!(error.error.message, *message, "{name}");
        }
    }
}

#[test]
fn every_nasty_input_through_from_json() {
    for (name, body, expect) in corpus() {
        match from_json_new(&body) {
            Ok(_) => panic!("{name}: accepted"),
            Err(error) => check(name, &error, &expect),
        }
    }
}

#[test]
fn echoed_invisible_characters_are_escaped() {
    let body = with_properties(&format!("{BASE},\"cardinality\":\"x\\u0000\\u202e\""));
    let error = from_json_new(&body).unwrap_err();
    assert!(error.error.details[0].message.starts_with(r"The value 'x\u{0}\u{202e}' is not one of"));
}

#[tokio::test]
async fn every_nasty_input_through_the_service() {
    let app = customer_insights::service::router(Arc::new(MemoryStore::default()), 16 * 1024 * 1024);
    for (name, body, expect) in corpus() {
        let request = Request::put(URL).header("content-type", "application/json").body(Body::from(body)).unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{name}");
        assert_eq!(response.headers()["x-ms-error-code"], "InvalidRequestContent", "{name}");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        assert!(
            bytes.len() < 64 * 1024,
            "{name}: the answer never echoes the attacker's megabytes ({} bytes)",
            bytes.len()
        );
        check(name, &serde_json::from_slice(&bytes).unwrap(), &expect);
    }
}
