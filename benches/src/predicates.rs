//! The checks that neither peer has as a rule, written once in plain code: the floor calls them
//! and so do the peers' custom functions, so that every system pays the same price for the same
//! rule and the comparison measures what each library adds around it.
//!
//! Each one checks what `validate-core` checks (see its `rules` modules), written from the rule's
//! statement in `relationship-rules.md`, not copied from the library.

use std::cmp::Ordering;

/// How many items [`repeats_ignoring_case`] and [`has_repeat_ignoring_case`] index on the stack.
const STACK_ITEMS: usize = 128;

/// Whether `text` is empty or white space (Unicode `White_Space`, as `str::trim` has it): what
/// `non_empty` refuses on a string. Stops at the first other character.
#[inline]
pub fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// Whether `tag` is a language tag: a primary subtag of 2 to 8 ASCII letters, then subtags of
/// 1 to 8 ASCII letters or digits, each after a `-`.
pub fn is_language_tag(tag: &str) -> bool {
    let bytes = tag.as_bytes();
    let mut start = 0;
    let mut first = true;
    loop {
        let end = bytes[start..].iter().position(|&b| b == b'-').map_or(bytes.len(), |at| start + at);
        let subtag = &bytes[start..end];
        if first {
            if subtag.len() < 2 || subtag.len() > 8 || !subtag.iter().all(u8::is_ascii_alphabetic) {
                return false;
            }
            first = false;
        } else if subtag.is_empty() || subtag.len() > 8 || !subtag.iter().all(u8::is_ascii_alphanumeric) {
            return false;
        }
        if end == bytes.len() {
            return true;
        }
        start = end + 1;
    }
}

/// The problems of a localized-text map, the `localized` rule: no entry at all, keys that are
/// not language tags, blank values. `found` is called once per problem; returns how many.
pub fn localized_problems<'a>(
    entries: impl ExactSizeIterator<Item = (&'a String, &'a String)>,
    mut found: impl FnMut(LocalizedProblem<'a>),
) -> usize {
    if entries.len() == 0 {
        found(LocalizedProblem::NoEntry);
        return 1;
    }
    let mut count = 0;
    for (key, value) in entries {
        if !is_language_tag(key) {
            found(LocalizedProblem::NotATag(key));
            count += 1;
        }
        if is_blank(value) {
            found(LocalizedProblem::Blank(key));
            count += 1;
        }
    }
    count
}

/// One problem of a localized-text map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalizedProblem<'a> {
    /// The map has no entry.
    NoEntry,
    /// This key is not a language tag.
    NotATag(&'a str),
    /// The value of this key is blank.
    Blank(&'a str),
}

/// Whether a localized-text map passes the `localized` rule (the floor's form: stops early).
pub fn is_localized<'a>(mut entries: impl ExactSizeIterator<Item = (&'a String, &'a String)>) -> bool {
    entries.len() != 0 && entries.all(|(key, value)| is_language_tag(key) && !is_blank(value))
}

/// Compares two strings by their Unicode lowercase, character by character, without building
/// new strings. While both sides are ASCII, bytes are compared as they come; the first
/// non-ASCII byte hands the rest to the character-by-character comparison.
pub fn compare_ignoring_case(left: &str, right: &str) -> Ordering {
    for (at, (&l, &r)) in left.as_bytes().iter().zip(right.as_bytes()).enumerate() {
        if !l.is_ascii() || !r.is_ascii() {
            // Every byte before `at` is ASCII on both sides, so `at` is a character boundary.
            return lowercase(&left[at..]).cmp(lowercase(&right[at..]));
        }
        let (l, r) = (l.to_ascii_lowercase(), r.to_ascii_lowercase());
        if l != r {
            return l.cmp(&r);
        }
    }
    // One side is a prefix of the other, ignoring case; what the longer one has left lowercases
    // to at least one character.
    left.len().cmp(&right.len())
}

/// The Unicode lowercase of `text`, one character at a time.
fn lowercase(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase)
}

/// A hash of the Unicode lowercase of `text`, consistent with [`compare_ignoring_case`]: keys
/// equal ignoring case hash alike (every character goes in as the lowercase `char`s it maps to).
fn hash_ignoring_case(text: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |hash: u64, c: u32| (hash.rotate_left(5) ^ u64::from(c)).wrapping_mul(K);
    let mut hash = 0;
    if text.is_ascii() {
        for b in text.bytes() {
            hash = mix(hash, u32::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in lowercase(text) {
            hash = mix(hash, u32::from(c));
        }
    }
    hash
}

/// Calls `repeat(i, first)` for every item `i` whose key equals (ignoring case) that of an
/// earlier item, `first` being the first of them, in index order, until `repeat` answers
/// `false`. One pass over a hash table that holds each distinct key once: up to
/// [`STACK_ITEMS`] items it lives on the stack (256 one-byte slots), above that in one vector.
fn each_repeat<T>(items: &[T], key: impl Fn(&T) -> &str, mut repeat: impl FnMut(usize, usize) -> bool) {
    // A slot holds 1 + the index of the first item with its key, or 0 when empty.
    fn probe<S: Copy + Into<usize> + PartialEq + Default>(
        table: &mut [S],
        i: usize,
        store: impl Fn(usize) -> S,
        hash: u64,
        same: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let mask = table.len() - 1;
        // The table's length is a power of two no larger than the items' count allows: the
        // truncation keeps the hash's low bits, which is the intent.
        #[allow(clippy::cast_possible_truncation)]
        let mut slot = (hash as usize) & mask;
        loop {
            if table[slot] == S::default() {
                table[slot] = store(i + 1);
                return None;
            }
            let first = table[slot].into() - 1;
            if same(first) {
                return Some(first);
            }
            slot = (slot + 1) & mask;
        }
    }
    let key = &key;
    let same_as = move |i: usize| move |first: usize| compare_ignoring_case(key(&items[first]), key(&items[i])).is_eq();
    if items.len() <= STACK_ITEMS {
        let mut table = [0u8; 2 * STACK_ITEMS];
        let table = &mut table[..(2 * items.len()).next_power_of_two()];
        let stored = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
        for (i, item) in items.iter().enumerate() {
            if let Some(first) = probe(table, i, stored, hash_ignoring_case(key(item)), same_as(i))
                && !repeat(i, first)
            {
                return;
            }
        }
    } else {
        let mut table = vec![0usize; (2 * items.len()).next_power_of_two()];
        for (i, item) in items.iter().enumerate() {
            if let Some(first) = probe(&mut table, i, |n| n, hash_ignoring_case(key(item)), same_as(i))
                && !repeat(i, first)
            {
                return;
            }
        }
    }
}

/// Whether two items have keys equal ignoring case (`unique(by = …, ignore_case)`, the floor's
/// form: it stops at the first repeat).
pub fn has_repeat_ignoring_case<T>(items: &[T], key: impl Fn(&T) -> &str) -> bool {
    let mut found = false;
    each_repeat(items, key, |_, _| {
        found = true;
        false
    });
    found
}

/// Every item whose key repeats an earlier one, ignoring case, as `(repeat, first)` pairs in
/// index order; empty (and not allocated) when the keys are unique.
pub fn repeats_ignoring_case<T>(items: &[T], key: impl Fn(&T) -> &str) -> Vec<(usize, usize)> {
    let mut repeats = Vec::new();
    each_repeat(items, key, |i, first| {
        repeats.push((i, first));
        true
    });
    repeats
}

/// Whether `text` is an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, `T` and
/// `Z` in either case or a space for `T` (RFC 3339 §5.6), a real calendar date, hours to 23,
/// minutes to 59, offsets to ±23:59, and second 60 only where a leap second can be (the last
/// minute of a month in UTC).
pub fn is_date_time(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() < 20 {
        return false;
    }
    let digits = |from: usize, count: usize| -> Option<u32> {
        let slice = b.get(from..from + count)?;
        let mut value = 0;
        for &d in slice {
            if !d.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u32::from(d - b'0');
        }
        Some(value)
    };
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) =
        (digits(0, 4), digits(5, 2), digits(8, 2), digits(11, 2), digits(14, 2), digits(17, 2))
    else {
        return false;
    };
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return false;
    }
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return false;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut at = 19;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let fraction = b[at..].iter().take_while(|d| d.is_ascii_digit()).count();
        if fraction == 0 {
            return false;
        }
        at += fraction;
    }
    // The offset in minutes east of UTC.
    let offset: i64 = match b.get(at) {
        Some(b'Z' | b'z') if at + 1 == b.len() => 0,
        Some(&sign @ (b'+' | b'-')) if at + 6 == b.len() && b[at + 3] == b':' => {
            let (Some(hours), Some(minutes)) = (digits(at + 1, 2), digits(at + 4, 2)) else {
                return false;
            };
            if hours > 23 || minutes > 59 {
                return false;
            }
            let offset = i64::from(hours * 60 + minutes);
            if sign == b'-' { -offset } else { offset }
        }
        _ => return false,
    };
    if second == 60 {
        // A leap second ends the last day of a month, at 23:59 UTC.
        let utc_minute = i64::from(hour * 60 + minute) - offset;
        let last_day = day == days_in_month(year, month);
        return (utc_minute == 23 * 60 + 59 && last_day) || (utc_minute == -1 && day == 1);
    }
    true
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for good in ["en", "EN-US", "de-de", "zh-Hant-TW", "abcdefgh", "sl-rozaj-biske-1994"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["x-a", "", "e", "abcdefghi", "en_us", "en us", "en-", "-en", "en--us", "en-abcdefghi", "1a", "é-fr"]
        {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn blank_is_what_non_empty_refuses() {
        use validate_core::rules::non_empty::NonEmpty;
        for text in ["", " ", "\t\n", "\u{3000}", "\u{85}", "\u{b}", "x", " x ", "\u{200b}", "Role1"] {
            assert_eq!(is_blank(text), text.empty_in().is_some(), "{text:?}");
        }
    }

    #[test]
    fn date_times() {
        for good in [
            "2027-06-30T23:59:59Z",
            "2027-06-30t23:59:59z",
            "2027-06-30T23:59:59.123456+02:00",
            "2024-02-29T00:00:00-08:00",
            "2016-12-31T23:59:60Z",
            "2017-01-01T00:59:60+01:00",
        ] {
            assert!(is_date_time(good), "{good}");
        }
        for bad in [
            "",
            "2027-06-30",
            "2027-06-30T23:59:59",
            "2027-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2027-06-30T24:00:00Z",
            "2027-06-30 23:59:59 Z",
            "2027-06-30T23:59:59.Z",
            "2027-06-30T23:59:59+24:00",
            "2027-06-15T23:59:60Z",
            "2027-06-30X23:59:59Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    #[test]
    fn date_times_agree_with_validate_core() {
        for text in [
            "2027-06-30T23:59:59Z",
            "2027-06-30t23:59:59z",
            "2027-06-30 23:59:59Z",
            "2027-06-30T23:59:59.123456789123+02:00",
            "2000-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T22:59:60-01:00",
            "2017-01-01T00:59:60+01:00",
            "2016-12-30T23:59:60Z",
            "2027-06-30T23:60:00Z",
            "2027-06-30T23:59:59+23:59",
            "2027-06-30T23:59:59-23:60",
        ] {
            assert_eq!(is_date_time(text), validate_core::rules::format::is_date_time(text), "{text}");
        }
    }

    #[test]
    fn repeats_are_found_ignoring_case() {
        let names = ["Role", "since", "ROLE", "Tier", "role", "Straße", "STRASSE", "straße"];
        assert_eq!(repeats_ignoring_case(&names, |s| s), [(2, 0), (4, 0), (7, 5)]);
        assert!(has_repeat_ignoring_case(&names, |s| s));
        assert!(!has_repeat_ignoring_case(&names[..2], |s| s));
        let many: Vec<String> = (0..300).map(|i| format!("v{i}")).collect();
        assert!(!has_repeat_ignoring_case(&many, String::as_str));
        assert!(repeats_ignoring_case(&many, String::as_str).is_empty());
        let mut more = many.clone();
        more.push("V7".into());
        more.push("v299".into());
        assert_eq!(repeats_ignoring_case(&more, String::as_str), [(300, 7), (301, 299)]);
        let mut full: Vec<String> = (0..128).map(|i| format!("w{i}")).collect();
        assert!(!has_repeat_ignoring_case(&full, String::as_str));
        full[127] = "W0".into();
        assert_eq!(repeats_ignoring_case(&full, String::as_str), [(127, 0)]);
        let empty = ["", "x", "", ""];
        assert_eq!(repeats_ignoring_case(&empty, |s| s), [(2, 0), (3, 0)]);
    }

    #[test]
    fn comparison_ignoring_case_is_by_unicode_lowercase() {
        let samples =
            ["", "a", "A", "ab", "aB", "b", "Straße", "STRASSE", "straße", "ÉTÉ", "été", "k", "\u{212A}", "ka", "Kz"];
        for a in samples {
            for b in samples {
                let slow = lowercase(a).cmp(lowercase(b));
                assert_eq!(compare_ignoring_case(a, b), slow, "{a:?} {b:?}");
            }
        }
    }
}
