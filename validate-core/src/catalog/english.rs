//! The built-in English catalog: the text of every message the library writes.

use std::fmt::{self, Write};

use crate::message::{ArmIdPart, ArmIdProblem, Format, JsonType, Message, Syntax};
use crate::rules::Unit;
use crate::text::{Decimal, QuotedCharacter, QuotedList, QuotedOr};

/// `1 character`, `2 items`, …
struct Counted(usize, Unit);

impl fmt::Display for Counted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Counted(n, unit) = *self;
        let noun = match (unit, n) {
            (Unit::Characters, 1) => "character",
            (Unit::Characters, _) => "characters",
            (Unit::Items, 1) => "item",
            (Unit::Items, _) => "items",
            (Unit::Entries, 1) => "entry",
            (Unit::Entries, _) => "entries",
        };
        write!(f, "{n} {noun}")
    }
}

/// "a string", "an object", …
fn json_type(kind: JsonType) -> &'static str {
    match kind {
        JsonType::Boolean => "a boolean",
        JsonType::Integer => "an integer",
        JsonType::Number => "a number",
        JsonType::Text => "a string",
        JsonType::Null => "null",
        JsonType::Array => "an array",
        JsonType::Object => "an object",
        JsonType::Other => "another kind of value",
        JsonType::EmptyObject => "an empty object",
    }
}

/// `serde_json`'s own words for a syntax error.
fn syntax(reason: &Syntax) -> &str {
    match reason {
        Syntax::EofInList => "EOF while parsing a list",
        Syntax::EofInObject => "EOF while parsing an object",
        Syntax::EofInString => "EOF while parsing a string",
        Syntax::EofInValue => "EOF while parsing a value",
        Syntax::ExpectedColon => "expected `:`",
        Syntax::ExpectedListCommaOrEnd => "expected `,` or `]`",
        Syntax::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
        Syntax::ExpectedIdent => "expected ident",
        Syntax::ExpectedValue => "expected value",
        Syntax::ExpectedDoubleQuote => "expected `\"`",
        Syntax::InvalidEscape => "invalid escape",
        Syntax::InvalidNumber => "invalid number",
        Syntax::NumberOutOfRange => "number out of range",
        Syntax::InvalidUnicodeCodePoint => "invalid unicode code point",
        Syntax::ControlCharacter => "control character (\\u0000-\\u001F) found while parsing a string",
        Syntax::KeyMustBeAString => "key must be a string",
        Syntax::LoneLeadingSurrogate => "lone leading surrogate in hex escape",
        Syntax::TrailingComma => "trailing comma",
        Syntax::TrailingCharacters => "trailing characters",
        Syntax::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
        Syntax::RecursionLimitExceeded => "recursion limit exceeded",
        Syntax::Other(words) => words,
    }
}

/// "an RFC 3339 date-time such as '2027-06-30T23:59:59Z'": a format, with an example of it.
fn format_words(format: Format) -> &'static str {
    match format {
        Format::Guid => "a GUID (8-4-4-4-12 hexadecimal digits)",
        Format::DateTime => "an RFC 3339 date-time such as '2027-06-30T23:59:59Z'",
        Format::Date => "an RFC 3339 date such as '2027-06-30'",
        Format::Duration => "an ISO 8601 duration such as 'P1DT12H' or 'PT30M'",
        Format::DateTimeRfc1123 => "an RFC 1123 date-time such as 'Sun, 06 Nov 1994 08:49:37 GMT'",
        Format::Uri => "an absolute URI such as 'https://example.com/path'",
        Format::ArmId => "an Azure resource ID such as '/subscriptions/{guid}/resourceGroups/{name}'",
        Format::Email => "an email address such as 'user@example.com'",
        Format::Ip => "an IP address such as '192.0.2.1' or '2001:db8::1'",
        Format::Ipv4 => "an IPv4 address such as '192.0.2.1'",
        Format::Ipv6 => "an IPv6 address such as '2001:db8::1'",
        Format::Base64 => "base64 text (RFC 4648, padded) such as 'SGk='",
        Format::Base64Url => "base64url text (RFC 4648, URL-safe, unpadded) such as 'SGk_'",
    }
}

/// What is wrong with a resource ID, after "is not an Azure resource ID: ".
fn arm_id_problem<W: Write + ?Sized>(problem: &ArmIdProblem, out: &mut W) -> fmt::Result {
    match problem {
        ArmIdProblem::NotRooted => out.write_str("it must start with '/'"),
        ArmIdProblem::InvalidCharacter { character } => {
            write!(out, "it must not contain white space or control characters; it has '{character}'")
        }
        ArmIdProblem::EmptySegment => out.write_str("it has an empty segment ('//' or a '/' at the end)"),
        ArmIdProblem::UnexpectedSegment { segment, expected } => {
            write!(out, "the segment '{segment}' is not {}", QuotedOr(expected, "or"))
        }
        ArmIdProblem::Missing { part } => {
            let part = match part {
                ArmIdPart::Subscription => "subscription",
                ArmIdPart::ResourceGroup => "resource group name",
                ArmIdPart::Namespace => "provider namespace",
                ArmIdPart::ResourceType => "resource type",
            };
            write!(out, "the {part} is missing")
        }
        ArmIdProblem::SubscriptionNotGuid { segment } => write!(out, "the subscription '{segment}' is not a GUID"),
        ArmIdProblem::InvalidResourceGroup { segment } => write!(
            out,
            "the resource group name '{segment}' must have 1 to 90 letters, digits, '_', '(', ')', '-' or '.', \
             and must not end with '.'"
        ),
        ArmIdProblem::InvalidNamespace { segment } => write!(
            out,
            "the provider namespace '{segment}' is not words of letters and digits joined by '.', such as 'Microsoft.Web'"
        ),
        ArmIdProblem::MissingName { segment } => write!(out, "the resource type '{segment}' has no name"),
    }
}

/// Writes `message` in English.
// One arm per message, so that a new message does not compile until it has its text here: split
// in two, the messages would be listed twice.
#[allow(clippy::too_many_lines)]
pub(crate) fn write<W: Write + ?Sized>(message: &Message, out: &mut W) -> fmt::Result {
    match message {
        Message::TooShort { min, actual, unit } => {
            write!(out, "The value must have at least {}; it has {actual}.", Counted(*min, *unit))
        }
        Message::TooLong { max, actual, unit } => {
            write!(out, "The value must have at most {}; it has {actual}.", Counted(*max, *unit))
        }
        Message::WrongLength { expected, actual, unit } => {
            write!(out, "The value must have exactly {}; it has {actual}.", Counted(*expected, *unit))
        }
        Message::NotANumber => out.write_str("The value is not a number."),
        Message::BelowMinimum { value, min } => write!(out, "The value {value} is less than the minimum {min}."),
        Message::AboveMaximum { value, max } => write!(out, "The value {value} is greater than the maximum {max}."),
        Message::NotGreater { value, min } => write!(out, "The value {value} must be greater than {min}."),
        Message::NotLess { value, max } => write!(out, "The value {value} must be less than {max}."),
        Message::Empty { unit: Unit::Characters } => out.write_str("The value must not be empty or white space."),
        Message::Empty { unit } => write!(out, "The value must have at least {}.", Counted(1, *unit)),
        Message::PatternMismatch { value, pattern } => {
            write!(out, "The value '{value}' does not match the pattern '{pattern}'.")
        }
        Message::MissingPart { value, part } => write!(out, "The value '{value}' must contain '{part}'."),
        Message::MissingPrefix { value, prefix } => write!(out, "The value '{value}' must start with '{prefix}'."),
        Message::MissingSuffix { value, suffix } => write!(out, "The value '{value}' must end with '{suffix}'."),
        Message::ForbiddenCharacter { character } => {
            write!(out, "The value must not contain {}.", QuotedCharacter(character))
        }
        Message::ControlCharacter { character } => {
            write!(out, "The value must not contain control characters; it has '{character}'.")
        }
        Message::NotOneOf { value, allowed } => {
            write!(out, "The value '{value}' is not one of {}.", QuotedList(allowed))
        }
        Message::InvalidFormat { format: Format::Guid, value } => {
            write!(out, "The value '{value}' is not a GUID (8-4-4-4-12 hexadecimal digits).")
        }
        Message::InvalidFormat { format, value } => {
            write!(out, "The value '{value}' is not {}.", format_words(*format))
        }
        Message::InvalidArmId { value, problem } => {
            write!(out, "The value '{value}' is not an Azure resource ID: ")?;
            arm_id_problem(problem, out)?;
            out.write_str(".")
        }
        Message::NotLanguageTag { key } => write!(out, "The key '{key}' is not a language tag such as 'en-us'."),
        Message::MissingProperty { name } => write!(out, "The property '{name}' is required."),
        Message::NullItem => out.write_str("A value is required here; null is not accepted."),
        Message::ReadOnlyProperty { name } => {
            write!(out, "The property '{name}' is read-only: only the server sets it.")
        }
        // Pieces written one by one, without the formatting machinery: `unique` can repeat on
        // every item of a long list.
        Message::Repeated { value, first, ignore_case } => {
            out.write_str("The value '")?;
            out.write_str(value)?;
            out.write_str("' repeats the value at index ")?;
            out.write_str(Decimal::of(*first).as_str())?;
            out.write_str(if *ignore_case { ", ignoring case." } else { "." })
        }
        Message::WrongType { expected, found } => {
            write!(out, "Expected {} but found {}.", json_type(*expected), json_type(*found))
        }
        Message::NullForType { expected } => write!(out, "Expected {} but found null.", json_type(*expected)),
        Message::NullNotAccepted => out.write_str("The value is null, which is not accepted here."),
        Message::IntegerOutOfRange { value, min, max } => {
            write!(out, "The value {value} is outside the range {min} to {max}.")
        }
        Message::UnknownProperty { name } => write!(out, "The property '{name}' is not allowed here."),
        Message::DuplicateProperty => out.write_str("The property appears more than once."),
        Message::KeyNotOfKind { key, kind } => write!(out, "The key '{key}' is not {}.", json_type(*kind)),
        Message::NotOneCharacter { chars: 0 } => {
            out.write_str("Expected a single character but found an empty string.")
        }
        Message::NotOneCharacter { chars } => {
            write!(out, "Expected a single character but found {chars} characters.")
        }
        Message::ExactItems { expected, actual } => {
            let noun = if *expected == 1 { "item" } else { "items" };
            write!(out, "The array must have exactly {expected} {noun}; it has {actual}.")
        }
        Message::TooManyItems => out.write_str("The array has more items than allowed."),
        Message::TooFewItems => out.write_str("The array has fewer items than required."),
        Message::NoShape => out.write_str("The value matches none of the accepted shapes."),
        Message::ExtraMembers => out.write_str("The object has more members than allowed."),
        Message::NotAllowed { value, text: true } => write!(out, "The value '{value}' is not allowed here."),
        Message::NotAllowed { value, text: false } => write!(out, "The value {value} is not allowed here."),
        Message::RefusedType { found } => {
            write!(out, "The value is {}, which is not accepted here.", json_type(*found))
        }
        Message::WrongItemCount => out.write_str("The value has the wrong number of items."),
        Message::NotValid => out.write_str("The value is not valid here."),
        Message::StoppedAt { line, column } => write!(out, "The value at line {line} column {column} is invalid."),
        Message::InvalidContent { found, listed } => invalid_content(*found, *listed, out),
        Message::NotJson { reason, line, column } => {
            write!(out, "The request content is not valid JSON: {} at line {line} column {column}.", syntax(reason))
        }
        Message::UnsupportedMediaType => {
            out.write_str("The content type must be 'application/json' or end with '+json'.")
        }
        Message::BodyTooLarge => out.write_str("The request body is larger than this service accepts."),
        Message::BodyUnreadable => out.write_str("The request body could not be read to its end."),
        Message::Own(own) => out.write_str(&own.text),
        Message::AboutKey(message) => super::about_key(message, ["The value", "The key"], write, out),
    }
}

/// The top-level message of `found` problems of which the first `listed` are details.
fn invalid_content<W: Write + ?Sized>(found: usize, listed: usize, out: &mut W) -> fmt::Result {
    out.write_str("The request content was invalid: ")?;
    match found {
        1 => out.write_str("1 error was found")?,
        n => write!(out, "{n} errors were found")?,
    }
    let left_out = found.saturating_sub(listed);
    let rest = Rest(left_out);
    match (listed, left_out) {
        (_, 0) => out.write_str("."),
        // Only a list made to keep none (`Violations::with_limit(0)`) gets here.
        (0, _) => out.write_str("; none are listed."),
        (1, _) => write!(out, "; the first is listed and {rest}."),
        (listed, _) => write!(out, "; the first {listed} are listed and {rest}."),
    }
}

/// "1 is left out", "n are left out".
struct Rest(usize);

impl fmt::Display for Rest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("1 is left out"),
            n => write!(f, "{n} are left out"),
        }
    }
}
