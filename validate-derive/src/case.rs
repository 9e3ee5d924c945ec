//! serde's `rename_all` casings, so that targets use the names serde reads.

/// A casing of `rename_all`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casing {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl Casing {
    /// The casing serde names `name`, if serde knows it.
    pub fn from_serde_name(name: &str) -> Option<Self> {
        Some(match name {
            "lowercase" => Casing::Lower,
            "UPPERCASE" => Casing::Upper,
            "PascalCase" => Casing::Pascal,
            "camelCase" => Casing::Camel,
            "snake_case" => Casing::Snake,
            "SCREAMING_SNAKE_CASE" => Casing::ScreamingSnake,
            "kebab-case" => Casing::Kebab,
            "SCREAMING-KEBAB-CASE" => Casing::ScreamingKebab,
            _ => return None,
        })
    }

    /// A field name, written in Rust's `snake_case`, in this casing.
    pub fn field(self, name: &str) -> String {
        match self {
            Casing::Lower | Casing::Snake => name.to_owned(),
            Casing::Upper | Casing::ScreamingSnake => name.to_ascii_uppercase(),
            Casing::Pascal => pascal(name),
            Casing::Camel => lower_first(&pascal(name)),
            Casing::Kebab => name.replace('_', "-"),
            Casing::ScreamingKebab => name.to_ascii_uppercase().replace('_', "-"),
        }
    }

    /// A variant name, written in Rust's `PascalCase`, in this casing.
    pub fn variant(self, name: &str) -> String {
        match self {
            Casing::Pascal => name.to_owned(),
            Casing::Lower => name.to_ascii_lowercase(),
            Casing::Upper => name.to_ascii_uppercase(),
            Casing::Camel => lower_first(name),
            Casing::Snake => split_words(name, '_'),
            Casing::ScreamingSnake => split_words(name, '_').to_ascii_uppercase(),
            Casing::Kebab => split_words(name, '-'),
            Casing::ScreamingKebab => split_words(name, '-').to_ascii_uppercase(),
        }
    }
}

/// `foo_bar` → `FooBar`: every word capitalized, the underscores dropped.
fn pascal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper_next = true;
    for c in name.chars() {
        if c == '_' {
            upper_next = true;
        } else if upper_next {
            out.push(c.to_ascii_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `FooBar` → `foo_bar`: a separator before every uppercase letter but the first.
fn split_words(name: &str, separator: char) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.char_indices() {
        if i > 0 && c.is_uppercase() {
            out.push(separator);
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| first.to_ascii_lowercase().to_string() + chars.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_follow_serde() {
        let cases = [
            (Casing::Lower, "field_name"),
            (Casing::Upper, "FIELD_NAME"),
            (Casing::Pascal, "FieldName"),
            (Casing::Camel, "fieldName"),
            (Casing::Snake, "field_name"),
            (Casing::ScreamingSnake, "FIELD_NAME"),
            (Casing::Kebab, "field-name"),
            (Casing::ScreamingKebab, "FIELD-NAME"),
        ];
        for (casing, expected) in cases {
            assert_eq!(casing.field("field_name"), expected, "{casing:?}");
        }
        assert_eq!(Casing::Camel.field("is_a_b"), "isAB");
    }

    #[test]
    fn variants_follow_serde() {
        let cases = [
            (Casing::Lower, "veryfast"),
            (Casing::Upper, "VERYFAST"),
            (Casing::Pascal, "VeryFast"),
            (Casing::Camel, "veryFast"),
            (Casing::Snake, "very_fast"),
            (Casing::ScreamingSnake, "VERY_FAST"),
            (Casing::Kebab, "very-fast"),
            (Casing::ScreamingKebab, "VERY-FAST"),
        ];
        for (casing, expected) in cases {
            assert_eq!(casing.variant("VeryFast"), expected, "{casing:?}");
        }
    }
}
