//! The rules as data (`Describe`) and as schema keywords (`schema::export`, `schema::swagger`):
//! what the derive describes for every rule, where the keywords land in schemars' schemas, what
//! Swagger 2.0 makes of them, and how schemars' own reading of `#[validate]` and ours agree.

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{Value, json};
use validate_core::schema::export::{LANGUAGE_TAG, NO_CONTROL_CHARS, NON_BLANK};
use validate_core::schema::{Bound, Describe, Format, Number, Rule, Shape, Tagging, Wire};
use validate_core::{RuleError, Validate, ValidateWith};

fn lowercase(value: &str) -> Result<(), RuleError> {
    if value.chars().any(char::is_uppercase) { Err(RuleError::invalid("Lowercase, please.")) } else { Ok(()) }
}

fn whole(value: &Everything) -> Result<(), RuleError> {
    if value.alias == value.title {
        Err(RuleError::invalid("The alias repeats the title.").at("alias"))
    } else {
        Ok(())
    }
}

const MAX_TAGS: usize = 4;

#[derive(Deserialize, JsonSchema, Validate)]
#[serde(rename_all = "camelCase")]
#[schemars(transform = validate_core::schema::apply::<Self>)]
struct Item {
    #[validate(non_empty)]
    item_name: String,
}

#[derive(Deserialize, JsonSchema, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(check(whole))]
#[schemars(transform = validate_core::schema::apply::<Self>)]
struct Everything {
    #[validate(required)]
    name: Option<String>,
    #[validate(non_empty, length(min = 2, max = 64))]
    title: String,
    #[validate(length(equal = 2))]
    country: String,
    #[validate(length(min = 1, max = MAX_TAGS), each(length(max = 8), no_control_chars), unique)]
    tags: Vec<String>,
    #[validate(length(max = 3))]
    labels: BTreeMap<String, String>,
    #[validate(range(min = 1, max = 10))]
    units: u32,
    #[validate(range(exclusive_min = 0.5, exclusive_max = 1))]
    ratio: Option<f64>,
    #[validate(pattern("^[a-z]+$"), contains(pattern = "-"), prefix("x."), suffix("]"), not_containing("<&>"))]
    slug: String,
    #[validate(one_of("Basic", "Premium"))]
    tier: Option<String>,
    #[validate(format(uuid))]
    id: String,
    #[validate(format(date_time))]
    expires: Option<String>,
    #[validate(localized)]
    display_name: HashMap<String, String>,
    #[validate(nested, unique(by = item_name, ignore_case))]
    items: Option<Vec<Item>>,
    #[validate(read_only)]
    tenant_id: Option<String>,
    #[validate(custom(lowercase))]
    alias: String,
    // A field without rules: described with its wire name, read by serde alone.
    #[serde(rename = "x-plain")]
    #[allow(dead_code)]
    plain: bool,
}

/// The JSON Schema 2020-12 of `T`, as a value.
fn schema_of<T: JsonSchema>() -> Value {
    schemars::schema_for!(T).to_value()
}

#[test]
fn the_derive_describes_every_rule_with_its_arguments() {
    let description = Everything::describe();
    assert_eq!(
        (description.name, description.checks.as_slice(), description.context),
        ("Everything", &["whole"][..], None)
    );
    let Shape::Struct(fields) = &description.shape else { panic!("a struct") };
    let rules: Vec<(&str, Wire, &[Rule])> =
        fields.iter().map(|field| (field.member, field.wire, field.rules.as_slice())).collect();
    let member = |name: &'static str| Wire::Member { name, key: name };
    let signed = |n: i64| Some(Bound::Value(Number::Signed(n)));
    let count = |n: usize| Some(Bound::Value(n));
    assert_eq!(
        rules,
        [
            ("name", member("name"), &[Rule::Present][..]),
            ("title", member("title"), &[Rule::NotEmpty, Rule::Length { min: count(2), max: count(64) }]),
            ("country", member("country"), &[Rule::Length { min: count(2), max: count(2) }]),
            (
                "tags",
                member("tags"),
                &[
                    Rule::Length { min: count(1), max: count(4) },
                    Rule::EachItem(vec![Rule::Length { min: None, max: count(8) }, Rule::NoControlChars]),
                    Rule::Unique { by: None, ignore_case: false },
                ]
            ),
            ("labels", member("labels"), &[Rule::Length { min: None, max: count(3) }]),
            // Integer literals are `i32` as written: the rule reads them as the field's type.
            (
                "units",
                member("units"),
                &[Rule::Range { min: signed(1), max: signed(10), exclusive_min: None, exclusive_max: None }]
            ),
            (
                "ratio",
                member("ratio"),
                &[Rule::Range {
                    min: None,
                    max: None,
                    exclusive_min: Some(Bound::Value(Number::F64(0.5))),
                    exclusive_max: signed(1),
                }]
            ),
            (
                "slug",
                member("slug"),
                &[
                    Rule::Pattern("^[a-z]+$"),
                    Rule::Contains("-"),
                    Rule::Prefix("x."),
                    Rule::Suffix("]"),
                    Rule::NotContaining("<&>"),
                ]
            ),
            ("tier", member("tier"), &[Rule::OneOf(&["Basic", "Premium"])]),
            ("id", member("id"), &[Rule::Format(Format::Guid)]),
            ("expires", member("expires"), &[Rule::Format(Format::DateTime)]),
            ("display_name", member("displayName"), &[Rule::Localized]),
            ("items", member("items"), &[Rule::Nested, Rule::Unique { by: Some("itemName"), ignore_case: true }]),
            ("tenant_id", member("tenantId"), &[Rule::SetByServer]),
            ("alias", member("alias"), &[Rule::Custom("lowercase")]),
            ("plain", member("x-plain"), &[]),
        ]
    );
    assert_eq!(description.member("displayName").map(|field| field.member), Some("display_name"));
}

/// A type with a context: bounds that read it are known only at run time.
struct Plan {
    max_units: u32,
}

fn stored(_: &Plan) -> Option<&String> {
    None
}

#[derive(Deserialize, Validate)]
#[serde(rename_all(serialize = "camelCase"))]
#[validate(context = Plan, serialize_names)]
struct Order {
    #[validate(range(min = 1, max = ctx.max_units))]
    order_units: u32,
    #[validate(read_only(stored = stored))]
    owner_name: Option<String>,
}

#[test]
fn a_bound_that_reads_the_context_is_known_at_run_time() {
    let description = Order::describe();
    assert_eq!(description.context, Some("Plan"));
    let Shape::Struct(fields) = &description.shape else { panic!("a struct") };
    assert_eq!(
        fields[0].rules,
        [Rule::Range {
            min: Some(Bound::Value(Number::Signed(1))),
            max: Some(Bound::AtRunTime),
            exclusive_min: None,
            exclusive_max: None,
        }]
    );
    // Targets use the names serde writes; serde reads the field's own name.
    assert_eq!(fields[0].wire, Wire::Member { name: "orderUnits", key: "order_units" });
    assert_eq!(fields[1].rules, [Rule::SetByServer]);
    assert!(Order { order_units: 2, owner_name: None }.validate_with(&Plan { max_units: 1 }).is_err());
}

#[derive(Deserialize, JsonSchema, Validate)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[schemars(transform = validate_core::schema::apply::<Self>)]
enum Source {
    Blob {
        #[validate(prefix("https://"))]
        url: String,
    },
    #[serde(skip)]
    #[allow(dead_code)]
    Never,
    Queue {
        #[validate(length(max = 63))]
        queue_name: String,
    },
}

#[derive(Deserialize, JsonSchema, Validate)]
#[serde(rename_all = "camelCase")]
#[schemars(transform = validate_core::schema::apply::<Self>)]
enum External {
    Named(#[validate(non_empty)] String),
    Counted {
        #[validate(range(max = 9))]
        count: u8,
    },
}

#[derive(Deserialize, JsonSchema, Validate)]
#[serde(tag = "t", content = "c")]
#[schemars(transform = validate_core::schema::apply::<Self>)]
enum Adjacent {
    Tag(#[validate(length(min = 3))] String),
}

#[test]
fn enums_are_described_and_their_variants_get_their_rules() {
    let description = Source::describe();
    let Shape::Enum { tagging, variants } = &description.shape else { panic!("an enum") };
    assert_eq!(*tagging, Tagging::Internal { tag: "kind" });
    let names: Vec<&str> = variants.iter().map(|variant| variant.name).collect();
    assert_eq!(names, ["blob", "queue"], "a skipped variant is never read");

    let schema = schema_of::<Source>();
    let branches = schema["oneOf"].as_array().unwrap();
    assert_eq!(branches[0]["properties"]["url"]["pattern"], "^https://");
    // `rename_all` names the variants; their fields keep their names (`rename_all_fields` would not).
    assert_eq!(branches[1]["properties"]["queue_name"]["maxLength"], 63);

    let schema = schema_of::<External>();
    let branches = schema["oneOf"].as_array().unwrap();
    assert_eq!(branches[0]["properties"]["named"]["minLength"], 1);
    assert_eq!(branches[1]["properties"]["counted"]["properties"]["count"]["maximum"], 9);

    let schema = schema_of::<Adjacent>();
    assert_eq!(schema["oneOf"][0]["properties"]["c"]["minLength"], 3);
}

#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
struct Tenant(#[validate(length(min = 3, max = 24), pattern("^[a-z0-9]+$"))] String);

/// A tenant's name measures as its text does.
impl validate_core::rules::length::HasLength for Tenant {
    fn length(&self) -> Option<(usize, validate_core::rules::Unit)> {
        self.0.length()
    }
}

#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
struct Pair(#[validate(non_empty)] String, #[validate(range(min = 1))] u8);

#[test]
fn newtypes_and_tuples_get_their_rules() {
    assert_eq!(
        schema_of::<Tenant>(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Tenant",
            "type": "string",
            "minLength": 3,
            "maxLength": 24,
            "pattern": "^[a-z0-9]+$",
        })
    );
    let schema = schema_of::<Pair>();
    assert_eq!(schema["prefixItems"][0]["minLength"], 1);
    assert_eq!(schema["prefixItems"][1]["minimum"], 1);
}

#[test]
fn every_rule_lands_as_its_keywords() {
    let schema = schema_of::<Everything>();
    let property = |name: &str| schema["properties"][name].clone();
    assert_eq!(property("name"), json!({ "type": "string" }));
    assert!(schema["required"].as_array().unwrap().contains(&json!("name")));
    assert_eq!(property("title"), json!({ "type": "string", "minLength": 2, "maxLength": 64, "pattern": NON_BLANK }));
    assert_eq!(property("country"), json!({ "type": "string", "minLength": 2, "maxLength": 2 }));
    assert_eq!(
        property("tags"),
        json!({
            "type": "array",
            "items": { "type": "string", "maxLength": 8, "pattern": NO_CONTROL_CHARS },
            "minItems": 1, "maxItems": 4, "uniqueItems": true,
        })
    );
    // A map's length is its entries, which schemars' own reading of `length` does not know.
    assert_eq!(
        property("labels"),
        json!({ "type": "object", "additionalProperties": { "type": "string" }, "maxProperties": 3 })
    );
    assert_eq!(property("units"), json!({ "type": "integer", "format": "uint32", "minimum": 1, "maximum": 10 }));
    assert_eq!(
        property("ratio"),
        json!({ "type": ["number", "null"], "format": "double", "exclusiveMinimum": 0.5, "exclusiveMaximum": 1 })
    );
    // `pattern(…)` first; schemars' own escape of `contains` replaced by ours.
    assert_eq!(
        property("slug"),
        json!({
            "type": "string",
            "pattern": "^[a-z]+$",
            "allOf": [
                { "pattern": "-" },
                { "pattern": "^x\\." },
                { "pattern": "\\]$" },
                { "pattern": "^[^<\\u0026>]*$" },
            ],
        })
    );
    // `null` stays accepted, as the `Option` accepts it.
    assert_eq!(property("tier"), json!({ "type": ["string", "null"], "enum": ["Basic", "Premium", null] }));
    assert_eq!(property("id"), json!({ "type": "string", "format": "uuid" }));
    assert_eq!(property("expires"), json!({ "type": ["string", "null"], "format": "date-time" }));
    assert_eq!(
        property("displayName"),
        json!({
            "type": "object",
            "additionalProperties": { "type": "string", "minLength": 1, "pattern": NON_BLANK },
            "minProperties": 1,
            "propertyNames": { "pattern": LANGUAGE_TAG },
        })
    );
    assert_eq!(
        property("items"),
        json!({ "type": ["array", "null"], "items": { "$ref": "#/$defs/Item" }, "x-ms-identifiers": ["itemName"] })
    );
    assert_eq!(property("tenantId"), json!({ "type": ["string", "null"], "readOnly": true }));
    // What a function checks, no keyword says.
    assert_eq!(property("alias"), json!({ "type": "string" }));
    assert_eq!(schema["$defs"]["Item"]["properties"]["itemName"]["minLength"], 1);
}

#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
struct Optional {
    /// Described by its documentation, read-only.
    #[validate(read_only)]
    state: Option<State>,
    #[validate(required)]
    #[serde(default)]
    kind: Option<State>,
    #[validate(each(non_empty))]
    notes: Vec<Option<String>>,
    #[validate(length(max = 2))]
    tenant: Option<Tenant>,
}

/// A state.
#[derive(Deserialize, JsonSchema)]
enum State {
    /// Ready.
    Ready,
    /// Gone.
    Gone,
}

#[test]
fn options_of_references_get_their_keywords_beside_the_reference() {
    let schema = schema_of::<Optional>();
    assert_eq!(
        schema["properties"]["state"],
        json!({
            "description": "Described by its documentation, read-only.",
            "anyOf": [{ "$ref": "#/$defs/State" }, { "type": "null" }],
            "readOnly": true,
        })
    );
    // Required: `null` no longer accepted (schemars, reading `required` too, writes the type's
    // schema in place).
    assert_eq!(schema["properties"]["kind"]["oneOf"][0]["const"], "Ready");
    assert!(!schema["properties"]["kind"].to_string().contains("null"));
    assert!(schema["required"].as_array().unwrap().contains(&json!("kind")));
    // A reference's type is not known here: every family's keyword, each for its own type.
    assert_eq!(
        schema["properties"]["tenant"],
        json!({ "anyOf": [{ "$ref": "#/$defs/Tenant", "maxLength": 2, "maxItems": 2, "maxProperties": 2 }, { "type": "null" }] })
    );
}

#[test]
fn swagger_writes_what_swagger_2_can_say() {
    let definitions = validate_core::schema::swagger::definitions::<Optional>();
    let optional = &definitions["Optional"];
    // An optional member: the reference, its description and `readOnly` beside it.
    assert_eq!(
        optional["properties"]["state"],
        json!({ "$ref": "#/definitions/State", "description": "Described by its documentation, read-only.", "readOnly": true })
    );
    // Items that may be null say so.
    assert_eq!(
        optional["properties"]["notes"]["items"],
        json!({ "type": "string", "minLength": 1, "pattern": NON_BLANK, "x-nullable": true })
    );
    // Validation keywords beside a reference go with it into `allOf`.
    assert_eq!(
        optional["properties"]["tenant"],
        json!({ "allOf": [{ "$ref": "#/definitions/Tenant" }], "maxLength": 2, "maxItems": 2, "maxProperties": 2 })
    );
    // Documented unit variants: one `enum`.
    assert_eq!(definitions["State"], json!({ "description": "A state.", "type": "string", "enum": ["Ready", "Gone"] }));

    let definitions = validate_core::schema::swagger::definitions::<Everything>();
    let everything = &definitions["Everything"]["properties"];
    // Exclusive bounds as Swagger 2.0's booleans.
    assert_eq!(
        everything["ratio"],
        json!({ "type": "number", "format": "double", "minimum": 0.5, "exclusiveMinimum": true, "maximum": 1, "exclusiveMaximum": true })
    );
    // One pattern, the first; no `propertyNames`.
    assert_eq!(everything["slug"], json!({ "type": "string", "pattern": "^[a-z]+$" }));
    assert!(everything["displayName"].get("propertyNames").is_none());
    // An optional member's `null` is its absence; its `enum` lists the values.
    assert_eq!(everything["tier"], json!({ "type": "string", "enum": ["Basic", "Premium"] }));

    // An internally tagged enum's tag, a `const`, becomes a one-value `enum`.
    let definitions = validate_core::schema::swagger::definitions::<Source>();
    assert_eq!(definitions["Source"]["oneOf"][0]["properties"]["kind"], json!({ "type": "string", "enum": ["blob"] }));
}

/// What schemars reads of `#[validate]` itself and what the transform writes after it agree.
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
struct ReadTwice {
    // schemars: `minimum: 1` (the integer); ours: the same bound.
    #[validate(range(min = 1))]
    rate: f64,
    // schemars writes its own escape of the text (`\#`, `\-`), which the transform replaces.
    #[validate(contains(pattern = "#-1"))]
    anchor: String,
    // `#[schemars]` saying what `#[validate]` says is accepted.
    #[schemars(length(max = 5))]
    #[validate(length(max = 5))]
    code: String,
}

#[test]
fn schemars_reading_of_validate_is_overwritten_by_the_rules() {
    let schema = schema_of::<ReadTwice>();
    assert_eq!(schema["properties"]["rate"]["minimum"], 1);
    assert_eq!(schema["properties"]["anchor"], json!({ "type": "string", "pattern": "#-1" }));
    assert_eq!(schema["properties"]["code"]["maxLength"], 5);
    // `contains(pattern = "…")` is `contains("…")`.
    let value = ReadTwice { rate: 1.0, anchor: "a#-2".into(), code: "x".into() };
    let violation = value.validate().unwrap_err();
    assert_eq!(violation.iter().next().unwrap().message(), "The value 'a#-2' must contain '#-1'.");
}

/// `keys(…)` and the formats of ARM bodies: described, on `propertyNames` and `format` in JSON
/// Schema, and in Swagger 2.0 the formats kept and `propertyNames` dropped.
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
struct Tagged {
    #[validate(length(max = 15), keys(length(min = 1, max = 512), no_control_chars), each(length(max = 256)))]
    tags: BTreeMap<String, String>,
    #[validate(format(arm_id))]
    target: String,
    #[validate(format(base64))]
    secret: String,
    #[validate(format(date_time_rfc1123))]
    modified: String,
}

#[test]
fn keys_and_the_formats_of_arm_bodies() {
    let description = Tagged::describe();
    let Shape::Struct(fields) = &description.shape else { panic!("a struct") };
    let count = |n: usize| Some(Bound::Value(n));
    assert_eq!(
        fields[0].rules,
        [
            Rule::Length { min: None, max: count(15) },
            Rule::EachKey(vec![Rule::Length { min: count(1), max: count(512) }, Rule::NoControlChars]),
            Rule::EachItem(vec![Rule::Length { min: None, max: count(256) }]),
        ]
    );
    assert_eq!(fields[1].rules, [Rule::Format(Format::ArmId)]);
    let schema = schema_of::<Tagged>();
    assert_eq!(
        schema["properties"]["tags"],
        json!({
            "type": "object",
            "additionalProperties": { "type": "string", "maxLength": 256 },
            "maxProperties": 15,
            "propertyNames": { "minLength": 1, "maxLength": 512, "pattern": NO_CONTROL_CHARS },
        })
    );
    let formats = ["target", "secret", "modified"].map(|name| schema["properties"][name]["format"].clone());
    assert_eq!(formats, [json!("arm-id"), json!("byte"), json!("date-time-rfc1123")]);
    let swagger = &validate_core::schema::swagger::definitions::<Tagged>()["Tagged"];
    assert!(swagger["properties"]["tags"].get("propertyNames").is_none(), "{swagger}");
    assert_eq!(swagger["properties"]["secret"]["format"], "byte");
}

/// The README's rule table for the schema, for what `Everything` leaves out: every named format,
/// `pattern(…)` written first whatever the order of the rules, `non_empty` on a map, and a map
/// whose values may be `null` in Swagger 2.0.
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
#[allow(dead_code)]
struct Formats {
    #[validate(format(date))]
    date: String,
    #[validate(format(duration))]
    duration: String,
    #[validate(format(uri))]
    uri: String,
    #[validate(format(email))]
    email: String,
    #[validate(format(ip))]
    ip: String,
    #[validate(format(ipv4))]
    ipv4: String,
    #[validate(format(ipv6))]
    ipv6: String,
    #[validate(format(base64url))]
    base64url: String,
    #[validate(prefix("id-"), pattern("^[a-z-]+$"), suffix("-x"))]
    code: String,
    #[validate(non_empty)]
    labels: BTreeMap<String, String>,
    notes: BTreeMap<String, Option<String>>,
}

#[test]
fn every_format_a_pattern_first_a_non_empty_map_and_nullable_map_values() {
    let schema = schema_of::<Formats>();
    let property = |name: &str| schema["properties"][name].clone();
    for (name, format) in [
        ("date", "date"),
        ("duration", "duration"),
        ("uri", "uri"),
        ("email", "email"),
        ("ip", "ip"),
        ("ipv4", "ipv4"),
        ("ipv6", "ipv6"),
        ("base64url", "base64url"),
    ] {
        assert_eq!(property(name), json!({ "type": "string", "format": format }), "{name}");
    }
    // `pattern(…)` first, though written second; the others in `allOf`, in the order written.
    let code = property("code");
    assert_eq!(code["pattern"], "^[a-z-]+$");
    let others: Vec<&str> = code["allOf"].as_array().unwrap().iter().map(|p| p["pattern"].as_str().unwrap()).collect();
    assert_eq!(others.len(), 2, "{code}");
    assert_eq!(property("labels")["minProperties"], 1);
    // Swagger 2.0: the first pattern alone; a map value that may be `null` says so.
    let definitions = validate_core::schema::swagger::definitions::<Formats>();
    let properties = &definitions["Formats"]["properties"];
    assert_eq!(properties["code"], json!({ "type": "string", "pattern": "^[a-z-]+$" }));
    assert_eq!(properties["notes"]["additionalProperties"]["x-nullable"], true, "{}", properties["notes"]);
}

/// The README: `schema::swagger::settings()` serves a schemars generator of one's own, which then
/// writes Swagger 2.0 as `definitions::<T>()` does.
#[test]
fn the_swagger_settings_serve_a_generator_of_ones_own() {
    let mut generator = validate_core::schema::swagger::settings().into_generator();
    let reference = generator.subschema_for::<Optional>().to_value();
    assert_eq!(reference, json!({ "$ref": "#/definitions/Optional" }));
    let definitions = generator.take_definitions(true);
    assert_eq!(Value::Object(definitions), Value::Object(validate_core::schema::swagger::definitions::<Optional>()));
    let root =
        validate_core::schema::swagger::settings().into_generator().into_root_schema_for::<Optional>().to_value();
    assert!(root.get("$schema").is_none(), "{root}");
    assert_eq!(root["properties"]["state"]["$ref"], "#/definitions/State", "{root}");
    assert_eq!(root["properties"]["notes"]["items"]["x-nullable"], true, "{root}");
}
