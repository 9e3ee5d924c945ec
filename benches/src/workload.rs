//! The inputs of every case (performance.md, "The workload"): the Relationship body of
//! `corpus/full-valid.json` scaled to 10 and 100 `fields`, valid and invalid, as JSON bytes and
//! as the parsed value of any system's types, with the URL's `relationshipName`.

use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The corpus body every input is made from (the same file as `shared/corpus/full-valid.json`).
pub const FULL_VALID: &str = include_str!("../../examples/customer-insights/corpus/full-valid.json");

/// The `relationshipName` of the URL, valid in every case.
pub const RELATIONSHIP_NAME: &str = "ContactToAccount";

/// The sizes of `fields` measured.
pub const FIELD_COUNTS: [usize; 2] = [10, 100];

/// A valid body, or one with the violations performance.md lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// Passes every rule.
    Valid,
    /// Every third `fieldName` empty, a blank display name, a display name keyed by a bad
    /// language tag, an empty `profileType`.
    Invalid,
}

/// The display-name key that is not a language tag in the invalid variant.
pub const BAD_TAG: &str = "en_US";

/// One input: the body as JSON bytes, and the facts needed to check the systems agree on it.
#[derive(Clone, Debug)]
pub struct Input {
    /// How many items `properties.fields` has.
    pub fields: usize,
    /// Valid or invalid.
    pub variant: Variant,
    /// The body, serialized compactly.
    pub json: Vec<u8>,
}

impl Input {
    /// The input with `fields` items in `properties.fields`.
    ///
    /// # Panics
    ///
    /// Never for the corpus body (it is valid JSON of the right shape).
    pub fn new(fields: usize, variant: Variant) -> Self {
        let json = serde_json::to_vec(&body(fields, variant)).expect("a JSON value serializes");
        Input { fields, variant, json }
    }

    /// The body parsed into a system's type.
    ///
    /// # Panics
    ///
    /// When `T` does not read the body: the systems' types must all read every input.
    pub fn parse<T: DeserializeOwned>(&self) -> T {
        match serde_json::from_slice(&self.json) {
            Ok(value) => value,
            Err(error) => panic!("{} does not read the {self:?} body: {error}", std::any::type_name::<T>()),
        }
    }

    /// How many `fieldName`s are empty: every third one in the invalid variant.
    pub fn empty_field_names(&self) -> usize {
        match self.variant {
            Variant::Valid => 0,
            Variant::Invalid => (0..self.fields).filter(|&i| is_emptied(i)).count(),
        }
    }

    /// Every violation ours must report, as `(code, target)`, sorted.
    ///
    /// The empty names also repeat each other, so `unique(by = field_name, ignore_case)` reports
    /// every empty name after the first as `DuplicateValue`.
    pub fn expected_violations(&self) -> Vec<(&'static str, String)> {
        let mut expected = Vec::new();
        if self.variant == Variant::Invalid {
            expected.push(("EmptyValue", "properties.displayName['en-us']".to_owned()));
            expected.push(("InvalidLocale", format!("properties.displayName['{BAD_TAG}']")));
            expected.push(("EmptyValue", "properties.profileType".to_owned()));
            let emptied: Vec<usize> = (0..self.fields).filter(|&i| is_emptied(i)).collect();
            for &i in &emptied {
                expected.push(("EmptyValue", format!("properties.fields[{i}].fieldName")));
            }
            for &i in emptied.iter().skip(1) {
                expected.push(("DuplicateValue", format!("properties.fields[{i}].fieldName")));
            }
        }
        expected.sort();
        expected
    }

    /// A short name for reports: `10 fields, valid`.
    pub fn label(&self) -> String {
        let variant = match self.variant {
            Variant::Valid => "valid",
            Variant::Invalid => "invalid",
        };
        format!("{} fields, {variant}", self.fields)
    }
}

/// Whether the invalid variant empties the name of field `i`: every third one.
fn is_emptied(i: usize) -> bool {
    i % 3 == 2
}

/// The corpus body with `fields` items, made from its three fields in turn, named uniquely
/// (`Role0`, `Since1`, `Tier2`, …); the invalid variant then breaks the rules listed on [`Variant`].
///
/// # Panics
///
/// If the corpus body lost its `properties.fields`.
pub fn body(fields: usize, variant: Variant) -> Value {
    let mut body: Value = serde_json::from_str(FULL_VALID).expect("the corpus body is JSON");
    let properties = &mut body["properties"];
    let templates = properties["fields"].as_array().expect("the corpus body has fields").clone();
    let items: Vec<Value> = (0..fields)
        .map(|i| {
            let mut item = templates[i % templates.len()].clone();
            let base = item["fieldName"].as_str().expect("a field has a name").to_owned();
            let emptied = variant == Variant::Invalid && is_emptied(i);
            item["fieldName"] = Value::String(if emptied { String::new() } else { format!("{base}{i}") });
            item
        })
        .collect();
    properties["fields"] = Value::Array(items);
    if variant == Variant::Invalid {
        properties["displayName"]["en-us"] = json!("   ");
        properties["displayName"][BAD_TAG] = json!("Contact to account");
        properties["profileType"] = json!("");
    }
    body
}

/// Every input measured: each size, valid then invalid.
pub fn inputs() -> Vec<Input> {
    FIELD_COUNTS.iter().flat_map(|&fields| [Variant::Valid, Variant::Invalid].map(|v| Input::new(fields, v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bodies_have_the_promised_shape() {
        let valid = body(10, Variant::Valid);
        let names: Vec<&str> = valid["properties"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["fieldName"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["Role0", "Since1", "Tier2", "Role3", "Since4", "Tier5", "Role6", "Since7", "Tier8", "Role9"]
        );
        let invalid = Input::new(100, Variant::Invalid);
        assert_eq!(invalid.empty_field_names(), 33);
        assert_eq!(invalid.expected_violations().len(), 3 + 33 + 32);
        assert_eq!(Input::new(10, Variant::Invalid).expected_violations().len(), 3 + 3 + 2);
    }
}
