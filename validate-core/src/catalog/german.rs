//! The built-in German catalog: the text of every message the library writes, in German.
//!
//! Impersonal and formal ("Der Wert muss …"), never addressing the reader; echoed values in
//! ASCII `'` quotes as in English, so that a client can match them the same way in both.

use std::fmt::{self, Write};

use crate::message::{ArmIdPart, ArmIdProblem, Format, JsonType, Message, Syntax};
use crate::rules::Unit;
use crate::text::{QuotedCharacter, QuotedList, QuotedOr};

/// `1 Zeichen`, `2 Elemente`, `1 Eintrag`, …
struct Counted(usize, Unit);

impl fmt::Display for Counted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Counted(n, unit) = *self;
        let noun = match (unit, n) {
            (Unit::Characters, _) => "Zeichen",
            (Unit::Items, 1) => "Element",
            (Unit::Items, _) => "Elemente",
            (Unit::Entries, 1) => "Eintrag",
            (Unit::Entries, _) => "Einträge",
        };
        write!(f, "{n} {noun}")
    }
}

/// "eine Zeichenfolge", "ein Objekt", …: the nominative, as subject or predicate.
fn json_type(kind: JsonType) -> &'static str {
    match kind {
        JsonType::Boolean => "ein boolescher Wert",
        JsonType::Integer => "eine ganze Zahl",
        JsonType::Number => "eine Zahl",
        JsonType::Text => "eine Zeichenfolge",
        JsonType::Null => "null",
        JsonType::Array => "ein Array",
        JsonType::Object => "ein Objekt",
        JsonType::Other => "ein Wert anderer Art",
        JsonType::EmptyObject => "ein leeres Objekt",
    }
}

/// "keine Zeichenfolge", "kein Objekt", "nicht null", …: German negates a noun with `kein`, not
/// with `nicht ein`.
fn not_json_type(kind: JsonType) -> &'static str {
    match kind {
        JsonType::Boolean => "kein boolescher Wert",
        JsonType::Integer => "keine ganze Zahl",
        JsonType::Number => "keine Zahl",
        JsonType::Text => "keine Zeichenfolge",
        JsonType::Null => "nicht null",
        JsonType::Array => "kein Array",
        JsonType::Object => "kein Objekt",
        JsonType::Other => "kein Wert anderer Art",
        JsonType::EmptyObject => "kein leeres Objekt",
    }
}

/// What `serde_json` found wrong, in German; its own English words for a reason not modelled.
fn syntax(reason: &Syntax) -> &str {
    match reason {
        Syntax::EofInList => "unerwartetes Ende beim Lesen eines Arrays",
        Syntax::EofInObject => "unerwartetes Ende beim Lesen eines Objekts",
        Syntax::EofInString => "unerwartetes Ende beim Lesen einer Zeichenfolge",
        Syntax::EofInValue => "unerwartetes Ende beim Lesen eines Werts",
        Syntax::ExpectedColon => "':' erwartet",
        Syntax::ExpectedListCommaOrEnd => "',' oder ']' erwartet",
        Syntax::ExpectedObjectCommaOrEnd => "',' oder '}' erwartet",
        Syntax::ExpectedIdent => "'true', 'false' oder 'null' erwartet",
        Syntax::ExpectedValue => "Wert erwartet",
        Syntax::ExpectedDoubleQuote => "'\"' erwartet",
        Syntax::InvalidEscape => "ungültige Escapesequenz",
        Syntax::InvalidNumber => "ungültige Zahl",
        Syntax::NumberOutOfRange => "Zahl außerhalb des darstellbaren Bereichs",
        Syntax::InvalidUnicodeCodePoint => "ungültiger Unicode-Codepunkt",
        Syntax::ControlCharacter => "Steuerzeichen (\\u0000-\\u001F) in einer Zeichenfolge",
        Syntax::KeyMustBeAString => "Schlüssel ist keine Zeichenfolge",
        Syntax::LoneLeadingSurrogate => "einzelnes hohes Surrogat in einer Hex-Escapesequenz",
        Syntax::TrailingComma => "überzähliges Komma vor ']' oder '}'",
        Syntax::TrailingCharacters => "zusätzliche Zeichen nach dem Wert",
        Syntax::UnexpectedEndOfHexEscape => "unvollständige Hex-Escapesequenz",
        Syntax::RecursionLimitExceeded => "maximale Verschachtelungstiefe überschritten",
        Syntax::Other(words) => words,
    }
}

/// "keine GUID (…)", "kein Datum nach RFC 3339 wie '2027-06-30'": a format negated with
/// `kein`, with an example of it.
fn not_format(format: Format) -> &'static str {
    match format {
        Format::Guid => "keine GUID (8-4-4-4-12 Hexadezimalziffern)",
        Format::DateTime => "keine Datums-/Uhrzeitangabe nach RFC 3339 wie '2027-06-30T23:59:59Z'",
        Format::Date => "kein Datum nach RFC 3339 wie '2027-06-30'",
        Format::Duration => "keine Dauer nach ISO 8601 wie 'P1DT12H' oder 'PT30M'",
        Format::DateTimeRfc1123 => "keine Datums-/Uhrzeitangabe nach RFC 1123 wie 'Sun, 06 Nov 1994 08:49:37 GMT'",
        Format::Uri => "kein absoluter URI wie 'https://example.com/path'",
        Format::ArmId => "keine Azure-Ressourcen-ID wie '/subscriptions/{guid}/resourceGroups/{name}'",
        Format::Email => "keine E-Mail-Adresse wie 'user@example.com'",
        Format::Ip => "keine IP-Adresse wie '192.0.2.1' oder '2001:db8::1'",
        Format::Ipv4 => "keine IPv4-Adresse wie '192.0.2.1'",
        Format::Ipv6 => "keine IPv6-Adresse wie '2001:db8::1'",
        Format::Base64 => "kein Base64-Text (RFC 4648, mit Auffüllung) wie 'SGk='",
        Format::Base64Url => "kein Base64url-Text (RFC 4648, URL-sicher, ohne Auffüllung) wie 'SGk_'",
    }
}

/// What is wrong with a resource ID, as a sentence of its own after the colon.
fn arm_id_problem<W: Write + ?Sized>(problem: &ArmIdProblem, out: &mut W) -> fmt::Result {
    match problem {
        ArmIdProblem::NotRooted => out.write_str("Die ID muss mit '/' beginnen"),
        ArmIdProblem::InvalidCharacter { character } => {
            write!(out, "Die ID darf keine Leer- oder Steuerzeichen enthalten; sie enthält '{character}'")
        }
        ArmIdProblem::EmptySegment => out.write_str("Die ID hat ein leeres Segment ('//' oder '/' am Ende)"),
        ArmIdProblem::UnexpectedSegment { segment, expected } => {
            write!(out, "Statt des Segments '{segment}' wird {} erwartet", QuotedOr(expected, "oder"))
        }
        ArmIdProblem::Missing { part } => out.write_str(match part {
            ArmIdPart::Subscription => "Das Abonnement fehlt",
            ArmIdPart::ResourceGroup => "Der Name der Ressourcengruppe fehlt",
            ArmIdPart::Namespace => "Der Namespace des Ressourcenanbieters fehlt",
            ArmIdPart::ResourceType => "Der Ressourcentyp fehlt",
        }),
        ArmIdProblem::SubscriptionNotGuid { segment } => write!(out, "Das Abonnement '{segment}' ist keine GUID"),
        ArmIdProblem::InvalidResourceGroup { segment } => write!(
            out,
            "Der Name der Ressourcengruppe '{segment}' muss aus 1 bis 90 Buchstaben, Ziffern, '_', '(', ')', '-' \
             oder '.' bestehen und darf nicht auf '.' enden"
        ),
        ArmIdProblem::InvalidNamespace { segment } => write!(
            out,
            "Der Namespace '{segment}' besteht nicht aus durch '.' verbundenen Wörtern aus Buchstaben und Ziffern \
             wie 'Microsoft.Web'"
        ),
        ArmIdProblem::MissingName { segment } => write!(out, "Der Ressourcentyp '{segment}' hat keinen Namen"),
    }
}

/// Writes `message` in German.
// One arm per message, so that a new message does not compile until it has its text here: split
// in two, the messages would be listed twice.
#[allow(clippy::too_many_lines)]
pub(crate) fn write<W: Write + ?Sized>(message: &Message, out: &mut W) -> fmt::Result {
    match message {
        Message::TooShort { min, actual, unit } => {
            write!(out, "Der Wert muss mindestens {} haben; er hat {actual}.", Counted(*min, *unit))
        }
        Message::TooLong { max, actual, unit } => {
            write!(out, "Der Wert darf höchstens {} haben; er hat {actual}.", Counted(*max, *unit))
        }
        Message::WrongLength { expected, actual, unit } => {
            write!(out, "Der Wert muss genau {} haben; er hat {actual}.", Counted(*expected, *unit))
        }
        Message::NotANumber => out.write_str("Der Wert ist keine Zahl."),
        Message::BelowMinimum { value, min } => write!(out, "Der Wert {value} ist kleiner als das Minimum {min}."),
        Message::AboveMaximum { value, max } => write!(out, "Der Wert {value} ist größer als das Maximum {max}."),
        Message::NotGreater { value, min } => write!(out, "Der Wert {value} muss größer als {min} sein."),
        Message::NotLess { value, max } => write!(out, "Der Wert {value} muss kleiner als {max} sein."),
        Message::Empty { unit: Unit::Characters } => {
            out.write_str("Der Wert darf weder leer sein noch nur aus Leerzeichen bestehen.")
        }
        Message::Empty { unit } => write!(out, "Der Wert muss mindestens {} haben.", Counted(1, *unit)),
        Message::PatternMismatch { value, pattern } => {
            write!(out, "Der Wert '{value}' entspricht nicht dem Muster '{pattern}'.")
        }
        Message::MissingPart { value, part } => write!(out, "Der Wert '{value}' muss '{part}' enthalten."),
        Message::MissingPrefix { value, prefix } => write!(out, "Der Wert '{value}' muss mit '{prefix}' beginnen."),
        Message::MissingSuffix { value, suffix } => write!(out, "Der Wert '{value}' muss auf '{suffix}' enden."),
        Message::ForbiddenCharacter { character } => {
            write!(out, "Der Wert darf {} nicht enthalten.", QuotedCharacter(character))
        }
        Message::ControlCharacter { character } => {
            write!(out, "Der Wert darf keine Steuerzeichen enthalten; er enthält '{character}'.")
        }
        Message::NotOneOf { value, allowed } => {
            write!(out, "Der Wert '{value}' ist keiner der zulässigen Werte {}.", QuotedList(allowed))
        }
        Message::InvalidFormat { format, value } => write!(out, "Der Wert '{value}' ist {}.", not_format(*format)),
        Message::InvalidArmId { value, problem } => {
            write!(out, "Der Wert '{value}' ist keine Azure-Ressourcen-ID: ")?;
            arm_id_problem(problem, out)?;
            out.write_str(".")
        }
        Message::NotLanguageTag { key } => write!(out, "Der Schlüssel '{key}' ist kein Sprachtag wie 'en-us'."),
        Message::MissingProperty { name } => write!(out, "Die Eigenschaft '{name}' ist erforderlich."),
        Message::NullItem => out.write_str("Hier ist ein Wert erforderlich; null wird nicht akzeptiert."),
        Message::ReadOnlyProperty { name } => {
            write!(out, "Die Eigenschaft '{name}' ist schreibgeschützt: Nur der Server legt sie fest.")
        }
        Message::Repeated { value, first, ignore_case } => {
            let how = if *ignore_case { " (ohne Beachtung der Groß-/Kleinschreibung)." } else { "." };
            write!(out, "Der Wert '{value}' wiederholt den Wert an Index {first}{how}")
        }
        Message::WrongType { expected, found } => {
            write!(out, "Erwartet wurde {}, gefunden wurde {}.", json_type(*expected), json_type(*found))
        }
        Message::NullForType { expected } => {
            write!(out, "Erwartet wurde {}, gefunden wurde null.", json_type(*expected))
        }
        Message::NullNotAccepted => out.write_str("Der Wert ist null, was hier nicht akzeptiert wird."),
        Message::IntegerOutOfRange { value, min, max } => {
            write!(out, "Der Wert {value} liegt außerhalb des Bereichs von {min} bis {max}.")
        }
        Message::UnknownProperty { name } => write!(out, "Die Eigenschaft '{name}' ist hier nicht zulässig."),
        Message::DuplicateProperty => out.write_str("Die Eigenschaft ist mehrfach vorhanden."),
        Message::KeyNotOfKind { key, kind } => write!(out, "Der Schlüssel '{key}' ist {}.", not_json_type(*kind)),
        Message::NotOneCharacter { chars: 0 } => {
            out.write_str("Erwartet wurde ein einzelnes Zeichen, gefunden wurde eine leere Zeichenfolge.")
        }
        Message::NotOneCharacter { chars } => {
            write!(out, "Erwartet wurde ein einzelnes Zeichen, gefunden wurden {chars} Zeichen.")
        }
        Message::ExactItems { expected, actual } => {
            write!(out, "Das Array muss genau {} haben; es hat {actual}.", Counted(*expected, Unit::Items))
        }
        Message::TooManyItems => out.write_str("Das Array hat mehr Elemente als zulässig."),
        Message::TooFewItems => out.write_str("Das Array hat weniger Elemente als erforderlich."),
        Message::NoShape => out.write_str("Der Wert entspricht keiner der akzeptierten Formen."),
        Message::ExtraMembers => out.write_str("Das Objekt hat mehr Eigenschaften als zulässig."),
        Message::NotAllowed { value, text: true } => write!(out, "Der Wert '{value}' ist hier nicht zulässig."),
        Message::NotAllowed { value, text: false } => write!(out, "Der Wert {value} ist hier nicht zulässig."),
        Message::RefusedType { found: JsonType::Null } => {
            out.write_str("Der Wert ist null, was hier nicht akzeptiert wird.")
        }
        // "Der Wert ist ein boolescher Wert" would say "Wert" twice: the type is the subject.
        Message::RefusedType { found } => write!(out, "Hier wird {} akzeptiert.", not_json_type(*found)),
        Message::WrongItemCount => out.write_str("Der Wert hat die falsche Anzahl an Elementen."),
        Message::NotValid => out.write_str("Der Wert ist hier ungültig."),
        Message::StoppedAt { line, column } => {
            write!(out, "Der Wert in Zeile {line}, Spalte {column} ist ungültig.")
        }
        Message::InvalidContent { found, listed } => invalid_content(*found, *listed, out),
        Message::NotJson { reason, line, column } => write!(
            out,
            "Der Inhalt der Anfrage ist kein gültiges JSON: {} (Zeile {line}, Spalte {column}).",
            syntax(reason)
        ),
        Message::UnsupportedMediaType => {
            out.write_str("Der Inhaltstyp muss 'application/json' sein oder auf '+json' enden.")
        }
        Message::BodyTooLarge => out.write_str("Der Anfragetext ist größer, als dieser Dienst akzeptiert."),
        Message::BodyUnreadable => out.write_str("Der Anfragetext konnte nicht vollständig gelesen werden."),
        // A user's own text has no German unless a catalog of the user's gives it.
        Message::Own(own) => out.write_str(&own.text),
        Message::AboutKey(message) => super::about_key(message, ["Der Wert", "Der Schlüssel"], write, out),
    }
}

/// The top-level message of `found` problems of which the first `listed` are details.
fn invalid_content<W: Write + ?Sized>(found: usize, listed: usize, out: &mut W) -> fmt::Result {
    out.write_str("Der Inhalt der Anfrage ist ungültig: ")?;
    // "Fehler" is the same in the plural; only the verb tells them apart.
    match found {
        1 => out.write_str("1 Fehler wurde gefunden")?,
        n => write!(out, "{n} Fehler wurden gefunden")?,
    }
    let left_out = found.saturating_sub(listed);
    let rest = Rest(left_out);
    match (listed, left_out) {
        (_, 0) => out.write_str("."),
        // Only a list made to keep none (`Violations::with_limit(0)`) gets here.
        (0, _) => out.write_str("; keiner davon wird aufgeführt."),
        (1, _) => write!(out, "; der erste wird aufgeführt und {rest}."),
        (listed, _) => write!(out, "; die ersten {listed} werden aufgeführt und {rest}."),
    }
}

/// "1 wird ausgelassen", "n werden ausgelassen".
struct Rest(usize);

impl fmt::Display for Rest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("1 wird ausgelassen"),
            n => write!(f, "{n} werden ausgelassen"),
        }
    }
}
