//! Request validation that answers in the ARM (Azure Resource Manager) error format.
//!
//! Put rules on your request types with `#[derive(Validate)]`, call [`Validate::validate`], and
//! get every violation at once, each with an ARM code and a target written in the names on the
//! wire (serde's `rename` and `rename_all` applied). [`ErrorResponse`] turns them into the body
//! of an HTTP 400 that ARM clients read.
//!
//! ```
//! use validate_core::{ErrorResponse, Validate};
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Relationship {
//!     #[validate(nested)]
//!     properties: Definition,
//! }
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! struct Definition {
//!     #[validate(one_of("OneToOne", "OneToMany", "ManyToMany"))]
//!     cardinality: Option<String>,
//!     #[validate(non_empty)]
//!     profile_type: String,
//! }
//!
//! let body = Relationship {
//!     properties: Definition { cardinality: Some("OneToFew".into()), profile_type: " ".into() },
//! };
//! let violations = body.validate().unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| (v.code(), v.target())).collect();
//! assert_eq!(found, [
//!     ("InvalidEnumValue", "properties.cardinality"),
//!     ("EmptyValue", "properties.profileType"),
//! ]);
//!
//! let payload = serde_json::to_value(ErrorResponse::from(violations)).unwrap();
//! assert_eq!(payload["error"]["code"], "InvalidRequestContent");
//! assert_eq!(payload["error"]["details"][0]["target"], "properties.cardinality");
//! ```
//!
//! # Rules
//!
//! | rule | checks | code |
//! |---|---|---|
//! | [`required`](rules::required) | an `Option` is `Some` | `MissingRequiredProperty` |
//! | [`non_empty`](rules::non_empty) | text with a non-white-space character; a collection with an item | `EmptyValue` |
//! | [`length(min, max)`, `length(equal)`](rules::length) | characters, items or entries; exactly N | `ValueTooShort`, `ValueTooLong` |
//! | [`range(min, max)`, `range(exclusive_min, exclusive_max)`](rules::range) | a number, inclusive or exclusive | `ValueOutOfRange` |
//! | [`pattern("re")`](rules::pattern) | a regular expression matches | `PatternMismatch` |
//! | [`contains("x")`](rules::contains), [`prefix("x")`](rules::prefix), [`suffix("x")`](rules::suffix) | text contains, starts with, ends with `x` | `PatternMismatch` |
//! | [`not_containing("<>%")`](rules::not_containing), [`no_control_chars`](rules::no_control_chars) | text without those characters; without control characters | `InvalidCharacter` |
//! | [`one_of("A", …)`](rules::one_of) | a string from a closed set | `InvalidEnumValue` |
//! | [`format(uuid)`, `format(date_time)`, `format(arm_id)`, …](rules::format) | a named format: a GUID, an RFC 3339 date-time or date, an ISO 8601 duration, an RFC 1123 date-time, a URI, an Azure resource ID, an email or IP address, base64 or base64url | `InvalidFormat` |
//! | [`localized`](rules::localized) | a map from language tag to non-blank text, not empty | `InvalidLocale`, `EmptyValue` |
//! | [`nested`](rules::nested) | the value's own rules, through `Option`, `Box`, collections and maps | the nested type's |
//! | [`each(rule, …)`](rules::each) | rules on every item or map value | the rules' |
//! | [`keys(rule, …)`](rules::keys) | rules on every key of a map, at its entry: "The key …" | the rules' |
//! | [`unique`, `unique(by = f, ignore_case)`](rules::unique) | no repeated item (or field of an item) | `DuplicateValue` |
//! | [`read_only`, `read_only(stored = f)`](rules::read_only) | an `Option` is `None`, or equal to the stored value `f(&ctx)` | `ReadOnlyProperty` |
//! | [`custom(f)`](rules::custom) | `f(&value) -> Result<(), RuleError>` | the error's |
//!
//! Every rule but `nested` takes `code = "…"` and `message = "…"` to replace its own. At the container,
//! `#[validate(check(f))]` runs `f(&Self)` for rules across fields.
//!
//! # Context
//!
//! A type whose rules need what is outside the value (the stored resource, the hub's profile
//! types) declares it with `#[validate(context = Type)]`, and is validated with
//! [`ValidateWith::validate_with`] and read with [`from_json_with`]; nested types find their
//! context through [`Provides`]. See the [`context`] module.
//!
//! Coming from garde or validator: the [`migrating`] page maps each of their rules to ours.
//!
//! # Schemas
//!
//! The derive also describes each type's rules as data ([`schema::Describe`]). With the feature
//! `schemars`, they become JSON Schema keywords on schemars' schemas (`#[schemars(transform =
//! validate_core::schema::apply::<Self>)]`), and [`schema::swagger`] writes Swagger 2.0
//! definitions, as Azure's API descriptions are written. See the [`schema`] module.
//!
//! # Messages in the caller's language
//!
//! A violation keeps its message typed ([`Message`]) and is worded only when an answer is built:
//! in English by default (`Display`, [`Violation::message`], `ErrorResponse::from`), in German or
//! Japanese, built in, or in a language of a user's own [`Catalog`] (Fluent's `.ftl` with the
//! feature `fluent`). [`Languages::negotiate`] picks one for a request's `Accept-Language`, and
//! [`Violations::into_response`] words the payload in it, with `additionalInfo` when asked for.
//! See the [`catalog`] module.
//!
//! # Targets
//!
//! Members are joined by `.`, items are `[i]`, map entries are `['key']`: for example
//! `properties.fields[2].fieldName` or `properties.displayName['en-us']`. The names are those
//! serde reads (`rename`, `rename_all`, `flatten` adding no segment); `#[validate(rename = "…")]`
//! names a field of a type without serde. Targets and echoed values are capped, see [`text`] and
//! [`path::MAX_TARGET_CHARS`].
//!
//! # Cost
//!
//! A [`Path`] lives on the stack and a target's text is built only when a violation is recorded,
//! so `validate()` allocates nothing on valid input; patterns are compiled once.
//!
//! For structs with named fields and for enums, the derive also writes the walk behind
//! [`from_json`]'s "every problem at once". Its functions are `#[inline]`: they are compiled only
//! in a crate that calls `from_json` for the type, so a crate that only declares request types
//! pays for type checking alone. Fields of the standard types (`String`, numbers, `bool`, `char`, and `Option`,
//! `Vec`, `Box`, `BTreeMap` and `HashMap` of them) are read without asking the compiler whether
//! serde can read them; a type of your own that shadows one of those names needs `Deserialize`.

#![forbid(unsafe_code)]
// A dead link in the docs fails `cargo doc` itself, not only CI's `-D warnings`.
#![deny(rustdoc::broken_intra_doc_links, rustdoc::private_intra_doc_links)]

// Generated code names `::validate_core`, also inside this crate's own unit tests.
#[allow(unused_extern_crates)]
extern crate self as validate_core;

#[cfg(feature = "axum")]
pub mod axum;
pub mod catalog;
pub mod context;
pub mod error_response;
pub mod json;
pub mod message;
#[doc = include_str!("migrating.md")]
pub mod migrating {}
pub mod path;
pub mod rules;
pub mod schema;
pub mod text;

mod rule_error;
mod sink;
mod validate;
mod violation;

// The one door from generated code to the runtime: versioned, so that a derive and a runtime of
// different releases fail to compile instead of misbehaving.
#[doc(hidden)]
#[path = "generated.rs"]
pub mod __v1;

pub use catalog::{Catalog, Language, Languages};
pub use context::{Provides, ValidateWith};
pub use error_response::{AdditionalInfo, ErrorDetail, ErrorResponse};
pub use json::{BodyError, from_json, from_json_with, parse_json};
pub use message::Message;
pub use path::Path;
pub use rule_error::{Failure, RuleError};
pub use sink::Holds;
pub use validate::Validate;
pub use violation::{Violation, Violations};

#[doc = include_str!("derive.md")]
#[cfg(feature = "derive")]
pub use validate_derive::Validate;
