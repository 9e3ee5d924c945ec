//! [`FluentCatalog`]: a user's catalog in Fluent's `.ftl` format (feature `fluent`).
//!
//! The reading is strict and the formatting forgiving: a text Fluent cannot parse, or that
//! defines a name twice, is refused when the service starts; a message Fluent cannot format
//! for a request falls back to the next catalog, never to a half-written sentence. The guide for
//! translators (ids, parameters, what falls back) is [`FluentCatalog`]'s documentation, the one
//! page of it users see.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::catalog::Catalog;
use crate::message::{Arg, Message};
use crate::text::{QuotedList, echo, needs_escape};

/// A catalog read from Fluent (`.ftl`) text, for one language: to reword built-in messages of
/// a language, to add a language, and to translate the texts a service's code wrote.
///
/// Translators know [Fluent](https://projectfluent.org/fluent/guide/), and its select
/// expressions give each language its own plural forms, which a `format!` string cannot. A
/// service reads one `.ftl` text per language at start-up; [`FluentCatalog::new`] refuses a text
/// with a syntax error or a name defined twice, with the line, so that a broken file stops the
/// service as it starts instead of showing up in answers.
///
/// It is `Send + Sync` (Fluent's concurrent bundle), so that one catalog serves every request.
///
/// ```
/// use validate_core::catalog::FluentCatalog;
/// use validate_core::{Languages, Validate};
///
/// #[derive(Validate)]
/// struct Hub {
///     #[validate(length(min = 3))]
///     name: String,
///     #[validate(pattern("^[a-z]+$", code = "InvalidHubName", message = "A hub name is lower-case letters."))]
///     slug: String,
/// }
///
/// // German is built in: this rewords one of its messages and keeps the others.
/// let german = FluentCatalog::new("de", r#"
/// length-too-short = { $min ->
///         [one] Bitte mindestens ein Zeichen; es ist { $actual }.
///        *[other] Bitte mindestens { $min } Zeichen; es sind { $actual }.
///     }
/// "#)?;
/// // French is not: this adds it. What it lacks comes from English.
/// let french = FluentCatalog::new("fr", r#"
/// length-too-short = { $min ->
///         [one] La valeur doit avoir au moins { $min } caractère ; elle en a { $actual }.
///        *[other] La valeur doit avoir au moins { $min } caractères ; elle en a { $actual }.
///     }
/// request-invalid-content = { $found ->
///         [one] Le contenu de la requête n'est pas valide : { $found } erreur.
///        *[other] Le contenu de la requête n'est pas valide : { $found } erreurs.
///     }
/// ## The text of `message = "…"`, known by the rule's code.
/// InvalidHubName = Un nom de hub ne contient que des lettres minuscules.
/// "#)?;
/// let languages = Languages::new().with_catalog(german).with_catalog(french);
///
/// let violations = Hub { name: "h".into(), slug: "Contoso".into() }.validate().unwrap_err();
/// let language = languages.negotiate(Some("fr-CA"));
/// assert_eq!(language.tag(), "fr");
/// let answer = violations.clone().into_response(&language);
/// assert_eq!(answer.error.message, "Le contenu de la requête n'est pas valide : 2 erreurs.");
/// assert_eq!(answer.error.details[0].message, "La valeur doit avoir au moins 3 caractères ; elle en a 1.");
/// assert_eq!(answer.error.details[1].message, "Un nom de hub ne contient que des lettres minuscules.");
///
/// let answer = violations.into_response(&languages.negotiate(Some("de-AT")));
/// assert_eq!(answer.error.details[0].message, "Bitte mindestens 3 Zeichen; es sind 1.");
/// # Ok::<(), validate_core::catalog::CatalogError>(())
/// ```
///
/// # Which id a translation has
///
/// A built-in message has the id in the table below (`length-too-short`). A text the code wrote
/// has the violation's code: a custom rule's [`RuleError::invalid`](crate::RuleError::invalid)
/// (`InvalidValue`), and an attribute's `message = "…"` (`InvalidHubName` for
/// `pattern(…, code = "InvalidHubName", message = "…")`), unless
/// [`RuleError::with_id`](crate::RuleError::with_id) named one (`no-such-hub`). A code that
/// several rules share is told apart by `$rule`:
///
/// ```ftl
/// InvalidResourceGroupName = { $rule ->
///         [length] Der Name einer Ressourcengruppe hat 1 bis 90 Zeichen.
///        *[other] Der Name einer Ressourcengruppe besteht aus Buchstaben, Ziffern, '-', '_', '.', '(' und ')'.
///     }
/// ```
///
/// # Parameters
///
/// Every message has `$rule` (the second column of the table; a user's own message has `custom`,
/// unless it has a parameter of that name) and the parameters of the table; a user's own message
/// has those its code gave with [`RuleError::with_arg`](crate::RuleError::with_arg).
///
/// - A *count* is a Fluent number, so that `{ $min -> [one] … *[other] … }` chooses by the
///   plural rules of the catalog's language (by English's where Fluent knows none for it).
/// - Every other parameter is text. A number is written as its Rust type writes it
///   (`18446744073709551615`, `0.1` for an `f32`): a Fluent number is an `f64`, which would write
///   both wrongly. A list is written `'A', 'B'`, a flag `true` or `false`. A value a client sent
///   arrives [echoed](crate::text::echo): cut to 64 characters, invisible characters escaped.
///
/// # When a translation is not used
///
/// [`write`](Catalog::write) returns `false`, and the next catalog is asked (then the built-in
/// text of the language, or English, or the text the code wrote), when the catalog has no message
/// of that id (an id that is not a Fluent identifier, such as `not.an-id`, never is one), when
/// the message has attributes only, and when Fluent reports an error while formatting it: a
/// variable the message does not have (`{ $mni }`), a message or term the catalog lacks, a
/// function (this catalog offers none: Fluent's `NUMBER` would write an error marker for a
/// number given as text), a message that refers to itself. Such a message falls back whole:
/// an answer never shows `{$mni}` or half a sentence.
///
/// Those references are found when the message is formatted, not when the catalog is read:
/// Fluent formats only the variant a select expression chooses, and so finds a mistake in a
/// variant only when a request chooses it. A test that renders each message with parameters
/// that choose each of its variants finds them all.
///
/// One mistake Fluent does not report: a term sees only the arguments its caller passes
/// (`{ -hub(case: "dative") }`), not the message's, and shows a variable it was not given as
/// `{$name}`. Give terms what they show.
///
/// # What reaches an answer
///
/// Fluent's isolation marks (U+2068 and U+2069 around each placeable) are off: an ARM payload is
/// read in portals, logs and terminals that show them as boxes or hide them. Whatever the `.ftl`
/// text holds, no invisible character reaches an answer: control characters, the bidirectional
/// overrides, isolates and marks, zero-width spaces and joiners, the word joiner and the byte
/// order mark are removed; a line break (a value written on several lines) becomes a space.
///
/// # Message ids
///
/// The built-in messages, their `$rule`, and their parameters; *(count)* marks a count, the
/// others are text.
///
/// | id | `$rule` | parameters |
/// |---|---|---|
/// | `length-too-short` | `length` | `$min` (count), `$actual` (count), `$unit`: `characters`, `items`, `entries` |
/// | `length-too-long` | `length` | `$max` (count), `$actual` (count), `$unit` |
/// | `length-not-exact` | `length` | `$expected` (count), `$actual` (count), `$unit` |
/// | `range-not-a-number` | `range` | |
/// | `range-below-minimum` | `range` | `$value`, `$min` |
/// | `range-above-maximum` | `range` | `$value`, `$max` |
/// | `range-not-greater` | `range` | `$value`, `$min`: the exclusive minimum |
/// | `range-not-less` | `range` | `$value`, `$max`: the exclusive maximum |
/// | `non-empty` | `non_empty` | `$unit`: `characters` (the text is empty or white space), `items`, `entries` |
/// | `pattern-mismatch` | `pattern` | `$value`, `$pattern` |
/// | `contains-missing` | `contains` | `$value`, `$part`: the text it must contain |
/// | `prefix-missing` | `prefix` | `$value`, `$prefix` |
/// | `suffix-missing` | `suffix` | `$value`, `$suffix` |
/// | `not-containing` | `not_containing` | `$character`: the first refused character found, echoed |
/// | `no-control-chars` | `no_control_chars` | `$character`: the first control character, escaped (`\u{7}`) |
/// | `one-of` | `one_of` | `$value`, `$allowed`: `'A', 'B'` |
/// | `format-invalid` | `format` | `$format`: `uuid`, `date-time`, `date`, `duration`, `date-time-rfc1123`, `uri`, `arm-id`, `email`, `ip`, `ipv4`, `ipv6`, `byte` (base64), `base64url`; `$value` |
/// | `format-invalid-arm-id` | `format` | `$format`: `arm-id`; `$value`; `$problem`: `not-rooted`, `invalid-character`, `empty-segment`, `unexpected-segment`, `missing`, `subscription-not-guid`, `invalid-resource-group`, `invalid-namespace`, `missing-name`; with `invalid-character`, `$character`: the first white space or control character, escaped; with `unexpected-segment`, `$segment`, echoed, and `$expected`: the keywords that belong there, `'resourceGroups', 'providers'`; with `missing`, `$part`: `subscription`, `resource-group`, `namespace`, `resource-type`; with `subscription-not-guid`, `invalid-resource-group`, `invalid-namespace` and `missing-name` (the type without a name), `$segment` |
/// | `localized-not-a-tag` | `localized` | `$key` |
/// | `required` | `required` | `$name` |
/// | `required-null` | `required` | |
/// | `read-only` | `read_only` | `$name` |
/// | `unique-repeated` | `unique` | `$value`, `$first` (count), the index of its first occurrence; `$ignoreCase`: `true`, `false` |
/// | `key-length-too-short` | `length` | as `length-too-short`, said of a map key (`keys(…)`): `$min` (count), `$actual` (count), `$unit` |
/// | `key-length-too-long` | `length` | `$max` (count), `$actual` (count), `$unit` |
/// | `key-length-not-exact` | `length` | `$expected` (count), `$actual` (count), `$unit` |
/// | `key-non-empty` | `non_empty` | `$unit` |
/// | `key-pattern-mismatch` | `pattern` | `$value`: the key, `$pattern` |
/// | `key-contains-missing` | `contains` | `$value`, `$part` |
/// | `key-prefix-missing` | `prefix` | `$value`, `$prefix` |
/// | `key-suffix-missing` | `suffix` | `$value`, `$suffix` |
/// | `key-not-containing` | `not_containing` | `$character` |
/// | `key-no-control-chars` | `no_control_chars` | `$character` |
/// | `key-one-of` | `one_of` | `$value`, `$allowed` |
/// | `key-format-invalid` | `format` | `$format`, `$value` |
/// | `key-format-invalid-arm-id` | `format` | as `format-invalid-arm-id`: `$format`, `$value`, `$problem`, `$character`, `$segment`, `$expected`, `$part` |
/// | `shape-wrong-type` | `shape` | `$expected`, `$found`: JSON types |
/// | `shape-null-for-type` | `shape` | `$expected`: a JSON type |
/// | `shape-null` | `shape` | |
/// | `shape-integer-out-of-range` | `shape` | `$value`, `$min`, `$max` |
/// | `shape-unknown-property` | `shape` | `$name` |
/// | `shape-duplicate-property` | `shape` | |
/// | `shape-key-not-of-kind` | `shape` | `$key`, `$kind`: a JSON type |
/// | `shape-not-one-character` | `shape` | `$chars` (count) |
/// | `shape-exact-items` | `shape` | `$expected` (count), `$actual` (count) |
/// | `shape-too-many-items` | `shape` | |
/// | `shape-too-few-items` | `shape` | |
/// | `shape-no-match` | `shape` | |
/// | `shape-extra-members` | `shape` | |
/// | `shape-not-allowed` | `shape` | `$value`, `$text`: `true` when the value was a string |
/// | `shape-refused-type` | `shape` | `$found`: a JSON type |
/// | `shape-wrong-item-count` | `shape` | |
/// | `shape-not-valid` | `shape` | |
/// | `shape-stopped-at` | `shape` | `$line` (count), `$column` (count) |
/// | `request-invalid-content` | `request` | `$found` (count), `$listed` (count), `$leftOut` (count): found but not listed |
/// | `request-not-json` | `request` | `$reason`: a syntax error; `$words`: `serde_json`'s English, only when the reason is `other`; `$line` (count), `$column` (count) |
/// | `request-unsupported-media-type` | `request` | |
/// | `request-body-too-large` | `request` | |
/// | `request-body-unreadable` | `request` | |
///
/// A JSON type is one of `boolean`, `integer`, `number`, `string`, `null`, `array`, `object`,
/// `empty-object` (an object without members), `other`. A syntax error is one of
/// `eof-in-list`, `eof-in-object`, `eof-in-string`, `eof-in-value`, `expected-colon`,
/// `expected-list-comma-or-end`, `expected-object-comma-or-end`, `expected-ident`,
/// `expected-value`, `expected-double-quote`, `invalid-escape`, `invalid-number`,
/// `number-out-of-range`, `invalid-unicode-code-point`, `control-character`,
/// `key-must-be-a-string`, `lone-leading-surrogate`, `trailing-comma`, `trailing-characters`,
/// `unexpected-end-of-hex-escape`, `recursion-limit-exceeded`, `other`.
pub struct FluentCatalog {
    tag: String,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for FluentCatalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The bundle has no `Debug`, and its messages would drown the one thing worth seeing.
        f.debug_struct("FluentCatalog").field("tag", &self.tag).finish_non_exhaustive()
    }
}

/// Why a catalog could not be made: a sentence for the person who wrote the Fluent text (with
/// its line) or chose the tag.
///
/// ```
/// use validate_core::catalog::FluentCatalog;
///
/// let error = FluentCatalog::new("fr", "greeting = Bonjour\nfarewell =\n").unwrap_err();
/// assert_eq!(error.to_string(), r#"Line 2 of the Fluent text is not valid: expected a message field for "farewell"."#);
/// assert_eq!(error.line(), Some(2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    message: String,
    line: Option<usize>,
}

impl CatalogError {
    /// The line of the Fluent text at fault, from 1; `None` when the tag is at fault.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CatalogError {}

impl FluentCatalog {
    /// Reads `source`, Fluent text, as the catalog of the language `tag` (`fr`, `pt-BR`; written
    /// back as [`language`](Catalog::language) in its canonical case, `pt_br` as `pt-BR`).
    ///
    /// Refuses a tag that is not a language tag, a text with a syntax error (the first is
    /// named), a text that defines a message or term twice (Fluent's messages and terms share
    /// their names), and a number with more than 19 decimals (Fluent would overflow choosing a
    /// plural form by it). References to messages, terms and variables are checked when a
    /// message is formatted: see [when a translation is not
    /// used](FluentCatalog#when-a-translation-is-not-used).
    pub fn new(tag: &str, source: &str) -> Result<Self, CatalogError> {
        let language = language_tag(tag)?;
        // A byte order mark, which editors on Windows write, is not Fluent: left out.
        let source = source.strip_prefix('\u{FEFF}').unwrap_or(source);
        if let Some(error) = nesting_error(source) {
            return Err(error);
        }
        let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
            syntax_error(source, errors.first().map(|error| (error.pos.start, error.to_string())))
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![language.clone()]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).map_err(|errors| definition_error(source, &errors))?;
        if let Some(error) = decimals_error(source) {
            return Err(error);
        }
        Ok(FluentCatalog { tag: language.to_string(), bundle })
    }
}

impl Catalog for FluentCatalog {
    fn language(&self) -> &str {
        &self.tag
    }

    fn write(&self, id: &str, message: &Message, out: &mut String) -> bool {
        if !is_fluent_id(id) {
            return false;
        }
        let Some(pattern) = self.bundle.get_message(id).and_then(|found| found.value()) else {
            return false;
        };
        let mut args = FluentArgs::new();
        args.set("rule", message.rule());
        message.params(&mut |name, arg| args.set(name, value(arg)));
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(&args), &mut errors);
        // Fluent writes `{$name}` for a variable a term was not given, without an error; and a
        // message may be empty: neither is a text to answer with.
        if !errors.is_empty() || text.contains("{$") || text.trim().is_empty() {
            return false;
        }
        push_visible(out, &text);
        true
    }
}

/// The deepest nesting of placeables a catalog may have: Fluent's parser recurses into each, and
/// a line of a thousand `{` overflowed the stack.
const MAX_NESTING: usize = 32;

/// The error of a text whose placeables nest deeper than [`MAX_NESTING`], at the first line that
/// does (braces in text count too: a nesting that deep is not a translation).
fn nesting_error(source: &str) -> Option<CatalogError> {
    let mut depth = 0_usize;
    for (at, c) in source.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => continue,
        }
        if depth > MAX_NESTING {
            let line = line_at(source, at);
            return Some(CatalogError {
                message: format!("Line {line} of the Fluent text nests placeables deeper than {MAX_NESTING} levels."),
                line: Some(line),
            });
        }
    }
    None
}

/// The language identifier `tag` names.
fn language_tag(tag: &str) -> Result<LanguageIdentifier, CatalogError> {
    let not_a_tag = || CatalogError { message: format!("'{}' is not a language tag.", echo(tag)), line: None };
    if tag.is_empty() {
        return Err(not_a_tag());
    }
    LanguageIdentifier::from_str(tag).map_err(|_| not_a_tag())
}

/// The error of a text with syntax errors, from the first: where it starts, in bytes, and what
/// the parser found wrong.
fn syntax_error(source: &str, first: Option<(usize, String)>) -> CatalogError {
    let Some((position, what)) = first else {
        return CatalogError { message: "The Fluent text is not valid.".to_owned(), line: None };
    };
    let line = line_at(source, position);
    CatalogError {
        message: format!("Line {line} of the Fluent text is not valid: {}.", lower_first(&what)),
        line: Some(line),
    }
}

/// The error of a text that defines a name twice.
fn definition_error(source: &str, errors: &[FluentError]) -> CatalogError {
    let Some(FluentError::Overriding { id, .. }) = errors.first() else {
        // `add_resource` reports nothing else; a later version might.
        let what = errors.first().map_or_else(String::new, |error| format!(": {error}"));
        return CatalogError { message: format!("The Fluent text could not be read{what}."), line: None };
    };
    let mut definitions = definitions(source, id);
    let (Some(first), Some(second)) = (definitions.next(), definitions.next()) else {
        return CatalogError { message: format!("The Fluent text defines '{id}' twice."), line: None };
    };
    let message = if first.1 == second.1 {
        format!(
            "Line {} of the Fluent text defines '{}' a second time (line {} did first).",
            second.0, second.1, first.0
        )
    } else {
        format!(
            "Line {} of the Fluent text defines '{}', and line {} '{}': a message and a term cannot share a name.",
            second.0, second.1, first.0, first.1
        )
    };
    CatalogError { message, line: Some(second.0) }
}

/// The lines, from 1, that start an entry named `id`, with the entry's name as written: `id` for
/// a message, `-id` for a term.
fn definitions<'s>(source: &'s str, id: &'s str) -> impl Iterator<Item = (usize, &'s str)> {
    // An entry starts at the beginning of a line; the lines of a value are indented.
    source.lines().enumerate().filter_map(move |(index, line)| {
        let name = line.get(..line.find(|c: char| c == '=' || c.is_whitespace())?)?;
        let defines =
            name.strip_prefix('-').unwrap_or(name) == id && line.get(name.len()..)?.trim_start().starts_with('=');
        defines.then_some((index + 1, name))
    })
}

/// The error of a text with a number of more than 19 decimals, `None` when it has none.
///
/// Fluent scales a number's decimals by `10^decimals` in a `u64` to choose a plural form by it:
/// with 20 or more that overflows, a panic in a debug build and a wrong form in a release one.
/// The text is searched as a whole, prose too: a number that long in a message is a mistake
/// anywhere.
fn decimals_error(source: &str) -> Option<CatalogError> {
    const MAX_DECIMALS: usize = 19;
    let too_long = |line: &str| {
        // Each `.` between what comes before it and what comes after.
        line.split('.').zip(line.split('.').skip(1)).any(|(before, after)| {
            before.ends_with(|c: char| c.is_ascii_digit())
                && after.bytes().take_while(u8::is_ascii_digit).count() > MAX_DECIMALS
        })
    };
    let line = source.lines().position(too_long)? + 1;
    Some(CatalogError {
        message: format!(
            "Line {line} of the Fluent text has a number with more than {MAX_DECIMALS} decimals, which Fluent cannot choose a plural form by."
        ),
        line: Some(line),
    })
}

/// The line, from 1, of the byte at `position` of `source`; an error at the end of the text
/// (an unclosed `{`) is on its last line that is not blank, not on the empty one after it.
fn line_at(source: &str, position: usize) -> usize {
    let position = position.min(source.trim_end().len());
    source.bytes().take(position).filter(|&byte| byte == b'\n').count() + 1
}

/// A parser's description as the end of a sentence: its first letter in lower case, and line
/// breaks written as `\n` (it names those it expected as they are).
fn lower_first(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else if index == 0 {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `id` is a Fluent identifier: `[a-zA-Z][a-zA-Z0-9_-]*`.
fn is_fluent_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes.next().is_some_and(|first| first.is_ascii_alphabetic())
        && bytes.all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-'))
}

/// The largest count a Fluent number (an `f64`) holds exactly.
const EXACT_COUNT: u64 = 1 << 53;

/// A parameter as Fluent sees it.
fn value(arg: Arg<'_>) -> FluentValue<'static> {
    match arg {
        // A Fluent number chooses plural forms; one too large for an `f64` is text, to stay exact.
        Arg::Count(count) if u64::try_from(count).is_ok_and(|count| count <= EXACT_COUNT) => FluentValue::from(count),
        Arg::Count(count) => FluentValue::String(Cow::Owned(count.to_string())),
        // As text: a Fluent number is an `f64`, which would write `u64::MAX` and `0.1_f32` wrongly.
        Arg::Number(number) => FluentValue::String(Cow::Owned(number.to_string())),
        Arg::Text(text) => FluentValue::String(Cow::Owned(text.to_owned())),
        Arg::List(list) => FluentValue::String(Cow::Owned(QuotedList(list).to_string())),
        Arg::Flag(flag) => FluentValue::String(Cow::Borrowed(if flag { "true" } else { "false" })),
    }
}

/// Appends `text` without invisible characters; a line break (Fluent keeps those of a value
/// written on several lines) becomes a space, so that the words around it stay apart.
fn push_visible(out: &mut String, text: &str) {
    let start = out.len();
    for c in text.chars() {
        // Line breaks, the line and paragraph separators among them, keep the words apart.
        if c.is_whitespace() && (c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')) {
            if out.len() > start && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !needs_escape(c) {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::collections::BTreeMap;

    use super::*;
    use crate::catalog::tests::{ARM_ID_PARTS, FORMATS, JSON_TYPES, UNITS, arm_id_problems, syntaxes};
    use crate::message::{ArmIdPart, ArmIdProblem, Format, Number, Own, Param, Syntax};
    use crate::rules::Unit;

    fn render(catalog: &FluentCatalog, id: &str, message: &Message) -> Option<String> {
        let mut out = String::from("before|");
        if catalog.write(id, message, &mut out) {
            Some(out.strip_prefix("before|").unwrap().to_owned())
        } else {
            assert_eq!(out, "before|", "a catalog that does not write leaves `out` as it was");
            None
        }
    }

    fn short(min: usize) -> Message {
        Message::TooShort { min, actual: 0, unit: Unit::Characters }
    }

    #[test]
    fn plural_forms_by_the_language() {
        let catalog = FluentCatalog::new(
            "fr",
            "length-too-short = { $min ->\n    [one] au moins { $min } caractère\n   *[other] au moins { $min } caractères\n} ({ $rule })\n",
        )
        .unwrap();
        assert_eq!(render(&catalog, "length-too-short", &short(0)).unwrap(), "au moins 0 caractère (length)");
        assert_eq!(render(&catalog, "length-too-short", &short(1)).unwrap(), "au moins 1 caractère (length)");
        assert_eq!(render(&catalog, "length-too-short", &short(2)).unwrap(), "au moins 2 caractères (length)");
        assert_eq!(render(&catalog, "length-too-long", &short(2)), None);
    }

    #[test]
    fn a_language_without_plural_rules_chooses_by_english_ones() {
        let catalog = FluentCatalog::new("tlh", "m = { $min ->\n [one] one\n *[other] other\n}\n").unwrap();
        assert_eq!(render(&catalog, "m", &short(1)).unwrap(), "one");
        assert_eq!(render(&catalog, "m", &short(3)).unwrap(), "other");
    }

    #[test]
    fn tags() {
        for tag in ["", "xx yy", "*", "en-", " fr", "fr\u{202e}"] {
            let error = FluentCatalog::new(tag, "").unwrap_err();
            assert_eq!(error.to_string(), format!("'{}' is not a language tag.", echo(tag)));
            assert_eq!(error.line(), None);
        }
        assert_eq!(FluentCatalog::new("pt_br", "").unwrap().language(), "pt-BR");
        assert_eq!(FluentCatalog::new("FR-ca", "").unwrap().language(), "fr-CA");
    }

    #[test]
    fn syntax_errors_name_their_line() {
        let error = FluentCatalog::new("en", "a = x\n\nb = { $x \n\n").unwrap_err();
        assert_eq!(error.to_string(), r#"Line 3 of the Fluent text is not valid: expected a token starting with "}"."#);
        assert_eq!(error.line(), Some(3));
        let error = FluentCatalog::new("en", "a = x\nb = { $x }\nc =\nd = { $y\n").unwrap_err();
        assert_eq!(error.line(), Some(3), "the first error: {error}");
        let error = FluentCatalog::new("en", "m = { $x -> [one] a *[other] b }\n").unwrap_err();
        assert_eq!(error.to_string(), r#"Line 1 of the Fluent text is not valid: expected one of "\n | \r\n"."#);
    }

    #[test]
    fn names_defined_twice() {
        let error = FluentCatalog::new("en", "a = x\nb = y\n-t = T\n\nb = again\n").unwrap_err();
        assert_eq!(error.to_string(), "Line 5 of the Fluent text defines 'b' a second time (line 2 did first).");
        assert_eq!(error.line(), Some(5));
        let error = FluentCatalog::new("en", "brand = x\n-brand = y\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "Line 2 of the Fluent text defines '-brand', and line 1 'brand': a message and a term cannot share a name."
        );
    }

    #[test]
    fn numbers_fluent_would_overflow_on_are_refused() {
        // With 20 decimals, choosing a plural form panics in a debug build (fluent-bundle 0.16).
        for source in [
            "n = { 1.00000000000000000000 ->\n [one] a\n *[other] b\n}\n",
            "m = { -t(n: 1.000000000000000000000) }\n-t = { $n ->\n [one] a\n *[other] b\n}\n",
        ] {
            let error = FluentCatalog::new("en", source).unwrap_err();
            assert_eq!(error.line(), Some(1), "{error}");
            assert!(error.to_string().contains("more than 19 decimals"), "{error}");
        }
        let catalog =
            FluentCatalog::new("en", "n = { 1.0000000000000000000 ->\n [one] a\n *[other] b\n} 3.14\n").unwrap();
        assert_eq!(render(&catalog, "n", &Message::NullItem).unwrap(), "b 3.14");
    }

    #[test]
    fn what_falls_back() {
        let catalog = FluentCatalog::new(
            "en",
            "attributes =\n    .title = T\nmissing-variable = { $nope }\nmissing-term = { -nope }\n\
             missing-message = { nope }\nfunction = { NUMBER($min) }\ncycle = { cycle }\n\
             only-if-chosen = { $min ->\n [one] { $nope }\n *[other] fine\n}\n",
        )
        .unwrap();
        for id in ["attributes", "missing-variable", "missing-term", "missing-message", "function", "cycle", "absent"] {
            assert_eq!(render(&catalog, id, &short(2)), None, "{id}");
        }
        assert_eq!(render(&catalog, "only-if-chosen", &short(2)).unwrap(), "fine");
        assert_eq!(render(&catalog, "only-if-chosen", &short(1)), None);
    }

    #[test]
    fn ids_that_are_not_fluent_are_never_found() {
        let catalog = FluentCatalog::new("en", "a = A\n-term = T\n").unwrap();
        for id in ["", "-term", "term", "a.b", "a b", "1a", "é"] {
            assert_eq!(render(&catalog, id, &Message::NullItem), None, "{id:?}");
        }
        assert!(is_fluent_id("InvalidHubName") && is_fluent_id("no-such-hub") && is_fluent_id("a_1"));
    }

    #[test]
    fn parameters_as_fluent_sees_them() {
        let catalog = FluentCatalog::new(
            "en",
            "below = { $value } < { $min }\none-of = { $value }: { $allowed }\nrepeated = { $ignoreCase }\n\
             own = { $rule } { $n } { $x } { $t }\nruled = { $rule }\n",
        )
        .unwrap();
        let below = Message::BelowMinimum { value: Number::from(u64::MAX), min: Number::from(0.1_f32) };
        assert_eq!(render(&catalog, "below", &below).unwrap(), "18446744073709551615 < 0.1");
        let one_of = Message::NotOneOf { value: "x".into(), allowed: Cow::Borrowed(&["A", "B"]) };
        assert_eq!(render(&catalog, "one-of", &one_of).unwrap(), "x: 'A', 'B'");
        let repeated = Message::Repeated { value: "x".into(), first: 0, ignore_case: true };
        assert_eq!(render(&catalog, "repeated", &repeated).unwrap(), "true");
        let own = Message::Own(Own {
            text: "…".into(),
            id: None,
            args: Box::new([
                ("n", Param::Count(3)),
                ("x", Param::Number(Number::from(-1_i128))),
                ("t", Param::from("t")),
            ]),
        });
        assert_eq!(render(&catalog, "own", &own).unwrap(), "custom 3 -1 t");
        // A parameter of the user's named `rule` takes the place of `$rule`.
        let own = Message::Own(Own { text: "…".into(), id: None, args: Box::new([("rule", Param::from("mine"))]) });
        assert_eq!(render(&catalog, "ruled", &own).unwrap(), "mine");
    }

    #[cfg(target_pointer_width = "64")]
    #[test]
    fn counts_too_large_for_a_fluent_number_stay_exact() {
        let catalog = FluentCatalog::new("en", "m = { $min ->\n [one] one\n *[other] { $min }\n}\n").unwrap();
        assert_eq!(render(&catalog, "m", &short(usize::MAX)).unwrap(), usize::MAX.to_string());
        assert_eq!(render(&catalog, "m", &short((1 << 53) + 1)).unwrap(), "9007199254740993");
        assert_eq!(render(&catalog, "m", &short(1 << 53)).unwrap(), "9007199254740992");
    }

    #[test]
    fn fluent_isolates_nothing() {
        // The removal of invisible characters would hide isolation marks from every answer: this
        // looks at what Fluent itself writes.
        let catalog = FluentCatalog::new("en", "m = at least { $min } characters\n").unwrap();
        let pattern = catalog.bundle.get_message("m").and_then(|m| m.value()).unwrap();
        let mut args = FluentArgs::new();
        args.set("min", 2);
        let mut errors = Vec::new();
        assert_eq!(catalog.bundle.format_pattern(pattern, Some(&args), &mut errors), "at least 2 characters");
        assert!(errors.is_empty());
    }

    /// Found by the review of issue 14: each a way a `.ftl` file broke an answer or the process.
    #[test]
    fn what_a_careless_file_holds_is_refused_or_falls_back() {
        // A thousand nested placeables overflowed the parser's stack.
        let deep = format!("m = {}\"x\"{}\n", "{".repeat(1000), "}".repeat(1000));
        let error = FluentCatalog::new("en", &deep).err().unwrap();
        assert_eq!((error.to_string().contains("deeper than 32"), error.line()), (true, Some(1)));
        // A byte order mark at the start is left out.
        assert!(FluentCatalog::new("en", "\u{FEFF}m = M\n").is_ok());
        // A term missing a variable, and an empty message, are no text to answer with.
        let catalog = FluentCatalog::new("en", "-t = x { $name } y\nm = { -t }\nblank = { \"\" }\n").unwrap();
        assert_eq!(render(&catalog, "m", &Message::NullItem), None);
        assert_eq!(render(&catalog, "blank", &Message::NullItem), None);
        // A line separator keeps the words apart.
        let catalog = FluentCatalog::new("en", "m = a{ \"\u{2028}\" }b\n").unwrap();
        assert_eq!(render(&catalog, "m", &Message::NullItem).unwrap(), "a b");
    }

    #[test]
    fn line_breaks_become_spaces() {
        let catalog = FluentCatalog::new("en", "m =\n    A value on\n    two lines.\n").unwrap();
        assert_eq!(render(&catalog, "m", &Message::NullItem).unwrap(), "A value on two lines.");
    }

    /// A row of the table in `FluentCatalog`'s docs: its `$rule`, and each parameter with whether it is a count.
    struct Row {
        rule: String,
        params: BTreeMap<String, bool>,
    }

    /// The table of message ids of `FluentCatalog`'s docs, read from this file.
    fn table() -> BTreeMap<String, Row> {
        let mut rows = BTreeMap::new();
        for line in include_str!("fluent.rs").lines() {
            let Some(row) = line.strip_prefix("/// | `") else { continue };
            let cells: Vec<&str> = row.split(" | ").collect();
            let [id, rule, params] = cells[..] else { panic!("a row of three cells: {line}") };
            let id = id.strip_suffix('`').unwrap().to_owned();
            let rule = rule.trim_matches('`').to_owned();
            let mut found = BTreeMap::new();
            for (at, _) in params.match_indices("`$") {
                let rest = &params[at + 2..];
                let end = rest.find('`').unwrap();
                let count = rest[end + 1..].starts_with(" (count)");
                let previous = found.insert(rest[..end].to_owned(), count);
                assert!(previous.is_none_or(|was| was == count), "{id}: `${}` marked two ways", &rest[..end]);
            }
            assert!(rows.insert(id.clone(), Row { rule, params: found }).is_none(), "{id} twice");
        }
        rows
    }

    #[test]
    fn the_table_lists_every_message_with_its_parameters() {
        // The built-in catalogs' samples: every variant, every wording (their test proves it).
        let samples = crate::catalog::tests::samples();

        let table = table();
        let mut seen = BTreeMap::new();
        for message in samples.iter().filter(|m| !matches!(m, Message::Own(_))) {
            let id = message.id().unwrap();
            let row = table.get(id).unwrap_or_else(|| panic!("`{id}` is not in the table of FluentCatalog's docs"));
            assert_eq!(row.rule, message.rule(), "{id}: the rule");
            let params: &mut BTreeMap<String, bool> = seen.entry(id).or_default();
            message.params(&mut |name, arg| {
                params.insert(name.to_owned(), matches!(arg, Arg::Count(_)));
            });
            for (name, count) in params.iter() {
                assert_eq!(row.params.get(name), Some(count), "{id}: `${name}` missing, or (count) wrong");
            }
        }
        for (id, row) in &table {
            assert_eq!(seen.get(id.as_str()), Some(&row.params), "{id}: the table lists a parameter it does not have");
        }
        assert_eq!(table.len(), seen.len(), "the table lists an id no message has");
    }

    #[test]
    fn the_table_lists_every_json_type_and_syntax_error() {
        let docs: String =
            include_str!("fluent.rs").lines().filter_map(|l| l.strip_prefix("/// ")).collect::<Vec<_>>().join(" ");
        // The built-in catalogs' lists, which their tests prove complete.
        let syntax = syntaxes();
        let names = JSON_TYPES.iter().map(|t| t.name()).chain(syntax.iter().map(Syntax::name));
        let names = names.chain(UNITS.map(Unit::name));
        let problems = arm_id_problems();
        let names = names.chain(problems.iter().map(ArmIdProblem::name)).chain(ARM_ID_PARTS.map(ArmIdPart::name));
        for name in names.chain(FORMATS.map(Format::name)) {
            assert!(docs.contains(&format!("`{name}`")), "`{name}` is not in FluentCatalog's docs");
        }
    }

    #[test]
    fn a_catalog_is_shared_between_threads() {
        fn shared<T: Send + Sync>(_: &T) {}
        shared(&FluentCatalog::new("en", "").unwrap());
    }
}
