//! Where checks record what they find: every violation, in a [`Violations`] list, or only whether
//! there is one, in a [`Holds`].
//!
//! `validate()` (and `validate_with`) asks first whether the value holds, through the same checks the derive writes
//! once: with a [`Holds`], a failed check does nothing but clear a flag, so the compiler keeps no
//! list, builds no path and lays the checks out as a hand-written `&&` chain would be. Only a value
//! that does not hold is checked again into a [`Violations`] list, which then says what and where.
//! Both answers come from the same checks, so they cannot disagree.
//!
//! ```
//! use validate_core::Validate;
//! use validate_core::sink::Holds;
//!
//! #[derive(Validate)]
//! struct Hub {
//!     #[validate(length(min = 2, max = 64))]
//!     name: String,
//! }
//!
//! assert!(Holds::check(&Hub { name: "contoso".into() }));
//! assert!(!Holds::check(&Hub { name: "c".into() }));
//! ```

use crate::__v1::Overrides;
use crate::path::At;
use crate::{RuleError, Validate, ValidateWith, Violations};

/// What checks record into: a [`Violations`] list or a [`Holds`]. Sealed: generated code and the
/// runtime's rules are written against these two.
pub trait Sink: sealed::Sealed {
    /// Records the outcome of a rule that yields one error at `at`, with the attribute's overrides.
    #[doc(hidden)]
    fn record(&mut self, at: impl At, result: Result<(), RuleError>, overrides: Overrides);

    /// How many were recorded: for a [`Holds`], 0 or 1.
    #[doc(hidden)]
    fn recorded(&self) -> usize;

    /// For a map's entries, checked in the order the map keeps them: forgets what was recorded
    /// since `start` (a former [`recorded`](Sink::recorded)), so that it is recorded again in key order,
    /// and says whether there was any. A [`Holds`] keeps its answer, which no order changes, and
    /// says no.
    #[doc(hidden)]
    fn forget_since(&mut self, start: usize) -> bool;

    /// Runs a rule that records into this sink itself (`nested`, `each`), giving what it records
    /// the attribute's overrides.
    #[doc(hidden)]
    fn overridden(&mut self, overrides: Overrides, rule: impl FnOnce(&mut Self));

    /// Runs a rule that records into a list (`keys`, `unique`, `localized`, a hand-written
    /// `validate_at`), giving what it records the attribute's overrides.
    #[doc(hidden)]
    fn collect(&mut self, overrides: Overrides, rule: impl FnOnce(&mut Violations));
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Violations {}
    impl Sealed for super::Holds {}
}

impl Sink for Violations {
    #[inline]
    fn record(&mut self, at: impl At, result: Result<(), RuleError>, overrides: Overrides) {
        // A valid result is forgotten, not dropped: dropping it called `Result`'s drop glue out of
        // line on every valid check whose rule makes its result in more than one place (`range` on
        // 100 items: 3.0 → 1.2 × the hand-written check). Matching `Err(error)` instead did the
        // same for `range` but made the workload without `unique` 3 × slower (the compiler then
        // wrote the paths before the checks). `benches/benches/{rules,plain}.rs`, 2026-12-01.
        if result.is_err() {
            at.with(|at| {
                let start = self.len();
                Violations::record(self, at, result);
                self.apply(start, overrides);
            });
        } else {
            core::mem::forget(result);
        }
    }

    #[inline]
    fn recorded(&self) -> usize {
        self.len()
    }

    #[inline]
    fn forget_since(&mut self, start: usize) -> bool {
        let any = self.len() > start;
        if any {
            self.truncate(start);
        }
        any
    }

    #[inline]
    fn overridden(&mut self, overrides: Overrides, rule: impl FnOnce(&mut Self)) {
        let start = self.len();
        rule(self);
        self.apply(start, overrides);
    }

    #[inline]
    fn collect(&mut self, overrides: Overrides, rule: impl FnOnce(&mut Violations)) {
        self.overridden(overrides, rule);
    }
}

impl Violations {
    /// Gives the violations recorded since `start` the attribute's overrides.
    #[inline]
    fn apply(&mut self, start: usize, overrides: Overrides) {
        if overrides.code.is_some() || overrides.message.is_some() {
            self.override_since(start, overrides.code, overrides.message);
        }
    }
}

/// Whether every check passed: what `validate()` asks before it makes a list.
///
/// A failed check clears the flag and nothing more; no path, message or list is made. A rule that
/// records into a list (`unique`, `keys`, `localized`) is given one that keeps nothing, and counts.
#[derive(Clone, Copy, Debug)]
pub struct Holds(bool);

impl Holds {
    /// Whether `value` passes every check of its [`Validate`]: `validate()` is `Ok` exactly when
    /// this is `true`. Allocates nothing when it is.
    #[inline]
    pub fn check<T: Validate + ?Sized>(value: &T) -> bool {
        value.__holds()
    }

    /// Whether `value` passes every check of its [`ValidateWith`] with the context `ctx`:
    /// `validate_with(ctx)` is `Ok` exactly when this is `true`.
    #[inline]
    pub fn check_with<T: ValidateWith<C> + ?Sized, C: ?Sized>(value: &T, ctx: &C) -> bool {
        value.__holds_with(ctx)
    }

    /// Runs `checks` into a new `Holds` and answers whether they all passed. For generated code.
    #[doc(hidden)]
    #[inline]
    pub fn run(checks: impl FnOnce(&mut Holds)) -> bool {
        let mut holds = Holds(true);
        checks(&mut holds);
        holds.0
    }
}

impl Sink for Holds {
    #[inline]
    fn record(&mut self, _: impl At, result: Result<(), RuleError>, _: Overrides) {
        if result.is_err() {
            self.0 = false;
            drop(result);
        } else {
            core::mem::forget(result);
        }
    }

    #[inline]
    fn recorded(&self) -> usize {
        usize::from(!self.0)
    }

    #[inline]
    fn forget_since(&mut self, _: usize) -> bool {
        false
    }

    #[inline]
    fn overridden(&mut self, _: Overrides, rule: impl FnOnce(&mut Self)) {
        rule(self);
    }

    #[inline]
    fn collect(&mut self, _: Overrides, rule: impl FnOnce(&mut Violations)) {
        // Keeps none and counts: a failure past the limit builds no target and no message.
        let mut list = Violations::with_limit(0);
        rule(&mut list);
        self.0 &= list.into_result().is_ok();
    }
}
