//! Issue 11's bugs, each pinned where it was seen: the two reading paths (`from_json`'s walk and
//! `validate()` after serde) and `parse_json` disagreed, lost problems, placed them at no target,
//! or named Rust types. Each test asserts the exact list of `(code, target, message)` details one
//! body gets. Bugs 10 and 11 are compile errors and live in the trybuild suite (`tests/ui/`).

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::num::{NonZeroI8, NonZeroI32, NonZeroI64, NonZeroU8, NonZeroU16, NonZeroU32, NonZeroU64, NonZeroUsize};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use validate_core::{Validate, from_json, parse_json};
use validate_tests::{Detail, details};

/// One detail: `(code, target, message)`, the target `""` when absent.
fn d(code: &str, target: &str, message: &str) -> Detail {
    (code.to_owned(), target.to_owned(), message.to_owned())
}

/// The details `from_json::<T>` answers for `body`; panics when it reads.
fn from_json_details<T: DeserializeOwned + Validate>(body: &str) -> Vec<Detail> {
    match from_json::<T>(body.as_bytes()) {
        Ok(_) => panic!("from_json read {body}"),
        Err(error) => {
            let error = validate_core::ErrorResponse::from(error);
            assert_eq!(error.error.code, "InvalidRequestContent", "{error:#?}");
            details(&error)
        }
    }
}

/// The details `parse_json::<T>` answers for `body`; panics when it reads.
fn parse_json_details<T: DeserializeOwned>(body: &str) -> Vec<Detail> {
    match parse_json::<T>(body.as_bytes()) {
        Ok(_) => panic!("parse_json read {body}"),
        Err(error) => details(&error),
    }
}

/// `validate()`'s violations as details; empty when valid.
fn violations<T: Validate>(value: &T) -> Vec<Detail> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(found) => found.iter().map(|v| (v.code().to_owned(), v.target().to_owned(), v.message())).collect(),
    }
}

const EMPTY: &str = "The value must not be empty or white space.";
const NOT_INTEGER: &str = "Expected an integer but found a string.";
const STRING_NOT_NUMBER: &str = "Expected a string but found a number.";
const REPEATED: &str = "The property appears more than once.";

// ---------------------------------------------------------------------------------------------
// Bug 2: integer-keyed maps

#[derive(Debug, Deserialize, Validate)]
struct IntKeys {
    m: BTreeMap<u32, String>,
    n: u8,
}

#[derive(Debug, Deserialize, Validate)]
struct SignedKeys {
    m: HashMap<i64, String>,
    n: u8,
}

#[derive(Debug, Deserialize, Validate)]
struct IntKeysEach {
    #[validate(each(non_empty))]
    m: BTreeMap<u32, String>,
    n: u8,
}

#[derive(Debug, Deserialize, Validate)]
struct SignedKeysEach {
    #[validate(each(non_empty))]
    m: HashMap<i64, String>,
    n: u8,
}

/// `keys(…)` (issue 16) on integer keys: a custom rule gets the key as the map holds it.
#[derive(Debug, Deserialize, Validate)]
struct SignedKeysKeys {
    #[validate(keys(custom(at_most_five)), each(non_empty))]
    m: HashMap<i64, String>,
    n: u8,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // a custom rule's signature
fn at_most_five(key: &i64) -> Result<(), validate_core::RuleError> {
    if *key <= 5 { Ok(()) } else { Err(validate_core::RuleError::new("KeyTooLarge", format!("{key} is over 5."))) }
}

#[derive(Debug, Deserialize, Validate)]
struct ByteKeys {
    m: BTreeMap<u8, String>,
}

#[test]
fn bug2_a_wrong_field_beside_a_btreemap_of_u32_keys_is_the_only_detail() {
    assert_eq!(
        from_json_details::<IntKeys>(r#"{"m":{"1":"a"},"n":"x"}"#),
        [d("InvalidPropertyType", "n", NOT_INTEGER)]
    );
}

#[test]
fn bug2_a_wrong_field_beside_a_hashmap_of_i64_keys_is_the_only_detail() {
    assert_eq!(
        from_json_details::<SignedKeys>(r#"{"m":{"1":"a"},"n":"x"}"#),
        [d("InvalidPropertyType", "n", NOT_INTEGER)]
    );
}

#[test]
fn bug2_each_on_u32_keys_reports_in_numeric_key_order() {
    assert_eq!(
        from_json_details::<IntKeysEach>(r#"{"m":{"10":"","2":" ","1":""},"n":"x"}"#),
        [
            d("EmptyValue", "m['1']", EMPTY),
            d("EmptyValue", "m['2']", EMPTY),
            d("EmptyValue", "m['10']", EMPTY),
            d("InvalidPropertyType", "n", NOT_INTEGER),
        ]
    );
}

#[test]
fn bug2_keys_on_i64_keys_report_in_numeric_key_order_on_both_paths() {
    let body = r#"{"m":{"10":"","-2":"a","6":"b","1":"c"},"n":1}"#;
    let expected = [
        d("KeyTooLarge", "m['6']", "6 is over 5."),
        d("KeyTooLarge", "m['10']", "10 is over 5."),
        d("EmptyValue", "m['10']", EMPTY),
    ];
    assert_eq!(violations(&serde_json::from_str::<SignedKeysKeys>(body).unwrap()), expected);
    assert_eq!(from_json_details::<SignedKeysKeys>(body), expected);
    // The walk, which runs because `n` is broken, says the same of the map.
    let broken = body.replace(r#""n":1"#, r#""n":"x""#);
    let mut with_n = expected.to_vec();
    with_n.push(d("InvalidPropertyType", "n", NOT_INTEGER));
    assert_eq!(from_json_details::<SignedKeysKeys>(&broken), with_n);
}

#[test]
fn bug2_each_on_i64_keys_reports_in_numeric_key_order() {
    assert_eq!(
        from_json_details::<SignedKeysEach>(r#"{"m":{"10":"","2":" ","1":""},"n":"x"}"#),
        [
            d("EmptyValue", "m['1']", EMPTY),
            d("EmptyValue", "m['2']", EMPTY),
            d("EmptyValue", "m['10']", EMPTY),
            d("InvalidPropertyType", "n", NOT_INTEGER),
        ]
    );
}

#[test]
fn bug2_the_numeric_key_order_is_validates_order() {
    // The spec's order is the one `validate()` gives for the same map.
    let value = IntKeysEach { m: BTreeMap::from([(10, String::new()), (2, " ".into()), (1, String::new())]), n: 1 };
    assert_eq!(
        violations(&value),
        [d("EmptyValue", "m['1']", EMPTY), d("EmptyValue", "m['2']", EMPTY), d("EmptyValue", "m['10']", EMPTY)]
    );
}

#[test]
fn bug2_a_key_that_is_not_an_integer_u32() {
    assert_eq!(
        from_json_details::<IntKeys>(r#"{"m":{"x":"a"},"n":1}"#),
        [d("InvalidPropertyType", "m['x']", "The key 'x' is not an integer.")]
    );
}

#[test]
fn bug2_a_key_that_is_not_an_integer_i64() {
    assert_eq!(
        from_json_details::<SignedKeys>(r#"{"m":{"x":"a"},"n":1}"#),
        [d("InvalidPropertyType", "m['x']", "The key 'x' is not an integer.")]
    );
}

#[test]
fn bug2_a_key_out_of_the_key_types_range() {
    assert_eq!(
        from_json_details::<ByteKeys>(r#"{"m":{"300":"a"}}"#),
        [d("ValueOutOfRange", "m['300']", "The value 300 is outside the range 0 to 255.")]
    );
}

#[test]
fn bug2_parse_json_reads_an_integer_keyed_map() {
    let map = parse_json::<BTreeMap<u32, String>>(br#"{"1":"a"}"#).unwrap();
    assert_eq!(map, BTreeMap::from([(1, "a".to_owned())]));
}

// ---------------------------------------------------------------------------------------------
// Bug 3: repeated map keys without unique_keys

#[derive(Debug, Deserialize, Validate)]
struct LastWins {
    #[validate(each(non_empty))]
    m: BTreeMap<String, String>,
    n: u8,
}

#[derive(Debug, Deserialize, Validate)]
struct Unique {
    #[serde(deserialize_with = "validate_core::json::unique_keys")]
    m: BTreeMap<String, String>,
    n: u8,
}

#[test]
fn bug3_a_repeated_map_key_reads_and_keeps_the_last_value() {
    let value = from_json::<LastWins>(br#"{"m":{"k":"a","k":"b"},"n":1}"#).unwrap();
    assert_eq!(value.m, BTreeMap::from([("k".to_owned(), "b".to_owned())]));
}

#[test]
fn bug3_a_repeated_map_key_is_no_detail_beside_a_wrong_field() {
    assert_eq!(
        from_json_details::<LastWins>(r#"{"m":{"k":"a","k":"b"},"n":"x"}"#),
        [d("InvalidPropertyType", "n", NOT_INTEGER)]
    );
}

#[test]
fn bug3_the_rules_see_the_last_value_of_a_repeated_key() {
    assert_eq!(
        from_json_details::<LastWins>(r#"{"m":{"k":"a","k":""},"n":"x"}"#),
        [d("EmptyValue", "m['k']", EMPTY), d("InvalidPropertyType", "n", NOT_INTEGER)]
    );
}

#[test]
fn bug3_a_repeated_struct_field_stays_a_duplicate() {
    assert_eq!(from_json_details::<LastWins>(r#"{"m":{},"n":1,"n":2}"#), [d("DuplicateProperty", "n", REPEATED)]);
}

#[test]
fn bug3_unique_keys_still_refuses_a_repeated_key() {
    assert_eq!(
        from_json_details::<Unique>(r#"{"m":{"k":"a","k":"b"},"n":1}"#),
        [d("DuplicateProperty", "m['k']", REPEATED)]
    );
}

// ---------------------------------------------------------------------------------------------
// Bug 4: fixed arrays, tuples, tuple structs

#[derive(Debug, Deserialize, Validate)]
struct FixedArray {
    a: [u8; 2],
    #[validate(non_empty)]
    s: String,
}

#[derive(Debug, Deserialize, Validate)]
struct TupleField {
    t: (u8, String),
    #[validate(non_empty)]
    s: String,
}

#[derive(Debug, Deserialize)]
struct Pair(u8, u8);

#[derive(Debug, Deserialize, Validate)]
struct TupleStructField {
    p: Pair,
    #[validate(non_empty)]
    s: String,
}

fn too_long(target: &str, items: usize) -> Detail {
    d("ValueTooLong", target, &format!("The array must have exactly 2 items; it has {items}."))
}

fn too_short(target: &str, items: usize) -> Detail {
    d("ValueTooShort", target, &format!("The array must have exactly 2 items; it has {items}."))
}

/// The four answers bug 4 is about, for a field `member` of `T` whose items `[first, second]` read:
/// one item too many, one too few, one too many beside a rule, and `wrong` for the items `wrong_items`.
fn assert_exactly_two_items<T: DeserializeOwned + Validate>(
    member: &str,
    [first, second]: [&str; 2],
    wrong_items: &str,
    wrong: Detail,
) {
    let body = |items: &str, s: &str| format!(r#"{{"{member}":[{items}],"s":"{s}"}}"#);
    let three = format!("{first},{second},{second}");
    assert_eq!(from_json_details::<T>(&body(&three, "x")), [too_long(member, 3)]);
    assert_eq!(from_json_details::<T>(&body(first, "x")), [too_short(member, 1)]);
    assert_eq!(from_json_details::<T>(&body(&three, "")), [too_long(member, 3), d("EmptyValue", "s", EMPTY)]);
    assert_eq!(from_json_details::<T>(&body(wrong_items, "x")), [wrong]);
}

#[test]
fn bug4_a_fixed_array() {
    let wrong = d("InvalidPropertyType", "a[1]", NOT_INTEGER);
    assert_exactly_two_items::<FixedArray>("a", ["1", "2"], r#"1,"x""#, wrong);
}

#[test]
fn bug4_a_tuple() {
    let wrong = d("InvalidPropertyType", "t[1]", STRING_NOT_NUMBER);
    assert_exactly_two_items::<TupleField>("t", ["1", r#""x""#], "1,2", wrong);
}

#[test]
fn bug4_a_tuple_struct() {
    let wrong = d("InvalidPropertyType", "p[1]", NOT_INTEGER);
    assert_exactly_two_items::<TupleStructField>("p", ["1", "2"], r#"1,"x""#, wrong);
}

// ---------------------------------------------------------------------------------------------
// Bug 5: flatten

#[derive(Debug, Deserialize, Validate)]
struct Outer {
    #[validate(non_empty)]
    top: String,
    #[serde(flatten)]
    #[validate(nested)]
    rest: Inner,
}

#[derive(Debug, Deserialize, Validate)]
struct Inner {
    #[validate(non_empty)]
    inner: String,
}

#[test]
fn bug5_a_wrong_type_inside_a_flattened_field_beside_a_rule() {
    assert_eq!(
        from_json_details::<Outer>(r#"{"top":"","inner":5}"#),
        [d("EmptyValue", "top", EMPTY), d("InvalidPropertyType", "inner", STRING_NOT_NUMBER)]
    );
}

#[test]
fn bug5_rules_inside_a_flattened_field_are_validates_answer() {
    let body = r#"{"top":"","inner":""}"#;
    let expected = [d("EmptyValue", "top", EMPTY), d("EmptyValue", "inner", EMPTY)];
    assert_eq!(from_json_details::<Outer>(body), expected);
    let value: Outer = serde_json::from_str(body).unwrap();
    assert_eq!(violations(&value), expected);
}

// ---------------------------------------------------------------------------------------------
// Bug 6: internally tagged enums (and the other taggings for comparison)

#[derive(Debug, Deserialize, Validate)]
struct Owner {
    #[validate(nested)]
    pet: Pet,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind")]
enum Pet {
    Dog {
        #[validate(non_empty)]
        name: String,
    },
    Cat {
        lives: u8,
    },
}

#[derive(Debug, Deserialize, Validate)]
struct ExternalOwner {
    #[validate(nested)]
    pet: ExternalPet,
}

#[derive(Debug, Deserialize, Validate)]
enum ExternalPet {
    Dog {
        #[validate(non_empty)]
        name: String,
    },
    Cat {
        lives: u8,
    },
}

#[derive(Debug, Deserialize, Validate)]
struct AdjacentOwner {
    #[validate(nested)]
    pet: AdjacentPet,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum AdjacentPet {
    Dog {
        #[validate(non_empty)]
        name: String,
    },
    Cat {
        lives: u8,
    },
}

#[test]
fn bug6_a_wrong_type_inside_an_internally_tagged_variant() {
    assert_eq!(
        from_json_details::<Owner>(r#"{"pet":{"kind":"Dog","name":5}}"#),
        [d("InvalidPropertyType", "pet.name", STRING_NOT_NUMBER)]
    );
}

#[test]
fn bug6_a_rule_inside_an_internally_tagged_variant_is_validates_answer() {
    let body = r#"{"pet":{"kind":"Dog","name":""}}"#;
    let expected = [d("EmptyValue", "pet.name", EMPTY)];
    assert_eq!(from_json_details::<Owner>(body), expected);
    let value: Owner = serde_json::from_str(body).unwrap();
    assert_eq!(violations(&value), expected);
}

#[test]
fn bug6_a_missing_tag() {
    assert_eq!(
        from_json_details::<Owner>(r#"{"pet":{"name":"x"}}"#),
        [d("MissingRequiredProperty", "pet.kind", "The property 'kind' is required.")]
    );
}

#[test]
fn bug6_an_unknown_tag() {
    assert_eq!(
        from_json_details::<Owner>(r#"{"pet":{"kind":"Cow"}}"#),
        [d("InvalidEnumValue", "pet.kind", "The value 'Cow' is not one of 'Dog', 'Cat'.")]
    );
}

#[test]
fn bug6_a_tag_of_the_wrong_type() {
    assert_eq!(
        from_json_details::<Owner>(r#"{"pet":{"kind":7}}"#),
        [d("InvalidPropertyType", "pet.kind", STRING_NOT_NUMBER)]
    );
}

#[test]
fn bug6_a_wrong_type_inside_an_externally_tagged_variant() {
    assert_eq!(
        from_json_details::<ExternalOwner>(r#"{"pet":{"Dog":{"name":5}}}"#),
        [d("InvalidPropertyType", "pet.Dog.name", STRING_NOT_NUMBER)]
    );
}

#[test]
fn bug6_a_wrong_type_inside_an_adjacently_tagged_variant() {
    assert_eq!(
        from_json_details::<AdjacentOwner>(r#"{"pet":{"t":"Dog","c":{"name":5}}}"#),
        [d("InvalidPropertyType", "pet.c.name", STRING_NOT_NUMBER)]
    );
}

// ---------------------------------------------------------------------------------------------
// Bug 7: char

#[derive(Debug, Deserialize, Validate)]
struct Letter {
    c: char,
}

#[test]
fn bug7_two_characters_for_a_char() {
    assert_eq!(
        from_json_details::<Letter>(r#"{"c":"ab"}"#),
        [d("InvalidValue", "c", "Expected a single character but found 2 characters.")]
    );
}

#[test]
fn bug7_an_empty_string_for_a_char() {
    assert_eq!(
        from_json_details::<Letter>(r#"{"c":""}"#),
        [d("InvalidValue", "c", "Expected a single character but found an empty string.")]
    );
}

#[test]
fn bug7_a_number_for_a_char() {
    assert_eq!(from_json_details::<Letter>(r#"{"c":5}"#), [d("InvalidPropertyType", "c", STRING_NOT_NUMBER)]);
}

// ---------------------------------------------------------------------------------------------
// Bug 8: empty names

#[derive(Debug, Deserialize, Validate)]
struct EmptyName {
    #[serde(rename = "")]
    a: u8,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Strict {
    a: u8,
}

#[derive(Debug, Deserialize, Validate)]
struct HoldsEmptyName {
    #[validate(nested)]
    inner: EmptyName,
}

#[derive(Debug, Deserialize, Validate)]
struct HoldsStrict {
    #[validate(nested)]
    inner: Strict,
}

#[derive(Debug, Deserialize, Validate)]
struct EmptyNameWithRule {
    #[serde(rename = "")]
    #[validate(non_empty)]
    a: String,
}

#[test]
fn bug8_a_field_renamed_to_the_empty_name() {
    assert_eq!(from_json_details::<EmptyName>(r#"{"":"x"}"#), [d("InvalidPropertyType", "['']", NOT_INTEGER)]);
}

#[test]
fn bug8_an_unknown_property_with_the_empty_name() {
    assert_eq!(
        from_json_details::<Strict>(r#"{"a":1,"":1}"#),
        [d("UnknownProperty", "['']", "The property '' is not allowed here.")]
    );
}

#[test]
fn bug8_a_field_renamed_to_the_empty_name_one_level_down() {
    assert_eq!(
        from_json_details::<HoldsEmptyName>(r#"{"inner":{"":"x"}}"#),
        [d("InvalidPropertyType", "inner['']", NOT_INTEGER)]
    );
}

#[test]
fn bug8_an_unknown_property_with_the_empty_name_one_level_down() {
    assert_eq!(
        from_json_details::<HoldsStrict>(r#"{"inner":{"a":1,"":1}}"#),
        [d("UnknownProperty", "inner['']", "The property '' is not allowed here.")]
    );
}

#[test]
fn bug8_validate_reports_a_field_renamed_to_the_empty_name_as_a_key() {
    assert_eq!(violations(&EmptyNameWithRule { a: String::new() }), [d("EmptyValue", "['']", EMPTY)]);
    assert_eq!(from_json_details::<EmptyNameWithRule>(r#"{"":""}"#), [d("EmptyValue", "['']", EMPTY)]);
}

// ---------------------------------------------------------------------------------------------
// Bug 9: no Rust names

#[derive(Debug, Deserialize, Validate)]
struct HoldsShape {
    shape: Shape,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Shape {
    Circle { r: u8 },
    Square { side: u8 },
}

#[test]
fn bug9_an_untagged_enum_that_matches_no_variant() {
    assert_eq!(
        from_json_details::<HoldsShape>(r#"{"shape":{"q":1}}"#),
        [d("InvalidValue", "shape", "The value matches none of the accepted shapes.")]
    );
}

#[derive(Debug, Deserialize, Validate)]
struct NonZeros {
    u8: Option<NonZeroU8>,
    u16: Option<NonZeroU16>,
    u32: Option<NonZeroU32>,
    u64: Option<NonZeroU64>,
    usize: Option<NonZeroUsize>,
    i8: Option<NonZeroI8>,
    i32: Option<NonZeroI32>,
    i64: Option<NonZeroI64>,
}

#[derive(Debug, Deserialize, Validate)]
struct OneNonZero {
    n: NonZeroU8,
}

#[test]
fn bug9_zero_for_a_non_zero_u8() {
    assert_eq!(
        from_json_details::<OneNonZero>(r#"{"n":0}"#),
        [d("InvalidValue", "n", "The value 0 is not allowed here.")]
    );
}

#[test]
fn bug9_zero_for_every_non_zero_type() {
    for name in ["u8", "u16", "u32", "u64", "usize", "i8", "i32", "i64"] {
        assert_eq!(
            from_json_details::<NonZeros>(&format!(r#"{{"{name}":0}}"#)),
            [d("InvalidValue", name, "The value 0 is not allowed here.")],
            "{name}"
        );
    }
}

/// A number of the right JSON type and in `u8`'s range that its `Deserialize` refuses with
/// `invalid_value`, as the `NonZero` types do: the spec's general case of bug 9's second line.
#[derive(Debug)]
struct Odd(u8);

impl<'de> Deserialize<'de> for Odd {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(deserializer)?;
        if n % 2 == 1 {
            Ok(Odd(n))
        } else {
            Err(serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(n.into()), &"an odd u8 in struct Odd"))
        }
    }
}

/// A `Deserialize` that refuses with `custom`, naming Rust types in its text.
#[derive(Debug)]
struct Lower(String);

impl<'de> Deserialize<'de> for Lower {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        if s.chars().all(|c| !c.is_uppercase()) {
            Ok(Lower(s))
        } else {
            Err(serde::de::Error::custom("struct Lower wants a lowercase String"))
        }
    }
}

#[derive(Debug, Deserialize, Validate)]
struct Refusals {
    odd: Option<Odd>,
    lower: Option<Lower>,
}

#[test]
fn bug9_a_number_in_range_that_a_deserialize_impl_refuses() {
    assert_eq!(
        from_json_details::<Refusals>(r#"{"odd":4}"#),
        [d("InvalidValue", "odd", "The value 4 is not allowed here.")]
    );
}

#[test]
fn bug9_a_custom_error_from_a_deserialize_impl_is_not_echoed() {
    assert_eq!(
        from_json_details::<Refusals>(r#"{"lower":"ABC"}"#),
        [d("InvalidValue", "lower", "The value is not valid here.")]
    );
}

// ---------------------------------------------------------------------------------------------
// Bug 1: a skipped `nested` field beside another field. Its default was validated on every
// request, whatever the client sent; since issue 15 the derive refuses rules on a skipped field
// (`ui/rules-on-skipped-field.rs`), so the walk never has any to run there.

/// Found by the review of issue 12: a container `check` on an enum ran twice for a tuple variant of
/// several fields when the walk ran (its fields' rules validated the whole enum, checks included).
mod check_on_a_tuple_variant {
    use super::*;
    use validate_core::RuleError;

    fn pair_check(pair: &Pair) -> Result<(), RuleError> {
        match pair {
            Pair::Two(name, 0) if name.is_empty() => Err(RuleError::new("PairCheck", "An empty pair.")),
            _ => Ok(()),
        }
    }

    #[derive(Debug, Deserialize, Validate)]
    #[validate(check(pair_check))]
    enum Pair {
        Two(#[validate(non_empty)] String, u8),
        One(u8),
    }

    #[derive(Debug, Deserialize, Validate)]
    struct Holder {
        #[validate(nested)]
        pair: Pair,
        count: u8,
    }

    #[test]
    fn runs_once_beside_a_shape_problem() {
        let expected = [
            d("EmptyValue", "pair.Two[0]", EMPTY),
            d("PairCheck", "pair", "An empty pair."),
            d("InvalidPropertyType", "count", "Expected an integer but found a string."),
        ];
        assert_eq!(from_json_details::<Holder>(r#"{"pair":{"Two":["",0]},"count":"x"}"#), expected);
        let value: Holder = serde_json::from_str(r#"{"pair":{"Two":["",0]},"count":1}"#).unwrap();
        assert_eq!(violations(&value), expected[..2]);
    }
}

/// Found by the review of issue 12: `each(nested)` was read whole by the walk (its first shape
/// problem only), where `nested`, which checks the same, was walked item by item.
mod each_nested_is_walked {
    use super::*;

    #[derive(Debug, Deserialize, Validate)]
    struct Leaf {
        #[validate(non_empty)]
        name: String,
        count: u8,
    }

    #[derive(Debug, Deserialize, Validate)]
    struct ByNested {
        #[validate(nested)]
        items: Vec<Leaf>,
        #[validate(nested)]
        named: BTreeMap<String, Leaf>,
    }

    #[derive(Debug, Deserialize, Validate)]
    struct ByEach {
        #[validate(each(nested))]
        items: Vec<Leaf>,
        #[validate(each(nested))]
        named: BTreeMap<String, Leaf>,
    }

    const BODY: &str = r#"{"items":[{"name":"","count":1},{"name":"a","count":"x"},{"name":7,"count":2}],
        "named":{"b":{"name":" ","count":1},"a":{"name":"x","count":-1}}}"#;

    #[test]
    fn as_nested_is() {
        let by_each = from_json_details::<ByEach>(BODY);
        assert_eq!(by_each, from_json_details::<ByNested>(BODY));
        assert_eq!(
            by_each.iter().map(|(code, target, _)| format!("{code} {target}")).collect::<Vec<_>>(),
            [
                "EmptyValue items[0].name",
                "InvalidPropertyType items[1].count",
                "InvalidPropertyType items[2].name",
                "ValueOutOfRange named['a'].count",
                "EmptyValue named['b'].name",
            ]
        );
    }
}
