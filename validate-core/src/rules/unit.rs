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
