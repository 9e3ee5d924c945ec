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

    /// `Some(true)` when the value is surely within the bounds without measuring it exactly;
    /// `None` when [`HasLength::length`] must tell.
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
        // the byte length often settles it without counting.
        let bytes = self.len();
        let surely_long_enough = min.is_none_or(|min| bytes.div_ceil(4) >= min);
        let surely_short_enough = max.is_none_or(|max| bytes <= max);
        if surely_long_enough && surely_short_enough { Some(true) } else { None }
    }
}

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
    if value.within(min, max) == Some(true) {
        return Ok(());
    }
    let Some((length, unit)) = value.length() else {
        return Ok(());
    };
    let outside = match (min, max) {
        (Some(min), _) if length < min => Outside::Short(min),
        (_, Some(max)) if length > max => Outside::Long(max),
        _ => return Ok(()),
    };
    Err(move || outside.error(length, unit))
}

/// Which bound a length is outside of.
#[derive(Clone, Copy)]
enum Outside {
    /// Under this minimum.
    Short(usize),
    /// Over this maximum.
    Long(usize),
}

impl Outside {
    #[cold]
    fn error(self, actual: usize, unit: Unit) -> RuleError {
        match self {
            Outside::Short(min) => RuleError::new(TOO_SHORT, Message::TooShort { min, actual, unit }),
            Outside::Long(max) => RuleError::new(TOO_LONG, Message::TooLong { max, actual, unit }),
        }
    }
}

/// Fails unless the value has exactly `expected` characters, items or entries: with
/// `ValueTooShort` when it has fewer, `ValueTooLong` when it has more.
pub fn exactly<T: HasLength + ?Sized>(value: &T, expected: usize) -> Result<(), impl Failure> {
    if value.within(Some(expected), Some(expected)) == Some(true) {
        return Ok(());
    }
    let Some((actual, unit)) = value.length() else {
        return Ok(());
    };
    let code = match actual.cmp(&expected) {
        std::cmp::Ordering::Equal => return Ok(()),
        std::cmp::Ordering::Less => TOO_SHORT,
        std::cmp::Ordering::Greater => TOO_LONG,
    };
    Err(move || RuleError::new(code, Message::WrongLength { expected, actual, unit }))
}
