//! Property tests over hostile and mutated bodies: no panic, well-formed ARM errors within their
//! caps, targets that name real places, deterministic output, and valid bodies that round-trip.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use customer_insights::model::{
    Cardinality, PropertyDefinition, RelationshipDefinition, RelationshipResourceFormat, RelationshipTypeFieldMapping,
    RelationshipTypeMapping, Stored,
};
use customer_insights::store::MemoryStore;
use http_body_util::BodyExt as _;
use proptest::prelude::*;
use tower::ServiceExt as _;
use validate_core::{ErrorResponse, from_json_with};
use validate_tests::{J, Step, assert_well_formed, fuzz_from_json, parse_target};

type Model = RelationshipResourceFormat;

/// Names the model reads, so that generated bodies reach deep into it.
const KEYS: &[&str] = &[
    "properties",
    "id",
    "name",
    "type",
    "cardinality",
    "displayName",
    "description",
    "expiryDateTimeUtc",
    "fields",
    "lookupMappings",
    "profileType",
    "relatedProfileType",
    "provisioningState",
    "relationshipName",
    "relationshipGuidId",
    "tenantId",
    "fieldName",
    "fieldType",
    "isArray",
    "maxLength",
    "enumValidValues",
    "value",
    "localizedValueNames",
    "fieldMappings",
    "profileFieldName",
    "relatedProfileKeyProperty",
    "en-us",
    "de",
    "dataSourcePrecedenceRules",
];

fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter),
        1 => (any::<char>(), 100usize..2_000).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
        1 => prop::sample::select(vec!["", " ", "\u{202e}evil", "a\u{0}b", "OneToOne", "en us", "Edm.String"]).prop_map(str::to_owned),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![4 => prop::sample::select(KEYS).prop_map(str::to_owned), 1 => odd_string()]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| format!("{f:e}")),
        1 => prop::sample::select(vec!["-0", "18446744073709551616", "1e400", "-1e400", "0.1e-400", "123456789012345678901234567890"]).prop_map(str::to_owned),
    ]
}

fn json() -> impl Strategy<Value = J> {
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        number().prop_map(J::Num),
        odd_string().prop_map(J::Str),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(J::Arr),
            prop::collection::vec((key(), inner), 0..8).prop_map(J::Obj),
        ]
    })
}

/// A body shaped like a relationship, with arbitrary values inside.
fn body() -> impl Strategy<Value = J> {
    prop_oneof![
        4 => prop::collection::vec((key(), json()), 0..10).prop_map(|members| J::Obj(vec![("properties".to_owned(), J::Obj(members))])),
        1 => json(),
        1 => (1usize..140).prop_map(|depth| {
            let mut value = J::Arr(vec![]);
            for _ in 0..depth {
                value = J::Arr(vec![value]);
            }
            J::Obj(vec![("properties".to_owned(), J::Obj(vec![("fields".to_owned(), value)]))])
        }),
    ]
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

const URL: &str = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.CustomerInsights/hubs/hub1/relationships/rel_1?api-version=2017-04-26";

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics_and_errors_are_well_formed(body in body()) {
        fuzz_from_json(body.text().as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        fuzz_from_json(&bytes);
    }

    /// `from_json` itself (the Relationship model is read with a context), on a type of nested
    /// items, maps and options, with the model's names: bytes and JSON alike.
    #[test]
    fn from_json_on_any_body_never_panics_and_answers_the_same(bytes in any_body()) {
        match validate_core::from_json::<Plain>(&bytes) {
            Ok(value) => prop_assert!(validate_core::Validate::validate(&value).is_ok()),
            Err(error) => {
                assert_well_formed(&ErrorResponse::from(error.clone()));
                prop_assert_eq!(validate_core::from_json::<Plain>(&bytes).err(), Some(error));
            }
        }
    }
}

/// Arbitrary bytes, or arbitrary JSON text.
fn any_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![prop::collection::vec(any::<u8>(), 0..256), body().prop_map(|body| body.text().into_bytes())]
}

/// A type with the shapes `from_json` walks, named as the model's members are.
#[derive(Debug, serde::Deserialize, validate_core::Validate)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Plain {
    #[validate(nested)]
    properties: Option<PlainProperties>,
    #[serde(default)]
    #[validate(length(max = 3), each(non_empty))]
    display_name: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, serde::Deserialize, validate_core::Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
struct PlainProperties {
    #[validate(required, non_empty)]
    profile_type: Option<String>,
    #[serde(default)]
    #[validate(each(nested), length(max = 4))]
    fields: Vec<PlainField>,
    max_length: Option<i64>,
}

#[derive(Debug, serde::Deserialize, validate_core::Validate)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PlainField {
    #[validate(length(min = 1, max = 8))]
    field_name: String,
    is_array: Option<bool>,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_service_answers_every_body_in_the_arm_format(body in any_body(), content_type in prop::sample::select(vec!["application/json", "text/plain", "application/x+json"])) {
        // Each PUT to a new service, so that the second answers the same body as the first did.
        let put = || {
            let app = customer_insights::service::router(Arc::new(MemoryStore::default()), 64 * 1024);
            let request = Request::put(URL).header("content-type", content_type).body(Body::from(body.clone())).unwrap();
            let response = runtime().block_on(app.oneshot(request)).unwrap();
            let status = response.status();
            let code = response.headers().get("x-ms-error-code").map(|v| v.to_str().unwrap().to_owned());
            (status, code, runtime().block_on(response.into_body().collect()).unwrap().to_bytes())
        };
        let (status, code, bytes) = put();
        prop_assert!([StatusCode::OK, StatusCode::BAD_REQUEST, StatusCode::PAYLOAD_TOO_LARGE, StatusCode::UNSUPPORTED_MEDIA_TYPE].contains(&status), "{status}");
        if status != StatusCode::OK {
            let error: ErrorResponse = serde_json::from_slice(&bytes).unwrap();
            assert_well_formed(&error);
            prop_assert_eq!(code.as_deref(), Some(error.error.code.as_str()));
            // The same bytes for the same input.
            prop_assert_eq!(put().2, bytes);
        }
    }
}

/// The full-valid body as `J`.
fn valid_j() -> J {
    let text = include_str!("../../../examples/customer-insights/corpus/full-valid.json");
    J::from_value(&serde_json::from_str(text).unwrap())
}

/// One change to a valid body.
#[derive(Clone, Debug)]
enum Mutation {
    Drop,
    Rename(String),
    Retype(J),
    Typo,
    Repeat,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Drop),
        key().prop_map(Mutation::Rename),
        json().prop_map(Mutation::Retype),
        Just(Mutation::Typo),
        Just(Mutation::Repeat),
    ]
}

/// Applies `mutation` to the member or item chosen by `pick` among every place in `value`.
fn mutate(value: &mut J, pick: usize, mutation: &Mutation) {
    let mut places = 0;
    count_places(value, &mut places);
    let mut target = pick % places.max(1);
    apply(value, &mut target, mutation);
}

fn count_places(value: &J, count: &mut usize) {
    match value {
        J::Obj(members) => {
            for (_, v) in members {
                *count += 1;
                count_places(v, count);
            }
        }
        J::Arr(items) => {
            for v in items {
                *count += 1;
                count_places(v, count);
            }
        }
        _ => {}
    }
}

fn apply(value: &mut J, target: &mut usize, mutation: &Mutation) -> bool {
    match value {
        J::Obj(members) => {
            for i in 0..members.len() {
                if *target == 0 {
                    match mutation {
                        Mutation::Drop => {
                            members.remove(i);
                        }
                        Mutation::Rename(name) => members[i].0.clone_from(name),
                        Mutation::Retype(new) => members[i].1 = new.clone(),
                        Mutation::Typo => {
                            if let J::Str(s) = &mut members[i].1 {
                                s.push('x');
                            } else {
                                members[i].0.push('x');
                            }
                        }
                        Mutation::Repeat => {
                            let copy = members[i].clone();
                            members.insert(i + 1, copy);
                        }
                    }
                    return true;
                }
                *target -= 1;
                if apply(&mut members[i].1, target, mutation) {
                    return true;
                }
            }
            false
        }
        J::Arr(items) => {
            for i in 0..items.len() {
                if *target == 0 {
                    match mutation {
                        Mutation::Drop => {
                            items.remove(i);
                        }
                        Mutation::Retype(new) => items[i] = new.clone(),
                        _ => {
                            let copy = items[i].clone();
                            items.push(copy);
                        }
                    }
                    return true;
                }
                *target -= 1;
                if apply(&mut items[i], target, mutation) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

/// Whether `steps` lead somewhere in `value`, or to a missing member of a place that exists.
fn resolves(value: &J, steps: &[Step]) -> bool {
    let Some((first, rest)) = steps.split_first() else {
        return true;
    };
    let next = match (value, first) {
        (J::Obj(members), Step::Member(name) | Step::Key(name)) => {
            members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
        }
        (J::Arr(items), Step::Index(index)) => items.get(*index),
        _ => None,
    };
    match next {
        Some(next) => resolves(next, rest),
        // A missing property names its own place in an object that exists.
        None => rest.is_empty() && matches!((value, first), (J::Obj(_), Step::Member(_))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_target_names_a_place_in_the_input(mutations in prop::collection::vec((any::<usize>(), mutation()), 1..4)) {
        let mut body = valid_j();
        for (pick, change) in &mutations {
            mutate(&mut body, *pick, change);
        }
        let text = body.text();
        let Err(error) = from_json_with::<Model, _>(text.as_bytes(), &Stored::NEW) else { return Ok(()) };
        let error = validate_core::ErrorResponse::from(error);
        assert_well_formed(&error);
        for detail in &error.error.details {
            let Some(target) = &detail.target else { continue };
            if target.ends_with('…') {
                continue;
            }
            prop_assert!(resolves(&body, &parse_target(target)), "{} at {target:?} in {text}", detail.code);
        }
    }
}

fn tag() -> impl Strategy<Value = String> {
    ("[a-z]{2,3}", prop::option::of("[A-Za-z0-9]{1,8}"))
        .prop_map(|(primary, region)| region.map_or_else(|| primary.clone(), |region| format!("{primary}-{region}")))
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ ]{0,12}[A-Za-z]".prop_map(|s| s)
}

fn localized() -> impl Strategy<Value = std::collections::BTreeMap<String, String>> {
    prop::collection::btree_map(tag(), text(), 1..4)
}

fn valid_model() -> impl Strategy<Value = Model> {
    let field = (text(), text(), prop::option::of(any::<i64>()), prop::option::of(any::<bool>()));
    (
        prop::option::of(prop::sample::select(vec![
            Cardinality::OneToOne,
            Cardinality::OneToMany,
            Cardinality::ManyToMany,
        ])),
        localized(),
        prop::option::of(localized()),
        prop::option::of(prop::collection::vec(field, 0..6)),
        prop::option::of(prop::collection::vec((text(), text()), 1..3)),
        (text(), text()),
    )
        .prop_map(
            |(cardinality, display_name, description, fields, mappings, (profile_type, related_profile_type))| {
                let fields = fields.map(|fields| {
                    fields
                        .into_iter()
                        .enumerate()
                        .map(|(i, (name, kind, max_length, is_array))| {
                            let mut field: PropertyDefinition = serde_json::from_value(serde_json::json!({
                                "fieldName": format!("{name}{i}"), "fieldType": kind
                            }))
                            .unwrap();
                            field.max_length = max_length;
                            field.is_array = is_array;
                            field
                        })
                        .collect()
                });
                let lookup_mappings = mappings.map(|pairs| {
                    vec![RelationshipTypeMapping {
                        field_mappings: pairs
                            .into_iter()
                            .map(|(a, b)| RelationshipTypeFieldMapping {
                                profile_field_name: a,
                                related_profile_key_property: b,
                            })
                            .collect(),
                    }]
                });
                let mut properties: RelationshipDefinition = serde_json::from_value(serde_json::json!({
                    "displayName": display_name, "profileType": profile_type, "relatedProfileType": related_profile_type
                }))
                .unwrap();
                properties.cardinality = cardinality;
                properties.description = description;
                properties.fields = fields;
                properties.lookup_mappings = lookup_mappings;
                Model { id: None, name: None, resource_type: None, properties }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn valid_relationships_round_trip_through_from_json(model in valid_model()) {
        let bytes = serde_json::to_vec(&model).unwrap();
        let read = from_json_with::<Model, _>(&bytes, &Stored::NEW);
        prop_assert!(read.is_ok(), "{:?}", read.err());
        prop_assert_eq!(read.unwrap(), model);
    }
}

#[test]
fn the_fuzz_seed_corpus_passes_the_fuzz_checks() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/corpus/from_json");
    let mut count = 0;
    for entry in std::fs::read_dir(seeds).unwrap() {
        fuzz_from_json(&std::fs::read(entry.unwrap().path()).unwrap());
        count += 1;
    }
    assert!(count >= 4, "the seed corpus is there");
}

#[test]
fn targets_parse_back_into_steps() {
    assert_eq!(
        parse_target(r"properties.displayName['it\'s\\ \u{202e}'].x[3]"),
        [
            Step::Member("properties".into()),
            Step::Member("displayName".into()),
            Step::Key("it's\\ \u{202e}".into()),
            Step::Member("x".into()),
            Step::Index(3),
        ]
    );
}
