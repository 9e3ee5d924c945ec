//! `localized`: a map from language tag to text, as ARM's localized display names are.
//!
//! The map needs at least one entry (else `EmptyValue` on the map); every key must be a language
//! tag (`InvalidLocale` on the entry) and every value must have a character other than white space
//! (`EmptyValue` on the entry). Entries are reported in sorted key order, `InvalidLocale` first.
//!
//! ```
//! use std::collections::HashMap;
//! use validate_core::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Definition {
//!     #[validate(localized)]
//!     #[serde(rename = "displayName")]
//!     display_name: HashMap<String, String>,
//! }
//!
//! let names = HashMap::from([("en-us".into(), "  ".into()), ("not a tag".into(), "Name".into())]);
//! let violations = Definition { display_name: names }.validate().unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| (v.code(), v.target())).collect();
//! assert_eq!(found, [
//!     ("EmptyValue", "displayName['en-us']"),
//!     ("InvalidLocale", "displayName['not a tag']"),
//! ]);
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Display;
use std::hash::BuildHasher;
use std::ops::ControlFlow;

use crate::rules::{AsText, Entries, each_entry, non_empty};
use crate::sink::{Overrides, Sink};
use crate::{Path, RuleError};

/// The ARM code of a key that is not a language tag.
pub const CODE: &str = "InvalidLocale";

/// A map from language tag to text.
#[diagnostic::on_unimplemented(
    message = "`localized` cannot be checked on `{Self}`",
    label = "`localized` needs a map from language tag to text",
    note = "use a map such as `BTreeMap<String, String>` or `HashMap<String, String>`, or an `Option` of one"
)]
pub trait LocalizedText {
    /// Records the violations of the map at `at`.
    fn check_localized(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()>;
}

impl<K, V, S> LocalizedText for HashMap<K, V, S>
where
    K: AsText + Ord + Display,
    V: AsText,
    S: BuildHasher,
{
    fn check_localized(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()> {
        check_map(self, at, out)
    }
}

impl<K: AsText + Ord + Display, V: AsText> LocalizedText for BTreeMap<K, V> {
    fn check_localized(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()> {
        check_map(self, at, out)
    }
}

impl<T: LocalizedText + ?Sized> LocalizedText for &T {
    fn check_localized(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()> {
        (**self).check_localized(at, out)
    }
}

impl<T: LocalizedText + ?Sized> LocalizedText for Box<T> {
    fn check_localized(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()> {
        (**self).check_localized(at, out)
    }
}

impl<T: LocalizedText> LocalizedText for Option<T> {
    fn check_localized(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()> {
        match self {
            Some(map) => map.check_localized(at, out),
            None => ControlFlow::Continue(()),
        }
    }
}

/// Records every violation of a localized-text map at `at`.
pub fn check<T: LocalizedText + ?Sized>(value: &T, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()> {
    value.check_localized(at, out)
}

fn check_map<M>(map: &M, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()>
where
    M: Entries + ?Sized,
    M::Key: AsText,
    M::Value: AsText,
{
    if map.entry_count() == 0 {
        return out.record_failure(at, || non_empty::empty(crate::rules::Unit::Entries));
    }
    each_entry(map, at, out, |key, value, at, out| {
        let key = key.as_text().unwrap_or_default();
        if !is_language_tag(key) {
            out.record_failure(at, || not_a_tag(key))?;
        }
        out.record(at, non_empty::check(value.as_text().unwrap_or_default()), Overrides::NONE)
    })
}

#[cold]
fn not_a_tag(key: &str) -> RuleError {
    RuleError::new(CODE, crate::message::Message::NotLanguageTag { key: crate::text::echo(key) })
}

/// Whether `tag` is a language tag: a primary subtag of 2 to 8 letters, then subtags of 1 to 8
/// letters or digits, joined by `-`. Case does not matter.
///
/// ```
/// use validate_core::rules::localized::is_language_tag;
///
/// assert!(is_language_tag("en"));
/// assert!(is_language_tag("zh-Hant-TW"));
/// assert!(!is_language_tag("en us"));
/// assert!(!is_language_tag("en-"));
/// ```
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtag = 0usize;
    let mut primary = true;
    for &byte in tag.as_bytes() {
        if byte == b'-' {
            if !subtag_fits(subtag, primary) {
                return false;
            }
            subtag = 0;
            primary = false;
        } else if byte.is_ascii_alphabetic() || (!primary && byte.is_ascii_digit()) {
            subtag += 1;
        } else {
            return false;
        }
    }
    subtag_fits(subtag, primary)
}

/// A primary subtag has 2 to 8 letters; the others 1 to 8 letters or digits.
fn subtag_fits(length: usize, primary: bool) -> bool {
    length <= 8 && length >= if primary { 2 } else { 1 }
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
}
