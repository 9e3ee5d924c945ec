//! `customer-insights schema`: the Relationship model as a schema, its rules included, written by
//! schemars with `validate_core::schema`: Swagger 2.0 `definitions`, as the official description
//! of the resource is written, or JSON Schema 2020-12.
//!
//! ```
//! let document = customer_insights::schema::swagger2();
//! let definition = &document["definitions"]["RelationshipDefinition"];
//! assert_eq!(definition["properties"]["displayName"]["minProperties"], 1);
//! assert_eq!(definition["required"], serde_json::json!(["displayName", "profileType", "relatedProfileType"]));
//! ```

use serde_json::{Value, json};

use crate::model::RelationshipResourceFormat;

/// The Swagger 2.0 `definitions` of the body, `RelationshipResourceFormat` and every type it
/// references, as `{"definitions": {…}}`: its references (`#/definitions/…`) resolve within it.
pub fn swagger2() -> Value {
    json!({ "definitions": validate_core::schema::swagger::definitions::<RelationshipResourceFormat>() })
}

/// The JSON Schema 2020-12 of the body, the types it references under `$defs`.
pub fn json_schema() -> Value {
    schemars::schema_for!(RelationshipResourceFormat).to_value()
}
