//! A JSON document read whole, keeping what `serde_json::Value` drops: repeated keys and the
//! order of members. Read only after a failure, to explain it.

use std::cell::Cell;
use std::fmt;

use crate::message::JsonType;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// One JSON value, in 16 bytes: a tag and one word, the word a number or a thin pointer.
///
/// A body that fails to read is read again into a tree, so the tree is what a failing request
/// costs: for `[1,1,…]` a node per two bytes of body. Strings and lists are held behind one thin
/// pointer (`Text`, `List`) and the empty ones allocate nothing, so that a node is 16 bytes
/// rather than 32 (a `String` or `Vec` inline): 8 bytes per body byte for `[1,1,…]`, and at most
/// 24 while its list doubles. Measured by `tests/tests/suite/memory.rs`: `[1,1,…]` peaks at 48 ×
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
    /// A number with a fraction or an exponent, and `-0`.
    Float(f64),
    /// An integer beyond 64 bits (below `i64::MIN` or above `u64::MAX`), as written: what it is
    /// matters for its answer (out of an integer type's range, where `1e20` is of the wrong type),
    /// which `serde_json`'s float would not tell.
    Integer(Text),
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
        let literals = Literals { body, at: Cell::new(0), scanned: Cell::new(0), seen: Cell::new(0) };
        let tree = Reading(&literals).deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(tree)
    }

    /// The value of an [`Tree::Integer`]'s text as a float: what `serde_json` reads it as.
    pub(crate) fn float_of(text: &str) -> f64 {
        // The text is a JSON integer that serde_json read as a finite float: it parses.
        text.parse().unwrap_or(f64::NAN)
    }

    /// "a string", "an object", …: the JSON type, as messages name it.
    pub(crate) fn kind(&self) -> JsonType {
        match self {
            Tree::Null => JsonType::Null,
            Tree::Bool(_) => JsonType::Boolean,
            Tree::Unsigned(_) | Tree::Signed(_) | Tree::Float(_) | Tree::Integer(_) => JsonType::Number,
            Tree::Text(_) => JsonType::Text,
            Tree::Array(_) => JsonType::Array,
            Tree::Object(_) => JsonType::Object,
        }
    }
}

/// The number literals of the body being read, found on demand: `serde_json` gives an integer
/// beyond 64 bits as a float, and only its text says that it was written as an integer.
///
/// `serde_json` gives numbers in document order, and a number literal is the only place outside
/// strings where `-` or a digit occurs, so the `n`th number given is the `n`th literal found by
/// skipping strings. Numbers are only counted as they come; the body is scanned when a float
/// comes, and then only from where the last scan stopped: once over the body at most, and not at
/// all for a body without floats.
struct Literals<'b> {
    body: &'b [u8],
    /// Where the next scan starts: after the last literal found.
    at: Cell<usize>,
    /// How many literals were found.
    scanned: Cell<usize>,
    /// How many numbers `serde_json` has given.
    seen: Cell<usize>,
}

impl<'b> Literals<'b> {
    /// Counts a number `serde_json` gave.
    fn saw_number(&self) {
        self.seen.set(self.seen.get() + 1);
    }

    /// The text of the number `serde_json` just gave (after [`Literals::saw_number`]).
    fn last(&self) -> &'b str {
        let mut literal = "";
        while self.scanned.get() < self.seen.get() {
            literal = self.next_literal();
            self.scanned.set(self.scanned.get() + 1);
        }
        literal
    }

    /// The next number literal after [`Literals::at`], which it moves past it.
    fn next_literal(&self) -> &'b str {
        let rest = self.body.get(self.at.get()..).unwrap_or_default();
        let (mut in_string, mut escaped) = (false, false);
        for (start, byte) in rest.iter().enumerate() {
            match (in_string, byte) {
                (true, _) if escaped => escaped = false,
                (true, b'\\') => escaped = true,
                (_, b'"') => in_string = !in_string,
                (false, b'-' | b'0'..=b'9') => {
                    let number = rest.get(start..).unwrap_or_default();
                    let len = number
                        .iter()
                        .position(|byte| !matches!(byte, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                        .unwrap_or(number.len());
                    self.at.set(self.at.get() + start + len);
                    // ASCII, as checked byte by byte.
                    return number.get(..len).and_then(|text| std::str::from_utf8(text).ok()).unwrap_or_default();
                }
                _ => {}
            }
        }
        self.at.set(self.body.len());
        ""
    }
}

/// Reads one value of the body as a [`Tree`], with the body's [`Literals`].
#[derive(Clone, Copy)]
struct Reading<'l, 'b>(&'l Literals<'b>);

impl<'de> DeserializeSeed<'de> for Reading<'_, '_> {
    type Value = Tree;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Reading<'_, '_> {
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
        self.0.saw_number();
        Ok(Tree::Unsigned(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Tree, E> {
        self.0.saw_number();
        Ok(Tree::Signed(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Tree, E> {
        self.0.saw_number();
        let literal = self.0.last();
        // `-0` is an integer in range, but serde_json gives it as a float: it stays one.
        if literal.bytes().all(|byte| byte == b'-' || byte.is_ascii_digit()) && literal != "-0" && !literal.is_empty() {
            Ok(Tree::Integer(Text::from(literal)))
        } else {
            Ok(Tree::Float(value))
        }
    }

    fn visit_str<E>(self, value: &str) -> Result<Tree, E> {
        Ok(Tree::Text(Text::from(value)))
    }

    fn visit_string<E>(self, value: String) -> Result<Tree, E> {
        Ok(Tree::Text(Text::from(value)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Tree::Array(List::from(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<Box<str>>()? {
            members.push((key, map.next_value_seed(self)?));
        }
        Ok(Tree::Object(List::from(members)))
    }
}

#[cfg(test)]
mod tests {
    use super::Tree;

    #[test]
    fn a_node_is_two_words() {
        // The figure the tree's cost in tests/tests/suite/memory.rs rests on.
        assert_eq!(size_of::<Tree>(), 16);
        assert_eq!(size_of::<super::Member>(), 32);
    }

    /// The numbers of `body`, in document order, as the tree holds them.
    fn numbers(body: &str) -> Vec<String> {
        fn walk(tree: &Tree, out: &mut Vec<String>) {
            match tree {
                Tree::Unsigned(value) => out.push(format!("u{value}")),
                Tree::Signed(value) => out.push(format!("i{value}")),
                Tree::Float(value) => out.push(format!("f{value}")),
                Tree::Integer(text) => out.push(format!("n{}", text.as_str())),
                Tree::Array(items) => items.iter().for_each(|item| walk(item, out)),
                Tree::Object(members) => members.iter().for_each(|(_, value)| walk(value, out)),
                Tree::Null | Tree::Bool(_) | Tree::Text(_) => {}
            }
        }
        let mut out = Vec::new();
        walk(&Tree::parse(body.as_bytes()).unwrap(), &mut out);
        out
    }

    #[test]
    fn integers_beyond_64_bits_keep_their_text_and_floats_stay_floats() {
        assert_eq!(
            numbers("[18446744073709551615,18446744073709551616,-9223372036854775808,-9223372036854775809]"),
            ["u18446744073709551615", "n18446744073709551616", "i-9223372036854775808", "n-9223372036854775809"]
        );
        assert_eq!(
            numbers("[-0,0,1.5,1e3,1E+3,-2e-2,1e20,100000000000000000000.0]"),
            ["f-0", "u0", "f1.5", "f1000", "f1000", "f-0.02", "f100000000000000000000", "f100000000000000000000"]
        );
    }

    #[test]
    fn a_literal_is_found_past_strings_keys_and_escapes() {
        // Digits and quotes inside strings and keys, escaped quotes and backslashes, multi-byte
        // characters, whitespace: none is taken for a number.
        let body = r#" { "1": "2\"3", "-4\\": [ "\u0035", "é6", 7 , 1.5,
            {"8e9": -100000000000000000000 } ], "x": [true, null, false, 200000000000000000000]} "#;
        assert_eq!(numbers(body), ["u7", "f1.5", "n-100000000000000000000", "n200000000000000000000"]);
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
