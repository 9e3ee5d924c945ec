//! Shape problems: well-formed JSON that does not fit the type, with the place it was found.
//!
//! serde's `expecting` texts name Rust types (`struct RelationshipDefinition`, `u8`), so they are
//! never read: what a value should have been comes from the `deserialize_*` method of
//! [`TreeDeserializer`](super::TreeDeserializer) in which a visitor refused it (see
//! [`ShapeError::resolve`]), and a `custom` message is never echoed.

use std::fmt::{self, Display};

use serde::de::{Expected, Unexpected};

use crate::Violation;
use crate::message::{JsonType, Message};
use crate::path::Path;
use crate::rule_error::INVALID_VALUE;
use crate::rules::one_of::not_one_of;
use crate::rules::{length, one_of, range, required};
use crate::text::echo;

/// The JSON type of a value is wrong.
pub(crate) const INVALID_PROPERTY_TYPE: &str = "InvalidPropertyType";
/// A member the type does not accept.
pub(crate) const UNKNOWN_PROPERTY: &str = "UnknownProperty";
/// The same member twice in one object.
pub(crate) const DUPLICATE_PROPERTY: &str = "DuplicateProperty";

/// What is wrong with the value at one place.
#[derive(Debug)]
pub(crate) enum Problem {
    /// The JSON type is wrong: `expected` and `found` name JSON types ("a string", "an object").
    WrongType {
        expected: JsonType,
        found: JsonType,
    },
    Missing(&'static str),
    /// `null` where the type takes no `null`: the contract calls it a missing value,
    /// `MissingRequiredProperty` at its place, as if the member were absent (a type that accepts
    /// `null`, an `Option`, `()`, a `Value`, never refuses it, so only a refusal becomes this). At
    /// the root there is no property to name, and the body is of the wrong JSON type, as any
    /// other: `expected` says what, when the `deserialize_*` method that met the `null` knows.
    Null {
        expected: Option<JsonType>,
    },
    /// A number outside what its type holds.
    OutOfRange {
        value: String,
        min: &'static str,
        max: &'static str,
    },
    Unknown(String),
    NotOneOf {
        value: String,
        allowed: &'static [&'static str],
    },
    Repeated,
    /// A map key that does not read as the key type's kind (`kind` is "an integer", …); the key
    /// is kept as echoed.
    KeyNot {
        key: String,
        kind: JsonType,
    },
    /// A `char` given a string of another length, counted in characters.
    NotOneCharacter(usize),
    /// An array of `actual` items where a tuple or a fixed array takes exactly `expected`.
    ExactItems {
        expected: usize,
        actual: usize,
    },
    /// An array with more (or fewer) items than its type reads, count unknown.
    ItemCount {
        too_many: bool,
    },
    /// An object with members its type left unread.
    ExtraMembers,
    /// A visitor's `invalid_type`, `invalid_value` or `invalid_length` not yet placed in a
    /// `deserialize_*` method (see [`ShapeError::resolve`]); reported generically if never.
    Refused(Refusal),
    /// A type that accepts several shapes (it reads with `deserialize_any`) refused the value.
    NoShape,
    /// A `custom` error of a type's own `Deserialize` impl: its text is serde's or the type's,
    /// and may name Rust types, so it is not kept.
    Custom,
}

/// How a visitor refused a value, in serde's terms, without serde's texts.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// `invalid_type`: the JSON type of what was found.
    Type(JsonType),
    /// `invalid_value`: the value found.
    Value(Seen),
    /// `invalid_length`: how many items the visitor had read.
    Length(usize),
}

/// A value a visitor refused, as much of it as a message may show.
#[derive(Debug)]
pub(crate) enum Seen {
    Integer(i128),
    /// Already echoed (cut and escaped), so that a long value is not kept whole.
    Text(String),
    Other,
}

/// The JSON kind a `deserialize_*` method stands for.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    Boolean,
    Integer(Int),
    Number,
    /// A `char`: a string of one character.
    Char,
    /// A string: `str`, `string`, `identifier`, `bytes`.
    String,
    Null,
    /// An array of any length.
    Array,
    /// An array of exactly this many items: a tuple, a tuple struct, a fixed array.
    Tuple(usize),
    Object,
    /// An enum: a variant's name, or an object of one member for a variant with content.
    Enum,
}

impl Kind {
    /// What the method asks for, as messages name it.
    pub(crate) fn expected(self) -> JsonType {
        match self {
            Kind::Boolean => JsonType::Boolean,
            Kind::Integer(_) => JsonType::Integer,
            Kind::Number => JsonType::Number,
            Kind::Char | Kind::String => JsonType::Text,
            Kind::Null => JsonType::Null,
            Kind::Array | Kind::Tuple(_) => JsonType::Array,
            // A visitor asks an enum for content only when it got a bare name.
            Kind::Object | Kind::Enum => JsonType::Object,
        }
    }
}

/// An integer type, for its range.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Int {
    I8,
    I16,
    I32,
    I64,
    I128,
    U8,
    U16,
    U32,
    U64,
    U128,
}

impl Int {
    /// The bounds, as messages write them.
    pub(crate) fn range(self) -> (&'static str, &'static str) {
        match self {
            Int::I8 => ("-128", "127"),
            Int::I16 => ("-32768", "32767"),
            Int::I32 => ("-2147483648", "2147483647"),
            Int::I64 => ("-9223372036854775808", "9223372036854775807"),
            Int::I128 => ("-170141183460469231731687303715884105728", "170141183460469231731687303715884105727"),
            Int::U8 => ("0", "255"),
            Int::U16 => ("0", "65535"),
            Int::U32 => ("0", "4294967295"),
            Int::U64 => ("0", "18446744073709551615"),
            Int::U128 => ("0", "340282366920938463463374607431768211455"),
        }
    }

    /// Whether the type holds `value`.
    pub(crate) fn holds(self, value: i128) -> bool {
        let (min, max) = match self {
            Int::I8 => (i128::from(i8::MIN), i128::from(i8::MAX)),
            Int::I16 => (i128::from(i16::MIN), i128::from(i16::MAX)),
            Int::I32 => (i128::from(i32::MIN), i128::from(i32::MAX)),
            Int::I64 => (i128::from(i64::MIN), i128::from(i64::MAX)),
            Int::I128 => (i128::MIN, i128::MAX),
            Int::U8 => (0, i128::from(u8::MAX)),
            Int::U16 => (0, i128::from(u16::MAX)),
            Int::U32 => (0, i128::from(u32::MAX)),
            Int::U64 => (0, i128::from(u64::MAX)),
            Int::U128 => (0, i128::MAX),
        };
        (min..=max).contains(&value)
    }

    /// `value` (its text) is outside the type's range.
    pub(crate) fn out_of_range(self, value: String) -> Problem {
        let (min, max) = self.range();
        Problem::OutOfRange { value, min, max }
    }
}

/// The value being read when a visitor refused it: its JSON type, and as much of it as the
/// message needs.
#[derive(Clone, Copy)]
pub(crate) enum Here<'a> {
    /// A number, with its value when it is an integer.
    Number(Option<i128>),
    Text(&'a str),
    /// An array of this many items.
    Items(usize),
    /// Another JSON type ("an object", …).
    Other(JsonType),
}

impl Here<'_> {
    /// The JSON type, as messages name it.
    fn found(self) -> JsonType {
        match self {
            Here::Number(_) => JsonType::Number,
            Here::Text(_) => JsonType::Text,
            Here::Items(_) => JsonType::Array,
            Here::Other(kind) => kind,
        }
    }
}

/// One step of the path from the root, as found while the error travels back up.
#[derive(Debug)]
pub(crate) enum Step {
    Member(String),
    Key(String),
    Index(usize),
}

/// A shape problem and where it is. Implements `serde::de::Error` so that serde's derived code
/// reports missing, unknown and repeated fields and wrong types in a structured way.
#[derive(Debug)]
pub struct ShapeError {
    problem: Problem,
    /// The steps from the problem up to the root: the last one is nearest the root.
    steps: Vec<Step>,
}

impl ShapeError {
    pub(crate) fn new(problem: Problem) -> Self {
        ShapeError { problem, steps: Vec::new() }
    }

    /// The same error, one step further from the root.
    #[must_use]
    pub(crate) fn under(mut self, step: Step) -> Self {
        self.steps.push(step);
        self
    }

    /// A value of the JSON type `found` where `expected` belongs (`null` is a missing value).
    pub(crate) fn wrong_type(expected: JsonType, found: JsonType) -> Self {
        Self::new(wrong(expected, found))
    }

    /// The error of a visitor that read a `null` (the caller knows it was one): its
    /// `invalid_type`, which no `deserialize_*` method places (`deserialize_option` gives it
    /// `None`, `deserialize_any` the unit), is the `null` being refused, so a missing value too.
    /// Any other error is left as it is.
    #[must_use]
    pub(crate) fn of_null(self) -> Self {
        match self.problem {
            Problem::Refused(Refusal::Type(_)) if self.steps.is_empty() => Self::new(Problem::Null { expected: None }),
            _ => self,
        }
    }

    /// A `custom` error raised by the visitor of the value being read (not below it).
    pub(crate) fn is_custom_here(&self) -> bool {
        self.steps.is_empty() && matches!(self.problem, Problem::Custom)
    }

    /// Places a visitor's refusal of the value being read: `kind` is what the `deserialize_*`
    /// method in which it happened stands for, `here` the value. Called on the way out of every
    /// such method; only the innermost one places it, and an error from below (with steps) or
    /// already placed is left as it is.
    #[must_use]
    pub(crate) fn resolve(mut self, kind: Kind, here: Here<'_>) -> Self {
        if !self.steps.is_empty() {
            return self;
        }
        let Problem::Refused(refusal) = &self.problem else {
            return self;
        };
        // Only a refusal of this very value is placed: one of a value the visitor read on its
        // own (serde's `flatten` reads its fields inside the map's visitor) names another type.
        let placed = match (refusal, kind, here) {
            (Refusal::Type(found), kind, here) if *found == here.found() && *found != kind.expected() => {
                wrong(kind.expected(), *found)
            }
            (Refusal::Value(_), Kind::Integer(int), Here::Number(Some(value))) if !int.holds(value) => {
                int.out_of_range(value.to_string())
            }
            (Refusal::Value(Seen::Text(_)), Kind::Char, Here::Text(text)) => {
                let chars = text.chars().count();
                if chars == 1 {
                    return self;
                }
                Problem::NotOneCharacter(chars)
            }
            (Refusal::Length(_), Kind::Tuple(expected), Here::Items(actual)) if expected != actual => {
                Problem::ExactItems { expected, actual }
            }
            // Ran out of items, or stopped before the end.
            (Refusal::Length(read), Kind::Array, Here::Items(actual)) => {
                Problem::ItemCount { too_many: *read < actual }
            }
            _ => return self,
        };
        self.problem = placed;
        self
    }

    /// Places a visitor's refusal of a map key read for `kind`: a key of the wrong kind is
    /// "not an integer" (or a number, …), not a wrong JSON type (a key is always a string).
    #[must_use]
    pub(crate) fn resolve_key(self, kind: Kind, key: &str, here: Here<'_>) -> Self {
        if self.steps.is_empty() && matches!(self.problem, Problem::Refused(Refusal::Type(_))) {
            return Self::key_not(key, kind);
        }
        self.resolve(kind, here)
    }

    /// A map key that does not read as `kind`.
    pub(crate) fn key_not(key: &str, kind: Kind) -> Self {
        Self::new(Problem::KeyNot { key: echo(key), kind: kind.expected() })
    }

    /// The violation: code, target and message.
    pub(crate) fn into_violation(self) -> Violation {
        self.into_violation_at(&Path::root())
    }

    /// The violation of a problem found in the value at `at`.
    pub(crate) fn into_violation_at(self, at: &Path<'_>) -> Violation {
        let ShapeError { problem, steps } = self;
        at_steps(steps.iter().rev(), at, |place| {
            let target = place.target();
            // Only the root has the empty target: every step below it writes something.
            let (code, message) = describe(problem, place, target.is_empty());
            Violation::new(target, code, message)
        })
    }
}

/// The problem of a value of the JSON type `found` where `expected` belongs: `null` is a
/// missing value ([`Problem::Null`]), any other a wrong type.
fn wrong(expected: JsonType, found: JsonType) -> Problem {
    if found == JsonType::Null {
        Problem::Null { expected: Some(expected) }
    } else {
        Problem::WrongType { expected, found }
    }
}

/// The code and message of a problem found at `place` (the root when `at_root`): codes are the
/// rules' own constants where a rule has the same meaning (a missing property is `required`'s),
/// so that both paths name a problem alike.
fn describe(problem: Problem, place: &Path<'_>, at_root: bool) -> (&'static str, Message) {
    match problem {
        Problem::WrongType { expected, found } => (INVALID_PROPERTY_TYPE, Message::WrongType { expected, found }),
        Problem::Missing(name) => (required::CODE, required::missing_message(name)),
        // The very answer of an absent member (`required::missing`, which the walk records too),
        // so that `null` and absence read alike on every door.
        Problem::Null { .. } if !at_root => (required::CODE, required::missing(place).into_parts().1),
        Problem::Null { expected: Some(expected) } => (INVALID_PROPERTY_TYPE, Message::NullForType { expected }),
        Problem::Null { expected: None } => (INVALID_PROPERTY_TYPE, Message::NullNotAccepted),
        Problem::OutOfRange { value, min, max } => {
            (range::CODE, Message::IntegerOutOfRange { value: echo(&value), min, max })
        }
        Problem::Unknown(name) => (UNKNOWN_PROPERTY, Message::UnknownProperty { name: echo(&name) }),
        Problem::NotOneOf { value, allowed } => (one_of::CODE, not_one_of(&value, allowed).into_parts().1),
        Problem::Repeated => (DUPLICATE_PROPERTY, Message::DuplicateProperty),
        Problem::KeyNot { key, kind } => (INVALID_PROPERTY_TYPE, Message::KeyNotOfKind { key, kind }),
        Problem::NotOneCharacter(chars) => (INVALID_VALUE, Message::NotOneCharacter { chars }),
        Problem::ExactItems { expected, actual } => (
            if actual > expected { length::TOO_LONG } else { length::TOO_SHORT },
            Message::ExactItems { expected, actual },
        ),
        Problem::ItemCount { too_many: true } => (length::TOO_LONG, Message::TooManyItems),
        Problem::ItemCount { too_many: false } => (length::TOO_SHORT, Message::TooFewItems),
        Problem::NoShape => (INVALID_VALUE, Message::NoShape),
        Problem::ExtraMembers => (length::TOO_LONG, Message::ExtraMembers),
        // A value of the right type and in range that the type refuses (`NonZeroU8`'s 0).
        Problem::Refused(Refusal::Value(Seen::Integer(value))) => {
            (INVALID_VALUE, Message::NotAllowed { value: value.to_string(), text: false })
        }
        Problem::Refused(Refusal::Value(Seen::Text(text))) => {
            (INVALID_VALUE, Message::NotAllowed { value: text, text: true })
        }
        // Other refusals no `deserialize_*` method placed: raised after the value was read
        // whole (serde's untagged and internally tagged enums do so), or beside the point.
        Problem::Refused(Refusal::Type(found)) => (INVALID_PROPERTY_TYPE, Message::RefusedType { found }),
        Problem::Refused(Refusal::Length(_)) => (INVALID_VALUE, Message::WrongItemCount),
        Problem::Refused(Refusal::Value(Seen::Other)) | Problem::Custom => (INVALID_VALUE, Message::NotValid),
    }
}

/// `then` of the place `steps` lead to below `parent`: a [`Path`], so that targets are written
/// (escaped and cut) as everywhere else, and a message may name the place (its last name).
fn at_steps<'a, R>(
    mut steps: impl Iterator<Item = &'a Step>,
    parent: &Path<'_>,
    then: impl FnOnce(&Path<'_>) -> R,
) -> R {
    match steps.next() {
        None => then(parent),
        Some(Step::Member(name)) => at_steps(steps, &parent.member(name), then),
        Some(Step::Key(key)) => at_steps(steps, &parent.key(key), then),
        Some(Step::Index(index)) => at_steps(steps, &parent.index(*index), then),
    }
}

impl Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.problem)
    }
}

impl std::error::Error for ShapeError {}

// `expected` is never read: its text names Rust types. See the module documentation.
impl serde::de::Error for ShapeError {
    fn custom<T: Display>(_message: T) -> Self {
        Self::new(Problem::Custom)
    }

    fn invalid_type(found: Unexpected<'_>, _expected: &dyn Expected) -> Self {
        Self::new(Problem::Refused(Refusal::Type(json_type_of_unexpected(&found))))
    }

    fn invalid_value(found: Unexpected<'_>, _expected: &dyn Expected) -> Self {
        let seen = match found {
            Unexpected::Unsigned(value) => Seen::Integer(i128::from(value)),
            Unexpected::Signed(value) => Seen::Integer(i128::from(value)),
            Unexpected::Str(text) => Seen::Text(echo(text)),
            Unexpected::Char(c) => Seen::Text(echo(c.encode_utf8(&mut [0; 4]))),
            _ => Seen::Other,
        };
        Self::new(Problem::Refused(Refusal::Value(seen)))
    }

    fn invalid_length(len: usize, _expected: &dyn Expected) -> Self {
        Self::new(Problem::Refused(Refusal::Length(len)))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Self::new(Problem::NotOneOf { value: variant.to_owned(), allowed: expected })
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        Self::new(Problem::Unknown(field.to_owned()))
    }

    fn missing_field(field: &'static str) -> Self {
        Self::new(Problem::Missing(field)).under(Step::Member(field.to_owned()))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::new(Problem::Repeated).under(Step::Member(field.to_owned()))
    }
}

/// The JSON type a value was, from serde's description of it.
fn json_type_of_unexpected(found: &Unexpected<'_>) -> JsonType {
    match found {
        Unexpected::Bool(_) => JsonType::Boolean,
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => JsonType::Number,
        // A unit variant is a variant's name alone; bytes come from a string.
        Unexpected::Char(_) | Unexpected::Str(_) | Unexpected::Bytes(_) | Unexpected::UnitVariant => JsonType::Text,
        Unexpected::Unit | Unexpected::Option => JsonType::Null,
        Unexpected::Seq => JsonType::Array,
        Unexpected::Map
        | Unexpected::Enum
        | Unexpected::StructVariant
        | Unexpected::NewtypeVariant
        | Unexpected::TupleVariant => JsonType::Object,
        Unexpected::NewtypeStruct | Unexpected::Other(_) => JsonType::Other,
    }
}
