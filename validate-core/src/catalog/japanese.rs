//! The built-in Japanese catalog: the text of every message the library writes, in Japanese.
//!
//! Polite form (です/ます), each sentence ending in `。`. Echoed values stay in ASCII `'` quotes,
//! as the lists of allowed values (`'A', 'B'`) are, so that every quoted value looks alike; a
//! half-width space separates Japanese from numbers and Latin text, as Microsoft's Japanese style
//! guide asks.

use std::fmt::{self, Write};

use crate::message::{ArmIdPart, ArmIdProblem, Format, JsonType, Message, Syntax};
use crate::rules::Unit;
use crate::text::{QuotedCharacter, QuotedList, QuotedOr};

/// ` 2 文字`, `項目 2 個`, `エントリ 2 件`: the thing counted and how many, with its counter word,
/// to follow Japanese text (a number gets a space before it, a word none). Japanese has no
/// plural; the counter word does the work.
struct Counted(usize, Unit);

impl fmt::Display for Counted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Counted(n, unit) = *self;
        match unit {
            Unit::Characters => write!(f, " {n} 文字"),
            Unit::Items => write!(f, "項目 {n} 個"),
            Unit::Entries => write!(f, "エントリ {n} 件"),
        }
    }
}

/// `8 文字`, `2 個の項目`, `2 件のエントリ`: an exact count, the thing named after its counter
/// (`length(equal = …)`: "値はちょうど 2 個の項目でなければなりません").
struct Exactly(usize, Unit);

impl fmt::Display for Exactly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Exactly(n, unit) = *self;
        match unit {
            Unit::Characters => write!(f, "{n} 文字"),
            Unit::Items => write!(f, "{n} 個の項目"),
            Unit::Entries => write!(f, "{n} 件のエントリ"),
        }
    }
}

/// `1 文字`, `2 個`, `2 件`: a number with its counter word alone, once the thing is named.
struct Bare(usize, Unit);

impl fmt::Display for Bare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Bare(n, unit) = *self;
        let counter = match unit {
            Unit::Characters => "文字",
            Unit::Items => "個",
            Unit::Entries => "件",
        };
        write!(f, "{n} {counter}")
    }
}

/// "文字列", "オブジェクト", …; `null` becomes "null 値" so that it ends, like the others, in a
/// Japanese word the particles follow without a space.
fn json_type(kind: JsonType) -> &'static str {
    match kind {
        JsonType::Boolean => "ブール値",
        JsonType::Integer => "整数",
        JsonType::Number => "数値",
        JsonType::Text => "文字列",
        JsonType::Null => "null 値",
        JsonType::Array => "配列",
        JsonType::Object => "オブジェクト",
        JsonType::Other => "その他の種類の値",
        JsonType::EmptyObject => "空のオブジェクト",
    }
}

/// The space that goes between a Japanese word and `text` when `text` begins with Latin
/// letters or digits ("null 値").
fn gap(text: &str) -> &'static str {
    if text.starts_with(|c: char| c.is_ascii_alphanumeric()) { " " } else { "" }
}

/// The space that goes between `text` and a Japanese word after it when `text` ends with Latin
/// letters, digits or a closing parenthesis ("GUID (…) ではありません").
fn gap_after(text: &str) -> &'static str {
    if text.ends_with(|c: char| c.is_ascii_alphanumeric() || c == ')') { " " } else { "" }
}

/// "'2027-06-30' のような RFC 3339 形式の日付": a format, with an example of it first.
fn format_words(format: Format) -> &'static str {
    match format {
        Format::Guid => "GUID (8-4-4-4-12 桁の 16 進数)",
        Format::DateTime => "'2027-06-30T23:59:59Z' のような RFC 3339 形式の日時",
        Format::Date => "'2027-06-30' のような RFC 3339 形式の日付",
        Format::Duration => "'P1DT12H' や 'PT30M' のような ISO 8601 形式の期間",
        Format::DateTimeRfc1123 => "'Sun, 06 Nov 1994 08:49:37 GMT' のような RFC 1123 形式の日時",
        Format::Uri => "'https://example.com/path' のような絶対 URI",
        Format::ArmId => "'/subscriptions/{guid}/resourceGroups/{name}' のような Azure リソース ID",
        Format::Email => "'user@example.com' のようなメール アドレス",
        Format::Ip => "'192.0.2.1' や '2001:db8::1' のような IP アドレス",
        Format::Ipv4 => "'192.0.2.1' のような IPv4 アドレス",
        Format::Ipv6 => "'2001:db8::1' のような IPv6 アドレス",
        Format::Base64 => "'SGk=' のような Base64 (RFC 4648、パディングあり) のテキスト",
        Format::Base64Url => "'SGk_' のような Base64url (RFC 4648、URL セーフ、パディングなし) のテキスト",
    }
}

/// What is wrong with a resource ID, as a sentence of its own (without its `。`).
fn arm_id_problem<W: Write + ?Sized>(problem: &ArmIdProblem, out: &mut W) -> fmt::Result {
    match problem {
        ArmIdProblem::NotRooted => out.write_str("'/' で始まる必要があります"),
        ArmIdProblem::InvalidCharacter { character } => {
            write!(out, "空白文字や制御文字を含めることはできません。'{character}' が含まれています")
        }
        ArmIdProblem::EmptySegment => out.write_str("空のセグメント ('//' または末尾の '/') があります"),
        ArmIdProblem::UnexpectedSegment { segment, expected } => {
            write!(out, "セグメント '{segment}' の位置には {} が必要です", QuotedOr(expected, "または"))
        }
        ArmIdProblem::Missing { part } => out.write_str(match part {
            ArmIdPart::Subscription => "サブスクリプションがありません",
            ArmIdPart::ResourceGroup => "リソース グループ名がありません",
            ArmIdPart::Namespace => "リソース プロバイダーの名前空間がありません",
            ArmIdPart::ResourceType => "リソースの種類がありません",
        }),
        ArmIdProblem::SubscriptionNotGuid { segment } => {
            write!(out, "サブスクリプション '{segment}' は GUID ではありません")
        }
        ArmIdProblem::InvalidResourceGroup { segment } => write!(
            out,
            "リソース グループ名 '{segment}' は、文字、数字、'_'、'('、')'、'-'、'.' から成る 1 から 90 文字で、\
             '.' 以外で終わる必要があります"
        ),
        ArmIdProblem::InvalidNamespace { segment } => write!(
            out,
            "名前空間 '{segment}' が、'Microsoft.Web' のように文字と数字から成る語を '.' でつないだ形式ではありません"
        ),
        ArmIdProblem::MissingName { segment } => write!(out, "リソースの種類 '{segment}' に名前がありません"),
    }
}

/// What `serde_json` found wrong, in Japanese; its own English words for a reason not modelled.
fn syntax(reason: &Syntax) -> &str {
    match reason {
        Syntax::EofInList => "配列の途中で入力が終了しました",
        Syntax::EofInObject => "オブジェクトの途中で入力が終了しました",
        Syntax::EofInString => "文字列の途中で入力が終了しました",
        Syntax::EofInValue => "値が必要な位置で入力が終了しました",
        Syntax::ExpectedColon => "':' が必要です",
        Syntax::ExpectedListCommaOrEnd => "',' または ']' が必要です",
        Syntax::ExpectedObjectCommaOrEnd => "',' または '}' が必要です",
        Syntax::ExpectedIdent => "'true'、'false'、または 'null' が必要です",
        Syntax::ExpectedValue => "値が必要です",
        Syntax::ExpectedDoubleQuote => "'\"' が必要です",
        Syntax::InvalidEscape => "エスケープ シーケンスが無効です",
        Syntax::InvalidNumber => "数値が無効です",
        Syntax::NumberOutOfRange => "数値が表現できる範囲外です",
        Syntax::InvalidUnicodeCodePoint => "Unicode コード ポイントが無効です",
        Syntax::ControlCharacter => "文字列内に制御文字 (\\u0000-\\u001F) があります",
        Syntax::KeyMustBeAString => "キーが文字列ではありません",
        Syntax::LoneLeadingSurrogate => "16 進エスケープに対になっていない上位サロゲートがあります",
        Syntax::TrailingComma => "']' または '}' の前に余分なコンマがあります",
        Syntax::TrailingCharacters => "値の後に余分な文字があります",
        Syntax::UnexpectedEndOfHexEscape => "16 進エスケープが途中で終了しました",
        Syntax::RecursionLimitExceeded => "入れ子の深さが上限を超えています",
        Syntax::Other(words) => words,
    }
}

/// Writes `message` in Japanese.
// One arm per message, so that a new message does not compile until it has its text here: split
// in two, the messages would be listed twice.
#[allow(clippy::too_many_lines)]
pub(crate) fn write<W: Write + ?Sized>(message: &Message, out: &mut W) -> fmt::Result {
    match message {
        Message::TooShort { min, actual, unit } => {
            write!(out, "値には{}以上が必要ですが、{}しかありません。", Counted(*min, *unit), Bare(*actual, *unit))
        }
        Message::TooLong { max, actual, unit } => write!(
            out,
            "値に含めることができるのは{}までですが、{}あります。",
            Counted(*max, *unit),
            Bare(*actual, *unit)
        ),
        Message::WrongLength { expected, actual, unit } => {
            write!(
                out,
                "値はちょうど {}でなければなりませんが、{}あります。",
                Exactly(*expected, *unit),
                Bare(*actual, *unit)
            )
        }
        Message::NotANumber => out.write_str("値が数値ではありません。"),
        Message::BelowMinimum { value, min } => write!(out, "値 {value} が最小値 {min} を下回っています。"),
        Message::AboveMaximum { value, max } => write!(out, "値 {value} が最大値 {max} を超えています。"),
        Message::NotGreater { value, min } => write!(out, "値 {value} は {min} より大きくなければなりません。"),
        Message::NotLess { value, max } => write!(out, "値 {value} は {max} より小さくなければなりません。"),
        Message::Empty { unit: Unit::Characters } => out.write_str("値を空または空白のみにすることはできません。"),
        Message::Empty { unit } => write!(out, "値には{}以上が必要です。", Counted(1, *unit)),
        Message::PatternMismatch { value, pattern } => {
            write!(out, "値 '{value}' がパターン '{pattern}' と一致しません。")
        }
        Message::MissingPart { value, part } => {
            write!(out, "値 '{value}' には '{part}' が含まれている必要があります。")
        }
        Message::MissingPrefix { value, prefix } => write!(out, "値 '{value}' は '{prefix}' で始まる必要があります。"),
        Message::MissingSuffix { value, suffix } => write!(out, "値 '{value}' は '{suffix}' で終わる必要があります。"),
        Message::ForbiddenCharacter { character } => {
            write!(out, "値に {} を含めることはできません。", QuotedCharacter(character))
        }
        Message::ControlCharacter { character } => {
            write!(out, "値に制御文字を含めることはできません。'{character}' が含まれています。")
        }
        Message::NotOneOf { value, allowed } => {
            write!(out, "値 '{value}' は {} のいずれでもありません。", QuotedList(allowed))
        }
        Message::InvalidFormat { format, value } => {
            let words = format_words(*format);
            write!(out, "値 '{value}' は {words}{}ではありません。", gap_after(words))
        }
        Message::InvalidArmId { value, problem } => {
            write!(out, "値 '{value}' は Azure リソース ID ではありません。")?;
            arm_id_problem(problem, out)?;
            out.write_str("。")
        }
        Message::NotLanguageTag { key } => write!(out, "キー '{key}' は 'en-us' のような言語タグではありません。"),
        Message::MissingProperty { name } => write!(out, "プロパティ '{name}' は必須です。"),
        Message::NullItem => out.write_str("ここには値が必要です。null 値は使用できません。"),
        Message::ReadOnlyProperty { name } => {
            write!(out, "プロパティ '{name}' は読み取り専用です。このプロパティはサーバーのみが設定します。")
        }
        Message::Repeated { value, first, ignore_case: false } => {
            write!(out, "値 '{value}' はインデックス {first} の値と重複しています。")
        }
        Message::Repeated { value, first, ignore_case: true } => {
            write!(out, "値 '{value}' は、大文字と小文字を区別しない場合、インデックス {first} の値と重複しています。")
        }
        Message::WrongType { expected, found } => {
            write!(out, "{}が必要ですが、{}が指定されました。", json_type(*expected), json_type(*found))
        }
        Message::NullForType { expected } => {
            write!(out, "{}が必要ですが、null 値が指定されました。", json_type(*expected))
        }
        Message::NullNotAccepted => out.write_str("null 値はここでは使用できません。"),
        Message::IntegerOutOfRange { value, min, max } => {
            write!(out, "値 {value} が {min} から {max} までの範囲外です。")
        }
        Message::UnknownProperty { name } => write!(out, "プロパティ '{name}' はここでは使用できません。"),
        Message::DuplicateProperty => out.write_str("プロパティが複数回指定されています。"),
        Message::KeyNotOfKind { key, kind } => {
            let kind = json_type(*kind);
            write!(out, "キー '{key}' は{}{kind}ではありません。", gap(kind))
        }
        Message::NotOneCharacter { chars: 0 } => out.write_str("1 文字が必要ですが、空の文字列が指定されました。"),
        Message::NotOneCharacter { chars } => write!(out, "1 文字が必要ですが、{chars} 文字が指定されました。"),
        Message::ExactItems { expected, actual } => {
            write!(out, "配列の項目はちょうど {expected} 個である必要がありますが、{actual} 個あります。")
        }
        Message::TooManyItems => out.write_str("配列の項目数が許可されている数を超えています。"),
        Message::TooFewItems => out.write_str("配列の項目数が必要な数に達していません。"),
        Message::NoShape => out.write_str("値が、受け付けられるどの構造とも一致しません。"),
        Message::ExtraMembers => out.write_str("オブジェクトのメンバー数が許可されている数を超えています。"),
        Message::NotAllowed { value, text: true } => write!(out, "値 '{value}' はここでは使用できません。"),
        Message::NotAllowed { value, text: false } => write!(out, "値 {value} はここでは使用できません。"),
        Message::RefusedType { found } => {
            write!(out, "{}はここでは使用できません。", json_type(*found))
        }
        Message::WrongItemCount => out.write_str("値の項目数が正しくありません。"),
        Message::NotValid => out.write_str("値はここでは無効です。"),
        Message::StoppedAt { line, column } => write!(out, "行 {line}、列 {column} の値が無効です。"),
        Message::InvalidContent { found, listed } => invalid_content(*found, *listed, out),
        Message::NotJson { reason, line, column } => {
            write!(out, "要求の内容が有効な JSON ではありません。{} (行 {line}、列 {column})。", syntax(reason))
        }
        Message::UnsupportedMediaType => {
            out.write_str("コンテンツ タイプは 'application/json' であるか、'+json' で終わる必要があります。")
        }
        Message::BodyTooLarge => out.write_str("要求本文が、このサービスで受け付けられるサイズを超えています。"),
        Message::BodyUnreadable => out.write_str("要求本文を最後まで読み取れませんでした。"),
        // A user's own text has no Japanese unless a catalog of the user's gives it.
        Message::Own(own) => out.write_str(&own.text),
        Message::AboutKey(message) => super::about_key(message, ["値", "キー"], write, out),
    }
}

/// The top-level message of `found` problems of which the first `listed` are details.
fn invalid_content<W: Write + ?Sized>(found: usize, listed: usize, out: &mut W) -> fmt::Result {
    write!(out, "要求の内容が無効です。{found} 件のエラーが見つかりました。")?;
    let left_out = found.saturating_sub(listed);
    match (listed, left_out) {
        (_, 0) => Ok(()),
        // Only a list made to keep none (`Violations::with_limit(0)`) gets here.
        (0, _) => out.write_str("いずれも一覧には含まれていません。"),
        (listed, left_out) => {
            write!(out, "最初の {listed} 件を一覧に示し、残りの {left_out} 件は省略しています。")
        }
    }
}
