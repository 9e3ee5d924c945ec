//! The Relationship body written for validator 0.21: its own structs mirroring
//! `customer_insights::model` (same serde names, unknown properties refused), with validator's
//! rules where it has one and custom functions where it does not.
//!
//! | our rule | here |
//! |---|---|
//! | `length(max = 512)`, `pattern(…)` | `length(max = 512)` (characters), `regex(path = *NAME)` |
//! | `nested` | `nested` |
//! | `non_empty` on a `Vec` | `length(min = 1)` |
//! | `non_empty` on a string (white space is empty) | `custom(function = non_blank)`: `length(min = 1)` would pass `" "` |
//! | `localized` | `custom(function = localized)`: one error for the map, naming every bad key and blank value |
//! | `unique(by = field_name, ignore_case)` | `schema(function = unique_field_names, skip_on_field_errors = false)` on the definition: one error, under `__all__`. A `custom` rule on `fields` would make validator skip `nested` on the items (it validates a nested field only while the field has no error), so the items' own errors would be lost |
//! | `format(date_time)` | `custom(function = date_time)` |
//! | `read_only` | `custom(function = read_only)`: validator calls it only for `Some`, so it always fails |
//!
//! The custom functions call the same [`predicates`](validate_benches::predicates) as the floor.
//! The maps are plain `BTreeMap`s: validator has no reader that refuses a repeated key. The
//! structs also derive `Serialize`, which validator requires: a failed `custom` or `length`
//! rule copies the field's value into the error as a `serde_json::Value`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use customer_insights::model::{Cardinality, ProvisioningState};
use regex::Regex;
use serde::{Deserialize, Serialize};
use validate_benches::predicates::{self, LocalizedProblem};
use validator::{Validate, ValidationError};

/// The `relationshipName` pattern, compiled on first use.
static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("^[a-zA-Z][a-zA-Z0-9_]+$").expect("the relationshipName pattern compiles"));

/// The URL's `relationshipName` and the body, validated together.
#[derive(Debug, Validate)]
pub struct Request<'a> {
    #[validate(length(max = 512), regex(path = *NAME))]
    pub name: &'a str,
    #[validate(nested)]
    pub body: RelationshipResourceFormat,
}

/// The URL's `relationshipName` alone, checked before the body is read.
#[derive(Debug, Validate)]
pub struct Name<'a> {
    #[validate(length(max = 512), regex(path = *NAME))]
    pub name: &'a str,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct RelationshipResourceFormat {
    #[serde(default)]
    #[validate(custom(function = read_only))]
    pub id: Option<String>,
    #[serde(default)]
    #[validate(custom(function = read_only))]
    pub name: Option<String>,
    #[serde(rename = "type", default)]
    #[validate(custom(function = read_only))]
    pub resource_type: Option<String>,
    #[validate(nested)]
    pub properties: RelationshipDefinition,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(schema(function = unique_field_names, skip_on_field_errors = false))]
pub struct RelationshipDefinition {
    #[serde(default)]
    pub cardinality: Option<Cardinality>,
    #[validate(custom(function = localized))]
    pub display_name: BTreeMap<String, String>,
    #[serde(default)]
    #[validate(custom(function = localized))]
    pub description: Option<BTreeMap<String, String>>,
    #[serde(default)]
    #[validate(custom(function = date_time))]
    pub expiry_date_time_utc: Option<String>,
    #[serde(default)]
    #[validate(nested)]
    pub fields: Option<Vec<PropertyDefinition>>,
    #[serde(default)]
    #[validate(nested)]
    pub lookup_mappings: Option<Vec<RelationshipTypeMapping>>,
    #[validate(custom(function = non_blank))]
    pub profile_type: String,
    #[validate(custom(function = non_blank))]
    pub related_profile_type: String,
    #[serde(default)]
    #[validate(custom(function = read_only))]
    pub provisioning_state: Option<ProvisioningState>,
    #[serde(default)]
    #[validate(custom(function = read_only))]
    pub relationship_name: Option<String>,
    #[serde(default)]
    #[validate(custom(function = read_only))]
    pub relationship_guid_id: Option<String>,
    #[serde(default)]
    #[validate(custom(function = read_only))]
    pub tenant_id: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyDefinition {
    #[serde(default)]
    pub array_value_separator: Option<String>,
    #[serde(default)]
    #[validate(nested)]
    pub enum_valid_values: Option<Vec<ProfileEnumValidValuesFormat>>,
    #[validate(custom(function = non_blank))]
    pub field_name: String,
    #[validate(custom(function = non_blank))]
    pub field_type: String,
    #[serde(default)]
    pub is_array: Option<bool>,
    #[serde(default)]
    pub is_available_in_graph: Option<bool>,
    #[serde(default)]
    pub is_enum: Option<bool>,
    #[serde(default)]
    pub is_flag_enum: Option<bool>,
    #[serde(default)]
    pub is_image: Option<bool>,
    #[serde(default)]
    pub is_localized_string: Option<bool>,
    #[serde(default)]
    pub is_name: Option<bool>,
    #[serde(default)]
    pub is_required: Option<bool>,
    #[serde(default)]
    pub property_id: Option<String>,
    #[serde(default)]
    pub schema_item_prop_link: Option<String>,
    #[serde(default)]
    pub max_length: Option<i64>,
    #[serde(default)]
    #[validate(custom(function = read_only))]
    pub data_source_precedence_rules: Option<Vec<serde_json::Value>>,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfileEnumValidValuesFormat {
    #[serde(default)]
    pub value: Option<i64>,
    #[serde(default)]
    #[validate(custom(function = localized))]
    pub localized_value_names: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelationshipTypeMapping {
    #[validate(length(min = 1), nested)]
    pub field_mappings: Vec<RelationshipTypeFieldMapping>,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelationshipTypeFieldMapping {
    #[validate(custom(function = non_blank))]
    pub profile_field_name: String,
    #[validate(custom(function = non_blank))]
    pub related_profile_key_property: String,
}

fn error(code: &'static str, message: impl Into<Cow<'static, str>>) -> ValidationError {
    ValidationError::new(code).with_message(message.into())
}

fn non_blank(value: &str) -> Result<(), ValidationError> {
    if predicates::is_blank(value) {
        return Err(error("non_blank", "must not be empty or white space"));
    }
    Ok(())
}

/// Called only when the value is `Some`: a read-only property was sent.
fn read_only<T>(_: &T) -> Result<(), ValidationError> {
    Err(error("read_only", "is read-only: only the server sets it"))
}

fn date_time(value: &str) -> Result<(), ValidationError> {
    if predicates::is_date_time(value) {
        return Ok(());
    }
    Err(error("date_time", "is not an RFC 3339 date-time"))
}

fn localized(map: &BTreeMap<String, String>) -> Result<(), ValidationError> {
    let mut message = String::new();
    let found = predicates::localized_problems(map.iter(), |problem| {
        let _ = match problem {
            LocalizedProblem::NoEntry => write!(message, "needs at least one language; "),
            LocalizedProblem::NotATag(key) => write!(message, "'{key}' is not a language tag; "),
            LocalizedProblem::Blank(key) => write!(message, "the text for '{key}' is blank; "),
        };
    });
    if found == 0 { Ok(()) } else { Err(error("localized", message)) }
}

/// A check of the whole definition: validator skips `nested` on a field that already has an
/// error, so a `custom` rule on `fields` would hide the items' own errors.
fn unique_field_names(definition: &RelationshipDefinition) -> Result<(), ValidationError> {
    let Some(fields) = &definition.fields else {
        return Ok(());
    };
    let repeats = predicates::repeats_ignoring_case(fields, |field| field.field_name.as_str());
    if repeats.is_empty() {
        return Ok(());
    }
    let mut message = String::from("field names repeat, ignoring case:");
    for (repeat, first) in repeats {
        let _ = write!(message, " [{repeat}] repeats [{first}];");
    }
    Err(error("unique", message))
}

/// Why [`from_bytes`] refused a request.
#[derive(Debug)]
pub enum Rejection {
    /// The body is not JSON of the right shape.
    Json(serde_json::Error),
    /// The name or the body broke a rule.
    Rules(validator::ValidationErrors),
}

/// The URL's name, then `serde_json::from_slice` and validator's `validate()` on the body.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<RelationshipResourceFormat, Rejection> {
    Name { name }.validate().map_err(Rejection::Rules)?;
    let body: RelationshipResourceFormat = serde_json::from_slice(bytes).map_err(Rejection::Json)?;
    body.validate().map_err(Rejection::Rules)?;
    Ok(body)
}

/// How many errors a tree of validation errors holds, at every depth.
pub fn count(errors: &validator::ValidationErrors) -> usize {
    errors
        .errors()
        .values()
        .map(|kind| match kind {
            validator::ValidationErrorsKind::Field(list) => list.len(),
            validator::ValidationErrorsKind::Struct(inner) => count(inner),
            validator::ValidationErrorsKind::List(items) => items.values().map(|inner| count(inner)).sum(),
        })
        .sum()
}
