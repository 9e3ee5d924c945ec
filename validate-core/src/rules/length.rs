//! `length(min = N, max = M)`: strings in characters, collections in items, maps in entries;
//! `length(equal = N)`: exactly `N` of them.
//!
//! ```
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Hub {
//!     #[validate(length(min = 2, max = 4))]
//!     name: String,
//!     #[validate(length(max = 1, code = "TooManyTags"))]
//!     tags: Vec<String>,
//!     #[validate(length(equal = 2))]
//!     country: String,
//! }
//!
//! let hub = Hub { name: "Zürich".into(), tags: vec!["a".into(), "b".into()], country: "CHE".into() };
//! let found: Vec<_> = hub.validate().unwrap_err().iter()
//!     .map(|v| format!("{} {} {}", v.code(), v.target(), v.message())).collect();
//! assert_eq!(found, [
//!     "ValueTooLong name The value must have at most 4 characters; it has 6.",
//!     "TooManyTags tags The value must have at most 1 item; it has 2.",
//!     "ValueTooLong country The value must have exactly 2 characters; it has 3.",
//! ]);
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use crate::Failure;
use crate::RuleError;
use crate::message::Message;
use crate::rules::Unit;

/// The ARM code of a value under its minimum length.
pub const TOO_SHORT: &str = "ValueTooShort";
/// The ARM code of a value over its maximum length.
pub const TOO_LONG: &str = "ValueTooLong";

/// A value with a length.
#[diagnostic::on_unimplemented(
    message = "`length` cannot be checked on `{Self}`",
    label = "`length` needs a string, a collection or a map",
    note = "for numbers, use `range(min = …, max = …)`"
)]
pub trait HasLength {
    /// The length and its unit, or `None` when the value is absent.
    fn length(&self) -> Option<(usize, Unit)>;

    /// `Some(true)` when the value is surely within the bounds without measuring it exactly,
    /// `Some(false)` when it is surely outside them; `None` when [`HasLength::length`] must tell.
    #[inline]
    fn within(&self, min: Option<usize>, max: Option<usize>) -> Option<bool> {
        let _ = (min, max);
        None
    }
}

impl HasLength for str {
    #[inline]
    fn length(&self) -> Option<(usize, Unit)> {
        Some((self.chars().count(), Unit::Characters))
    }

    #[inline]
    fn within(&self, min: Option<usize>, max: Option<usize>) -> Option<bool> {
        // A string has at most as many characters as bytes, and at least a quarter as many:
        // the byte length often settles it without counting, either way. Settled outside, the
        // first pass needs no count at all: an empty string under `min = 1` is a jump out of the
        // loop, as in a hand-written check (`benches/benches/plain.rs`).
        let (most, fewest) = (self.len(), self.len().div_ceil(4));
        if min.is_none_or(|min| fewest >= min) && max.is_none_or(|max| most <= max) {
            return Some(true);
        }
        // Unsettled or outside is the rare case: without this hint the compiler computed the
        // three answers branch-free and then tested them (`length(min = 1, max = 64)` at 10 and 100
        // items 1.14 – 1.41 × its hand-written check; 0.49 – 0.70 × with it; two runs each of
        // `benches/benches/rules.rs`, 2026-12-02).
        unlikely();
        if min.is_some_and(|min| most < min) || max.is_some_and(|max| fewest > max) { Some(false) } else { None }
    }
}

/// Marks the branch that calls it as rarely taken: `std::hint::cold_path`, which came in Rust
/// 1.95, written for the crate's 1.88 (a call of a cold function weighs its branch as rare).
#[cold]
#[inline(always)]
fn unlikely() {}

macro_rules! impl_length_via_len {
    ($unit:expr => $($ty:ty $([$($generics:tt)*])?),* $(,)?) => {$(
        impl<$($($generics)*)?> HasLength for $ty {
            #[inline]
            fn length(&self) -> Option<(usize, Unit)> {
                Some((self.len(), $unit))
            }
        }
    )*};
}

impl_length_via_len!(Unit::Items =>
    Vec<T> [T], [T] [T], VecDeque<T> [T], BTreeSet<T> [T], HashSet<T, S> [T, S],
);
impl_length_via_len!(Unit::Entries => BTreeMap<K, V> [K, V], HashMap<K, V, S> [K, V, S]);

impl<T, const N: usize> HasLength for [T; N] {
    #[inline]
    fn length(&self) -> Option<(usize, Unit)> {
        Some((N, Unit::Items))
    }
}

impl HasLength for String {
    #[inline]
    fn length(&self) -> Option<(usize, Unit)> {
        self.as_str().length()
    }

    #[inline]
    fn within(&self, min: Option<usize>, max: Option<usize>) -> Option<bool> {
        self.as_str().within(min, max)
    }
}

impl HasLength for Cow<'_, str> {
    #[inline]
    fn length(&self) -> Option<(usize, Unit)> {
        (**self).length()
    }

    #[inline]
    fn within(&self, min: Option<usize>, max: Option<usize>) -> Option<bool> {
        (**self).within(min, max)
    }
}

impl<T: HasLength + ?Sized> HasLength for &T {
    #[inline]
    fn length(&self) -> Option<(usize, Unit)> {
        (**self).length()
    }

    #[inline]
    fn within(&self, min: Option<usize>, max: Option<usize>) -> Option<bool> {
        (**self).within(min, max)
    }
}

impl<T: HasLength + ?Sized> HasLength for Box<T> {
    #[inline]
    fn length(&self) -> Option<(usize, Unit)> {
        (**self).length()
    }

    #[inline]
    fn within(&self, min: Option<usize>, max: Option<usize>) -> Option<bool> {
        (**self).within(min, max)
    }
}

impl<T: HasLength + ?Sized> HasLength for Rc<T> {
    #[inline]
    fn length(&self) -> Option<(usize, Unit)> {
        (**self).length()
    }

    #[inline]
    fn within(&self, min: Option<usize>, max: Option<usize>) -> Option<bool> {
        (**self).within(min, max)
    }
}

impl<T: HasLength + ?Sized> HasLength for Arc<T> {
    #[inline]
    fn length(&self) -> Option<(usize, Unit)> {
        (**self).length()
    }

    #[inline]
    fn within(&self, min: Option<usize>, max: Option<usize>) -> Option<bool> {
        (**self).within(min, max)
    }
}

impl<T: HasLength> HasLength for Option<T> {
    #[inline]
    fn length(&self) -> Option<(usize, Unit)> {
        self.as_ref().and_then(HasLength::length)
    }

    #[inline]
    fn within(&self, min: Option<usize>, max: Option<usize>) -> Option<bool> {
        // An absent value passes.
        self.as_ref().map_or(Some(true), |value| value.within(min, max))
    }
}

/// Fails with `ValueTooShort` under `min` or `ValueTooLong` over `max` (both inclusive bounds).
pub fn check<T: HasLength + ?Sized>(value: &T, min: Option<usize>, max: Option<usize>) -> Result<(), impl Failure> {
    // Settled by `within` where it can be (a string's byte length, without counting), else measured.
    let fits = |length: usize| min.is_none_or(|min| length >= min) && max.is_none_or(|max| length <= max);
    let holds = value.within(min, max).unwrap_or_else(|| value.length().is_none_or(|(length, _)| fits(length)));
    if holds { Ok(()) } else { Err(move || outside(value, Bounds::Range(min, max))) }
}

/// Fails unless the value has exactly `expected` characters, items or entries: with
/// `ValueTooShort` when it has fewer, `ValueTooLong` when it has more.
pub fn exactly<T: HasLength + ?Sized>(value: &T, expected: usize) -> Result<(), impl Failure> {
    // Measured, not asked `within`: a byte length rarely settles one exact length, and `within`
    // treats an unsettled string as the rare case (`length(equal = 2)` 1.37 – 1.51 × its
    // hand-written check through `within`, at most 1.14 × measured directly; two windows of
    // `benches/benches/rules.rs`, 2026-12-02).
    if value.length().is_none_or(|(length, _)| length == expected) {
        Ok(())
    } else {
        Err(move || outside(value, Bounds::Exactly(expected)))
    }
}

/// The bounds as the attribute wrote them, for the message.
#[derive(Clone, Copy)]
enum Bounds {
    /// `min` and `max`.
    Range(Option<usize>, Option<usize>),
    /// `equal`.
    Exactly(usize),
}

/// The error of a value outside its bounds, measured only when a list keeps it: the first pass
/// of `validate()` asks only whether there is one, and a string settled outside by its byte
/// length is not counted there.
#[cold]
fn outside<T: HasLength + ?Sized>(value: &T, bounds: Bounds) -> RuleError {
    // Only a value outside its bounds gets here, and it has a length (an absent one holds); an
    // impl whose `within` says otherwise gets a message about a length of 0.
    let (actual, unit) = value.length().unwrap_or((0, Unit::Items));
    match bounds {
        Bounds::Exactly(expected) => {
            let code = if actual < expected { TOO_SHORT } else { TOO_LONG };
            RuleError::new(code, Message::WrongLength { expected, actual, unit })
        }
        Bounds::Range(Some(min), _) if actual < min => {
            RuleError::new(TOO_SHORT, Message::TooShort { min, actual, unit })
        }
        Bounds::Range(_, max) => {
            RuleError::new(TOO_LONG, Message::TooLong { max: max.unwrap_or(actual), actual, unit })
        }
    }
}
