//! The built-in German and Japanese catalogs against English: every message and every wording of
//! it is translated, keeps what it echoes and counts, and is clean text.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::{english, german, japanese};
use crate::message::{Arg, ArmIdPart, ArmIdProblem, Format, JsonType, Message, Syntax};
use crate::rules::Unit;

/// How many variants `Message` has; [`variant`] numbers them `0..VARIANTS`.
const VARIANTS: usize = 48;

/// The number of `message`'s variant. No wildcard: a new variant does not compile until it is
/// numbered here, and [`every_variant_has_a_sample`] fails until it has a sample.
fn variant(message: &Message) -> usize {
    match message {
        Message::TooShort { .. } => 0,
        Message::TooLong { .. } => 1,
        Message::NotANumber => 2,
        Message::BelowMinimum { .. } => 3,
        Message::AboveMaximum { .. } => 4,
        Message::Empty { .. } => 5,
        Message::PatternMismatch { .. } => 6,
        Message::NotOneOf { .. } => 7,
        Message::InvalidFormat { .. } => 8,
        Message::NotLanguageTag { .. } => 9,
        Message::MissingProperty { .. } => 10,
        Message::NullItem => 11,
        Message::ReadOnlyProperty { .. } => 12,
        Message::Repeated { .. } => 13,
        Message::WrongType { .. } => 14,
        Message::NullForType { .. } => 15,
        Message::NullNotAccepted => 16,
        Message::IntegerOutOfRange { .. } => 17,
        Message::UnknownProperty { .. } => 18,
        Message::DuplicateProperty => 19,
        Message::KeyNotOfKind { .. } => 20,
        Message::NotOneCharacter { .. } => 21,
        Message::ExactItems { .. } => 22,
        Message::TooManyItems => 23,
        Message::TooFewItems => 24,
        Message::NoShape => 25,
        Message::ExtraMembers => 26,
        Message::NotAllowed { .. } => 27,
        Message::RefusedType { .. } => 28,
        Message::WrongItemCount => 29,
        Message::NotValid => 30,
        Message::StoppedAt { .. } => 31,
        Message::InvalidContent { .. } => 32,
        Message::NotJson { .. } => 33,
        Message::UnsupportedMediaType => 34,
        Message::BodyTooLarge => 35,
        Message::BodyUnreadable => 36,
        Message::Own(_) => 37,
        Message::WrongLength { .. } => 38,
        Message::NotGreater { .. } => 39,
        Message::NotLess { .. } => 40,
        Message::MissingPart { .. } => 41,
        Message::MissingPrefix { .. } => 42,
        Message::MissingSuffix { .. } => 43,
        Message::ForbiddenCharacter { .. } => 44,
        Message::ControlCharacter { .. } => 45,
        Message::InvalidArmId { .. } => 46,
        Message::AboutKey(_) => 47,
    }
}

/// Every unit; [`unit_index`] proves the list complete.
pub(super) const UNITS: [Unit; 3] = [Unit::Characters, Unit::Items, Unit::Entries];

fn unit_index(unit: Unit) -> usize {
    match unit {
        Unit::Characters => 0,
        Unit::Items => 1,
        Unit::Entries => 2,
    }
}

/// Every format; [`format_index`] proves the list complete.
pub(super) const FORMATS: [Format; 13] = [
    Format::Guid,
    Format::DateTime,
    Format::Date,
    Format::Duration,
    Format::DateTimeRfc1123,
    Format::Uri,
    Format::ArmId,
    Format::Email,
    Format::Ip,
    Format::Ipv4,
    Format::Ipv6,
    Format::Base64,
    Format::Base64Url,
];

fn format_index(format: Format) -> usize {
    match format {
        Format::Guid => 0,
        Format::DateTime => 1,
        Format::Date => 2,
        Format::Duration => 3,
        Format::DateTimeRfc1123 => 4,
        Format::Uri => 5,
        Format::ArmId => 6,
        Format::Email => 7,
        Format::Ip => 8,
        Format::Ipv4 => 9,
        Format::Ipv6 => 10,
        Format::Base64 => 11,
        Format::Base64Url => 12,
    }
}

/// Every problem of a resource ID, each part that can be missing among them;
/// [`arm_id_problem_index`] and [`arm_id_part_index`] prove the list complete.
pub(super) fn arm_id_problems() -> Vec<ArmIdProblem> {
    let mut problems = vec![
        ArmIdProblem::NotRooted,
        ArmIdProblem::InvalidCharacter { character: r"\u{a}".into() },
        ArmIdProblem::EmptySegment,
        ArmIdProblem::UnexpectedSegment { segment: "resourceGroup".into(), expected: &["resourceGroups", "providers"] },
        ArmIdProblem::UnexpectedSegment { segment: "provider".into(), expected: &["providers"] },
        ArmIdProblem::SubscriptionNotGuid { segment: "6e0b3a2c".into() },
        ArmIdProblem::InvalidResourceGroup { segment: "rg.".into() },
        ArmIdProblem::InvalidNamespace { segment: "Microsoft".into() },
        ArmIdProblem::MissingName { segment: "sites".into() },
    ];
    problems.extend(ARM_ID_PARTS.map(|part| ArmIdProblem::Missing { part }));
    problems
}

fn arm_id_problem_index(problem: &ArmIdProblem) -> usize {
    match problem {
        ArmIdProblem::NotRooted => 0,
        ArmIdProblem::InvalidCharacter { .. } => 1,
        ArmIdProblem::EmptySegment => 2,
        ArmIdProblem::UnexpectedSegment { .. } => 3,
        ArmIdProblem::Missing { .. } => 4,
        ArmIdProblem::SubscriptionNotGuid { .. } => 5,
        ArmIdProblem::InvalidResourceGroup { .. } => 6,
        ArmIdProblem::InvalidNamespace { .. } => 7,
        ArmIdProblem::MissingName { .. } => 8,
    }
}

/// Every part of a resource ID that can be missing.
pub(super) const ARM_ID_PARTS: [ArmIdPart; 4] =
    [ArmIdPart::Subscription, ArmIdPart::ResourceGroup, ArmIdPart::Namespace, ArmIdPart::ResourceType];

fn arm_id_part_index(part: ArmIdPart) -> usize {
    match part {
        ArmIdPart::Subscription => 0,
        ArmIdPart::ResourceGroup => 1,
        ArmIdPart::Namespace => 2,
        ArmIdPart::ResourceType => 3,
    }
}

/// Every JSON type; [`json_type_index`] proves the list complete.
pub(super) const JSON_TYPES: [JsonType; 9] = [
    JsonType::Boolean,
    JsonType::Integer,
    JsonType::Number,
    JsonType::Text,
    JsonType::Null,
    JsonType::Array,
    JsonType::Object,
    JsonType::Other,
    JsonType::EmptyObject,
];

fn json_type_index(kind: JsonType) -> usize {
    match kind {
        JsonType::Boolean => 0,
        JsonType::Integer => 1,
        JsonType::Number => 2,
        JsonType::Text => 3,
        JsonType::Null => 4,
        JsonType::Array => 5,
        JsonType::Object => 6,
        JsonType::Other => 7,
        JsonType::EmptyObject => 8,
    }
}

/// Every syntax error; [`syntax_index`] proves the list complete.
pub(super) fn syntaxes() -> [Syntax; 22] {
    [
        Syntax::EofInList,
        Syntax::EofInObject,
        Syntax::EofInString,
        Syntax::EofInValue,
        Syntax::ExpectedColon,
        Syntax::ExpectedListCommaOrEnd,
        Syntax::ExpectedObjectCommaOrEnd,
        Syntax::ExpectedIdent,
        Syntax::ExpectedValue,
        Syntax::ExpectedDoubleQuote,
        Syntax::InvalidEscape,
        Syntax::InvalidNumber,
        Syntax::NumberOutOfRange,
        Syntax::InvalidUnicodeCodePoint,
        Syntax::ControlCharacter,
        Syntax::KeyMustBeAString,
        Syntax::LoneLeadingSurrogate,
        Syntax::TrailingComma,
        Syntax::TrailingCharacters,
        Syntax::UnexpectedEndOfHexEscape,
        Syntax::RecursionLimitExceeded,
        // serde_json's own words, kept in every language: words none of the checks deny.
        Syntax::Other("unknown reason".into()),
    ]
}

fn syntax_index(reason: &Syntax) -> usize {
    match reason {
        Syntax::EofInList => 0,
        Syntax::EofInObject => 1,
        Syntax::EofInString => 2,
        Syntax::EofInValue => 3,
        Syntax::ExpectedColon => 4,
        Syntax::ExpectedListCommaOrEnd => 5,
        Syntax::ExpectedObjectCommaOrEnd => 6,
        Syntax::ExpectedIdent => 7,
        Syntax::ExpectedValue => 8,
        Syntax::ExpectedDoubleQuote => 9,
        Syntax::InvalidEscape => 10,
        Syntax::InvalidNumber => 11,
        Syntax::NumberOutOfRange => 12,
        Syntax::InvalidUnicodeCodePoint => 13,
        Syntax::ControlCharacter => 14,
        Syntax::KeyMustBeAString => 15,
        Syntax::LoneLeadingSurrogate => 16,
        Syntax::TrailingComma => 17,
        Syntax::TrailingCharacters => 18,
        Syntax::UnexpectedEndOfHexEscape => 19,
        Syntax::RecursionLimitExceeded => 20,
        Syntax::Other(_) => 21,
    }
}

/// A sample of every message and of every wording it has: each unit, format, JSON type and
/// syntax error, both sides of each flag, an empty string, singular and plural counts, and each
/// way the top-level message counts what it leaves out.
pub(super) fn samples() -> Vec<Message> {
    let mut samples = Vec::new();
    for unit in UNITS {
        samples.push(Message::TooShort { min: 2, actual: 1, unit });
        samples.push(Message::TooShort { min: 1, actual: 0, unit });
        samples.push(Message::TooLong { max: 4, actual: 7, unit });
        samples.push(Message::TooLong { max: 1, actual: 2, unit });
        samples.push(Message::Empty { unit });
        samples.push(Message::WrongLength { expected: 8, actual: 7, unit });
        samples.push(Message::WrongLength { expected: 1, actual: 2, unit });
    }
    samples.extend([
        Message::NotANumber,
        Message::BelowMinimum { value: 0.into(), min: 1.into() },
        Message::AboveMaximum { value: 2.5_f64.into(), max: (-3).into() },
        Message::NotGreater { value: 0.into(), min: 0.into() },
        Message::NotLess { value: 1.5_f64.into(), max: 1.5_f64.into() },
        Message::PatternMismatch { value: "1rel".into(), pattern: "^[a-z][a-z0-9_]+$" },
        Message::MissingPart { value: "ab".into(), part: "-" },
        Message::MissingPrefix { value: "http://x".into(), prefix: "https://" },
        Message::MissingSuffix { value: "a.txt".into(), suffix: ".json" },
        Message::ForbiddenCharacter { character: "%".into() },
        Message::ControlCharacter { character: r"\u{7}".into() },
        Message::NotOneOf { value: "onetomany".into(), allowed: Cow::Borrowed(&["OneToOne", "OneToMany"]) },
        Message::NotLanguageTag { key: "zz bad".into() },
        Message::MissingProperty { name: "hubName".into() },
        Message::NullItem,
        Message::ReadOnlyProperty { name: "tenantId".into() },
        Message::Repeated { value: "aB".into(), first: 3, ignore_case: false },
        Message::Repeated { value: "aB".into(), first: 3, ignore_case: true },
        Message::NullNotAccepted,
        Message::IntegerOutOfRange { value: "300".into(), min: "0", max: "255" },
        Message::UnknownProperty { name: "color".into() },
        Message::DuplicateProperty,
        Message::KeyNotOfKind { key: "x7".into(), kind: JsonType::Integer },
        Message::KeyNotOfKind { key: "x7".into(), kind: JsonType::Null },
        Message::NotOneCharacter { chars: 0 },
        Message::NotOneCharacter { chars: 3 },
        Message::ExactItems { expected: 1, actual: 3 },
        Message::ExactItems { expected: 2, actual: 5 },
        Message::TooManyItems,
        Message::TooFewItems,
        Message::NoShape,
        Message::ExtraMembers,
        Message::NotAllowed { value: "zero".into(), text: true },
        Message::NotAllowed { value: "0".into(), text: false },
        Message::WrongItemCount,
        Message::NotValid,
        Message::StoppedAt { line: 3, column: 14 },
        Message::InvalidContent { found: 1, listed: 1 },
        Message::InvalidContent { found: 2, listed: 2 },
        Message::InvalidContent { found: 3, listed: 1 },
        Message::InvalidContent { found: 2, listed: 1 },
        Message::InvalidContent { found: 150, listed: 100 },
        Message::InvalidContent { found: 101, listed: 100 },
        Message::InvalidContent { found: 3, listed: 0 },
        Message::UnsupportedMediaType,
        Message::BodyTooLarge,
        Message::BodyUnreadable,
        Message::own("Say something."),
    ]);
    for format in FORMATS {
        samples.push(Message::InvalidFormat { format, value: "not-a-guid".into() });
    }
    for problem in arm_id_problems() {
        samples.push(Message::InvalidArmId { value: "/tenants/t1".into(), problem });
    }
    for kind in JSON_TYPES {
        samples.push(Message::WrongType { expected: JsonType::Text, found: kind });
        samples.push(Message::WrongType { expected: kind, found: JsonType::Boolean });
        samples.push(Message::NullForType { expected: kind });
        samples.push(Message::RefusedType { found: kind });
    }
    for reason in syntaxes() {
        samples.push(Message::NotJson { reason, line: 2, column: 17 });
    }
    // Every message said of a map key: each wording of each message `about_key` takes.
    let about_keys: Vec<Message> =
        samples.iter().map(|m| m.clone().about_key()).filter(|m| matches!(m, Message::AboutKey(_))).collect();
    samples.extend(about_keys);
    samples
}

fn english(message: &Message) -> String {
    let mut out = String::new();
    english::write(message, &mut out).expect("a String takes any text");
    out
}

fn german(message: &Message) -> String {
    let mut out = String::new();
    german::write(message, &mut out).expect("a String takes any text");
    out
}

fn japanese(message: &Message) -> String {
    let mut out = String::new();
    japanese::write(message, &mut out).expect("a String takes any text");
    out
}

/// Asserts that `indexes` are exactly `0..count`: every case of a list is there.
fn assert_complete(what: &str, indexes: impl IntoIterator<Item = usize>, count: usize) {
    let seen: BTreeSet<usize> = indexes.into_iter().collect();
    let missing: Vec<usize> = (0..count).filter(|i| !seen.contains(i)).collect();
    assert!(missing.is_empty(), "{what}: no sample of case(s) {missing:?}");
}

#[test]
fn every_variant_has_a_sample() {
    let samples = samples();
    assert_complete("Message", samples.iter().map(variant), VARIANTS);
    assert_complete("Unit", UNITS.map(unit_index), UNITS.len());
    assert_complete("Format", FORMATS.map(format_index), FORMATS.len());
    assert_complete("ArmIdProblem", arm_id_problems().iter().map(arm_id_problem_index), 9);
    assert_complete("ArmIdPart", ARM_ID_PARTS.map(arm_id_part_index), ARM_ID_PARTS.len());
    assert_complete("JsonType", JSON_TYPES.map(json_type_index), JSON_TYPES.len());
    assert_complete("Syntax", syntaxes().iter().map(syntax_index), syntaxes().len());
    for which in [0, 1, 5, 38] {
        let units = samples.iter().filter_map(|m| match m {
            Message::TooShort { unit, .. }
            | Message::TooLong { unit, .. }
            | Message::WrongLength { unit, .. }
            | Message::Empty { unit }
                if variant(m) == which =>
            {
                Some(unit_index(*unit))
            }
            _ => None,
        });
        assert_complete("units of a length message", units, UNITS.len());
    }
}

/// Invisible characters, and those that reorder text: none belongs in a catalog's words.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{200B}'..='\u{200D}'
                | '\u{FEFF}'
        )
}

/// English words a translation should not have kept.
const ENGLISH_WORDS: [&str; 16] = [
    "The ",
    " value",
    "must",
    "property",
    "Expected",
    " is ",
    " not ",
    "found",
    "request",
    "character",
    " item",
    "entr",
    "ignoring",
    "listed",
    "left out",
    " at line",
];

/// What a translation of `message` must show as it is, and what it must translate: the echoed
/// values and numbers, and the English names of types, formats, units and reasons.
fn shown_and_named(message: &Message) -> (Vec<String>, Vec<&'static str>) {
    let mut shown = Vec::new();
    let mut named = Vec::new();
    message.params(&mut |name, arg| match (name, arg) {
        // Not shown as they are: the top-level message says "the first" for one listed, and
        // nothing of a list that leaves none out; an empty string is not "0 characters"; a flag
        // chooses a wording; the names of types, formats, units and reasons are translated
        // (checked below).
        ("listed", _)
        | ("leftOut" | "chars", Arg::Count(0))
        | (_, Arg::Flag(_))
        | ("unit" | "format" | "expected" | "found" | "kind" | "reason" | "problem" | "part", Arg::Text(_)) => {}
        (_, Arg::Count(n)) => shown.push(n.to_string()),
        (_, Arg::Number(n)) => shown.push(n.to_string()),
        (_, Arg::List(values)) => shown.extend(values.iter().map(|v| format!("'{v}'"))),
        (_, Arg::Text(text)) => shown.push(text.to_owned()),
    });
    // The names are the English words: they must not show. A message about a key has its rule's.
    let message = match message {
        Message::AboutKey(message) => message,
        message => message,
    };
    match message {
        Message::TooShort { unit, .. }
        | Message::TooLong { unit, .. }
        | Message::WrongLength { unit, .. }
        | Message::Empty { unit } => {
            named.push(unit.name());
        }
        Message::InvalidFormat { format, .. } => named.push(format.name()),
        Message::InvalidArmId { problem, .. } => {
            named.extend([Format::ArmId.name(), problem.name()]);
            if let ArmIdProblem::Missing { part } = problem {
                named.push(part.name());
            }
        }
        Message::WrongType { expected, found } => named.extend([expected.name(), found.name()]),
        Message::NullForType { expected: kind }
        | Message::RefusedType { found: kind }
        | Message::KeyNotOfKind { kind, .. } => {
            named.push(kind.name());
        }
        Message::NotJson { reason, .. } if !matches!(reason, Syntax::Other(_)) => named.push(reason.name()),
        _ => {}
    }
    // `null` is a JSON token, the same in every language.
    named.retain(|name| *name != "null");
    (shown, named)
}

/// Checks every sample's translation by `write` in a language whose sentences end in `end`.
fn check(language: &str, write: fn(&Message) -> String, end: char) {
    for message in samples() {
        let text = write(&message);
        let english = english(&message);
        if let Message::Own(own) = &message {
            // A user's own text is the user's to translate, in a catalog of the user's.
            assert_eq!(text, own.text, "{language}");
            continue;
        }
        assert!(!text.is_empty(), "{language}: {message:?} has no text");
        assert_ne!(text, english, "{language}: {message:?} is English");
        let (shown, named) = shown_and_named(&message);
        for value in shown {
            assert!(text.contains(&value), "{language}: {text:?} does not show {value:?}");
        }
        for name in named {
            assert!(!text.contains(name), "{language}: {text:?} names {name:?} in English");
        }
        if let Some(hidden) = text.chars().find(|&c| is_hidden(c)) {
            panic!("{language}: {text:?} has the hidden character {hidden:?}");
        }
        for word in ENGLISH_WORDS {
            assert!(!text.contains(word), "{language}: {text:?} keeps the English {word:?}");
        }
        assert!(text.ends_with(end), "{language}: {text:?} does not end with {end:?}");
        assert!(!text.contains("  ") && !text.starts_with(' '), "{language}: {text:?} has a stray space");
    }
}

#[test]
fn german_translates_every_message() {
    check("de", german, '.');
    for message in samples() {
        let text = german(&message);
        for stray in [" .", " ,", " ;", " :"] {
            assert!(!text.contains(stray), "{text:?} has a space before punctuation");
        }
    }
}

/// Whether `c` is written in Japanese script (kana or kanji).
fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}')
}

#[test]
fn japanese_translates_every_message() {
    check("ja", japanese, '。');
    for message in samples() {
        let text = japanese(&message);
        // Microsoft's Japanese style: a half-width space between Japanese and Latin letters or
        // digits, none next to Japanese punctuation.
        let chars: Vec<char> = text.chars().collect();
        for pair in chars.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let touching =
                (is_japanese(a) && b.is_ascii_alphanumeric()) || (a.is_ascii_alphanumeric() && is_japanese(b));
            assert!(!touching, "{text:?}: no space between {a:?} and {b:?}");
        }
        for stray in [" 。", " 、", "、 ", "。 "] {
            assert!(!text.contains(stray), "{text:?} has a space next to {stray:?}");
        }
    }
}

/// A built-in language's writer, its word for the value a message is about, and for a key.
type Subjects = (fn(&Message) -> String, &'static str, &'static str);

/// Every message about a map key is its rule's sentence about a value with the key as its
/// subject, in every built-in language: each sentence of a rule inside `keys` begins with the
/// language's word for the value (what `about_key` relies on), a new one too.
#[test]
fn a_message_about_a_key_names_the_key() {
    let languages: [Subjects; 3] =
        [(english, "The value", "The key"), (german, "Der Wert", "Der Schlüssel"), (japanese, "値", "キー")];
    let mut seen = 0;
    for message in samples() {
        let Message::AboutKey(inner) = &message else { continue };
        seen += 1;
        for (write, value, key) in languages {
            let of_value = write(inner);
            let rest =
                of_value.strip_prefix(value).unwrap_or_else(|| panic!("{of_value:?} does not begin with {value:?}"));
            assert_eq!(write(&message), format!("{key}{rest}"));
        }
    }
    assert!(seen >= 13, "{seen} samples about a key");
    // Every message of a rule that may stand inside `keys` is said of the key there: a new one
    // (a new format's) needs its `key-…` id in `Message::about_key`.
    let text_rules = [
        "length",
        "non_empty",
        "pattern",
        "contains",
        "prefix",
        "suffix",
        "not_containing",
        "no_control_chars",
        "one_of",
        "format",
    ];
    for message in samples().into_iter().filter(|m| text_rules.contains(&m.rule())) {
        assert!(matches!(message.clone().about_key(), Message::AboutKey(_)), "{message:?} is not said of a key");
    }
    let cases = [
        (
            english as fn(&Message) -> String,
            Message::ForbiddenCharacter { character: "%".into() },
            "The key must not contain '%'.",
        ),
        (
            english,
            Message::PatternMismatch { value: "a b".into(), pattern: "^[a-z]+$" },
            "The key 'a b' does not match the pattern '^[a-z]+$'.",
        ),
        (
            german,
            Message::TooLong { max: 512, actual: 600, unit: Unit::Characters },
            "Der Schlüssel darf höchstens 512 Zeichen haben; er hat 600.",
        ),
        (
            german,
            Message::ControlCharacter { character: r"\u{7}".into() },
            r"Der Schlüssel darf keine Steuerzeichen enthalten; er enthält '\u{7}'.",
        ),
        (japanese, Message::ForbiddenCharacter { character: "%".into() }, "キーに '%' を含めることはできません。"),
        (
            japanese,
            Message::NotOneOf { value: "x".into(), allowed: Cow::Borrowed(&["A", "B"]) },
            "キー 'x' は 'A', 'B' のいずれでもありません。",
        ),
    ];
    for (write, message, expected) in cases {
        assert_eq!(write(&message.about_key()), expected);
    }
    // What the rules inside `keys` do not write reads the same of a key: it is kept as it is.
    for message in
        [Message::own("No such tag."), Message::NullItem, Message::BelowMinimum { value: 0.into(), min: 1.into() }]
    {
        assert_eq!(message.clone().about_key(), message);
    }
}

#[test]
fn german_texts() {
    let cases = [
        (
            Message::TooShort { min: 2, actual: 1, unit: Unit::Characters },
            "Der Wert muss mindestens 2 Zeichen haben; er hat 1.",
        ),
        (
            Message::TooLong { max: 4, actual: 7, unit: Unit::Characters },
            "Der Wert darf höchstens 4 Zeichen haben; er hat 7.",
        ),
        (
            Message::TooShort { min: 1, actual: 0, unit: Unit::Characters },
            "Der Wert muss mindestens 1 Zeichen haben; er hat 0.",
        ),
        (
            Message::TooShort { min: 1, actual: 0, unit: Unit::Items },
            "Der Wert muss mindestens 1 Element haben; er hat 0.",
        ),
        (
            Message::TooShort { min: 2, actual: 1, unit: Unit::Items },
            "Der Wert muss mindestens 2 Elemente haben; er hat 1.",
        ),
        (
            Message::TooLong { max: 1, actual: 2, unit: Unit::Entries },
            "Der Wert darf höchstens 1 Eintrag haben; er hat 2.",
        ),
        (
            Message::TooLong { max: 4, actual: 7, unit: Unit::Entries },
            "Der Wert darf höchstens 4 Einträge haben; er hat 7.",
        ),
        (Message::Empty { unit: Unit::Entries }, "Der Wert muss mindestens 1 Eintrag haben."),
        (Message::NotGreater { value: 0.into(), min: 0.into() }, "Der Wert 0 muss größer als 0 sein."),
        (Message::MissingPart { value: "ab".into(), part: "-" }, "Der Wert 'ab' muss '-' enthalten."),
        (Message::ForbiddenCharacter { character: "%".into() }, "Der Wert darf '%' nicht enthalten."),
        (
            Message::ControlCharacter { character: r"\u{7}".into() },
            r"Der Wert darf keine Steuerzeichen enthalten; er enthält '\u{7}'.",
        ),
        (
            Message::MissingPrefix { value: "x".into(), prefix: "https://" },
            "Der Wert 'x' muss mit 'https://' beginnen.",
        ),
        (Message::MissingSuffix { value: "a.txt".into(), suffix: ".json" }, "Der Wert 'a.txt' muss auf '.json' enden."),
        (Message::NotLess { value: 2.into(), max: 1.into() }, "Der Wert 2 muss kleiner als 1 sein."),
        (
            Message::WrongLength { expected: 8, actual: 7, unit: Unit::Characters },
            "Der Wert muss genau 8 Zeichen haben; er hat 7.",
        ),
        (
            Message::WrongLength { expected: 1, actual: 2, unit: Unit::Items },
            "Der Wert muss genau 1 Element haben; er hat 2.",
        ),
        (Message::ExactItems { expected: 1, actual: 3 }, "Das Array muss genau 1 Element haben; es hat 3."),
        (Message::ExactItems { expected: 2, actual: 5 }, "Das Array muss genau 2 Elemente haben; es hat 5."),
        (
            Message::NotOneOf { value: "x".into(), allowed: Cow::Borrowed(&["A", "B"]) },
            "Der Wert 'x' ist keiner der zulässigen Werte 'A', 'B'.",
        ),
        (
            Message::WrongType { expected: JsonType::Text, found: JsonType::Integer },
            "Erwartet wurde eine Zeichenfolge, gefunden wurde eine ganze Zahl.",
        ),
        (
            Message::KeyNotOfKind { key: "x7".into(), kind: JsonType::Integer },
            "Der Schlüssel 'x7' ist keine ganze Zahl.",
        ),
        (Message::RefusedType { found: JsonType::Boolean }, "Hier wird kein boolescher Wert akzeptiert."),
        (
            Message::InvalidContent { found: 1, listed: 1 },
            "Der Inhalt der Anfrage ist ungültig: 1 Fehler wurde gefunden.",
        ),
        (
            Message::InvalidContent { found: 2, listed: 2 },
            "Der Inhalt der Anfrage ist ungültig: 2 Fehler wurden gefunden.",
        ),
        (
            Message::InvalidContent { found: 2, listed: 1 },
            "Der Inhalt der Anfrage ist ungültig: 2 Fehler wurden gefunden; der erste wird aufgeführt und 1 wird ausgelassen.",
        ),
        (
            Message::InvalidContent { found: 150, listed: 100 },
            "Der Inhalt der Anfrage ist ungültig: 150 Fehler wurden gefunden; die ersten 100 werden aufgeführt und 50 werden ausgelassen.",
        ),
        (
            Message::InvalidContent { found: 3, listed: 0 },
            "Der Inhalt der Anfrage ist ungültig: 3 Fehler wurden gefunden; keiner davon wird aufgeführt.",
        ),
        (
            Message::NotJson { reason: Syntax::EofInObject, line: 1, column: 5 },
            "Der Inhalt der Anfrage ist kein gültiges JSON: unerwartetes Ende beim Lesen eines Objekts (Zeile 1, Spalte 5).",
        ),
        (Message::UnsupportedMediaType, "Der Inhaltstyp muss 'application/json' sein oder auf '+json' enden."),
    ];
    for (message, expected) in cases {
        assert_eq!(german(&message), expected);
    }
}

#[test]
fn japanese_texts() {
    let cases = [
        (Message::Empty { unit: Unit::Characters }, "値を空または空白のみにすることはできません。"),
        (Message::Empty { unit: Unit::Items }, "値には項目 1 個以上が必要です。"),
        (Message::NotGreater { value: 0.into(), min: 0.into() }, "値 0 は 0 より大きくなければなりません。"),
        (Message::MissingPart { value: "ab".into(), part: "-" }, "値 'ab' には '-' が含まれている必要があります。"),
        (Message::ForbiddenCharacter { character: "%".into() }, "値に '%' を含めることはできません。"),
        (
            Message::ControlCharacter { character: r"\u{7}".into() },
            r"値に制御文字を含めることはできません。'\u{7}' が含まれています。",
        ),
        (
            Message::MissingPrefix { value: "x".into(), prefix: "https://" },
            "値 'x' は 'https://' で始まる必要があります。",
        ),
        (
            Message::MissingSuffix { value: "a.txt".into(), suffix: ".json" },
            "値 'a.txt' は '.json' で終わる必要があります。",
        ),
        (Message::NotLess { value: 2.into(), max: 1.into() }, "値 2 は 1 より小さくなければなりません。"),
        (
            Message::TooShort { min: 2, actual: 1, unit: Unit::Characters },
            "値には 2 文字以上が必要ですが、1 文字しかありません。",
        ),
        (
            Message::TooShort { min: 2, actual: 1, unit: Unit::Items },
            "値には項目 2 個以上が必要ですが、1 個しかありません。",
        ),
        (
            Message::TooLong { max: 1, actual: 2, unit: Unit::Entries },
            "値に含めることができるのはエントリ 1 件までですが、2 件あります。",
        ),
        (
            Message::TooLong { max: 4, actual: 7, unit: Unit::Characters },
            "値に含めることができるのは 4 文字までですが、7 文字あります。",
        ),
        (
            Message::WrongLength { expected: 8, actual: 7, unit: Unit::Characters },
            "値はちょうど 8 文字でなければなりませんが、7 文字あります。",
        ),
        (
            Message::WrongLength { expected: 2, actual: 1, unit: Unit::Items },
            "値はちょうど 2 個の項目でなければなりませんが、1 個あります。",
        ),
        (
            Message::WrongLength { expected: 2, actual: 3, unit: Unit::Entries },
            "値はちょうど 2 件のエントリでなければなりませんが、3 件あります。",
        ),
        (
            Message::NotOneOf { value: "x".into(), allowed: Cow::Borrowed(&["A", "B"]) },
            "値 'x' は 'A', 'B' のいずれでもありません。",
        ),
        (
            Message::WrongType { expected: JsonType::Text, found: JsonType::Null },
            "文字列が必要ですが、null 値が指定されました。",
        ),
        (Message::KeyNotOfKind { key: "x7".into(), kind: JsonType::Null }, "キー 'x7' は null 値ではありません。"),
        (Message::NullForType { expected: JsonType::Object }, "オブジェクトが必要ですが、null 値が指定されました。"),
        (Message::InvalidContent { found: 1, listed: 1 }, "要求の内容が無効です。1 件のエラーが見つかりました。"),
        (
            Message::InvalidContent { found: 150, listed: 100 },
            "要求の内容が無効です。150 件のエラーが見つかりました。最初の 100 件を一覧に示し、残りの 50 件は省略しています。",
        ),
        (
            Message::InvalidContent { found: 3, listed: 0 },
            "要求の内容が無効です。3 件のエラーが見つかりました。いずれも一覧には含まれていません。",
        ),
        (
            Message::NotJson { reason: Syntax::EofInObject, line: 1, column: 5 },
            "要求の内容が有効な JSON ではありません。オブジェクトの途中で入力が終了しました (行 1、列 5)。",
        ),
        (
            Message::UnsupportedMediaType,
            "コンテンツ タイプは 'application/json' であるか、'+json' で終わる必要があります。",
        ),
    ];
    for (message, expected) in cases {
        assert_eq!(japanese(&message), expected);
    }
}

#[test]
fn format_texts() {
    let german_cases = [
        (
            Message::InvalidFormat { format: Format::Email, value: "a@".into() },
            "Der Wert 'a@' ist keine E-Mail-Adresse wie 'user@example.com'.",
        ),
        (
            Message::InvalidArmId {
                value: "/subscriptions/x".into(),
                problem: ArmIdProblem::SubscriptionNotGuid { segment: "x".into() },
            },
            "Der Wert '/subscriptions/x' ist keine Azure-Ressourcen-ID: Das Abonnement 'x' ist keine GUID.",
        ),
        (
            Message::InvalidArmId {
                value: "/x".into(),
                problem: ArmIdProblem::UnexpectedSegment {
                    segment: "x".into(),
                    expected: &["subscriptions", "providers"],
                },
            },
            "Der Wert '/x' ist keine Azure-Ressourcen-ID: Statt des Segments 'x' wird 'subscriptions' oder 'providers' erwartet.",
        ),
    ];
    for (message, expected) in german_cases {
        assert_eq!(german(&message), expected);
    }
    let japanese_cases = [
        (
            Message::InvalidFormat { format: Format::Uri, value: "a/b".into() },
            "値 'a/b' は 'https://example.com/path' のような絶対 URI ではありません。",
        ),
        (
            Message::InvalidFormat { format: Format::Guid, value: "x".into() },
            "値 'x' は GUID (8-4-4-4-12 桁の 16 進数) ではありません。",
        ),
        (
            Message::InvalidArmId {
                value: "/providers".into(),
                problem: ArmIdProblem::Missing { part: ArmIdPart::Namespace },
            },
            "値 '/providers' は Azure リソース ID ではありません。リソース プロバイダーの名前空間がありません。",
        ),
    ];
    for (message, expected) in japanese_cases {
        assert_eq!(japanese(&message), expected);
    }
}
