//! Issue 12, "one door": every way into the library gives the same answer for the same body.
//!
//! The doors: `from_json` (`serde_json`, then the derive's walk over the tree), `from_json` of a
//! type the derive does not walk (`serde_json`, then the tree read whole), `parse_json`
//! (`serde_json`, then the tree read whole), the axum extractors `ValidJson` (`from_json`) and
//! `ArmJson` (`parse_json`), and for the Relationship model `from_json_with` (the walk, with the
//! stored relationship as context), `customer-insights check` and the service's `PUT` (which
//! both call it).
//!
//! Two rules of the contract are pinned here, each body with a single problem, so that every door
//! (the tree stops at the first problem, the walk finds them all) gives exactly one detail:
//! - `null` where the type takes no `null` is `MissingRequiredProperty` at its target, with the
//!   message an absent property gets (at the root, where there is no property, it stays the
//!   wrong JSON type);
//! - a struct's property given twice in one object is `DuplicateProperty` at that property,
//!   whatever its first copy holds; a map keeps its last copy.
//!
//! Every test has at least one body that the doors answered otherwise before issue 12; the
//! bodies that were already right stand beside them as guards.

// The types here are read, never looked into.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::put;
use customer_insights::model::{RelationshipResourceFormat, Stored};
use customer_insights::service::router;
use customer_insights::store::MemoryStore;
use http_body_util::BodyExt as _;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use tower::ServiceExt as _;
use validate_core::axum::{ArmJson, ValidJson};
use validate_core::{ErrorResponse, Path, Validate, Violations, from_json, from_json_with, parse_json};

/// One detail: `(code, target, message)`, the target `""` when absent.
use validate_tests::Detail;

fn d(code: &str, target: &str, message: &str) -> Detail {
    (code.to_owned(), target.to_owned(), message.to_owned())
}

fn details(error: &ErrorResponse) -> Vec<Detail> {
    assert_eq!(error.error.code, "InvalidRequestContent", "{error:#?}");
    validate_tests::assert_well_formed(error);
    validate_tests::details(error)
}

/// The details of an answer; empty when the body read (and, where the door checks them, its
/// rules held).
fn answer<T, E: validate_tests::English>(read: Result<T, E>) -> Vec<Detail> {
    read.map_or_else(|error| details(&error.english()), |_| Vec::new())
}

/// `T` read whole on the failure path: its `Validate` is written by hand, so `from_json` has no
/// walk for it and explains a failure as `parse_json` does.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
struct Unwalked<T>(T);

impl<T: Validate> Validate for Unwalked<T> {
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
        self.0.validate_at(at, out);
    }
}

/// Every door's details for `body` read as `T`, named.
fn doors<T: DeserializeOwned + Validate>(body: &str) -> Vec<(&'static str, Vec<Detail>)> {
    let bytes = body.as_bytes();
    vec![
        ("from_json (walk)", answer(from_json::<T>(bytes))),
        ("from_json (read whole)", answer(from_json::<Unwalked<T>>(bytes))),
        ("parse_json", answer(parse_json::<T>(bytes))),
    ]
}

/// Asserts that every door answers `body` (read as `T`) with exactly `expected`.
#[track_caller]
fn assert_doors<T: DeserializeOwned + Validate>(body: &str, expected: &[Detail]) {
    for (door, found) in doors::<T>(body) {
        assert_eq!(found, expected, "{door} for {body}");
    }
}

/// The message of an absent property at a target whose last name is `name`.
fn required(name: &str) -> String {
    format!("The property '{name}' is required.")
}

const REPEATED: &str = "The property appears more than once.";

/// The message of an item or a map value given `null`.
const NULL_ITEM: &str = "A value is required here; null is not accepted.";

// ---------------------------------------------------------------------------------------------
// A struct with a field of each kind.

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Root {
    #[validate(non_empty)]
    name: String,
    count: u8,
    #[validate(nested)]
    inner: Inner,
    #[validate(nested)]
    items: Vec<Inner>,
    tags: Vec<String>,
    #[validate(nested)]
    by_key: BTreeMap<String, Inner>,
    labels: BTreeMap<String, String>,
    kind: Kind,
    #[validate(nested)]
    shape: Shape,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    #[validate(nested)]
    maybe: Option<Inner>,
    #[serde(default)]
    extra: serde_json::Value,
    #[serde(default)]
    nothing: (),
    #[serde(default)]
    marker: Marker,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Inner {
    #[validate(non_empty)]
    code: String,
}

#[derive(Debug, Deserialize)]
enum Kind {
    Plain,
}

/// Read by serde with `deserialize_any`, whose visitor refuses `null` itself.
#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "type")]
enum Shape {
    Dot {
        #[validate(non_empty)]
        label: String,
    },
}

#[derive(Debug, Default, Deserialize)]
struct Marker;

/// A valid `Root` with `member` (`"name":value`) set: replaced when the root has it, added when not.
fn root_with(member: &str) -> String {
    let mut members: Vec<(String, String)> = [
        ("name", r#""a""#),
        ("count", "1"),
        ("inner", r#"{"code":"c"}"#),
        ("items", r#"[{"code":"c"},{"code":"d"}]"#),
        ("tags", r#"["x","y"]"#),
        ("byKey", r#"{"k":{"code":"c"}}"#),
        ("labels", r#"{"k":"v"}"#),
        ("kind", r#""Plain""#),
        ("shape", r#"{"type":"Dot","label":"l"}"#),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value.to_owned()))
    .collect();
    if let Some((key, value)) = member.split_once(':') {
        let key = key.trim_matches('"').to_owned();
        match members.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => value.clone_into(&mut slot.1),
            None => members.push((key, value.to_owned())),
        }
    }
    let members: Vec<String> = members.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
    format!("{{{}}}", members.join(","))
}

#[test]
fn null_is_a_missing_property_where_the_type_takes_no_null() {
    for (member, target) in [
        (r#""name":null"#, "name"),
        (r#""count":null"#, "count"),
        (r#""kind":null"#, "kind"),
        (r#""tags":null"#, "tags"),
        (r#""labels":null"#, "labels"),
    ] {
        assert_doors::<Root>(&root_with(member), &[d("MissingRequiredProperty", target, &required(target))]);
    }
    // Where the type takes null (`Option`, `Value`, `()`, a unit struct), it reads.
    assert_doors::<Root>(&root_with(""), &[]);
    for member in [r#""note":null"#, r#""maybe":null"#, r#""extra":null"#, r#""nothing":null"#, r#""marker":null"#] {
        assert_doors::<Root>(&root_with(member), &[]);
    }
    // The whole body has no property to name: the contract's row for a body of the wrong JSON type.
    assert_doors::<Root>("null", &[d("InvalidPropertyType", "", "Expected an object but found null.")]);
}

#[test]
fn null_for_a_struct_a_vec_or_a_map_of_structs_is_a_missing_property() {
    for (member, target) in [
        (r#""inner":null"#, "inner"),
        (r#""items":null"#, "items"),
        (r#""byKey":null"#, "byKey"),
        (r#""shape":null"#, "shape"),
    ] {
        assert_doors::<Root>(&root_with(member), &[d("MissingRequiredProperty", target, &required(target))]);
    }
}

#[test]
fn null_for_a_nested_structs_field_is_a_missing_property() {
    for (member, target) in [
        (r#""inner":{"code":null}"#, "inner.code"),
        (r#""maybe":{"code":null}"#, "maybe.code"),
        (r#""items":[{"code":"c"},{"code":null}]"#, "items[1].code"),
        (r#""byKey":{"k":{"code":null}}"#, "byKey['k'].code"),
    ] {
        assert_doors::<Root>(&root_with(member), &[d("MissingRequiredProperty", target, &required("code"))]);
    }
}

#[test]
fn null_for_an_item_or_a_map_value_is_a_missing_property() {
    // An item or an entry has no property name to say.
    for (member, target) in [
        (r#""items":[{"code":"c"},null]"#, "items[1]"),
        (r#""tags":["x",null]"#, "tags[1]"),
        (r#""byKey":{"k":null}"#, "byKey['k']"),
        (r#""labels":{"k":"v","l":null}"#, "labels['l']"),
    ] {
        assert_doors::<Root>(&root_with(member), &[d("MissingRequiredProperty", target, NULL_ITEM)]);
    }
}

#[test]
fn a_property_given_twice_is_a_duplicate_whatever_its_first_copy_holds() {
    let duplicate = |target: &str| [d("DuplicateProperty", target, REPEATED)];
    // The first copy does not read: serde stops there, before it sees the second.
    assert_doors::<Root>(&root_with(r#""name":1,"name":"b""#), &duplicate("name"));
    assert_doors::<Root>(&root_with(r#""name":null,"name":"b""#), &duplicate("name"));
    assert_doors::<Root>(&root_with(r#""inner":{},"inner":{"code":"c"}"#), &duplicate("inner"));
    assert_doors::<Root>(&root_with(r#""items":[{"code":1}],"items":[]"#), &duplicate("items"));
    assert_doors::<Root>(&root_with(r#""inner":{"code":1,"code":"c"}"#), &duplicate("inner.code"));
    assert_doors::<Root>(&root_with(r#""items":[{"code":"c"},{"code":[],"code":"d"}]"#), &duplicate("items[1].code"));
    // Both copies fail: still the repeat.
    assert_doors::<Root>(&root_with(r#""count":"x","count":"y""#), &duplicate("count"));
    // Both copies read: serde's own `duplicate_field`.
    assert_doors::<Root>(&root_with(r#""name":"a","name":"b""#), &duplicate("name"));
}

#[test]
fn a_map_keeps_the_last_copy_of_a_key_and_a_struct_in_it_refuses_a_repeat() {
    assert_doors::<Root>(
        &root_with(r#""byKey":{"k":{"code":1,"code":"c"}}"#),
        &[d("DuplicateProperty", "byKey['k'].code", REPEATED)],
    );
    assert_doors::<Root>(&root_with(r#""labels":{"k":"a","k":"b"}"#), &[]);
    assert_doors::<Root>(&root_with(r#""byKey":{"k":{"code":"c"},"k":{"code":"d"}}"#), &[]);
    // Every copy must read, as with serde_json: the one that does not says why, at its entry.
    assert_doors::<Root>(
        &root_with(r#""labels":{"k":1,"k":"b"}"#),
        &[d("InvalidPropertyType", "labels['k']", "Expected a string but found a number.")],
    );
}

// ---------------------------------------------------------------------------------------------
// Aliases and flatten.

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Aliased {
    #[serde(alias = "b")]
    a: String,
}

#[test]
fn a_field_given_twice_under_its_names_is_a_duplicate_at_its_name() {
    let duplicate = [d("DuplicateProperty", "a", REPEATED)];
    assert_doors::<Aliased>(r#"{"a":1,"a":"y"}"#, &duplicate);
    // serde's own `duplicate_field`, which names the field by its name.
    assert_doors::<Aliased>(r#"{"a":"x","b":"y"}"#, &duplicate);
    assert_doors::<Aliased>(r#"{"b":"x","b":"y"}"#, &duplicate);
}

/// Flattened beside a map: read whole by the walk.
#[derive(Debug, Deserialize, Validate)]
struct Flat {
    own: u8,
    #[serde(flatten)]
    #[validate(nested)]
    part: Part,
    #[serde(flatten)]
    rest: BTreeMap<String, String>,
}

/// Flattened alone: walked.
#[derive(Debug, Deserialize, Validate)]
struct FlatWalked {
    own: u8,
    #[serde(flatten)]
    #[validate(nested)]
    part: Part,
}

#[derive(Debug, Deserialize, Validate)]
struct Part {
    code: String,
}

#[test]
fn beside_flatten_an_own_field_given_twice_is_a_duplicate_and_a_flattened_maps_key_keeps_its_last_copy() {
    let duplicate = |target: &str| [d("DuplicateProperty", target, REPEATED)];
    assert_doors::<Flat>(r#"{"own":"x","own":1,"code":"c"}"#, &duplicate("own"));
    assert_doors::<FlatWalked>(r#"{"own":"x","own":1,"code":"c"}"#, &duplicate("own"));
    // A flattened struct's field given twice: serde's `duplicate_field` when its first copy reads.
    assert_doors::<Flat>(r#"{"own":1,"code":"c","code":"d"}"#, &duplicate("code"));
    assert_doors::<FlatWalked>(r#"{"own":1,"code":"c","code":"d"}"#, &duplicate("code"));
    // The members a flattened map takes are a map's: the last copy wins.
    assert_doors::<Flat>(r#"{"own":1,"code":"c","x":"a"}"#, &[]);
    assert_doors::<Flat>(r#"{"own":1,"code":"c","x":"a","x":"b"}"#, &[]);
}

#[test]
fn beside_flatten_null_for_an_own_field_is_a_missing_property() {
    let missing = [d("MissingRequiredProperty", "own", &required("own"))];
    assert_doors::<Flat>(r#"{"own":null,"code":"c"}"#, &missing);
    assert_doors::<FlatWalked>(r#"{"own":null,"code":"c"}"#, &missing);
}

// ---------------------------------------------------------------------------------------------
// The Relationship model, through `from_json_with`, `parse_json` and `customer-insights check`.

type Model = RelationshipResourceFormat;

const DEFINITION: &str = r#"{"displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B"}"#;

/// The Relationship model's doors: the model is validated with the stored relationship as its
/// context (nothing stored for a new one), so `from_json_with` is its `from_json`.
fn model_doors(body: &str) -> Vec<(&'static str, Vec<Detail>)> {
    let bytes = body.as_bytes();
    vec![
        ("from_json_with (walk)", answer(from_json_with::<Model, _>(bytes, &Stored::NEW))),
        ("parse_json", answer(parse_json::<Model>(bytes))),
        ("customer-insights check", answer(customer_insights::check::answer(bytes))),
    ]
}

#[track_caller]
fn assert_model_doors(body: &str, expected: &[Detail]) {
    for (door, found) in model_doors(body) {
        assert_eq!(found, expected, "{door} for {body}");
    }
}

const NULL_PROFILE_TYPE: &str =
    r#"{"properties":{"displayName":{"en-us":"x"},"profileType":null,"relatedProfileType":"B"}}"#;

#[test]
fn the_model_null_for_a_required_string_is_a_missing_property() {
    assert_model_doors(
        NULL_PROFILE_TYPE,
        &[d("MissingRequiredProperty", "properties.profileType", "The property 'profileType' is required.")],
    );
    // The same answer as the property absent.
    let absent = r#"{"properties":{"displayName":{"en-us":"x"},"relatedProfileType":"B"}}"#;
    for ((door, with_null), (_, without)) in model_doors(NULL_PROFILE_TYPE).into_iter().zip(model_doors(absent)) {
        assert_eq!(with_null, without, "{door}");
    }
}

#[test]
fn the_model_null_for_properties_a_map_or_a_list_is_a_missing_property() {
    assert_model_doors(
        r#"{"properties":null}"#,
        &[d("MissingRequiredProperty", "properties", "The property 'properties' is required.")],
    );
    assert_model_doors(
        r#"{"properties":{"displayName":null,"profileType":"A","relatedProfileType":"B"}}"#,
        &[d("MissingRequiredProperty", "properties.displayName", "The property 'displayName' is required.")],
    );
    assert_model_doors(
        r#"{"properties":{"displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B","fields":[null]}}"#,
        &[d("MissingRequiredProperty", "properties.fields[0]", "A value is required here; null is not accepted.")],
    );
    // An `Option` given null is absent, and valid.
    let body = r#"{"properties":{"displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B","fields":null,"description":null}}"#;
    assert_model_doors(body, &[]);
}

#[test]
fn the_model_properties_given_twice_is_a_duplicate() {
    let body = format!(r#"{{"properties":{{"profileType":"a"}},"properties":{DEFINITION}}}"#);
    assert_model_doors(&body, &[d("DuplicateProperty", "properties", REPEATED)]);
    let body = format!(r#"{{"properties":{DEFINITION},"properties":{{"profileType":"a"}}}}"#);
    assert_model_doors(&body, &[d("DuplicateProperty", "properties", REPEATED)]);
}

// ---------------------------------------------------------------------------------------------
// axum: the extractors on a router of their own, and the service's `PUT`.

/// A router with one route per extractor.
fn extractors() -> Router {
    Router::new()
        .route("/valid", put(|ValidJson(_): ValidJson<Root>| async { "read" }))
        .route("/arm", put(|ArmJson(_): ArmJson<Root>| async { "read" }))
        .route("/arm-model", put(|ArmJson(_): ArmJson<Model>| async { "read" }))
}

/// `PUT` of a new relationship to the service.
const SERVICE: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/contoso-rg/providers/Microsoft.CustomerInsights/hubs/hub1/relationships/rel1?api-version=2017-04-26";

/// The status and details of the answer of `app` to `body` PUT to `uri`; no details when it
/// succeeds.
async fn send(app: Router, uri: &str, body: &str) -> (StatusCode, Vec<Detail>) {
    let request = Request::put(uri).header("content-type", "application/json").body(Body::from(body.to_owned()));
    let response = app.oneshot(request.expect("a valid request")).await.expect("the router answers");
    let status = response.status();
    let code = response.headers().get("x-ms-error-code").cloned();
    let bytes = response.into_body().collect().await.expect("the body is read").to_bytes();
    if status.is_success() {
        return (StatusCode::OK, Vec::new());
    }
    let error: ErrorResponse = serde_json::from_slice(&bytes).expect("an ARM payload");
    // Every door's refusal names its code in `x-ms-error-code` too.
    assert_eq!(code.as_ref().and_then(|code| code.to_str().ok()), Some(error.error.code.as_str()), "{uri}");
    (status, details(&error))
}

/// Every axum door's answer: the extractors for `root` (a `Root`) and `model`, the service for
/// `model`.
async fn axum_doors(root: &str, model: &str) -> Vec<(&'static str, (StatusCode, Vec<Detail>))> {
    let service = router(Arc::new(MemoryStore::default()), 1 << 20);
    vec![
        ("ValidJson", send(extractors(), "/valid", root).await),
        ("ArmJson", send(extractors(), "/arm", root).await),
        ("ArmJson (model)", send(extractors(), "/arm-model", model).await),
        ("the service's PUT", send(service, SERVICE, model).await),
    ]
}

#[tokio::test]
async fn the_extractors_and_the_service_answer_null_as_a_missing_property() {
    let missing = |target: &str, name: &str| {
        (StatusCode::BAD_REQUEST, vec![d("MissingRequiredProperty", target, &required(name))])
    };
    let found = axum_doors(&root_with(r#""name":null"#), NULL_PROFILE_TYPE).await;
    for (door, answer) in found {
        let expected = if door.contains("model") || door.contains("service") {
            missing("properties.profileType", "profileType")
        } else {
            missing("name", "name")
        };
        assert_eq!(answer, expected, "{door}");
    }
}

#[tokio::test]
async fn the_extractors_and_the_service_answer_a_property_given_twice_as_a_duplicate() {
    let duplicate = |target: &str| (StatusCode::BAD_REQUEST, vec![d("DuplicateProperty", target, REPEATED)]);
    let model = format!(r#"{{"properties":{{"profileType":"a"}},"properties":{DEFINITION}}}"#);
    for (door, answer) in axum_doors(&root_with(r#""inner":{},"inner":{"code":"c"}"#), &model).await {
        let expected = if door.contains("model") || door.contains("service") {
            duplicate("properties")
        } else {
            duplicate("inner")
        };
        assert_eq!(answer, expected, "{door}");
    }
    // The samples read through every door.
    for (door, answer) in axum_doors(&root_with(""), &format!(r#"{{"properties":{DEFINITION}}}"#)).await {
        assert_eq!(answer, (StatusCode::OK, Vec::new()), "{door}");
    }
}

// ---------------------------------------------------------------------------------------------
// Issue 13, "one problem, three codes": an integer literal (no fraction, no exponent) outside an
// integer type's range is `ValueOutOfRange` naming the range, whether it fits 64 bits or not; a
// fraction or an exponent is a number of the wrong type. On every door, for every integer type.

/// One field of every integer type, read by the walk (`from_json`) or whole.
#[derive(Debug, Deserialize, Validate)]
struct Integers {
    #[serde(default)]
    i8: i8,
    #[serde(default)]
    i16: i16,
    #[serde(default)]
    i32: i32,
    #[serde(default)]
    i64: i64,
    #[serde(default)]
    i128: i128,
    #[serde(default)]
    isize: isize,
    #[serde(default)]
    u8: u8,
    #[serde(default)]
    u16: u16,
    #[serde(default)]
    u32: u32,
    #[serde(default)]
    u64: u64,
    #[serde(default)]
    u128: u128,
    #[serde(default)]
    usize: usize,
    #[serde(default)]
    maybe: Option<i64>,
    #[serde(default)]
    list: Vec<u32>,
    #[serde(default)]
    by_key: BTreeMap<String, i16>,
    /// Takes any number: what comes before a field does not change how the field's number reads.
    #[serde(default)]
    any: serde_json::Value,
}

/// Every integer type's field name, its range, and a literal past each end: one within 64 bits
/// where the type leaves room for it, and the two just beyond 64 bits, which `serde_json` reads
/// as floats.
const INTEGER_TYPES: [(&str, &str, &str, &[&str]); 12] = [
    ("i8", "-128", "127", &["-129", "128"]),
    ("i16", "-32768", "32767", &["-32769", "32768"]),
    ("i32", "-2147483648", "2147483647", &["-2147483649", "2147483648"]),
    ("i64", "-9223372036854775808", "9223372036854775807", &["-9223372036854775809", "9223372036854775808"]),
    ("isize", "-9223372036854775808", "9223372036854775807", &["-9223372036854775809", "9223372036854775808"]),
    ("u8", "0", "255", &["-1", "256"]),
    ("u16", "0", "65535", &["-1", "65536"]),
    ("u32", "0", "4294967295", &["-1", "4294967296"]),
    ("u64", "0", "18446744073709551615", &["-1", "-9223372036854775809", "18446744073709551616"]),
    ("usize", "0", "18446744073709551615", &["-1", "-9223372036854775809", "18446744073709551616"]),
    (
        "i128",
        "-170141183460469231731687303715884105728",
        "170141183460469231731687303715884105727",
        &["-170141183460469231731687303715884105729", "170141183460469231731687303715884105728"],
    ),
    (
        "u128",
        "0",
        "340282366920938463463374607431768211455",
        &["-1", "-100000000000000000000", "340282366920938463463374607431768211456"],
    ),
];

/// Literals beyond 64 bits, which every integer type of 64 bits or fewer refuses.
const BEYOND_64_BITS: [&str; 3] = ["-9223372036854775809", "100000000000000000000", "-100000000000000000000"];

fn out_of_range(target: &str, value: &str, min: &str, max: &str) -> Detail {
    d("ValueOutOfRange", target, &format!("The value {value} is outside the range {min} to {max}."))
}

#[test]
fn an_integer_outside_its_type_is_out_of_range_on_every_door() {
    for (name, min, max, outside) in INTEGER_TYPES {
        let beyond: &[&str] = if name.ends_with("128") { &[] } else { &BEYOND_64_BITS };
        for value in outside.iter().chain(beyond) {
            assert_doors::<Integers>(&format!(r#"{{"{name}":{value}}}"#), &[out_of_range(name, value, min, max)]);
        }
        // The ends themselves read.
        for value in [min, max] {
            assert_doors::<Integers>(&format!(r#"{{"{name}":{value}}}"#), &[]);
        }
    }
    // Within an `Option`, a list and a map.
    let (min, max) = ("-9223372036854775808", "9223372036854775807");
    assert_doors::<Integers>(
        r#"{"maybe":100000000000000000000}"#,
        &[out_of_range("maybe", "100000000000000000000", min, max)],
    );
    assert_doors::<Integers>(
        r#"{"list":[1,-100000000000000000000]}"#,
        &[out_of_range("list[1]", "-100000000000000000000", "0", "4294967295")],
    );
    assert_doors::<Integers>(
        r#"{"by_key":{"a":100000000000000000000}}"#,
        &[out_of_range("by_key['a']", "100000000000000000000", "-32768", "32767")],
    );
}

#[test]
fn a_128_bit_integer_reads_beyond_64_bits_on_every_door() {
    // serde_json reads 128-bit integers from their digits: the walk and the tree do too.
    assert_doors::<Integers>(
        r#"{"i128":-100000000000000000000,"u128":100000000000000000000,"u8":300}"#,
        &[out_of_range("u8", "300", "0", "255")],
    );
}

#[test]
fn a_fraction_or_an_exponent_is_a_number_of_the_wrong_type_on_every_door() {
    let wrong = |target: &str| d("InvalidPropertyType", target, "Expected an integer but found a number.");
    for (name, ..) in INTEGER_TYPES {
        for value in ["1.5", "-1.5", "1e3", "1.0", "-1e20", "1e20", "100000000000000000000.5", "-0"] {
            // `-0` is read as an integer by `i128` only, as serde_json reads it.
            if value == "-0" && name == "i128" {
                continue;
            }
            assert_doors::<Integers>(&format!(r#"{{"{name}":{value}}}"#), &[wrong(name)]);
        }
    }
}

#[test]
fn a_long_integer_is_echoed_cut() {
    let digits = "9".repeat(300);
    let cut = format!("{}…", "9".repeat(63));
    assert_doors::<Integers>(
        &format!(r#"{{"u8":{digits}}}"#),
        &[d("ValueOutOfRange", "u8", &format!("The value {cut} is outside the range 0 to 255."))],
    );
}

#[test]
fn the_model_max_length_is_out_of_range_on_every_door() {
    let (min, max) = ("-9223372036854775808", "9223372036854775807");
    for value in ["9223372036854775808", "-9223372036854775809", "100000000000000000000"] {
        let body = format!(
            r#"{{"properties":{{"displayName":{{"en-us":"x"}},"profileType":"A","relatedProfileType":"B","fields":[{{"fieldName":"f","fieldType":"t","maxLength":{value}}}]}}}}"#
        );
        assert_model_doors(&body, &[out_of_range("properties.fields[0].maxLength", value, min, max)]);
    }
}

#[test]
fn an_integer_is_known_by_its_own_text_whatever_comes_before_it() {
    // Digits in strings and keys, an escaped quote and an escaped backslash, integers, floats
    // and integers beyond 64 bits where they are accepted, before the one refused.
    let before = r#"{"1e3":["x \"1.5\" 7","\\",-3,1.5,1e2,-100000000000000000000,{"-2":[0.5]}]}"#;
    let body = format!(r#"{{"any":{before},"u8":2,"list":[7,1.25],"i64":-100000000000000000000}}"#);
    assert_doors::<Integers>(
        &body.replace(r#","list":[7,1.25]"#, ""),
        &[out_of_range("i64", "-100000000000000000000", "-9223372036854775808", "9223372036854775807")],
    );
    // The walk finds both, in field-declaration order: the integer, then the float in the list
    // that came before it in the body.
    let error = from_json::<Integers>(body.as_bytes()).map_err(validate_core::ErrorResponse::from).unwrap_err();
    assert_eq!(
        details(&error),
        [
            out_of_range("i64", "-100000000000000000000", "-9223372036854775808", "9223372036854775807"),
            d("InvalidPropertyType", "list[1]", "Expected an integer but found a number."),
        ]
    );
}
