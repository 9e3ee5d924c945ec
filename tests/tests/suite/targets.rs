//! Targets use the names on the wire, as serde reads them.

use serde::Deserialize;
use validate_core::Validate;
use validate_tests::report;

fn targets<T: Validate>(value: &T) -> Vec<String> {
    value.validate().map_or_else(|v| v.iter().map(|v| v.target().to_owned()).collect(), |()| Vec::new())
}

macro_rules! casing_case {
    ($name:ident, $casing:literal, $field:literal, $variant:literal) => {
        mod $name {
            use super::*;

            #[derive(Deserialize, Validate)]
            #[serde(rename_all = $casing)]
            pub struct Fields {
                #[validate(non_empty)]
                pub profile_type: String,
            }

            #[derive(Deserialize, Validate)]
            #[serde(rename_all = $casing)]
            pub enum Variants {
                VeryFast(#[validate(non_empty)] String),
            }

            #[test]
            fn follows_serde() {
                assert_eq!(targets(&Fields { profile_type: String::new() }), [$field]);
                assert_eq!(targets(&Variants::VeryFast(String::new())), [$variant]);
            }
        }
    };
}

casing_case!(lowercase, "lowercase", "profile_type", "veryfast");
casing_case!(uppercase, "UPPERCASE", "PROFILE_TYPE", "VERYFAST");
casing_case!(pascal, "PascalCase", "ProfileType", "VeryFast");
casing_case!(camel, "camelCase", "profileType", "veryFast");
casing_case!(snake, "snake_case", "profile_type", "very_fast");
casing_case!(screaming_snake, "SCREAMING_SNAKE_CASE", "PROFILE_TYPE", "VERY_FAST");
casing_case!(kebab, "kebab-case", "profile-type", "very-fast");
casing_case!(screaming_kebab, "SCREAMING-KEBAB-CASE", "PROFILE-TYPE", "VERY-FAST");

#[derive(Deserialize, Validate)]
#[serde(rename_all(serialize = "UPPERCASE", deserialize = "camelCase"))]
struct Renamed {
    #[serde(rename = "displayName")]
    #[validate(non_empty)]
    name: String,
    #[serde(rename(serialize = "out", deserialize = "in"))]
    #[validate(non_empty)]
    sides: String,
    #[validate(non_empty)]
    r#type: String,
    #[validate(non_empty)]
    two_words: String,
    #[serde(alias = "ignored", default, skip_serializing)]
    #[validate(non_empty)]
    with_other_attrs: String,
}

#[test]
fn rename_uses_the_deserialize_side_and_raw_identifiers_lose_their_prefix() {
    let value = Renamed {
        name: String::new(),
        sides: String::new(),
        r#type: String::new(),
        two_words: String::new(),
        with_other_attrs: String::new(),
    };
    assert_eq!(targets(&value), ["displayName", "in", "type", "twoWords", "withOtherAttrs"]);
}

/// The same fields, on a type a client sends: targets are the names serde writes.
#[derive(serde::Serialize, Validate)]
#[serde(rename_all(serialize = "UPPERCASE", deserialize = "camelCase"))]
#[validate(serialize_names)]
struct Sent {
    #[serde(rename = "displayName")]
    #[validate(non_empty)]
    name: String,
    #[serde(rename(serialize = "out", deserialize = "in"))]
    #[validate(non_empty)]
    sides: String,
    #[validate(non_empty)]
    two_words: String,
    #[serde(rename(deserialize = "readOnly"))]
    #[validate(non_empty)]
    one_side: String,
}

#[test]
fn serialize_names_use_the_serialize_side() {
    let value = Sent { name: String::new(), sides: String::new(), two_words: String::new(), one_side: String::new() };
    assert_eq!(targets(&value), ["displayName", "out", "TWO_WORDS", "ONE_SIDE"]);
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"displayName":"","out":"","TWO_WORDS":"","ONE_SIDE":""}"#,
        "the names serde writes, in the same order"
    );
}

/// Variants too, and `rename_all_fields` on the serialize side.
#[derive(serde::Serialize, Validate)]
#[serde(rename_all(serialize = "camelCase"), rename_all_fields(serialize = "PascalCase"))]
#[validate(serialize_names)]
enum SentVariants {
    #[serde(rename(serialize = "wide", deserialize = "narrow"))]
    Wide(#[validate(non_empty)] String),
    TenantFeatures {
        #[validate(non_empty)]
        feature_name: String,
    },
}

#[test]
fn serialize_names_of_variants() {
    assert_eq!(targets(&SentVariants::Wide(String::new())), ["wide"]);
    let features = SentVariants::TenantFeatures { feature_name: String::new() };
    assert_eq!(targets(&features), ["tenantFeatures.FeatureName"]);
    assert_eq!(serde_json::to_string(&features).unwrap(), r#"{"tenantFeatures":{"FeatureName":""}}"#);
    assert_eq!(serde_json::to_string(&SentVariants::Wide(String::new())).unwrap(), r#"{"wide":""}"#);
}

#[derive(Deserialize, Validate)]
struct Flattened {
    #[serde(flatten)]
    #[validate(nested)]
    common: Common,
    #[validate(non_empty)]
    own: String,
}

#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Common {
    #[validate(non_empty)]
    resource_group: String,
}

#[test]
fn flatten_adds_no_segment() {
    let value = Flattened { common: Common { resource_group: String::new() }, own: String::new() };
    assert_eq!(targets(&value), ["resourceGroup", "own"]);
}

#[derive(Validate)]
struct Tuple(#[validate(non_empty)] String, #[validate(range(max = 1))] u8);

#[derive(Validate)]
struct Newtype(#[validate(length(max = 2))] String);

#[derive(Validate)]
struct HoldsNewtype {
    #[validate(nested)]
    name: Newtype,
}

#[derive(Deserialize, Validate)]
#[serde(transparent)]
struct Transparent {
    #[validate(non_empty)]
    inner: String,
}

#[test]
fn tuple_fields_are_indexes_and_newtypes_add_nothing() {
    assert_eq!(targets(&Tuple(String::new(), 2)), ["[0]", "[1]"]);
    assert_eq!(targets(&HoldsNewtype { name: Newtype("abc".into()) }), ["name"]);
    assert_eq!(targets(&Transparent { inner: String::new() }), [""]);
}

#[derive(Validate)]
struct WithoutSerde {
    #[validate(non_empty, rename = "profileType")]
    profile_type: String,
}

#[test]
fn validate_rename_names_fields_of_types_without_serde() {
    assert_eq!(
        report(&WithoutSerde { profile_type: String::new() }),
        ["EmptyValue profileType: The value must not be empty or white space."]
    );
}

#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
enum External {
    Unit,
    NamedFields {
        #[validate(non_empty)]
        field_name: String,
    },
    #[serde(rename = "other")]
    Tuple(#[validate(non_empty)] String, #[validate(non_empty)] String),
}

#[derive(Deserialize, Validate)]
#[serde(tag = "kind")]
enum Internal {
    Named {
        #[validate(non_empty)]
        name: String,
    },
}

#[derive(Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Named {
        #[validate(non_empty)]
        name: String,
    },
}

#[derive(Deserialize, Validate)]
#[serde(untagged)]
enum Untagged {
    Named {
        #[serde(rename = "NAME")]
        #[validate(non_empty)]
        name: String,
    },
}

#[test]
fn enum_variants_follow_the_tagging() {
    assert!(External::Unit.validate().is_ok());
    assert_eq!(targets(&External::NamedFields { field_name: String::new() }), ["namedFields.fieldName"]);
    assert_eq!(targets(&External::Tuple(String::new(), String::new())), ["other[0]", "other[1]"]);
    assert_eq!(targets(&Internal::Named { name: String::new() }), ["name"]);
    assert_eq!(targets(&Adjacent::Named { name: String::new() }), ["c.name"]);
    assert_eq!(targets(&Untagged::Named { name: String::new() }), ["NAME"]);
}

#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Deep {
    #[validate(nested)]
    outer_list: Vec<std::collections::BTreeMap<String, Vec<Inner>>>,
}

#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Inner {
    #[validate(non_empty)]
    leaf_value: String,
}

#[test]
fn paths_compose_through_items_and_keys() {
    let value = Deep {
        outer_list: vec![std::collections::BTreeMap::from([(
            "x.y".to_owned(),
            vec![Inner { leaf_value: "a".into() }, Inner { leaf_value: String::new() }],
        )])],
    };
    assert_eq!(targets(&value), ["outerList[0]['x.y'][1].leafValue"]);
}

#[derive(Deserialize, Validate)]
struct OddNames {
    #[serde(rename = "a.b")]
    #[validate(non_empty)]
    dotted: String,
    #[serde(rename = "display name")]
    #[validate(non_empty)]
    spaced: String,
    #[serde(rename = "名前")]
    #[validate(non_empty)]
    unicode: String,
}

#[test]
fn wire_names_that_are_not_plain_are_written_as_keys() {
    let value = OddNames { dotted: String::new(), spaced: String::new(), unicode: String::new() };
    assert_eq!(targets(&value), ["['a.b']", "['display name']", "名前"]);
}

/// A type both read and written, with `serialize_names`: `from_json` reads the names serde reads
/// and reports at the names serde writes, as `validate()` does.
#[derive(Deserialize, serde::Serialize, Validate)]
#[validate(serialize_names)]
struct BothWays {
    #[serde(rename(serialize = "tenantFeatures", deserialize = "features"))]
    #[validate(length(max = 1))]
    features: Vec<String>,
    #[serde(rename(serialize = "count", deserialize = "n"))]
    #[validate(range(max = 3))]
    n: u8,
}

#[test]
fn serialize_names_on_every_door() {
    let value = BothWays { features: vec!["a".into(), "b".into()], n: 4 };
    assert_eq!(targets(&value), ["tenantFeatures", "count"]);
    let body = br#"{"features": ["a", "b"], "n": 4}"#;
    let Err(validate_core::json::BodyError::Invalid(found)) = validate_core::json::from_json::<BothWays>(body) else {
        panic!("expected violations");
    };
    let found: Vec<_> = found.iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(found, ["tenantFeatures", "count"]);
    let Err(validate_core::json::BodyError::Invalid(found)) =
        validate_core::json::from_json::<BothWays>(br#"{"features": 1, "n": "x"}"#)
    else {
        panic!("expected violations");
    };
    let found: Vec<_> = found.iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(found, ["tenantFeatures", "count"]);
}

/// An untagged variant among tagged ones is read from the value alone: it adds no segment
/// (found by the review of issue 15; it added its name).
#[derive(Deserialize, Validate)]
enum Mixed {
    Named {
        #[validate(range(max = 10))]
        n: u8,
    },
    #[serde(untagged)]
    Raw(#[validate(range(max = 10))] u8),
}

#[derive(Deserialize, Validate)]
struct HoldsMixed {
    #[validate(nested)]
    mixed: Mixed,
}

#[test]
fn an_untagged_variant_adds_no_segment() {
    assert_eq!(targets(&HoldsMixed { mixed: Mixed::Raw(11) }), ["mixed"]);
    assert_eq!(targets(&HoldsMixed { mixed: Mixed::Named { n: 11 } }), ["mixed.Named.n"]);
    let Err(validate_core::json::BodyError::Invalid(found)) =
        validate_core::json::from_json::<HoldsMixed>(br#"{"mixed": 11}"#)
    else {
        panic!("expected violations");
    };
    let found: Vec<_> = found.iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(found, ["mixed"]);
}

/// The limit the README states: a generic type is read whole by `from_json`, so its shape
/// problems are at the names serde reads; its rules' violations at the written ones.
#[derive(Deserialize, Validate)]
#[validate(serialize_names)]
struct Generic<T> {
    #[serde(rename(serialize = "out", deserialize = "in"))]
    #[validate(range(max = 3))]
    value: u8,
    #[serde(skip)]
    _kind: std::marker::PhantomData<T>,
}

#[test]
fn serialize_names_of_a_type_read_whole() {
    let targets_of = |body: &[u8]| match validate_core::json::from_json::<Generic<()>>(body) {
        Err(validate_core::json::BodyError::Invalid(found)) => {
            found.iter().map(|v| v.target().to_owned()).collect::<Vec<_>>()
        }
        _ => panic!("expected violations"),
    };
    assert_eq!(targets_of(br#"{"in": 4}"#), ["out"]);
    assert_eq!(targets_of(br#"{"in": "x"}"#), ["in"]);
}
