//! The built-in German and Japanese catalogs through the public API: every rule's violation and
//! the answers of `from_json`, worded in each language with the codes and targets of English.

use std::collections::BTreeMap;

use serde::Deserialize;
use validate_core::{ErrorResponse, Language, Path, RuleError, Validate, Violations, from_json};

/// One field per rule.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Everything {
    #[validate(length(min = 2))]
    name: String,
    #[validate(range(max = 10))]
    units: u32,
    #[validate(non_empty)]
    tags: Vec<String>,
    #[validate(pattern("^[a-z]+$"))]
    slug: String,
    #[validate(one_of("OneToOne", "OneToMany"))]
    cardinality: String,
    #[validate(format(uuid))]
    id: String,
    #[validate(format(date_time))]
    expires: String,
    #[validate(localized)]
    display_name: BTreeMap<String, String>,
    #[validate(required)]
    owner: Option<String>,
    #[validate(unique)]
    ids: Vec<u32>,
    #[validate(read_only)]
    tenant_id: Option<String>,
}

/// A value that breaks every rule once, in field order.
fn everything_wrong() -> Everything {
    Everything {
        name: "c".into(),
        units: 11,
        tags: vec![],
        slug: "A1".into(),
        cardinality: "onetomany".into(),
        id: "not-a-guid".into(),
        expires: "2027-06-30".into(),
        display_name: BTreeMap::from([("a".into(), "x".into())]),
        owner: None,
        ids: vec![7, 7],
        tenant_id: Some("t".into()),
    }
}

/// `(code, target)` of every violation, in the order English gives them.
const CODES_AND_TARGETS: [(&str, &str); 11] = [
    ("ValueTooShort", "name"),
    ("ValueOutOfRange", "units"),
    ("EmptyValue", "tags"),
    ("PatternMismatch", "slug"),
    ("InvalidEnumValue", "cardinality"),
    ("InvalidFormat", "id"),
    ("InvalidFormat", "expires"),
    ("InvalidLocale", "displayName['a']"),
    ("MissingRequiredProperty", "owner"),
    ("DuplicateValue", "ids[1]"),
    ("ReadOnlyProperty", "tenantId"),
];

/// The payload of `violations` in the built-in language `tag`.
fn answer(violations: &Violations, tag: &str) -> ErrorResponse {
    violations.clone().into_response(&Language::builtin(tag).expect("a built-in language"))
}

/// Asserts the top-level message, and each detail's code, target and message, of `answer`.
fn assert_answer(answer: &ErrorResponse, message: &str, details: &[&str]) {
    assert_eq!(answer.error.code, "InvalidRequestContent");
    assert_eq!(answer.error.message, message);
    let codes_and_targets: Vec<(&str, &str)> =
        answer.error.details.iter().map(|d| (d.code.as_str(), d.target.as_deref().unwrap_or_default())).collect();
    assert_eq!(codes_and_targets, CODES_AND_TARGETS);
    let messages: Vec<&str> = answer.error.details.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, details);
}

/// English is today's text, unchanged by the other catalogs.
#[test]
fn english_is_unchanged() {
    let violations = everything_wrong().validate().unwrap_err();
    let english = violations.clone().into_response(&Language::english());
    assert_answer(
        &english,
        "The request content was invalid: 11 errors were found.",
        &[
            "The value must have at least 2 characters; it has 1.",
            "The value 11 is greater than the maximum 10.",
            "The value must have at least 1 item.",
            "The value 'A1' does not match the pattern '^[a-z]+$'.",
            "The value 'onetomany' is not one of 'OneToOne', 'OneToMany'.",
            "The value 'not-a-guid' is not a GUID (8-4-4-4-12 hexadecimal digits).",
            "The value '2027-06-30' is not an RFC 3339 date-time such as '2027-06-30T23:59:59Z'.",
            "The key 'a' is not a language tag such as 'en-us'.",
            "The property 'owner' is required.",
            "The value '7' repeats the value at index 0.",
            "The property 'tenantId' is read-only: only the server sets it.",
        ],
    );
    assert_eq!(english, ErrorResponse::from(violations.clone()));
    assert_eq!(answer(&violations, "en"), english);
}

/// Every rule's message in German, with English's codes and targets.
#[test]
fn every_rule_in_german() {
    let violations = everything_wrong().validate().unwrap_err();
    assert_answer(
        &answer(&violations, "de"),
        "Der Inhalt der Anfrage ist ungültig: 11 Fehler wurden gefunden.",
        &[
            "Der Wert muss mindestens 2 Zeichen haben; er hat 1.",
            "Der Wert 11 ist größer als das Maximum 10.",
            "Der Wert muss mindestens 1 Element haben.",
            "Der Wert 'A1' entspricht nicht dem Muster '^[a-z]+$'.",
            "Der Wert 'onetomany' ist keiner der zulässigen Werte 'OneToOne', 'OneToMany'.",
            "Der Wert 'not-a-guid' ist keine GUID (8-4-4-4-12 Hexadezimalziffern).",
            "Der Wert '2027-06-30' ist keine Datums-/Uhrzeitangabe nach RFC 3339 wie '2027-06-30T23:59:59Z'.",
            "Der Schlüssel 'a' ist kein Sprachtag wie 'en-us'.",
            "Die Eigenschaft 'owner' ist erforderlich.",
            "Der Wert '7' wiederholt den Wert an Index 0.",
            "Die Eigenschaft 'tenantId' ist schreibgeschützt: Nur der Server legt sie fest.",
        ],
    );
}

/// Every rule's message in Japanese, with English's codes and targets.
#[test]
fn every_rule_in_japanese() {
    let violations = everything_wrong().validate().unwrap_err();
    assert_answer(
        &answer(&violations, "ja"),
        "要求の内容が無効です。11 件のエラーが見つかりました。",
        &[
            "値には 2 文字以上が必要ですが、1 文字しかありません。",
            "値 11 が最大値 10 を超えています。",
            "値には項目 1 個以上が必要です。",
            "値 'A1' がパターン '^[a-z]+$' と一致しません。",
            "値 'onetomany' は 'OneToOne', 'OneToMany' のいずれでもありません。",
            "値 'not-a-guid' は GUID (8-4-4-4-12 桁の 16 進数) ではありません。",
            "値 '2027-06-30' は '2027-06-30T23:59:59Z' のような RFC 3339 形式の日時ではありません。",
            "キー 'a' は 'en-us' のような言語タグではありません。",
            "プロパティ 'owner' は必須です。",
            "値 '7' はインデックス 0 の値と重複しています。",
            "プロパティ 'tenantId' は読み取り専用です。このプロパティはサーバーのみが設定します。",
        ],
    );
}

/// More violations than details: each language counts those left out; a user's own text is
/// the same in every language.
#[test]
fn the_details_left_out_are_counted_in_each_language() {
    let mut violations = Violations::new();
    for i in 0..150 {
        violations.record(&Path::root().index(i), Err(RuleError::invalid("Bad.")));
    }
    let cases = [
        ("en", "The request content was invalid: 150 errors were found; the first 100 are listed and 50 are left out."),
        (
            "de",
            "Der Inhalt der Anfrage ist ungültig: 150 Fehler wurden gefunden; die ersten 100 werden aufgeführt und 50 werden ausgelassen.",
        ),
        (
            "ja",
            "要求の内容が無効です。150 件のエラーが見つかりました。最初の 100 件を一覧に示し、残りの 50 件は省略しています。",
        ),
    ];
    for (tag, message) in cases {
        let answer = answer(&violations, tag);
        assert_eq!(answer.error.message, message);
        assert_eq!(answer.error.details.len(), 100);
        assert!(answer.error.details.iter().all(|d| d.message == "Bad."), "{tag}");
    }
}

/// A body read to be refused: its fields are never read.
#[allow(dead_code)]
#[derive(Debug, Deserialize, Validate)]
struct Hub {
    #[validate(length(min = 2))]
    name: String,
    units: u32,
}

/// A body that is not JSON: the reason and where, in each language, without details.
#[test]
fn not_json_in_each_language() {
    let error = from_json::<Hub>(b"{\"a\":").unwrap_err();
    let cases = [
        ("en", "The request content is not valid JSON: EOF while parsing a value at line 1 column 5."),
        (
            "de",
            "Der Inhalt der Anfrage ist kein gültiges JSON: unerwartetes Ende beim Lesen eines Werts (Zeile 1, Spalte 5).",
        ),
        ("ja", "要求の内容が有効な JSON ではありません。値が必要な位置で入力が終了しました (行 1、列 5)。"),
    ];
    for (tag, message) in cases {
        let answer = error.clone().into_response(&Language::builtin(tag).expect("a built-in language"));
        assert_eq!(answer.error.code, "InvalidRequestContent");
        assert_eq!(answer.error.message, message);
        assert!(answer.error.details.is_empty(), "{tag}");
    }
    assert_eq!(ErrorResponse::from(error).error.message, cases[0].1);
}

/// A body of the wrong shape beside a rule violation: both details in each language, with the
/// same codes and targets.
#[test]
fn a_wrong_type_in_each_language() {
    let error = from_json::<Hub>(br#"{"name":"c","units":"many"}"#).unwrap_err();
    let cases = [
        (
            "en",
            "The request content was invalid: 2 errors were found.",
            ["The value must have at least 2 characters; it has 1.", "Expected an integer but found a string."],
        ),
        (
            "de",
            "Der Inhalt der Anfrage ist ungültig: 2 Fehler wurden gefunden.",
            [
                "Der Wert muss mindestens 2 Zeichen haben; er hat 1.",
                "Erwartet wurde eine ganze Zahl, gefunden wurde eine Zeichenfolge.",
            ],
        ),
        (
            "ja",
            "要求の内容が無効です。2 件のエラーが見つかりました。",
            ["値には 2 文字以上が必要ですが、1 文字しかありません。", "整数が必要ですが、文字列が指定されました。"],
        ),
    ];
    for (tag, message, details) in cases {
        let answer = error.clone().into_response(&Language::builtin(tag).expect("a built-in language"));
        assert_eq!(answer.error.message, message);
        let got: Vec<(&str, &str, &str)> = answer
            .error
            .details
            .iter()
            .map(|d| (d.code.as_str(), d.target.as_deref().unwrap_or_default(), d.message.as_str()))
            .collect();
        assert_eq!(got, [("ValueTooShort", "name", details[0]), ("InvalidPropertyType", "units", details[1])], "{tag}");
    }
}
