//! The Customer Insights "Create or Update Relationship" resource, built on validate-core as a
//! user of the library would build it: the model, the URL rules, a store, the HTTP service, the
//! languages it answers in (English, German, Japanese: `locales`), the `check` command, and the
//! model as Swagger 2.0 and JSON Schema (`schema`).
//!
//! ```
//! use customer_insights::model::{RelationshipResourceFormat, Stored};
//! use validate_core::ValidateWith;
//!
//! let body: RelationshipResourceFormat = serde_json::from_str(r#"{
//!     "properties": {
//!         "displayName": { "en-us": "Contact to account" },
//!         "profileType": "Contact",
//!         "relatedProfileType": "Account"
//!     }
//! }"#).unwrap();
//! // Validated as a new relationship: nothing is stored under its name.
//! assert!(body.validate_with(&Stored::NEW).is_ok());
//! ```

pub mod address;
pub mod check;
pub mod locales;
pub mod model;
pub mod resource;
pub mod schema;
pub mod server;
pub mod service;
pub mod store;
