//! URL parameters (a query string's pairs, a path's captures) read into a type, every problem
//! placed at the parameter it is about.
//!
//! serde's own texts name Rust types (`u32`, `struct HubQuery`) and never reach an answer: the
//! deserializer below knows which parameter it reads and what it asked for (an integer, a
//! boolean, …), so a problem is a typed [`Message`] at the parameter's name, as the client wrote
//! it. Values are text: `7` is an integer when the type asks for one, `true` a boolean.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer as _, MapAccess, SeqAccess, Visitor};

// The body's codes: a parameter of the wrong kind, unknown or repeated is answered as a member is.
use crate::json::{DUPLICATE_PROPERTY, INVALID_PROPERTY_TYPE, UNKNOWN_PROPERTY};
use crate::message::JsonType;
use crate::rule_error::INVALID_VALUE;
use crate::rules::{one_of, range, required};
use crate::text::echo;
use crate::{Message, Validate, Violation, Violations};

/// The parameters, in the order the URL gives them, decoded.
pub(super) type Pairs<'a> = [(Cow<'a, str>, Cow<'a, str>)];

/// `T` read from `pairs` and validated: the problem that stopped the reading, or every violation
/// of the rules.
pub(super) fn read<T: DeserializeOwned + Validate>(pairs: &Pairs<'_>) -> Result<T, Violations> {
    let value = T::deserialize(Params(pairs)).map_err(|error| std::iter::once(error.into_violation()).collect())?;
    value.validate()?;
    Ok(value)
}

/// What is wrong with a parameter.
#[derive(Clone, Debug)]
enum Problem {
    Missing(&'static str),
    Unknown(String),
    Repeated,
    /// Not text of the kind the type asks for.
    Wrong(JsonType),
    /// An integer outside what its type holds.
    OutOfRange {
        value: String,
        min: &'static str,
        max: &'static str,
    },
    NotOneOf {
        value: String,
        allowed: &'static [&'static str],
    },
    NotOneCharacter(usize),
    /// Refused by the type's own `Deserialize`, for a reason written for programmers.
    Invalid,
}

/// A problem and the parameter it is about (none: the parameters as a whole).
#[derive(Clone, Debug)]
pub(super) struct ParamError {
    target: Option<String>,
    problem: Problem,
}

impl ParamError {
    fn new(problem: Problem) -> Self {
        ParamError { target: None, problem }
    }

    fn named(name: &str, problem: Problem) -> Self {
        ParamError { target: Some(name.to_owned()), problem }
    }

    /// The error placed at `key`, unless it is placed already.
    fn at(mut self, key: &str) -> Self {
        if self.target.is_none() {
            self.target = Some(key.to_owned());
        }
        self
    }

    fn into_violation(self) -> Violation {
        let (code, message) = match self.problem {
            Problem::Missing(name) => (required::CODE, required::missing_message(name)),
            Problem::Unknown(name) => (UNKNOWN_PROPERTY, Message::UnknownProperty { name: echo(&name) }),
            Problem::Repeated => (DUPLICATE_PROPERTY, Message::DuplicateProperty),
            Problem::Wrong(expected) => (INVALID_PROPERTY_TYPE, Message::WrongType { expected, found: JsonType::Text }),
            Problem::OutOfRange { value, min, max } => {
                (range::CODE, Message::IntegerOutOfRange { value: echo(&value), min, max })
            }
            Problem::NotOneOf { value, allowed } => {
                (one_of::CODE, Message::NotOneOf { value: echo(&value), allowed: Cow::Borrowed(allowed) })
            }
            Problem::NotOneCharacter(chars) => (INVALID_VALUE, Message::NotOneCharacter { chars }),
            Problem::Invalid => (INVALID_VALUE, Message::NotValid),
        };
        Violation::new(self.target.unwrap_or_default(), code, message)
    }
}

/// The violation's English text: never serde's.
impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.clone().into_violation(), f)
    }
}

impl std::error::Error for ParamError {}

impl de::Error for ParamError {
    fn custom<M: fmt::Display>(_: M) -> Self {
        ParamError::new(Problem::Invalid)
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        ParamError::new(Problem::NotOneOf { value: variant.to_owned(), allowed: expected })
    }

    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        ParamError::named(field, Problem::Unknown(field.to_owned()))
    }

    fn missing_field(field: &'static str) -> Self {
        ParamError::named(field, Problem::Missing(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        ParamError::named(field, Problem::Repeated)
    }
}

/// Every parameter: a struct or a map reads them by name, a tuple in order, and any other type
/// the one parameter there is.
struct Params<'p, 'a>(&'p Pairs<'a>);

impl<'de> Params<'de, '_> {
    /// The only parameter, for a type that reads one value.
    fn single(&self) -> Result<Value<'de>, ParamError> {
        match self.0 {
            [(key, text)] => Ok(Value { key, text }),
            _ => Err(ParamError::new(Problem::Invalid)),
        }
    }
}

/// Forwards each method to the one parameter there is.
macro_rules! to_single {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
            let value = self.single()?;
            let key = value.key;
            value.$method(visitor).map_err(|error| error.at(key))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Params<'de, '_> {
    type Error = ParamError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_map(ParamsMap { pairs: self.0.iter(), key: "", text: "" })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ParamError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_seq(ParamsSeq(self.0.iter()))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, ParamError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, ParamError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_unit()
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_unit()
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ParamError> {
        let value = self.single()?;
        let key = value.key;
        value.deserialize_enum(name, variants, visitor).map_err(|error| error.at(key))
    }

    to_single! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_identifier
    }
}

/// The parameters by name.
struct ParamsMap<'p, 'a> {
    pairs: std::slice::Iter<'p, (Cow<'a, str>, Cow<'a, str>)>,
    key: &'p str,
    text: &'p str,
}

impl<'de> MapAccess<'de> for ParamsMap<'de, '_> {
    type Error = ParamError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, ParamError> {
        let Some((key, text)) = self.pairs.next() else { return Ok(None) };
        self.key = key;
        self.text = text;
        let key: StrDeserializer<'_, ParamError> = key.as_ref().into_deserializer();
        seed.deserialize(key).map(Some).map_err(|error| error.at(self.key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ParamError> {
        seed.deserialize(Value { key: self.key, text: self.text }).map_err(|error| error.at(self.key))
    }
}

/// The parameters in order.
struct ParamsSeq<'p, 'a>(std::slice::Iter<'p, (Cow<'a, str>, Cow<'a, str>)>);

impl<'de> SeqAccess<'de> for ParamsSeq<'de, '_> {
    type Error = ParamError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, ParamError> {
        let Some((key, text)) = self.0.next() else { return Ok(None) };
        seed.deserialize(Value { key, text }).map(Some).map_err(|error| error.at(key))
    }
}

/// One parameter's text, read as the kind the type asks for.
struct Value<'de> {
    key: &'de str,
    text: &'de str,
}

impl Value<'_> {
    fn wrong(&self, expected: JsonType) -> ParamError {
        ParamError::named(self.key, Problem::Wrong(expected))
    }

    /// `-0`, `-00`, …
    fn is_negative_zero(&self) -> bool {
        self.text.strip_prefix('-').is_some_and(|zeros| !zeros.is_empty() && zeros.bytes().all(|b| b == b'0'))
    }

    /// Text that is no integer of the type: out of its range when it is an integer at all.
    fn not_integer(&self, min: &'static str, max: &'static str) -> ParamError {
        let digits = self.text.strip_prefix(['-', '+']).unwrap_or(self.text);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            ParamError::named(self.key, Problem::OutOfRange { value: self.text.to_owned(), min, max })
        } else {
            self.wrong(JsonType::Integer)
        }
    }
}

/// The integer methods: the text parsed as the type, or the problem.
macro_rules! integers {
    ($($method:ident $visit:ident $ty:ty, $min:literal, $max:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
            match self.text.parse::<$ty>() {
                Ok(n) => visitor.$visit(n),
                // `-0` is zero, which Rust's parser accepts for signed types only.
                Err(_) if self.is_negative_zero() => visitor.$visit(0),
                Err(_) => Err(self.not_integer($min, $max)),
            }
        }
    )*};
}

/// Methods of kinds one piece of text never is.
macro_rules! never {
    ($($method:ident($($arg:ty),*) $kind:ident;)*) => {$(
        fn $method<V: Visitor<'de>>(self, $(_: $arg,)* _: V) -> Result<V::Value, ParamError> {
            Err(self.wrong(JsonType::$kind))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Value<'de> {
    type Error = ParamError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_borrowed_str(self.text)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        match self.text {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(self.wrong(JsonType::Boolean)),
        }
    }

    integers! {
        deserialize_i8 visit_i8 i8, "-128", "127";
        deserialize_i16 visit_i16 i16, "-32768", "32767";
        deserialize_i32 visit_i32 i32, "-2147483648", "2147483647";
        deserialize_i64 visit_i64 i64, "-9223372036854775808", "9223372036854775807";
        deserialize_i128 visit_i128 i128, "-170141183460469231731687303715884105728", "170141183460469231731687303715884105727";
        deserialize_u8 visit_u8 u8, "0", "255";
        deserialize_u16 visit_u16 u16, "0", "65535";
        deserialize_u32 visit_u32 u32, "0", "4294967295";
        deserialize_u64 visit_u64 u64, "0", "18446744073709551615";
        deserialize_u128 visit_u128 u128, "0", "340282366920938463463374607431768211455";
    }

    // `str::parse` reads `inf`, `NaN` and `1e400` (an infinity): none is a number a JSON body can
    // hold, and an infinity would pass `range(min = 0.0)`. Found by the review of issue 15.
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        match self.text.parse::<f32>() {
            Ok(n) if n.is_finite() => visitor.visit_f32(n),
            _ => Err(self.wrong(JsonType::Number)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        match self.text.parse::<f64>() {
            Ok(n) if n.is_finite() => visitor.visit_f64(n),
            _ => Err(self.wrong(JsonType::Number)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        let mut chars = self.text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => visitor.visit_char(c),
            _ => Err(ParamError::named(self.key, Problem::NotOneCharacter(self.text.chars().count()))),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_borrowed_str(self.text)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_borrowed_str(self.text)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_borrowed_str(self.text)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_borrowed_bytes(self.text.as_bytes())
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_borrowed_bytes(self.text.as_bytes())
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ParamError> {
        let text: StrDeserializer<'_, ParamError> = self.text.into_deserializer();
        visitor.visit_enum(text)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_unit()
    }

    never! {
        deserialize_seq() Array;
        deserialize_tuple(usize) Array;
        deserialize_tuple_struct(&'static str, usize) Array;
        deserialize_map() Object;
        deserialize_struct(&'static str, &'static [&'static str]) Object;
    }
}
