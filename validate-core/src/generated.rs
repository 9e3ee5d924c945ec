//! What generated code names, and nothing else: the one door from `#[derive(Validate)]` to the
//! runtime. Not public API: it changes with the derive, which names it by its version.

pub use crate::json::tree::Tree;
// Every rule module and trait, by the name the derive's rule table gives it: a new rule needs
// no line here.
pub use crate::path::{At, Below};
pub use crate::rules::pattern::Pattern;
pub use crate::rules::unique::WireNames;
pub use crate::rules::*;
pub use crate::sink::{Overrides, Sink};
pub use crate::{Path, Provides, RuleError, Validate, ValidateWith, Violations};

use std::ops::ControlFlow;

use crate::Holds;

// A rule records in one of two ways: it yields one error, which `record` records at the rule's
// place, or it records its own violations (`each`, `keys`, `unique`, `localized`, `nested`). Either way
// the attribute's overrides take effect in the sink (`Sink::record`, `Sink::overridden`,
// `Sink::collect`), which is a `Violations` list or, when `validate()` first asks whether the
// value holds, a `Holds`. Each answers whether to go on (`ControlFlow`): generated code passes a
// `Break` on (`if let STOP = … { return STOP }`), so that a `Holds` stops at the first failure.

/// Records the outcome of a rule that yields one error at `at`, with the attribute's overrides.
/// A field's `at` is a place whose path is made only here, on a failure: a valid field writes none.
#[inline]
pub fn record(
    out: &mut impl Sink,
    at: impl At,
    result: Result<(), impl crate::Failure>,
    overrides: Overrides,
) -> ControlFlow<()> {
    out.record(at, result, overrides)
}

/// What a derived type's checks answer when they ran to the end.
pub const GO_ON: ControlFlow<()> = ControlFlow::Continue(());

/// What a check answers when the sink stopped the checks.
pub const STOP: ControlFlow<()> = ControlFlow::Break(());

/// A derived type's `__holds`: its checks run into a [`Holds`]. A function here rather than a
/// closure in every derived impl, which the compiler would check once per type.
#[inline]
pub fn holds<T: Validate>(value: &T) -> Option<bool> {
    Some(Holds::run(|out| value.__validate_in(&Path::root(), out)))
}

/// A derived type's `__holds_with`: its checks run with the context `ctx` into a [`Holds`].
#[inline]
pub fn holds_with<T: ValidateWith<C>, C: ?Sized>(value: &T, ctx: &C) -> Option<bool> {
    Some(Holds::run(|out| value.__validate_with_in(ctx, &Path::root(), out)))
}

/// The place of a member whose name the derive checked to be plain, below `at`.
#[inline]
pub const fn below_plain_member<A: At>(at: A, name: &str) -> Below<'_, A> {
    Below::plain_member(at, name)
}

/// A member whose name the derive checked to be plain (letters, digits, `_`, `-`, `$`, `@`), so
/// that writing its target needs no escaping pass.
#[inline]
pub const fn plain_member<'a>(at: &'a Path<'a>, name: &'a str) -> Path<'a> {
    at.plain_member(name)
}

/// What the derive's descriptions (`WireNames::__describe`, read by
/// [`Describe`](crate::schema::Describe)) are built with: `decode`, which reads what the derive
/// wrote (see `schema/encoded.rs`), the values it takes, and the probes that work them out.
pub mod describe {
    pub use crate::message::{Format, Number};
    pub use crate::schema::Description;
    pub use crate::schema::encoded::{Dyn, decode};

    use std::marker::PhantomData;

    use crate::rules::each::Each;
    use crate::rules::unique::{Items, WireNames};

    // The probes below ask a field's type what the description needs, by autoref-based dispatch
    // on the concrete types at the call site (`(&Probe(…)).method()`): when the rule does not fit
    // the field, the fallback answers and `validate_at` alone reports the mistake, once.

    /// A bound of `range` as written: `(&Num(bound)).number()`.
    pub struct Num<B>(pub B);

    /// `number()` for a bound that is a number.
    pub trait NumberValue {
        fn number(&self) -> Option<Number>;
    }

    impl<B: Copy> NumberValue for Num<B>
    where
        Number: From<B>,
    {
        fn number(&self) -> Option<Number> {
            Some(Number::from(self.0))
        }
    }

    /// `number()` for anything else: none.
    pub trait NotNumber {
        fn number(&self) -> Option<Number> {
            None
        }
    }

    impl<B> NotNumber for &Num<B> {}

    /// The items of a field of type `C`, for the wire name `unique(by = …)` compares:
    /// `(&ItemsOf::<C>(PhantomData)).wire_name("rust_name")`.
    pub struct ItemsOf<C: ?Sized>(pub PhantomData<C>);

    /// The items of the items of a field of type `C`, for `unique(by = …)` inside `each`.
    pub struct EachItemsOf<C: ?Sized>(pub PhantomData<C>);

    /// `wire_name()` where the items have wire names.
    pub trait ByWireName {
        fn wire_name(&self, rust_name: &'static str) -> &'static str;
    }

    impl<C: Items + ?Sized> ByWireName for ItemsOf<C>
    where
        C::Item: WireNames,
    {
        fn wire_name(&self, rust_name: &'static str) -> &'static str {
            <C::Item as WireNames>::wire_name(rust_name).unwrap_or(rust_name)
        }
    }

    impl<C: Each + ?Sized> ByWireName for EachItemsOf<C>
    where
        C::Item: Items,
        <C::Item as Items>::Item: WireNames,
    {
        fn wire_name(&self, rust_name: &'static str) -> &'static str {
            <<C::Item as Items>::Item as WireNames>::wire_name(rust_name).unwrap_or(rust_name)
        }
    }

    /// `wire_name()` otherwise: the Rust name.
    pub trait ByRustName {
        fn wire_name(&self, rust_name: &'static str) -> &'static str {
            rust_name
        }
    }

    impl<C: ?Sized> ByRustName for &ItemsOf<C> {}
    impl<C: ?Sized> ByRustName for &EachItemsOf<C> {}
}

/// The walk behind `from_json`'s every problem at once.
pub mod walk {
    pub use crate::json::walk::*;
}

// Probe cost, 50 structs × 5 `custom` rules, read with `from_json`, `Probe` vs passing the reference:
// 3.00 s vs 2.85 s CPU, ×1.065 (cold debug; EXPERIMENT=probe benches/compile-time/tricks.sh, 2026-11-30).
/// Wraps a field's value so that `present()` yields `&T` for an `Option<T>` that is `Some`, nothing
/// for `None`, and the value itself for any other type (by autoref-based dispatch on the concrete
/// type at the call site).
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// `present()` for `Option` fields: chosen first because it takes the probe by reference.
pub trait ProbeOption<'a, T> {
    fn present(&self) -> Option<&'a T>;
}

impl<'a, T> ProbeOption<'a, T> for Probe<'a, Option<T>> {
    fn present(&self) -> Option<&'a T> {
        self.0.as_ref()
    }
}

/// `present()` for every other field: reached only through one more autoref.
pub trait ProbeValue<'a, T: ?Sized> {
    fn present(&self) -> Option<&'a T>;
}

impl<'a, T: ?Sized> ProbeValue<'a, T> for &Probe<'a, T> {
    fn present(&self) -> Option<&'a T> {
        Some(self.0)
    }
}

/// What a type with a context implements `Validate` with: a bound nothing meets, so that
/// validating it without its context (`validate()`, `from_json`, or nested in a type without a
/// context) is an error that says so. Written `for<'a> &'a (): ContextGiven<T, C>`: a bound
/// without a lifetime of its own would be refused where it is written.
#[diagnostic::on_unimplemented(
    message = "`{T}` needs a context to be validated: a `{C}`",
    label = "`{T}` is validated here without its context",
    note = "validate it with `validate_with(&context)` or read it with `from_json_with(body, &context)`; a type that nests it needs `#[validate(context = …)]` too"
)]
pub trait ContextGiven<T: ?Sized, C: ?Sized> {}

/// A `nested` value in a type with a context, with the context it is given: `check` validates
/// it with `Validate` when it has no context of its own (a type without a context nests under
/// any), else with `ValidateWith` (autoref-based dispatch on the concrete types: called as
/// `(&Nest(value, ctx)).check(at, out)`).
pub struct Nest<'a, T: ?Sized, C: ?Sized>(pub &'a T, pub &'a C);

/// `check` for a value without a context: chosen first.
pub trait NestFree {
    fn check(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()>;
}

impl<T: Validate, C: ?Sized> NestFree for Nest<'_, T, C> {
    #[inline]
    fn check(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()> {
        self.0.__validate_in(at, out)
    }
}

/// `check` for a value with a context, found from the one given: its bound, on the method, is
/// what a type whose context cannot be found is reported by.
pub trait NestWith<T: ?Sized, C: ?Sized> {
    fn check(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()>
    where
        T: ValidateWith<C>;
}

impl<T, C: ?Sized> NestWith<T, C> for &Nest<'_, T, C> {
    #[inline]
    fn check(&self, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()>
    where
        T: ValidateWith<C>,
    {
        self.0.__validate_with_in(self.1, at, out)
    }
}

/// The part of the context `nested(context = f)` found, given to the nested value by [`Part::give`]:
/// the part's type is known from the receiver when the bound is checked, so that a type without a
/// context is reported with the part it was offered.
pub struct Part<'a, C: ?Sized>(pub &'a C);

impl<C: ?Sized> Part<'_, C> {
    #[inline]
    pub fn give<T: ValidateWith<C>>(self, value: &T, at: &Path<'_>, out: &mut impl Sink) -> ControlFlow<()> {
        value.__validate_with_in(self.0, at, out)
    }
}
