//! The Customer Insights "Create or Update Relationship" resource, built on validate-core as a
//! user of the library would build it: the model, the URL rules, a store, the HTTP service and
//! the `check` command.
//!
//! ```
//! use customer_insights::model::RelationshipResourceFormat;
//! use validate_core::Validate;
//!
//! let body: RelationshipResourceFormat = serde_json::from_str(r#"{
//!     "properties": {
//!         "displayName": { "en-us": "Contact to account" },
//!         "profileType": "Contact",
//!         "relatedProfileType": "Account"
//!     }
//! }"#).unwrap();
//! assert!(body.validate().is_ok());
//! ```

pub mod address;
pub mod check;
pub mod model;
pub mod resource;
pub mod service;
pub mod store;
