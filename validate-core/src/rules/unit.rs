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
    /// The name a message's parameters give it: `characters`, `items`, `entries`.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Characters => "characters",
            Unit::Items => "items",
            Unit::Entries => "entries",
        }
    }
}
