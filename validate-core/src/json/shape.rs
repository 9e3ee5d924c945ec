//! Shape problems: well-formed JSON that does not fit the type, with the place it was found.

use std::fmt::{self, Display};

use serde::de::{Expected, Unexpected};

use crate::error_response::ErrorDetail;
use crate::path::Path;
use crate::rules::one_of::not_one_of;
use crate::text::Echo;

/// What is wrong with the value at one place.
#[derive(Debug)]
pub(crate) enum Problem {
    /// The JSON type is wrong: `expected` and `found` name JSON types ("a string", "an object").
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    Missing(&'static str),
    /// A number outside what its integer type holds.
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
    /// A message from a type's own `Deserialize` impl.
    Other(String),
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

    pub(crate) fn wrong_type(expected: &'static str, found: &'static str) -> Self {
        Self::new(Problem::WrongType { expected, found })
    }

    /// The ARM detail: code, target and message.
    pub(crate) fn into_detail(self) -> ErrorDetail {
        self.into_detail_at(&Path::root())
    }

    /// The ARM detail of a problem found in the value at `at`.
    pub(crate) fn into_detail_at(self, at: &Path<'_>) -> ErrorDetail {
        let target = render(self.steps.iter().rev(), at);
        let (code, message) = match self.problem {
            Problem::WrongType { expected, found } => {
                ("InvalidPropertyType", format!("Expected {expected} but found {found}."))
            }
            Problem::Missing(name) => {
                ("MissingRequiredProperty", format!("The property '{}' is required.", Echo(name)))
            }
            Problem::OutOfRange { value, min, max } => {
                ("ValueOutOfRange", format!("The value {} is outside the range {min} to {max}.", Echo(&value)))
            }
            Problem::Unknown(name) => {
                ("UnknownProperty", format!("The property '{}' is not allowed here.", Echo(&name)))
            }
            Problem::NotOneOf { value, allowed } => {
                let error = not_one_of(&value, allowed);
                ("InvalidEnumValue", error.message().to_owned())
            }
            Problem::Repeated => ("DuplicateProperty", "The property appears more than once.".to_owned()),
            Problem::Other(message) => ("InvalidValue", format!("The value is invalid: {}.", Echo(&message))),
        };
        ErrorDetail::new(code, message).with_target(target)
    }
}

/// The target of `steps` below `parent`, written by [`Path`] so that escaping and caps match.
fn render<'a>(mut steps: impl Iterator<Item = &'a Step>, parent: &Path<'_>) -> String {
    match steps.next() {
        None => parent.target(),
        Some(Step::Member(name)) => render(steps, &parent.member(name)),
        Some(Step::Key(key)) => render(steps, &parent.key(key)),
        Some(Step::Index(index)) => render(steps, &parent.index(*index)),
    }
}

impl Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.problem)
    }
}

impl std::error::Error for ShapeError {}

impl serde::de::Error for ShapeError {
    fn custom<T: Display>(message: T) -> Self {
        Self::new(Problem::Other(message.to_string()))
    }

    fn invalid_type(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Self::wrong_type(json_type_of_expected(expected), json_type_of_unexpected(&found))
    }

    fn invalid_value(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        let value = match found {
            Unexpected::Unsigned(n) => n.to_string(),
            Unexpected::Signed(n) => n.to_string(),
            _ => return Self::wrong_type(json_type_of_expected(expected), json_type_of_unexpected(&found)),
        };
        match integer_range(&expected.to_string()) {
            Some((min, max)) => Self::new(Problem::OutOfRange { value, min, max }),
            None => Self::new(Problem::Other(format!("{value} is not {expected}"))),
        }
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
fn json_type_of_unexpected(found: &Unexpected<'_>) -> &'static str {
    match found {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "a number",
        Unexpected::Char(_) | Unexpected::Str(_) => "a string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map
        | Unexpected::Enum
        | Unexpected::StructVariant
        | Unexpected::NewtypeVariant
        | Unexpected::TupleVariant => "an object",
        Unexpected::Bytes(_) | Unexpected::UnitVariant | Unexpected::NewtypeStruct | Unexpected::Other(_) => {
            "another kind of value"
        }
    }
}

/// The JSON type serde's `expecting` text asks for, without the Rust names it may contain
/// (`struct RelationshipDefinition` becomes `an object`).
pub(crate) fn json_type_of_expected(expected: &dyn Expected) -> &'static str {
    let text = expected.to_string();
    let text = text.trim_start_matches("a ").trim_start_matches("an ");
    let integer = ["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "integer"];
    if text.starts_with("struct") || text.starts_with("map") || text.contains("map ") {
        "an object"
    } else if text.starts_with("sequence") || text.starts_with("tuple") || text.starts_with("array") {
        "an array"
    } else if text.starts_with("string")
        || text.starts_with("char")
        || text.contains("identifier")
        || text.starts_with("enum")
    {
        "a string"
    } else if integer.iter().any(|name| text.starts_with(name)) {
        "an integer"
    } else if text == "f32" || text == "f64" || text.starts_with("number") {
        "a number"
    } else if text.starts_with("bool") {
        "a boolean"
    } else if text.starts_with("unit") {
        "null"
    } else {
        "a valid value"
    }
}

/// The bounds of the integer type serde names in `expected` (`u8`, `i64`, …).
fn integer_range(expected: &str) -> Option<(&'static str, &'static str)> {
    Some(match expected {
        "u8" => ("0", "255"),
        "u16" => ("0", "65535"),
        "u32" => ("0", "4294967295"),
        "u64" => ("0", "18446744073709551615"),
        "i8" => ("-128", "127"),
        "i16" => ("-32768", "32767"),
        "i32" => ("-2147483648", "2147483647"),
        "i64" => ("-9223372036854775808", "9223372036854775807"),
        _ => return None,
    })
}
