//! Reads a type from a [`Tree`], knowing at every step whether a key is a member of a struct or
//! the key of a map, so that a shape problem gets its exact target. The failure path only.

use std::collections::HashSet;
use std::fmt;

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, Error as _, IntoDeserializer, Visitor};

use super::shape::{Problem, ShapeError, Step};
use super::tree::Tree;

/// A deserializer over one value of the tree.
pub struct TreeDeserializer<'t> {
    tree: &'t Tree,
}

impl<'t> TreeDeserializer<'t> {
    pub(crate) fn new(tree: &'t Tree) -> Self {
        TreeDeserializer { tree }
    }
}

/// The visitor's own description of what it expects.
struct Expecting<'a, V>(&'a V);

impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
}

impl<'de> Deserializer<'de> for TreeDeserializer<'_> {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Null => visitor.visit_unit(),
            Tree::Bool(value) => visitor.visit_bool(*value),
            Tree::Unsigned(value) => visitor.visit_u64(*value),
            Tree::Signed(value) => visitor.visit_i64(*value),
            Tree::Float(value) => visitor.visit_f64(*value),
            Tree::Text(value) => visitor.visit_str(value),
            Tree::Array(items) => visitor.visit_seq(Items { items: items.iter().enumerate() }),
            Tree::Object(members) => {
                // A struct with `flatten` is read as a map, yet its keys are members.
                let are_fields = Expecting(&visitor).to_string().starts_with("struct");
                visitor.visit_map(Members::new(members, are_fields))
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Object(members) => visitor.visit_map(Members::new(members, true)),
            // serde would read an array as the struct's members in order; an ARM body never is.
            other => Err(ShapeError::wrong_type("an object", other.kind())),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Object(_) => self.deserialize_any(visitor),
            other => Err(ShapeError::wrong_type("an object", other.kind())),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        match self.tree {
            Tree::Text(variant) => visitor.visit_enum(variant.as_str().into_deserializer()),
            Tree::Object(members) if members.len() == 1 => match members.first() {
                Some((variant, content)) => visitor.visit_enum(Variant { variant, content }),
                None => Err(ShapeError::wrong_type("a string", "an empty object")),
            },
            other => Err(ShapeError::wrong_type("a string", other.kind())),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct identifier
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
            Some((index, item)) => {
                seed.deserialize(TreeDeserializer::new(item)).map(Some).map_err(|e| e.under(Step::Index(index)))
            }
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The members of an object: struct fields (`.name`) or map entries (`['key']`). A key seen
/// twice is refused here, since serde keeps the last value of a repeated map key silently.
struct Members<'t> {
    remaining: std::slice::Iter<'t, (String, Tree)>,
    current: Option<&'t (String, Tree)>,
    seen: HashSet<&'t str>,
    are_fields: bool,
}

impl<'t> Members<'t> {
    fn new(members: &'t [(String, Tree)], are_fields: bool) -> Self {
        Members { remaining: members.iter(), current: None, seen: HashSet::new(), are_fields }
    }

    fn step(&self, key: &str) -> Step {
        if self.are_fields { Step::Member(key.to_owned()) } else { Step::Key(key.to_owned()) }
    }
}

impl<'de> de::MapAccess<'de> for Members<'_> {
    type Error = ShapeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, ShapeError> {
        let Some(entry) = self.remaining.next() else {
            return Ok(None);
        };
        self.current = Some(entry);
        let key = entry.0.as_str();
        if !self.seen.insert(key) {
            return Err(ShapeError::new(Problem::Repeated).under(self.step(key)));
        }
        let deserializer: StrDeserializer<'_, ShapeError> = key.into_deserializer();
        seed.deserialize(deserializer).map(Some).map_err(|e| e.under(self.step(key)))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ShapeError> {
        let Some((key, value)) = self.current.take() else {
            return Err(ShapeError::custom("a value was read before its key"));
        };
        seed.deserialize(TreeDeserializer::new(value)).map_err(|e| e.under(self.step(key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.remaining.len())
    }
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
            other => Err(self.here(ShapeError::wrong_type("null", other.kind()))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, ShapeError> {
        seed.deserialize(TreeDeserializer::new(self.content)).map_err(|e| self.here(e))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, ShapeError> {
        TreeDeserializer::new(self.content).deserialize_seq(visitor).map_err(|e| self.here(e))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        TreeDeserializer::new(self.content).deserialize_struct("", fields, visitor).map_err(|e| self.here(e))
    }
}
