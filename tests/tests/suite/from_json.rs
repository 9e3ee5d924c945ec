//! `from_json` and `parse_json`: not JSON, JSON of the wrong shape, rule violations, hostile input.

use customer_insights::model::{RelationshipResourceFormat, Stored};
use validate_core::{ErrorResponse, from_json, from_json_with, parse_json};

type Model = RelationshipResourceFormat;

/// `from_json` for the model: as a new relationship (nothing stored), as `customer-insights check`
/// reads it.
fn from_json_new(body: &[u8]) -> Result<Model, ErrorResponse> {
    from_json_with(body, &Stored::NEW).map_err(ErrorResponse::from)
}

fn error_of(body: &[u8]) -> ErrorResponse {
    match from_json_new(body) {
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
    // The line and the column, as numbers, end the message.
    let place = error.error.message.rsplit_once(" at line ").map(|(_, place)| place.trim_end_matches('.'));
    let (line, column) = place.and_then(|place| place.split_once(" column ")).expect("a line and a column");
    assert!(line.parse::<u32>().is_ok() && column.parse::<u32>().is_ok(), "{}", error.error.message);
    error.error.message
}

/// A valid body with `properties` replaced by the given members.
fn with_properties(members: &str) -> String {
    format!(r#"{{"properties":{{{members}}}}}"#)
}

const BASE: &str = r#""displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B""#;

#[test]
fn a_valid_body_reads_and_validates() {
    let body = include_bytes!("../../../examples/customer-insights/corpus/full-valid.json");
    let value = from_json_new(body).unwrap();
    assert_eq!(value.properties.profile_type, "Contact");
}

#[test]
fn rule_violations_are_listed_in_order() {
    let body = include_bytes!("../../../examples/customer-insights/corpus/broken-several.json");
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
    body.extend_from_slice(include_bytes!("../../../examples/customer-insights/corpus/official-example.json"));
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
fn integers_refuse_minus_zero_fractions_and_exponents_as_numbers() {
    for number in ["-0", "1.5", "1e3", "1E3", "1.0", "-1e20", "1e20"] {
        let body = with_properties(&format!(
            "{BASE},\"fields\":[{{\"fieldName\":\"a\",\"fieldType\":\"b\",\"maxLength\":{number}}}]"
        ));
        let (code, target, message) = one_detail(&body);
        assert_eq!(
            (code.as_str(), target.as_str()),
            ("InvalidPropertyType", "properties.fields[0].maxLength"),
            "{number}"
        );
        assert_eq!(message, "Expected an integer but found a number.", "{number}");
    }
}

#[test]
fn integers_beyond_sixty_four_bits_are_out_of_range_as_any_other() {
    // Issue 13, "one problem, three codes": `maxLength` is an `i64`; every integer literal outside
    // it is out of its range, within 64 bits or beyond them.
    for number in [
        "9223372036854775808",
        "18446744073709551616",
        "100000000000000000000",
        "-9223372036854775809",
        "-100000000000000000000",
    ] {
        let body = with_properties(&format!(
            "{BASE},\"fields\":[{{\"fieldName\":\"a\",\"fieldType\":\"b\",\"maxLength\":{number}}}]"
        ));
        assert_eq!(
            one_detail(&body),
            (
                "ValueOutOfRange".to_owned(),
                "properties.fields[0].maxLength".to_owned(),
                format!("The value {number} is outside the range -9223372036854775808 to 9223372036854775807.")
            ),
        );
    }
}

#[test]
fn closed_enums_list_their_values_and_refuse_non_strings() {
    let body = include_str!("../../../examples/customer-insights/corpus/broken-shape.json");
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
    // `null` where the type is not an `Option` is missing too, with the same message (issue 12).
    let (code, target, message) =
        one_detail(&with_properties(r#""displayName":{"en-us":"x"},"profileType":null,"relatedProfileType":"B""#));
    assert_eq!((code.as_str(), target.as_str()), ("MissingRequiredProperty", "properties.profileType"));
    assert_eq!(message, "The property 'profileType' is required.");
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
    let body = include_bytes!("../../../examples/customer-insights/corpus/broken-several.json");
    let value = parse_json::<Model>(body).unwrap();
    assert_eq!(value.properties.profile_type, "");
    let error = parse_json::<Model>(b"[").map_err(validate_core::ErrorResponse::from).unwrap_err();
    assert!(error.error.details.is_empty());
}

#[test]
fn integers_out_of_their_type_range() {
    #[derive(Debug, serde::Deserialize, validate_core::Validate)]
    struct Small {
        #[allow(dead_code)]
        n: u8,
    }
    let error = from_json::<Small>(br#"{"n":300}"#).map_err(validate_core::ErrorResponse::from).unwrap_err();
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

// The JSON layer on its own: `parse_json` reads a type whole, so the first shape problem is found
// by the tree's deserializer alone (no derived walk). Each case is a body `serde_json` refuses.

mod tree_layer {
    use std::collections::BTreeMap;
    use std::fmt;
    use std::num::{NonZeroI64, NonZeroU8, NonZeroU32, NonZeroU128};

    use serde::de::{self, DeserializeOwned, Deserializer, SeqAccess, Unexpected, Visitor};
    use validate_core::parse_json;

    /// `(code, target, message)` of the one detail `parse_json::<T>` answers for `body`.
    fn first<T: DeserializeOwned>(body: &str) -> (String, String, String) {
        assert!(serde_json::from_str::<T>(body).is_err(), "serde_json reads {body}");
        let Err(error) = parse_json::<T>(body.as_bytes()) else {
            unreachable!("parse_json read what serde_json refused: {body}")
        };
        let error = validate_core::ErrorResponse::from(error);
        assert_eq!(error.error.code, "InvalidRequestContent");
        assert_eq!(error.error.details.len(), 1, "{error:#?}");
        let detail = &error.error.details[0];
        (detail.code.clone(), detail.target.clone().unwrap_or_default(), detail.message.clone())
    }

    pub(super) fn detail(code: &str, target: &str, message: &str) -> (String, String, String) {
        (code.to_owned(), target.to_owned(), message.to_owned())
    }

    /// Rust names a message must not carry: serde's `expecting` texts are made of them.
    fn assert_no_rust_names(message: &str) {
        for rust in ["struct", "enum", "tuple", "variant", "u8", "i32", "u128", "f64", "char", "sequence", "map"] {
            assert!(!message.contains(rust), "{rust} in {message}");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Kinds {
        #[serde(default)]
        b: Option<bool>,
        #[serde(default)]
        i: Option<i32>,
        #[serde(default)]
        f: Option<f64>,
        #[serde(default)]
        s: Option<String>,
        #[serde(default)]
        u: Option<Vec<()>>,
        #[serde(default)]
        v: Option<Vec<u8>>,
        #[serde(default)]
        m: Option<BTreeMap<String, u8>>,
        #[serde(default)]
        o: Option<Box<Kinds>>,
    }

    #[test]
    fn the_expected_kind_comes_from_the_method_read_with() {
        for (body, target, message) in [
            (r#"{"b":"x"}"#, "b", "Expected a boolean but found a string."),
            (r#"{"i":"x"}"#, "i", "Expected an integer but found a string."),
            (r#"{"i":1.5}"#, "i", "Expected an integer but found a number."),
            (r#"{"f":"x"}"#, "f", "Expected a number but found a string."),
            (r#"{"s":1}"#, "s", "Expected a string but found a number."),
            (r#"{"u":[1]}"#, "u[0]", "Expected null but found a number."),
            (r#"{"v":{}}"#, "v", "Expected an array but found an object."),
            (r#"{"m":[]}"#, "m", "Expected an object but found an array."),
            (r#"{"o":[null,null,null,null,null,null,null,null,null]}"#, "o", "Expected an object but found an array."),
            (r#"{"o":{"o":true}}"#, "o.o", "Expected an object but found a boolean."),
        ] {
            assert_eq!(first::<Kinds>(body), detail("InvalidPropertyType", target, message), "{body}");
            assert_no_rust_names(message);
        }
        // serde_json reads a struct from an array of its fields: so does the tree, and the
        // problem found is the one after it.
        assert_eq!(first::<Kinds>(r#"{"o":[],"b":"x"}"#).1, "b");
        // What serde_json refuses is refused at the array, even a problem of one of its items.
        assert_eq!(
            first::<Kinds>(r#"{"o":[1]}"#),
            detail("InvalidPropertyType", "o", "Expected an object but found an array.")
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Ints {
        #[serde(default)]
        a: i8,
        #[serde(default)]
        b: u16,
        #[serde(default)]
        c: i64,
        #[serde(default)]
        d: u64,
        #[serde(default)]
        e: i128,
        #[serde(default)]
        f: u128,
    }

    #[test]
    fn every_integer_type_has_its_range() {
        for (body, target, message) in [
            (r#"{"a":200}"#, "a", "The value 200 is outside the range -128 to 127."),
            (r#"{"a":-129}"#, "a", "The value -129 is outside the range -128 to 127."),
            (r#"{"b":-1}"#, "b", "The value -1 is outside the range 0 to 65535."),
            (
                r#"{"c":9223372036854775808}"#,
                "c",
                "The value 9223372036854775808 is outside the range -9223372036854775808 to 9223372036854775807.",
            ),
            (r#"{"d":-1}"#, "d", "The value -1 is outside the range 0 to 18446744073709551615."),
            (r#"{"f":-1}"#, "f", "The value -1 is outside the range 0 to 340282366920938463463374607431768211455."),
        ] {
            assert_eq!(first::<Ints>(body), detail("ValueOutOfRange", target, message), "{body}");
        }
        assert_eq!(
            first::<Ints>(r#"{"e":1.5}"#),
            detail("InvalidPropertyType", "e", "Expected an integer but found a number.")
        );
        // `-0` is an integer for `i128` (serde_json reads its digits): the problem is after it.
        assert_eq!(
            first::<Ints>(r#"{"e":-0,"f":"x"}"#),
            detail("InvalidPropertyType", "f", "Expected an integer but found a string.")
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct NonZeros {
        #[serde(default)]
        a: Option<NonZeroU8>,
        #[serde(default)]
        b: Option<NonZeroI64>,
        #[serde(default)]
        c: Option<NonZeroU128>,
    }

    #[test]
    fn a_number_in_range_that_the_type_refuses_is_not_allowed() {
        for (body, target) in [(r#"{"a":0}"#, "a"), (r#"{"b":0}"#, "b"), (r#"{"c":0}"#, "c")] {
            assert_eq!(first::<NonZeros>(body), detail("InvalidValue", target, "The value 0 is not allowed here."));
        }
        assert_eq!(
            first::<NonZeros>(r#"{"a":256}"#),
            detail("ValueOutOfRange", "a", "The value 256 is outside the range 0 to 255.")
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Chars {
        c: char,
    }

    #[test]
    fn a_char_is_a_string_of_one_character() {
        assert_eq!(
            first::<Chars>(r#"{"c":"ab"}"#),
            detail("InvalidValue", "c", "Expected a single character but found 2 characters.")
        );
        assert_eq!(
            first::<Chars>(r#"{"c":""}"#),
            detail("InvalidValue", "c", "Expected a single character but found an empty string.")
        );
        assert_eq!(
            first::<Chars>(r#"{"c":5}"#),
            detail("InvalidPropertyType", "c", "Expected a string but found a number.")
        );
        assert_eq!(
            first::<BTreeMap<char, u8>>(r#"{"é":1,"ab":1}"#),
            detail("InvalidValue", "['ab']", "Expected a single character but found 2 characters.")
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Pair(u8, u8);

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    enum Variant {
        Two(u8, u8),
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Fixed {
        #[serde(default)]
        a: [u8; 2],
        #[serde(default)]
        t: (u8, String),
        #[serde(default)]
        p: Option<Pair>,
        #[serde(default)]
        one: [u8; 1],
        #[serde(default)]
        e: Option<Variant>,
    }

    #[test]
    fn tuples_and_fixed_arrays_take_exactly_their_length() {
        let long = "The array must have exactly 2 items; it has 3.";
        let short = "The array must have exactly 2 items; it has 1.";
        for (body, code, target, message) in [
            (r#"{"a":[1,2,3]}"#, "ValueTooLong", "a", long),
            (r#"{"a":[1]}"#, "ValueTooShort", "a", short),
            (r#"{"t":[1,"x",3]}"#, "ValueTooLong", "t", long),
            (r#"{"t":[1]}"#, "ValueTooShort", "t", short),
            (r#"{"p":[1,2,3]}"#, "ValueTooLong", "p", long),
            (r#"{"p":[1]}"#, "ValueTooShort", "p", short),
            (r#"{"e":{"Two":[1,2,3]}}"#, "ValueTooLong", "e.Two", long),
            (r#"{"one":[]}"#, "ValueTooShort", "one", "The array must have exactly 1 item; it has 0."),
            (r#"{"a":[1,"x"]}"#, "InvalidPropertyType", "a[1]", "Expected an integer but found a string."),
        ] {
            assert_eq!(first::<Fixed>(body), detail(code, target, message), "{body}");
        }
    }

    /// Reads the first item of an array and leaves the others.
    #[derive(Debug)]
    struct FirstItem;

    impl<'de> serde::Deserialize<'de> for FirstItem {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct First;
            impl<'de> Visitor<'de> for First {
                type Value = FirstItem;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("struct FirstItem")
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FirstItem, A::Error> {
                    let _: Option<u8> = seq.next_element()?;
                    Ok(FirstItem)
                }
            }
            deserializer.deserialize_seq(First)
        }
    }

    /// Reads the first entry of an object and leaves the others.
    #[derive(Debug)]
    struct FirstEntry;

    impl<'de> serde::Deserialize<'de> for FirstEntry {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct First;
            impl<'de> Visitor<'de> for First {
                type Value = FirstEntry;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("struct FirstEntry")
                }
                fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<FirstEntry, A::Error> {
                    let _: Option<(String, u8)> = map.next_entry()?;
                    Ok(FirstEntry)
                }
            }
            deserializer.deserialize_map(First)
        }
    }

    /// Wants three items and says so with `invalid_length`.
    #[derive(Debug)]
    struct ThreeItems;

    impl<'de> serde::Deserialize<'de> for ThreeItems {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Three;
            impl<'de> Visitor<'de> for Three {
                type Value = ThreeItems;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("struct ThreeItems")
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ThreeItems, A::Error> {
                    for read in 0..3 {
                        if seq.next_element::<u8>()?.is_none() {
                            return Err(de::Error::invalid_length(read, &self));
                        }
                    }
                    while seq.next_element::<u8>()?.is_some() {}
                    Ok(ThreeItems)
                }
            }
            deserializer.deserialize_seq(Three)
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Holds<T> {
        k: T,
    }

    #[test]
    fn what_a_type_leaves_unread_is_refused_as_serde_json_refuses_it() {
        assert_eq!(
            first::<Holds<FirstItem>>(r#"{"k":[1,2]}"#),
            detail("ValueTooLong", "k", "The array has more items than allowed.")
        );
        assert_eq!(
            first::<Holds<FirstEntry>>(r#"{"k":{"a":1,"b":2}}"#),
            detail("ValueTooLong", "k", "The object has more members than allowed.")
        );
        assert_eq!(
            first::<Holds<ThreeItems>>(r#"{"k":[1,2]}"#),
            detail("ValueTooShort", "k", "The array has fewer items than required.")
        );
    }

    /// A type whose `Deserialize` impl fails with serde's wording, Rust names included.
    #[derive(Debug)]
    struct Picky;

    impl<'de> serde::Deserialize<'de> for Picky {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let text = String::deserialize(deserializer)?;
            match text.as_str() {
                "red" => Ok(Picky),
                "pink" => Err(de::Error::invalid_value(Unexpected::Str(&text), &"struct Picky")),
                _ => Err(de::Error::custom("data did not match any variant of untagged enum Picky")),
            }
        }
    }

    /// A type that reads any value and refuses numbers in its own words.
    #[derive(Debug)]
    struct NoNumbers;

    impl<'de> serde::Deserialize<'de> for NoNumbers {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Any;
            impl Visitor<'_> for Any {
                type Value = NoNumbers;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("struct NoNumbers")
                }
                fn visit_str<E: de::Error>(self, _: &str) -> Result<NoNumbers, E> {
                    Ok(NoNumbers)
                }
            }
            deserializer.deserialize_any(Any)
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum Shape {
        Circle { r: u8 },
        Square { side: u8 },
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Custom {
        #[serde(default)]
        picky: Option<Picky>,
        #[serde(default)]
        any: Option<NoNumbers>,
        #[serde(default)]
        shape: Option<Shape>,
    }

    #[test]
    fn messages_of_a_types_own_impl_are_never_echoed() {
        for (body, target, message) in [
            (r#"{"picky":"blue"}"#, "picky", "The value is not valid here."),
            (r#"{"picky":"pink"}"#, "picky", "The value 'pink' is not allowed here."),
            (r#"{"shape":{"q":1}}"#, "shape", "The value matches none of the accepted shapes."),
        ] {
            assert_eq!(first::<Custom>(body), detail("InvalidValue", target, message), "{body}");
        }
        // A refusal no `deserialize_*` method can place (this one reads with `deserialize_any`).
        assert_eq!(
            first::<Custom>(r#"{"any":5}"#),
            detail("InvalidPropertyType", "any", "The value is a number, which is not accepted here.")
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct IntKeys {
        #[serde(default)]
        m: BTreeMap<u32, String>,
        #[serde(default)]
        small: BTreeMap<u8, String>,
        #[serde(default)]
        wide: BTreeMap<i128, String>,
        #[serde(default)]
        huge: BTreeMap<u128, String>,
        #[serde(default)]
        signed: BTreeMap<i64, String>,
        #[serde(default)]
        nonzero: BTreeMap<NonZeroU32, String>,
        #[serde(default)]
        flags: BTreeMap<bool, String>,
        #[serde(default)]
        n: u8,
    }

    #[test]
    fn integer_keys_are_read_as_serde_json_reads_them() {
        // Accepted keys: the problem found is the one after them.
        let after = detail("InvalidPropertyType", "n", "Expected an integer but found a string.");
        for keys in [
            r#""m":{"1":"a","4294967295":"b","0":"c"}"#,
            r#""wide":{"-0":"a","-170141183460469231731687303715884105728":"b"}"#,
            r#""huge":{"340282366920938463463374607431768211455":"a"}"#,
            r#""signed":{"-9223372036854775808":"a"}"#,
            r#""flags":{"true":"a","false":"b"}"#,
        ] {
            assert_eq!(first::<IntKeys>(&format!(r#"{{{keys},"n":"x"}}"#)), after, "{keys}");
        }
        for key in ["x", "", " 1", "1 ", "+1", "01", "1.5", "1e3", "-0", "0x1", "1_000"] {
            let body = format!(r#"{{"m":{{"{key}":"a"}}}}"#);
            let message = format!("The key '{key}' is not an integer.");
            assert_eq!(first::<IntKeys>(&body), detail("InvalidPropertyType", &format!("m['{key}']"), &message));
        }
        for (field, key, range) in [
            ("small", "300", "0 to 255"),
            ("small", "-1", "0 to 255"),
            ("m", "4294967296", "0 to 4294967295"),
            ("m", "18446744073709551616", "0 to 4294967295"),
            ("signed", "-9223372036854775809", "-9223372036854775808 to 9223372036854775807"),
            ("huge", "340282366920938463463374607431768211456", "0 to 340282366920938463463374607431768211455"),
            ("huge", "-1", "0 to 340282366920938463463374607431768211455"),
        ] {
            let body = format!(r#"{{"{field}":{{"{key}":"a"}}}}"#);
            let message = format!("The value {key} is outside the range {range}.");
            assert_eq!(first::<IntKeys>(&body), detail("ValueOutOfRange", &format!("{field}['{key}']"), &message));
        }
        assert_eq!(
            first::<IntKeys>(r#"{"nonzero":{"0":"a"}}"#),
            detail("InvalidValue", "nonzero['0']", "The value 0 is not allowed here.")
        );
        assert_eq!(
            first::<IntKeys>(r#"{"flags":{"yes":"a"}}"#),
            detail("InvalidPropertyType", "flags['yes']", "The key 'yes' is not a boolean.")
        );
        // The value of an integer key is at the key too.
        assert_eq!(
            first::<IntKeys>(r#"{"m":{"7":1}}"#),
            detail("InvalidPropertyType", "m['7']", "Expected a string but found a number.")
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Strict {
        #[serde(default)]
        x: u8,
        #[serde(default)]
        names: BTreeMap<String, u8>,
        #[serde(default)]
        open: Option<Open>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Open {
        #[serde(default)]
        y: u8,
        #[serde(flatten)]
        rest: BTreeMap<String, u8>,
    }

    #[test]
    fn members_are_told_from_map_keys_by_how_they_are_read() {
        assert_eq!(
            first::<Strict>(r#"{"zz":1}"#),
            detail("UnknownProperty", "zz", "The property 'zz' is not allowed here.")
        );
        assert_eq!(first::<Strict>(r#"{"x":"a"}"#).1, "x");
        assert_eq!(first::<Strict>(r#"{"names":{"zz":"a"}}"#).1, "names['zz']");
        // A struct with `flatten` is read as a map; its keys are members all the same.
        assert_eq!(first::<Strict>(r#"{"open":{"y":"a"}}"#).1, "open.y");
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Repeats {
        #[serde(default)]
        m: BTreeMap<String, String>,
        #[serde(default, deserialize_with = "validate_core::json::unique_keys")]
        unique: BTreeMap<String, String>,
        #[serde(default)]
        n: u8,
    }

    #[test]
    fn repeated_keys_are_read_as_serde_json_reads_them() {
        // A map keeps the last value: the one problem is after it.
        assert_eq!(first::<Repeats>(r#"{"m":{"k":"a","k":"b"},"n":"x"}"#).1, "n");
        assert_eq!(
            first::<Repeats>(r#"{"unique":{"j":"a","k":"a","k":"b"},"n":"x"}"#),
            detail("DuplicateProperty", "unique['k']", "The property appears more than once.")
        );
        assert_eq!(
            first::<Repeats>(r#"{"n":1,"n":2}"#),
            detail("DuplicateProperty", "n", "The property appears more than once.")
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Empty {
        #[serde(rename = "")]
        a: u8,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Denies {
        #[serde(default)]
        a: u8,
        #[serde(default)]
        inner: Option<Box<Denies>>,
    }

    #[test]
    fn an_empty_name_is_written_as_a_key() {
        assert_eq!(
            first::<Empty>(r#"{"":"x"}"#),
            detail("InvalidPropertyType", "['']", "Expected an integer but found a string.")
        );
        assert_eq!(first::<Empty>("{}"), detail("MissingRequiredProperty", "['']", "The property '' is required."));
        assert_eq!(
            first::<Denies>(r#"{"a":1,"":1}"#),
            detail("UnknownProperty", "['']", "The property '' is not allowed here.")
        );
        assert_eq!(first::<Denies>(r#"{"inner":{"":1}}"#).1, "inner['']");
        assert_eq!(first::<BTreeMap<String, u8>>(r#"{"":"x"}"#).1, "['']");
    }
}

// The README's promises of "From bytes to a validated value" and "Every problem in one response"
// that no other test holds, each on the door it names.
mod readme_promises {
    use serde::{Deserialize, Deserializer};
    use validate_core::{ErrorResponse, Validate, from_json, parse_json};

    use super::tree_layer::detail;

    /// `(code, target, message)` of every detail, as `detail` writes one.
    fn every_detail(error: ErrorResponse) -> Vec<(String, String, String)> {
        let details = error.error.details.into_iter();
        details.map(|d| (d.code, d.target.unwrap_or_default(), d.message)).collect()
    }

    #[derive(Debug, Deserialize, Validate)]
    #[allow(dead_code)]
    struct Outer {
        #[serde(flatten)]
        #[validate(nested)]
        inner: Inner,
    }

    #[derive(Debug, Deserialize, Validate)]
    #[allow(dead_code)]
    struct Inner {
        name: String,
    }

    #[test]
    fn parse_json_inside_what_serde_buffers_says_only_what_was_refused() {
        let error = ErrorResponse::from(parse_json::<Outer>(br#"{"name":null}"#).unwrap_err());
        assert_eq!(
            every_detail(error),
            [detail("InvalidPropertyType", "", "The value is null, which is not accepted here.")]
        );
        // `from_json` walks it and places the problem.
        let error = ErrorResponse::from(from_json::<Outer>(br#"{"name":null}"#).unwrap_err());
        assert_eq!(every_detail(error)[0].1, "name");
    }

    #[test]
    fn parse_json_answers_a_body_that_is_not_json_as_from_json_does() {
        for body in [&b""[..], b"{", b"{}x", b"\xff", br#""\ud800""#, b"1e400", b"\xef\xbb\xbf{}"] {
            let parsed = ErrorResponse::from(parse_json::<Inner>(body).unwrap_err());
            let walked = ErrorResponse::from(from_json::<Inner>(body).unwrap_err());
            assert_eq!(serde_json::to_string(&parsed).unwrap(), serde_json::to_string(&walked).unwrap(), "{body:?}");
            assert!(parsed.error.details.is_empty(), "{body:?}");
            // `Display` writes the English text, for a log.
            assert_eq!(parse_json::<Inner>(body).unwrap_err().to_string(), parsed.error.message, "{body:?}");
        }
    }

    #[derive(Debug, Deserialize, Validate)]
    #[allow(dead_code)]
    struct Holder {
        #[validate(nested)]
        shape: Adjacent,
    }

    #[derive(Debug, Deserialize, Validate)]
    #[serde(tag = "t", content = "c")]
    #[allow(dead_code)]
    enum Adjacent {
        Word(String),
        Blank,
    }

    #[test]
    fn an_adjacently_tagged_enum_reports_its_tag_at_parent_tag() {
        let codes = |body: &str| {
            let error = ErrorResponse::from(from_json::<Holder>(body.as_bytes()).unwrap_err());
            every_detail(error).into_iter().map(|(code, target, _)| (code, target)).collect::<Vec<_>>()
        };
        let at_tag = |code: &str| vec![(code.to_owned(), "shape.t".to_owned())];
        assert_eq!(codes(r#"{"shape":{"c":"x"}}"#), at_tag("MissingRequiredProperty"));
        assert_eq!(codes(r#"{"shape":{"t":"Mystery","c":"x"}}"#), at_tag("InvalidEnumValue"));
        assert_eq!(codes(r#"{"shape":{"t":5,"c":"x"}}"#), at_tag("InvalidPropertyType"));
    }

    fn positive<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i32, D::Error> {
        let value = i32::deserialize(deserializer)?;
        if value > 0 { Ok(value) } else { Err(serde::de::Error::custom("not positive: i32")) }
    }

    #[derive(Debug, Deserialize, Validate)]
    #[allow(dead_code)]
    struct Refusing {
        #[serde(deserialize_with = "positive")]
        count: i32,
        #[validate(non_empty)]
        name: String,
    }

    #[test]
    fn a_failed_deserialize_with_is_an_invalid_value_at_its_target_beside_the_other_problems() {
        let error = ErrorResponse::from(from_json::<Refusing>(br#"{"count":-1,"name":""}"#).unwrap_err());
        let found = every_detail(error);
        assert_eq!(
            found.iter().map(|(c, t, _)| (c.as_str(), t.as_str())).collect::<Vec<_>>(),
            [("InvalidValue", "count"), ("EmptyValue", "name")]
        );
        // serde's text, which names a Rust type here, is not echoed.
        assert!(!found[0].2.contains("i32"), "{}", found[0].2);
    }

    #[derive(Debug, Deserialize, Validate)]
    #[allow(dead_code)]
    struct Item {
        #[validate(range(max = 5))]
        n: u8,
    }

    #[derive(Debug, Deserialize, Validate)]
    #[allow(dead_code)]
    struct Walked {
        #[validate(each(nested))]
        items: Vec<Item>,
    }

    fn small(item: &Item) -> Result<(), validate_core::RuleError> {
        if item.n < 3 { Ok(()) } else { Err(validate_core::RuleError::new("TooBig", "Too big.")) }
    }

    #[derive(Debug, Deserialize, Validate)]
    #[allow(dead_code)]
    struct Whole {
        #[validate(each(nested, custom(small)))]
        items: Vec<Item>,
        #[validate(non_empty)]
        name: String,
    }

    #[test]
    fn each_beside_other_rules_reads_its_field_whole() {
        let body = br#"{"items":[{"n":"a"},{"n":"b"}],"name":""}"#;
        let targets =
            |error: ErrorResponse| every_detail(error).into_iter().map(|(_, target, _)| target).collect::<Vec<_>>();
        // `each(nested)` alone: every item walked, both problems placed.
        let walked = from_json::<Walked>(br#"{"items":[{"n":"a"},{"n":"b"}]}"#).unwrap_err();
        assert_eq!(targets(walked.into()), ["items[0].n", "items[1].n"]);
        // `nested` beside another rule in `each`: the field read whole, its first problem at its
        // target; the other fields still walked.
        assert_eq!(targets(from_json::<Whole>(body).unwrap_err().into()), ["items[0].n", "name"]);
    }
}
