//! Reads a type from a [`Tree`] as `serde_json` reads it from bytes, so that a shape problem
//! gets its exact target and a message in JSON's terms. The failure path only.
//!
//! Every `deserialize_*` method knows the JSON kind it stands for ([`Kind`]): a wrong JSON type
//! is refused with it, and a visitor's own refusal (`invalid_type`, `invalid_value`,
//! `invalid_length`) of the value is placed with it on the way out ([`ShapeError::resolve`]).
//! Whether a key is a struct member (`.name`) or a map key (`['name']`) is known from how it is
//! read: serde's derived field visitors read keys with `deserialize_identifier`.

use std::cell::Cell;

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

use crate::message::JsonType;

use super::shape::{Here, Int, Kind, Problem, ShapeError, Step};
use super::tree::{Member, Tree};

/// A deserializer over one value of the tree.
pub struct TreeDeserializer<'t> {
    tree: &'t Tree,
    /// Set when the value was read with `deserialize_any`, for [`TreeDeserializer::read`].
    read_any: Option<&'t Cell<bool>>,
}

impl<'t> TreeDeserializer<'t> {
    pub(crate) fn new(tree: &'t Tree) -> Self {
        TreeDeserializer { tree, read_any: None }
    }

    /// Reads `tree` with `read` (`T::deserialize`, or a `deserialize_with` function).
    ///
    /// A type that reads its value with `deserialize_any` accepts several shapes and picks one
    /// afterwards (serde's untagged enums, impls that read a `Value` first); its `custom`
    /// refusal then means the value matches none of them. serde's text for it names the Rust
    /// type, so it is said here instead. (Such a type given `null` keeps that answer: the walk
    /// gives it too, having tried every shape.)
    ///
    /// A `null` the type refuses is a missing value (see [`Problem::Null`]): the `deserialize_*`
    /// methods say so of a `null` they refuse ([`ShapeError::wrong_type`]), and a visitor's own
    /// refusal of it is recognised here, where the value is known to be `null`. A `null` that serde
    /// refuses in a value it buffered first (a flattened struct's field, an internally tagged
    /// variant's) comes out of the enclosing object, which is no `null`, with no member to name:
    /// it stays a refusal there, as a wrong type there does (the walk places both).
    pub(crate) fn read<T>(
        tree: &Tree,
        read: impl FnOnce(TreeDeserializer<'_>) -> Result<T, ShapeError>,
    ) -> Result<T, ShapeError> {
        let read_any = Cell::new(false);
        read(TreeDeserializer { tree, read_any: Some(&read_any) }).map_err(|error| {
            if read_any.get() && error.is_custom_here() {
                ShapeError::new(Problem::NoShape)
            } else if matches!(tree, Tree::Null) {
                error.of_null()
            } else {
                error
            }
        })
    }

    /// The value, for placing a refusal of it.
    fn here(&self) -> Here<'t> {
        match self.tree {
            Tree::Unsigned(value) => Here::Number(Some(i128::from(*value))),
            Tree::Signed(value) => Here::Number(Some(i128::from(*value))),
            Tree::Float(_) => Here::Number(None),
            Tree::Integer(text) => Here::Number(text.parse().ok()),
            Tree::Text(text) => Here::Text(text),
            Tree::Array(items) => Here::Items(items.len()),
            other => Here::Other(other.kind()),
        }
    }

    /// The value is not of `kind`'s JSON type.
    fn wrong(&self, kind: Kind) -> ShapeError {
        ShapeError::wrong_type(kind.expected(), self.tree.kind())
    }

    /// `serde_json`'s `deserialize_number`: any number goes to the visitor as it was read, an
    /// integer beyond 64 bits as a float. An integer type refuses that float, and is told why in
    /// its terms: the integer is out of its range, as one within 64 bits but beyond the type is.
    fn number<'de, V: Visitor<'de>>(self, kind: Kind, visitor: V) -> Result<V::Value, ShapeError> {
        let read: Result<V::Value, ShapeError> = match self.tree {
            Tree::Unsigned(value) => visitor.visit_u64(*value),
            Tree::Signed(value) => visitor.visit_i64(*value),
            Tree::Float(value) => visitor.visit_f64(*value),
            Tree::Integer(text) => visitor.visit_f64(Tree::float_of(text)).map_err(|error| match kind {
                Kind::Integer(int) => ShapeError::new(int.out_of_range(text.to_string())),
                _ => error,
            }),
            _ => return Err(self.wrong(kind)),
        };
        read.map_err(|error: ShapeError| error.resolve(kind, self.here()))
    }

    /// `serde_json` reads 128-bit integers from their digits: an integer, `-0` included for
    /// `i128`, and no sign for `u128`; digits beyond the type's range are out of it.
    fn integer_128<'de, V: Visitor<'de>>(self, int: Int, visitor: V) -> Result<V::Value, ShapeError> {
        let kind = Kind::Integer(int);
        let out_of_range = |text: &str| ShapeError::new(int.out_of_range(text.to_owned()));
        let read: Result<V::Value, ShapeError> = match (int, self.tree) {
            (Int::I128, Tree::Unsigned(value)) => visitor.visit_i128(i128::from(*value)),
            (Int::I128, Tree::Signed(value)) => visitor.visit_i128(i128::from(*value)),
            (Int::I128, Tree::Integer(text)) => match text.parse() {
                Ok(value) => visitor.visit_i128(value),
                Err(_) => return Err(out_of_range(text)),
            },
            (_, Tree::Integer(text)) => match text.parse() {
                Ok(value) => visitor.visit_u128(value),
                // Negative, or beyond 128 bits.
                Err(_) => return Err(out_of_range(text)),
            },
            (Int::I128, Tree::Float(value)) if *value == 0.0 && value.is_sign_negative() => visitor.visit_i128(0),
            // serde_json refuses `-0` for `u128` (for its sign); "out of range" would be false of
            // zero, so it is what it is for every other unsigned type: a number of the wrong type.
            (_, Tree::Unsigned(value)) => visitor.visit_u128(u128::from(*value)),
            (_, Tree::Signed(value)) => return Err(out_of_range(&value.to_string())),
            // A fraction or an exponent, of either sign: a number of the wrong type, as for
            // every integer type.
            _ => return Err(self.wrong(kind)),
        };
        read.map_err(|error: ShapeError| error.resolve(kind, self.here()))
    }

    /// A string, given to the visitor as `serde_json` gives it.
    fn text<'de, V: Visitor<'de>>(self, kind: Kind, visitor: V) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Text(text) => {
                visitor.visit_str(text).map_err(|error: ShapeError| error.resolve(kind, Here::Text(text)))
            }
            _ => Err(self.wrong(kind)),
        }
    }

    /// An array; `len` for a tuple, which takes exactly that many items.
    fn array<'de, V: Visitor<'de>>(self, len: Option<usize>, visitor: V) -> Result<V::Value, ShapeError> {
        let kind = len.map_or(Kind::Array, Kind::Tuple);
        match self.tree {
            Tree::Array(items) => {
                read_items(items, len, visitor).map_err(|error: ShapeError| error.resolve(kind, self.here()))
            }
            _ => Err(self.wrong(kind)),
        }
    }

    /// An object, for a struct or a map.
    fn object<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Object(members) => {
                read_members(members, visitor).map_err(|error: ShapeError| error.resolve(Kind::Object, self.here()))
            }
            _ => Err(self.wrong(Kind::Object)),
        }
    }
}

/// Gives the items to the visitor. Items it leaves unread are refused, as `serde_json` refuses
/// them (its `end_seq`): serde's own impls read every item or, for tuples and arrays, `len`.
fn read_items<'de, V: Visitor<'de>>(items: &[Tree], len: Option<usize>, visitor: V) -> Result<V::Value, ShapeError> {
    let mut access = Items { items: items.iter().enumerate() };
    let value = visitor.visit_seq(&mut access)?;
    if access.items.len() == 0 {
        return Ok(value);
    }
    Err(ShapeError::new(match len {
        Some(expected) => Problem::ExactItems { expected, actual: items.len() },
        None => Problem::ItemCount { too_many: true },
    }))
}

/// Gives the members to the visitor, in document order and repeats included, as `serde_json`
/// does: serde's derived code refuses a repeated field, a map keeps the last value. Members it
/// leaves unread are refused, as `serde_json` refuses them (its `end_map`).
fn read_members<'de, V: Visitor<'de>>(members: &[Member], visitor: V) -> Result<V::Value, ShapeError> {
    let mut access = Members { entries: members, next: 0, pending: false, is_member: Cell::new(false) };
    let value = visitor.visit_map(&mut access).map_err(|error| access.placed(error))?;
    if access.next < members.len() || access.pending {
        return Err(ShapeError::new(Problem::ExtraMembers));
    }
    Ok(value)
}

/// `deserialize_*` methods that read a number of one kind: the integer types of 64 bits and fewer
/// and the floats (128-bit integers have their own, for their digits).
macro_rules! numbers {
    ($($method:ident => $kind:expr),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
            self.number($kind, visitor)
        }
    )*};
}

impl<'de> Deserializer<'de> for TreeDeserializer<'_> {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        let read = match self.tree {
            Tree::Null => visitor.visit_unit(),
            Tree::Bool(value) => visitor.visit_bool(*value),
            Tree::Unsigned(value) => visitor.visit_u64(*value),
            Tree::Signed(value) => visitor.visit_i64(*value),
            Tree::Float(value) => visitor.visit_f64(*value),
            Tree::Integer(text) => visitor.visit_f64(Tree::float_of(text)),
            Tree::Text(value) => visitor.visit_str(value),
            Tree::Array(items) => read_items(items, None, visitor),
            Tree::Object(members) => read_members(members, visitor),
        };
        if let (Ok(_), Some(read_any)) = (&read, self.read_any) {
            read_any.set(true);
        }
        read
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Bool(value) => {
                visitor.visit_bool(*value).map_err(|error: ShapeError| error.resolve(Kind::Boolean, self.here()))
            }
            _ => Err(self.wrong(Kind::Boolean)),
        }
    }

    numbers! {
        deserialize_i8 => Kind::Integer(Int::I8),
        deserialize_i16 => Kind::Integer(Int::I16),
        deserialize_i32 => Kind::Integer(Int::I32),
        deserialize_i64 => Kind::Integer(Int::I64),
        deserialize_u8 => Kind::Integer(Int::U8),
        deserialize_u16 => Kind::Integer(Int::U16),
        deserialize_u32 => Kind::Integer(Int::U32),
        deserialize_u64 => Kind::Integer(Int::U64),
        deserialize_f32 => Kind::Number,
        deserialize_f64 => Kind::Number,
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer_128(Int::I128, visitor)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer_128(Int::U128, visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.text(Kind::Char, visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.text(Kind::String, visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.text(Kind::String, visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.text(Kind::String, visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        // serde_json gives a string's bytes, and reads an array as a sequence of them.
        match self.tree {
            Tree::Text(text) => visitor
                .visit_bytes(text.as_bytes())
                .map_err(|error: ShapeError| error.resolve(Kind::String, Here::Text(text))),
            Tree::Array(_) => self.array(None, visitor),
            _ => Err(self.wrong(Kind::String)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Null => visitor.visit_unit().map_err(|error: ShapeError| error.resolve(Kind::Null, self.here())),
            _ => Err(self.wrong(Kind::Null)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, ShapeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.array(None, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, ShapeError> {
        self.array(Some(len), visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        self.array(Some(len), visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.object(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        match self.tree {
            // serde_json reads an array as the struct's fields in order: what it reads is read
            // here too, so that a later problem does not hide behind this one. What it refuses is
            // refused at the array, in the contract's terms (an array where an object belongs),
            // not at the item where serde_json stopped.
            Tree::Array(items) => read_items(items, None, visitor).map_err(|_| self.wrong(Kind::Object)),
            _ => self.object(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        let read: Result<V::Value, ShapeError> = match self.tree {
            Tree::Text(variant) => visitor.visit_enum(variant.as_str().into_deserializer()),
            // As serde_json: the first member names the variant and holds its content, and is
            // read before a member after it is refused.
            Tree::Object(members) if !members.is_empty() => match members.split_first() {
                Some(((variant, content), extra)) => {
                    let read = visitor.visit_enum(Variant { variant, content })?;
                    match extra.first() {
                        Some((key, _)) => {
                            Err(ShapeError::new(Problem::Unknown(key.to_string())).under(Step::Member(key.to_string())))
                        }
                        None => Ok(read),
                    }
                }
                None => Err(ShapeError::wrong_type(JsonType::Text, JsonType::EmptyObject)),
            },
            other => Err(ShapeError::wrong_type(JsonType::Text, other.kind())),
        };
        read.map_err(|error: ShapeError| error.resolve(Kind::Enum, self.here()))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        visitor.visit_unit()
    }
}

/// The items of an array, each at `[index]`.
struct Items<'t> {
    items: std::iter::Enumerate<std::slice::Iter<'t, Tree>>,
}

impl<'de> de::SeqAccess<'de> for Items<'_> {
    type Error = ShapeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, ShapeError> {
        match self.items.next() {
            None => Ok(None),
            Some((index, item)) => TreeDeserializer::read(item, |item| seed.deserialize(item))
                .map(Some)
                .map_err(|e| e.under(Step::Index(index))),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The members of an object, every one in document order (repeats too), each at `.name` when
/// its key was read as a struct's field and at `['key']` when it was read as a map's key.
struct Members<'t> {
    entries: &'t [Member],
    /// The member after the last key given.
    next: usize,
    /// The last key given waits for its value.
    pending: bool,
    /// The last key given was read with `deserialize_identifier`.
    is_member: Cell<bool>,
}

impl Members<'_> {
    fn step(&self, key: &str) -> Step {
        if self.is_member.get() { Step::Member(key.to_owned()) } else { Step::Key(key.to_owned()) }
    }

    /// The error of a visitor that refused the map: a `custom` error of its own right after a
    /// key it had already been given refuses the repeat (`json::unique_keys` does this), and is
    /// placed at that key. Only looked into when the visitor fails.
    fn placed(&self, error: ShapeError) -> ShapeError {
        let Some(last) = self.next.checked_sub(1) else {
            return error;
        };
        let key = &self.entries[last].0;
        if error.is_custom_here() && self.entries[..last].iter().any(|(earlier, _)| earlier == key) {
            ShapeError::new(Problem::Repeated).under(self.step(key))
        } else {
            error
        }
    }
}

impl Members<'_> {
    /// The error of the value of the member `key`, the last one given.
    ///
    /// A struct's field given twice is `DuplicateProperty` at the field whatever its copies hold,
    /// as the walk says. serde's derived code refuses the second copy (`duplicate_field`) only
    /// when it gets there: a first copy that does not read stops it first, and would hide the
    /// repeat. So a field whose value does not read and whose key comes again later in the
    /// object is refused as repeated.
    ///
    /// Which members count: those whose key was read as a field's (`deserialize_identifier`) and
    /// whose value then failed to read. A map reads its keys otherwise and keeps `serde_json`'s
    /// behaviour (the last copy wins, every copy having to read; `json::unique_keys` refuses
    /// repeats). A struct with a `flatten` field is read through `deserialize_map` and reads
    /// every key as a field's, but the members none of its own fields takes go whole into
    /// serde's buffer, which never fails: its own fields count, and the members it keeps for a
    /// flattened map keep the map's behaviour, on which `serde_json` and the walk agree. A
    /// flattened struct's field given twice is read by serde from that buffer, out of sight:
    /// `duplicate_field` when its first copy reads, else the first copy's problem, as with
    /// `serde_json` (the walk says `DuplicateProperty` in both cases).
    ///
    /// Aliases: serde refuses a field given under two of its names when it reads the second, at
    /// the field's name, as the walk does. Copies are matched here by the key as written, since
    /// which keys are one field only the type's field visitor knows, and its answers cannot be
    /// compared: one alias given twice with a first copy that does not read is refused at that
    /// alias (the walk names the field), and a field given under two names with a first copy that
    /// does not read gives that copy's problem (the walk says `DuplicateProperty`).
    fn refused(&self, key: &str, error: ShapeError) -> ShapeError {
        let later = self.entries.get(self.next..).unwrap_or_default();
        if self.is_member.get() && later.iter().any(|(other, _)| &**other == key) {
            ShapeError::new(Problem::Repeated).under(self.step(key))
        } else {
            error.under(self.step(key))
        }
    }
}

impl<'de> de::MapAccess<'de> for Members<'_> {
    type Error = ShapeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, ShapeError> {
        let entries = self.entries;
        let Some((key, _)) = entries.get(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        self.pending = true;
        self.is_member.set(false);
        let read = seed.deserialize(KeyDeserializer { key, is_member: Some(&self.is_member) });
        read.map(Some).map_err(|e| e.under(self.step(key)))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ShapeError> {
        if !std::mem::replace(&mut self.pending, false) {
            // A visitor's misuse, never serde's: reported as a value that cannot be read.
            return Err(ShapeError::new(Problem::Custom));
        }
        let Some((key, value)) = self.next.checked_sub(1).and_then(|last| self.entries.get(last)) else {
            return Err(ShapeError::new(Problem::Custom));
        };
        TreeDeserializer::read(value, |value| seed.deserialize(value)).map_err(|error| self.refused(key, error))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() - self.next)
    }
}

/// A map key, read as `serde_json` reads keys (its `MapKey`): a string for strings, and its text
/// parsed for integers, floats and booleans. Its errors have no step: the caller places them at
/// the entry.
pub(crate) struct KeyDeserializer<'a> {
    key: &'a str,
    /// Set when the key is read with `deserialize_identifier`: then it names a struct's member.
    is_member: Option<&'a Cell<bool>>,
}

impl<'a> KeyDeserializer<'a> {
    /// A deserializer of the map key `key`, read on its own (the walk reads map keys so).
    pub(crate) fn new(key: &'a str) -> Self {
        KeyDeserializer { key, is_member: None }
    }

    /// `serde_json` parses the key as a JSON number (`deserialize_number`) for an integer type:
    /// an integer too large for 64 bits and `-0` are floats, which integer types refuse.
    fn integer<'de, V: Visitor<'de>>(self, int: Int, visitor: V) -> Result<V::Value, ShapeError> {
        let kind = Kind::Integer(int);
        let key = self.key;
        let read: Result<V::Value, ShapeError> = match parse_number(key) {
            Some(Number::Unsigned(value)) => visitor.visit_u64(value),
            Some(Number::Signed(value)) => visitor.visit_i64(value),
            Some(Number::Float(value)) => visitor.visit_f64(value),
            Some(Number::Infinite) if is_integer(key) => return Err(ShapeError::new(int.out_of_range(key.to_owned()))),
            Some(Number::Infinite) | None => return Err(ShapeError::key_not(key, kind)),
        };
        read.map_err(|error: ShapeError| {
            // An integer beyond 64 bits is refused as a float: say what it is.
            if is_integer(key) && key != "-0" && parse_integer(key).is_none_or(|value| !int.holds(value)) {
                return ShapeError::new(int.out_of_range(key.to_owned()));
            }
            error.resolve_key(kind, key, Here::Number(parse_integer(key)))
        })
    }

    /// `serde_json` reads 128-bit integer keys from their digits (`-0` is 0 for `i128`; no sign
    /// for `u128`).
    fn integer_128<'de, V: Visitor<'de>>(self, int: Int, visitor: V) -> Result<V::Value, ShapeError> {
        let kind = Kind::Integer(int);
        let key = self.key;
        if !is_integer(key) {
            return Err(ShapeError::key_not(key, kind));
        }
        // Digits beyond the type's 128 bits, or a sign for `u128`: serde_json's "number out of range".
        let out_of_range = || ShapeError::new(int.out_of_range(key.to_owned()));
        let read: Result<V::Value, ShapeError> = match int {
            Int::I128 => visitor.visit_i128(key.parse().map_err(|_| out_of_range())?),
            _ if key.starts_with('-') => return Err(out_of_range()),
            _ => visitor.visit_u128(key.parse().map_err(|_| out_of_range())?),
        };
        read.map_err(|error: ShapeError| error.resolve_key(kind, key, Here::Number(parse_integer(key))))
    }

    /// A float key: any JSON number.
    fn float<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        let key = self.key;
        let read: Result<V::Value, ShapeError> = match parse_number(key) {
            Some(Number::Unsigned(value)) => visitor.visit_u64(value),
            Some(Number::Signed(value)) => visitor.visit_i64(value),
            Some(Number::Float(value)) => visitor.visit_f64(value),
            Some(Number::Infinite) => {
                let (min, max) = ("-1.7976931348623157e308", "1.7976931348623157e308");
                return Err(ShapeError::new(Problem::OutOfRange { value: key.to_owned(), min, max }));
            }
            None => return Err(ShapeError::key_not(key, Kind::Number)),
        };
        read.map_err(|error: ShapeError| error.resolve_key(Kind::Number, key, Here::Number(None)))
    }

    /// The key as a string.
    fn text<'de, V: Visitor<'de>>(self, kind: Kind, visitor: V) -> Result<V::Value, ShapeError> {
        visitor.visit_str(self.key).map_err(|error: ShapeError| error.resolve_key(kind, self.key, Here::Text(self.key)))
    }
}

impl<'de> Deserializer<'de> for KeyDeserializer<'_> {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        visitor.visit_str(self.key)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        if let Some(is_member) = self.is_member {
            is_member.set(true);
        }
        self.text(Kind::String, visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        let read: Result<V::Value, ShapeError> = match self.key {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            key => return Err(ShapeError::key_not(key, Kind::Boolean)),
        };
        read.map_err(|error: ShapeError| error.resolve_key(Kind::Boolean, self.key, Here::Text(self.key)))
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer(Int::I8, visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer(Int::I16, visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer(Int::I32, visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer(Int::I64, visitor)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer_128(Int::I128, visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer(Int::U8, visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer(Int::U16, visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer(Int::U32, visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer(Int::U64, visitor)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.integer_128(Int::U128, visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.float(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.float(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.text(Kind::Char, visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.text(Kind::String, visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.text(Kind::String, visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        visitor
            .visit_bytes(self.key.as_bytes())
            .map_err(|error: ShapeError| error.resolve_key(Kind::String, self.key, Here::Text(self.key)))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        // A key is never null.
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        let deserializer: StrDeserializer<'_, ShapeError> = self.key.into_deserializer();
        visitor
            .visit_enum(deserializer)
            .map_err(|error: ShapeError| error.resolve_key(Kind::Enum, self.key, Here::Text(self.key)))
    }

    // serde_json reads these from a key's string, through `deserialize_any`.
    serde::forward_to_deserialize_any! {
        unit unit_struct seq tuple tuple_struct map struct ignored_any
    }
}

/// A key's text read as a JSON number, as `serde_json`'s `deserialize_number` reads it.
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    /// A number too large for a float: `serde_json` refuses it.
    Infinite,
}

/// `text` as a JSON number, or `None` when it is not one (JSON's grammar exactly: no `+`, no
/// leading zeros, no `.5`, no spaces).
fn parse_number(text: &str) -> Option<Number> {
    let (int, mut rest) = leading_digits(text.strip_prefix('-').unwrap_or(text));
    if int.is_empty() || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    let mut integer = true;
    if let Some(after) = rest.strip_prefix('.') {
        let (fraction, after) = leading_digits(after);
        if fraction.is_empty() {
            return None;
        }
        (rest, integer) = (after, false);
    }
    if let Some(after) = rest.strip_prefix(['e', 'E']) {
        let (exponent, after) = leading_digits(after.strip_prefix(['+', '-']).unwrap_or(after));
        if exponent.is_empty() {
            return None;
        }
        (rest, integer) = (after, false);
    }
    if !rest.is_empty() {
        return None;
    }
    let float = || {
        let value: f64 = text.parse().ok()?;
        Some(if value.is_finite() { Number::Float(value) } else { Number::Infinite })
    };
    match (integer, text.starts_with('-')) {
        (true, false) => text.parse().ok().map(Number::Unsigned).or_else(float),
        // serde_json reads `-0` as a float.
        (true, true) if text == "-0" => Some(Number::Float(-0.0)),
        (true, true) => text.parse().ok().map(Number::Signed).or_else(float),
        (false, _) => float(),
    }
}

/// The leading ASCII digits of `text`, and the rest.
fn leading_digits(text: &str) -> (&str, &str) {
    text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()))
}

/// Whether `text` is a JSON integer: `-`, then `0` or digits not starting with `0`.
fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (digits == "0" || !digits.starts_with('0'))
}

/// An integer key's value, when it fits 128 bits.
fn parse_integer(text: &str) -> Option<i128> {
    if is_integer(text) { text.parse().ok() } else { None }
}

/// `{"Variant": content}`: an externally tagged enum variant with content.
struct Variant<'t> {
    variant: &'t str,
    content: &'t Tree,
}

impl<'de, 't> de::EnumAccess<'de> for Variant<'t> {
    type Error = ShapeError;
    type Variant = Content<'t>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Content<'t>), ShapeError> {
        let deserializer: StrDeserializer<'_, ShapeError> = self.variant.into_deserializer();
        // An unknown variant is a problem of the enum's own value: no step is added.
        let value = seed.deserialize(deserializer)?;
        Ok((value, Content { variant: self.variant, content: self.content }))
    }
}

/// The content of a variant, at `.Variant`.
struct Content<'t> {
    variant: &'t str,
    content: &'t Tree,
}

impl Content<'_> {
    fn here(&self, error: ShapeError) -> ShapeError {
        error.under(Step::Member(self.variant.to_owned()))
    }
}

impl<'de> de::VariantAccess<'de> for Content<'_> {
    type Error = ShapeError;

    fn unit_variant(self) -> Result<(), ShapeError> {
        match self.content {
            Tree::Null => Ok(()),
            other => Err(self.here(ShapeError::wrong_type(JsonType::Null, other.kind()))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, ShapeError> {
        TreeDeserializer::read(self.content, |content| seed.deserialize(content)).map_err(|e| self.here(e))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, ShapeError> {
        TreeDeserializer::new(self.content).deserialize_tuple(len, visitor).map_err(|e| self.here(e))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        TreeDeserializer::new(self.content).deserialize_struct("", fields, visitor).map_err(|e| self.here(e))
    }
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU8;

    use serde::Deserialize;

    use super::*;

    fn number(text: &str) -> Option<String> {
        parse_number(text).map(|number| match number {
            Number::Unsigned(value) => format!("u{value}"),
            Number::Signed(value) => format!("i{value}"),
            Number::Float(value) => format!("f{value:?}"),
            Number::Infinite => "inf".to_owned(),
        })
    }

    #[test]
    fn keys_are_json_numbers_exactly() {
        assert_eq!(number("0").as_deref(), Some("u0"));
        assert_eq!(number("18446744073709551615").as_deref(), Some("u18446744073709551615"));
        assert_eq!(number("18446744073709551616").as_deref(), Some("f1.8446744073709552e19"));
        assert_eq!(number("-9223372036854775808").as_deref(), Some("i-9223372036854775808"));
        assert_eq!(number("-0").as_deref(), Some("f-0.0"));
        assert_eq!(number("1.5e+2").as_deref(), Some("f150.0"));
        assert_eq!(number("1E400").as_deref(), Some("inf"));
        for not in ["", "-", "+1", "01", "-01", "1.", ".5", "1e", "1e+", " 1", "1 ", "0x1", "inf", "NaN", "1_0"] {
            assert_eq!(number(not), None, "{not:?}");
        }
    }

    #[test]
    fn a_key_read_on_its_own_has_no_step() {
        assert_eq!(u8::deserialize(KeyDeserializer::new("7")).ok(), Some(7));
        let detail = u8::deserialize(KeyDeserializer::new("300")).unwrap_err().into_violation();
        assert_eq!((detail.code(), detail.target()), ("ValueOutOfRange", ""));
        let detail = NonZeroU8::deserialize(KeyDeserializer::new("0")).unwrap_err().into_violation();
        assert_eq!(detail.message(), "The value 0 is not allowed here.");
        let detail = i64::deserialize(KeyDeserializer::new("x")).unwrap_err().into_violation();
        assert_eq!(detail.message(), "The key 'x' is not an integer.");
        assert_eq!(f64::deserialize(KeyDeserializer::new("-1.5")).ok(), Some(-1.5));
        let detail = f64::deserialize(KeyDeserializer::new("x")).unwrap_err().into_violation();
        assert_eq!(detail.message(), "The key 'x' is not a number.");
        assert_eq!(String::deserialize(KeyDeserializer::new("x")).ok().as_deref(), Some("x"));
    }
}
