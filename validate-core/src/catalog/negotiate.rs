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

/// The most ranges of one header that are read: a real header names a handful, and each range is
/// compared with every language a service speaks, so a header of a hundred thousand ranges would
/// otherwise cost that many comparisons times the languages.
pub const MAX_RANGES: usize = 32;

/// The well-formed ranges of an `Accept-Language` header, highest weight first (equal weights in
/// the order written): the first [`MAX_RANGES`] well-formed ones; malformed ranges are left out.
///
/// ```
/// use validate_core::catalog::preferences;
///
/// let found: Vec<_> = preferences("da, en-GB;q=0.8, en;q=0.7, x_y, *;q=0.1")
///     .iter().map(|p| (p.range, p.weight)).collect();
/// assert_eq!(found, [("da", 1000), ("en-GB", 800), ("en", 700), ("*", 100)]);
/// ```
pub fn preferences(header: &str) -> Vec<Preference<'_>> {
    let mut found: Vec<Preference<'_>> = header.split(',').filter_map(preference).take(MAX_RANGES).collect();
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
pub(crate) fn is_range(range: &str) -> bool {
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
pub(crate) fn choose<'t, I>(header: &str, tags: &I) -> Option<&'t str>
where
    I: Iterator<Item = &'t str> + Clone,
{
    let preferences = preferences(header);
    // A tag is refused when the most specific range that names it has the weight 0: `de;q=0`
    // refuses `de-AT` too, unless `de-AT` itself is asked for.
    let refused = |tag: &str| {
        preferences
            .iter()
            .filter(|p| p.range != "*" && covers(p.range, tag))
            .max_by_key(|p| p.range.len())
            .is_some_and(|p| p.weight == 0)
    };
    for preference in preferences.iter().filter(|p| p.weight > 0) {
        let mut candidates = tags.clone();
        let found = if preference.range == "*" {
            candidates.find(|tag| !refused(tag))
        } else {
            // The range itself, then each shorter prefix of it, then a longer tag it covers.
            prefixes(preference.range)
                .find_map(|prefix| tags.clone().find(|tag| tag.eq_ignore_ascii_case(prefix)))
                .or_else(|| candidates.find(|tag| covers(preference.range, tag)))
                .filter(|tag| !refused(tag))
        };
        if found.is_some() {
            return found;
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
            // The most specific range decides: `de-AT` asked for, `de` refused.
            ("de-AT, de;q=0", None),
            ("pt-BR, pt;q=0", Some("pt-BR")),
            ("pt;q=0, pt-BR", Some("pt-BR")),
        ];
        for (header, expected) in cases {
            assert_eq!(choose(header, &TAGS.into_iter()), expected, "{header:?}");
        }
    }

    /// Found by the review of issue 14: every range was compared with every other for each tag,
    /// so 80 000 ranges (a 240 KB header, which hyper lets through) took 2.2 s. Past
    /// [`MAX_RANGES`] they are not read: the answer is the one for the first 32.
    #[test]
    fn only_the_first_ranges_are_read() {
        let many = format!("{}de;q=0", "fr,".repeat(80_000));
        assert_eq!(preferences(&many).len(), MAX_RANGES);
        assert_eq!(choose(&many, &TAGS.into_iter()), None);
        let late = format!("{}ja", "fr,".repeat(MAX_RANGES));
        assert_eq!(choose(&late, &TAGS.into_iter()), None);
        let early = format!("{}ja", "fr,".repeat(MAX_RANGES - 1));
        assert_eq!(choose(&early, &TAGS.into_iter()), Some("ja"));
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
