//! `unique`, `unique(ignore_case)`, `unique(by = field)`, `unique(by = field, ignore_case)`: the
//! items of a collection, or one field of each item, are unique.
//!
//! The first of equal items is kept; every later one is reported with `DuplicateValue` at its own
//! target (at its field with `by`), in index order. `ignore_case` compares text by Unicode
//! lowercase without building new strings. Up to 128 items are checked with a table of hashes on
//! the stack (expected O(n), no allocation); a longer collection sorts one vector of
//! `(hash, index)` pairs (O(n log n)). Equal hashes are always confirmed by comparing the values.
//! An `Option` (an optional field under `by`) is compared when it is `Some`: `None`s never repeat.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Field {
//!     #[serde(rename = "fieldName")]
//!     field_name: String,
//! }
//!
//! #[derive(Validate)]
//! struct Definition {
//!     #[validate(unique(by = field_name, ignore_case))]
//!     fields: Vec<Field>,
//!     #[validate(unique)]
//!     tags: Vec<String>,
//! }
//!
//! let definition = Definition {
//!     fields: vec![Field { field_name: "Role".into() }, Field { field_name: "role".into() }],
//!     tags: vec!["a".into(), "b".into(), "a".into()],
//! };
//! let found: Vec<_> = definition.validate().unwrap_err().iter()
//!     .map(|v| format!("{} {}: {}", v.code(), v.target(), v.message())).collect();
//! assert_eq!(found, [
//!     "DuplicateValue fields[1].fieldName: The value 'role' repeats the value at index 0, ignoring case.",
//!     "DuplicateValue tags[2]: The value 'a' repeats the value at index 0.",
//! ]);
//! ```

use std::borrow::Cow;
use std::cmp::Ordering;
use std::ops::ControlFlow;
use std::rc::Rc;
use std::sync::Arc;

use crate::sink::Sink;
use crate::text::Echo;
use crate::{Path, RuleError};

/// The ARM code of a repeated value.
pub const CODE: &str = "DuplicateValue";

/// How many items are sorted in a buffer on the stack; longer collections allocate.
pub const STACK_ITEMS: usize = 128;

/// Collections up to this many items use a smaller table, quicker to clear.
const SMALL_TABLE_ITEMS: usize = 16;

/// A collection held in one slice.
#[diagnostic::on_unimplemented(
    message = "`unique` cannot be checked on `{Self}`",
    label = "`unique` needs a sequence held in one slice",
    note = "`unique` works on `Vec`, slices, arrays and `Box<[T]>`, or an `Option` of one; a set holds each value once already"
)]
pub trait Items {
    /// The item type.
    type Item;
    /// The items, or `None` when the value is absent.
    fn items(&self) -> Option<&[Self::Item]>;
}

impl<T> Items for [T] {
    type Item = T;
    fn items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<T> Items for Vec<T> {
    type Item = T;
    fn items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<T, const N: usize> Items for [T; N] {
    type Item = T;
    fn items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<C: Items + ?Sized> Items for &C {
    type Item = C::Item;
    fn items(&self) -> Option<&[C::Item]> {
        (**self).items()
    }
}

impl<C: Items + ?Sized> Items for Box<C> {
    type Item = C::Item;
    fn items(&self) -> Option<&[C::Item]> {
        (**self).items()
    }
}

impl<C: Items> Items for Option<C> {
    type Item = C::Item;
    fn items(&self) -> Option<&[C::Item]> {
        self.as_ref().and_then(Items::items)
    }
}

/// A value that can be compared for uniqueness.
#[diagnostic::on_unimplemented(
    message = "`unique` cannot compare values of type `{Self}`",
    label = "`unique` compares strings, integers, characters and booleans",
    note = "to compare items by one of their fields, write `unique(by = field)`"
)]
pub trait UniqueKey {
    /// A total order; `ignore_case` makes text compare by Unicode lowercase.
    fn compare(&self, other: &Self, ignore_case: bool) -> Ordering;
    /// A hash of the value, equal for values that compare equal.
    fn fingerprint(&self, ignore_case: bool) -> u64;
    /// Appends the value as a message echoes it.
    fn describe(&self, out: &mut String);
    /// Whether there is a value: `None` never repeats another `None`.
    fn present(&self) -> bool {
        true
    }
}

/// One step of the fingerprint hash (a multiply-rotate mix: fast, not meant to resist attack;
/// equal fingerprints are always confirmed by [`UniqueKey::compare`]).
fn mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// Hashes `bytes` eight at a time (the last chunk zero-padded, then the length), each chunk
/// first passed through `map`.
fn hash_bytes(bytes: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    let mut hash = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = mix(hash, map(u64::from_le_bytes(word)));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        hash = mix(hash, map(tail_word(rest)));
    }
    mix(hash, bytes.len() as u64)
}

/// The last 1 to 7 bytes as one word, read as (at most) two overlapping halves: the same bytes
/// always give the same word, and the length, hashed after, tells the overlaps apart.
fn tail_word(rest: &[u8]) -> u64 {
    let half = |bytes: &[u8]| bytes.iter().rev().fold(0u64, |word, &byte| (word << 8) | u64::from(byte));
    match rest.len() {
        len @ 4..=7 => half(&rest[..4]) | (half(&rest[len - 4..]) << 32),
        _ => half(rest),
    }
}

/// The same hash as [`hash_bytes`], fed one byte at a time.
#[derive(Default)]
struct Chunks {
    hash: u64,
    word: u64,
    filled: u32,
    length: u64,
}

impl Chunks {
    fn push(&mut self, byte: u8) {
        self.word |= u64::from(byte) << (8 * self.filled);
        self.filled += 1;
        self.length += 1;
        if self.filled == 8 {
            self.hash = mix(self.hash, self.word);
            self.word = 0;
            self.filled = 0;
        }
    }

    fn finish(mut self) -> u64 {
        if self.filled > 0 {
            let pending = self.word.to_le_bytes();
            let filled = usize::try_from(self.filled).unwrap_or(8).min(8);
            self.hash = mix(self.hash, tail_word(&pending[..filled]));
        }
        mix(self.hash, self.length)
    }
}

/// Eight ASCII bytes lowercased at once: `A`–`Z` get the `0x20` bit.
fn ascii_lowercase(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = word & (0x7f * ONES);
    // A byte's top bit is set when it is at least `A`, and again when it is past `Z`.
    let at_least_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
    let upper = at_least_a & !past_z & !word & (0x80 * ONES);
    word | (upper >> 2)
}

impl UniqueKey for str {
    fn compare(&self, other: &Self, ignore_case: bool) -> Ordering {
        if !ignore_case {
            self.cmp(other)
        } else if self.is_ascii() && other.is_ascii() {
            let lower = |b: &u8| b.to_ascii_lowercase();
            self.as_bytes().iter().map(lower).cmp(other.as_bytes().iter().map(lower))
        } else {
            lowercase(self).cmp(lowercase(other))
        }
    }
    fn fingerprint(&self, ignore_case: bool) -> u64 {
        if !ignore_case {
            hash_bytes(self.as_bytes(), |chunk| chunk)
        } else if self.is_ascii() {
            hash_bytes(self.as_bytes(), ascii_lowercase)
        } else {
            // The UTF-8 of the lowercase characters, which is what ASCII lowercasing yields for
            // ASCII: equal keys hash equal whichever way they are spelt.
            let mut hasher = Chunks::default();
            let mut buffer = [0u8; 4];
            for c in lowercase(self) {
                for &byte in c.encode_utf8(&mut buffer).as_bytes() {
                    hasher.push(byte);
                }
            }
            hasher.finish()
        }
    }
    fn describe(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "{}", Echo(self));
    }
}

/// The Unicode lowercase of `text`, one character at a time.
fn lowercase(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase)
}

macro_rules! impl_unique_key_via {
    ($target:ty => $($ty:ty $([$($generics:tt)*])?),*) => {$(
        impl<$($($generics)*)?> UniqueKey for $ty {
            #[inline]
            fn compare(&self, other: &Self, ignore_case: bool) -> Ordering {
                <$target as UniqueKey>::compare(self, other, ignore_case)
            }
            #[inline]
            fn fingerprint(&self, ignore_case: bool) -> u64 {
                <$target as UniqueKey>::fingerprint(self, ignore_case)
            }
            fn describe(&self, out: &mut String) {
                <$target as UniqueKey>::describe(self, out);
            }
        }
    )*};
}

impl_unique_key_via!(str => String, Box<str>, Rc<str>, Arc<str>, Cow<'a, str> ['a]);

macro_rules! impl_unique_key_ord {
    ($($ty:ty),*) => {$(
        impl UniqueKey for $ty {
            fn compare(&self, other: &Self, _ignore_case: bool) -> Ordering {
                self.cmp(other)
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_lossless, trivial_numeric_casts)]
            fn fingerprint(&self, _ignore_case: bool) -> u64 {
                // Truncation only folds distinct values together; compare() tells them apart.
                mix(0, *self as u64)
            }
            fn describe(&self, out: &mut String) {
                use std::fmt::Write as _;
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

impl_unique_key_ord!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, char, bool);

impl<T: UniqueKey + ?Sized> UniqueKey for &T {
    fn compare(&self, other: &Self, ignore_case: bool) -> Ordering {
        (**self).compare(other, ignore_case)
    }
    fn fingerprint(&self, ignore_case: bool) -> u64 {
        (**self).fingerprint(ignore_case)
    }
    fn describe(&self, out: &mut String) {
        (**self).describe(out);
    }
    fn present(&self) -> bool {
        (**self).present()
    }
}

/// An optional value, such as the field `unique(by = field)` compares: items without one are
/// never reported, however many there are.
impl<T: UniqueKey> UniqueKey for Option<T> {
    fn compare(&self, other: &Self, ignore_case: bool) -> Ordering {
        match (self, other) {
            (Some(a), Some(b)) => a.compare(b, ignore_case),
            (a, b) => a.is_some().cmp(&b.is_some()),
        }
    }
    fn fingerprint(&self, ignore_case: bool) -> u64 {
        self.as_ref().map_or(0, |value| value.fingerprint(ignore_case))
    }
    fn describe(&self, out: &mut String) {
        if let Some(value) = self {
            value.describe(out);
        }
    }
    fn present(&self) -> bool {
        self.as_ref().is_some_and(UniqueKey::present)
    }
}

/// The wire names of a type's members, for targets such as `fields[1].fieldName`.
///
/// The derive implements it for every struct; `unique(by = field)` reads it.
#[diagnostic::on_unimplemented(
    message = "`unique(by = …)` needs `{Self}` to derive `Validate`",
    label = "the items of this collection do not derive `Validate`",
    note = "derive `Validate` on `{Self}`: the derive knows the wire name of each field, which names the target of a duplicate"
)]
pub trait WireNames {
    /// Each named field's Rust name and wire name, in declaration order.
    const WIRE_NAMES: &'static [(&'static str, &'static str)];

    /// The type's rules as data, which [`schema::Describe`](crate::schema::Describe) gives: the
    /// derive writes it here, in an impl it writes for every type anyway (a `Describe` impl of its
    /// own cost 8–10 % of a derived crate's build time). By default, none.
    #[doc(hidden)]
    fn __describe() -> crate::schema::Description {
        crate::schema::encoded::decode(std::any::type_name::<Self>(), "struct", &[], &[])
    }

    /// The wire name of the field named `rust_name` in Rust, if it has one.
    fn wire_name(rust_name: &str) -> Option<&'static str> {
        Self::WIRE_NAMES.iter().find(|(rust, _)| *rust == rust_name).map(|(_, wire)| *wire)
    }
}

/// Text, whose case `unique(ignore_case)` can ignore.
#[diagnostic::on_unimplemented(
    message = "`unique(ignore_case)` cannot ignore the case of `{Self}`",
    label = "`ignore_case` compares text, and `{Self}` is not text",
    note = "remove `ignore_case`: `unique` alone compares these values as they are"
)]
pub trait Caseless: UniqueKey {}

impl Caseless for str {}
impl Caseless for String {}
impl Caseless for Box<str> {}
impl Caseless for Rc<str> {}
impl Caseless for Arc<str> {}
impl Caseless for Cow<'_, str> {}
impl<T: Caseless + ?Sized> Caseless for &T {}
impl<T: Caseless> Caseless for Option<T> {}

/// [`check`] ignoring case, on text alone: what `unique(ignore_case)` calls.
pub fn check_ignore_case<C, K>(value: &C, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()>
where
    C: Items<Item = K> + ?Sized,
    K: Caseless,
{
    check(value, true, at, out)
}

/// [`check_by`] ignoring case, on text alone: what `unique(by = field, ignore_case)` calls.
pub fn check_by_ignore_case<C, K>(
    value: &C,
    key: impl Fn(&C::Item) -> &K,
    rust_name: &'static str,
    at: &Path<'_>,
    out: &mut impl Sink,
) -> ControlFlow<()>
where
    C: Items + ?Sized,
    C::Item: WireNames,
    K: Caseless + ?Sized,
{
    check_by(value, key, rust_name, true, at, out)
}

/// Reports every item equal to an earlier one.
pub fn check<C, K>(value: &C, ignore_case: bool, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()>
where
    C: Items<Item = K> + ?Sized,
    K: UniqueKey,
{
    match value.items() {
        Some(items) => report(items, |item| item, None, ignore_case, at, out),
        None => ControlFlow::Continue(()),
    }
}

/// Reports every item whose field `rust_name` (read by `key`) equals that of an earlier item.
pub fn check_by<C, K>(
    value: &C,
    key: impl Fn(&C::Item) -> &K,
    rust_name: &'static str,
    ignore_case: bool,
    at: &Path<'_>,
    out: &mut impl Sink,
) -> ControlFlow<()>
where
    C: Items + ?Sized,
    C::Item: WireNames,
    K: UniqueKey + ?Sized,
{
    match value.items() {
        Some(items) => {
            let member = || <C::Item as WireNames>::wire_name(rust_name).unwrap_or(rust_name);
            report(items, key, Some(&member), ignore_case, at, out)
        }
        None => ControlFlow::Continue(()),
    }
}

fn report<I, K: UniqueKey + ?Sized>(
    items: &[I],
    key: impl Fn(&I) -> &K,
    member: Option<&dyn Fn() -> &'static str>,
    ignore_case: bool,
    at: &Path<'_>,
    out: &mut impl Sink,
) -> ControlFlow<()> {
    let same = |a: usize, b: usize| key(&items[a]).compare(key(&items[b]), ignore_case) == Ordering::Equal;
    let fingerprint = |i: usize| key(&items[i]).fingerprint(ignore_case);
    // The repeats are found all at once, so a sink that stops (a `Holds`) is told of each and
    // answered once, at the end.
    let mut flow = ControlFlow::Continue(());
    let mut record = |repeat: usize, first: usize| {
        // An absent value (`None`) equals only other absent ones, and repeats nothing.
        if !key(&items[repeat]).present() {
            return;
        }
        let item = at.index(repeat);
        // Built only when kept: a repeat past the list's limit is counted.
        let error = || repeated(key(&items[repeat]), first, ignore_case);
        let recorded = match member {
            Some(member) => out.record_failure(&item.member(member()), error),
            None => out.record_failure(&item, error),
        };
        if recorded.is_break() {
            flow = recorded;
        }
    };
    if items.len() < 2 {
        // Nothing can repeat.
    } else if items.len() <= SMALL_TABLE_ITEMS {
        // Most collections are short, and a table sized for them is cheaper to clear: 70 ns vs 80 ns with the
        // 128-item table on 10 fieldNames, 30 vs 42 on 4 (benches/benches/tricks.rs, 2026-11-30).
        repeats_in_table::<SMALL_TABLE_ITEMS, { SMALL_TABLE_ITEMS * 2 }>(items.len(), fingerprint, same, &mut record);
    } else if items.len() <= STACK_ITEMS {
        repeats_in_table::<STACK_ITEMS, { STACK_ITEMS * 2 }>(items.len(), fingerprint, same, &mut record);
    } else if let Some(repeats) = repeats_by_sorting(items, &key, ignore_case, fingerprint) {
        for (repeat, first) in repeats {
            record(repeat, first);
        }
    }
    flow
}

/// Up to `ITEMS` items (at most [`STACK_ITEMS`]): an open-addressing table of `SLOTS` (twice
/// `ITEMS`, a power of two) fingerprints on the stack. Expected O(n); even crafted collisions cost
/// at most n²/2 comparisons, with n bounded. Each repeat goes to `record` in index order, with the
/// first item equal to it; nothing is allocated here.
fn repeats_in_table<const ITEMS: usize, const SLOTS: usize>(
    count: usize,
    fingerprint: impl Fn(usize) -> u64,
    same: impl Fn(usize, usize) -> bool,
    record: &mut impl FnMut(usize, usize),
) {
    const { assert!(ITEMS <= STACK_ITEMS && SLOTS == ITEMS * 2 && SLOTS.is_power_of_two()) };
    let mut prints = [0u64; ITEMS];
    // Each slot holds an item's index plus one; zero is empty.
    let mut slots = [0u8; SLOTS];
    for (index, print) in prints.iter_mut().enumerate().take(count) {
        *print = fingerprint(index);
    }
    for index in 0..count {
        let print = prints[index];
        // The low bits pick the first slot; a power-of-two table size makes this a mask.
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = (print as usize) & (SLOTS - 1);
        loop {
            match usize::from(slots[slot]) {
                0 => {
                    // `index` is below ITEMS (at most 128), so `index + 1` fits a byte.
                    slots[slot] = u8::try_from(index + 1).unwrap_or(u8::MAX);
                    break;
                }
                taken if prints[taken - 1] == print && same(taken - 1, index) => {
                    record(index, taken - 1);
                    break;
                }
                _ => slot = (slot + 1) & (SLOTS - 1),
            }
        }
    }
}

/// More items: sort `(fingerprint, index)` pairs, comparing keys only when fingerprints tie, so
/// the cost stays O(n log n) whatever the input. One vector of pairs is allocated.
fn repeats_by_sorting<I, K: UniqueKey + ?Sized>(
    items: &[I],
    key: &impl Fn(&I) -> &K,
    ignore_case: bool,
    fingerprint: impl Fn(usize) -> u64,
) -> Option<Vec<(usize, usize)>> {
    let mut order: Vec<(u64, usize)> = (0..items.len()).map(|i| (fingerprint(i), i)).collect();
    order.sort_unstable_by(|&(pa, a), &(pb, b)| {
        pa.cmp(&pb).then_with(|| key(&items[a]).compare(key(&items[b]), ignore_case)).then(a.cmp(&b))
    });
    let mut repeats: Option<Vec<(usize, usize)>> = None;
    let mut first: Option<(u64, usize)> = None;
    for &(print, index) in &order {
        match first {
            Some((group_print, group))
                if group_print == print
                    && key(&items[group]).compare(key(&items[index]), ignore_case) == Ordering::Equal =>
            {
                repeats.get_or_insert_with(Vec::new).push((index, group));
            }
            _ => first = Some((print, index)),
        }
    }
    if let Some(repeats) = &mut repeats {
        repeats.sort_unstable();
    }
    repeats
}

#[cold]
fn repeated<K: UniqueKey + ?Sized>(value: &K, first: usize, ignore_case: bool) -> RuleError {
    let mut shown = String::new();
    value.describe(&mut shown);
    RuleError::new(CODE, crate::message::Message::Repeated { value: shown, first, ignore_case })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Violations;

    fn duplicates_of(values: &[String], ignore_case: bool) -> Vec<String> {
        let mut out = Violations::new();
        let _ = check(values, ignore_case, &Path::root(), &mut out);
        out.iter().map(|v| v.target().to_owned()).collect()
    }

    /// The first two numbers whose fingerprints pick `slot` in a table of 32 slots (up to 16 items).
    fn colliding_at(slot: u64) -> [u64; 2] {
        let mut found = (0u64..).filter(|n| n.fingerprint(false) & 31 == slot);
        [found.next(), found.next()].map(Option::unwrap_or_default)
    }

    /// Items whose fingerprints pick the same slot are told apart, the probe moving on from the
    /// first slot and wrapping round from the last.
    #[test]
    fn colliding_items_probe_the_next_slots() {
        for slot in [0, 31] {
            let [a, b] = colliding_at(slot);
            assert_ne!(a, b);
            let mut out = Violations::new();
            let _ = check(&[a, b, a, b], false, &Path::root(), &mut out);
            let targets: Vec<_> = out.iter().map(|v| v.target().to_owned()).collect();
            assert_eq!(targets, ["[2]", "[3]"], "numbers {a} and {b} at slot {slot}");
        }
    }

    #[test]
    fn repeats_after_the_first_are_reported_in_index_order() {
        let values: Vec<String> = ["b", "a", "b", "a", "b"].map(String::from).into();
        assert_eq!(duplicates_of(&values, false), ["[2]", "[3]", "[4]"]);
    }

    /// Lists of every length from 2 to past the stack tables (the small one, the large one, then
    /// sorting) give the same answer: the last item repeats the first, and nothing else repeats.
    #[test]
    fn every_list_length_takes_a_path_that_finds_the_same_repeats() {
        for length in 2..=STACK_ITEMS + 12 {
            let mut values: Vec<String> = (0..length - 1).map(|i| format!("Name{i}")).collect();
            values.push("name0".to_owned());
            let last = format!("[{}]", length - 1);
            assert_eq!(duplicates_of(&values, true), [last.as_str()], "{length} items");
            assert_eq!(duplicates_of(&values, false), Vec::<String>::new(), "{length} items");
        }
    }

    #[test]
    fn case_is_ignored_on_request_including_non_ascii() {
        let values: Vec<String> = ["Straße", "STRASSE", "straße", "ÉTÉ", "été"].map(String::from).into();
        assert_eq!(duplicates_of(&values, false), Vec::<String>::new());
        assert_eq!(duplicates_of(&values, true), ["[2]", "[4]"]);
    }

    #[test]
    fn colliding_fingerprints_are_told_apart_by_comparison() {
        // Integers fold to u64: i128 values that differ only above bit 64 share a fingerprint.
        let wide: Vec<i128> = vec![1, 1 + (1 << 64), 1 + (1 << 65), 1];
        let mut out = Violations::new();
        let _ = check(&wide, false, &Path::root(), &mut out);
        let targets: Vec<&str> = out.iter().map(crate::Violation::target).collect();
        assert_eq!(targets, ["[3]"]);
        let many: Vec<i128> = (0..300).map(|i| 7 + (i << 64)).chain([7]).collect();
        let mut out = Violations::new();
        let _ = check(&many, false, &Path::root(), &mut out);
        let targets: Vec<&str> = out.iter().map(crate::Violation::target).collect();
        assert_eq!(targets, ["[300]"]);
    }

    #[test]
    fn fingerprints_agree_with_comparison() {
        let cases = [
            ("Role", "rOLE"),
            ("\u{212a}elvin-Scale-Of-Things", "kelvin-scale-of-things"),
            ("ÉTÉ", "été"),
            ("0123456789@[`{~AZaz", "0123456789@[`{~azaz"),
            ("a long name of more than eight bytes", "A LONG NAME OF MORE THAN EIGHT BYTES"),
        ];
        for (a, b) in cases {
            assert_eq!(a.compare(b, true), Ordering::Equal, "{a} {b}");
            assert_eq!(a.fingerprint(true), b.fingerprint(true), "{a} {b}");
        }
        assert_ne!("ab".fingerprint(false), "AB".fingerprint(false));
        assert_ne!("@".fingerprint(true), "`".fingerprint(true));
        assert_ne!("a".fingerprint(false), "a\0".fingerprint(false));
    }

    #[test]
    fn ascii_lowercasing_touches_only_capitals() {
        for byte in 0u8..=127 {
            let word = u64::from_le_bytes([byte; 8]);
            assert_eq!(ascii_lowercase(word), u64::from_le_bytes([byte.to_ascii_lowercase(); 8]), "{byte}");
        }
    }

    #[test]
    fn kelvin_sign_equals_k_ignoring_case() {
        let values: Vec<String> = ["k", "\u{212a}"].map(String::from).into();
        assert_eq!(duplicates_of(&values, true), ["[1]"]);
    }

    #[test]
    fn long_collections_take_the_heap_path() {
        let mut values: Vec<String> = (0..300).map(|i| format!("v{i}")).collect();
        assert!(duplicates_of(&values, false).is_empty());
        values.push("V7".into());
        assert_eq!(duplicates_of(&values, true), ["[300]"]);
        values.truncate(STACK_ITEMS - 1);
        values.push("v0".into());
        assert_eq!(duplicates_of(&values, false), ["[127]"]);
    }
}
