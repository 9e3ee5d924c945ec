//! The `Validate` trait and its impls for the containers `nested` walks through.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt::Display;
use std::hash::BuildHasher;
use std::ops::ControlFlow;
use std::rc::Rc;
use std::sync::Arc;

use crate::Holds;
use crate::path::At;
use crate::rules::each::Each;
use crate::sink::Sink;
use crate::{Path, Violations};

/// A value with rules. Derive it with `#[derive(Validate)]`, or write it by hand.
///
/// ```
/// use validate_core::{Path, RuleError, Validate, Violations};
///
/// // The derive writes the checks (and `validate_at`); `validate` comes with the trait.
/// #[derive(Validate)]
/// struct Mapping {
///     #[validate(non_empty)]
///     name: String,
/// }
///
/// // A hand-written impl reports through `Violations::record` and nests with `Path`.
/// struct Pair(Mapping, Mapping);
///
/// impl Validate for Pair {
///     fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
///         self.0.validate_at(&at.member("left"), out);
///         self.1.validate_at(&at.member("right"), out);
///         if self.0.name == self.1.name {
///             out.record(at, Err(RuleError::invalid("The two sides must differ.")));
///         }
///     }
/// }
///
/// let pair = Pair(Mapping { name: "a".into() }, Mapping { name: " ".into() });
/// let violations = pair.validate().unwrap_err();
/// assert_eq!(violations.to_string(), "right.name: The value must not be empty or white space.");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`",
    label = "`{Self}` needs rules of its own here",
    note = "derive `Validate` on `{Self}` or implement it by hand; on a `nested` field, removing `nested` also works"
)]
pub trait Validate {
    /// Checks every rule and returns every violation, in field-declaration order.
    ///
    /// Allocates nothing when the value is valid. A derived type is first asked only whether it
    /// holds ([`Holds`](crate::Holds)), which builds no list and no path and stops at the first
    /// failed check; a value that does not is checked again, every rule, into the list this
    /// returns. Its `custom` and `check` functions (and the `validate_at` of a hand-written type
    /// nested in it) so run once on a valid value and, outside maps, at most twice on an invalid
    /// one; a map with a failing entry checks its entries again in key order, so inside one they
    /// run more often. Keep them free of side effects.
    // Inlined, so that the checks of a valid value run where `validate()` is called, as a
    // hand-written check would; the second pass is a call (the body without `unique` at 10 items:
    // 1.66 – 1.76 → 1.10 × the hand-written check, the invalid body 0.29 → 0.38 × garde; two
    // alternated runs each, `benches/benches/plain.rs`, 2026-12-01).
    #[inline]
    fn validate(&self) -> Result<(), Violations> {
        if self.__holds() == Some(true) { Ok(()) } else { every_violation(self) }
    }

    /// Checks every rule with targets under `at`, recording violations into `out`.
    ///
    /// This is how a value is validated as part of a larger one. A derived type's `nested`
    /// fields reach their checks through a hidden method that takes the field's place without
    /// making its path; a hand-written type's `validate_at` is called with the path made.
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations);

    /// `validate_at` into any sink (the list, or a [`Holds`](crate::Holds)) at a place
    /// whose path is made only when a violation is recorded there: the derive writes its checks
    /// here, and `validate_at` and `__holds` call it. Answers `Break` when the sink stopped the
    /// checks (a `Holds`, at the first failure). For generated code.
    ///
    /// `Box`, `Rc`, `Arc` and `&T` keep this default (they make the path and call `validate_at`,
    /// given a list with room for one when the sink is a `Holds`): passing the place and the sink
    /// through them would make a recursive type such as `struct Node { next: Option<Box<Node>> }`
    /// instantiate this method without end.
    #[doc(hidden)]
    #[inline]
    fn __validate_in(&self, at: impl At, out: &mut impl Sink) -> ControlFlow<()>
    where
        Self: Sized,
    {
        out.collect_hand_written(|out| at.with(|at| self.validate_at(at, out)))
    }

    /// Whether every rule passes, answered without a list ([`Holds`](crate::Holds)): the
    /// derive runs its checks into a `Holds` here. The default, `None` (no answer without a
    /// list), sends `validate()` straight to `validate_at`. For generated code.
    #[doc(hidden)]
    #[inline]
    fn __holds(&self) -> Option<bool> {
        None
    }

    /// For [`from_json`](crate::from_json) after a failed read: the problems of the body read as
    /// `Self`. By default the first shape problem, at its target; the derive's walk, for the
    /// types it can walk, gives every shape problem and rule violation.
    #[doc(hidden)]
    fn __explain(failed: &crate::__v1::walk::Failed<'_>) -> Violations
    where
        Self: Sized + serde::de::DeserializeOwned,
    {
        crate::json::explain_tree::<Self>(failed.tree, failed.fast)
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
        (**self).validate_at(at, out);
    }

    #[inline]
    fn __holds(&self) -> Option<bool> {
        (**self).__holds()
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
        (**self).validate_at(at, out);
    }

    #[inline]
    fn __holds(&self) -> Option<bool> {
        (**self).__holds()
    }
}

impl<T: Validate + ?Sized> Validate for Rc<T> {
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
        (**self).validate_at(at, out);
    }

    #[inline]
    fn __holds(&self) -> Option<bool> {
        (**self).__holds()
    }
}

impl<T: Validate + ?Sized> Validate for Arc<T> {
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
        (**self).validate_at(at, out);
    }

    #[inline]
    fn __holds(&self) -> Option<bool> {
        (**self).__holds()
    }
}

impl<T: Validate> Validate for Option<T> {
    #[inline]
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
        if let Some(value) = self {
            value.validate_at(at, out);
        }
    }

    #[inline]
    fn __validate_in(&self, at: impl At, out: &mut impl Sink) -> ControlFlow<()> {
        match self {
            Some(value) => value.__validate_in(at, out),
            None => ControlFlow::Continue(()),
        }
    }

    #[inline]
    fn __holds(&self) -> Option<bool> {
        self.as_ref().map_or(Some(true), T::__holds)
    }
}

// Each item is handed a place below the collection's (`Each` gives a `Below`), made only on a
// violation: no path is written for a valid item.
macro_rules! impl_validate_items {
    ($($ty:ty $([$($generics:tt)*])?),* $(,)?) => {$(
        impl<$($($generics)*)?> Validate for $ty {
            #[inline]
            fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
                // A list goes on to the end.
                let _ = self.each(at, out, |item, at, out| item.__validate_in(at, out));
            }

            #[inline]
            fn __validate_in(&self, at: impl At, out: &mut impl Sink) -> ControlFlow<()> {
                at.with(|at| self.each(at, out, |item, at, out| item.__validate_in(at, out)))
            }

            #[inline]
            fn __holds(&self) -> Option<bool> {
                Some(Holds::run(|out| self.__validate_in(&Path::root(), out)))
            }
        }
    )*};
}

impl<T: Validate> Validate for [T] {
    #[inline]
    fn validate_at(&self, at: &Path<'_>, out: &mut Violations) {
        // A list goes on to the end.
        let _ = self.each(at, out, |item, at, out| item.__validate_in(at, out));
    }

    #[inline]
    fn __holds(&self) -> Option<bool> {
        Some(Holds::run(|out| self.each(&Path::root(), out, |item, at, out| item.__validate_in(at, out))))
    }
}

impl_validate_items!(
    Vec<T> [T: Validate],
    VecDeque<T> [T: Validate],
    [T; N] [T: Validate, const N: usize],
    BTreeMap<K, V> [K: Ord + Display, V: Validate],
    HashMap<K, V, S> [K: Ord + Display, V: Validate, S: BuildHasher],
);

/// What `validate()` does after a value did not hold: every rule again, into a list.
#[inline(never)]
fn every_violation<T: Validate + ?Sized>(value: &T) -> Result<(), Violations> {
    let mut out = Violations::new();
    value.validate_at(&Path::root(), &mut out);
    out.into_result()
}

/// Unit validates trivially, so that generic code can use `()` where no rules apply.
impl Validate for () {
    fn validate_at(&self, _: &Path<'_>, _: &mut Violations) {}
}
