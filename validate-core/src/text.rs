//! How user text is echoed back: cut to a cap and with invisible characters made visible.

use core::fmt;

/// The longest value echoed in a message, in characters (Unicode scalar values), `…` included.
pub const MAX_ECHO_CHARS: usize = 64;

/// Characters that would hide or reorder text in a terminal or a portal: control characters, line
/// and paragraph separators, interlinear annotations, and Unicode's default-ignorable code points
/// (the bidirectional controls, zero-width spaces and joiners, the soft hyphen, fillers, variation
/// selectors, the byte order mark, tag characters, …), which show as nothing.
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Writes `c`, escaped as `\u{…}` when it would be invisible or reorder the text, and returns
/// how many characters it wrote.
fn push_visible(out: &mut String, c: char) -> usize {
    if needs_escape(c) {
        use fmt::Write as _;
        let before = out.len();
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        // An escape is ASCII: its length in bytes is its length in characters.
        out.len() - before
    } else {
        out.push(c);
        1
    }
}

/// A user's value as it may appear in a message: invisible characters escaped, then cut to
/// [`MAX_ECHO_CHARS`] with `…` at the end when it was longer.
///
/// ```
/// use validate_core::text::echo;
///
/// assert_eq!(echo("OneToFew"), "OneToFew");
/// assert_eq!(echo("a\u{202e}b\0"), r"a\u{202e}b\u{0}");
/// let long = echo(&"x".repeat(100));
/// assert_eq!(long.chars().count(), 64);
/// assert!(long.ends_with('…'));
/// ```
pub fn echo(value: &str) -> String {
    // Most values are short and plain: copied at once (a key such as `en us`: 9 ns against 24 ns
    // one character at a time, benches/benches/tricks.rs, 2026-11-30).
    if value.len() <= MAX_ECHO_CHARS && !value.chars().any(needs_escape) {
        return value.to_owned();
    }
    let mut out = String::new();
    let mut written = 0;
    for c in value.chars() {
        written += push_visible(&mut out, c);
        // Stop as soon as the cap is passed: a megabyte value is never copied whole.
        if written > MAX_ECHO_CHARS {
            return cut_exact(&out, MAX_ECHO_CHARS);
        }
    }
    out
}

/// Cuts `text` to `max` characters, the last being `…`, when it is longer.
pub(crate) fn cut_to(text: String, max: usize) -> String {
    // No more characters than bytes: most texts are settled without counting.
    if text.len() <= max || text.chars().count() <= max { text } else { cut_exact(&text, max) }
}

/// The first `max - 1` characters of `text` followed by `…`, never splitting a `\u{…}` escape.
fn cut_exact(text: &str, max: usize) -> String {
    let keep = max.saturating_sub(1);
    let end = text.char_indices().nth(keep).map_or(text.len(), |(at, _)| at);
    let mut kept = &text[..end];
    // An escape cut in half would read as something else: drop the partial escape.
    if let Some(start) = kept.rfind("\\u{")
        && !kept[start..].contains('}')
    {
        kept = &kept[..start];
    }
    let mut out = String::with_capacity(kept.len() + 3);
    out.push_str(kept);
    out.push('…');
    out
}

/// A writer for map keys inside a target: `'` and `\` get a backslash, invisible characters are
/// escaped.
pub(crate) struct KeyEscaper<'a>(pub(crate) &'a mut String);

impl fmt::Write for KeyEscaper<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        // Printable ASCII other than `'` and `\` goes through as it is.
        if s.bytes().all(|b| matches!(b, b' '..=b'~') && b != b'\'' && b != b'\\') {
            self.0.push_str(s);
            return Ok(());
        }
        for c in s.chars() {
            if matches!(c, '\'' | '\\') {
                self.0.push('\\');
            }
            push_visible(self.0, c);
        }
        Ok(())
    }
}

/// A user's value as [`echo`] writes it, without building a string of its own: for `format!`.
pub(crate) struct Echo<'a>(pub(crate) &'a str);

impl fmt::Display for Echo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fits = self.0.len() <= MAX_ECHO_CHARS && !self.0.chars().any(needs_escape);
        if fits { f.write_str(self.0) } else { f.write_str(&echo(self.0)) }
    }
}

/// A number in decimal on the stack, for writers that are not a `String` ([`push_decimal`]'s).
pub(crate) struct Decimal {
    digits: [u8; 20],
    start: usize,
}

impl Decimal {
    /// The digits of `number`.
    pub(crate) fn of(number: usize) -> Self {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = number;
        loop {
            start -= 1;
            // A digit is below 10: the cast keeps it whole.
            #[allow(clippy::cast_possible_truncation)]
            let digit = (rest % 10) as u8;
            digits[start] = b'0' + digit;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        Decimal { digits, start }
    }

    /// The digits, as text.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits were written.
        std::str::from_utf8(&self.digits[self.start..]).unwrap_or("0")
    }
}

/// Appends `number` in decimal, without the formatting machinery.
pub(crate) fn push_decimal(out: &mut String, number: usize) {
    // Item indexes are small: one or two digits are the common cases. `fields[i]` for i in 0..10:
    // 23 ns vs 53 ns with the loop alone (benches/benches/tricks.rs, 2026-11-30).
    if let Ok(small) = u8::try_from(number)
        && small < 100
    {
        if small >= 10 {
            out.push(char::from(b'0' + small / 10));
        }
        out.push(char::from(b'0' + small % 10));
        return;
    }
    out.push_str(Decimal::of(number).as_str());
}

/// `'A', 'B', 'C'`: the allowed values of a closed set, as the messages list them.
pub(crate) struct QuotedList<'a>(pub(crate) &'a [&'a str]);

/// One character (already echoed) in quotes: `'%'`, or `"'"` for the apostrophe, which `'''`
/// would hide.
pub(crate) struct QuotedCharacter<'a>(pub(crate) &'a str);

impl fmt::Display for QuotedCharacter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == "'" { f.write_str("\"'\"") } else { write!(f, "'{}'", self.0) }
    }
}

impl fmt::Display for QuotedList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, value) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "'{}'", Echo(value))?;
        }
        Ok(())
    }
}

/// `'A'`, `'A' or 'B'`, `'A', 'B' or 'C'`, with the word a language joins the last two by:
/// names the library gives itself (keywords), not values a client sent, so not echoed.
pub(crate) struct QuotedOr<'a>(pub(crate) &'a [&'a str], pub(crate) &'a str);

impl fmt::Display for QuotedOr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let QuotedOr(values, or) = *self;
        for (i, value) in values.iter().enumerate() {
            match i {
                0 => {}
                i if i + 1 == values.len() => write!(f, " {or} ")?,
                _ => f.write_str(", ")?,
            }
            write!(f, "'{value}'")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_kept() {
        assert_eq!(echo(""), "");
        assert_eq!(echo("héllo"), "héllo");
        assert_eq!(echo(&"é".repeat(64)), "é".repeat(64));
    }

    #[test]
    fn long_values_are_cut_with_an_ellipsis() {
        let cut = echo(&"é".repeat(65));
        assert_eq!(cut.chars().count(), 64);
        assert_eq!(cut, format!("{}…", "é".repeat(63)));
    }

    #[test]
    fn a_megabyte_is_not_copied() {
        let big = "a".repeat(1_000_000);
        assert_eq!(echo(&big).chars().count(), 64);
    }

    #[test]
    fn escapes_are_never_split() {
        let value = format!("{}\u{202e}tail", "a".repeat(60));
        let cut = echo(&value);
        assert_eq!(cut, format!("{}…", "a".repeat(60)));
        assert!(cut.chars().count() <= 64);
    }

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        assert_eq!(echo("\n\t\u{7f}\u{2066}"), r"\u{a}\u{9}\u{7f}\u{2066}");
    }

    #[test]
    fn many_escapes_still_respect_the_cap() {
        let cut = echo(&"\0".repeat(1_000));
        assert!(cut.chars().count() <= 64);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn decimals() {
        for number in [0, 7, 9, 10, 42, 99, 100, 255, 256, 1234, usize::MAX] {
            let mut out = String::new();
            push_decimal(&mut out, number);
            assert_eq!(out, number.to_string());
        }
    }

    #[test]
    fn echo_in_a_format_is_the_echo() {
        for value in ["", "plain", "a\u{202e}b", &"x".repeat(100)] {
            assert_eq!(format!("{}", Echo(value)), echo(value));
        }
    }

    #[test]
    fn lists_are_quoted() {
        assert_eq!(QuotedList(&["A", "B"]).to_string(), "'A', 'B'");
        assert_eq!(QuotedCharacter("%").to_string(), "'%'");
        assert_eq!(QuotedCharacter("'").to_string(), "\"'\"");
        assert_eq!(QuotedOr(&["A"], "or").to_string(), "'A'");
        assert_eq!(QuotedOr(&["A", "B"], "or").to_string(), "'A' or 'B'");
        assert_eq!(QuotedOr(&["A", "B", "C"], "oder").to_string(), "'A', 'B' oder 'C'");
    }

    /// Found by the review of issue 14: zero-width and format characters reached messages raw.
    #[test]
    fn invisible_format_characters_are_escaped() {
        assert_eq!(echo("a\u{200B}b\u{200E}\u{200F}\u{061C}c"), r"a\u{200b}b\u{200e}\u{200f}\u{61c}c");
        assert_eq!(echo("\u{FEFF}\u{2060}\u{00AD}\u{2028}\u{E0041}"), r"\u{feff}\u{2060}\u{ad}\u{2028}\u{e0041}");
        // What people write stays as it is: letters, emoji, CJK, combining marks.
        for shown in ["Zürich", "東京", "e\u{301}", "👍"] {
            assert_eq!(echo(shown), shown);
        }
    }
}
