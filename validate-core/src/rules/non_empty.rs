//! `non_empty`: a string with a character other than white space; a collection or map with an item.
//!
//! ```
//! use std::collections::BTreeMap;
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Mapping {
//!     #[validate(non_empty)]
//!     name: String,
//!     #[validate(non_empty)]
//!     fields: Vec<String>,
//!     #[validate(non_empty)]
//!     labels: Option<BTreeMap<String, String>>,
//! }
//!
//! let blank = Mapping { name: " \t".into(), fields: vec![], labels: Some(BTreeMap::new()) };
//! let found: Vec<_> = blank.validate().unwrap_err().iter().map(|v| v.message().to_owned()).collect();
//! assert_eq!(found, [
//!     "The value must not be empty or white space.",
//!     "The value must have at least 1 item.",
//!     "The value must have at least 1 entry.",
//! ]);
//! let filled = Mapping { name: "x".into(), fields: vec!["a".into()], labels: None };
//! assert!(filled.validate().is_ok());
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use crate::Failure;
use crate::RuleError;
use crate::rules::Unit;

/// The ARM code of an empty value.
pub const CODE: &str = "EmptyValue";

/// A value that can be empty.
#[diagnostic::on_unimplemented(
    message = "`non_empty` cannot be checked on `{Self}`",
    label = "`non_empty` needs a string, a collection or a map",
    note = "for numbers, use `range(min = …)`"
)]
pub trait NonEmpty {
    /// `Some(unit)` when the value is empty (a string: empty or white space), `None` when it has
    /// content or is absent.
    fn empty_in(&self) -> Option<Unit>;
}

// The string impls are inlined: `non_empty` runs on most strings of a body, and most answer at
// their first byte.
impl NonEmpty for str {
    #[inline]
    fn empty_in(&self) -> Option<Unit> {
        is_blank(self).then_some(Unit::Characters)
    }
}

/// Whether `text` has no character but white space; a first byte that is a visible ASCII
/// character answers at once.
#[inline]
fn is_blank(text: &str) -> bool {
    match text.as_bytes().first() {
        None => true,
        Some(byte) if byte.is_ascii_graphic() => false,
        Some(_) => only_white_space(text),
    }
}

#[inline(never)]
fn only_white_space(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

macro_rules! impl_non_empty_via {
    ($unit:expr => $($ty:ty $([$($generics:tt)*])?),* $(,)?) => {$(
        impl<$($($generics)*)?> NonEmpty for $ty {
            #[inline]
            fn empty_in(&self) -> Option<Unit> {
                self.is_empty().then_some($unit)
            }
        }
    )*};
}

impl_non_empty_via!(Unit::Items =>
    Vec<T> [T], [T] [T], VecDeque<T> [T], BTreeSet<T> [T], HashSet<T, S> [T, S],
);
impl_non_empty_via!(Unit::Entries => BTreeMap<K, V> [K, V], HashMap<K, V, S> [K, V, S]);

impl<T, const N: usize> NonEmpty for [T; N] {
    #[inline]
    fn empty_in(&self) -> Option<Unit> {
        (N == 0).then_some(Unit::Items)
    }
}

impl NonEmpty for String {
    #[inline]
    fn empty_in(&self) -> Option<Unit> {
        self.as_str().empty_in()
    }
}

impl NonEmpty for Cow<'_, str> {
    #[inline]
    fn empty_in(&self) -> Option<Unit> {
        (**self).empty_in()
    }
}

impl<T: NonEmpty + ?Sized> NonEmpty for &T {
    #[inline]
    fn empty_in(&self) -> Option<Unit> {
        (**self).empty_in()
    }
}

impl<T: NonEmpty + ?Sized> NonEmpty for Box<T> {
    #[inline]
    fn empty_in(&self) -> Option<Unit> {
        (**self).empty_in()
    }
}

impl<T: NonEmpty + ?Sized> NonEmpty for Rc<T> {
    #[inline]
    fn empty_in(&self) -> Option<Unit> {
        (**self).empty_in()
    }
}

impl<T: NonEmpty + ?Sized> NonEmpty for Arc<T> {
    #[inline]
    fn empty_in(&self) -> Option<Unit> {
        (**self).empty_in()
    }
}

impl<T: NonEmpty> NonEmpty for Option<T> {
    #[inline]
    fn empty_in(&self) -> Option<Unit> {
        self.as_ref().and_then(NonEmpty::empty_in)
    }
}

/// Fails with `EmptyValue` when `value` is empty.
pub fn check<T: NonEmpty + ?Sized>(value: &T) -> Result<(), impl Failure> {
    match value.empty_in() {
        None => Ok(()),
        Some(unit) => Err(move || empty(unit)),
    }
}

/// The error for an empty value measured in `unit`.
#[cold]
pub(crate) fn empty(unit: Unit) -> RuleError {
    RuleError::new(CODE, crate::message::Message::Empty { unit })
}
