//! The Relationship body written for garde 0.23: its own structs mirroring
//! `customer_insights::model` (same serde names, unknown properties refused), with garde's rules
//! where it has one and custom functions where it does not.
//!
//! | our rule | here |
//! |---|---|
//! | `length(max = 512)`, `pattern(…)` | `length(chars, max = 512)`, `pattern(…)` |
//! | `nested` | `dive` |
//! | `non_empty` on a `Vec` | `length(min = 1)` |
//! | `non_empty` on a string (white space is empty) | `custom(non_blank)`: garde's `length(min = 1)` would pass `" "` |
//! | `localized` | `custom(localized)`: one error for the map, naming every bad key and blank value |
//! | `unique(by = field_name, ignore_case)` | `custom(unique_field_names)`: one error for the list, naming every repeat |
//! | `format(date_time)` | `custom(date_time)` |
//! | `read_only` | `custom(read_only)`: garde passes the whole `Option` to a custom function |
//!
//! The custom functions call the same [`predicates`](validate_benches::predicates) as the floor.
//! The maps are plain `BTreeMap`s: garde has no reader that refuses a repeated key.

#![allow(
    clippy::ref_option,
    clippy::trivially_copy_pass_by_ref,
    reason = "garde calls a custom function with the field as it is (`&Option<T>`) and `&Context`"
)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use customer_insights::model::{Cardinality, ProvisioningState};
use garde::Validate;
use serde::Deserialize;
use validate_benches::predicates::{self, LocalizedProblem};

/// The URL's `relationshipName` and the body, validated together.
#[derive(Debug, Validate)]
pub struct Request<'a> {
    #[garde(length(chars, max = 512), pattern("^[a-zA-Z][a-zA-Z0-9_]+$"))]
    pub name: &'a str,
    #[garde(dive)]
    pub body: RelationshipResourceFormat,
}

/// The URL's `relationshipName` alone, checked before the body is read.
#[derive(Debug, Validate)]
pub struct Name<'a> {
    #[garde(length(chars, max = 512), pattern("^[a-zA-Z][a-zA-Z0-9_]+$"))]
    pub name: &'a str,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[garde(allow_unvalidated)]
pub struct RelationshipResourceFormat {
    #[serde(default)]
    #[garde(custom(read_only))]
    pub id: Option<String>,
    #[serde(default)]
    #[garde(custom(read_only))]
    pub name: Option<String>,
    #[serde(rename = "type", default)]
    #[garde(custom(read_only))]
    pub resource_type: Option<String>,
    #[garde(dive)]
    pub properties: RelationshipDefinition,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(allow_unvalidated)]
pub struct RelationshipDefinition {
    #[serde(default)]
    pub cardinality: Option<Cardinality>,
    #[garde(custom(localized))]
    pub display_name: BTreeMap<String, String>,
    #[serde(default)]
    #[garde(custom(localized_if_some))]
    pub description: Option<BTreeMap<String, String>>,
    #[serde(default)]
    #[garde(custom(date_time))]
    pub expiry_date_time_utc: Option<String>,
    #[serde(default)]
    #[garde(custom(unique_field_names), dive)]
    pub fields: Option<Vec<PropertyDefinition>>,
    #[serde(default)]
    #[garde(dive)]
    pub lookup_mappings: Option<Vec<RelationshipTypeMapping>>,
    #[garde(custom(non_blank))]
    pub profile_type: String,
    #[garde(custom(non_blank))]
    pub related_profile_type: String,
    #[serde(default)]
    #[garde(custom(read_only))]
    pub provisioning_state: Option<ProvisioningState>,
    #[serde(default)]
    #[garde(custom(read_only))]
    pub relationship_name: Option<String>,
    #[serde(default)]
    #[garde(custom(read_only))]
    pub relationship_guid_id: Option<String>,
    #[serde(default)]
    #[garde(custom(read_only))]
    pub tenant_id: Option<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(allow_unvalidated)]
pub struct PropertyDefinition {
    #[serde(default)]
    pub array_value_separator: Option<String>,
    #[serde(default)]
    #[garde(dive)]
    pub enum_valid_values: Option<Vec<ProfileEnumValidValuesFormat>>,
    #[garde(custom(non_blank))]
    pub field_name: String,
    #[garde(custom(non_blank))]
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
    #[garde(custom(read_only))]
    pub data_source_precedence_rules: Option<Vec<serde_json::Value>>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[garde(allow_unvalidated)]
pub struct ProfileEnumValidValuesFormat {
    #[serde(default)]
    pub value: Option<i64>,
    #[serde(default)]
    #[garde(custom(localized_if_some))]
    pub localized_value_names: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelationshipTypeMapping {
    #[garde(length(min = 1), dive)]
    pub field_mappings: Vec<RelationshipTypeFieldMapping>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelationshipTypeFieldMapping {
    #[garde(custom(non_blank))]
    pub profile_field_name: String,
    #[garde(custom(non_blank))]
    pub related_profile_key_property: String,
}

fn non_blank(value: &str, (): &()) -> garde::Result {
    if predicates::is_blank(value) {
        return Err(garde::Error::new("must not be empty or white space"));
    }
    Ok(())
}

fn read_only<T>(value: &Option<T>, (): &()) -> garde::Result {
    if value.is_some() {
        return Err(garde::Error::new("is read-only: only the server sets it"));
    }
    Ok(())
}

fn date_time(value: &Option<String>, (): &()) -> garde::Result {
    match value {
        Some(text) if !predicates::is_date_time(text) => Err(garde::Error::new("is not an RFC 3339 date-time")),
        _ => Ok(()),
    }
}

fn localized(map: &BTreeMap<String, String>, (): &()) -> garde::Result {
    let mut message = String::new();
    let found = predicates::localized_problems(map.iter(), |problem| {
        let _ = match problem {
            LocalizedProblem::NoEntry => write!(message, "needs at least one language; "),
            LocalizedProblem::NotATag(key) => write!(message, "'{key}' is not a language tag; "),
            LocalizedProblem::Blank(key) => write!(message, "the text for '{key}' is blank; "),
        };
    });
    if found == 0 { Ok(()) } else { Err(garde::Error::new(message)) }
}

fn localized_if_some(map: &Option<BTreeMap<String, String>>, context: &()) -> garde::Result {
    map.as_ref().map_or(Ok(()), |map| localized(map, context))
}

fn unique_field_names(fields: &Option<Vec<PropertyDefinition>>, (): &()) -> garde::Result {
    let Some(fields) = fields else {
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
    Err(garde::Error::new(message))
}

/// Why [`from_bytes`] refused a request.
#[derive(Debug)]
pub enum Rejection {
    /// The body is not JSON of the right shape.
    Json(serde_json::Error),
    /// The name or the body broke a rule.
    Rules(garde::Report),
}

/// The URL's name, then `serde_json::from_slice` and garde's `validate()` on the body.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<RelationshipResourceFormat, Rejection> {
    Name { name }.validate().map_err(Rejection::Rules)?;
    let body: RelationshipResourceFormat = serde_json::from_slice(bytes).map_err(Rejection::Json)?;
    body.validate().map_err(Rejection::Rules)?;
    Ok(body)
}

/// How many errors a report holds.
pub fn count(report: &garde::Report) -> usize {
    report.iter().count()
}
