//! Maps that refuse a repeated key, where `serde_json` would keep the last value silently.

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Display};
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

/// A map, or an `Option` of one, that [`unique_keys`] can read.
pub trait UniqueKeys<'de>: Sized {
    /// Reads the map, failing on a key seen twice.
    fn deserialize_unique_keys<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// For `#[serde(deserialize_with = "validate_core::json::unique_keys")]` on a map field (or an
/// `Option` of one, with `default`): a repeated key fails to read, and [`from_json`] reports
/// `DuplicateProperty` at `field['key']`.
///
/// ```
/// use std::collections::BTreeMap;
/// use validate_core::{from_json, Validate};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// #[serde(rename_all = "camelCase")]
/// struct Definition {
///     #[serde(deserialize_with = "validate_core::json::unique_keys")]
///     display_name: BTreeMap<String, String>,
///     #[serde(default, deserialize_with = "validate_core::json::unique_keys")]
///     description: Option<BTreeMap<String, String>>,
/// }
///
/// let error = from_json::<Definition>(br#"{"displayName":{"en-us":"a","en-us":"b"}}"#).map_err(validate_core::ErrorResponse::from).unwrap_err();
/// let detail = &error.error.details[0];
/// assert_eq!(detail.code, "DuplicateProperty");
/// assert_eq!(detail.target.as_deref(), Some("displayName['en-us']"));
/// assert!(from_json::<Definition>(br#"{"displayName":{"en-us":"a"},"description":null}"#).is_ok());
/// ```
///
/// [`from_json`]: crate::from_json
pub fn unique_keys<'de, D, M>(deserializer: D) -> Result<M, D::Error>
where
    D: Deserializer<'de>,
    M: UniqueKeys<'de>,
{
    M::deserialize_unique_keys(deserializer)
}

/// Fills a map from entries, refusing a key already there.
struct FillVisitor<M, K, V> {
    target: PhantomData<(M, K, V)>,
}

trait Fill<K, V>: Default {
    /// Inserts; on a repeated key, the key as an error message shows it.
    fn insert_new(&mut self, key: K, value: V) -> Result<(), String>;
}

impl<K: Ord + Display, V> Fill<K, V> for BTreeMap<K, V> {
    fn insert_new(&mut self, key: K, value: V) -> Result<(), String> {
        match self.entry(key) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(value);
                Ok(())
            }
            std::collections::btree_map::Entry::Occupied(slot) => Err(slot.key().to_string()),
        }
    }
}

impl<K: Eq + Hash + Display, V, S: BuildHasher + Default> Fill<K, V> for HashMap<K, V, S> {
    fn insert_new(&mut self, key: K, value: V) -> Result<(), String> {
        match self.entry(key) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(value);
                Ok(())
            }
            std::collections::hash_map::Entry::Occupied(slot) => Err(slot.key().to_string()),
        }
    }
}

impl<'de, M, K, V> Visitor<'de> for FillVisitor<M, K, V>
where
    M: Fill<K, V>,
    K: Deserialize<'de> + Display,
    V: Deserialize<'de>,
{
    type Value = M;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<M, A::Error> {
        let mut filled = M::default();
        while let Some(key) = map.next_key::<K>()? {
            let value = map.next_value::<V>()?;
            if let Err(shown) = filled.insert_new(key, value) {
                return Err(de::Error::custom(format_args!("duplicate key `{shown}`")));
            }
        }
        Ok(filled)
    }
}

impl<'de, K, V> UniqueKeys<'de> for BTreeMap<K, V>
where
    K: Deserialize<'de> + Ord + Display,
    V: Deserialize<'de>,
{
    fn deserialize_unique_keys<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FillVisitor { target: PhantomData })
    }
}

impl<'de, K, V, S> UniqueKeys<'de> for HashMap<K, V, S>
where
    K: Deserialize<'de> + Eq + Hash + Display,
    V: Deserialize<'de>,
    S: BuildHasher + Default,
{
    fn deserialize_unique_keys<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FillVisitor { target: PhantomData })
    }
}

impl<'de, M: UniqueKeys<'de>> UniqueKeys<'de> for Option<M> {
    fn deserialize_unique_keys<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(PhantomData))
    }
}

struct OptionVisitor<M>(PhantomData<M>);

impl<'de, M: UniqueKeys<'de>> Visitor<'de> for OptionVisitor<M> {
    type Value = Option<M>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map or null")
    }

    fn visit_none<E>(self) -> Result<Option<M>, E> {
        Ok(None)
    }

    fn visit_unit<E>(self) -> Result<Option<M>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<M>, D::Error> {
        M::deserialize_unique_keys(deserializer).map(Some)
    }
}
