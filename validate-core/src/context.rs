//! Validation with a context: what a type's rules need from outside the value, such as the stored
//! resource a `PUT` replaces or the profile types a hub has.
//!
//! A type declares the context it needs with `#[validate(context = Type)]`; its `custom` rules and
//! `check` functions then take the context as a second argument, its rule arguments can name it
//! `ctx`, and `read_only(stored = function)` accepts the value the context holds. It is validated
//! with [`ValidateWith::validate_with`] and read with [`from_json_with`](crate::from_json_with).
//!
//! Nested types get their context without ceremony: a type without a context nests under any, a
//! type with the same context is given it, a type whose context is a part of the parent's gets
//! the part [`Provides`] finds (or the one `nested(context = function)` names). A nested type whose
//! context the parent cannot give is a compile error that says so.
//!
//! ```
//! use validate_core::{Provides, RuleError, ValidateWith};
//!
//! /// What the server knows: the profile types of the hub.
//! struct Hub {
//!     profile_types: Vec<String>,
//! }
//!
//! /// A request handler's context: the hub, and more.
//! struct Request {
//!     hub: Hub,
//! }
//!
//! // `Mapping` needs only the hub: it finds it in a `Request`.
//! impl Provides<Hub> for Request {
//!     fn provide(&self) -> &Hub {
//!         &self.hub
//!     }
//! }
//!
//! fn known_type(name: &str, hub: &Hub) -> Result<(), RuleError> {
//!     if hub.profile_types.iter().any(|known| known == name) {
//!         Ok(())
//!     } else {
//!         Err(RuleError::new("UnknownProfileType", format!("The hub has no profile type '{name}'.")))
//!     }
//! }
//!
//! #[derive(validate_core::Validate)]
//! #[validate(context = Hub)]
//! struct Mapping {
//!     #[validate(custom(known_type))]
//!     profile_type: String,
//! }
//!
//! #[derive(validate_core::Validate)]
//! #[validate(context = Request)]
//! struct Relationship {
//!     #[validate(nested)]
//!     mappings: Vec<Mapping>,
//! }
//!
//! let request = Request { hub: Hub { profile_types: vec!["Contact".into()] } };
//! let body = Relationship {
//!     mappings: vec![Mapping { profile_type: "Contact".into() }, Mapping { profile_type: "Account".into() }],
//! };
//! let violations = body.validate_with(&request).unwrap_err();
//! assert_eq!(violations.to_string(), "mappings[1].profile_type: The hub has no profile type 'Account'.");
//! ```

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

/// A context from which the context `C` of a nested type can be found.
///
/// Every context provides itself. Implement it for a parent's context that holds the context a
/// nested type needs; or, for a field, name the projection: `nested(context = path::to::function)`.
#[diagnostic::on_unimplemented(
    message = "the context `{Self}` does not provide the context `{C}` that a nested type needs",
    label = "this needs a `{C}`, found from a `{Self}`",
    note = "implement `validate_core::Provides<{C}>` for `{Self}`, or name the part on the field: `nested(context = path::to::function)`"
)]
pub trait Provides<C: ?Sized> {
    /// The context `C` within `self`.
    fn provide(&self) -> &C;
}

impl<T: ?Sized> Provides<T> for T {
    fn provide(&self) -> &T {
        self
    }
}

/// A value whose rules need a context `C`: the derive implements it for a type with
/// `#[validate(context = …)]`, for every context that [`Provides`] the one it declares.
///
/// Types without a context implement [`Validate`](crate::Validate) instead, and nest under a
/// type with a context as they are.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be validated with the context `{C}`",
    label = "validated with a `{C}` here",
    note = "a type with `#[validate(context = …)]` is validated with any context that provides the one it declares; a type without one, with `validate()`"
)]
pub trait ValidateWith<C: ?Sized> {
    /// Checks every rule with the context `ctx` and returns every violation, in
    /// field-declaration order. Allocates nothing when the value is valid.
    ///
    /// As [`Validate::validate`](crate::Validate::validate), a derived type is first asked only
    /// whether it holds, which stops at the first failed check, and an invalid value is checked
    /// again into the list this returns: a `custom` function or a `check` runs once on a valid
    /// value and, outside maps, at most twice on an invalid one.
    #[inline]
    fn validate_with(&self, ctx: &C) -> Result<(), Violations> {
        if self.__holds_with(ctx) == Some(true) { Ok(()) } else { every_violation_with(self, ctx) }
    }

    /// Checks every rule with targets under `at`, recording violations into `out`.
    fn validate_with_at(&self, ctx: &C, at: &Path<'_>, out: &mut Violations);

    /// `validate_with_at` into any sink, at a place whose path is made only when a violation is
    /// recorded there: the derive writes its checks here. For generated code.
    #[doc(hidden)]
    #[inline]
    fn __validate_with_in(&self, ctx: &C, at: impl At, out: &mut impl Sink) -> ControlFlow<()>
    where
        Self: Sized,
    {
        out.collect_hand_written(|out| at.with(|at| self.validate_with_at(ctx, at, out)))
    }

    /// Whether every rule passes with `ctx`, answered without a list; `None` by default (no
    /// answer without a list), which sends `validate_with` straight to `validate_with_at`. For
    /// generated code.
    #[doc(hidden)]
    #[inline]
    fn __holds_with(&self, ctx: &C) -> Option<bool> {
        let _ = ctx;
        None
    }

    /// For [`from_json_with`](crate::from_json_with) after a failed read; see
    /// `Validate::__explain`.
    #[doc(hidden)]
    fn __explain_with(failed: &crate::__v1::walk::Failed<'_>, ctx: &C) -> Violations
    where
        Self: Sized + serde::de::DeserializeOwned,
    {
        let _ = ctx;
        crate::json::explain_tree::<Self>(failed.tree, failed.fast)
    }
}

macro_rules! impl_through_pointer {
    ($($ty:ident),*) => {$(
        impl<T: ValidateWith<C> + ?Sized, C: ?Sized> ValidateWith<C> for $ty<T> {
            fn validate_with_at(&self, ctx: &C, at: &Path<'_>, out: &mut Violations) {
                (**self).validate_with_at(ctx, at, out);
            }

            #[inline]
            fn __holds_with(&self, ctx: &C) -> Option<bool> {
                (**self).__holds_with(ctx)
            }
        }
    )*};
}

impl_through_pointer!(Box, Rc, Arc);

impl<T: ValidateWith<C> + ?Sized, C: ?Sized> ValidateWith<C> for &T {
    fn validate_with_at(&self, ctx: &C, at: &Path<'_>, out: &mut Violations) {
        (**self).validate_with_at(ctx, at, out);
    }

    #[inline]
    fn __holds_with(&self, ctx: &C) -> Option<bool> {
        (**self).__holds_with(ctx)
    }
}

impl<T: ValidateWith<C>, C: ?Sized> ValidateWith<C> for Option<T> {
    fn validate_with_at(&self, ctx: &C, at: &Path<'_>, out: &mut Violations) {
        if let Some(value) = self {
            value.validate_with_at(ctx, at, out);
        }
    }

    #[inline]
    fn __validate_with_in(&self, ctx: &C, at: impl At, out: &mut impl Sink) -> ControlFlow<()> {
        match self {
            Some(value) => value.__validate_with_in(ctx, at, out),
            None => ControlFlow::Continue(()),
        }
    }

    #[inline]
    fn __holds_with(&self, ctx: &C) -> Option<bool> {
        self.as_ref().map_or(Some(true), |value| value.__holds_with(ctx))
    }
}

/// Validates every item of `items` with `ctx`, each at its own place, made only on a violation.
#[inline]
fn each_with<E, C>(items: &E, ctx: &C, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()>
where
    E: Each + ?Sized,
    E::Item: ValidateWith<C>,
    C: ?Sized,
{
    items.each(at, out, |item, at, out| item.__validate_with_in(ctx, at, out))
}

/// What `validate_with` does after a value did not hold: every rule again, into a list.
#[inline(never)]
fn every_violation_with<T: ValidateWith<C> + ?Sized, C: ?Sized>(value: &T, ctx: &C) -> Result<(), Violations> {
    let mut out = Violations::new();
    value.validate_with_at(ctx, &Path::root(), &mut out);
    out.into_result()
}

// The impls' headers are written out rather than made by a macro: rustc quotes the impl for `Vec`
// when a nested type's context cannot be found, and a macro's source there reads as noise. Their
// bodies, the same for every sized collection, are `items_with!`.

/// The methods of `ValidateWith` for a sized collection: each item at its place, made only on a
/// violation.
macro_rules! items_with {
    () => {
        fn validate_with_at(&self, ctx: &C, at: &Path<'_>, out: &mut Violations) {
            // A list goes on to the end.
            let _ = each_with(self, ctx, at, out);
        }

        #[inline]
        fn __validate_with_in(&self, ctx: &C, at: impl At, out: &mut impl Sink) -> ControlFlow<()> {
            at.with(|at| each_with(self, ctx, at, out))
        }

        #[inline]
        fn __holds_with(&self, ctx: &C) -> Option<bool> {
            Some(Holds::run(|out| each_with(self, ctx, &Path::root(), out)))
        }
    };
}

impl<T: ValidateWith<C>, C: ?Sized> ValidateWith<C> for [T] {
    fn validate_with_at(&self, ctx: &C, at: &Path<'_>, out: &mut Violations) {
        // A list goes on to the end.
        let _ = each_with(self, ctx, at, out);
    }

    #[inline]
    fn __holds_with(&self, ctx: &C) -> Option<bool> {
        Some(Holds::run(|out| each_with(self, ctx, &Path::root(), out)))
    }
}

impl<T: ValidateWith<C>, C: ?Sized> ValidateWith<C> for Vec<T> {
    items_with!();
}

impl<T: ValidateWith<C>, C: ?Sized> ValidateWith<C> for VecDeque<T> {
    items_with!();
}

impl<T: ValidateWith<C>, C: ?Sized, const N: usize> ValidateWith<C> for [T; N] {
    items_with!();
}

impl<K: Ord + Display, V: ValidateWith<C>, C: ?Sized> ValidateWith<C> for BTreeMap<K, V> {
    items_with!();
}

impl<K: Ord + Display, V: ValidateWith<C>, S: BuildHasher, C: ?Sized> ValidateWith<C> for HashMap<K, V, S> {
    items_with!();
}
