//! Maps, walked so that their violations come in sorted key order.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Display;
use std::hash::BuildHasher;
use std::ops::ControlFlow;

use crate::Path;
use crate::path::Below;
use crate::sink::Sink;

/// A map whose entries can be validated: its keys go into targets as `['key']`.
pub trait Entries {
    /// The key type; its `Display` is written into targets.
    type Key: Ord + Display;
    /// The value type.
    type Value;
    /// Whether iteration already yields keys in sorted order.
    const SORTED: bool;
    /// The entries in iteration order.
    fn entries(&self) -> impl Iterator<Item = (&Self::Key, &Self::Value)>;
    /// How many entries there are.
    fn entry_count(&self) -> usize;
}

impl<K: Ord + Display, V, S: BuildHasher> Entries for HashMap<K, V, S> {
    type Key = K;
    type Value = V;
    const SORTED: bool = false;
    fn entries(&self) -> impl Iterator<Item = (&K, &V)> {
        self.iter()
    }
    fn entry_count(&self) -> usize {
        self.len()
    }
}

impl<K: Ord + Display, V> Entries for BTreeMap<K, V> {
    type Key = K;
    type Value = V;
    const SORTED: bool = true;
    fn entries(&self) -> impl Iterator<Item = (&K, &V)> {
        self.iter()
    }
    fn entry_count(&self) -> usize {
        self.len()
    }
}

/// Runs `check` on every entry at `at['key']`, so that violations come in sorted key order.
///
/// Entries are checked in iteration order first; only when a violation was recorded in an
/// unsorted map are they sorted and checked again, so a valid `HashMap` allocates nothing.
/// Stops at the first entry whose `check` answers `Break`, and answers it.
pub(crate) fn each_entry<M, O: Sink>(
    map: &M,
    at: &Path<'_>,
    out: &mut O,
    mut check: impl FnMut(&M::Key, &M::Value, Below<'_, &Path<'_>>, &mut O) -> ControlFlow<()>,
) -> ControlFlow<()>
where
    M: Entries + ?Sized,
{
    let start = out.recorded();
    for (key, value) in map.entries() {
        check(key, value, Below::key(at, key), out)?;
    }
    // Order matters only to a list: asked whether the map holds, no entry is sorted.
    if !M::SORTED && map.entry_count() > 1 && out.forget_since(start) {
        let mut sorted: Vec<_> = map.entries().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (key, value) in sorted {
            check(key, value, Below::key(at, key), out)?;
        }
    }
    ControlFlow::Continue(())
}
