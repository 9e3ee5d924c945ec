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

use std::ops::ControlFlow;

use crate::Validate;
use crate::path::At;
use crate::sink::Sink;

/// Records the violations of `value`'s own rules under `at` (a `&Path`, or a place whose path
/// is made only when a violation is recorded: see [`At`]).
#[inline]
pub fn check<T: Validate>(value: &T, at: impl At, out: &mut impl Sink) -> ControlFlow<()> {
    value.__validate_in(at, out)
}
