//! The body of `PUT …/hubs/{hubName}/relationships/{relationshipName}?api-version=2017-04-26`.
//!
//! Every property and rule of the Relationship resource: the `OpenAPI` description of
//! `Microsoft.CustomerInsights` 2017-04-26, made stricter where a relationship would be unusable
//! (a display name is required). Unknown properties are refused; so are the read-only
//! properties, unless each equals the value the server holds: the body is validated with the
//! [`Stored`] relationship as its context, so that the body of a `GET` can be `PUT` back. Each type
//! also derives `JsonSchema` with its rules as keywords (`validate_core::schema::apply`): see
//! [`crate::schema`].

use std::collections::BTreeMap;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use validate_core::Validate;

/// Text in several languages: language tag → text, such as `{"en-us": "Contact to account"}`.
/// Read with [`validate_core::json::unique_keys`], so a repeated language tag is refused.
pub type LocalizedText = BTreeMap<String, String>;

/// The context a body is validated with: the relationship the server holds under the name of the
/// `PUT`, if any. A read-only property may be sent with the value it holds, and only with that.
///
/// ```
/// use customer_insights::model::{RelationshipResourceFormat, Stored};
/// use validate_core::from_json_with;
///
/// let sent = br#"{"name":"hub1/rel1","properties":{"displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B"}}"#;
/// // A new relationship: nothing is stored, so `name` may not be sent.
/// let error = from_json_with::<RelationshipResourceFormat, _>(sent, &Stored::NEW).map_err(validate_core::ErrorResponse::from).unwrap_err();
/// let detail = &error.error.details[0];
/// assert_eq!((detail.code.as_str(), detail.target.as_deref()), ("ReadOnlyProperty", Some("name")));
/// // The stored relationship has that name: sending it back is accepted.
/// let stored = Stored(Some(std::sync::Arc::new(serde_json::from_slice(sent).unwrap())));
/// assert!(from_json_with::<RelationshipResourceFormat, _>(sent, &stored).is_ok());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored(pub Option<Arc<RelationshipResourceFormat>>);

impl Stored {
    /// Nothing stored: the context of a new relationship, and of `customer-insights check`.
    pub const NEW: Stored = Stored(None);

    fn properties(&self) -> Option<&RelationshipDefinition> {
        self.0.as_ref().map(|stored| &stored.properties)
    }
}

// What `read_only(stored = …)` compares each read-only property with.
fn stored_id(stored: &Stored) -> Option<&String> {
    stored.0.as_ref()?.id.as_ref()
}
fn stored_name(stored: &Stored) -> Option<&String> {
    stored.0.as_ref()?.name.as_ref()
}
fn stored_type(stored: &Stored) -> Option<&String> {
    stored.0.as_ref()?.resource_type.as_ref()
}
fn stored_state(stored: &Stored) -> Option<&ProvisioningState> {
    stored.properties()?.provisioning_state.as_ref()
}
fn stored_relationship_name(stored: &Stored) -> Option<&String> {
    stored.properties()?.relationship_name.as_ref()
}
fn stored_guid(stored: &Stored) -> Option<&String> {
    stored.properties()?.relationship_guid_id.as_ref()
}
fn stored_tenant(stored: &Stored) -> Option<&String> {
    stored.properties()?.tenant_id.as_ref()
}

/// The resource as sent and returned: `id`, `name` and `type` are set by the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
#[serde(deny_unknown_fields)]
#[validate(context = Stored)]
pub struct RelationshipResourceFormat {
    /// `/subscriptions/…/relationships/{relationshipName}`; read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(read_only(stored = stored_id))]
    pub id: Option<String>,
    /// `{hubName}/{relationshipName}`; read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(read_only(stored = stored_name))]
    pub name: Option<String>,
    /// `Microsoft.CustomerInsights/hubs/relationships`; read-only.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    #[validate(read_only(stored = stored_type))]
    pub resource_type: Option<String>,
    /// The relationship itself.
    #[validate(nested)]
    pub properties: RelationshipDefinition,
}

/// The properties of a relationship between two profile types.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(context = Stored)]
pub struct RelationshipDefinition {
    /// How many related profiles one profile has; a closed set, enforced when reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardinality: Option<Cardinality>,
    /// The name shown to people, in at least one language.
    #[serde(deserialize_with = "validate_core::json::unique_keys")]
    #[validate(localized)]
    pub display_name: LocalizedText,
    /// A description, in at least one language when present.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "validate_core::json::unique_keys")]
    #[validate(localized)]
    pub description: Option<LocalizedText>,
    /// When the relationship expires: an RFC 3339 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(format(date_time))]
    pub expiry_date_time_utc: Option<String>,
    /// The properties of the relationship; field names are unique, ignoring case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(unique(by = field_name, ignore_case), nested)]
    pub fields: Option<Vec<PropertyDefinition>>,
    /// How the related profile is looked up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub lookup_mappings: Option<Vec<RelationshipTypeMapping>>,
    /// The profile type on the first side.
    #[validate(non_empty)]
    pub profile_type: String,
    /// The profile type on the other side.
    #[validate(non_empty)]
    pub related_profile_type: String,
    /// Set by the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(read_only(stored = stored_state))]
    pub provisioning_state: Option<ProvisioningState>,
    /// Set by the server: the relationship's name from the URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(read_only(stored = stored_relationship_name))]
    pub relationship_name: Option<String>,
    /// Set by the server: a GUID fixed when the relationship is created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(read_only(stored = stored_guid))]
    pub relationship_guid_id: Option<String>,
    /// Set by the server: the hub's tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(read_only(stored = stored_tenant))]
    pub tenant_id: Option<String>,
}

/// How many profiles of the related type one profile has. Case-sensitive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Cardinality {
    /// One to one.
    OneToOne,
    /// One to many.
    OneToMany,
    /// Many to many.
    ManyToMany,
}

/// The state of a resource's provisioning; read-only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ProvisioningState {
    /// Being provisioned.
    Provisioning,
    /// Provisioned.
    Succeeded,
    /// Expiring.
    Expiring,
    /// Being deleted.
    Deleting,
    /// Waiting for an operator.
    HumanIntervention,
    /// Failed.
    Failed,
}

/// A property of the relationship (an item of `fields`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyDefinition {
    /// The separator of array values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub array_value_separator: Option<String>,
    /// The values of an enum property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(nested)]
    pub enum_valid_values: Option<Vec<ProfileEnumValidValuesFormat>>,
    /// The property's name.
    #[validate(non_empty)]
    pub field_name: String,
    /// The property's type, such as `Edm.String`.
    #[validate(non_empty)]
    pub field_type: String,
    /// Whether the property is an array.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_array: Option<bool>,
    /// Whether the property is available in the graph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_available_in_graph: Option<bool>,
    /// Whether the property is an enum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_enum: Option<bool>,
    /// Whether the property is a flag enum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_flag_enum: Option<bool>,
    /// Whether the property is an image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_image: Option<bool>,
    /// Whether the property is a localized string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_localized_string: Option<bool>,
    /// Whether the property is a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_name: Option<bool>,
    /// Whether the property is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_required: Option<bool>,
    /// The property's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property_id: Option<String>,
    /// A link to the schema item of the property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_item_prop_link: Option<String>,
    /// The maximum length; any integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<i64>,
    /// Set by the server: an array of any JSON, kept as its text ([`JsonArray`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(description = "Set by the server: an array of any JSON.")]
    #[validate(read_only)]
    pub data_source_precedence_rules: Option<JsonArray>,
}

/// A JSON array of any items, kept as its text: what a read-only property of any JSON holds
/// (`dataSourcePrecedenceRules`), which only the server sets, so that it is read without building
/// its values. A `serde_json::Value` costs 32 bytes or more a node, and its list holds its old and
/// new blocks while it doubles: `[1,1,…]` of 1 MiB would cost 56 × its size. The text costs
/// about the size it had in the body (more for a float written at length, such as `1e5` as
/// `100000.0`), and up to three times that while its vector grows.
///
/// It is read from any deserializer (`serde_json`'s, and the tree the every-problem walk reads,
/// which `RawValue`'s own reading does not know), its items written back as JSON as they are
/// read: an array is required, as for a `Vec` (a wrong type gets the same answer), and its items
/// may be any JSON. Written as that text; equal when the texts are equal.
///
/// ```
/// use customer_insights::model::JsonArray;
///
/// let rules: JsonArray = serde_json::from_str(r#"[ {"precedence": 1}, null, "a\u0062" ]"#).unwrap();
/// assert_eq!(rules.get(), r#"[{"precedence":1},null,"ab"]"#);
/// assert_eq!(serde_json::to_string(&rules).unwrap(), rules.get());
/// assert!(serde_json::from_str::<JsonArray>("{}").is_err());
/// ```
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct JsonArray(Box<serde_json::value::RawValue>);

impl JsonArray {
    /// The array's JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }
}

impl PartialEq for JsonArray {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for JsonArray {}

/// Its schema: an array of any JSON (`"items"` left open), as the model reads it.
impl JsonSchema for JsonArray {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "JsonArray".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "array" })
    }
}

impl std::str::FromStr for JsonArray {
    type Err = serde_json::Error;

    /// Reads a JSON array from its text.
    fn from_str(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }
}

impl<'de> Deserialize<'de> for JsonArray {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut text = Vec::new();
        deserializer.deserialize_seq(copy::Array(&mut text))?;
        // Written by `copy`: JSON, in UTF-8.
        let text = String::from_utf8(text).map_err(serde::de::Error::custom)?;
        serde_json::value::RawValue::from_string(text).map(JsonArray).map_err(serde::de::Error::custom)
    }
}

/// Writes a value as JSON text while it is read, building nothing else.
mod copy {
    use std::fmt;

    use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};

    /// An array, written to its vector.
    pub(super) struct Array<'a>(pub(super) &'a mut Vec<u8>);

    impl<'de> Visitor<'de> for Array<'_> {
        type Value = ();

        // As a `Vec`'s visitor says it.
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sequence")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, items: A) -> Result<(), A::Error> {
            Any(self.0).visit_seq(items)
        }
    }

    /// Any JSON value, written to its vector.
    struct Any<'a>(&'a mut Vec<u8>);

    /// Writes `value` as JSON (a string escaped, a number as `serde_json` writes it).
    fn write<E: Error>(out: &mut Vec<u8>, value: &(impl serde::Serialize + ?Sized)) -> Result<(), E> {
        serde_json::to_writer(out, value).map_err(E::custom)
    }

    impl<'de> DeserializeSeed<'de> for Any<'_> {
        type Value = ();

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Any<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any valid JSON value")
        }

        fn visit_bool<E: Error>(self, value: bool) -> Result<(), E> {
            write(self.0, &value)
        }

        fn visit_i64<E: Error>(self, value: i64) -> Result<(), E> {
            write(self.0, &value)
        }

        fn visit_i128<E: Error>(self, value: i128) -> Result<(), E> {
            write(self.0, &value)
        }

        fn visit_u64<E: Error>(self, value: u64) -> Result<(), E> {
            write(self.0, &value)
        }

        fn visit_u128<E: Error>(self, value: u128) -> Result<(), E> {
            write(self.0, &value)
        }

        fn visit_f64<E: Error>(self, value: f64) -> Result<(), E> {
            write(self.0, &value)
        }

        fn visit_str<E: Error>(self, value: &str) -> Result<(), E> {
            write(self.0, value)
        }

        fn visit_unit<E: Error>(self) -> Result<(), E> {
            self.0.extend_from_slice(b"null");
            Ok(())
        }

        fn visit_none<E: Error>(self) -> Result<(), E> {
            self.visit_unit()
        }

        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_any(self)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
            let out = self.0;
            out.push(b'[');
            let mut first = true;
            loop {
                let mark = out.len();
                if !first {
                    out.push(b',');
                }
                if items.next_element_seed(Any(out))?.is_none() {
                    out.truncate(mark);
                    break;
                }
                first = false;
            }
            out.push(b']');
            Ok(())
        }

        fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<(), A::Error> {
            let out = self.0;
            out.push(b'{');
            let mut first = true;
            loop {
                let mark = out.len();
                if !first {
                    out.push(b',');
                }
                if members.next_key_seed(Key(out))?.is_none() {
                    out.truncate(mark);
                    break;
                }
                out.push(b':');
                members.next_value_seed(Any(out))?;
                first = false;
            }
            out.push(b'}');
            Ok(())
        }
    }

    /// A member's name, written to its vector as a JSON string.
    struct Key<'a>(&'a mut Vec<u8>);

    impl<'de> DeserializeSeed<'de> for Key<'_> {
        type Value = ();

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_str(self)
        }
    }

    impl Visitor<'_> for Key<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: Error>(self, value: &str) -> Result<(), E> {
            write(self.0, value)
        }
    }
}

/// A valid value of an enum property.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfileEnumValidValuesFormat {
    /// The value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i64>,
    /// The value's name, in at least one language when present.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "validate_core::json::unique_keys")]
    #[validate(localized)]
    pub localized_value_names: Option<LocalizedText>,
}

/// How the related profile is found (an item of `lookupMappings`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelationshipTypeMapping {
    /// The field pairs, at least one.
    #[validate(non_empty, nested)]
    pub field_mappings: Vec<RelationshipTypeFieldMapping>,
}

/// One pair of fields that links the two profiles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, Validate)]
#[schemars(transform = validate_core::schema::apply::<Self>)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RelationshipTypeFieldMapping {
    /// The field of the profile.
    #[validate(non_empty)]
    pub profile_field_name: String,
    /// The key property of the related profile.
    #[validate(non_empty)]
    pub related_profile_key_property: String,
}
