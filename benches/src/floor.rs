//! The floor: the same rules as ours, as plain `if`s on the same types, with no error reporting.
//! It answers only "valid or not", stops at the first problem, and is the least work any
//! validator of these rules can do on a valid body.

use customer_insights::model::{PropertyDefinition, RelationshipDefinition, RelationshipResourceFormat};

use crate::predicates::{has_repeat_ignoring_case, is_blank, is_date_time, is_localized};

/// Whether the URL's `relationshipName` and the body pass every rule.
pub fn is_valid(name: &str, body: &RelationshipResourceFormat) -> bool {
    is_valid_name(name)
        && body.id.is_none()
        && body.name.is_none()
        && body.resource_type.is_none()
        && is_valid_definition(&body.properties)
}

/// `length(max = 512)` and `^[a-zA-Z][a-zA-Z0-9_]+$`: the pattern admits ASCII only, so the
/// length in characters is the length in bytes.
pub fn is_valid_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.len() < 2 || bytes.len() > 512 {
        return false;
    }
    if !bytes[0].is_ascii_alphabetic() {
        return false;
    }
    bytes[1..].iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

fn is_valid_definition(p: &RelationshipDefinition) -> bool {
    if !is_localized(p.display_name.iter()) {
        return false;
    }
    if let Some(description) = &p.description
        && !is_localized(description.iter())
    {
        return false;
    }
    if let Some(expiry) = &p.expiry_date_time_utc
        && !is_date_time(expiry)
    {
        return false;
    }
    if let Some(fields) = &p.fields {
        if has_repeat_ignoring_case(fields, |field| field.field_name.as_str()) {
            return false;
        }
        if !fields.iter().all(is_valid_field) {
            return false;
        }
    }
    if let Some(mappings) = &p.lookup_mappings {
        for mapping in mappings {
            if mapping.field_mappings.is_empty() {
                return false;
            }
            for pair in &mapping.field_mappings {
                if is_blank(&pair.profile_field_name) || is_blank(&pair.related_profile_key_property) {
                    return false;
                }
            }
        }
    }
    if is_blank(&p.profile_type) || is_blank(&p.related_profile_type) {
        return false;
    }
    p.provisioning_state.is_none()
        && p.relationship_name.is_none()
        && p.relationship_guid_id.is_none()
        && p.tenant_id.is_none()
}

fn is_valid_field(field: &PropertyDefinition) -> bool {
    if is_blank(&field.field_name) || is_blank(&field.field_type) {
        return false;
    }
    if field.data_source_precedence_rules.is_some() {
        return false;
    }
    if let Some(values) = &field.enum_valid_values {
        for value in values {
            if let Some(names) = &value.localized_value_names
                && !is_localized(names.iter())
            {
                return false;
            }
        }
    }
    true
}
