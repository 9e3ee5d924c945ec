//! The rule table: everything the derive knows about a rule besides how it reads its arguments
//! (`attr.rs`) and the code it emits (`rules.rs`). Parsing reads which rules exist, which take
//! arguments and which take `code`/`message`; the checks read where a rule may stand; `bound.rs`
//! reads the trait a rule needs.

/// What the derive knows of one rule. Its name is also the name of its module in the runtime
/// (`validate_core::rules::length`), which the emitted call names.
// Each flag is a yes-or-no fact about the rule, read by one stage each.
#[allow(clippy::struct_excessive_bools)]
pub struct Spec {
    /// The name written in `#[validate(…)]`.
    pub name: &'static str,
    /// Whether it takes arguments besides `code` and `message` (for which `rule()` is a mistake).
    pub arguments: bool,
    /// Whether `code = …` and `message = …` may replace its own.
    pub overrides: bool,
    /// Whether it looks at the field's presence (and so cannot stand inside `each`).
    pub presence: bool,
    /// Why it cannot stand inside `keys`, which checks text (a map's keys on the wire); `None`
    /// for the rules that check text, and `custom`.
    pub not_on_keys: Option<&'static str>,
    /// Whether it records its own violations, given the place and the sink (else it yields one
    /// error, recorded at the place).
    pub records: bool,
    /// The trait, below the runtime's hidden module, that the value's type needs; `None` when
    /// the rule states its own bounds (`custom`) or `bound.rs` works them out (`each`, `keys`,
    /// `unique`).
    pub bound: Option<&'static str>,
}

const fn spec(name: &'static str, arguments: bool, bound: Option<&'static str>) -> Spec {
    Spec { name, arguments, overrides: true, presence: false, not_on_keys: None, records: false, bound }
}

/// Why `required` and `read_only` cannot stand inside `keys`.
const PRESENT: &str = "it checks whether a field is present, and a map's keys always are";

/// Every field rule, in the order the documentation lists them.
pub const TABLE: &[Spec] = &[
    Spec { presence: true, not_on_keys: Some(PRESENT), ..spec("required", false, Some("required::Required")) },
    spec("non_empty", false, Some("non_empty::NonEmpty")),
    spec("length", true, Some("length::HasLength")),
    Spec {
        not_on_keys: Some("it checks numbers, and a map's keys are text on the wire; for number keys, use `custom(f)`"),
        ..spec("range", true, Some("range::Numeric"))
    },
    spec("pattern", true, Some("AsText")),
    spec("contains", true, Some("AsText")),
    spec("prefix", true, Some("AsText")),
    spec("suffix", true, Some("AsText")),
    spec("not_containing", true, Some("AsText")),
    spec("no_control_chars", false, Some("AsText")),
    spec("one_of", true, Some("AsText")),
    spec("format", true, Some("AsText")),
    Spec {
        records: true,
        not_on_keys: Some("it checks a whole map (its keys are language tags, its values text): put it beside `keys`"),
        ..spec("localized", false, Some("localized::LocalizedText"))
    },
    Spec {
        overrides: false,
        records: true,
        not_on_keys: Some(
            "a key is text, without rules of its own; to validate the values, put `nested` beside `keys`",
        ),
        ..spec("nested", false, Some("Validate"))
    },
    Spec {
        records: true,
        not_on_keys: Some("a key is one text, not a collection; to check the values, put `each(…)` beside `keys(…)`"),
        ..spec("each", true, None)
    },
    Spec { records: true, not_on_keys: Some("a key has no keys of its own"), ..spec("keys", true, None) },
    Spec {
        records: true,
        not_on_keys: Some(
            "it compares the items of a collection, and a key is one text; for keys that differ only in case, use `custom(f)` on the map",
        ),
        ..spec("unique", false, None)
    },
    Spec { presence: true, not_on_keys: Some(PRESENT), ..spec("read_only", false, Some("read_only::ReadOnly")) },
    spec("custom", true, None),
];

/// The names of [`TABLE`], for messages and suggestions.
pub const NAMES: [&str; TABLE.len()] = {
    let mut names = [""; TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        names[i] = TABLE[i].name;
        i += 1;
    }
    names
};

/// The row of a rule named `name`.
pub fn find(name: &str) -> Option<&'static Spec> {
    TABLE.iter().find(|spec| spec.name == name)
}

#[cfg(test)]
mod tests {
    use super::TABLE;

    #[test]
    fn every_bound_is_a_path() {
        for spec in TABLE {
            if let Some(bound) = spec.bound {
                assert!(syn::parse_str::<syn::Path>(bound).is_ok(), "{}", spec.name);
            }
        }
    }
}
