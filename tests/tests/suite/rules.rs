//! Every rule: the passing case, each failing case, and the exact code, target and message.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use validate_core::Holds;
use validate_core::{RuleError, Validate};
use validate_tests::{report, valid};

#[derive(Validate)]
struct Required {
    #[validate(required)]
    value: Option<u8>,
    #[validate(required(code = "NeedIt", message = "Say something."))]
    custom: Option<String>,
}

#[test]
fn required() {
    assert!(valid(&Required { value: Some(0), custom: Some(String::new()) }));
    assert_eq!(
        report(&Required { value: None, custom: None }),
        ["MissingRequiredProperty value: The property 'value' is required.", "NeedIt custom: Say something.",]
    );
}

#[derive(Validate)]
struct NonEmpty<'a> {
    #[validate(non_empty)]
    text: &'a str,
    #[validate(non_empty)]
    list: Vec<u8>,
    #[validate(non_empty)]
    map: HashMap<String, u8>,
    #[validate(non_empty)]
    maybe: Option<String>,
    #[validate(non_empty)]
    array: [u8; 0],
}

#[test]
fn non_empty() {
    let filled = NonEmpty { text: " x ", list: vec![1], map: HashMap::from([("k".into(), 1)]), maybe: None, array: [] };
    assert_eq!(report(&filled), ["EmptyValue array: The value must have at least 1 item."]);
    let empty = NonEmpty { text: "\u{a0}\n", list: vec![], map: HashMap::new(), maybe: Some(String::new()), array: [] };
    assert_eq!(
        report(&empty),
        [
            "EmptyValue text: The value must not be empty or white space.",
            "EmptyValue list: The value must have at least 1 item.",
            "EmptyValue map: The value must have at least 1 entry.",
            "EmptyValue maybe: The value must not be empty or white space.",
            "EmptyValue array: The value must have at least 1 item.",
        ]
    );
}

#[derive(Validate)]
struct Length {
    #[validate(length(min = 2, max = 3))]
    text: String,
    #[validate(length(min = 1))]
    list: Vec<u8>,
    #[validate(length(max = 1))]
    map: BTreeMap<u8, u8>,
    #[validate(length(max = 1, code = "Long", message = "Too long."))]
    maybe: Option<String>,
}

#[test]
fn length_counts_characters_items_and_entries() {
    let ok = Length { text: "ÿé".into(), list: vec![1], map: BTreeMap::new(), maybe: None };
    assert!(valid(&ok));
    let edges =
        Length { text: "ÿéü".into(), list: vec![1, 2], map: BTreeMap::from([(1, 1)]), maybe: Some("x".into()) };
    assert!(valid(&edges));
    let short =
        Length { text: "é".into(), list: vec![], map: BTreeMap::from([(1, 1), (2, 2)]), maybe: Some("xy".into()) };
    assert_eq!(
        report(&short),
        [
            "ValueTooShort text: The value must have at least 2 characters; it has 1.",
            "ValueTooShort list: The value must have at least 1 item; it has 0.",
            "ValueTooLong map: The value must have at most 1 entry; it has 2.",
            "Long maybe: Too long.",
        ]
    );
    let long = Length { text: "abcd".into(), list: vec![1], map: BTreeMap::new(), maybe: None };
    assert_eq!(report(&long), ["ValueTooLong text: The value must have at most 3 characters; it has 4."]);
}

#[derive(Validate)]
struct LengthEqual {
    #[validate(length(equal = 2))]
    country: String,
    #[validate(length(equal = 1))]
    list: Vec<u8>,
    #[validate(length(equal = 2))]
    map: BTreeMap<u8, u8>,
    #[validate(length(equal = 3, code = "BadCode", message = "Three letters."))]
    maybe: Option<String>,
}

#[test]
fn length_equal_is_exact() {
    let ok = LengthEqual { country: "ÇH".into(), list: vec![1], map: BTreeMap::from([(1, 1), (2, 2)]), maybe: None };
    assert!(valid(&ok));
    assert!(valid(&LengthEqual { maybe: Some("abc".into()), ..ok }));
    let short =
        LengthEqual { country: "C".into(), list: vec![], map: BTreeMap::from([(1, 1)]), maybe: Some("ab".into()) };
    assert_eq!(
        report(&short),
        [
            "ValueTooShort country: The value must have exactly 2 characters; it has 1.",
            "ValueTooShort list: The value must have exactly 1 item; it has 0.",
            "ValueTooShort map: The value must have exactly 2 entries; it has 1.",
            "BadCode maybe: Three letters.",
        ]
    );
    let long = LengthEqual {
        country: "CHE".into(),
        list: vec![1, 2],
        map: BTreeMap::from([(1, 1), (2, 2), (3, 3)]),
        maybe: Some("abcd".into()),
    };
    assert_eq!(
        report(&long),
        [
            "ValueTooLong country: The value must have exactly 2 characters; it has 3.",
            "ValueTooLong list: The value must have exactly 1 item; it has 2.",
            "ValueTooLong map: The value must have exactly 2 entries; it has 3.",
            "BadCode maybe: Three letters.",
        ]
    );
    let error = validate_core::rules::length::exactly("", 1).map_err(validate_core::Failure::error).unwrap_err();
    assert_eq!(error.code(), "ValueTooShort");
}

#[derive(serde::Deserialize, Validate)]
struct Settled {
    #[validate(length(min = 2, max = 3))]
    text: String,
    #[validate(length(min = 2, max = 2))]
    pair: Option<String>,
    #[validate(length(equal = 2))]
    country: Box<str>,
}

/// A string whose byte length settles its bounds (fewer bytes than `min`, or more than four
/// bytes a character over `max`) fails without being counted in the first pass; the message
/// still says how many characters it has, on `validate()` and `from_json`. Written `min = 2, max =
/// 2` is a range, whose message is not `equal`'s.
#[test]
fn a_length_settled_by_bytes_is_reported_in_characters() {
    let settled = |text: &str, pair: &str, country: &str| Settled {
        text: text.into(),
        pair: Some(pair.into()),
        country: country.into(),
    };
    assert!(valid(&settled("ab", "éé", "ÇH")) && valid(&settled("€€€", "ab", "ab")));
    let short = [
        "ValueTooShort text: The value must have at least 2 characters; it has 0.",
        "ValueTooShort pair: The value must have at least 2 characters; it has 0.",
        "ValueTooShort country: The value must have exactly 2 characters; it has 0.",
    ];
    assert_eq!(report(&settled("", "", "")), short);
    let long = [
        "ValueTooLong text: The value must have at most 3 characters; it has 13.",
        "ValueTooLong pair: The value must have at most 2 characters; it has 9.",
        "ValueTooLong country: The value must have exactly 2 characters; it has 12.",
    ];
    assert_eq!(report(&settled("abcdefghijklm", "abcdefghi", "€€€€€€€€€€€€")), long);
    // Not settled by bytes, so counted: "ÇH" (3 bytes, 2 characters) within, "ééééé" (10, 5) not.
    assert!(valid(&settled("ab", "ab", "ÇH")) && !valid(&settled("ééééé", "ab", "ab")));
    let read = |body: &str| match validate_core::from_json::<Settled>(body.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(error) => validate_tests::details(&error).into_iter().map(|(c, t, m)| format!("{c} {t}: {m}")).collect(),
    };
    assert_eq!(read(r#"{"text":"","pair":"","country":""}"#), short);
    assert_eq!(read(r#"{"text":"abcdefghijklm","pair":"abcdefghi","country":"€€€€€€€€€€€€"}"#), long);
}

const MAX_UNITS: u32 = 10;

#[derive(Validate)]
struct Range {
    #[validate(range(min = 1, max = MAX_UNITS))]
    units: u32,
    #[validate(range(min = -1.5, max = 1.5))]
    ratio: f64,
    #[validate(range(max = 0))]
    maybe: Option<i64>,
}

#[test]
fn range_is_inclusive() {
    assert!(valid(&Range { units: 1, ratio: -1.5, maybe: None }));
    assert!(valid(&Range { units: 10, ratio: 1.5, maybe: Some(0) }));
    assert_eq!(
        report(&Range { units: 0, ratio: 2.0, maybe: Some(1) }),
        [
            "ValueOutOfRange units: The value 0 is less than the minimum 1.",
            "ValueOutOfRange ratio: The value 2 is greater than the maximum 1.5.",
            "ValueOutOfRange maybe: The value 1 is greater than the maximum 0.",
        ]
    );
    assert_eq!(
        report(&Range { units: 11, ratio: f64::NAN, maybe: None }),
        [
            "ValueOutOfRange units: The value 11 is greater than the maximum 10.",
            "ValueOutOfRange ratio: The value is not a number.",
        ]
    );
}

/// An integer bound on a float field reads as that float (issue 15).
#[derive(Validate)]
struct FloatBounds {
    #[validate(range(min = 1, max = 10))]
    wide: f64,
    #[validate(range(min = -2))]
    narrow: Option<f32>,
    #[validate(each(range(max = 0)))]
    items: Vec<f64>,
}

#[test]
fn range_takes_integer_bounds_on_floats() {
    assert!(valid(&FloatBounds { wide: 1.0, narrow: Some(-2.0), items: vec![0.0] }));
    assert!(valid(&FloatBounds { wide: 10.0, narrow: None, items: vec![] }));
    assert_eq!(
        report(&FloatBounds { wide: 0.5, narrow: Some(-2.5), items: vec![0.0, 0.25] }),
        [
            "ValueOutOfRange wide: The value 0.5 is less than the minimum 1.",
            "ValueOutOfRange narrow: The value -2.5 is less than the minimum -2.",
            "ValueOutOfRange items[1]: The value 0.25 is greater than the maximum 0.",
        ]
    );
    assert_eq!(
        report(&FloatBounds { wide: 10.5, narrow: None, items: vec![] }),
        ["ValueOutOfRange wide: The value 10.5 is greater than the maximum 10."]
    );
}

#[derive(Validate)]
struct Parts<'a> {
    #[validate(contains("/"))]
    path: &'a str,
    #[validate(prefix("https://"))]
    site: String,
    #[validate(suffix(".json"), prefix("cfg-", code = "BadName", message = "Start with cfg-."))]
    file: Option<String>,
}

#[test]
fn contains_prefix_and_suffix_compare_case_included() {
    assert!(valid(&Parts { path: "a/b", site: "https://x".into(), file: Some("cfg-a.json".into()) }));
    assert!(valid(&Parts { path: "/", site: "https://".into(), file: None }));
    assert_eq!(
        report(&Parts { path: "a\\b\u{7}", site: "HTTPS://x".into(), file: Some("a.JSON".into()) }),
        [
            "PatternMismatch path: The value 'a\\b\\u{7}' must contain '/'.",
            "PatternMismatch site: The value 'HTTPS://x' must start with 'https://'.",
            "PatternMismatch file: The value 'a.JSON' must end with '.json'.",
            "BadName file: Start with cfg-.",
        ]
    );
}

#[derive(Validate)]
struct Characters<'a> {
    #[validate(not_containing("<>%&:\\?/"))]
    name: &'a str,
    #[validate(no_control_chars)]
    password: Option<String>,
    #[validate(not_containing("é\u{202e}"), no_control_chars(code = "Hidden"))]
    label: String,
}

#[test]
fn not_containing_and_no_control_chars_name_the_first_character() {
    assert!(valid(&Characters { name: "hub-1 (ü)", password: Some("pä ss".into()), label: "e".into() }));
    assert!(valid(&Characters { name: "", password: None, label: String::new() }));
    assert_eq!(
        report(&Characters { name: "a?b%", password: Some("a\tb\u{7}".into()), label: "x\u{202e}é\n".into() }),
        [
            "InvalidCharacter name: The value must not contain '?'.",
            r"InvalidCharacter password: The value must not contain control characters; it has '\u{9}'.",
            r"InvalidCharacter label: The value must not contain '\u{202e}'.",
            r"Hidden label: The value must not contain control characters; it has '\u{a}'.",
        ]
    );
    assert_eq!(
        report(&Characters { name: "C:\\x", password: Some("\u{85}".into()), label: "é".into() }),
        [
            r"InvalidCharacter name: The value must not contain ':'.",
            r"InvalidCharacter password: The value must not contain control characters; it has '\u{85}'.",
            "InvalidCharacter label: The value must not contain 'é'.",
        ]
    );
}

#[derive(Validate)]
struct Apostrophe {
    #[validate(not_containing("'\""))]
    name: String,
}

/// `'''` would hide which character it is.
#[test]
fn an_apostrophe_is_quoted_with_double_quotes() {
    assert_eq!(
        report(&Apostrophe { name: "O'Brien".into() }),
        [r#"InvalidCharacter name: The value must not contain "'"."#]
    );
    assert_eq!(
        report(&Apostrophe { name: "say \"hi\"".into() }),
        [r#"InvalidCharacter name: The value must not contain '"'."#]
    );
}

#[derive(Validate)]
struct Exclusive {
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.0))]
    share: f64,
    #[validate(range(min = 1, exclusive_max = 10))]
    units: Option<u8>,
    #[validate(range(exclusive_min = -1, max = 5, code = "BadLevel"))]
    level: i32,
}

#[test]
fn range_exclusive_bounds_are_strict() {
    assert!(valid(&Exclusive { share: 0.5, units: Some(1), level: 0 }));
    assert!(valid(&Exclusive { share: 0.999, units: Some(9), level: 5 }));
    assert!(valid(&Exclusive { share: 0.001, units: None, level: -0 }));
    assert_eq!(
        report(&Exclusive { share: 0.0, units: Some(10), level: -1 }),
        [
            "ValueOutOfRange share: The value 0 must be greater than 0.",
            "ValueOutOfRange units: The value 10 must be less than 10.",
            "BadLevel level: The value -1 must be greater than -1.",
        ]
    );
    assert_eq!(
        report(&Exclusive { share: 1.0, units: Some(0), level: 6 }),
        [
            "ValueOutOfRange share: The value 1 must be less than 1.",
            "ValueOutOfRange units: The value 0 is less than the minimum 1.",
            "BadLevel level: The value 6 is greater than the maximum 5.",
        ]
    );
    assert_eq!(
        report(&Exclusive { share: f64::NAN, units: None, level: 0 }),
        ["ValueOutOfRange share: The value is not a number."]
    );
}

#[derive(Validate)]
struct Pattern {
    #[validate(pattern("^[a-zA-Z][a-zA-Z0-9_]+$"))]
    name: String,
    #[validate(pattern(r"^\d+$", code = "NotDigits"))]
    digits: Option<String>,
}

#[test]
fn pattern_matches_and_echoes_safely() {
    assert!(valid(&Pattern { name: "rel_1".into(), digits: Some("42".into()) }));
    assert_eq!(
        report(&Pattern { name: "1rel".into(), digits: Some("4x".into()) }),
        [
            "PatternMismatch name: The value '1rel' does not match the pattern '^[a-zA-Z][a-zA-Z0-9_]+$'.",
            r"NotDigits digits: The value '4x' does not match the pattern '^\d+$'.",
        ]
    );
    let hostile = Pattern { name: format!("\u{202e}{}", "x".repeat(200)), digits: None };
    let message = report(&hostile).remove(0);
    assert!(message.starts_with(r"PatternMismatch name: The value '\u{202e}xxx"), "{message}");
    assert!(message.contains("x…' does not match"), "{message}");
}

#[derive(Validate)]
struct OneOf {
    #[validate(one_of("OneToOne", "OneToMany", "ManyToMany"))]
    cardinality: String,
}

#[test]
fn one_of_is_case_sensitive_and_lists_the_values() {
    assert!(valid(&OneOf { cardinality: "OneToMany".into() }));
    assert_eq!(
        report(&OneOf { cardinality: "onetomany".into() }),
        ["InvalidEnumValue cardinality: The value 'onetomany' is not one of 'OneToOne', 'OneToMany', 'ManyToMany'."]
    );
}

#[derive(Validate)]
struct Format {
    #[validate(format(uuid))]
    id: String,
    #[validate(format(date_time))]
    at: Option<String>,
}

#[test]
fn formats() {
    assert!(
        Format { id: "00000000-aaaa-BBBB-cccc-000000000000".into(), at: Some("2027-06-30T23:59:60Z".into()) }
            .validate()
            .is_ok()
    );
    assert_eq!(
        report(&Format { id: "not-a-guid".into(), at: Some("2027-06-30T23:59:59".into()) }),
        [
            "InvalidFormat id: The value 'not-a-guid' is not a GUID (8-4-4-4-12 hexadecimal digits).",
            "InvalidFormat at: The value '2027-06-30T23:59:59' is not an RFC 3339 date-time such as '2027-06-30T23:59:59Z'.",
        ]
    );
}

#[derive(Validate)]
struct Localized {
    #[validate(localized)]
    names: HashMap<String, String>,
    #[validate(localized(code = "BadName"))]
    other: Option<BTreeMap<String, String>>,
}

#[test]
fn localized_maps_report_in_sorted_key_order_with_the_locale_first() {
    let names: HashMap<String, String> = [("zz-bad key", ""), ("en-us", "ok"), ("a", " "), ("de", "")]
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect();
    let expected = [
        "InvalidLocale names['a']: The key 'a' is not a language tag such as 'en-us'.",
        "EmptyValue names['a']: The value must not be empty or white space.",
        "EmptyValue names['de']: The value must not be empty or white space.",
        "InvalidLocale names['zz-bad key']: The key 'zz-bad key' is not a language tag such as 'en-us'.",
        "EmptyValue names['zz-bad key']: The value must not be empty or white space.",
    ];
    // HashMap order varies between instances; the report must not.
    for _ in 0..20 {
        let value = Localized { names: names.clone().into_iter().collect(), other: None };
        assert_eq!(report(&value), expected);
    }
    let other = Localized { names: HashMap::from([("en".into(), "x".into())]), other: Some(BTreeMap::new()) };
    assert_eq!(report(&other), ["BadName other: The value must have at least 1 entry."]);
}

#[test]
fn keys_are_escaped_in_targets() {
    let value = Localized { names: HashMap::from([(r"it's\".into(), "x".into())]), other: None };
    assert_eq!(
        report(&value),
        [r"InvalidLocale names['it\'s\\']: The key 'it's\' is not a language tag such as 'en-us'."]
    );
}

#[derive(Validate)]
struct Inner {
    #[validate(non_empty)]
    name: String,
}

#[derive(Validate)]
struct Nested {
    #[validate(nested)]
    one: Inner,
    #[validate(nested)]
    boxed: Box<Inner>,
    #[validate(nested)]
    maybe: Option<Inner>,
    #[validate(nested)]
    list: Vec<Inner>,
    #[validate(nested)]
    array: [Inner; 1],
    #[validate(nested)]
    map: HashMap<String, Inner>,
    #[validate(nested)]
    deep: Option<Vec<Option<Box<Inner>>>>,
}

fn inner(name: &str) -> Inner {
    Inner { name: name.into() }
}

#[test]
fn nested_walks_through_containers() {
    let ok = Nested {
        one: inner("a"),
        boxed: Box::new(inner("a")),
        maybe: None,
        list: vec![inner("a")],
        array: [inner("a")],
        map: HashMap::from([("k".into(), inner("a"))]),
        deep: Some(vec![None, Some(Box::new(inner("a")))]),
    };
    assert!(valid(&ok));
    let bad = Nested {
        one: inner(""),
        boxed: Box::new(inner("")),
        maybe: Some(inner("")),
        list: vec![inner("a"), inner("")],
        array: [inner("")],
        map: HashMap::from([("b".into(), inner("")), ("a".into(), inner("")), ("c".into(), inner("x"))]),
        deep: Some(vec![None, Some(Box::new(inner("")))]),
    };
    let targets: Vec<String> = bad.validate().unwrap_err().iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(
        targets,
        [
            "one.name",
            "boxed.name",
            "maybe.name",
            "list[1].name",
            "array[0].name",
            "map['a'].name",
            "map['b'].name",
            "deep[1].name",
        ]
    );
}

#[derive(Validate)]
struct Each {
    #[validate(each(non_empty, length(max = 3)))]
    tags: Vec<String>,
    #[validate(each(range(min = 1), code = "BadQuota"))]
    quotas: Option<BTreeMap<String, u32>>,
    #[validate(each(each(one_of("a", "b"))))]
    grid: Vec<Vec<String>>,
    #[validate(each(nested))]
    items: Vec<Inner>,
}

#[test]
fn each_applies_rules_to_every_item() {
    let ok = Each { tags: vec!["a".into()], quotas: None, grid: vec![vec!["a".into()]], items: vec![inner("x")] };
    assert!(valid(&ok));
    let bad = Each {
        tags: vec![" ".into(), "long".into()],
        quotas: Some(BTreeMap::from([("x".into(), 0), ("y".into(), 2)])),
        grid: vec![vec![], vec!["a".into(), "c".into()]],
        items: vec![inner("")],
    };
    assert_eq!(
        report(&bad),
        [
            "EmptyValue tags[0]: The value must not be empty or white space.",
            "ValueTooLong tags[1]: The value must have at most 3 characters; it has 4.",
            "BadQuota quotas['x']: The value 0 is less than the minimum 1.",
            "InvalidEnumValue grid[1][1]: The value 'c' is not one of 'a', 'b'.",
            "EmptyValue items[0].name: The value must not be empty or white space.",
        ]
    );
}

/// `each` on sets: every item at its index in the set's order (issue 15).
#[derive(Validate)]
struct EachOnSets {
    #[validate(each(non_empty, length(max = 3)))]
    sorted: BTreeSet<String>,
    #[validate(each(range(min = 1)))]
    hashed: Option<HashSet<u32>>,
}

#[test]
fn each_applies_rules_to_every_item_of_a_set() {
    let ok = EachOnSets { sorted: BTreeSet::from(["a".into(), "b".into()]), hashed: Some(HashSet::from([1, 2])) };
    assert!(valid(&ok));
    let bad = EachOnSets {
        sorted: BTreeSet::from(["long".into(), " ".into(), "ok".into()]),
        hashed: Some(HashSet::from([0])),
    };
    assert_eq!(
        report(&bad),
        [
            "EmptyValue sorted[0]: The value must not be empty or white space.",
            "ValueTooLong sorted[1]: The value must have at most 3 characters; it has 4.",
            "ValueOutOfRange hashed[0]: The value 0 is less than the minimum 1.",
        ]
    );
    assert!(valid(&EachOnSets { sorted: BTreeSet::new(), hashed: None }));
}

/// ARM's rules for a resource's tags, stated in plain words: at most 15; names of 1 to 512
/// characters without `<>%&\?/` or control characters; values of at most 256 characters.
#[derive(Validate)]
struct Tagged {
    #[validate(
        length(max = 15),
        keys(length(min = 1, max = 512), not_containing("<>%&\\?/"), no_control_chars),
        each(length(max = 256))
    )]
    tags: Option<BTreeMap<String, String>>,
}

fn tags(entries: &[(&str, &str)]) -> Tagged {
    Tagged { tags: Some(entries.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()) }
}

#[test]
fn keys_apply_rules_to_every_key_at_its_entry() {
    assert!(valid(&Tagged { tags: None }));
    assert!(valid(&tags(&[])));
    let fifteen: Vec<(String, String)> = (0..15).map(|i| (format!("{i:0>512}"), "v".repeat(256))).collect();
    let fifteen: Vec<(&str, &str)> = fifteen.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert!(valid(&tags(&fifteen)));
    let bad = tags(&[("env", "prod"), ("a%b", "x"), ("", "y"), ("bell\u{7}", "w"), (r"it's\/", "v")]);
    assert_eq!(
        report(&bad),
        [
            "ValueTooShort tags['']: The key must have at least 1 character; it has 0.",
            "InvalidCharacter tags['a%b']: The key must not contain '%'.",
            r"InvalidCharacter tags['bell\u{7}']: The key must not contain control characters; it has '\u{7}'.",
            r"InvalidCharacter tags['it\'s\\/']: The key must not contain '\'.",
        ]
    );
    // A key too long for the target: the target is cut as any other, the message counts it all.
    let long = "k".repeat(513);
    let violations = tags(&[(&long, "v")]).validate().unwrap_err();
    let violation = violations.iter().next().unwrap();
    assert_eq!(violation.message(), "The key must have at most 512 characters; it has 513.");
    assert_eq!(violation.target(), format!("tags['{}…", &long[..505]));
}

/// Every rule that checks text, on keys, through the wrappers `keys` takes.
#[derive(Validate)]
#[allow(clippy::box_collection)] // the wrappers `keys` takes
struct KeyRules<'a> {
    #[validate(keys(non_empty))]
    blank: HashMap<String, u8>,
    #[validate(keys(length(equal = 2)))]
    pairs: BTreeMap<&'a str, u8>,
    #[validate(keys(pattern("^[a-z]+$")))]
    lower: BTreeMap<String, u8>,
    #[validate(keys(contains("-"), prefix("x-"), suffix("-id")))]
    parts: BTreeMap<String, u8>,
    #[validate(keys(one_of("en", "de")))]
    languages: Option<BTreeMap<String, u8>>,
    #[validate(keys(format(uuid)))]
    ids: &'a BTreeMap<String, u8>,
    #[validate(keys(format(date_time)))]
    times: Box<HashMap<String, u8>>,
    #[validate(keys(custom(no_spaces)))]
    spaced: Option<Box<HashMap<String, u8>>>,
    #[validate(keys(format(arm_id)))]
    scopes: BTreeMap<String, u8>,
}

#[test]
fn every_rule_on_text_checks_keys() {
    let ids = BTreeMap::from([("6c051e68-23d6-42de-bab4-e93de5cb893b".to_owned(), 1)]);
    let ok = KeyRules {
        blank: HashMap::from([("x".into(), 1)]),
        pairs: BTreeMap::from([("ab", 1)]),
        lower: BTreeMap::from([("abc".into(), 1)]),
        parts: BTreeMap::from([("x-a-id".into(), 1)]),
        languages: None,
        ids: &ids,
        times: Box::new(HashMap::from([("2027-06-30T23:59:59Z".into(), 1)])),
        spaced: Some(Box::new(HashMap::from([("a".into(), 1)]))),
        scopes: BTreeMap::new(),
    };
    assert!(valid(&ok));
    let ids = BTreeMap::from([("not-a-guid".to_owned(), 1)]);
    let bad = KeyRules {
        blank: HashMap::from([(" ".into(), 1), ("x".into(), 2)]),
        pairs: BTreeMap::from([("abc", 1)]),
        lower: BTreeMap::from([("aB".into(), 1)]),
        parts: BTreeMap::from([("ab".into(), 1)]),
        languages: Some(BTreeMap::from([("fr".into(), 1)])),
        ids: &ids,
        times: Box::new(HashMap::from([("yesterday".into(), 1)])),
        spaced: Some(Box::new(HashMap::from([("a b".into(), 1)]))),
        scopes: BTreeMap::from([("subscriptions/x".into(), 1)]),
    };
    assert_eq!(
        report(&bad),
        [
            "EmptyValue blank[' ']: The key must not be empty or white space.",
            "ValueTooLong pairs['abc']: The key must have exactly 2 characters; it has 3.",
            "PatternMismatch lower['aB']: The key 'aB' does not match the pattern '^[a-z]+$'.",
            "PatternMismatch parts['ab']: The key 'ab' must contain '-'.",
            "PatternMismatch parts['ab']: The key 'ab' must start with 'x-'.",
            "PatternMismatch parts['ab']: The key 'ab' must end with '-id'.",
            "InvalidEnumValue languages['fr']: The key 'fr' is not one of 'en', 'de'.",
            "InvalidFormat ids['not-a-guid']: The key 'not-a-guid' is not a GUID (8-4-4-4-12 hexadecimal digits).",
            "InvalidFormat times['yesterday']: The key 'yesterday' is not an RFC 3339 date-time such as '2027-06-30T23:59:59Z'.",
            // A custom rule's own text is kept: it knows it checks a key.
            "InvalidValue spaced['a b']: No spaces, please.",
            "InvalidFormat scopes['subscriptions/x']: The key 'subscriptions/x' is not an Azure resource ID: it must start with '/'.",
        ]
    );
}

#[derive(Validate)]
struct KeyOverrides {
    #[validate(keys(length(max = 3, code = "TagTooLong")))]
    inner: BTreeMap<String, u8>,
    #[validate(keys(length(max = 3), not_containing("%"), code = "BadTagName", message = "Tag names are short."))]
    outer: BTreeMap<String, u8>,
}

#[test]
fn keys_take_codes_and_messages_as_each_does() {
    let map = BTreeMap::from([("long%".to_owned(), 1)]);
    let value = KeyOverrides { inner: map.clone(), outer: map };
    assert_eq!(
        report(&value),
        [
            "TagTooLong inner['long%']: The key must have at most 3 characters; it has 5.",
            "BadTagName outer['long%']: Tag names are short.",
            "BadTagName outer['long%']: Tag names are short.",
        ]
    );
    // The message stays typed, said of the key, for catalogs and `additionalInfo`.
    let violations = value.validate().unwrap_err();
    let ids: Vec<_> = violations.iter().map(|v| v.typed_message().id()).collect();
    assert_eq!(ids, [Some("key-length-too-long"), Some("key-length-too-long"), Some("key-not-containing")]);
}

/// Keys and values of one map: a field's rules run in the order written, each over every entry
/// in sorted key order, a `HashMap` too; so `keys(…)` then `each(…)` gives every key, then every
/// value, and the other way round the other way round.
#[derive(Validate)]
struct KeysAndValues {
    #[validate(keys(length(max = 2)), each(non_empty))]
    keys_first: HashMap<String, String>,
    #[validate(each(non_empty), keys(length(max = 2)))]
    values_first: HashMap<String, String>,
}

#[test]
fn keys_and_values_report_in_the_order_their_rules_are_written() {
    let entries = [("ccc", ""), ("a", ""), ("bbb", "x"), ("dd", " "), ("eeee", "")];
    let keys_first = [
        "ValueTooLong keys_first['bbb']: The key must have at most 2 characters; it has 3.",
        "ValueTooLong keys_first['ccc']: The key must have at most 2 characters; it has 3.",
        "ValueTooLong keys_first['eeee']: The key must have at most 2 characters; it has 4.",
        "EmptyValue keys_first['a']: The value must not be empty or white space.",
        "EmptyValue keys_first['ccc']: The value must not be empty or white space.",
        "EmptyValue keys_first['dd']: The value must not be empty or white space.",
        "EmptyValue keys_first['eeee']: The value must not be empty or white space.",
    ];
    let values_first =
        keys_first[3..].iter().chain(&keys_first[..3]).map(|line| line.replace("keys_first", "values_first"));
    let expected: Vec<String> = keys_first.iter().map(|line| (*line).to_owned()).chain(values_first).collect();
    // The same whatever order a `HashMap` iterates in: each map made here hashes with keys of its own.
    for _ in 0..8 {
        let map = || entries.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        assert_eq!(report(&KeysAndValues { keys_first: map(), values_first: map() }), expected);
    }
}

#[derive(Validate)]
struct KeysBesideOthers {
    #[validate(nested, keys(prefix("x-")))]
    children: BTreeMap<String, Inner>,
    #[validate(each(keys(one_of("a", "b"))))]
    rows: Vec<HashMap<String, u8>>,
}

#[test]
fn keys_beside_nested_and_inside_each() {
    let value = KeysBesideOthers {
        children: BTreeMap::from([("y".into(), inner("")), ("x-1".into(), inner("ok"))]),
        rows: vec![HashMap::from([("a".into(), 1)]), HashMap::from([("c".into(), 1), ("a".into(), 2)])],
    };
    assert_eq!(
        report(&value),
        [
            "EmptyValue children['y'].name: The value must not be empty or white space.",
            "PatternMismatch children['y']: The key 'y' must start with 'x-'.",
            "InvalidEnumValue rows[1]['c']: The key 'c' is not one of 'a', 'b'.",
        ]
    );
}

#[derive(Validate)]
struct Unique {
    #[validate(unique)]
    ids: Vec<u32>,
    #[validate(unique(ignore_case))]
    names: Option<Vec<String>>,
    #[validate(unique(by = name, code = "NameTaken"))]
    items: Vec<Inner>,
}

#[test]
fn unique_reports_every_repeat_after_the_first() {
    let ok = Unique { ids: vec![1, 2], names: Some(vec!["a".into(), "b".into()]), items: vec![inner("a"), inner("A")] };
    assert!(valid(&ok));
    let bad = Unique {
        ids: vec![3, 1, 3, 3],
        names: Some(vec!["Ab".into(), "aB".into()]),
        items: vec![inner("x"), inner("x")],
    };
    assert_eq!(
        report(&bad),
        [
            "DuplicateValue ids[2]: The value '3' repeats the value at index 0.",
            "DuplicateValue ids[3]: The value '3' repeats the value at index 0.",
            "DuplicateValue names[1]: The value 'aB' repeats the value at index 0, ignoring case.",
            "NameTaken items[1].name: The value 'x' repeats the value at index 0.",
        ]
    );
}

#[derive(Validate)]
struct Nicknamed {
    nick: Option<String>,
}

fn nick(nick: Option<&str>) -> Nicknamed {
    Nicknamed { nick: nick.map(str::to_owned) }
}

/// `unique(by = field)` on an optional field: the items without one never repeat (issue 15).
#[derive(Validate)]
struct UniqueOptional {
    #[validate(unique(by = nick))]
    exact: Vec<Nicknamed>,
    #[validate(unique(by = nick, ignore_case))]
    folded: Vec<Nicknamed>,
}

#[test]
fn unique_by_an_optional_field_ignores_the_items_without_one() {
    let people = || vec![nick(None), nick(Some("Al")), nick(None), nick(Some("al")), nick(None)];
    assert!(valid(&UniqueOptional { exact: people(), folded: vec![nick(None), nick(None)] }));
    let mut exact = people();
    exact.push(nick(Some("Al")));
    assert_eq!(
        report(&UniqueOptional { exact, folded: people() }),
        [
            "DuplicateValue exact[5].nick: The value 'Al' repeats the value at index 1.",
            "DuplicateValue folded[3].nick: The value 'al' repeats the value at index 1, ignoring case.",
        ]
    );
    // Past the stack tables, sorting finds the same.
    let mut many: Vec<Nicknamed> = (0..200).map(|i| nick((i % 2 == 0).then(|| format!("n{i}")).as_deref())).collect();
    assert!(valid(&UniqueOptional { exact: vec![], folded: many }));
    many = (0..200).map(|_| nick(None)).collect();
    many.push(nick(Some("x")));
    many.push(nick(Some("X")));
    assert_eq!(
        report(&UniqueOptional { exact: vec![], folded: many }),
        ["DuplicateValue folded[201].nick: The value 'X' repeats the value at index 200, ignoring case."]
    );
}

#[test]
fn unique_handles_more_items_than_the_stack_buffer() {
    let mut ids: Vec<u32> = (0..1_000).collect();
    assert!(valid(&Unique { ids: ids.clone(), names: None, items: vec![] }));
    ids.push(500);
    assert_eq!(
        report(&Unique { ids, names: None, items: vec![] }),
        ["DuplicateValue ids[1000]: The value '500' repeats the value at index 500."]
    );
}

#[derive(Validate)]
struct ReadOnly {
    #[validate(read_only)]
    tenant_id: Option<String>,
}

#[test]
fn read_only() {
    assert!(valid(&ReadOnly { tenant_id: None }));
    assert_eq!(
        report(&ReadOnly { tenant_id: Some(String::new()) }),
        ["ReadOnlyProperty tenant_id: The property 'tenant_id' is read-only: only the server sets it."]
    );
}

fn no_spaces(value: &str) -> Result<(), RuleError> {
    if value.contains(' ') { Err(RuleError::invalid("No spaces, please.")) } else { Ok(()) }
}

// A custom rule takes its value by reference, whatever its size.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn even(value: &u32) -> Result<(), RuleError> {
    if value.is_multiple_of(2) { Ok(()) } else { Err(RuleError::new("NotEven", format!("{value} is odd."))) }
}

#[derive(Validate)]
struct Custom {
    #[validate(custom(no_spaces))]
    name: String,
    #[validate(custom(even, message = "Even numbers only."))]
    count: Option<u32>,
    #[validate(each(custom(no_spaces)))]
    tags: Vec<String>,
    #[validate(custom(self::helpers::always_fails))]
    pointed: u8,
}

mod helpers {
    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub fn always_fails(_: &u8) -> Result<(), validate_core::RuleError> {
        Err(validate_core::RuleError::invalid("Never.").at("deeper"))
    }
}

#[test]
fn custom_rules_get_the_value_and_skip_none() {
    let bad = Custom { name: "a b".into(), count: Some(3), tags: vec!["x y".into()], pointed: 0 };
    assert_eq!(
        report(&bad),
        [
            "InvalidValue name: No spaces, please.",
            "NotEven count: Even numbers only.",
            "InvalidValue tags[0]: No spaces, please.",
            "InvalidValue pointed.deeper: Never.",
        ]
    );
    let fine = Custom { name: "ab".into(), count: None, tags: vec![], pointed: 0 };
    assert_eq!(report(&fine), ["InvalidValue pointed.deeper: Never."]);
}

thread_local! {
    static CALLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn counted(value: &str) -> Result<(), RuleError> {
    CALLS.with(|calls| calls.set(calls.get() + 1));
    no_spaces(value)
}

fn counted_whole(value: &Counted) -> Result<(), RuleError> {
    CALLS.with(|calls| calls.set(calls.get() + 1));
    if value.name.is_empty() { Err(RuleError::invalid("Say something.")) } else { Ok(()) }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // a custom rule's signature with a context
fn counted_with(value: &str, _: &u8) -> Result<(), RuleError> {
    counted(value)
}

#[derive(serde::Deserialize, Validate)]
#[validate(check(counted_whole))]
struct Counted {
    #[validate(custom(counted))]
    name: String,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // a check's signature with a context
fn counted_whole_with(value: &CountedWith, _: &u8) -> Result<(), RuleError> {
    CALLS.with(|calls| calls.set(calls.get() + 1));
    if value.name.is_empty() { Err(RuleError::invalid("Say something.")) } else { Ok(()) }
}

#[derive(serde::Deserialize, Validate)]
#[validate(context = u8, check(counted_whole_with))]
struct CountedWith {
    #[validate(custom(counted_with))]
    name: String,
}

/// How many times `run` calls the counted functions.
fn calls(run: impl FnOnce()) -> u32 {
    CALLS.with(|calls| calls.set(0));
    run();
    CALLS.with(std::cell::Cell::get)
}

/// As the README says: a value is first asked whether it holds, which stops at the first failed
/// check, and an invalid one is checked again to say what and where, so `custom` and `check` run
/// once on a valid value and, outside maps, at most twice on an invalid one (the check after the
/// failed `custom` once), on every door; `Holds` alone runs them up to the first failure.
#[test]
fn custom_and_check_run_once_on_a_valid_value_and_at_most_twice_on_an_invalid_one() {
    use validate_core::{ValidateWith, from_json, from_json_with};
    let (good, bad) = (Counted { name: "ab".into() }, Counted { name: "a b".into() });
    assert_eq!(calls(|| assert!(good.validate().is_ok())), 2, "the field's custom and the check");
    assert_eq!(calls(|| assert!(bad.validate().is_err())), 3, "the custom twice, the check once");
    assert_eq!(calls(|| assert!(!Holds::check(&bad))), 1, "stopped at the custom");
    // A container of them answers without a list too: no `validate()` after.
    let (some, items) = (Some(Counted { name: "a b".into() }), vec![Counted { name: "a b".into() }]);
    assert_eq!(calls(|| assert!(!Holds::check(&some) && !Holds::check(&Box::new(&some)))), 2);
    assert_eq!(calls(|| assert!(!Holds::check(&items) && !Holds::check(items.as_slice()))), 2);
    assert_eq!(calls(|| assert!(from_json::<Counted>(br#"{"name":"ab"}"#).is_ok())), 2);
    assert_eq!(calls(|| assert!(from_json::<Counted>(br#"{"name":"a b"}"#).is_err())), 3);
    let (good, bad) = (CountedWith { name: "ab".into() }, CountedWith { name: "a b".into() });
    assert_eq!(calls(|| assert!(good.validate_with(&0).is_ok())), 2, "the field's custom and the check");
    assert_eq!(calls(|| assert!(bad.validate_with(&0).is_err())), 3, "the custom twice, the check once");
    assert_eq!(calls(|| assert!(!Holds::check_with(&bad, &0))), 1);
    assert_eq!(calls(|| assert!(from_json_with::<CountedWith, u8>(br#"{"name":"ab"}"#, &0).is_ok())), 2);
    assert_eq!(calls(|| assert!(from_json_with::<CountedWith, u8>(br#"{"name":"a b"}"#, &0).is_err())), 3);
    // In a map, once an entry on a valid value; with a failing entry more often: its entries are
    // checked again in key order (here every entry fails, so the first pass stops at the first it
    // meets, the second runs both, and the third both again).
    let good = CountedMap { names: HashMap::from([("a".into(), "ab".into()), ("b".into(), "cd".into())]) };
    assert_eq!(calls(|| assert!(good.validate().is_ok())), 2);
    let map = CountedMap { names: HashMap::from([("a".into(), "a b".into()), ("b".into(), "c d".into())]) };
    assert_eq!(calls(|| assert!(map.validate().is_err())), 5);
    // The same through `from_json`, whose value is asked as `validate()` asks it.
    assert_eq!(calls(|| assert!(from_json::<CountedMap>(br#"{"names":{"a":"ab","b":"cd"}}"#).is_ok())), 2);
    assert_eq!(calls(|| assert!(from_json::<CountedMap>(br#"{"names":{"a":"a b","b":"c d"}}"#).is_err())), 5);
}

#[derive(serde::Deserialize, Validate)]
struct CountedMap {
    #[validate(each(custom(counted)))]
    names: HashMap<String, String>,
}

fn ordered(window: &Window) -> Result<(), RuleError> {
    if window.start <= window.end {
        Ok(())
    } else {
        Err(RuleError::new("InvalidWindow", "The end comes before the start.").at("end"))
    }
}

fn whole(_: &Window) -> Result<(), RuleError> {
    Err(RuleError::invalid("Always."))
}

#[derive(Validate)]
#[validate(check(ordered), check(whole, code = "Whole"))]
struct Window {
    #[validate(range(max = 100))]
    start: u32,
    end: u32,
}

#[test]
fn container_checks_run_after_the_fields() {
    assert_eq!(
        report(&Window { start: 200, end: 1 }),
        [
            "ValueOutOfRange start: The value 200 is greater than the maximum 100.",
            "InvalidWindow end: The end comes before the start.",
            "Whole : Always.",
        ]
    );
}

#[derive(Validate)]
struct Outer {
    #[validate(nested)]
    window: Window,
}

#[test]
fn container_checks_of_nested_values_sit_under_their_path() {
    assert_eq!(
        report(&Outer { window: Window { start: 5, end: 1 } }),
        ["InvalidWindow window.end: The end comes before the start.", "Whole window: Always."]
    );
}

#[derive(Validate)]
struct Ordered {
    #[validate(non_empty, length(min = 3), pattern("^[a-z]*$"))]
    name: String,
}

#[test]
fn rules_of_one_field_report_in_the_order_written() {
    assert_eq!(
        report(&Ordered { name: " ".into() }),
        [
            "EmptyValue name: The value must not be empty or white space.",
            "ValueTooShort name: The value must have at least 3 characters; it has 1.",
            "PatternMismatch name: The value ' ' does not match the pattern '^[a-z]*$'.",
        ]
    );
}

#[derive(Validate)]
struct Unchecked {
    _free: String,
    #[validate(non_empty)]
    checked: String,
}

#[test]
fn fields_without_the_attribute_are_not_checked() {
    assert!(valid(&Unchecked { _free: String::new(), checked: "x".into() }));
}

/// The merge of issue 15's two halves: an integer bound reads as a float on a float field for the
/// exclusive bounds too.
#[test]
fn exclusive_bounds_take_integers_on_floats() {
    #[derive(validate_core::Validate)]
    struct Share {
        #[validate(range(exclusive_min = 0, exclusive_max = 1))]
        part: f64,
    }
    assert!(valid(&Share { part: 0.5 }));
    let found: Vec<String> =
        Share { part: 1.0 }.validate().unwrap_err().iter().map(validate_core::Violation::message).collect();
    assert_eq!(found, ["The value 1 must be less than 1."]);
}

/// The README: every rule but `nested` takes `code` and `message` to replace its own. One field
/// a rule, each given both, each invalid.
#[derive(Validate)]
struct EveryOverride {
    #[validate(non_empty(code = "XNonEmpty", message = "non_empty overridden."))]
    non_empty: String,
    #[validate(range(max = 5, code = "XRange", message = "range overridden."))]
    range: u8,
    #[validate(pattern("^a", code = "XPattern", message = "pattern overridden."))]
    pattern: String,
    #[validate(contains("x", code = "XContains", message = "contains overridden."))]
    contains: String,
    #[validate(suffix(".json", code = "XSuffix", message = "suffix overridden."))]
    suffix: String,
    #[validate(not_containing("<", code = "XNotContaining", message = "not_containing overridden."))]
    not_containing: String,
    #[validate(no_control_chars(code = "XControl", message = "no_control_chars overridden."))]
    control: String,
    #[validate(one_of("a", "b", code = "XOneOf", message = "one_of overridden."))]
    one_of: String,
    #[validate(format(uuid, code = "XFormat", message = "format overridden."))]
    format: String,
    #[validate(localized(code = "XLocalized", message = "localized overridden."))]
    localized: BTreeMap<String, String>,
    #[validate(each(non_empty, code = "XEach", message = "each overridden."))]
    each: Vec<String>,
    #[validate(unique(code = "XUnique", message = "unique overridden."))]
    unique: Vec<String>,
    #[validate(read_only(code = "XReadOnly", message = "read_only overridden."))]
    read_only: Option<String>,
    #[validate(custom(no_spaces, code = "XCustom", message = "custom overridden."))]
    custom: String,
}

#[test]
fn every_rule_but_nested_takes_a_code_and_a_message() {
    let value = EveryOverride {
        non_empty: " ".into(),
        range: 6,
        pattern: "b".into(),
        contains: "y".into(),
        suffix: "a.txt".into(),
        not_containing: "a<b".into(),
        control: "a\u{7}".into(),
        one_of: "c".into(),
        format: "not a guid".into(),
        localized: BTreeMap::from([("en us".to_owned(), "x".to_owned())]),
        each: vec![String::new()],
        unique: vec!["a".into(), "a".into()],
        read_only: Some("set".into()),
        custom: "a b".into(),
    };
    let found = report(&value);
    let expected: Vec<String> = [
        ("XNonEmpty", "non_empty", "non_empty"),
        ("XRange", "range", "range"),
        ("XPattern", "pattern", "pattern"),
        ("XContains", "contains", "contains"),
        ("XSuffix", "suffix", "suffix"),
        ("XNotContaining", "not_containing", "not_containing"),
        ("XControl", "control", "no_control_chars"),
        ("XOneOf", "one_of", "one_of"),
        ("XFormat", "format", "format"),
        ("XLocalized", "localized['en us']", "localized"),
        ("XEach", "each[0]", "each"),
        ("XUnique", "unique[1]", "unique"),
        ("XReadOnly", "read_only", "read_only"),
        ("XCustom", "custom", "custom"),
    ]
    .iter()
    .map(|(code, target, rule)| format!("{code} {target}: {rule} overridden."))
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_pattern_matches_anywhere_unless_anchored() {
    #[derive(Validate)]
    struct Patterns {
        #[validate(pattern("b+"))]
        anywhere: String,
        #[validate(pattern("^b+$"))]
        anchored: String,
    }
    assert!(valid(&Patterns { anywhere: "abba".into(), anchored: "bb".into() }));
    let found = report(&Patterns { anywhere: "aaa".into(), anchored: "abba".into() });
    let codes: Vec<_> = found.iter().map(|line| line.split(' ').take(2).collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(codes, ["PatternMismatch anywhere:", "PatternMismatch anchored:"]);
}

/// The README's stand-ins for garde's `ascii` and `alphanumeric` ("Coming from garde or validator").
#[test]
fn the_stand_ins_for_garde_ascii_and_alphanumeric() {
    #[derive(Validate)]
    struct StandIns {
        #[validate(pattern("^[[:ascii:]]*$"))]
        ascii: String,
        #[validate(pattern(r"^[\p{Alphabetic}\p{N}]*$"))]
        alphanumeric: String,
    }
    assert!(valid(&StandIns { ascii: "a~ 1\t".into(), alphanumeric: "Ab9éж٣".into() }));
    assert!(valid(&StandIns { ascii: String::new(), alphanumeric: String::new() }));
    let found = report(&StandIns { ascii: "é".into(), alphanumeric: "a-b".into() });
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("PatternMismatch ascii:") && found[1].starts_with("PatternMismatch alphanumeric:"));
}

/// `length` counts Unicode scalar values: not bytes, not UTF-16 units, not graphemes.
#[test]
fn length_counts_unicode_scalar_values() {
    #[derive(Validate)]
    struct Two {
        #[validate(length(min = 2, max = 2))]
        text: String,
    }
    // "e" and a combining acute: one grapheme, two scalars, three bytes.
    assert!(valid(&Two { text: "e\u{301}".into() }));
    // Two emoji outside the BMP: two scalars, four UTF-16 units, eight bytes.
    assert!(valid(&Two { text: "😀😀".into() }));
    assert_eq!(
        report(&Two { text: "😀".into() }),
        ["ValueTooShort text: The value must have at least 2 characters; it has 1."]
    );
    assert_eq!(
        report(&Two { text: "e\u{301}\u{301}".into() }),
        ["ValueTooLong text: The value must have at most 2 characters; it has 3."]
    );
}
