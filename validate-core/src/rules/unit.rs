//! What a length counts: characters, items or entries.

/// The unit a length or emptiness is measured in; messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values of a string.
    Characters,
    /// Items of a sequence or set.
    Items,
    /// Entries of a map.
    Entries,
}

impl Unit {
    /// `1 character`, `2 items`, …
    pub(crate) fn count(self, n: usize) -> String {
        let noun = match (self, n) {
            (Unit::Characters, 1) => "character",
            (Unit::Characters, _) => "characters",
            (Unit::Items, 1) => "item",
            (Unit::Items, _) => "items",
            (Unit::Entries, 1) => "entry",
            (Unit::Entries, _) => "entries",
        };
        format!("{n} {noun}")
    }
}
