//! The rules as data: what `#[derive(Validate)]` says about a type, for documentation and schemas.
//!
//! The derive also implements [`Describe`] for every type it derives: [`Describe::describe`] gives
//! the type's [`Description`], each field with its place on the wire (the name targets use and the
//! key serde reads) and its [`Rule`]s with their arguments, in the order they are written. Bounds
//! written as expressions (`length(max = MAX_NAME)`) are evaluated when the description is built;
//! a bound that names the context (`ctx`) is [`Bound::AtRunTime`]: known only when a value is
//! validated. Nested types are described by their own `describe()`: a `nested` field says only
//! [`Rule::Nested`]. Codes and messages given with `code = …` and `message = …` are not part of
//! the description.
//!
//! This module needs no dependency. With the feature `schemars`, [`export`] turns descriptions
//! into JSON Schema keywords on schemars' schemas (`#[schemars(transform =
//! validate_core::schema::apply::<Self>)]`), and [`swagger`] writes Swagger 2.0 definitions,
//! as Azure's API descriptions are.
//!
//! ```
//! use std::collections::BTreeMap;
//! use validate_core::Validate;
//! use validate_core::schema::{Bound, Describe, Rule, Shape, Wire};
//!
//! const MAX_NAME: usize = 64;
//!
//! #[derive(serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! #[validate(context = u32)]
//! struct Hub {
//!     #[validate(length(min = 2, max = MAX_NAME), non_empty)]
//!     hub_name: String,
//!     #[validate(localized)]
//!     display_name: BTreeMap<String, String>,
//!     // The plan's limit, known only when a value is validated.
//!     #[validate(length(max = *ctx as usize))]
//!     tags: Vec<String>,
//! }
//!
//! let description = Hub::describe();
//! let Shape::Struct(fields) = &description.shape else { unreachable!("a struct") };
//! assert_eq!(fields[0].wire, Wire::Member { name: "hubName", key: "hubName" });
//! assert_eq!(fields[0].rules, [
//!     Rule::Length { min: Some(Bound::Value(2)), max: Some(Bound::Value(64)) },
//!     Rule::NotEmpty,
//! ]);
//! assert_eq!(fields[1].rules, [Rule::Localized]);
//! assert_eq!(fields[2].rules, [Rule::Length { min: None, max: Some(Bound::AtRunTime) }]);
//! assert_eq!(description.context, Some("u32"));
//! ```

pub use crate::message::{Format, Number};

use crate::rules::unique::WireNames;

pub(crate) mod encoded;
#[cfg(feature = "schemars")]
pub mod export;
#[cfg(feature = "schemars")]
pub mod swagger;

#[cfg(feature = "schemars")]
pub use export::{apply, apply_description};

/// A type whose rules can be read as data. Every type `#[derive(Validate)]` derives implements it
/// (through the impl of [`WireNames`] the derive writes); a type of
/// your own can implement it by hand.
pub trait Describe {
    /// The type's rules, as its `#[validate]` attributes say them.
    fn describe() -> Description;
}

impl<T: WireNames + ?Sized> Describe for T {
    fn describe() -> Description {
        T::__describe()
    }
}

/// The rules of one type.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Description {
    /// The type's name in Rust, without its generic arguments.
    pub name: &'static str,
    /// The fields or the variants, with their rules.
    pub shape: Shape,
    /// The functions of `#[validate(check(…))]`, as written: rules across fields, which no schema
    /// keyword says.
    pub checks: Vec<&'static str>,
    /// The type of `#[validate(context = …)]`, as written.
    pub context: Option<&'static str>,
}

impl Description {
    /// Every field of the type: a struct's, or every variant's in turn.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        let (fields, variants): (&[Field], &[Variant]) = match &self.shape {
            Shape::Struct(fields) => (fields, &[]),
            Shape::Enum { variants, .. } => (&[], variants),
        };
        fields.iter().chain(variants.iter().flat_map(|variant| &variant.fields))
    }

    /// The field read from the member `key`, if any (the first, in an enum).
    pub fn member(&self, key: &str) -> Option<&Field> {
        self.fields().find(|field| matches!(field.wire, Wire::Member { key: found, .. } if found == key))
    }
}

/// A struct's fields, or an enum's variants.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Shape {
    /// A struct: its fields in declaration order.
    Struct(Vec<Field>),
    /// An enum: how serde lays its variants out, and the variants serde reads, in order.
    Enum {
        /// serde's tagging of the variants.
        tagging: Tagging,
        /// The variants, `#[serde(skip)]` ones left out.
        variants: Vec<Variant>,
    },
}

/// How serde lays out an enum's variants on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tagging {
    /// `{"Variant": content}` (serde's default).
    External,
    /// `{"tag": "Variant", …fields}`: `#[serde(tag = "…")]`.
    Internal {
        /// The member that names the variant.
        tag: &'static str,
    },
    /// `{"tag": "Variant", "content": …}`: `#[serde(tag = "…", content = "…")]`.
    Adjacent {
        /// The member that names the variant.
        tag: &'static str,
        /// The member that holds its content.
        content: &'static str,
    },
    /// The content alone: `#[serde(untagged)]`.
    Untagged,
}

/// One variant of an enum.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Variant {
    /// The name serde reads the variant by.
    pub name: &'static str,
    /// Its fields, in declaration order.
    pub fields: Vec<Field>,
}

/// One field and its rules.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Field {
    /// The field's name in Rust (`display_name`), or its index in a tuple (`0`).
    pub member: &'static str,
    /// Where the field is on the wire.
    pub wire: Wire,
    /// Its rules, in the order they are written; empty for a field without `#[validate]`.
    pub rules: Vec<Rule>,
}

/// Where a field is on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Wire {
    /// A member of the object.
    Member {
        /// The name targets give it: the name serde reads, or the one it writes under
        /// `#[validate(serialize_names)]`, or `#[validate(rename = "…")]`'s.
        name: &'static str,
        /// The key serde reads it from (what a schema of the request names it).
        key: &'static str,
    },
    /// An item of a tuple, at this index.
    Item(usize),
    /// The value itself: the field of a newtype, a newtype variant or a `transparent` struct.
    Itself,
    /// `#[serde(flatten)]`: its members are the parent's.
    Flattened,
    /// `#[serde(skip)]` or `skip_deserializing`: never read.
    Skipped,
}

/// A bound of `length` or `range`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Bound<T> {
    /// The bound's value, as the expression written gave it when the description was built.
    Value(T),
    /// An expression that names the context (`ctx`): known only when a value is validated.
    AtRunTime,
}

impl<T> Bound<T> {
    /// The value, when it is known without a context.
    pub fn value(&self) -> Option<&T> {
        match self {
            Bound::Value(value) => Some(value),
            Bound::AtRunTime => None,
        }
    }
}

/// One rule of `#[validate(…)]`, with its arguments. A variant is named as its rule is, but for the
/// rules whose name is that of the trait their runtime module checks types with (`Required`,
/// `NonEmpty`, `Each`, `ReadOnly`): two items of one name make rustc write the trait's whole path in
/// its errors (`validate_core::rules::each::Each`), so they are named by what they say.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// `required`: an `Option` is `Some`.
    Present,
    /// `non_empty`: text with a character other than white space (Rust's `char::is_whitespace`,
    /// the Unicode `White_Space` property); a collection with an item; a map with an entry.
    NotEmpty,
    /// `length(min = …, max = …)`: characters (Unicode scalar values), items or entries.
    /// `length(equal = N)` is `min` and `max` both `N`.
    Length {
        /// The least, inclusive.
        min: Option<Bound<usize>>,
        /// The most, inclusive.
        max: Option<Bound<usize>>,
    },
    /// `range(…)`: a number within its bounds (at most one a side).
    Range {
        /// `min = …`, inclusive.
        min: Option<Bound<Number>>,
        /// `max = …`, inclusive.
        max: Option<Bound<Number>>,
        /// `exclusive_min = …`.
        exclusive_min: Option<Bound<Number>>,
        /// `exclusive_max = …`.
        exclusive_max: Option<Bound<Number>>,
    },
    /// `pattern("…")`: the regular expression (the `regex` crate's syntax) matches somewhere.
    Pattern(&'static str),
    /// `contains("…")`: the text is found, case included.
    Contains(&'static str),
    /// `prefix("…")`: the value starts with the text.
    Prefix(&'static str),
    /// `suffix("…")`: the value ends with the text.
    Suffix(&'static str),
    /// `not_containing("…")`: none of these characters.
    NotContaining(&'static str),
    /// `no_control_chars`: no Unicode `Cc` character (U+0000–U+001F, U+007F–U+009F).
    NoControlChars,
    /// `one_of("A", "B", …)`: one of the values, case included.
    OneOf(&'static [&'static str]),
    /// `format(…)`: a named format; [`Format::name`] is its `OpenAPI` (`AutoRest`) name.
    Format(Format),
    /// `localized`: a map from language tag to non-blank text, with at least one entry.
    Localized,
    /// `nested`: the value's own rules, those of its type's description.
    Nested,
    /// `each(…)`: the rules on every item of a collection or every value of a map.
    EachItem(Vec<Rule>),
    /// `keys(…)`: the rules on every key of a map.
    EachKey(Vec<Rule>),
    /// `unique`: no item repeats; with `by`, no two items share that field (its wire name).
    Unique {
        /// The wire name of the items' field compared, for `unique(by = field)`.
        by: Option<&'static str>,
        /// `ignore_case`: text compared by its Unicode lowercase.
        ignore_case: bool,
    },
    /// `read_only`: only the server sets it (with `stored`, a value equal to the stored one is
    /// accepted).
    SetByServer,
    /// `custom(f)`: the function, as written; what it checks is not known.
    Custom(&'static str),
}
