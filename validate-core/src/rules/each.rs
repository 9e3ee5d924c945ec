//! `each(rule, …)`: rules on every item of a collection or every value of a map.
//!
//! ```
//! use std::collections::BTreeMap;
//! use validate_core::Validate;
//!
//! #[derive(Validate)]
//! struct Hub {
//!     #[validate(each(non_empty, length(max = 8)))]
//!     tags: Vec<String>,
//!     #[validate(each(range(min = 1)))]
//!     quotas: BTreeMap<String, u32>,
//! }
//!
//! let hub = Hub {
//!     tags: vec!["ok".into(), " ".into(), "much-too-long".into()],
//!     quotas: BTreeMap::from([("gold".into(), 0)]),
//! };
//! let violations = hub.validate().unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| (v.code(), v.target())).collect();
//! assert_eq!(found, [
//!     ("EmptyValue", "tags[1]"),
//!     ("ValueTooLong", "tags[2]"),
//!     ("ValueOutOfRange", "quotas['gold']"),
//! ]);
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Display;
use std::hash::BuildHasher;
use std::ops::ControlFlow;

use crate::Path;
use crate::path::Below;
use crate::rules::each_entry;
use crate::rules::entries::Entries;
use crate::sink::Sink;

/// A collection whose items can be checked one by one, each at its own target.
#[diagnostic::on_unimplemented(
    message = "`each` cannot be checked on `{Self}`",
    label = "`each` needs a collection or a map",
    note = "`each` works on `Vec`, slices, arrays, `VecDeque`, `BTreeSet`, `HashSet`, `BTreeMap` and `HashMap` (their values), or an `Option` of one"
)]
pub trait Each {
    /// The item type.
    type Item;
    /// Calls `check` on every item with its place: `at[i]` for sequences, `at['key']` for maps,
    /// and for sets `at[i]` in the set's order (sorted for a `BTreeSet`, as it iterates for a
    /// `HashSet`). The place is a [`Below`], whose path is made only if a violation is recorded
    /// there. Stops at the first item whose `check` answers `Break`, and answers it.
    fn each<O: Sink>(
        &self,
        at: &Path<'_>,
        out: &mut O,
        check: impl FnMut(&Self::Item, Below<'_, &Path<'_>>, &mut O) -> ControlFlow<()>,
    ) -> ControlFlow<()>;
}

/// `Each` for `$ty`, with the generics `$generics`, of items `$item`, walked by `$walk`:
/// [`in_order`] for the collections, [`values`] for the maps.
macro_rules! impl_each {
    ($walk:ident, $item:ident: $($ty:ty [$($generics:tt)*]),* $(,)?) => {$(
        impl<$($generics)*> Each for $ty {
            type Item = $item;
            fn each<O: Sink>(
                &self,
                at: &Path<'_>,
                out: &mut O,
                check: impl FnMut(&$item, Below<'_, &Path<'_>>, &mut O) -> ControlFlow<()>,
            ) -> ControlFlow<()> {
                $walk(self, at, out, check)
            }
        }
    )*};
}

impl_each!(in_order, T:
    [T] [T],
    Vec<T> [T],
    [T; N] [T, const N: usize],
    VecDeque<T> [T],
    BTreeSet<T> [T],
    HashSet<T, S> [T, S],
);

impl_each!(values, V:
    HashMap<K, V, S> [K: Ord + Display, V, S: BuildHasher],
    BTreeMap<K, V> [K: Ord + Display, V],
);

/// Runs `check` on `items` in their order, each at its index under `at`, up to the first `Break`:
/// the loop of every collection but a map.
#[inline]
fn in_order<'a, T: 'a, O: Sink>(
    items: impl IntoIterator<Item = &'a T>,
    at: &Path<'_>,
    out: &mut O,
    mut check: impl FnMut(&T, Below<'_, &Path<'_>>, &mut O) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for (i, item) in items.into_iter().enumerate() {
        check(item, Below::index(at, i), out)?;
    }
    ControlFlow::Continue(())
}

/// Runs `check` on a map's values, each at its key (`each_entry`, which checks them again in key
/// order when the map's own order is not sorted).
#[inline]
fn values<M: Entries + ?Sized, O: Sink>(
    map: &M,
    at: &Path<'_>,
    out: &mut O,
    mut check: impl FnMut(&M::Value, Below<'_, &Path<'_>>, &mut O) -> ControlFlow<()>,
) -> ControlFlow<()> {
    each_entry(map, at, out, |_, value, at, out| check(value, at, out))
}

impl<C: Each + ?Sized> Each for &C {
    type Item = C::Item;
    fn each<O: Sink>(
        &self,
        at: &Path<'_>,
        out: &mut O,
        check: impl FnMut(&C::Item, Below<'_, &Path<'_>>, &mut O) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        (**self).each(at, out, check)
    }
}

impl<C: Each + ?Sized> Each for Box<C> {
    type Item = C::Item;
    fn each<O: Sink>(
        &self,
        at: &Path<'_>,
        out: &mut O,
        check: impl FnMut(&C::Item, Below<'_, &Path<'_>>, &mut O) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        (**self).each(at, out, check)
    }
}

impl<C: Each> Each for Option<C> {
    type Item = C::Item;
    fn each<O: Sink>(
        &self,
        at: &Path<'_>,
        out: &mut O,
        check: impl FnMut(&C::Item, Below<'_, &Path<'_>>, &mut O) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        match self {
            Some(collection) => collection.each(at, out, check),
            None => ControlFlow::Continue(()),
        }
    }
}

/// Runs `check` on the items of `value`, each at its own target, up to the first that answers
/// `Break` (a [`Holds`](crate::Holds) at a failure; a list never stops).
pub fn check<C: Each + ?Sized, O: Sink>(
    value: &C,
    check: impl FnMut(&C::Item, Below<'_, &Path<'_>>, &mut O) -> ControlFlow<()>,
    at: &Path<'_>,
    out: &mut O,
) -> ControlFlow<()> {
    value.each(at, out, check)
}
