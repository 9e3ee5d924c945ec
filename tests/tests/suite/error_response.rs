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

// Issue 13: a list keeps at most its limit (100 by default, what an answer shows) and counts the
// rest; the answer counts them all.

/// `n` violations at `[0]`, `[1]`, … recorded into `violations`.
fn recorded(mut violations: Violations, n: usize) -> Violations {
    for i in 0..n {
        violations.record(&Path::root().index(i), Err(RuleError::invalid("Bad.")));
    }
    violations
}

#[test]
fn past_the_limit_violations_are_counted_not_kept() {
    let violations = recorded(Violations::new(), 150);
    assert_eq!(violations.limit(), 100);
    assert_eq!((violations.len(), violations.iter().count(), violations.left_out()), (150, 100, 50));
    assert!(violations.is_full() && !violations.is_empty());
    assert_eq!(violations.iter().last().map(Violation::target), Some("[99]"));
    let text = violations.to_string();
    assert_eq!(text.lines().count(), 101);
    assert!(text.starts_with("[0]: Bad.\n[1]: Bad.\n"), "{text}");
    assert!(text.ends_with("\n[99]: Bad.\n50 more violations were left out."), "{text}");
    assert_eq!(violations.clone().into_iter().count(), 100);
    assert_eq!(violations.into_result().map_err(|v| v.len()), Err(150));

    // Pushed one by one, collected, extended: the same.
    let violation = Violation::new("a", "X", "y");
    let collected: Violations = std::iter::repeat_n(violation.clone(), 150).collect();
    assert_eq!((collected.len(), collected.left_out()), (150, 50));
    let mut extended = Violations::new();
    extended.extend(std::iter::repeat_n(violation.clone(), 101));
    assert_eq!((extended.len(), extended.left_out()), (101, 1));
    let mut pushed = Violations::with_limit(2);
    for _ in 0..3 {
        pushed.push(violation.clone());
    }
    assert_eq!(pushed.to_string(), "a: y\na: y\n1 more violation was left out.");
    assert_eq!(Violations::with_limit(0).into_result(), Ok(()));
    assert_eq!(recorded(Violations::with_limit(0), 2).to_string(), "2 more violations were left out.");
}

#[test]
fn the_answer_counts_what_was_left_out_in_the_words_it_always_used() {
    let message = |violations: Violations| ErrorResponse::from(violations).error.message;
    // The default: the same message whether the list or the answer leaves them out.
    let response = ErrorResponse::from(recorded(Violations::new(), 101));
    assert_eq!(response.error.details.len(), 100);
    assert_eq!(
        response.error.message,
        "The request content was invalid: 101 errors were found; the first 100 are listed and 1 is left out."
    );
    // A list that keeps more: an answer still shows 100.
    let response = ErrorResponse::from(recorded(Violations::with_limit(1000), 150));
    assert_eq!(response.error.details.len(), 100);
    assert_eq!(response.error.details[99].target.as_deref(), Some("[99]"));
    assert_eq!(
        response.error.message,
        "The request content was invalid: 150 errors were found; the first 100 are listed and 50 are left out."
    );
    // A list that keeps fewer: the answer says how many it lists.
    assert_eq!(
        message(recorded(Violations::with_limit(10), 50)),
        "The request content was invalid: 50 errors were found; the first 10 are listed and 40 are left out."
    );
    assert_eq!(
        message(recorded(Violations::with_limit(1), 3)),
        "The request content was invalid: 3 errors were found; the first is listed and 2 are left out."
    );
    assert_eq!(
        message(recorded(Violations::with_limit(0), 1)),
        "The request content was invalid: 1 error was found; none are listed."
    );
    assert_eq!(
        message(recorded(Violations::with_limit(5), 5)),
        "The request content was invalid: 5 errors were found."
    );
}

#[test]
fn a_list_made_for_a_part_keeps_what_its_whole_has_room_for() {
    let mut whole = recorded(Violations::new(), 98);
    let mut part = whole.scratch();
    assert_eq!(part.limit(), 2);
    part = recorded(part, 5);
    assert_eq!((part.len(), part.left_out()), (5, 3));
    whole.append(&mut part);
    assert!(part.is_empty());
    assert_eq!((whole.len(), whole.left_out()), (103, 3));
    // Appended after what was recorded since the part was made, and kept as if recorded here.
    let mut whole = recorded(Violations::with_limit(3), 1);
    let mut part = recorded(whole.scratch(), 2);
    whole.push(Violation::new("between", "X", "y"));
    whole.append(&mut part);
    let targets: Vec<&str> = whole.iter().map(Violation::target).collect();
    assert_eq!(targets, ["[0]", "between", "[0]"]);
    assert_eq!(whole.left_out(), 1);
    // A full list makes parts that keep nothing.
    let full = recorded(Violations::new(), 100);
    assert_eq!(full.scratch().limit(), 0);
}

/// Many bad language tags in a `HashMap`: checked in its own order, then again in sorted order.
#[derive(Validate)]
struct ManyTags {
    #[validate(localized)]
    names: std::collections::HashMap<String, String>,
    #[validate(non_empty(code = "Overridden", message = "Replaced."))]
    last: String,
}

#[test]
fn past_the_limit_map_entries_keep_their_sorted_order_and_overrides_still_apply() {
    let names = (0..150).map(|i| (format!("k{i:03} x"), "v".to_owned())).collect();
    let violations = ManyTags { names, last: String::new() }.validate().unwrap_err();
    // One `InvalidLocale` per key, the first 100 keys in sorted order, the rest and `last` counted.
    assert_eq!((violations.len(), violations.left_out()), (151, 51));
    let targets: Vec<String> = violations.iter().map(|v| v.target().to_owned()).collect();
    let expected: Vec<String> = (0..100).map(|i| format!("names['k{i:03} x']")).collect();
    assert_eq!(targets, expected);
    // With room for all, the override applies to the last one as before.
    let names = (0..150).map(|i| (format!("k{i:03} x"), "v".to_owned())).collect();
    let value = ManyTags { names, last: String::new() };
    let mut all = Violations::with_limit(1000);
    value.validate_at(&Path::root(), &mut all);
    let last = all.iter().last().map(|v| (v.target().to_owned(), v.code().to_owned(), v.message()));
    assert_eq!(last, Some(("last".to_owned(), "Overridden".to_owned(), "Replaced.".to_owned())));
    assert_eq!((all.len(), all.left_out()), (151, 0));
}
