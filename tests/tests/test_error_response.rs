//! The ARM payload: field names, omissions, the detail cap, and reading foreign payloads.

use validate_core::{AdditionalInfo, ErrorDetail, ErrorResponse, Path, RuleError, Validate, Violation, Violations};

#[derive(Validate)]
struct Hub {
    #[validate(non_empty)]
    name: String,
}

#[derive(Validate)]
#[validate(check(whole))]
struct Whole;

fn whole(_: &Whole) -> Result<(), RuleError> {
    Err(RuleError::invalid("The body is wrong as a whole."))
}

#[test]
fn violations_become_invalid_request_content_with_one_detail_each() {
    let response = ErrorResponse::from(Hub { name: String::new() }.validate().unwrap_err());
    assert_eq!(response.code(), "InvalidRequestContent");
    let json = serde_json::to_value(&response).unwrap();
    assert_eq!(
        json,
        serde_json::json!({ "error": {
            "code": "InvalidRequestContent",
            "message": "The request content was invalid: 1 error was found.",
            "details": [ { "code": "EmptyValue", "target": "name", "message": "The value must not be empty or white space." } ]
        }})
    );
}

#[test]
fn a_whole_body_violation_has_no_target() {
    let response = ErrorResponse::from(Whole.validate().unwrap_err());
    let text = serde_json::to_string(&response).unwrap();
    assert!(!text.contains("target"), "{text}");
    assert!(!text.contains("null"), "{text}");
    assert_eq!(response.error.details[0].target, None);
}

#[test]
fn no_empty_fields_are_written() {
    let text = serde_json::to_string(&ErrorResponse::new("NotFound", "No such route.")).unwrap();
    assert_eq!(text, r#"{"error":{"code":"NotFound","message":"No such route."}}"#);
}

#[test]
fn at_most_one_hundred_details_and_the_count_of_the_rest() {
    let mut violations = Violations::new();
    for i in 0..150 {
        violations.record(&Path::root().index(i), Err(RuleError::invalid("Bad.")));
    }
    let response = ErrorResponse::from(violations);
    assert_eq!(response.error.details.len(), 100);
    assert_eq!(response.error.details[99].target.as_deref(), Some("[99]"));
    assert_eq!(
        response.error.message,
        "The request content was invalid: 150 errors were found; the first 100 are listed and 50 are left out."
    );
    let exactly = (0..100).map(|i| ErrorDetail::new("X", "y").with_target(format!("[{i}]"))).collect();
    assert_eq!(
        ErrorResponse::invalid_content(exactly).error.message,
        "The request content was invalid: 100 errors were found."
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let make = || {
        let names: std::collections::HashMap<String, String> =
            (0..50).map(|i| (format!("k{i} x"), String::new())).collect();
        let violations = Tagged { names }.validate().unwrap_err();
        serde_json::to_vec(&ErrorResponse::from(violations)).unwrap()
    };
    let first = make();
    for _ in 0..10 {
        assert_eq!(make(), first);
    }
}

#[derive(Validate)]
struct Tagged {
    #[validate(localized)]
    names: std::collections::HashMap<String, String>,
}

#[test]
fn reading_back_tolerates_unknown_fields_and_keeps_known_ones() {
    let text = r#"{"error":{"code":"BadRequest","message":"m","target":"t","innererror":{"trace":[1,2]},
        "details":[{"code":"A","message":"a","extra":true}],
        "additionalInfo":[{"type":"PolicyViolation","info":{"policy":"p"}}]}}"#;
    let response: ErrorResponse = serde_json::from_str(text).unwrap();
    assert_eq!(response.error.target.as_deref(), Some("t"));
    assert_eq!(response.error.details[0].code, "A");
    assert_eq!(
        response.error.additional_info,
        [AdditionalInfo { kind: "PolicyViolation".into(), info: serde_json::json!({ "policy": "p" }) }]
    );
    let again: ErrorResponse = serde_json::from_str(&serde_json::to_string(&response).unwrap()).unwrap();
    assert_eq!(again, response);
}

#[test]
fn violations_display_one_line_each_and_are_errors() {
    let mut violations = Violations::new();
    violations.push(Violation::new("a.b", "X", "First."));
    violations.push(Violation::new("", "Y", "Second."));
    assert_eq!(violations.to_string(), "a.b: First.\nSecond.");
    let error: Box<dyn std::error::Error> = Box::new(violations);
    assert!(error.to_string().starts_with("a.b"));
}
