//! Validation with a context: `#[validate(context = Type)]`, `ValidateWith`, `Provides`,
//! `from_json_with`, `read_only(stored = function)` and `nested(context = function)`.
//!
//! Every case is asked at both doors: `validate_with` on the value, and `from_json_with` on its
//! bytes, both on a body that reads (the same answer as `validate_with`) and on one with a shape
//! problem beside the rule violations (the walk then finds them, given the context too).
//!
//! Three levels of context: a `Relationship` is validated with a `Request`; its `Mapping`s need
//! the `Hub` the request `Provides`; their `Field`s need the hub's `Schema`, which
//! `nested(context = schema_of)` projects.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use validate_core::Holds;
use validate_core::{Path, Provides, RuleError, Validate, ValidateWith, Violations, from_json, from_json_with};

/// What the request handler knows: the caller's plan, the stored resource, the hub.
struct Request {
    max_units: u32,
    reserved_names: Vec<String>,
    /// The `tenantId` of the resource the server holds, if it holds one with a tenant.
    stored_tenant: Option<String>,
    hub: Hub,
}

/// What a `Mapping` needs: the hub's profile types, and its schema for the fields.
struct Hub {
    profile_types: Vec<String>,
    max_fields: usize,
    schema: Schema,
}

/// What a `Field` needs.
struct Schema {
    max_name_len: usize,
    field_types: Vec<String>,
}

impl Provides<Hub> for Request {
    fn provide(&self) -> &Hub {
        &self.hub
    }
}

fn schema_of(hub: &Hub) -> &Schema {
    &hub.schema
}

fn stored_tenant(request: &Request) -> Option<&String> {
    request.stored_tenant.as_ref()
}

fn request() -> Request {
    Request {
        max_units: 10,
        reserved_names: vec!["admin".into()],
        stored_tenant: Some("contoso".into()),
        hub: Hub {
            profile_types: vec!["Contact".into(), "Account".into()],
            max_fields: 2,
            schema: Schema { max_name_len: 5, field_types: vec!["String".into(), "Int".into()] },
        },
    }
}

// The rules that need the context.

fn not_reserved(value: &Relationship, request: &Request) -> Result<(), RuleError> {
    if request.reserved_names.contains(&value.name) {
        Err(RuleError::new("ReservedName", format!("The name '{}' is reserved.", value.name)))
    } else {
        Ok(())
    }
}

fn known_profile_type(name: &String, hub: &Hub) -> Result<(), RuleError> {
    if hub.profile_types.contains(name) {
        Ok(())
    } else {
        Err(RuleError::new("UnknownProfileType", format!("The hub has no profile type '{name}'.")))
    }
}

fn few_enough_fields(mapping: &Mapping, hub: &Hub) -> Result<(), RuleError> {
    if mapping.fields.len() + mapping.by_name.len() > hub.max_fields {
        Err(RuleError::new("TooManyFields", format!("A mapping has at most {} fields.", hub.max_fields)))
    } else {
        Ok(())
    }
}

fn known_field_type(name: &String, schema: &Schema) -> Result<(), RuleError> {
    if schema.field_types.contains(name) {
        Ok(())
    } else {
        Err(RuleError::new("UnknownFieldType", format!("The schema has no field type '{name}'.")))
    }
}

/// The grandchild: its context is the hub's schema.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(context = Schema)]
struct Field {
    #[validate(length(min = 1, max = ctx.max_name_len))]
    field_name: String,
    #[validate(custom(known_field_type))]
    field_type: String,
}

/// The child: its context is the hub, which a `Request` provides.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(context = Hub, check(few_enough_fields))]
struct Mapping {
    #[validate(custom(known_profile_type))]
    profile_type: String,
    #[serde(default)]
    #[validate(each(custom(known_profile_type)))]
    related: Vec<String>,
    #[serde(default)]
    #[validate(nested(context = schema_of))]
    key: Option<Field>,
    #[serde(default)]
    #[validate(nested(context = schema_of))]
    fields: Vec<Field>,
    #[serde(default)]
    #[validate(nested(context = schema_of))]
    by_name: BTreeMap<String, Field>,
}

/// A type without a context, derived: it nests under any.
#[derive(Debug, Deserialize, Validate)]
struct Plain {
    #[validate(non_empty)]
    label: String,
}

/// A type without a context, validated by hand.
#[derive(Debug, Deserialize)]
struct Manual {
    label: String,
}

impl Validate for Manual {
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
        if self.label.len() > 3 {
            out.record(&at.member("label"), Err(RuleError::new("LabelTooLong", "A label has at most 3 characters.")));
        }
    }
}

/// A type with a context, validated by hand (`ValidateWith` for every context that provides a
/// `Hub`): the derive neither walks nor validates it, it reads it whole then validates it.
#[derive(Debug, Deserialize)]
struct Quota(usize);

impl<P: Provides<Hub> + ?Sized> ValidateWith<P> for Quota {
    fn validate_with_at(&self, ctx: &P, at: &Path<'_>, out: &mut Violations) {
        let hub: &Hub = ctx.provide();
        if self.0 > hub.max_fields {
            out.record(at, Err(RuleError::new("QuotaTooLarge", format!("The quota is at most {}.", hub.max_fields))));
        }
    }
}

/// An externally tagged enum with a context: struct, newtype and tuple variants.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(context = Hub)]
enum Source {
    #[serde(rename_all = "camelCase")]
    Profile {
        #[validate(custom(known_profile_type))]
        profile_type: String,
        #[validate(nested(context = schema_of))]
        field: Field,
    },
    Fields(#[validate(nested(context = schema_of))] Vec<Field>),
    Pair(#[validate(custom(known_profile_type))] String, #[validate(range(max = ctx.max_fields))] usize),
}

/// An internally tagged enum with a context: a struct variant and a newtype variant of a struct.
#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[validate(context = Hub)]
enum Target {
    #[serde(rename_all = "camelCase")]
    Profile {
        #[validate(custom(known_profile_type))]
        profile_type: String,
    },
    Field(#[validate(nested(context = schema_of))] Field),
}

/// A grandchild flattened into its parent, and the parent's children of its own type.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(context = Hub)]
struct Tree {
    #[validate(custom(known_profile_type))]
    profile_type: String,
    #[serde(flatten)]
    #[validate(nested(context = schema_of))]
    field: Field,
    #[serde(default)]
    #[validate(nested)]
    children: Vec<Tree>,
}

/// The parent: its context is the whole request.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(context = Request, check(not_reserved))]
#[allow(dead_code)]
struct Relationship {
    /// No rules: the shape problem that makes `from_json_with` walk.
    #[serde(default)]
    priority: u8,
    #[validate(length(min = 2))]
    name: String,
    #[validate(range(min = 1, max = ctx.max_units))]
    units: u32,
    #[serde(default)]
    #[validate(read_only(stored = stored_tenant))]
    tenant_id: Option<String>,
    #[serde(default)]
    #[validate(nested)]
    mapping: Option<Mapping>,
    #[serde(default)]
    #[validate(nested)]
    mappings: Vec<Mapping>,
    #[serde(default)]
    #[validate(nested)]
    by_key: BTreeMap<String, Mapping>,
    #[serde(default)]
    #[validate(length(max = 3), each(nested))]
    each_mappings: Vec<Mapping>,
    #[serde(default, deserialize_with = "trimmed_mapping")]
    #[validate(nested)]
    trimmed: Option<Mapping>,
    #[serde(default)]
    #[validate(nested)]
    plain: Option<Plain>,
    #[serde(default)]
    #[validate(each(nested))]
    plains: Vec<Plain>,
    #[serde(default)]
    #[validate(nested)]
    manual: Option<Manual>,
    #[serde(default)]
    #[validate(nested)]
    quota: Option<Quota>,
    #[serde(default)]
    #[validate(nested)]
    sources: Vec<Source>,
    #[serde(default)]
    #[validate(nested)]
    target: Option<Target>,
}

/// Reads a mapping with its profile type trimmed.
fn trimmed_mapping<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Mapping>, D::Error> {
    let mut mapping = Option::<Mapping>::deserialize(deserializer)?;
    if let Some(mapping) = &mut mapping {
        mapping.profile_type = mapping.profile_type.trim().to_owned();
    }
    Ok(mapping)
}

/// `Code target: message` of every violation, in order.
fn lines(violations: &Violations) -> Vec<String> {
    violations.iter().map(|v| format!("{} {}: {}", v.code(), v.target(), v.message())).collect()
}

/// `Code target: message` of every detail, in order.
fn detail_lines(error: &impl validate_tests::English) -> Vec<String> {
    let error = &error.english();
    assert_eq!(error.error.code, "InvalidRequestContent");
    validate_tests::assert_well_formed(error);
    error
        .error
        .details
        .iter()
        .map(|d| format!("{} {}: {}", d.code, d.target.as_deref().unwrap_or(""), d.message))
        .collect()
}

/// What `validate_with` says of the value `body` reads as, checked to be what `from_json_with`
/// says of `body`.
fn both_doors<T, C>(body: &str, ctx: &C) -> Vec<String>
where
    T: DeserializeOwned + ValidateWith<C>,
    C: ?Sized,
{
    let value: T = serde_json::from_str(body).unwrap_or_else(|error| panic!("{body} does not read: {error}"));
    let result = value.validate_with(ctx);
    assert_eq!(Holds::check_with(&value, ctx), result.is_ok(), "`Holds` disagrees on {body}");
    let by_value = match result {
        Ok(()) => Vec::new(),
        Err(violations) => lines(&violations),
    };
    let by_bytes = match from_json_with::<T, C>(body.as_bytes(), ctx) {
        Ok(_) => Vec::new(),
        Err(error) => detail_lines(&error),
    };
    assert_eq!(by_value, by_bytes, "validate_with and from_json_with disagree on {body}");
    by_value
}

/// What `from_json_with` says of a body that does not read: the walk's every problem.
fn walked<T, C>(body: &str, ctx: &C) -> Vec<String>
where
    T: DeserializeOwned + ValidateWith<C>,
    C: ?Sized,
{
    assert!(serde_json::from_str::<T>(body).is_err(), "{body} reads: the walk would not run");
    match from_json_with::<T, C>(body.as_bytes(), ctx) {
        Ok(_) => panic!("{body} was accepted"),
        Err(error) => detail_lines(&error),
    }
}

/// A relationship body: the required members, then `rest`.
fn body(rest: &str) -> String {
    if rest.is_empty() {
        r#"{"name":"hub","units":4}"#.to_owned()
    } else {
        format!(r#"{{"name":"hub","units":4,{rest}}}"#)
    }
}

/// `body(rest)` with the shape problem that makes `from_json_with` walk.
fn misshapen(rest: &str) -> String {
    body(&format!(r#""priority":"high",{rest}"#))
}

const PRIORITY: &str = "InvalidPropertyType priority: Expected an integer but found a string.";

#[test]
fn a_valid_body_reads_at_both_doors() {
    let rest = r#""tenantId":"contoso",
        "mapping":{"profileType":"Contact","key":{"fieldName":"id","fieldType":"Int"}},
        "mappings":[{"profileType":"Account","fields":[{"fieldName":"a","fieldType":"String"}]}],
        "byKey":{"k":{"profileType":"Contact","byName":{"n":{"fieldName":"nn","fieldType":"Int"}}}},
        "eachMappings":[{"profileType":"Contact"}],
        "trimmed":{"profileType":"  Account "},
        "plain":{"label":"x"},"plains":[{"label":"y"}],"manual":{"label":"abc"},"quota":2,
        "sources":[{"profile":{"profileType":"Contact","field":{"fieldName":"f","fieldType":"Int"}}},
                   {"fields":[{"fieldName":"g","fieldType":"String"}]},{"pair":["Account",2]}],
        "target":{"kind":"field","fieldName":"t","fieldType":"Int"}"#;
    let ctx = request();
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), Vec::<String>::new());
    let read = from_json_with::<Relationship, _>(body(rest).as_bytes(), &ctx).unwrap();
    assert_eq!(read.trimmed.map(|mapping| mapping.profile_type).as_deref(), Some("Account"));
}

#[test]
fn custom_and_check_are_given_the_context() {
    let ctx = request();
    // `check(not_reserved)` on the parent, with the `Request`.
    assert_eq!(
        both_doors::<Relationship, _>(r#"{"name":"admin","units":1}"#, &ctx),
        ["ReservedName : The name 'admin' is reserved."]
    );
    // `custom(known_profile_type)` and `check(few_enough_fields)` on the child, with the `Hub`
    // the request provides; `custom(known_field_type)` on the grandchild, with the `Schema`.
    let rest = r#""mapping":{"profileType":"Lead","fields":[{"fieldName":"a","fieldType":"Date"}],
        "byName":{"b":{"fieldName":"b","fieldType":"Int"},"c":{"fieldName":"c","fieldType":"Int"}}}"#;
    let expected = [
        "UnknownProfileType mapping.profileType: The hub has no profile type 'Lead'.",
        "UnknownFieldType mapping.fields[0].fieldType: The schema has no field type 'Date'.",
        "TooManyFields mapping: A mapping has at most 2 fields.",
    ];
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    // The walk finds them too, the shape problem first (`priority` is the first field).
    let mut walked_expected = vec![PRIORITY];
    walked_expected.extend(expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), walked_expected);
    // The walk of a mapping that does not read still checks its well-shaped parts with the
    // context; its own `check` cannot run (there is no mapping).
    let rest = r#""mapping":{"profileType":"Lead","fields":[{"fieldName":"a","fieldType":7}]}"#;
    assert_eq!(
        walked::<Relationship, _>(&body(rest), &ctx),
        [
            "UnknownProfileType mapping.profileType: The hub has no profile type 'Lead'.",
            "InvalidPropertyType mapping.fields[0].fieldType: Expected a string but found a number.",
        ]
    );
    // The parent's `check` needs the whole parent: it cannot run on a body that does not read.
    assert_eq!(walked::<Relationship, _>(r#"{"priority":"high","name":"admin","units":1}"#, &ctx), [PRIORITY]);
}

#[test]
fn a_bound_may_name_the_context() {
    let mut ctx = request();
    let expected = ["ValueOutOfRange units: The value 11 is greater than the maximum 10."];
    assert_eq!(both_doors::<Relationship, _>(r#"{"name":"hub","units":11}"#, &ctx), expected);
    assert_eq!(
        walked::<Relationship, _>(r#"{"priority":"high","name":"hub","units":11}"#, &ctx),
        [PRIORITY, expected[0]]
    );
    // The bound is the context's, not a constant: a larger plan accepts the same body.
    ctx.max_units = 20;
    assert_eq!(both_doors::<Relationship, _>(r#"{"name":"hub","units":11}"#, &ctx), Vec::<String>::new());
    // `length(max = ctx.max_name_len)` two levels down, in the schema.
    let rest = r#""mappings":[{"profileType":"Contact","fields":[{"fieldName":"abcdef","fieldType":"Int"}]}]"#;
    let expected =
        ["ValueTooLong mappings[0].fields[0].fieldName: The value must have at most 5 characters; it has 6."];
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), [PRIORITY, expected[0]]);
    ctx.hub.schema.max_name_len = 7;
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), Vec::<String>::new());
}

#[test]
fn read_only_accepts_the_stored_value() {
    let ctx = request();
    let refused = "ReadOnlyProperty tenantId: The property 'tenantId' is read-only: only the server sets it.";
    // The value the server holds, sent back unchanged: accepted.
    assert_eq!(both_doors::<Relationship, _>(&body(r#""tenantId":"contoso""#), &ctx), Vec::<String>::new());
    assert_eq!(walked::<Relationship, _>(&misshapen(r#""tenantId":"contoso""#), &ctx), [PRIORITY]);
    // Another value: refused at its target.
    assert_eq!(both_doors::<Relationship, _>(&body(r#""tenantId":"fabrikam""#), &ctx), [refused]);
    assert_eq!(walked::<Relationship, _>(&misshapen(r#""tenantId":"fabrikam""#), &ctx), [PRIORITY, refused]);
    // Left out (or `null`): accepted.
    assert_eq!(both_doors::<Relationship, _>(&body(""), &ctx), Vec::<String>::new());
    assert_eq!(both_doors::<Relationship, _>(&body(r#""tenantId":null"#), &ctx), Vec::<String>::new());
    assert_eq!(walked::<Relationship, _>(&misshapen(r#""tenantId":null"#), &ctx), [PRIORITY]);
    // Nothing stored: nothing may be sent, not even what another resource holds.
    let nothing = Request { stored_tenant: None, ..request() };
    assert_eq!(both_doors::<Relationship, _>(&body(r#""tenantId":"contoso""#), &nothing), [refused]);
    assert_eq!(walked::<Relationship, _>(&misshapen(r#""tenantId":"contoso""#), &nothing), [PRIORITY, refused]);
    assert_eq!(both_doors::<Relationship, _>(&body(""), &nothing), Vec::<String>::new());
}

#[test]
fn the_context_reaches_three_levels_through_option_vec_and_map() {
    let ctx = request();
    // Grandchildren under `Option`, `Vec` and `BTreeMap`, under children under the same three.
    let rest = r#""mapping":{"profileType":"Contact","key":{"fieldName":"k","fieldType":"Blob"}},
        "mappings":[{"profileType":"Contact"},{"profileType":"Account","fields":[{"fieldName":"","fieldType":"Int"}]}],
        "byKey":{"z":{"profileType":"Lead"},"a":{"profileType":"Contact","byName":{"n":{"fieldName":"abcdef","fieldType":"Int"}}}}"#;
    let expected = [
        "UnknownFieldType mapping.key.fieldType: The schema has no field type 'Blob'.",
        "ValueTooShort mappings[1].fields[0].fieldName: The value must have at least 1 character; it has 0.",
        "ValueTooLong byKey['a'].byName['n'].fieldName: The value must have at most 5 characters; it has 6.",
        "UnknownProfileType byKey['z'].profileType: The hub has no profile type 'Lead'.",
    ];
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    let mut walked_expected = vec![PRIORITY];
    walked_expected.extend(expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), walked_expected);
    // A shape problem deep down: its siblings' rules, with the projected context, still run.
    let rest = r#""byKey":{"a":{"profileType":"Contact","byName":{"n":{"fieldName":"abcdef","fieldType":1},
        "m":{"fieldName":"m","fieldType":"Blob"}}}}"#;
    assert_eq!(
        walked::<Relationship, _>(&body(rest), &ctx),
        [
            "UnknownFieldType byKey['a'].byName['m'].fieldType: The schema has no field type 'Blob'.",
            "ValueTooLong byKey['a'].byName['n'].fieldName: The value must have at most 5 characters; it has 6.",
            "InvalidPropertyType byKey['a'].byName['n'].fieldType: Expected a string but found a number.",
        ]
    );
}

#[test]
fn types_without_a_context_nest_under_a_type_with_one() {
    let ctx = request();
    let rest = r#""plain":{"label":" "},"plains":[{"label":"ok"},{"label":""}],"manual":{"label":"long"}"#;
    let expected = [
        "EmptyValue plain.label: The value must not be empty or white space.",
        "EmptyValue plains[1].label: The value must not be empty or white space.",
        "LabelTooLong manual.label: A label has at most 3 characters.",
    ];
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    let mut walked_expected = vec![PRIORITY];
    walked_expected.extend(expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), walked_expected);
    // And they still validate and read without one.
    assert!(Plain { label: "x".into() }.validate().is_ok());
    assert!(from_json::<Plain>(br#"{"label":""}"#).is_err());
}

#[test]
fn a_hand_written_validate_with_nests_with_the_context_provided() {
    let ctx = request();
    let expected = ["QuotaTooLarge quota: The quota is at most 2."];
    assert_eq!(both_doors::<Relationship, _>(&body(r#""quota":3"#), &ctx), expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(r#""quota":3"#), &ctx), [PRIORITY, expected[0]]);
}

#[test]
fn each_nested_is_given_the_context() {
    let ctx = request();
    let rest = r#""eachMappings":[{"profileType":"Contact"},{"profileType":"Lead","key":{"fieldName":"x","fieldType":"Blob"}}]"#;
    let expected = [
        "UnknownProfileType eachMappings[1].profileType: The hub has no profile type 'Lead'.",
        "UnknownFieldType eachMappings[1].key.fieldType: The schema has no field type 'Blob'.",
    ];
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    let mut walked_expected = vec![PRIORITY];
    walked_expected.extend(expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), walked_expected);
}

#[test]
fn deserialize_with_and_nested_validate_what_the_function_read_with_the_context() {
    let ctx = request();
    // Trimmed, then known.
    assert_eq!(
        both_doors::<Relationship, _>(&body(r#""trimmed":{"profileType":" Contact "}"#), &ctx),
        Vec::<String>::new()
    );
    let rest = r#""trimmed":{"profileType":" Lead ","fields":[{"fieldName":"abcdef","fieldType":"Int"}]}"#;
    let expected = [
        "UnknownProfileType trimmed.profileType: The hub has no profile type 'Lead'.",
        "ValueTooLong trimmed.fields[0].fieldName: The value must have at most 5 characters; it has 6.",
    ];
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    let mut walked_expected = vec![PRIORITY];
    walked_expected.extend(expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), walked_expected);
}

#[test]
fn an_externally_tagged_enum_with_a_context() {
    let ctx = request();
    let rest = r#""sources":[
        {"profile":{"profileType":"Lead","field":{"fieldName":"f","fieldType":"Blob"}}},
        {"fields":[{"fieldName":"ok","fieldType":"Int"},{"fieldName":"abcdef","fieldType":"Int"}]},
        {"pair":["Lead",3]}]"#;
    let expected = [
        "UnknownProfileType sources[0].profile.profileType: The hub has no profile type 'Lead'.",
        "UnknownFieldType sources[0].profile.field.fieldType: The schema has no field type 'Blob'.",
        "ValueTooLong sources[1].fields[1].fieldName: The value must have at most 5 characters; it has 6.",
        "UnknownProfileType sources[2].pair[0]: The hub has no profile type 'Lead'.",
        "ValueOutOfRange sources[2].pair[1]: The value 3 is greater than the maximum 2.",
    ];
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    let mut walked_expected = vec![PRIORITY];
    walked_expected.extend(expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), walked_expected);
    // The enum alone, read with the hub.
    assert_eq!(
        both_doors::<Source, _>(r#"{"pair":["Contact",3]}"#, &ctx.hub),
        ["ValueOutOfRange pair[1]: The value 3 is greater than the maximum 2."]
    );
}

#[test]
fn an_internally_tagged_enum_with_a_context() {
    let ctx = request();
    let expected = ["UnknownProfileType target.profileType: The hub has no profile type 'Lead'."];
    let rest = r#""target":{"kind":"profile","profileType":"Lead"}"#;
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), [PRIORITY, expected[0]]);
    // A newtype variant of a struct with a context of its own, walked on the enum's object.
    let rest = r#""target":{"kind":"field","fieldName":"abcdef","fieldType":"Blob"}"#;
    let expected = [
        "ValueTooLong target.fieldName: The value must have at most 5 characters; it has 6.",
        "UnknownFieldType target.fieldType: The schema has no field type 'Blob'.",
    ];
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    let mut walked_expected = vec![PRIORITY];
    walked_expected.extend(expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), walked_expected);
}

#[test]
fn a_child_is_validated_with_its_own_context_or_any_that_provides_it() {
    let ctx = request();
    let body = r#"{"profileType":"Lead","key":{"fieldName":"abcdef","fieldType":"Int"}}"#;
    let expected = [
        "UnknownProfileType profileType: The hub has no profile type 'Lead'.",
        "ValueTooLong key.fieldName: The value must have at most 5 characters; it has 6.",
    ];
    assert_eq!(both_doors::<Mapping, Hub>(body, &ctx.hub), expected);
    assert_eq!(both_doors::<Mapping, Request>(body, &ctx), expected);
    // `validate_with_at` places it under a path.
    let mapping: Mapping = serde_json::from_str(body).unwrap();
    let mut out = Violations::new();
    let root = Path::root();
    mapping.validate_with_at(&ctx, &root.member("outer").index(3), &mut out);
    assert_eq!(
        lines(&out),
        [
            "UnknownProfileType outer[3].profileType: The hub has no profile type 'Lead'.",
            "ValueTooLong outer[3].key.fieldName: The value must have at most 5 characters; it has 6.",
        ]
    );
    // Through the pointers and containers `ValidateWith` is implemented for.
    assert_eq!(lines(&Box::new(&mapping).validate_with(&ctx.hub).unwrap_err()), expected);
    let several = vec![Some(mapping)];
    assert_eq!(
        lines(&several.validate_with(&ctx).unwrap_err())[0],
        "UnknownProfileType [0].profileType: The hub has no profile type 'Lead'."
    );
}

#[test]
fn a_body_that_is_not_json_is_answered_as_from_json_answers_it() {
    let error = from_json_with::<Relationship, _>(b"{\"name\":", &request())
        .map_err(validate_core::ErrorResponse::from)
        .unwrap_err();
    assert!(error.error.details.is_empty());
    assert!(error.error.message.starts_with("The request content is not valid JSON: "), "{}", error.error.message);
}

#[test]
fn each_custom_is_given_the_context() {
    let ctx = request();
    let rest = r#""mapping":{"profileType":"Contact","related":["Account","Lead"]}"#;
    let expected = ["UnknownProfileType mapping.related[1]: The hub has no profile type 'Lead'."];
    assert_eq!(both_doors::<Relationship, _>(&body(rest), &ctx), expected);
    assert_eq!(walked::<Relationship, _>(&misshapen(rest), &ctx), [PRIORITY, expected[0]]);
}

#[test]
fn a_flattened_grandchild_and_a_recursive_type_are_given_the_context() {
    let hub = request().hub;
    let body = r#"{"profileType":"Contact","fieldName":"abcdef","fieldType":"Int",
        "children":[{"profileType":"Lead","fieldName":"a","fieldType":"Int",
            "children":[{"profileType":"Account","fieldName":"b","fieldType":"Blob"}]}]}"#;
    let expected = [
        "ValueTooLong fieldName: The value must have at most 5 characters; it has 6.",
        "UnknownProfileType children[0].profileType: The hub has no profile type 'Lead'.",
        "UnknownFieldType children[0].children[0].fieldType: The schema has no field type 'Blob'.",
    ];
    assert_eq!(both_doors::<Tree, Hub>(body, &hub), expected);
    // A shape problem two levels down: the rules above it and beside it still run.
    let body = r#"{"profileType":"Contact","fieldName":"abcdef","fieldType":"Int",
        "children":[{"profileType":"Lead","fieldName":"a","fieldType":"Int",
            "children":[{"profileType":"Account","fieldName":"b","fieldType":false}]}]}"#;
    assert_eq!(
        walked::<Tree, Hub>(body, &hub),
        [
            expected[0],
            expected[1],
            "InvalidPropertyType children[0].children[0].fieldType: Expected a string but found a boolean.",
        ]
    );
}

/// A type without a context, with a field that can be misshapen.
#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
struct Counted {
    #[validate(non_empty)]
    label: String,
    count: u8,
}

/// Found by the review of issue 12: `read_only(stored = f)` on a field whose type is a type
/// parameter did not compile (the derive's `ReadOnly` bound hid the value's type from rustc).
mod generic_read_only {
    use validate_core::ValidateWith;

    struct Held<T>(Option<T>);

    fn held<T>(held: &Held<T>) -> Option<&T> {
        held.0.as_ref()
    }

    #[derive(validate_core::Validate)]
    #[validate(context = Held<T>)]
    struct Generic<T: PartialEq> {
        #[validate(read_only(stored = held))]
        value: Option<T>,
    }

    #[test]
    fn compiles_and_compares() {
        let held = Held(Some(7_u8));
        assert!(Generic { value: Some(7_u8) }.validate_with(&held).is_ok());
        let violations = Generic { value: Some(8_u8) }.validate_with(&held).unwrap_err();
        assert_eq!(violations.to_string(), "value: The property 'value' is read-only: only the server sets it.");
    }
}

/// The README's limits of a context: a borrowed context can be named by a type that has its
/// lifetime (the README: "a borrowed one, `Stored<'a>`, only by a type that has the lifetime"),
/// at both doors.
mod borrowed_context {
    use std::marker::PhantomData;

    use serde::Deserialize;
    use validate_core::{ValidateWith, from_json_with};

    /// What a handler holds while it validates: a borrow of the stored name.
    struct Stored<'a> {
        name: Option<&'a String>,
    }

    fn stored_name<'s>(stored: &'s Stored<'_>) -> Option<&'s String> {
        stored.name
    }

    #[derive(Deserialize, validate_core::Validate)]
    #[validate(context = Stored<'a>)]
    struct Hub<'a> {
        #[validate(read_only(stored = stored_name))]
        name: Option<String>,
        #[serde(skip)]
        borrowed: PhantomData<&'a ()>,
    }

    #[test]
    fn a_type_with_the_lifetime_names_a_borrowed_context() {
        let held = String::from("contoso");
        let stored = Stored { name: Some(&held) };
        let hub = |name: &str| Hub { name: Some(name.to_owned()), borrowed: PhantomData };
        assert!(hub("contoso").validate_with(&stored).is_ok());
        let refused = hub("fabrikam").validate_with(&stored).unwrap_err();
        assert_eq!(refused.to_string(), "name: The property 'name' is read-only: only the server sets it.");
        assert!(from_json_with::<Hub<'_>, _>(br#"{"name":"contoso"}"#, &stored).is_ok());
        let refused = from_json_with::<Hub<'_>, _>(br#"{"name":"fabrikam"}"#, &stored).err().unwrap();
        assert_eq!(refused.to_string(), "name: The property 'name' is read-only: only the server sets it.");
    }
}

/// The README: "a generic type with a context nests its type parameters as types without one".
mod generic_nests_without_context {
    use serde::Deserialize;
    use validate_core::{ValidateWith, from_json_with};

    struct Plan {
        max: u8,
    }

    #[derive(Deserialize, validate_core::Validate)]
    struct Free {
        #[validate(range(max = 3))]
        count: u8,
    }

    #[derive(Deserialize, validate_core::Validate)]
    #[validate(context = Plan)]
    struct Wrapper<T> {
        #[validate(nested)]
        inner: T,
        #[validate(range(max = ctx.max))]
        units: u8,
    }

    #[test]
    fn the_parameter_is_validated_without_the_context() {
        let plan = Plan { max: 5 };
        let wrapper = |count, units| Wrapper { inner: Free { count }, units };
        assert!(wrapper(3, 5).validate_with(&plan).is_ok());
        let refused = wrapper(4, 6).validate_with(&plan).unwrap_err();
        let targets: Vec<_> = refused.iter().map(|v| v.target().to_owned()).collect();
        assert_eq!(targets, ["inner.count", "units"]);
        let refused = from_json_with::<Wrapper<Free>, _>(br#"{"inner":{"count":4},"units":6}"#, &plan).err().unwrap();
        assert_eq!(refused.to_string(), wrapper(4, 6).validate_with(&plan).unwrap_err().to_string());
    }
}
