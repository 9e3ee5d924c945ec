//! `custom(path::to::function)`: a rule of the user's own.
//!
//! The function takes a reference to the field's value and returns `Result<(), RuleError>`. It is
//! called where the field's type is known, so deref coercion applies: a `String` field can use a
//! `fn(&str)`. On an `Option<T>` field it gets `&T`, and only when the value is `Some`.
//!
//! ```
//! use validate_core::{RuleError, Validate};
//!
//! fn no_spaces(value: &str) -> Result<(), RuleError> {
//!     if value.contains(' ') {
//!         Err(RuleError::new("SpaceInName", "The name must not contain spaces."))
//!     } else {
//!         Ok(())
//!     }
//! }
//!
//! #[derive(Validate)]
//! struct Hub {
//!     #[validate(custom(no_spaces))]
//!     name: String,
//!     #[validate(custom(no_spaces, message = "No spaces in the alias, please."))]
//!     alias: Option<String>,
//! }
//!
//! let hub = Hub { name: "my hub".into(), alias: Some("a b".into()) };
//! let found: Vec<_> = hub.validate().unwrap_err().iter().map(|v| format!("{}: {}", v.code(), v.message())).collect();
//! assert_eq!(found, ["SpaceInName: The name must not contain spaces.", "SpaceInName: No spaces in the alias, please."]);
//! assert!(Hub { name: "hub".into(), alias: None }.validate().is_ok());
//! ```
