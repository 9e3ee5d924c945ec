//! `keys(rule, …)`: rules on every key of a map, each at its entry's target.
//!
//! A key's violation sits where its value's would (`tags['a%b']`: the entry), and its message
//! says it is the key ("The key must not contain '%'."), so that a client can tell the two apart.
//! Keys are checked in sorted order, as `each` checks values (a `HashMap` too); a field's rules run
//! in the order written, so `keys(…)` before `each(…)` reports every key, then every value. A
//! custom rule's own text is kept as it is: it knows it checks a key.
//!
//! ARM's rules for a resource's tags:
//!
//! ```
//! use std::collections::BTreeMap;
//! use validate_core::Validate;
//!
//! #[derive(serde::Deserialize, Validate)]
//! struct Resource {
//!     /// At most 15 tags; names of 1 to 512 characters without `<>%&\?/` or control
//!     /// characters; values of at most 256 characters.
//!     #[validate(
//!         length(max = 15),
//!         keys(length(min = 1, max = 512), not_containing("<>%&\\?/"), no_control_chars),
//!         each(length(max = 256)),
//!     )]
//!     tags: Option<BTreeMap<String, String>>,
//! }
//!
//! let tags = BTreeMap::from([
//!     ("env".into(), "prod".into()),
//!     ("cost%center".into(), "x".repeat(300)),
//!     ("".into(), "empty name".into()),
//! ]);
//! let violations = Resource { tags: Some(tags) }.validate().unwrap_err();
//! let found: Vec<_> = violations.iter().map(|v| format!("{} {}: {}", v.code(), v.target(), v.message())).collect();
//! assert_eq!(found, [
//!     "ValueTooShort tags['']: The key must have at least 1 character; it has 0.",
//!     "InvalidCharacter tags['cost%center']: The key must not contain '%'.",
//!     "ValueTooLong tags['cost%center']: The value must have at most 256 characters; it has 300.",
//! ]);
//! assert!(Resource { tags: None }.validate().is_ok());
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Display;
use std::hash::BuildHasher;
use std::ops::ControlFlow;

use crate::path::At;
use crate::rules::each_entry;
use crate::{Path, Violations};

/// A map whose keys can be checked one by one, each at its entry's target.
#[diagnostic::on_unimplemented(
    message = "`keys` cannot be checked on `{Self}`",
    label = "`keys` needs a map",
    note = "`keys` works on `BTreeMap` and `HashMap` (their keys), or an `Option` of one; for the items of a collection, use `each(…)`"
)]
pub trait HasKeys {
    /// The key type.
    type Key;
    /// Calls `check` on every key with its entry's target, `at['key']`, in sorted key order.
    /// Into a [`Violations`] list every answer is `Continue`; the answers are passed on because the
    /// derive writes every rule's code in one shape, which answers whether to go on.
    fn each_key(
        &self,
        at: &Path<'_>,
        out: &mut Violations,
        check: impl FnMut(&Self::Key, &Path<'_>, &mut Violations) -> ControlFlow<()>,
    ) -> ControlFlow<()>;
}

/// `HasKeys` for the maps: `$ty`, with the generics `$generics`, of keys `K`.
macro_rules! impl_has_keys {
    ($($ty:ty [$($generics:tt)*]),* $(,)?) => {$(
        impl<$($generics)*> HasKeys for $ty {
            type Key = K;
            fn each_key(
                &self,
                at: &Path<'_>,
                out: &mut Violations,
                mut check: impl FnMut(&K, &Path<'_>, &mut Violations) -> ControlFlow<()>,
            ) -> ControlFlow<()> {
                each_entry(self, at, out, |key, _, at, out| at.with(|at| check(key, at, out)))
            }
        }
    )*};
}

impl_has_keys!(HashMap<K, V, S> [K: Ord + Display, V, S: BuildHasher], BTreeMap<K, V> [K: Ord + Display, V]);

impl<M: HasKeys + ?Sized> HasKeys for &M {
    type Key = M::Key;
    fn each_key(
        &self,
        at: &Path<'_>,
        out: &mut Violations,
        check: impl FnMut(&M::Key, &Path<'_>, &mut Violations) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        (**self).each_key(at, out, check)
    }
}

impl<M: HasKeys + ?Sized> HasKeys for Box<M> {
    type Key = M::Key;
    fn each_key(
        &self,
        at: &Path<'_>,
        out: &mut Violations,
        check: impl FnMut(&M::Key, &Path<'_>, &mut Violations) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        (**self).each_key(at, out, check)
    }
}

impl<M: HasKeys> HasKeys for Option<M> {
    type Key = M::Key;
    fn each_key(
        &self,
        at: &Path<'_>,
        out: &mut Violations,
        check: impl FnMut(&M::Key, &Path<'_>, &mut Violations) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        match self {
            Some(map) => map.each_key(at, out, check),
            None => ControlFlow::Continue(()),
        }
    }
}

/// Runs `check` on every key of `value` at its entry's target; what it records says it is
/// about the key ([`Message::AboutKey`](crate::Message::AboutKey)).
pub fn check<M: HasKeys + ?Sized>(
    value: &M,
    check: impl FnMut(&M::Key, &Path<'_>, &mut Violations) -> ControlFlow<()>,
    at: &Path<'_>,
    out: &mut Violations,
) -> ControlFlow<()> {
    let start = out.len();
    let flow = value.each_key(at, out, check);
    // Only what was recorded is looked at: nothing when every key is valid.
    if out.len() > start {
        out.about_keys_since(start);
    }
    flow
}
