//! `Accept-Language` (RFC 9110, section 12.5.4): language ranges with `q` weights, matched against
//! the tags a service speaks as RFC 4647 "lookup" does (`de-AT` falls back to `de`), and the
//! other way round (`de` takes a catalog for `de-AT` when nothing closer exists).

/// One language range of an `Accept-Language` header and its weight, in thousandths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preference<'a> {
    /// The range: a language tag, or `*`.
    pub range: &'a str,
    /// The weight, 0 to 1000 (`q=0.8` is 800); 0 means "not this one".
    pub weight: u16,
}

/// The well-formed ranges of an `Accept-Language` header, highest weight first (equal weights in
/// the order written); malformed ranges are left out.
///
/// ```
/// use validate_core::catalog::preferences;
///
/// let found: Vec<_> = preferences("da, en-GB;q=0.8, en;q=0.7, x_y, *;q=0.1")
///     .iter().map(|p| (p.range, p.weight)).collect();
/// assert_eq!(found, [("da", 1000), ("en-GB", 800), ("en", 700), ("*", 100)]);
/// ```
pub fn preferences(header: &str) -> Vec<Preference<'_>> {
    let mut found: Vec<Preference<'_>> = header.split(',').filter_map(preference).collect();
    // A stable sort keeps the written order among equal weights.
    found.sort_by_key(|p| std::cmp::Reverse(p.weight));
    found
}

/// One element of the header, or `None` when it is empty or malformed.
fn preference(element: &str) -> Option<Preference<'_>> {
    let mut parts = element.split(';');
    let range = parts.next()?.trim();
    if !is_range(range) {
        return None;
    }
    let mut weight = 1000;
    for parameter in parts {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("q") {
            return None;
        }
        weight = qvalue(value.trim())?;
    }
    Some(Preference { range, weight })
}

/// `*`, or 1–8 letters followed by `-` and 1–8 letters or digits, any number of times.
fn is_range(range: &str) -> bool {
    if range == "*" {
        return true;
    }
    let mut subtags = range.split('-');
    let first_ok =
        subtags.next().is_some_and(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok && subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A weight: `0`, `0.` and up to three digits, `1`, or `1.` and up to three zeros.
fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (digit, place) in fraction.bytes().zip([100, 10, 1]) {
        thousandths += u16::from(digit - b'0') * place;
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The primary language of a tag: `de` of `de-AT`.
pub(crate) fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// `tag` and each shorter prefix of it, longest first: `de-AT-1996`, `de-AT`, `de`.
pub(crate) fn prefixes(tag: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(tag), |t| t.rfind('-').map(|end| &t[..end]))
}

/// Whether `range` names `tag`, or a prefix of it ending at a `-`.
fn covers(range: &str, tag: &str) -> bool {
    tag.len() >= range.len()
        && tag.is_char_boundary(range.len())
        && tag[..range.len()].eq_ignore_ascii_case(range)
        && (tag.len() == range.len() || tag.as_bytes()[range.len()] == b'-')
}

/// The tag of `tags` that `header` prefers, or `None` when it prefers none of them.
pub(crate) fn choose<'t>(header: &str, tags: &[&'t str]) -> Option<&'t str> {
    let preferences = preferences(header);
    let refused = |tag: &str| preferences.iter().any(|p| p.weight == 0 && p.range != "*" && covers(p.range, tag));
    for preference in preferences.iter().filter(|p| p.weight > 0) {
        if preference.range == "*" {
            if let Some(tag) = tags.iter().find(|tag| !refused(tag)) {
                return Some(tag);
            }
            continue;
        }
        // The range itself, then each shorter prefix of it, then a longer tag it covers.
        let found = prefixes(preference.range)
            .find_map(|prefix| tags.iter().find(|tag| tag.eq_ignore_ascii_case(prefix)))
            .or_else(|| tags.iter().find(|tag| covers(preference.range, tag)));
        if let Some(tag) = found.filter(|tag| !refused(tag)) {
            return Some(tag);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAGS: [&str; 4] = ["en", "de", "ja", "pt-BR"];

    #[test]
    fn ranges_are_matched_by_weight_then_prefix() {
        let cases = [
            ("de", Some("de")),
            ("DE-at", Some("de")),
            ("de-CH-1996", Some("de")),
            ("pt", Some("pt-BR")),
            ("pt-br", Some("pt-BR")),
            ("fr;q=1, ja;q=0.5, de;q=0.6", Some("de")),
            ("ja;q=0.5, de;q=0.5", Some("ja")),
            ("fr", None),
            ("*", Some("en")),
            ("en;q=0, *;q=0.5", Some("de")),
            ("de;q=0", None),
            ("de;q=0.0001", None),
            ("de;q=1.5", None),
            ("de;level=1", None),
            ("", None),
            (",,,", None),
            ("d e", None),
            ("verylonglanguage", None),
            ("  ja ;q=0.3 ,", Some("ja")),
            ("zh-Hant-TW, *;q=0.1", Some("en")),
            ("jä", None),
        ];
        for (header, expected) in cases {
            assert_eq!(choose(header, &TAGS), expected, "{header:?}");
        }
    }

    #[test]
    fn weights_read_up_to_three_decimals() {
        assert_eq!(qvalue("0.125"), Some(125));
        assert_eq!(qvalue("0"), Some(0));
        assert_eq!(qvalue("1.000"), Some(1000));
        assert_eq!(qvalue("1.001"), None);
        assert_eq!(qvalue("0.1234"), None);
        assert_eq!(qvalue(".5"), None);
        assert_eq!(qvalue("0.-1"), None);
    }
}
