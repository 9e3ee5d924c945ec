//! Where checks record what they find: every violation, in a [`Violations`] list, or only whether
//! there is one, in a [`Holds`].
//!
//! `validate()` and `validate_with` ask first whether a derived value holds, through the checks the
//! derive writes once: every check says whether to go on ([`ControlFlow`]), and into a [`Holds`] a
//! failed check stops them all, so the compiler keeps no list, builds no path and lays the checks
//! out as a hand-written `&&` chain would be. A list always goes on. Only a value that does not
//! hold is checked again into a [`Violations`] list, which then says what and where. Both passes
//! run the same checks, so they answer alike as long as each check does (a `custom` function that
//! answers differently on a second call could make them differ).

use std::ops::ControlFlow;

use crate::path::At;
use crate::{Failure, RuleError, Validate, ValidateWith, Violations};

/// The code and message an attribute gives instead of a rule's own.
#[derive(Clone, Copy)]
pub struct Overrides {
    /// The code given with `code = "…"`.
    pub code: Option<&'static str>,
    /// The text given with `message = "…"`.
    pub message: Option<&'static str>,
}

impl Overrides {
    /// The rule's own code and message.
    pub const NONE: Overrides = Overrides { code: None, message: None };
}

/// What checks record into: a [`Violations`] list or a [`Holds`]. Sealed: generated code and the
/// runtime's rules are written against these two. Generated code reaches it through `__v1`.
///
/// What records answers whether checking goes on: a list always does (`Continue`), so that it
/// finds every violation; a `Holds` stops (`Break`) at the first failure. Whatever runs checks
/// into a sink passes a `Break` on (the runtime with `?`, generated code by matching
/// `__v1::STOP`) and answers `Continue` when it ran them all.
pub trait Sink: sealed::Sealed {
    /// Records the outcome of a rule that yields one error at `at`, with the attribute's overrides.
    fn record(&mut self, at: impl At, result: Result<(), impl Failure>, overrides: Overrides) -> ControlFlow<()>;

    /// Records a failure at `at` whose error `error` builds only when it is kept
    /// ([`Violations::record_failure`]): a [`Holds`] builds none.
    fn record_failure(&mut self, at: impl At, error: impl FnOnce() -> RuleError) -> ControlFlow<()>;

    /// How many were recorded, for [`forget_since`](Sink::forget_since); a [`Holds`] keeps no
    /// count (its answer is whether it stopped) and says 0.
    fn recorded(&self) -> usize;

    /// For a map's entries, checked in the order the map keeps them: forgets what was recorded
    /// since `start` (a former [`recorded`](Sink::recorded)) and says whether it must be recorded
    /// again in key order: when some of it was kept. A [`Holds`] has stopped at a failure before
    /// it is asked, and says no.
    fn forget_since(&mut self, start: usize) -> bool;

    /// Runs a rule that records into this sink itself (`nested`, `each`, `unique`, `localized`),
    /// giving what it records the attribute's overrides.
    fn overridden(&mut self, overrides: Overrides, rule: impl FnOnce(&mut Self) -> ControlFlow<()>) -> ControlFlow<()>;

    /// Runs one of this crate's rules that record into a list (`keys`, which rewords what its
    /// rules recorded), giving what it records the attribute's overrides. It counts every
    /// failure, kept or not.
    fn collect(
        &mut self,
        overrides: Overrides,
        rule: impl FnOnce(&mut Violations) -> ControlFlow<()>,
    ) -> ControlFlow<()>;

    /// Runs a hand-written `validate_at` (or `validate_with_at`), which may look at
    /// [`Violations::is_full`] before it records, so it is given room for one.
    fn collect_hand_written(&mut self, validate_at: impl FnOnce(&mut Violations)) -> ControlFlow<()>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Violations {}
    impl Sealed for super::Holds {}
}

impl Sink for Violations {
    #[inline]
    fn record(&mut self, at: impl At, result: Result<(), impl Failure>, overrides: Overrides) -> ControlFlow<()> {
        // A valid result is forgotten, not dropped: dropping it called `Result`'s drop glue out of
        // line on every valid check whose rule makes its result in more than one place (`range` on
        // 100 items: 3.0 → 1.2 × the hand-written check). Matching `Err(error)` instead did the
        // same for `range` but made the workload without `unique` 3 × slower (the compiler then
        // wrote the paths before the checks). `benches/benches/{rules,plain}.rs`, 2026-12-01.
        if result.is_err() {
            at.with(|at| {
                let start = self.len();
                Violations::record(self, at, result);
                apply(self, start, overrides);
            });
        } else {
            core::mem::forget(result);
        }
        ControlFlow::Continue(())
    }

    #[inline]
    fn record_failure(&mut self, at: impl At, error: impl FnOnce() -> RuleError) -> ControlFlow<()> {
        Violations::record_failure(self, at, error);
        ControlFlow::Continue(())
    }

    #[inline]
    fn recorded(&self) -> usize {
        self.len()
    }

    #[inline]
    fn forget_since(&mut self, start: usize) -> bool {
        // Only what was kept has an order; a list that keeps none (as `Holds` gives) sorts nothing.
        let kept = self.kept_since(start);
        if kept {
            self.truncate(start);
        }
        kept
    }

    #[inline]
    fn overridden(&mut self, overrides: Overrides, rule: impl FnOnce(&mut Self) -> ControlFlow<()>) -> ControlFlow<()> {
        let start = self.len();
        let flow = rule(self);
        apply(self, start, overrides);
        flow
    }

    #[inline]
    fn collect(
        &mut self,
        overrides: Overrides,
        rule: impl FnOnce(&mut Violations) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        self.overridden(overrides, rule)
    }

    #[inline]
    fn collect_hand_written(&mut self, validate_at: impl FnOnce(&mut Violations)) -> ControlFlow<()> {
        validate_at(self);
        ControlFlow::Continue(())
    }
}

/// Gives the violations recorded in `list` since `start` the attribute's overrides.
#[inline]
fn apply(list: &mut Violations, start: usize, overrides: Overrides) {
    if overrides.code.is_some() || overrides.message.is_some() {
        list.override_since(start, overrides.code, overrides.message);
    }
}

/// Whether every check passed: what `validate()` asks before it makes a list.
///
/// The first failed check stops the checks and nothing more: no path, target, list or error is
/// made (a built-in rule's error is made only when a list records it, [`Failure`]; a `custom`
/// function's, which it returns made, is dropped). `keys`, which records into a list, is given
/// one that keeps nothing.
///
/// ```
/// use validate_core::{Holds, Validate};
///
/// #[derive(Validate)]
/// struct Hub {
///     #[validate(length(min = 2, max = 64))]
///     name: String,
/// }
///
/// assert!(Holds::check(&Hub { name: "contoso".into() }));
/// assert!(!Holds::check(&Hub { name: "c".into() }));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Holds(());

impl Holds {
    /// Whether `value` passes every check of its [`Validate`]: `validate()` is `Ok` exactly when
    /// this is `true`. A derived type (and a standard container of one) answers without a list
    /// (allocating nothing when it holds); a hand-written impl is asked with `validate()`.
    #[inline]
    pub fn check<T: Validate + ?Sized>(value: &T) -> bool {
        value.__holds().unwrap_or_else(|| value.validate().is_ok())
    }

    /// Whether `value` passes every check of its [`ValidateWith`] with the context `ctx`:
    /// `validate_with(ctx)` is `Ok` exactly when this is `true`.
    #[inline]
    pub fn check_with<T: ValidateWith<C> + ?Sized, C: ?Sized>(value: &T, ctx: &C) -> bool {
        value.__holds_with(ctx).unwrap_or_else(|| value.validate_with(ctx).is_ok())
    }

    /// Runs `checks` into a `Holds` and answers whether they all passed: whether none stopped.
    #[inline]
    pub(crate) fn run(checks: impl FnOnce(&mut Holds) -> ControlFlow<()>) -> bool {
        checks(&mut Holds(())).is_continue()
    }
}

impl Sink for Holds {
    #[inline]
    fn record(&mut self, _: impl At, result: Result<(), impl Failure>, _: Overrides) -> ControlFlow<()> {
        if result.is_err() {
            drop(result);
            ControlFlow::Break(())
        } else {
            core::mem::forget(result);
            ControlFlow::Continue(())
        }
    }

    #[inline]
    fn record_failure(&mut self, _: impl At, _: impl FnOnce() -> RuleError) -> ControlFlow<()> {
        ControlFlow::Break(())
    }

    #[inline]
    fn recorded(&self) -> usize {
        0
    }

    #[inline]
    fn forget_since(&mut self, _: usize) -> bool {
        false
    }

    #[inline]
    fn overridden(&mut self, _: Overrides, rule: impl FnOnce(&mut Self) -> ControlFlow<()>) -> ControlFlow<()> {
        rule(self)
    }

    #[inline]
    fn collect(&mut self, _: Overrides, rule: impl FnOnce(&mut Violations) -> ControlFlow<()>) -> ControlFlow<()> {
        // Keeps none and counts: a failure builds no target and no message.
        with_list(0, |list| {
            let _ = rule(list);
        })
    }

    #[inline]
    fn collect_hand_written(&mut self, validate_at: impl FnOnce(&mut Violations)) -> ControlFlow<()> {
        with_list(1, validate_at)
    }
}

/// Runs `rule` into a list that keeps at most `limit`, and stops when it recorded any.
#[inline]
fn with_list(limit: usize, rule: impl FnOnce(&mut Violations)) -> ControlFlow<()> {
    let mut list = Violations::with_limit(limit);
    rule(&mut list);
    if list.into_result().is_ok() { ControlFlow::Continue(()) } else { ControlFlow::Break(()) }
}
