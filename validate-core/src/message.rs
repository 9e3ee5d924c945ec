//! What a violation says, as typed parameters: rendered into text only when an answer is built,
//! in the language chosen for that answer.
//!
//! A rule records a [`Message`] (which message, with its numbers, the value it echoes, the allowed
//! values, …), never finished text, so that the same result of `validate()` can go out in German
//! to a client and in English to a log. [`Language`](crate::Language) renders it.
//!
//! ```
//! use validate_core::{Language, Message, Validate};
//!
//! #[derive(Validate)]
//! struct Hub {
//!     #[validate(length(min = 2))]
//!     name: String,
//! }
//!
//! let violations = Hub { name: "h".into() }.validate().unwrap_err();
//! let violation = violations.iter().next().unwrap();
//! assert!(matches!(violation.typed_message(), Message::TooShort { min: 2, actual: 1, .. }));
//! assert_eq!(violation.message(), "The value must have at least 2 characters; it has 1.");
//! assert_eq!(
//!     Language::builtin("de").unwrap().render(violation),
//!     "Der Wert muss mindestens 2 Zeichen haben; er hat 1.",
//! );
//! ```

use std::borrow::Cow;
use std::fmt;

use crate::rules::Unit;

/// A violation's message before it is text: which message, and its typed parameters.
///
/// Each variant has a stable [`id`](Message::id) (the name a [`Catalog`](crate::Catalog) knows
/// it by, such as `length-too-short`), the [`rule`](Message::rule) that raised it, and named
/// [parameters](Message::params). Values a client sent are kept as they are echoed (cut to 64
/// characters, invisible characters escaped): what a message may show of them, never more.
// No variant here, nor in the other enums of this module, takes the name of a type that compile
// errors print (`String`, `Uuid`, the rules' traits `Required`, `ReadOnly`, `Numeric`): rustc
// writes a type's full path (`std::string::String`) in every error of a crate whose dependencies
// have another item of the same name.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Message {
    /// `length`: fewer than `min` characters, items or entries.
    TooShort {
        /// The least allowed.
        min: usize,
        /// The length found.
        actual: usize,
        /// What was counted.
        unit: Unit,
    },
    /// `length`: more than `max` characters, items or entries.
    TooLong {
        /// The most allowed.
        max: usize,
        /// The length found.
        actual: usize,
        /// What was counted.
        unit: Unit,
    },
    /// `length(equal = N)`: another number of characters, items or entries than `expected`.
    WrongLength {
        /// The length required.
        expected: usize,
        /// The length found.
        actual: usize,
        /// What was counted.
        unit: Unit,
    },
    /// `range`: the number is NaN.
    NotANumber,
    /// `range`: under the minimum.
    BelowMinimum {
        /// The number found.
        value: Number,
        /// The least allowed.
        min: Number,
    },
    /// `range`: over the maximum.
    AboveMaximum {
        /// The number found.
        value: Number,
        /// The most allowed.
        max: Number,
    },
    /// `range(exclusive_min = …)`: not greater than the exclusive minimum.
    NotGreater {
        /// The number found.
        value: Number,
        /// The number it must be greater than.
        min: Number,
    },
    /// `range(exclusive_max = …)`: not less than the exclusive maximum.
    NotLess {
        /// The number found.
        value: Number,
        /// The number it must be less than.
        max: Number,
    },
    /// `non_empty`: an empty or white-space string, or a collection without items.
    Empty {
        /// What is missing: characters (the string is empty or white space), items or entries.
        unit: Unit,
    },
    /// `pattern`: the text does not match.
    PatternMismatch {
        /// The text, echoed.
        value: String,
        /// The regular expression.
        pattern: &'static str,
    },
    /// `contains("…")`: the text does not contain `part`.
    MissingPart {
        /// The text, echoed.
        value: String,
        /// The text it must contain, as the attribute gives it.
        part: &'static str,
    },
    /// `prefix("…")`: the text does not start with `prefix`.
    MissingPrefix {
        /// The text, echoed.
        value: String,
        /// The text it must start with, as the attribute gives it.
        prefix: &'static str,
    },
    /// `suffix("…")`: the text does not end with `suffix`.
    MissingSuffix {
        /// The text, echoed.
        value: String,
        /// The text it must end with, as the attribute gives it.
        suffix: &'static str,
    },
    /// `not_containing("…")`: the text has one of the characters refused.
    ForbiddenCharacter {
        /// The first such character, echoed (escaped when invisible).
        character: String,
    },
    /// `no_control_chars`: the text has a control character.
    ControlCharacter {
        /// The first one, escaped (`\u{7}`).
        character: String,
    },
    /// `one_of`, or a closed enum: the text is none of the allowed values.
    NotOneOf {
        /// The text, echoed.
        value: String,
        /// The allowed values.
        allowed: Cow<'static, [&'static str]>,
    },
    /// `format(…)`: the text is not in the format.
    InvalidFormat {
        /// The format.
        format: Format,
        /// The text, echoed.
        value: String,
    },
    /// `format(arm_id)`: the text is not an Azure resource ID, and which part of it is wrong.
    InvalidArmId {
        /// The text, echoed.
        value: String,
        /// What is wrong with it.
        problem: ArmIdProblem,
    },
    /// `localized`: a key that is not a language tag.
    NotLanguageTag {
        /// The key, echoed.
        key: String,
    },
    /// `required`, or a member absent or `null`: the property named is missing.
    MissingProperty {
        /// The property's name on the wire, echoed.
        name: String,
    },
    /// An item or a map value given `null` where the type takes none.
    NullItem,
    /// `read_only`: a client sent a property only the server sets.
    ReadOnlyProperty {
        /// The property's name on the wire, echoed.
        name: String,
    },
    /// `unique`: an item repeats an earlier one.
    Repeated {
        /// The value repeated, echoed.
        value: String,
        /// The index of its first occurrence.
        first: usize,
        /// Whether case was ignored in comparing.
        ignore_case: bool,
    },
    /// Shape: the JSON type is wrong.
    WrongType {
        /// The JSON type the place takes.
        expected: JsonType,
        /// The JSON type found.
        found: JsonType,
    },
    /// Shape: `null` at the root of a body of another JSON type.
    NullForType {
        /// The JSON type the body takes.
        expected: JsonType,
    },
    /// Shape: `null` at the root, where nothing says which type belongs.
    NullNotAccepted,
    /// Shape: an integer outside what its type holds.
    IntegerOutOfRange {
        /// The number as written, echoed.
        value: String,
        /// The type's least value.
        min: &'static str,
        /// The type's greatest value.
        max: &'static str,
    },
    /// Shape: a member the type does not accept.
    UnknownProperty {
        /// The member's name, echoed.
        name: String,
    },
    /// Shape: the same member twice in one object.
    DuplicateProperty,
    /// Shape: a map key that does not read as its key type.
    KeyNotOfKind {
        /// The key, echoed.
        key: String,
        /// What the key should have been.
        kind: JsonType,
    },
    /// Shape: a `char` given a string that is not one character (`chars` is 0 for `""`).
    NotOneCharacter {
        /// The characters found.
        chars: usize,
    },
    /// Shape: a fixed-size array or tuple with another number of items.
    ExactItems {
        /// The items it takes.
        expected: usize,
        /// The items found.
        actual: usize,
    },
    /// Shape: an array with more items than its type reads.
    TooManyItems,
    /// Shape: an array with fewer items than its type reads.
    TooFewItems,
    /// Shape: a value that matches none of an untagged enum's variants.
    NoShape,
    /// Shape: an object with more members than its type reads.
    ExtraMembers,
    /// Shape: a value of the right type that the type refuses (`NonZeroU8`'s `0`).
    NotAllowed {
        /// The value, echoed; quoted when it was text.
        value: String,
        /// Whether the value was text (shown in quotes) or a number.
        text: bool,
    },
    /// Shape: a value of a JSON type that the type refuses, found after it was read whole.
    RefusedType {
        /// The JSON type found.
        found: JsonType,
    },
    /// Shape: a value with the wrong number of items, found after it was read whole.
    WrongItemCount,
    /// Shape: a value its type's own `Deserialize` refuses, for a reason written for
    /// programmers (never echoed).
    NotValid,
    /// Shape: `serde_json` refused the body for a reason the walk does not model; where it stopped.
    StoppedAt {
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
    },
    /// The top-level message of an invalid request: how many problems, how many listed.
    InvalidContent {
        /// The problems found.
        found: usize,
        /// The first of them listed as details.
        listed: usize,
    },
    /// The top-level message of a body that is not JSON.
    NotJson {
        /// What `serde_json` found wrong.
        reason: Syntax,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
    },
    /// A request whose `Content-Type` is not JSON.
    UnsupportedMediaType,
    /// A request body larger than the service accepts.
    BodyTooLarge,
    /// A request body that could not be read to its end.
    BodyUnreadable,
    /// A user's own message: the text of a custom rule, of a service's own answer, … A
    /// [`Catalog`](crate::Catalog) knows it by `id` (by default the violation's code).
    Own(Own),
    /// `keys(…)`: a rule's message said of a map key, not of its value ("The key must not
    /// contain '%'."), since both are at the entry's target. It has the rule's parameters and
    /// `rule`, and an id of its own (`key-length-too-long`); see [`Message::about_key`].
    AboutKey(Box<Message>),
}

/// A message written by a user: its English text, the name catalogs know it by, and named
/// parameters for their translations. See [`RuleError::with_arg`](crate::RuleError::with_arg).
#[derive(Clone, Debug, PartialEq)]
pub struct Own {
    /// The text, in the default language.
    pub text: Cow<'static, str>,
    /// The name a catalog knows it by; the violation's code when `None`.
    pub id: Option<&'static str>,
    /// Named parameters, in the order given (a boxed slice, not a `Vec`: a message is moved
    /// several times on its way into a list, and this keeps every message within 56 bytes).
    pub args: Box<[(&'static str, Param)]>,
}

/// A parameter of a user's own message.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Param {
    /// A count, which a translation may choose a plural form by.
    Count(usize),
    /// A number.
    Number(Number),
    /// Text; a value a client sent should be [echoed](crate::text::echo) first.
    Text(Cow<'static, str>),
}

impl From<&'static str> for Message {
    fn from(text: &'static str) -> Self {
        Message::own(text)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::own(text)
    }
}

impl From<Cow<'static, str>> for Message {
    fn from(text: Cow<'static, str>) -> Self {
        Message::own(text)
    }
}

impl From<usize> for Param {
    fn from(count: usize) -> Self {
        Param::Count(count)
    }
}

impl From<&'static str> for Param {
    fn from(text: &'static str) -> Self {
        Param::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Param {
    fn from(text: String) -> Self {
        Param::Text(Cow::Owned(text))
    }
}

impl From<Number> for Param {
    fn from(number: Number) -> Self {
        Param::Number(number)
    }
}

macro_rules! param_from_number {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Param {
            fn from(number: $ty) -> Self {
                Param::Number(number.into())
            }
        }
    )*};
}

// `usize` is a count (`Param::Count`): translations choose plural forms by counts.
param_from_number!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, f32, f64);

/// A number a message shows, written as its own type writes it (`0.5`, `-3`, `255`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Number {
    /// A signed integer (one beyond 64 bits is [`Number::Other`]: kept at 64 bits, a message
    /// stays small to move).
    Signed(i64),
    /// An unsigned integer (one beyond 64 bits is [`Number::Other`]).
    Unsigned(u64),
    /// An `f32` (kept apart: widened to `f64` it would write `0.1` as `0.10000000149011612`).
    F32(f32),
    /// An `f64`.
    F64(f64),
    /// A number of another type, as its `Display` writes it.
    Other(String),
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Signed(n) => fmt::Display::fmt(n, f),
            Number::Unsigned(n) => fmt::Display::fmt(n, f),
            Number::F32(n) => fmt::Display::fmt(n, f),
            Number::F64(n) => fmt::Display::fmt(n, f),
            Number::Other(text) => f.write_str(text),
        }
    }
}

macro_rules! number_from {
    ($variant:ident($wide:ty) <= $($ty:ty),*) => {$(
        impl From<$ty> for Number {
            fn from(n: $ty) -> Self {
                Number::$variant(<$wide>::from(n))
            }
        }
    )*};
}

number_from!(Signed(i64) <= i8, i16, i32, i64);
number_from!(Unsigned(u64) <= u8, u16, u32, u64);

impl From<i128> for Number {
    fn from(n: i128) -> Self {
        i64::try_from(n).map_or_else(|_| Number::Other(n.to_string()), Number::Signed)
    }
}

impl From<u128> for Number {
    fn from(n: u128) -> Self {
        u64::try_from(n).map_or_else(|_| Number::Other(n.to_string()), Number::Unsigned)
    }
}

impl From<isize> for Number {
    fn from(n: isize) -> Self {
        i64::try_from(n).map_or_else(|_| Number::Other(n.to_string()), Number::Signed)
    }
}

impl From<usize> for Number {
    fn from(n: usize) -> Self {
        u64::try_from(n).map_or_else(|_| Number::Other(n.to_string()), Number::Unsigned)
    }
}

impl From<f32> for Number {
    fn from(n: f32) -> Self {
        Number::F32(n)
    }
}

impl From<f64> for Number {
    fn from(n: f64) -> Self {
        Number::F64(n)
    }
}

/// A named format of `format(…)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// A GUID (`format(uuid)`): 8-4-4-4-12 hexadecimal digits.
    Guid,
    /// An RFC 3339 date-time (`format(date_time)`).
    DateTime,
    /// An RFC 3339 full-date (`format(date)`): `2027-06-30`.
    Date,
    /// An ISO 8601 duration (`format(duration)`): `P1DT12H`.
    Duration,
    /// An RFC 1123 date-time (`format(date_time_rfc1123)`): `Sun, 06 Nov 1994 08:49:37 GMT`.
    DateTimeRfc1123,
    /// An absolute URI per RFC 3986 (`format(uri)`).
    Uri,
    /// An Azure resource ID (`format(arm_id)`); the rule itself reports
    /// [`Message::InvalidArmId`], which says what is wrong.
    ArmId,
    /// An email address (`format(email)`).
    Email,
    /// An IPv4 or IPv6 address (`format(ip)`).
    Ip,
    /// An IPv4 address (`format(ipv4)`).
    Ipv4,
    /// An IPv6 address (`format(ipv6)`).
    Ipv6,
    /// Base64 with padding, RFC 4648's standard alphabet (`format(base64)`).
    Base64,
    /// Base64url without padding, RFC 4648's URL-safe alphabet (`format(base64url)`).
    Base64Url,
}

impl Format {
    /// The name a message's parameters give it, which is the `format` of an AutoRest (Swagger
    /// 2.0) schema: `uuid`, `date-time`, `date`, `duration`, `date-time-rfc1123`, `uri`,
    /// `arm-id`, `email`, `ip` (which Swagger lacks), `ipv4`, `ipv6`, `byte` (base64) and
    /// `base64url`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Guid => "uuid",
            Format::DateTime => "date-time",
            Format::Date => "date",
            Format::Duration => "duration",
            Format::DateTimeRfc1123 => "date-time-rfc1123",
            Format::Uri => "uri",
            Format::ArmId => "arm-id",
            Format::Email => "email",
            Format::Ip => "ip",
            Format::Ipv4 => "ipv4",
            Format::Ipv6 => "ipv6",
            Format::Base64 => "byte",
            Format::Base64Url => "base64url",
        }
    }
}

/// What is wrong with a text that is not an Azure resource ID (`format(arm_id)`): the first
/// problem found, reading from the left, with the segment at fault echoed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArmIdProblem {
    /// It does not start with `/`.
    NotRooted,
    /// It holds white space, a control character or an invisible one.
    InvalidCharacter {
        /// The first such character, escaped (`\u{a}`).
        character: String,
    },
    /// An empty segment: `//`, or a `/` at the end.
    EmptySegment,
    /// A segment stands where a keyword belongs.
    UnexpectedSegment {
        /// The segment, echoed.
        segment: String,
        /// The keywords that belong there (`subscriptions`, `resourceGroups`, `providers`),
        /// any case accepted.
        expected: &'static [&'static str],
    },
    /// It ends where a part belongs.
    Missing {
        /// The part missing.
        part: ArmIdPart,
    },
    /// The subscription is not a GUID.
    SubscriptionNotGuid {
        /// The subscription, echoed.
        segment: String,
    },
    /// The resource group's name is not 1 to 90 letters, digits, `_`, `(`, `)`, `-` or `.`,
    /// or ends with `.`.
    InvalidResourceGroup {
        /// The name, echoed.
        segment: String,
    },
    /// The provider namespace is not words of ASCII letters and digits joined by `.`.
    InvalidNamespace {
        /// The namespace, echoed.
        segment: String,
    },
    /// A resource type without its name.
    MissingName {
        /// The resource type, echoed.
        segment: String,
    },
}

impl ArmIdProblem {
    /// The name a message's parameters give it: `not-rooted`, `invalid-character`,
    /// `empty-segment`, `unexpected-segment`, `missing`, `subscription-not-guid`,
    /// `invalid-resource-group`, `invalid-namespace`, `missing-name`.
    pub fn name(&self) -> &'static str {
        match self {
            ArmIdProblem::NotRooted => "not-rooted",
            ArmIdProblem::InvalidCharacter { .. } => "invalid-character",
            ArmIdProblem::EmptySegment => "empty-segment",
            ArmIdProblem::UnexpectedSegment { .. } => "unexpected-segment",
            ArmIdProblem::Missing { .. } => "missing",
            ArmIdProblem::SubscriptionNotGuid { .. } => "subscription-not-guid",
            ArmIdProblem::InvalidResourceGroup { .. } => "invalid-resource-group",
            ArmIdProblem::InvalidNamespace { .. } => "invalid-namespace",
            ArmIdProblem::MissingName { .. } => "missing-name",
        }
    }
}

/// A part of an Azure resource ID that can be missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArmIdPart {
    /// The subscription, after `subscriptions`.
    Subscription,
    /// The resource group's name, after `resourceGroups`.
    ResourceGroup,
    /// The provider namespace, after `providers`.
    Namespace,
    /// A resource type, after the namespace.
    ResourceType,
}

impl ArmIdPart {
    /// The name a message's parameters give it: `subscription`, `resource-group`, `namespace`,
    /// `resource-type`.
    pub fn name(self) -> &'static str {
        match self {
            ArmIdPart::Subscription => "subscription",
            ArmIdPart::ResourceGroup => "resource-group",
            ArmIdPart::Namespace => "namespace",
            ArmIdPart::ResourceType => "resource-type",
        }
    }
}

/// A JSON type, as shape messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonType {
    /// `true` or `false`.
    Boolean,
    /// A number without a fraction.
    Integer,
    /// Any number.
    Number,
    /// A string.
    Text,
    /// `null`.
    Null,
    /// An array.
    Array,
    /// An object.
    Object,
    /// What serde describes as none of the above.
    Other,
    /// An object without members (where an enum's variant name belongs).
    EmptyObject,
}

impl JsonType {
    /// The name a message's parameters give it: `boolean`, `integer`, `number`, `string`,
    /// `null`, `array`, `object`, `other`.
    pub fn name(self) -> &'static str {
        match self {
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::Text => "string",
            JsonType::Null => "null",
            JsonType::Array => "array",
            JsonType::Object => "object",
            JsonType::Other => "other",
            JsonType::EmptyObject => "empty-object",
        }
    }
}

/// Why `serde_json` found a body not to be JSON: its reasons, each a name a translation knows.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Syntax {
    /// The body ended inside an array.
    EofInList,
    /// The body ended inside an object.
    EofInObject,
    /// The body ended inside a string.
    EofInString,
    /// The body ended where a value belongs (an empty body too).
    EofInValue,
    /// `:` was expected.
    ExpectedColon,
    /// `,` or `]` was expected.
    ExpectedListCommaOrEnd,
    /// `,` or `}` was expected.
    ExpectedObjectCommaOrEnd,
    /// `true`, `false` or `null` was begun and not finished.
    ExpectedIdent,
    /// A value was expected.
    ExpectedValue,
    /// `"` was expected.
    ExpectedDoubleQuote,
    /// An invalid escape in a string.
    InvalidEscape,
    /// An invalid number.
    InvalidNumber,
    /// A number too large for any JSON number type.
    NumberOutOfRange,
    /// An invalid Unicode code point (invalid UTF-8 too).
    InvalidUnicodeCodePoint,
    /// A control character inside a string.
    ControlCharacter,
    /// An object key that is not a string.
    KeyMustBeAString,
    /// A lone leading surrogate in a `\u` escape.
    LoneLeadingSurrogate,
    /// A comma before `]` or `}`.
    TrailingComma,
    /// Characters after the value.
    TrailingCharacters,
    /// A `\u` escape cut short.
    UnexpectedEndOfHexEscape,
    /// Nesting deeper than `serde_json` reads.
    RecursionLimitExceeded,
    /// Another reason, in `serde_json`'s English words.
    Other(String),
}

impl Syntax {
    /// The reason of a `serde_json` syntax error, read from its description.
    pub fn of(error: &serde_json::Error) -> Syntax {
        let text = error.to_string();
        let reason = text.rsplit_once(" at line ").map_or(text.as_str(), |(reason, _)| reason);
        let known = [
            ("EOF while parsing a list", Syntax::EofInList),
            ("EOF while parsing an object", Syntax::EofInObject),
            ("EOF while parsing a string", Syntax::EofInString),
            ("EOF while parsing a value", Syntax::EofInValue),
            ("expected `:`", Syntax::ExpectedColon),
            ("expected `,` or `]`", Syntax::ExpectedListCommaOrEnd),
            ("expected `,` or `}`", Syntax::ExpectedObjectCommaOrEnd),
            ("expected ident", Syntax::ExpectedIdent),
            ("expected value", Syntax::ExpectedValue),
            ("expected `\"`", Syntax::ExpectedDoubleQuote),
            ("invalid escape", Syntax::InvalidEscape),
            ("invalid number", Syntax::InvalidNumber),
            ("number out of range", Syntax::NumberOutOfRange),
            ("invalid unicode code point", Syntax::InvalidUnicodeCodePoint),
            ("control character (\\u0000-\\u001F) found while parsing a string", Syntax::ControlCharacter),
            ("key must be a string", Syntax::KeyMustBeAString),
            ("lone leading surrogate in hex escape", Syntax::LoneLeadingSurrogate),
            ("trailing comma", Syntax::TrailingComma),
            ("trailing characters", Syntax::TrailingCharacters),
            ("unexpected end of hex escape", Syntax::UnexpectedEndOfHexEscape),
            ("recursion limit exceeded", Syntax::RecursionLimitExceeded),
        ];
        known
            .into_iter()
            .find_map(|(words, syntax)| (words == reason).then_some(syntax))
            .unwrap_or_else(|| Syntax::Other(reason.to_owned()))
    }

    /// The name a message's parameters give it: `eof-in-list`, …, `other`.
    pub fn name(&self) -> &'static str {
        match self {
            Syntax::EofInList => "eof-in-list",
            Syntax::EofInObject => "eof-in-object",
            Syntax::EofInString => "eof-in-string",
            Syntax::EofInValue => "eof-in-value",
            Syntax::ExpectedColon => "expected-colon",
            Syntax::ExpectedListCommaOrEnd => "expected-list-comma-or-end",
            Syntax::ExpectedObjectCommaOrEnd => "expected-object-comma-or-end",
            Syntax::ExpectedIdent => "expected-ident",
            Syntax::ExpectedValue => "expected-value",
            Syntax::ExpectedDoubleQuote => "expected-double-quote",
            Syntax::InvalidEscape => "invalid-escape",
            Syntax::InvalidNumber => "invalid-number",
            Syntax::NumberOutOfRange => "number-out-of-range",
            Syntax::InvalidUnicodeCodePoint => "invalid-unicode-code-point",
            Syntax::ControlCharacter => "control-character",
            Syntax::KeyMustBeAString => "key-must-be-a-string",
            Syntax::LoneLeadingSurrogate => "lone-leading-surrogate",
            Syntax::TrailingComma => "trailing-comma",
            Syntax::TrailingCharacters => "trailing-characters",
            Syntax::UnexpectedEndOfHexEscape => "unexpected-end-of-hex-escape",
            Syntax::RecursionLimitExceeded => "recursion-limit-exceeded",
            Syntax::Other(_) => "other",
        }
    }
}

/// A parameter of a message as catalogs and `additionalInfo` see it.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Arg<'a> {
    /// A count: translations choose a plural form by it.
    Count(usize),
    /// A number.
    Number(&'a Number),
    /// Text: a name (`characters`, `uuid`, `string`) or a value echoed.
    Text(&'a str),
    /// A list of allowed values.
    List(&'a [&'static str]),
    /// Yes or no.
    Flag(bool),
}

impl Message {
    /// A user's own text, known to catalogs by the violation's code.
    pub fn own(text: impl Into<Cow<'static, str>>) -> Self {
        Message::Own(Own { text: text.into(), id: None, args: Box::default() })
    }

    /// The name catalogs know this message by (`length-too-short`); for a user's own message,
    /// its id, or `None` when catalogs know it by the violation's code.
    pub fn id(&self) -> Option<&'static str> {
        Some(match self {
            Message::TooShort { .. } => "length-too-short",
            Message::TooLong { .. } => "length-too-long",
            Message::WrongLength { .. } => "length-not-exact",
            Message::NotANumber => "range-not-a-number",
            Message::BelowMinimum { .. } => "range-below-minimum",
            Message::AboveMaximum { .. } => "range-above-maximum",
            Message::NotGreater { .. } => "range-not-greater",
            Message::NotLess { .. } => "range-not-less",
            Message::Empty { .. } => "non-empty",
            Message::PatternMismatch { .. } => "pattern-mismatch",
            Message::MissingPart { .. } => "contains-missing",
            Message::MissingPrefix { .. } => "prefix-missing",
            Message::MissingSuffix { .. } => "suffix-missing",
            Message::ForbiddenCharacter { .. } => "not-containing",
            Message::ControlCharacter { .. } => "no-control-chars",
            Message::NotOneOf { .. } => "one-of",
            Message::InvalidFormat { .. } => "format-invalid",
            Message::InvalidArmId { .. } => "format-invalid-arm-id",
            Message::NotLanguageTag { .. } => "localized-not-a-tag",
            Message::MissingProperty { .. } => "required",
            Message::NullItem => "required-null",
            Message::ReadOnlyProperty { .. } => "read-only",
            Message::Repeated { .. } => "unique-repeated",
            Message::WrongType { .. } => "shape-wrong-type",
            Message::NullForType { .. } => "shape-null-for-type",
            Message::NullNotAccepted => "shape-null",
            Message::IntegerOutOfRange { .. } => "shape-integer-out-of-range",
            Message::UnknownProperty { .. } => "shape-unknown-property",
            Message::DuplicateProperty => "shape-duplicate-property",
            Message::KeyNotOfKind { .. } => "shape-key-not-of-kind",
            Message::NotOneCharacter { .. } => "shape-not-one-character",
            Message::ExactItems { .. } => "shape-exact-items",
            Message::TooManyItems => "shape-too-many-items",
            Message::TooFewItems => "shape-too-few-items",
            Message::NoShape => "shape-no-match",
            Message::ExtraMembers => "shape-extra-members",
            Message::NotAllowed { .. } => "shape-not-allowed",
            Message::RefusedType { .. } => "shape-refused-type",
            Message::WrongItemCount => "shape-wrong-item-count",
            Message::NotValid => "shape-not-valid",
            Message::StoppedAt { .. } => "shape-stopped-at",
            Message::InvalidContent { .. } => "request-invalid-content",
            Message::NotJson { .. } => "request-not-json",
            Message::UnsupportedMediaType => "request-unsupported-media-type",
            Message::BodyTooLarge => "request-body-too-large",
            Message::BodyUnreadable => "request-body-unreadable",
            Message::Own(own) => return own.id,
            Message::AboutKey(message) => return message.key_id().or_else(|| message.id()),
        })
    }

    /// The id of this message said of a map key (`key-length-too-long`), for the messages the
    /// rules that check text write; `None` for the others, which read the same of a key.
    fn key_id(&self) -> Option<&'static str> {
        Some(match self {
            Message::TooShort { .. } => "key-length-too-short",
            Message::TooLong { .. } => "key-length-too-long",
            Message::WrongLength { .. } => "key-length-not-exact",
            Message::Empty { .. } => "key-non-empty",
            Message::PatternMismatch { .. } => "key-pattern-mismatch",
            Message::MissingPart { .. } => "key-contains-missing",
            Message::MissingPrefix { .. } => "key-prefix-missing",
            Message::MissingSuffix { .. } => "key-suffix-missing",
            Message::ForbiddenCharacter { .. } => "key-not-containing",
            Message::ControlCharacter { .. } => "key-no-control-chars",
            Message::NotOneOf { .. } => "key-one-of",
            Message::InvalidFormat { .. } => "key-format-invalid",
            Message::InvalidArmId { .. } => "key-format-invalid-arm-id",
            _ => return None,
        })
    }

    /// This message said of a map key: [`Message::AboutKey`] for the messages of the rules that
    /// check text (`length`, `non_empty`, `pattern`, `contains`, `prefix`, `suffix`,
    /// `not_containing`, `no_control_chars`, `one_of`, `format`), whose sentences are about "the
    /// value"; any other as it is (a user's own text knows what it checks).
    ///
    /// ```
    /// use validate_core::Message;
    /// use validate_core::rules::Unit;
    ///
    /// let long = Message::TooLong { max: 3, actual: 5, unit: Unit::Characters }.about_key();
    /// assert_eq!(long.to_string(), "The key must have at most 3 characters; it has 5.");
    /// assert_eq!(long.id(), Some("key-length-too-long"));
    /// assert_eq!(long.rule(), "length");
    /// assert_eq!(Message::own("No such tag.").about_key(), Message::own("No such tag."));
    /// ```
    #[must_use]
    pub fn about_key(self) -> Message {
        if self.key_id().is_some() { Message::AboutKey(Box::new(self)) } else { self }
    }

    /// The rule that raised it: `length`, `range`, `non_empty`, `pattern`, `contains`, `prefix`,
    /// `suffix`, `not_containing`, `no_control_chars`, `one_of`, `format`,
    /// `localized`, `required`, `read_only`, `unique`; `shape` for JSON of the wrong shape,
    /// `request` for what is wrong with the request as a whole, `custom` for a user's own; for a
    /// message about a map key, the rule inside `keys` that raised it.
    pub fn rule(&self) -> &'static str {
        match self {
            Message::TooShort { .. } | Message::TooLong { .. } | Message::WrongLength { .. } => "length",
            Message::NotANumber
            | Message::BelowMinimum { .. }
            | Message::AboveMaximum { .. }
            | Message::NotGreater { .. }
            | Message::NotLess { .. } => "range",
            Message::Empty { .. } => "non_empty",
            Message::PatternMismatch { .. } => "pattern",
            Message::MissingPart { .. } => "contains",
            Message::MissingPrefix { .. } => "prefix",
            Message::MissingSuffix { .. } => "suffix",
            Message::ForbiddenCharacter { .. } => "not_containing",
            Message::ControlCharacter { .. } => "no_control_chars",
            Message::NotOneOf { .. } => "one_of",
            Message::InvalidFormat { .. } | Message::InvalidArmId { .. } => "format",
            Message::NotLanguageTag { .. } => "localized",
            Message::MissingProperty { .. } | Message::NullItem => "required",
            Message::ReadOnlyProperty { .. } => "read_only",
            Message::Repeated { .. } => "unique",
            Message::InvalidContent { .. }
            | Message::NotJson { .. }
            | Message::UnsupportedMediaType
            | Message::BodyTooLarge
            | Message::BodyUnreadable => "request",
            Message::Own(_) => "custom",
            Message::AboutKey(message) => message.rule(),
            Message::WrongType { .. }
            | Message::NullForType { .. }
            | Message::NullNotAccepted
            | Message::IntegerOutOfRange { .. }
            | Message::UnknownProperty { .. }
            | Message::DuplicateProperty
            | Message::KeyNotOfKind { .. }
            | Message::NotOneCharacter { .. }
            | Message::ExactItems { .. }
            | Message::TooManyItems
            | Message::TooFewItems
            | Message::NoShape
            | Message::ExtraMembers
            | Message::NotAllowed { .. }
            | Message::RefusedType { .. }
            | Message::WrongItemCount
            | Message::NotValid
            | Message::StoppedAt { .. } => "shape",
        }
    }

    /// Calls `each` with every named parameter, in a fixed order.
    // One arm per variant, so that a new variant must say what it has: split in two, the variants
    // would be listed twice.
    #[allow(clippy::too_many_lines)]
    pub fn params(&self, each: &mut dyn FnMut(&'static str, Arg<'_>)) {
        match self {
            Message::TooShort { min, actual, unit } => {
                each("min", Arg::Count(*min));
                each("actual", Arg::Count(*actual));
                each("unit", Arg::Text(unit.name()));
            }
            Message::TooLong { max, actual, unit } => {
                each("max", Arg::Count(*max));
                each("actual", Arg::Count(*actual));
                each("unit", Arg::Text(unit.name()));
            }
            Message::WrongLength { expected, actual, unit } => {
                each("expected", Arg::Count(*expected));
                each("actual", Arg::Count(*actual));
                each("unit", Arg::Text(unit.name()));
            }
            Message::BelowMinimum { value, min } | Message::NotGreater { value, min } => {
                each("value", Arg::Number(value));
                each("min", Arg::Number(min));
            }
            Message::AboveMaximum { value, max } | Message::NotLess { value, max } => {
                each("value", Arg::Number(value));
                each("max", Arg::Number(max));
            }
            Message::Empty { unit } => each("unit", Arg::Text(unit.name())),
            Message::PatternMismatch { value, pattern } => {
                each("value", Arg::Text(value));
                each("pattern", Arg::Text(pattern));
            }
            Message::MissingPart { value, part } => {
                each("value", Arg::Text(value));
                each("part", Arg::Text(part));
            }
            Message::MissingPrefix { value, prefix } => {
                each("value", Arg::Text(value));
                each("prefix", Arg::Text(prefix));
            }
            Message::MissingSuffix { value, suffix } => {
                each("value", Arg::Text(value));
                each("suffix", Arg::Text(suffix));
            }
            Message::ForbiddenCharacter { character } | Message::ControlCharacter { character } => {
                each("character", Arg::Text(character));
            }
            Message::NotOneOf { value, allowed } => {
                each("value", Arg::Text(value));
                each("allowed", Arg::List(allowed));
            }
            Message::InvalidFormat { format, value } => {
                each("format", Arg::Text(format.name()));
                each("value", Arg::Text(value));
            }
            Message::InvalidArmId { value, problem } => {
                each("format", Arg::Text(Format::ArmId.name()));
                each("value", Arg::Text(value));
                each("problem", Arg::Text(problem.name()));
                arm_id_params(problem, each);
            }
            Message::NotLanguageTag { key } => each("key", Arg::Text(key)),
            Message::MissingProperty { name }
            | Message::ReadOnlyProperty { name }
            | Message::UnknownProperty { name } => {
                each("name", Arg::Text(name));
            }
            Message::Repeated { value, first, ignore_case } => {
                each("value", Arg::Text(value));
                each("first", Arg::Count(*first));
                each("ignoreCase", Arg::Flag(*ignore_case));
            }
            Message::WrongType { expected, found } => {
                each("expected", Arg::Text(expected.name()));
                each("found", Arg::Text(found.name()));
            }
            Message::NullForType { expected } => each("expected", Arg::Text(expected.name())),
            Message::IntegerOutOfRange { value, min, max } => {
                each("value", Arg::Text(value));
                each("min", Arg::Text(min));
                each("max", Arg::Text(max));
            }
            Message::KeyNotOfKind { key, kind } => {
                each("key", Arg::Text(key));
                each("kind", Arg::Text(kind.name()));
            }
            Message::NotOneCharacter { chars } => each("chars", Arg::Count(*chars)),
            Message::ExactItems { expected, actual } => {
                each("expected", Arg::Count(*expected));
                each("actual", Arg::Count(*actual));
            }
            Message::NotAllowed { value, text } => {
                each("value", Arg::Text(value));
                each("text", Arg::Flag(*text));
            }
            Message::RefusedType { found } => each("found", Arg::Text(found.name())),
            Message::StoppedAt { line, column } => {
                each("line", Arg::Count(*line));
                each("column", Arg::Count(*column));
            }
            Message::InvalidContent { found, listed } => {
                each("found", Arg::Count(*found));
                each("listed", Arg::Count(*listed));
                each("leftOut", Arg::Count(found.saturating_sub(*listed)));
            }
            Message::NotJson { reason, line, column } => {
                each("reason", Arg::Text(reason.name()));
                if let Syntax::Other(words) = reason {
                    each("words", Arg::Text(words));
                }
                each("line", Arg::Count(*line));
                each("column", Arg::Count(*column));
            }
            Message::Own(own) => {
                for (name, param) in &own.args {
                    each(name, param.as_arg());
                }
            }
            Message::AboutKey(message) => message.params(each),
            Message::NotANumber
            | Message::NullItem
            | Message::NullNotAccepted
            | Message::DuplicateProperty
            | Message::TooManyItems
            | Message::TooFewItems
            | Message::NoShape
            | Message::ExtraMembers
            | Message::WrongItemCount
            | Message::NotValid
            | Message::UnsupportedMediaType
            | Message::BodyTooLarge
            | Message::BodyUnreadable => {}
        }
    }
}

/// The parameters of an [`ArmIdProblem`] besides its name.
fn arm_id_params(problem: &ArmIdProblem, each: &mut dyn FnMut(&'static str, Arg<'_>)) {
    match problem {
        ArmIdProblem::InvalidCharacter { character } => each("character", Arg::Text(character)),
        ArmIdProblem::UnexpectedSegment { segment, expected } => {
            each("segment", Arg::Text(segment));
            each("expected", Arg::List(expected));
        }
        ArmIdProblem::Missing { part } => each("part", Arg::Text(part.name())),
        ArmIdProblem::SubscriptionNotGuid { segment }
        | ArmIdProblem::InvalidResourceGroup { segment }
        | ArmIdProblem::InvalidNamespace { segment }
        | ArmIdProblem::MissingName { segment } => each("segment", Arg::Text(segment)),
        ArmIdProblem::NotRooted | ArmIdProblem::EmptySegment => {}
    }
}

/// A parameter as a message of one's own keeps it: a list as catalogs write it (`'A', 'B'`, each
/// value echoed), a flag as `true` or `false`.
impl From<Arg<'_>> for Param {
    fn from(arg: Arg<'_>) -> Self {
        match arg {
            Arg::Count(count) => Param::Count(count),
            Arg::Number(number) => Param::Number(number.clone()),
            Arg::Text(text) => Param::Text(Cow::Owned(text.to_owned())),
            Arg::List(values) => Param::Text(Cow::Owned(crate::text::QuotedList(values).to_string())),
            Arg::Flag(flag) => Param::Text(Cow::Borrowed(if flag { "true" } else { "false" })),
        }
    }
}

impl Param {
    /// The parameter as catalogs see it.
    pub fn as_arg(&self) -> Arg<'_> {
        match self {
            Param::Count(count) => Arg::Count(*count),
            Param::Number(number) => Arg::Number(number),
            Param::Text(text) => Arg::Text(text),
        }
    }
}

/// English: the text [`Violation::message`](crate::Violation::message) and `Display` give.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog::english::write(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::Syntax;

    /// `Syntax::of` reads `serde_json`'s words: every reason it can give for a body, from a body
    /// that gives it, so that a change of wording in `serde_json` fails here, not in answers.
    #[test]
    fn every_syntax_error_of_serde_json_is_known() {
        let deep = "[".repeat(200);
        // `ExpectedDoubleQuote` and `UnexpectedEndOfHexEscape` are not raised when reading a
        // slice (`serde_json::from_slice`, which every door uses): no body gives them.
        let bodies: [(&[u8], Syntax); 19] = [
            (b"", Syntax::EofInValue),
            (b"{\"a\":1", Syntax::EofInObject),
            (b"[1", Syntax::EofInList),
            (b"\"ab", Syntax::EofInString),
            (b"{\"a\" 1}", Syntax::ExpectedColon),
            (b"[1 2]", Syntax::ExpectedListCommaOrEnd),
            (b"{\"a\":1 2}", Syntax::ExpectedObjectCommaOrEnd),
            (b"trux", Syntax::ExpectedIdent),
            (b"{\"a\":}", Syntax::ExpectedValue),
            (b"{a:1}", Syntax::KeyMustBeAString),
            (br#""\q""#, Syntax::InvalidEscape),
            (b"01", Syntax::InvalidNumber),
            (b"1e999", Syntax::NumberOutOfRange),
            (b"\"\xff\"", Syntax::InvalidUnicodeCodePoint),
            (b"\"\x01\"", Syntax::ControlCharacter),
            (br#""\ud800\u0041""#, Syntax::LoneLeadingSurrogate),
            (b"[1,]", Syntax::TrailingComma),
            (b"1 x", Syntax::TrailingCharacters),
            (deep.as_bytes(), Syntax::RecursionLimitExceeded),
        ];
        for (body, expected) in bodies {
            let error = serde_json::from_slice::<serde_json::Value>(body).unwrap_err();
            assert_eq!(Syntax::of(&error), expected, "{}", String::from_utf8_lossy(body));
        }
    }
}
