//! `from_json` reports every shape problem and the rule violations of every well-shaped part in
//! one payload.

use std::collections::BTreeMap;

use customer_insights::model::{RelationshipResourceFormat, Stored};
use serde::Deserialize;
use validate_core::{RuleError, Validate, from_json, from_json_with};

fn problems<T: serde::de::DeserializeOwned + Validate>(body: &str) -> Vec<String> {
    match from_json::<T>(body.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(error) => lines(&error),
    }
}

/// The problems of `body` read as the Relationship model, a new one (nothing stored), as
/// `customer-insights check` reads it.
fn model_problems(body: &str) -> Vec<String> {
    match from_json_with::<RelationshipResourceFormat, _>(body.as_bytes(), &Stored::NEW) {
        Ok(_) => Vec::new(),
        Err(error) => lines(&error),
    }
}

fn lines(error: &impl validate_tests::English) -> Vec<String> {
    let error = &error.english();
    error.error.details.iter().map(|d| format!("{} {}", d.code, d.target.as_deref().unwrap_or(""))).collect()
}

#[test]
fn the_example_of_the_issue_gives_seven_details_in_order() {
    let body = r#"{"properties":{"cardinality":"OneToFew","displayName":{"en us":"x"},"profileType":"",
        "fields":[{"fieldName":7}],"colour":"red"}}"#;
    assert_eq!(
        model_problems(body),
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
    let error = from_json_with::<RelationshipResourceFormat, _>(body.as_bytes(), &Stored::NEW)
        .map_err(validate_core::ErrorResponse::from)
        .unwrap_err();
    assert_eq!(error.error.message, "The request content was invalid: 7 errors were found.");
    let enum_detail = &error.error.details[0];
    assert_eq!(enum_detail.message, "The value 'OneToFew' is not one of 'OneToOne', 'OneToMany', 'ManyToMany'.");
}

#[test]
fn problems_in_several_items_and_mappings_at_once() {
    let body = r#"{"id":"x","properties":{"displayName":{"en":"a","en":"b"},"profileType":"P","relatedProfileType":3,
        "fields":[{"fieldName":"A","fieldType":"T","isArray":"no"},{"fieldName":"","fieldType":"T","extra":1},
                  {"fieldName":"B","fieldType":"T","enumValidValues":[{"value":"one"},{"localizedValueNames":{}}]}],
        "lookupMappings":[{"fieldMappings":[{"profileFieldName":"A"}]},{"fieldMappings":{}}],
        "expiryDateTimeUtc":"soon"}}"#;
    assert_eq!(
        model_problems(body),
        [
            "ReadOnlyProperty id",
            "DuplicateProperty properties.displayName['en']",
            "InvalidFormat properties.expiryDateTimeUtc",
            "InvalidPropertyType properties.fields[0].isArray",
            "EmptyValue properties.fields[1].fieldName",
            "UnknownProperty properties.fields[1].extra",
            "InvalidPropertyType properties.fields[2].enumValidValues[0].value",
            "EmptyValue properties.fields[2].enumValidValues[1].localizedValueNames",
            "MissingRequiredProperty properties.lookupMappings[0].fieldMappings[0].relatedProfileKeyProperty",
            "InvalidPropertyType properties.lookupMappings[1].fieldMappings",
            "InvalidPropertyType properties.relatedProfileType",
        ]
    );
}

#[test]
fn uniqueness_runs_only_when_every_item_is_well_shaped() {
    let duplicate_and_bad = r#"{"properties":{"displayName":{"en":"a"},"profileType":"P","relatedProfileType":"R",
        "fields":[{"fieldName":"A","fieldType":"T"},{"fieldName":"a","fieldType":"T"},{"fieldName":"C","fieldType":1}]}}"#;
    assert_eq!(model_problems(duplicate_and_bad), ["InvalidPropertyType properties.fields[2].fieldType"]);
    let duplicate_and_missing = r#"{"properties":{"displayName":{"en":"a"},"profileType":"P",
        "fields":[{"fieldName":"A","fieldType":"T"},{"fieldName":"a","fieldType":"T"}]}}"#;
    assert_eq!(
        model_problems(duplicate_and_missing),
        ["DuplicateValue properties.fields[1].fieldName", "MissingRequiredProperty properties.relatedProfileType"]
    );
}

#[test]
fn a_body_of_the_wrong_type_at_the_root_is_one_detail() {
    assert_eq!(model_problems("[1,2]"), ["InvalidPropertyType "]);
    assert_eq!(model_problems("{}"), ["MissingRequiredProperty properties"]);
}

fn no_colons(value: &str) -> Result<(), RuleError> {
    if value.contains(':') { Err(RuleError::invalid("No colons.")) } else { Ok(()) }
}

fn pair_differs(pair: &Pair) -> Result<(), RuleError> {
    if pair.left == pair.right { Err(RuleError::new("SameSides", "The sides are equal.").at("right")) } else { Ok(()) }
}

/// A field type with serde only: read whole, never walked.
#[derive(Debug, Deserialize, PartialEq)]
struct Plain {
    x: u8,
}

#[derive(Debug, Deserialize, Validate)]
#[validate(check(pair_differs))]
struct Pair {
    #[validate(length(max = 3))]
    left: String,
    right: String,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
struct Everything {
    #[serde(alias = "nameAlias")]
    #[validate(non_empty, custom(no_colons))]
    display_name: String,
    #[serde(default)]
    #[validate(range(min = 1))]
    count: u32,
    #[serde(default = "default_tags")]
    #[validate(each(non_empty))]
    tags: Vec<String>,
    maybe: Option<u8>,
    plain: Option<Plain>,
    #[serde(rename = "PAIR")]
    #[validate(nested)]
    pair: Option<Pair>,
    #[validate(nested)]
    boxed: Option<Box<Pair>>,
    #[validate(nested)]
    by_key: BTreeMap<String, Pair>,
    #[serde(skip)]
    skipped: u8,
}

fn default_tags() -> Vec<String> {
    vec![" ".to_owned()]
}

#[test]
fn serde_attributes_are_honoured_as_serde_reads_them() {
    // `count` takes its default (0, below the minimum); `tags` its default function's value; `maybe`
    // is `None`; an alias is the field; `plain` is read whole; `PAIR` is renamed.
    let body = r#"{"nameAlias":"a:b","plain":{"x":300},"PAIR":{"left":"long","right":"long"},
        "boxed":{"left":1,"right":"r"},"byKey":{"b":{"left":"l","right":"l"},"a":{"left":"abcd"}},"skipped":1}"#;
    assert_eq!(
        problems::<Everything>(body),
        [
            "InvalidValue displayName",
            "ValueOutOfRange count",
            "EmptyValue tags[0]",
            "ValueOutOfRange plain.x",
            "ValueTooLong PAIR.left",
            "SameSides PAIR.right",
            "InvalidPropertyType boxed.left",
            "ValueTooLong byKey['a'].left",
            "MissingRequiredProperty byKey['a'].right",
            "SameSides byKey['b'].right",
            "UnknownProperty skipped",
        ]
    );
}

#[test]
fn the_name_and_its_alias_together_are_a_repeat() {
    let body = r#"{"displayName":"a","nameAlias":"b","byKey":{}}"#;
    assert_eq!(
        problems::<Everything>(body),
        ["DuplicateProperty displayName", "ValueOutOfRange count", "EmptyValue tags[0]"]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct Lenient {
    #[validate(non_empty)]
    name: String,
    number: u8,
}

#[test]
fn without_deny_unknown_fields_unknown_properties_are_ignored() {
    assert_eq!(
        problems::<Lenient>(r#"{"name":"","number":"x","other":1}"#),
        ["EmptyValue name", "InvalidPropertyType number"]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct Flat {
    #[validate(non_empty)]
    name: String,
    #[serde(flatten)]
    rest: BTreeMap<String, u8>,
}

#[test]
fn flatten_is_walked_beside_the_other_fields() {
    // What serde gives the flattened map (the members no other field reads) is read whole: its
    // first problem, at its target; the struct's own fields keep theirs.
    assert_eq!(problems::<Flat>(r#"{"name":"","a":"x","b":"y"}"#), ["EmptyValue name", "InvalidPropertyType ['a']"]);
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind")]
#[allow(dead_code)]
enum Shape {
    Circle {
        #[validate(range(max = 10))]
        radius: u8,
    },
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct Drawing {
    #[validate(nested)]
    shapes: Vec<Shape>,
    count: u8,
}

#[test]
fn an_unknown_tag_reads_as_the_other_variant_as_serde_reads_it() {
    // serde reads `{"kind":"Hexagon"}` as `Unknown`: the walk, which runs only because `count` is
    // wrong, must not call the tag unknown.
    assert_eq!(
        problems::<Drawing>(r#"{"shapes":[{"kind":"Hexagon"},{"kind":"Circle","radius":11}],"count":"x"}"#),
        ["ValueOutOfRange shapes[1].radius", "InvalidPropertyType count"]
    );
}

/// ARM's rules for tags, on a body read by `from_json`.
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Resource {
    #[validate(
        length(max = 15),
        keys(length(min = 1, max = 512), not_containing("<>%&\\?/"), no_control_chars),
        each(length(max = 256))
    )]
    tags: Option<BTreeMap<String, String>>,
    #[validate(keys(one_of("a", "b")), each(range(max = 9)))]
    counts: std::collections::HashMap<String, u8>,
    #[validate(nested)]
    inner: Option<Box<Resource>>,
    canary: u8,
}

/// `(code, target, message)` of every violation `validate()` finds.
fn violation_details<T: Validate>(value: &T) -> Vec<validate_tests::Detail> {
    value
        .validate()
        .err()
        .iter()
        .flat_map(|v| v.iter())
        .map(|v| (v.code().into(), v.target().into(), v.message()))
        .collect()
}

/// `(code, target, message)` of every detail `from_json` answers.
fn body_details<T: serde::de::DeserializeOwned + Validate>(body: &str) -> Vec<validate_tests::Detail> {
    validate_tests::details(&from_json::<T>(body.as_bytes()).err().unwrap())
}

#[test]
fn keys_are_reported_by_from_json_as_validate_reports_them() {
    let body = r#"{"tags":{"env":"prod","a%b":"x","":"y","cr\r":"v"},"counts":{"c":10,"b":1,"d":2},
        "inner":{"tags":{"it's\\/":"z"},"counts":{"a":1},"canary":1},"canary":1}"#;
    let expected: Vec<validate_tests::Detail> = [
        ("ValueTooShort", "tags['']", "The key must have at least 1 character; it has 0."),
        ("InvalidCharacter", "tags['a%b']", "The key must not contain '%'."),
        ("InvalidCharacter", r"tags['cr\u{d}']", r"The key must not contain control characters; it has '\u{d}'."),
        ("InvalidEnumValue", "counts['c']", "The key 'c' is not one of 'a', 'b'."),
        ("InvalidEnumValue", "counts['d']", "The key 'd' is not one of 'a', 'b'."),
        ("ValueOutOfRange", "counts['c']", "The value 10 is greater than the maximum 9."),
        ("InvalidCharacter", r"inner.tags['it\'s\\/']", r"The key must not contain '\'."),
    ]
    .map(|(code, target, message)| (code.to_owned(), target.to_owned(), message.to_owned()))
    .into();
    // Read by serde, then `validate()`.
    let value: Resource = serde_json::from_str(body).unwrap();
    assert_eq!(violation_details(&value), expected);
    assert_eq!(body_details::<Resource>(body), expected);
    // Read by the walk, which runs because `canary` is broken: the same, and the canary.
    let broken = body.replace(r#""canary":1}"#, r#""canary":"x"}"#);
    let mut with_canary = expected.clone();
    with_canary.insert(
        7,
        ("InvalidPropertyType".into(), "inner.canary".into(), "Expected an integer but found a string.".into()),
    );
    with_canary.push(("InvalidPropertyType".into(), "canary".into(), "Expected an integer but found a string.".into()));
    assert_eq!(body_details::<Resource>(&broken), with_canary);
    // A map that does not read is read whole, as for `each`: its first problem, no rules.
    assert_eq!(
        body_details::<Resource>(r#"{"tags":{"a%b":1,"c%d":2},"counts":{},"canary":1}"#),
        [(
            "InvalidPropertyType".to_owned(),
            "tags['a%b']".to_owned(),
            "Expected a string but found a number.".to_owned()
        )]
    );
}

#[test]
fn at_most_one_hundred_details_with_the_count() {
    let fields: Vec<String> = (0..150).map(|i| format!(r#"{{"fieldName":"f{i}","fieldType":{i}}}"#)).collect();
    let body = format!(
        r#"{{"properties":{{"displayName":{{"en":"a"}},"profileType":"P","relatedProfileType":"R","fields":[{}]}}}}"#,
        fields.join(",")
    );
    let error = from_json_with::<RelationshipResourceFormat, _>(body.as_bytes(), &Stored::NEW)
        .map_err(validate_core::ErrorResponse::from)
        .unwrap_err();
    assert_eq!(error.error.details.len(), 100);
    assert_eq!(
        error.error.message,
        "The request content was invalid: 150 errors were found; the first 100 are listed and 50 are left out."
    );
}

#[test]
fn the_same_bytes_give_the_same_error_bytes() {
    let body =
        br#"{"properties":{"displayName":{"zz":"","aa":"x","en us":"y"},"profileType":7,"fields":[{"fieldName":1}]}}"#;
    let first = serde_json::to_vec(
        &from_json_with::<RelationshipResourceFormat, _>(body, &Stored::NEW)
            .map_err(validate_core::ErrorResponse::from)
            .unwrap_err(),
    )
    .unwrap();
    for _ in 0..5 {
        assert_eq!(
            serde_json::to_vec(
                &from_json_with::<RelationshipResourceFormat, _>(body, &Stored::NEW)
                    .map_err(validate_core::ErrorResponse::from)
                    .unwrap_err()
            )
            .unwrap(),
            first
        );
    }
}

#[test]
fn not_json_is_still_one_message_without_details() {
    let error = from_json_with::<RelationshipResourceFormat, _>(b"{\"properties\":{", &Stored::NEW)
        .map_err(validate_core::ErrorResponse::from)
        .unwrap_err();
    assert!(error.error.details.is_empty());
}

fn never(_: &Unit) -> Result<(), RuleError> {
    Err(RuleError::invalid("Never valid."))
}

#[derive(Debug, Deserialize, Validate)]
#[validate(check(never))]
struct Unit;

#[test]
fn unit_structs_are_read_as_serde_reads_them() {
    // serde reads a unit struct from `null`; anything else is one problem, named as serde names it.
    assert_eq!(problems::<Unit>("null"), ["InvalidValue "]);
    let error = from_json::<Unit>(b"1").map_err(validate_core::ErrorResponse::from).unwrap_err();
    assert_eq!(lines(&error), ["InvalidPropertyType "]);
    assert_eq!(error.error.details[0].message, "Expected null but found a number.");
}

/// A value serde cannot read: the walk of a type holding it must still compile.
#[derive(Debug)]
struct Handle(u32);

#[derive(Debug, Validate)]
struct Session {
    #[validate(non_empty)]
    user: String,
    handle: Handle,
    #[validate(nested)]
    pair: Pair,
}

/// Serialize-only request types (the client side) and types with fields serde cannot read derive
/// `Validate` like any other: the walk asks nothing of them, and `validate()` works.
#[test]
fn types_serde_cannot_read_still_derive_and_validate() {
    let session = Session {
        user: " ".to_owned(),
        handle: Handle(7),
        pair: Pair { left: "long".to_owned(), right: "long".to_owned() },
    };
    assert_eq!(session.handle.0, 7);
    let violations = session.validate().unwrap_err();
    let targets: Vec<&str> = violations.iter().map(validate_core::Violation::target).collect();
    assert_eq!(targets, ["user", "pair.left", "pair.right"]);
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Known {
    #[validate(length(max = 2))]
    plain: ::std::string::String,
    #[validate(each(range(max = 9)))]
    numbers: std::vec::Vec<u8>,
    #[validate(localized)]
    names: ::std::collections::BTreeMap<String, String>,
    maybe: std::option::Option<Box<u64>>,
}

/// Fields of the standard types the derive reads directly, written in any of their usual spellings,
/// report their shape problems and their rules together, like any other.
#[test]
fn standard_types_in_every_spelling_are_walked() {
    let body = r#"{"plain":"abc","numbers":[1,10,"x"],"names":{"en us":"a"},"maybe":-1}"#;
    assert_eq!(
        problems::<Known>(body),
        [
            "ValueTooLong plain",
            "InvalidPropertyType numbers[2]",
            "InvalidLocale names['en us']",
            "ValueOutOfRange maybe"
        ]
    );
}

// What the walk models of serde, case by case: each body below is read by serde but for one
// member (`canary`, or the member named), and the walk must say what serde says of the rest.

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct FlatA {
    x: u32,
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct TwoFlattened {
    canary: u8,
    #[serde(flatten)]
    #[validate(nested)]
    a: FlatA,
    #[serde(flatten)]
    extra: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct FlattenedOption {
    canary: u8,
    #[serde(flatten)]
    #[validate(nested)]
    a: Option<FlatA>,
}

#[test]
fn structs_whose_flattening_serde_hands_from_field_to_field_are_read_whole() {
    // serde's first flattened struct takes `x`, so the map never sees it; a failed flattened
    // `Option` is `None`. Read whole, they report serde's first problem and nothing it accepts.
    assert_eq!(problems::<TwoFlattened>(r#"{"canary":"x","x":5,"y":"s"}"#), ["InvalidPropertyType canary"]);
    assert_eq!(problems::<FlattenedOption>(r#"{"canary":"x","x":"s"}"#), ["InvalidPropertyType canary"]);
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Strict {
    #[validate(non_empty)]
    inner: String,
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct FlattensStrict {
    canary: u8,
    #[serde(flatten)]
    #[validate(nested)]
    strict: Strict,
}

#[test]
fn a_flattened_struct_is_given_only_its_own_fields() {
    assert_eq!(problems::<FlattensStrict>(r#"{"canary":"x","inner":"b","zz":1}"#), ["InvalidPropertyType canary"]);
    assert_eq!(
        problems::<FlattensStrict>(r#"{"canary":"x","inner":"","zz":1}"#),
        ["InvalidPropertyType canary", "EmptyValue inner"]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind")]
#[allow(dead_code)]
enum Tagged {
    A {
        n: u8,
        #[serde(flatten)]
        extra: BTreeMap<String, u8>,
    },
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct HoldsTagged {
    canary: u8,
    #[validate(nested)]
    t: Tagged,
}

#[test]
fn a_map_flattened_into_a_tagged_variant_is_not_given_the_tag() {
    assert_eq!(
        problems::<HoldsTagged>(r#"{"canary":"x","t":{"kind":"A","n":1,"z":2}}"#),
        ["InvalidPropertyType canary"]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
enum Mixed {
    Known {
        n: u8,
    },
    #[serde(untagged)]
    Free(String),
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct HoldsMixed {
    canary: u8,
    #[validate(nested)]
    m: Mixed,
}

#[test]
fn an_enum_with_untagged_variants_among_tagged_ones_is_read_whole() {
    assert_eq!(problems::<HoldsMixed>(r#"{"canary":"x","m":"hello"}"#), ["InvalidPropertyType canary"]);
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct Leaf {
    #[validate(non_empty)]
    label: String,
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct HoldsLeaves {
    #[validate(range(max = 5))]
    canary: u8,
    #[validate(nested)]
    m: BTreeMap<String, Leaf>,
}

#[test]
fn every_copy_of_a_repeated_map_key_must_read_as_serde_reads_them() {
    // serde_json reads both copies and keeps the last: the first one's problem is why it refused.
    assert_eq!(
        problems::<HoldsLeaves>(r#"{"canary":9,"m":{"a":{"label":5},"a":{"label":"ok"}}}"#),
        ["ValueOutOfRange canary", "InvalidPropertyType m['a'].label"]
    );
    // An earlier copy that reads says nothing: its rules are not the value's.
    assert_eq!(
        problems::<HoldsLeaves>(r#"{"canary":9,"m":{"a":{"label":""},"a":{"label":"ok"}}}"#),
        ["ValueOutOfRange canary"]
    );
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
#[allow(dead_code)]
enum Adjacent {
    A(u8),
    #[serde(other)]
    Other,
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
enum External {
    Dog {
        name: String,
    },
    #[serde(alias = "first")]
    One,
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct HoldsEnums {
    #[validate(range(max = 5))]
    canary: u8,
    #[validate(nested)]
    g: Option<Adjacent>,
    #[validate(nested)]
    j: Option<External>,
}

#[test]
fn enums_are_read_as_serde_reads_them() {
    // `deny_unknown_fields` on an adjacently tagged enum.
    assert_eq!(
        problems::<HoldsEnums>(r#"{"canary":9,"g":{"t":"A","c":1,"zz":1}}"#),
        ["ValueOutOfRange canary", "UnknownProperty g.zz"]
    );
    // `other` is a unit variant: content is refused as for any unit variant.
    assert_eq!(problems::<HoldsEnums>(r#"{"canary":1,"g":{"t":"Zzz","c":5}}"#), ["InvalidPropertyType g.c"]);
    // A variant with fields given by its name alone is a value of the wrong type.
    assert_eq!(problems::<HoldsEnums>(r#"{"canary":1,"j":"Dog"}"#), ["InvalidPropertyType j"]);
    // Unknown variants list every name serde reads, aliases included.
    let error =
        from_json::<HoldsEnums>(br#"{"canary":1,"j":"Cat"}"#).map_err(validate_core::ErrorResponse::from).unwrap_err();
    assert_eq!(error.error.details[0].message, "The value 'Cat' is not one of 'Dog', 'One', 'first'.");
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind")]
#[allow(dead_code)]
enum Numbered {
    A { m: BTreeMap<u32, String> },
}

#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct HoldsNumbered {
    #[validate(range(max = 5))]
    canary: u8,
    #[validate(nested)]
    n: Numbered,
}

#[test]
fn what_the_walk_reads_and_serde_refuses_is_said_where_serde_stopped() {
    // serde reads an internally tagged variant from buffered content, whose keys stay strings: it
    // refuses integer keys there. The walk reads them, so the answer says where serde stopped.
    let body = r#"{"canary":9,"n":{"kind":"A","m":{"1":"x"}}}"#;
    assert!(serde_json::from_str::<HoldsNumbered>(r#"{"canary":1,"n":{"kind":"A","m":{"1":"x"}}}"#).is_err());
    let error = from_json::<HoldsNumbered>(body.as_bytes()).map_err(validate_core::ErrorResponse::from).unwrap_err();
    let found: Vec<(&str, Option<&str>, &str)> = error
        .error
        .details
        .iter()
        .map(|detail| (detail.code.as_str(), detail.target.as_deref(), detail.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("ValueOutOfRange", Some("canary"), "The value 9 is greater than the maximum 5."),
            ("InvalidValue", None, "The value at line 1 column 43 is invalid."),
        ]
    );
}

// Issue 13: past the 100 details an answer shows, problems are counted, not kept. What is kept is
// the first 100 in the order they are found, wherever the walk records them: straight into the
// answer, into a nested field's list placed among the field's rules, into a variant tried for an
// untagged enum, into an earlier copy of a repeated map key.

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Named {
    #[validate(non_empty)]
    name: String,
}

/// `n` items `{"name":""}`: each reads, and breaks `non_empty`.
fn blank_items(n: usize) -> String {
    vec![r#"{"name":""}"#; n].join(",")
}

/// The `(code target)` lines `n` blank items give at `at[i].name`, from `from`.
fn blank_lines(at: &str, range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|i| format!("EmptyValue {at}[{i}].name")).collect()
}

#[test]
fn past_the_cap_a_field_s_rules_come_before_what_its_walk_found() {
    #[derive(Debug, Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Listed {
        #[validate(length(max = 1), nested)]
        items: Vec<Named>,
    }
    // The items read: the walk's 101 violations wait while `length` records its own first. The
    // unknown member after them is what makes serde fail.
    let body = format!(r#"{{"items":[{}],"x":1}}"#, blank_items(101));
    let error = from_json::<Listed>(body.as_bytes()).map_err(validate_core::ErrorResponse::from).unwrap_err();
    let mut expected = vec!["ValueTooLong items".to_owned()];
    expected.extend(blank_lines("items", 0..99));
    assert_eq!(lines(&error), expected);
    assert_eq!(
        error.error.message,
        "The request content was invalid: 103 errors were found; the first 100 are listed and 3 are left out."
    );
}

#[test]
fn past_the_cap_a_later_field_is_counted_after_an_earlier_one() {
    #[derive(Debug, Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Two {
        #[validate(nested)]
        first: Vec<Named>,
        #[validate(nested)]
        second: Vec<Named>,
    }
    let body = format!(r#"{{"first":[{}],"second":[{}],"x":1}}"#, blank_items(99), blank_items(10));
    let error = from_json::<Two>(body.as_bytes()).map_err(validate_core::ErrorResponse::from).unwrap_err();
    let mut expected = blank_lines("first", 0..99);
    expected.push("EmptyValue second[0].name".to_owned());
    assert_eq!(lines(&error), expected);
    assert_eq!(
        error.error.message,
        "The request content was invalid: 110 errors were found; the first 100 are listed and 10 are left out."
    );
}

#[test]
fn past_the_cap_the_variant_of_an_untagged_enum_that_reads_is_counted() {
    #[derive(Debug, Deserialize, Validate)]
    #[serde(untagged)]
    enum Either {
        #[allow(dead_code)]
        Number(u8),
        Items(#[validate(nested)] Vec<Named>),
    }
    #[derive(Debug, Deserialize, Validate)]
    struct Holder {
        #[validate(nested)]
        either: Either,
        #[allow(dead_code)]
        count: u8,
    }
    let body = format!(r#"{{"either":[{}],"count":"x"}}"#, blank_items(150));
    let error = from_json::<Holder>(body.as_bytes()).map_err(validate_core::ErrorResponse::from).unwrap_err();
    assert_eq!(lines(&error), blank_lines("either", 0..100));
    assert_eq!(
        error.error.message,
        "The request content was invalid: 151 errors were found; the first 100 are listed and 51 are left out."
    );
}

#[test]
fn past_the_cap_earlier_copies_of_a_map_key_are_counted() {
    #[derive(Debug, Deserialize, Validate)]
    struct Keyed {
        #[validate(nested)]
        names: BTreeMap<String, Named>,
    }
    // Every copy must read, as serde_json reads a repeated key: each that does not says why.
    let body = format!(r#"{{"names":{{{}}}}}"#, vec![r#""a":1"#; 150].join(","));
    let error = from_json::<Keyed>(body.as_bytes()).map_err(validate_core::ErrorResponse::from).unwrap_err();
    assert_eq!(lines(&error), vec!["InvalidPropertyType names['a']"; 100]);
    assert_eq!(
        error.error.message,
        "The request content was invalid: 150 errors were found; the first 100 are listed and 50 are left out."
    );
}

#[test]
fn past_the_cap_the_model_keeps_the_first_hundred_in_order() {
    // Two missing properties per empty item: the first 50 items are listed.
    let body = format!(
        r#"{{"properties":{{"displayName":{{"en":"x"}},"profileType":"a","relatedProfileType":"b","fields":[{}]}}}}"#,
        vec!["{}"; 1000].join(",")
    );
    let error = from_json_with::<RelationshipResourceFormat, _>(body.as_bytes(), &Stored::NEW)
        .map_err(validate_core::ErrorResponse::from)
        .unwrap_err();
    let expected: Vec<String> = (0..50)
        .flat_map(|i| {
            ["fieldName", "fieldType"].map(|name| format!("MissingRequiredProperty properties.fields[{i}].{name}"))
        })
        .collect();
    assert_eq!(lines(&error), expected);
    assert_eq!(
        error.error.details[99].message, "The property 'fieldType' is required.",
        "a detail kept is written in full"
    );
    assert_eq!(
        error.error.message,
        "The request content was invalid: 2000 errors were found; the first 100 are listed and 1900 are left out."
    );
}
