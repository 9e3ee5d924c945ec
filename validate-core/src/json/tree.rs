//! A JSON document read whole, keeping what `serde_json::Value` drops: repeated keys and the
//! order of members. Read only after a failure, to explain it.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// One JSON value, in 16 bytes: a tag and one word, the word a number or a thin pointer.
///
/// A body that fails to read is read again into a tree, so the tree is what a failing request
/// costs: for `[1,1,…]` a node per two bytes of body. Strings and lists are held behind one thin
/// pointer ([`Text`], [`List`]) and the empty ones allocate nothing, so that a node is 16 bytes
/// rather than 32 (a `String` or `Vec` inline): 8 bytes per body byte for `[1,1,…]`, and at most
/// 24 while its list doubles. Measured by `tests/tests/test_memory.rs`: `[1,1,…]` peaks at 48 ×
/// the body with 32-byte nodes, 24 × with these.
#[derive(Clone)]
pub enum Tree {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A non-negative integer that fits `u64`.
    Unsigned(u64),
    /// A negative integer that fits `i64`.
    Signed(i64),
    /// Any other number (`-0` included).
    Float(f64),
    /// A string.
    Text(Text),
    /// An array.
    Array(List<Tree>),
    /// Members in document order, repeats included.
    Object(List<Member>),
}

/// An object's member: its key and its value.
pub type Member = (Box<str>, Tree);

/// A string behind one thin pointer: the empty string allocates nothing.
#[derive(Clone, Default)]
pub struct Text(Option<Box<Box<str>>>);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_deref().map_or("", |text| text)
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text((!text.is_empty()).then(|| Box::new(text.into_boxed_str())))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text((!text.is_empty()).then(|| Box::new(Box::from(text))))
    }
}

/// Items behind one thin pointer, held to their number: the empty list allocates nothing.
#[derive(Clone)]
pub struct List<T>(Option<Box<Box<[T]>>>);

impl<T> std::ops::Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.0.as_deref().map_or(&[], |items| items)
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        List((!items.is_empty()).then(|| Box::new(items.into_boxed_slice())))
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Self::from(items.into_iter().collect::<Vec<T>>())
    }
}

impl Tree {
    /// Reads `body` as JSON: the same syntax, depth and number rules as `serde_json::from_slice`.
    pub(crate) fn parse(body: &[u8]) -> Result<Tree, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_slice(body);
        let tree = Tree::deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(tree)
    }

    /// "a string", "an object", …: the JSON type, as messages name it.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Tree::Null => "null",
            Tree::Bool(_) => "a boolean",
            Tree::Unsigned(_) | Tree::Signed(_) | Tree::Float(_) => "a number",
            Tree::Text(_) => "a string",
            Tree::Array(_) => "an array",
            Tree::Object(_) => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Tree, E> {
        Ok(Tree::Unsigned(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Tree, E> {
        Ok(Tree::Signed(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Tree, E> {
        Ok(Tree::Float(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Tree, E> {
        Ok(Tree::Text(Text::from(value)))
    }

    fn visit_string<E>(self, value: String) -> Result<Tree, E> {
        Ok(Tree::Text(Text::from(value)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Array(List::from(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut members = Vec::new();
        while let Some(entry) = map.next_entry::<Box<str>, Tree>()? {
            members.push(entry);
        }
        Ok(Tree::Object(List::from(members)))
    }
}

#[cfg(test)]
mod tests {
    use super::Tree;

    #[test]
    fn a_node_is_two_words() {
        // The figure the tree's cost in test_memory.rs rests on.
        assert_eq!(size_of::<Tree>(), 16);
        assert_eq!(size_of::<super::Member>(), 32);
    }

    #[test]
    fn empty_strings_and_lists_are_empty() {
        let tree = Tree::parse(br#"{"":[],"a":["",{}],"b":"text"}"#).unwrap();
        let Tree::Object(members) = &tree else { panic!("an object") };
        let keys: Vec<&str> = members.iter().map(|(key, _)| &**key).collect();
        assert_eq!(keys, ["", "a", "b"]);
        assert!(matches!(&members[0].1, Tree::Array(items) if items.is_empty()));
        let Tree::Array(items) = &members[1].1 else { panic!("an array") };
        assert!(matches!(&items[0], Tree::Text(text) if text.as_str().is_empty()));
        assert!(matches!(&items[1], Tree::Object(members) if members.is_empty()));
        assert!(matches!(&members[2].1, Tree::Text(text) if &**text == "text"));
    }
}
