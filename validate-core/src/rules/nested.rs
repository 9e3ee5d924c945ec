//! `nested`: the value's own [`Validate`], through `Option`, `Box`, `Vec`, slices, arrays and maps.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Mapping {
//!     #[validate(non_empty)]
//!     #[serde(rename = "profileFieldName")]
//!     profile_field_name: String,
//! }
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct TypeMapping {
//!     #[validate(nested)]
//!     #[serde(rename = "fieldMappings")]
//!     field_mappings: Vec<Mapping>,
//! }
//!
//! let mapping = TypeMapping {
//!     field_mappings: vec![
//!         Mapping { profile_field_name: "Id".into() },
//!         Mapping { profile_field_name: "".into() },
//!     ],
//! };
//! let violations = mapping.validate().unwrap_err();
//! assert_eq!(violations.iter().next().unwrap().target(), "fieldMappings[1].profileFieldName");
//! ```

use crate::{Path, Validate, Violations};

/// Records the violations of `value`'s own rules under `at`.
pub fn check<T: Validate + ?Sized>(value: &T, at: &Path<'_>, out: &mut Violations) {
    value.validate_at(at, out);
}
