//! `from_json` and `parse_json`: not JSON, JSON of the wrong shape, rule violations, hostile input.

use customer_insights::model::RelationshipResourceFormat;
use validate_core::{ErrorResponse, from_json, parse_json};

type Model = RelationshipResourceFormat;

fn error_of(body: &[u8]) -> ErrorResponse {
    match from_json::<Model>(body) {
        Ok(_) => panic!("expected an error for {}", String::from_utf8_lossy(&body[..body.len().min(200)])),
        Err(error) => error,
    }
}

/// `(code, target)` of every detail; the target `""` when absent.
fn details(error: &ErrorResponse) -> Vec<(String, String)> {
    error.error.details.iter().map(|d| (d.code.clone(), d.target.clone().unwrap_or_default())).collect()
}

fn one_detail(body: &str) -> (String, String, String) {
    let error = error_of(body.as_bytes());
    assert_eq!(error.error.code, "InvalidRequestContent");
    assert_eq!(error.error.details.len(), 1, "{error:#?}");
    let detail = &error.error.details[0];
    (detail.code.clone(), detail.target.clone().unwrap_or_default(), detail.message.clone())
}

fn assert_not_json(body: &[u8]) -> String {
    let error = error_of(body);
    assert_eq!(error.error.code, "InvalidRequestContent");
    assert!(error.error.details.is_empty(), "{error:#?}");
    assert!(error.error.target.is_none());
    assert!(error.error.message.starts_with("The request content is not valid JSON: "), "{}", error.error.message);
    assert!(error.error.message.contains(" at line "), "{}", error.error.message);
    error.error.message
}

/// A valid body with `properties` replaced by the given members.
fn with_properties(members: &str) -> String {
    format!(r#"{{"properties":{{{members}}}}}"#)
}

const BASE: &str = r#""displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B""#;

#[test]
fn a_valid_body_reads_and_validates() {
    let body = include_bytes!("../../examples/customer-insights/corpus/full-valid.json");
    let value = from_json::<Model>(body).unwrap();
    assert_eq!(value.properties.profile_type, "Contact");
}

#[test]
fn rule_violations_are_listed_in_order() {
    let body = include_bytes!("../../examples/customer-insights/corpus/broken-several.json");
    let error = error_of(body);
    assert_eq!(error.error.message, "The request content was invalid: 6 errors were found.");
    assert_eq!(details(&error)[2], ("DuplicateValue".into(), "properties.fields[1].fieldName".into()));
}

#[test]
fn not_json() {
    assert!(assert_not_json(b"").contains("EOF while parsing a value at line 1 column 0"));
    assert_not_json(b"{\"properties\": ");
    assert!(assert_not_json(b"{} x").contains("trailing characters"));
    assert!(assert_not_json(b"{\"properties\":{\"profileType\":\"\xff\"}}").contains("line 1"));
    assert_not_json(b"{'properties': 1}");
    assert_not_json(b"nul");
}

#[test]
fn a_byte_order_mark_is_not_json() {
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend_from_slice(include_bytes!("../../examples/customer-insights/corpus/official-example.json"));
    assert_not_json(&body);
}

#[test]
fn a_lone_surrogate_is_not_json() {
    let message = assert_not_json(
        with_properties(r#""displayName":{"en-us":"\ud800"},"profileType":"A","relatedProfileType":"B""#).as_bytes(),
    );
    assert!(message.contains("hex escape"), "{message}");
}

#[test]
fn a_number_out_of_range_is_not_json_wherever_it_is() {
    for body in [
        with_properties(&format!(
            "{BASE},\"fields\":[{{\"fieldName\":\"a\",\"fieldType\":\"b\",\"maxLength\":1e400}}]"
        )),
        with_properties(r#""displayName":{"en-us":"x"},"profileType":1e400,"relatedProfileType":"B""#),
        format!(r#"{{"properties":{{{BASE}}},"x":-1e400}}"#),
    ] {
        assert!(assert_not_json(body.as_bytes()).contains("number out of range"));
    }
}

fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn nesting_up_to_127_levels_is_json_and_128_is_not() {
    // The root object and `properties` are two levels; `fields` adds the rest.
    let body = |total: usize| with_properties(&format!("{BASE},\"fields\":{}", nested_arrays(total - 2)));
    let (code, target, message) = one_detail(&body(127));
    assert_eq!((code.as_str(), target.as_str()), ("InvalidPropertyType", "properties.fields[0]"));
    assert_eq!(message, "Expected an object but found an array.");
    assert!(assert_not_json(body(128).as_bytes()).contains("recursion limit exceeded"));
    assert_not_json(body(129).as_bytes());
}

#[test]
fn wrong_json_types() {
    let (code, target, message) =
        one_detail(&with_properties(r#""displayName":{"en-us":"x"},"profileType":7,"relatedProfileType":"B""#));
    assert_eq!((code.as_str(), target.as_str()), ("InvalidPropertyType", "properties.profileType"));
    assert_eq!(message, "Expected a string but found a number.");
    let (_, target, message) = one_detail(r#"{"properties":[]}"#);
    assert_eq!((target.as_str(), message.as_str()), ("properties", "Expected an object but found an array."));
    let (_, target, message) = one_detail(&with_properties(&format!("{BASE},\"fields\":{{}}")));
    assert_eq!((target.as_str(), message.as_str()), ("properties.fields", "Expected an array but found an object."));
    let (_, target, message) =
        one_detail(&with_properties(r#""displayName":{"en-us":true},"profileType":"A","relatedProfileType":"B""#));
    assert_eq!(
        (target.as_str(), message.as_str()),
        ("properties.displayName['en-us']", "Expected a string but found a boolean.")
    );
    let (_, target, message) = one_detail(&with_properties(&format!(
        "{BASE},\"fields\":[{{\"fieldName\":\"a\",\"fieldType\":\"b\",\"isArray\":\"yes\"}}]"
    )));
    assert_eq!(
        (target.as_str(), message.as_str()),
        ("properties.fields[0].isArray", "Expected a boolean but found a string.")
    );
}

#[test]
fn a_body_of_the_wrong_type_at_the_root_has_no_target() {
    for body in ["[]", "7", "\"x\"", "null", "true"] {
        let error = error_of(body.as_bytes());
        assert_eq!(error.error.details.len(), 1, "{body}");
        let detail = &error.error.details[0];
        assert_eq!(detail.code, "InvalidPropertyType", "{body}");
        assert_eq!(detail.target, None, "{body}");
        assert!(detail.message.starts_with("Expected an object but found "), "{body}: {}", detail.message);
    }
}

#[test]
fn integers_refuse_minus_zero_and_two_to_the_sixty_four() {
    for number in ["-0", "18446744073709551616", "1.5"] {
        let body = with_properties(&format!(
            "{BASE},\"fields\":[{{\"fieldName\":\"a\",\"fieldType\":\"b\",\"maxLength\":{number}}}]"
        ));
        let (code, target, message) = one_detail(&body);
        assert_eq!(
            (code.as_str(), target.as_str()),
            ("InvalidPropertyType", "properties.fields[0].maxLength"),
            "{number}"
        );
        assert_eq!(message, "Expected an integer but found a number.");
    }
}

#[test]
fn closed_enums_list_their_values_and_refuse_non_strings() {
    let body = include_str!("../../examples/customer-insights/corpus/broken-shape.json");
    let (code, target, message) = one_detail(body);
    assert_eq!((code.as_str(), target.as_str()), ("InvalidEnumValue", "properties.cardinality"));
    assert_eq!(message, "The value 'OneToFew' is not one of 'OneToOne', 'OneToMany', 'ManyToMany'.");
    let (code, target, message) = one_detail(&with_properties(&format!("{BASE},\"cardinality\":1")));
    assert_eq!((code.as_str(), target.as_str()), ("InvalidPropertyType", "properties.cardinality"));
    assert_eq!(message, "Expected a string but found a number.");
}

#[test]
fn unknown_properties_are_reported_at_their_own_target() {
    let (code, target, message) = one_detail(&with_properties(&format!("{BASE},\"colour\":\"red\"")));
    assert_eq!((code.as_str(), target.as_str()), ("UnknownProperty", "properties.colour"));
    assert_eq!(message, "The property 'colour' is not allowed here.");
    let (_, target, _) = one_detail(&format!(r#"{{"properties":{{{BASE}}},"etag":"x"}}"#));
    assert_eq!(target, "etag");
}

#[test]
fn missing_and_null_required_properties() {
    let (code, target, message) = one_detail(&with_properties(r#""displayName":{"en-us":"x"},"profileType":"A""#));
    assert_eq!((code.as_str(), target.as_str()), ("MissingRequiredProperty", "properties.relatedProfileType"));
    assert_eq!(message, "The property 'relatedProfileType' is required.");
    let (code, target, _) =
        one_detail(&with_properties(r#""displayName":{"en-us":"x"},"profileType":null,"relatedProfileType":"B""#));
    assert_eq!((code.as_str(), target.as_str()), ("InvalidPropertyType", "properties.profileType"));
    let (code, target, _) = one_detail("{}");
    assert_eq!((code.as_str(), target.as_str()), ("MissingRequiredProperty", "properties"));
    let (code, target, _) = one_detail(&with_properties(&format!("{BASE},\"fields\":[{{\"fieldName\":\"a\"}}]")));
    assert_eq!((code.as_str(), target.as_str()), ("MissingRequiredProperty", "properties.fields[0].fieldType"));
}

#[test]
fn repeated_properties_and_repeated_map_keys() {
    let (code, target, message) = one_detail(&with_properties(&format!("{BASE},\"profileType\":\"C\"")));
    assert_eq!((code.as_str(), target.as_str()), ("DuplicateProperty", "properties.profileType"));
    assert_eq!(message, "The property appears more than once.");
    let (code, target, _) = one_detail(&with_properties(
        r#""displayName":{"en-us":"a","en-us":"b"},"profileType":"A","relatedProfileType":"B""#,
    ));
    assert_eq!((code.as_str(), target.as_str()), ("DuplicateProperty", "properties.displayName['en-us']"));
    let (code, target, _) =
        one_detail(&with_properties(&format!("{BASE},\"description\":{{\"de\":\"a\",\"de\":\"a\"}}")));
    assert_eq!((code.as_str(), target.as_str()), ("DuplicateProperty", "properties.description['de']"));
}

#[test]
fn a_megabyte_key_is_cut_in_target_and_message() {
    let key = "k".repeat(1_000_000);
    let (code, target, message) = one_detail(&with_properties(&format!("{BASE},\"{key}\":1")));
    assert_eq!(code, "UnknownProperty");
    assert_eq!(target.chars().count(), 512);
    assert!(target.starts_with("properties.kkk") && target.ends_with('…'));
    assert!(message.chars().count() < 120, "{message}");
}

#[test]
fn invisible_characters_in_echoed_values_are_escaped() {
    let (code, _, message) =
        one_detail(&with_properties(&format!("{BASE},\"cardinality\":\"One\\u0000To\\u202eOne\"")));
    assert_eq!(code, "InvalidEnumValue");
    assert!(message.starts_with(r"The value 'One\u{0}To\u{202e}One' is not one of"), "{message}");
}

#[test]
fn no_rust_names_in_messages() {
    let bodies = [
        r#"{"properties":[]}"#.to_owned(),
        with_properties(&format!("{BASE},\"fields\":[7]")),
        with_properties(&format!("{BASE},\"lookupMappings\":[{{\"fieldMappings\":7}}]")),
        with_properties(&format!("{BASE},\"cardinality\":{{}}")),
        with_properties(&format!("{BASE},\"provisioningState\":[]")),
    ];
    for body in bodies {
        let text = serde_json::to_string(&error_of(body.as_bytes())).unwrap();
        for rust in ["struct", "Relationship", "PropertyDefinition", "enum", "Vec", "Option", "i64", "usize", "variant"]
        {
            assert!(!text.contains(rust), "{rust} in {text}");
        }
    }
}

#[test]
fn the_same_bytes_give_the_same_error_bytes() {
    let body = with_properties(r#""displayName":{"en-us":"a","zz":7},"profileType":"A","relatedProfileType":"B""#);
    let first = serde_json::to_vec(&error_of(body.as_bytes())).unwrap();
    for _ in 0..5 {
        assert_eq!(serde_json::to_vec(&error_of(body.as_bytes())).unwrap(), first);
    }
}

#[test]
fn parse_json_reads_without_checking_rules() {
    let body = include_bytes!("../../examples/customer-insights/corpus/broken-several.json");
    let value = parse_json::<Model>(body).unwrap();
    assert_eq!(value.properties.profile_type, "");
    let error = parse_json::<Model>(b"[").unwrap_err();
    assert!(error.error.details.is_empty());
}

#[test]
fn integers_out_of_their_type_range() {
    #[derive(Debug, serde::Deserialize, validate_core::Validate)]
    struct Small {
        #[allow(dead_code)]
        n: u8,
    }
    let error = from_json::<Small>(br#"{"n":300}"#).unwrap_err();
    let detail = &error.error.details[0];
    assert_eq!((detail.code.as_str(), detail.target.as_deref()), ("ValueOutOfRange", Some("n")));
    assert_eq!(detail.message, "The value 300 is outside the range 0 to 255.");
}

#[test]
fn unknown_names_that_are_not_plain_are_written_as_keys() {
    let (code, target, _) = one_detail(&with_properties(&format!("{BASE},\"a.b\":1")));
    assert_eq!((code.as_str(), target.as_str()), ("UnknownProperty", "properties['a.b']"));
    let (_, target, _) = one_detail(&with_properties(&format!("{BASE},\"x\\u0000\\u202e\":1")));
    assert_eq!(target, r"properties['x\u{0}\u{202e}']");
}
