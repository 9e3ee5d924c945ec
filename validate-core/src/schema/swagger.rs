//! Swagger 2.0 (`OpenAPI` 2.0), the dialect of Azure Resource Manager's API descriptions
//! (feature `schemars`).
//!
//! schemars writes JSON Schema 2020-12, draft 7 and `OpenAPI` 3.0; [`settings`] makes its
//! generator write Swagger 2.0 schemas, and [`definitions`] gives a type's `definitions` (its own
//! and every type it references), ready for a Swagger document's `definitions`:
//!
//! ```
//! use schemars::JsonSchema;
//! use validate_core::Validate;
//!
//! #[derive(serde::Deserialize, JsonSchema, Validate)]
//! #[serde(rename_all = "camelCase")]
//! #[schemars(transform = validate_core::schema::apply::<Self>)]
//! struct Hub {
//!     #[validate(range(exclusive_min = 0, max = 10))]
//!     units: Option<u32>,
//!     #[validate(one_of("Basic", "Premium"))]
//!     tier: Option<String>,
//!     #[validate(read_only)]
//!     provisioning_state: Option<State>,
//! }
//!
//! #[derive(serde::Deserialize, JsonSchema)]
//! enum State {
//!     Succeeded,
//!     Failed,
//! }
//!
//! let definitions = validate_core::schema::swagger::definitions::<Hub>();
//! let hub = serde_json::Value::Object(definitions["Hub"].as_object().unwrap().clone());
//! assert_eq!(hub["properties"]["units"], serde_json::json!({
//!     "type": "integer", "format": "uint32",
//!     "minimum": 0, "exclusiveMinimum": true, "maximum": 10,
//! }));
//! assert_eq!(hub["properties"]["tier"], serde_json::json!({ "type": "string", "enum": ["Basic", "Premium"] }));
//! assert_eq!(hub["properties"]["provisioningState"], serde_json::json!({
//!     "$ref": "#/definitions/State", "readOnly": true,
//! }));
//! assert_eq!(definitions["State"]["enum"], serde_json::json!(["Succeeded", "Failed"]));
//! ```
//!
//! What changes from 2020-12, schema by schema ([`Swagger2`]):
//! - references point into `#/definitions/`; no `$schema`, `$id`;
//! - `null`: Swagger 2.0 has no `null` type. An optional member (not in its object's `required`)
//!   is written as its value alone, as Azure's descriptions write optional members (Azure's
//!   guidance: "properties are most often not nullable but optional"; ARM reads a `null` member of
//!   a `PUT` as one left out); elsewhere (an item, a map's value, a required member) a value that
//!   may be `null` gets `"x-nullable": true`. An `anyOf` of a schema and `null` becomes that schema;
//! - `const` becomes a one-value `enum`; `examples` its first as `example`;
//! - numeric `exclusiveMinimum`/`exclusiveMaximum` become `minimum`/`maximum` with the boolean of
//!   Swagger 2.0 (a type's own inclusive bound stays when it is the stricter);
//! - an enum whose variants schemars wrote one by one (`oneOf` of `const`s, as it does for
//!   documented unit variants) becomes one `enum` (the variants' descriptions are dropped);
//! - `propertyNames` is dropped: Swagger 2.0 cannot say what a map's keys are (the language tags
//!   of `localized`, `keys(…)`); `minProperties` stays;
//! - one `pattern` a schema: the first (a `pattern(…)` rule before the patterns of `non_empty`,
//!   `contains`, `prefix`, `suffix`, `not_containing` and `no_control_chars`); the others, which
//!   2020-12 keeps in `allOf`, are dropped;
//! - beside a `$ref`, `description`, `title`, `readOnly`, `example` and `x-…` extensions stay, as
//!   Azure's descriptions write them; a reference with other keywords goes into `allOf`;
//! - an array without `items` gets `"items": {}`; a `true` schema becomes `{}`.
//!
//! Dropped rules stay checked by the model; the 2020-12 schema keeps them.

use schemars::generate::SchemaSettings;
use schemars::transform::{ReplaceUnevaluatedProperties, Transform};
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value, json};

/// Settings for a schemars generator that writes Swagger 2.0 schemas: definitions under
/// `#/definitions/`, no meta-schema, and the [`Swagger2`] transform on every schema it gives.
pub fn settings() -> SchemaSettings {
    SchemaSettings::draft07().with(|settings| {
        settings.definitions_path = "/definitions".into();
        settings.meta_schema = None;
        settings.transforms = vec![Box::new(ReplaceUnevaluatedProperties::default()), Box::new(Swagger2)];
    })
}

/// The Swagger 2.0 `definitions` of `T` and of every type it references, by schemars' names
/// (`T`'s is [`JsonSchema::schema_name`]; a type schemars inlines, such as an `Option`, has none).
pub fn definitions<T: JsonSchema + ?Sized>() -> Map<String, Value> {
    let mut generator = settings().into_generator();
    let _reference = generator.subschema_for::<T>();
    generator.take_definitions(true)
}

/// Rewrites a JSON Schema (2020-12 or draft 7, as schemars writes them) as a Swagger 2.0 schema,
/// its subschemas too: see the [module](self) for what changes.
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct Swagger2;

impl Transform for Swagger2 {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(object) = schema.as_object_mut() {
            convert(object, Place::Value);
        }
    }
}

/// Where a schema stands, for what its `null` becomes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A member its object does not require: `null` is the member left out.
    Optional,
    /// Anything else: an item, a map's value, a required member, a definition.
    Value,
}

/// Beside a `$ref`, what Azure's descriptions keep: metadata and extensions.
fn kept_beside_ref(key: &str) -> bool {
    matches!(key, "$ref" | "description" | "title" | "readOnly" | "example") || key.starts_with("x-")
}

fn convert(schema: &mut Map<String, Value>, place: Place) {
    for key in ["$schema", "$id", "propertyNames"] {
        schema.remove(key);
    }
    if let Some(Value::Array(examples)) = schema.remove("examples")
        && let Some(first) = examples.into_iter().next()
    {
        schema.insert("example".into(), first);
    }
    if let Some(value) = schema.remove("const") {
        schema.insert("enum".into(), json!([value]));
    }
    nullable(schema, place);
    exclusive_bounds(schema);
    one_pattern(schema);
    unit_variants(schema);
    if !schema.keys().all(|key| kept_beside_ref(key))
        && let Some(reference) = schema.remove("$ref")
        && let Value::Array(all_of) = schema.entry("allOf").or_insert_with(|| Value::Array(Vec::new()))
    {
        all_of.insert(0, json!({ "$ref": reference }));
    }
    if schema.get("type").and_then(Value::as_str) == Some("array") && !schema.contains_key("items") {
        schema.insert("items".into(), json!({}));
    }
    children(schema);
}

/// Converts the subschemas of `schema`, each in its place.
fn children(schema: &mut Map<String, Value>) {
    let required: Vec<String> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            let place = if required.contains(name) { Place::Value } else { Place::Optional };
            child(property, place);
        }
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(subschema) = schema.get_mut(key)
            && !(key == "additionalProperties" && subschema.is_boolean())
        {
            child(subschema, Place::Value);
        }
    }
    for key in ["allOf", "anyOf", "oneOf", "items"] {
        if let Some(Value::Array(subschemas)) = schema.get_mut(key) {
            for subschema in subschemas {
                child(subschema, Place::Value);
            }
        }
    }
    for key in ["definitions", "$defs"] {
        if let Some(Value::Object(definitions)) = schema.get_mut(key) {
            for definition in definitions.values_mut() {
                child(definition, Place::Value);
            }
        }
    }
}

fn child(schema: &mut Value, place: Place) {
    if schema.as_bool() == Some(true) {
        *schema = json!({});
    }
    if let Value::Object(schema) = schema {
        convert(schema, place);
    }
}

/// `null` as Swagger 2.0 says it: nothing for an optional member, `x-nullable` elsewhere.
fn nullable(schema: &mut Map<String, Value>, place: Place) {
    let mut nullable = false;
    if let Some(Value::Array(branches)) = schema.get("anyOf") {
        let is_null = |branch: &Value| branch.get("type").and_then(Value::as_str) == Some("null");
        if let [first, second] = branches.as_slice()
            && (is_null(first) != is_null(second))
        {
            let value = if is_null(first) { second.clone() } else { first.clone() };
            schema.remove("anyOf");
            if let Value::Object(value) = value {
                for (key, keyword) in value {
                    schema.entry(key).or_insert(keyword);
                }
            }
            nullable = true;
        }
    }
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        let before = types.len();
        types.retain(|name| name != "null");
        nullable |= types.len() < before;
        if let [only] = types.as_slice() {
            let only = only.clone();
            schema.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(values)) = schema.get_mut("enum") {
        let before = values.len();
        values.retain(|value| !value.is_null());
        nullable |= values.len() < before;
    }
    if schema.get("default") == Some(&Value::Null) {
        schema.remove("default");
    }
    if nullable && place == Place::Value {
        schema.insert("x-nullable".into(), true.into());
    }
}

/// 2020-12's numeric exclusive bounds as Swagger 2.0's booleans beside `minimum`/`maximum`.
fn exclusive_bounds(schema: &mut Map<String, Value>) {
    for (exclusive, inclusive, stricter) in
        [("exclusiveMinimum", "minimum", f64::gt as fn(&f64, &f64) -> bool), ("exclusiveMaximum", "maximum", f64::lt)]
    {
        let Some(bound) = schema.get(exclusive).filter(|bound| bound.is_number()).cloned() else {
            continue;
        };
        let own = schema.get(inclusive).and_then(Value::as_f64);
        match (own, bound.as_f64()) {
            // The type's inclusive bound (a `u32`'s `minimum: 0`) already says more.
            (Some(own), Some(new)) if stricter(&own, &new) => drop(schema.remove(exclusive)),
            _ => {
                schema.insert(inclusive.into(), bound);
                schema.insert(exclusive.into(), true.into());
            }
        }
    }
}

/// One `pattern`: the others, in `allOf` entries of a pattern alone, are dropped.
fn one_pattern(schema: &mut Map<String, Value>) {
    if let Some(Value::Array(all_of)) = schema.get_mut("allOf") {
        all_of
            .retain(|entry| !entry.as_object().is_some_and(|entry| entry.len() == 1 && entry.contains_key("pattern")));
        if all_of.is_empty() {
            schema.remove("allOf");
        }
    }
}

/// `oneOf` of one-string schemas (schemars' documented unit variants) as one `enum`.
fn unit_variants(schema: &mut Map<String, Value>) {
    let Some(Value::Array(branches)) = schema.get("oneOf") else {
        return;
    };
    let value = |branch: &Value| -> Option<Value> {
        let branch = branch.as_object()?;
        let only_metadata =
            branch.keys().all(|key| matches!(key.as_str(), "type" | "const" | "enum" | "description" | "title"));
        let value = match (branch.get("const"), branch.get("enum").and_then(Value::as_array)) {
            (Some(value), None) => value.clone(),
            (None, Some(values)) if values.len() == 1 => values[0].clone(),
            _ => return None,
        };
        (only_metadata && value.is_string()).then_some(value)
    };
    let Some(values) = branches.iter().map(value).collect::<Option<Vec<_>>>() else {
        return;
    };
    schema.remove("oneOf");
    schema.insert("type".into(), "string".into());
    schema.insert("enum".into(), values.into());
}
