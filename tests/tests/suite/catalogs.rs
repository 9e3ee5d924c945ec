//! Wording answers: a user's own catalogs (written in Rust: the `Catalog` trait), the order in
//! which catalogs are asked, `message = "…"` overrides, typed parameters, `additionalInfo` on and
//! off, and one result worded twice. Fluent catalogs have `fluent.rs`; the built-in German
//! and Japanese texts `languages.rs`.

use std::fmt::Write as _;

use serde_json::json;
use validate_core::message::{Arg, Number, Param};
use validate_core::{
    Catalog, ErrorResponse, Language, Languages, Message, RuleError, Validate, Violation, Violations, from_json,
};

/// A catalog that knows a fixed list of ids, writing `<tag>:<id>` and every parameter as
/// `name=value`: what a test needs to see which catalog answered, with what.
struct Echoing {
    tag: &'static str,
    ids: &'static [&'static str],
}

impl Catalog for Echoing {
    fn language(&self) -> &str {
        self.tag
    }

    fn write(&self, id: &str, message: &Message, out: &mut String) -> bool {
        if !self.ids.contains(&id) {
            return false;
        }
        let _ = write!(out, "{}:{id}", self.tag);
        message.params(&mut |name, arg| {
            let value = match arg {
                Arg::Count(n) => n.to_string(),
                Arg::Number(n) => n.to_string(),
                Arg::Text(text) => text.to_owned(),
                Arg::List(values) => values.join("|"),
                Arg::Flag(flag) => flag.to_string(),
                _ => "?".to_owned(),
            };
            let _ = write!(out, " {name}={value}");
        });
        true
    }
}

fn known_hub(name: &str) -> Result<(), RuleError> {
    if name == "contoso" {
        Ok(())
    } else {
        let shown = validate_core::text::echo(name);
        Err(RuleError::new("NoSuchHub", format!("There is no hub '{shown}'.")).with_arg("hub", shown))
    }
}

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Request {
    #[validate(length(min = 2, max = 8))]
    name: String,
    #[validate(length(min = 2, code = "InvalidAlias", message = "The alias is too short."))]
    alias: String,
    #[validate(custom(known_hub))]
    hub: String,
    #[validate(range(min = 1, max = 10))]
    units: u32,
    #[validate(one_of("OneToOne", "OneToMany"))]
    cardinality: String,
}

fn invalid() -> Request {
    Request {
        name: "contoso-hub".into(),
        alias: "a".into(),
        hub: "fabrikam".into(),
        units: 0,
        cardinality: "ManyToMany".into(),
    }
}

fn messages(response: &ErrorResponse) -> Vec<&str> {
    response.error.details.iter().map(|d| d.message.as_str()).collect()
}

/// English is today's text, and `Display`, `message()` and the payload agree on it.
#[test]
fn english_is_the_default_everywhere() {
    let violations = invalid().validate().unwrap_err();
    let expected = [
        "The value must have at most 8 characters; it has 11.",
        "The alias is too short.",
        "There is no hub 'fabrikam'.",
        "The value 0 is less than the minimum 1.",
        "The value 'ManyToMany' is not one of 'OneToOne', 'OneToMany'.",
    ];
    let from_message: Vec<String> = violations.iter().map(Violation::message).collect();
    assert_eq!(from_message, expected);
    let rendered: Vec<String> = violations.iter().map(|v| Language::english().render(v)).collect();
    assert_eq!(rendered, expected);
    assert_eq!(messages(&ErrorResponse::from(violations.clone())), expected);
    assert_eq!(violations.to_string().lines().count(), 5);
    assert!(violations.to_string().starts_with("name: The value must have at most 8 characters"));
}

/// Built-in messages are asked for by their id, a `message = "…"` override and a custom rule's
/// text by the code: the user's catalog for the language answers what it knows, with the typed
/// parameters (the rule's, for an override), and the rest comes from the built-in catalog.
#[test]
fn a_users_catalog_is_asked_first_by_id_or_code() {
    let languages = Languages::new()
        .with_catalog(Echoing { tag: "de", ids: &["length-too-long", "InvalidAlias", "NoSuchHub", "one-of"] });
    let german = languages.negotiate(Some("de-CH"));
    assert_eq!(german.tag(), "de");
    let response = invalid().validate().unwrap_err().into_response(&german);
    assert_eq!(
        messages(&response),
        [
            "de:length-too-long max=8 actual=11 unit=characters",
            "de:InvalidAlias min=2 actual=1 unit=characters",
            "de:NoSuchHub hub=fabrikam",
            // Not in the user's catalog: the built-in German one.
            &Language::builtin("de").unwrap().text(
                "ValueOutOfRange",
                &Message::BelowMinimum { value: Number::Unsigned(0), min: Number::Unsigned(1) }
            ),
            "de:one-of value=ManyToMany allowed=OneToOne|OneToMany",
        ]
    );
    // Codes are never worded.
    let codes: Vec<&str> = response.error.details.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["ValueTooLong", "InvalidAlias", "NoSuchHub", "ValueOutOfRange", "InvalidEnumValue"]);
}

/// Without a translation, a `message = "…"` override and a custom rule's text stay the user's
/// own, in every language; the built-in messages are worded.
#[test]
fn the_users_own_text_stays_unless_translated() {
    let japanese = Language::builtin("ja").unwrap();
    let response = invalid().validate().unwrap_err().into_response(&japanese);
    let found = messages(&response);
    assert_eq!(found[1], "The alias is too short.");
    assert_eq!(found[2], "There is no hub 'fabrikam'.");
    assert_ne!(found[0], "The value must have at most 8 characters; it has 11.");
}

/// A language of the user's own: its tag is negotiated (region fallback too), and what it lacks
/// comes from English.
#[test]
fn a_new_language_falls_back_to_english() {
    let languages = Languages::new().with_catalog(Echoing { tag: "pt-BR", ids: &["range-below-minimum"] });
    assert_eq!(languages.tags(), ["en", "de", "ja", "pt-BR"]);
    for header in ["pt-br", "pt", "pt-BR-x-test", "fr;q=0.9, pt-BR;q=0.8"] {
        assert_eq!(languages.negotiate(Some(header)).tag(), "pt-BR", "{header}");
    }
    let portuguese = languages.get("PT-br").unwrap();
    let response = invalid().validate().unwrap_err().into_response(&portuguese);
    let found = messages(&response);
    assert_eq!(found[3], "pt-BR:range-below-minimum value=0 min=1");
    assert_eq!(found[0], "The value must have at most 8 characters; it has 11.");
    assert_eq!(response.error.message, "The request content was invalid: 5 errors were found.");
    assert!(languages.get("fr").is_none());
}

/// The same result of `validate()` goes out in German to a client and in English to a log: nothing
/// is global, and the order of the two does not matter.
#[test]
fn one_result_worded_twice() {
    let violations = invalid().validate().unwrap_err();
    let german = violations.clone().into_response(&Language::builtin("de").unwrap());
    let english = violations.clone().into_response(&Language::english());
    let german_again = violations.into_response(&Language::builtin("de").unwrap());
    assert_eq!(german, german_again);
    assert_ne!(german.error.message, english.error.message);
    assert_eq!(english.error.message, "The request content was invalid: 5 errors were found.");
}

/// `additionalInfo` is off by default, and on asks for one `ValidationRule` entry per detail with
/// the rule, the message's id and its typed parameters (numbers as numbers; an override keeps the
/// rule's parameters; a custom rule its own).
#[test]
fn additional_info_carries_the_rule_and_its_parameters() {
    let violations = invalid().validate().unwrap_err();
    let plain = serde_json::to_value(ErrorResponse::from(violations.clone())).unwrap();
    assert!(!plain.to_string().contains("additionalInfo"), "{plain}");

    let response = violations.into_response(&Language::english().with_additional_info(true));
    let infos: Vec<serde_json::Value> =
        response.error.details.iter().map(|d| serde_json::to_value(&d.additional_info).unwrap()).collect();
    let entry = |info: serde_json::Value| json!([{ "type": "ValidationRule", "info": info }]);
    assert_eq!(
        infos,
        [
            entry(
                json!({"rule": "length", "messageId": "length-too-long", "max": 8, "actual": 11, "unit": "characters"})
            ),
            entry(
                json!({"rule": "length", "messageId": "length-too-short", "min": 2, "actual": 1, "unit": "characters"})
            ),
            entry(json!({"rule": "custom", "messageId": "NoSuchHub", "hub": "fabrikam"})),
            entry(json!({"rule": "range", "messageId": "range-below-minimum", "value": 0, "min": 1})),
            entry(
                json!({"rule": "one_of", "messageId": "one-of", "value": "ManyToMany", "allowed": ["OneToOne", "OneToMany"]})
            ),
        ]
    );
    // The top-level error carries none.
    assert!(response.error.additional_info.is_empty());
}

/// A key's violation (`keys(…)`) says "the key" in every built-in language, is known to catalogs
/// by its `key-…` id (a catalog without it falls back to the built-in text, never to the value's
/// wording), and describes itself in `additionalInfo` with its rule and parameters.
#[test]
fn a_keys_message_in_every_language() {
    #[derive(Validate)]
    struct Tagged {
        #[validate(keys(not_containing("<>%"), length(max = 3)))]
        tags: std::collections::BTreeMap<String, String>,
    }
    let violations = Tagged { tags: [("a%bc".to_owned(), "x".to_owned())].into() }.validate().unwrap_err();
    let messages = |language: &Language<'_>| -> Vec<String> {
        violations.clone().into_response(language).error.details.into_iter().map(|d| d.message).collect()
    };
    assert_eq!(
        messages(&Language::english()),
        ["The key must not contain '%'.", "The key must have at most 3 characters; it has 4."]
    );
    assert_eq!(
        messages(&Language::builtin("de").unwrap()),
        ["Der Schlüssel darf '%' nicht enthalten.", "Der Schlüssel darf höchstens 3 Zeichen haben; er hat 4."]
    );
    assert_eq!(
        messages(&Language::builtin("ja").unwrap()),
        ["キーに '%' を含めることはできません。", "キーに含めることができるのは 3 文字までですが、4 文字あります。"]
    );
    // A catalog words the key's message by its own id; the value's id is not the key's.
    let languages =
        Languages::new().with_catalog(Echoing { tag: "fr", ids: &["key-not-containing", "length-too-long"] });
    assert_eq!(
        messages(&languages.negotiate(Some("fr"))),
        ["fr:key-not-containing character=%", "The key must have at most 3 characters; it has 4."]
    );
    let response = violations.into_response(&Language::english().with_additional_info(true));
    let info = serde_json::to_value(&response.error.details[1].additional_info).unwrap();
    assert_eq!(
        info,
        json!([{ "type": "ValidationRule", "info": {"rule": "length", "messageId": "key-length-too-long", "max": 3, "actual": 4, "unit": "characters"} }])
    );
}

/// Shape problems and bodies that are not JSON are worded and described alike; numbers beyond
/// what JSON holds exactly are given as text.
#[test]
fn additional_info_of_shape_problems_and_wide_numbers() {
    #[derive(Debug, serde::Deserialize, Validate)]
    struct Wide {
        #[validate(range(max = 10))]
        big: u128,
        #[validate(range(max = 0.5))]
        ratio: f32,
        #[allow(dead_code)]
        small: u8,
    }
    let language = Language::english().with_additional_info(true);
    let error = from_json::<Wide>(br#"{"big":340282366920938463463374607431768211455,"ratio":0.75,"small":"x"}"#)
        .unwrap_err()
        .into_response(&language);
    let infos: Vec<serde_json::Value> = error.error.details.iter().map(|d| d.additional_info[0].info.clone()).collect();
    assert_eq!(
        infos,
        [
            json!({"rule": "range", "messageId": "range-above-maximum", "value": "340282366920938463463374607431768211455", "max": 10}),
            json!({"rule": "range", "messageId": "range-above-maximum", "value": 0.75, "max": 0.5}),
            json!({"rule": "shape", "messageId": "shape-wrong-type", "expected": "integer", "found": "string"}),
        ]
    );
    let not_json = from_json::<Wide>(b"{").unwrap_err().into_response(&language);
    assert!(not_json.error.details.is_empty());
    assert_eq!(
        not_json.error.message,
        "The request content is not valid JSON: EOF while parsing an object at line 1 column 1."
    );
}

/// A violation keeps its message typed: a caller can read the parameters without parsing text.
#[test]
fn violations_keep_typed_messages() {
    let violations = invalid().validate().unwrap_err();
    let typed: Vec<&Message> = violations.iter().map(Violation::typed_message).collect();
    assert!(matches!(typed[0], Message::TooLong { max: 8, actual: 11, .. }));
    assert!(matches!(typed[3], Message::BelowMinimum { value: Number::Unsigned(0), min: Number::Unsigned(1) }));
    let Message::Own(own) = typed[2] else { panic!("{:?}", typed[2]) };
    assert_eq!(&*own.args, [("hub", Param::Text("fabrikam".into()))]);
    assert_eq!(violations.iter().nth(1).and_then(Violation::overridden), Some("The alias is too short."));
}

/// Past the cap, violations are counted, never worded: the summary counts them in the language.
#[test]
fn the_summary_counts_what_was_left_out_in_the_language() {
    let mut violations = Violations::with_limit(2);
    for _ in 0..5 {
        invalid().validate_at(&validate_core::Path::root(), &mut violations);
    }
    let english = violations.clone().into_response(&Language::english());
    assert_eq!(
        english.error.message,
        "The request content was invalid: 25 errors were found; the first 2 are listed and 23 are left out."
    );
    let german = violations.into_response(&Language::builtin("de").unwrap());
    assert_eq!(german.error.details.len(), 2);
    assert!(german.error.message.contains("25") && german.error.message.contains("23"), "{}", german.error.message);
}

/// The functions that read bytes word their answer in the language asked for: `from_json` and
/// `parse_json` alike, a body that is not JSON too (`from_json_with`: the service's tests, through
/// `check --lang` and `PUT`).
#[test]
fn every_reading_door_is_worded_in_the_language() {
    let german = Language::builtin("de").unwrap();
    let body = br#"{"name":"contoso-hub","alias":"ab","hub":"contoso","units":1,"cardinality":"OneToOne"}"#;
    let read = from_json::<Request>(body).unwrap_err().into_response(&german);
    let parsed = validate_core::parse_json::<Wrong>(body).unwrap_err().into_response(&german);
    assert_eq!(read.error.details[0].message, "Der Wert darf höchstens 8 Zeichen haben; er hat 11.");
    assert_eq!(parsed.error.details[0].message, "Erwartet wurde eine ganze Zahl, gefunden wurde eine Zeichenfolge.");
    let not_json = validate_core::parse_json::<Wrong>(b"[").unwrap_err().into_response(&german);
    assert!(
        not_json.error.message.starts_with("Der Inhalt der Anfrage ist kein gültiges JSON"),
        "{}",
        not_json.error.message
    );
}

/// `name` of the wrong JSON type, for `parse_json`.
#[derive(Debug, serde::Deserialize)]
struct Wrong {
    #[allow(dead_code)]
    name: u32,
}
