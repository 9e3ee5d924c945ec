//! What generated code names. Not public API: it may change in any release.

pub use crate::rules::AsText;
pub use crate::rules::custom::{Probe, ProbeOption, ProbeValue};
pub use crate::rules::pattern::Pattern;
pub use crate::rules::unique::WireNames;
pub use crate::rules::{
    each, format, length, localized, nested, non_empty, one_of, pattern, range, read_only, required, unique,
};
pub use crate::{Path, RuleError, Validate, Violations};

/// Shorthand for the optional bounds the derive passes to `length` and `range`.
pub use ::core::option::Option::{None, Some};

/// The walk behind "every problem in one response"; see `json::explain`.
pub use crate::json::explain::{self, Explain};
pub use crate::json::{ShapeError, Tree, TreeDeserializer};
pub use serde_json::Error as JsonError;
