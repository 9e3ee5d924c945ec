use regex::Regex;

use super::*;
use crate::Validate;
use crate::rules::{contains, localized, no_control_chars, non_empty, not_containing, prefix, suffix};
use crate::schema::{Field, Variant};

/// Texts that try the patterns' edges: white space of every kind, controls, the characters the
/// escapes are about, non-ASCII letters.
fn texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "",
        " ",
        "a",
        " a ",
        "\t\n",
        "\u{85}",
        "\u{a0}",
        "\u{feff}",
        "\u{200b}",
        "\u{3000}x",
        "x\u{2029}",
        "a.b",
        "a-b",
        "a&&b",
        "a~~b",
        "[x]",
        "^$",
        "\\",
        "{1}",
        "(a|b)",
        "é",
        "日本",
        "en-us",
        "zh-Hant-TW",
        "en_us",
        "x-a",
        "abcdefghi",
        "\u{1}",
        "\u{7f}",
        "\u{9f}",
        "a\u{a0}",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    // Every character below U+3100 alone, and between letters.
    texts.extend((0..0x3100).filter_map(char::from_u32).flat_map(|c| [c.to_string(), format!("a{c}b")]));
    texts
}

#[test]
fn the_non_blank_pattern_is_non_empty() {
    let pattern = Regex::new(NON_BLANK).unwrap();
    for text in texts() {
        assert_eq!(pattern.is_match(&text), non_empty::check(text.as_str()).is_ok(), "{text:?}");
    }
}

#[test]
fn the_language_tag_pattern_is_localized() {
    let pattern = Regex::new(LANGUAGE_TAG).unwrap();
    for text in texts() {
        assert_eq!(pattern.is_match(&text), localized::is_language_tag(&text), "{text:?}");
    }
}

#[test]
fn the_text_rules_patterns_are_the_rules() {
    let texts = texts();
    let no_control = Regex::new(NO_CONTROL_CHARS).unwrap();
    for text in &texts {
        assert_eq!(no_control.is_match(text), no_control_chars::check(text.as_str()).is_ok(), "{text:?}");
    }
    for part in ["a.b", "-", "&&", "~", "^", "$", "\\", "[x]", "{1}", "(a|b)", "é", "\u{1}", "\u{85}"] {
        let compiled = |pattern: String| Regex::new(&pattern).unwrap();
        let contained = compiled(literal(part));
        let starts = compiled(format!("^{}", literal(part)));
        let ends = compiled(format!("{}$", literal(part)));
        let none_of = compiled(format!("^[^{}]*$", class(part)));
        for text in &texts {
            let text = text.as_str();
            assert_eq!(contained.is_match(text), contains::check(text, part).is_ok(), "contains {part:?} {text:?}");
            assert_eq!(starts.is_match(text), prefix::check(text, part).is_ok(), "prefix {part:?} {text:?}");
            assert_eq!(ends.is_match(text), suffix::check(text, part).is_ok(), "suffix {part:?} {text:?}");
            let refused = not_containing::check(text, part).is_ok();
            assert_eq!(none_of.is_match(text), refused, "not_containing {part:?} {text:?}");
        }
    }
}

#[test]
fn escapes_are_those_ecma_262_allows_with_its_u_flag() {
    // The identity escapes of ECMA-262's `u` flag are the syntax characters and `/`: any other
    // backslash before a punctuation mark would not read there.
    let syntax = "^$\\.*+?()[]{}|/";
    for text in [literal("a.b-c&d~e#f/g^$\\*+?()[]{}|\u{1}"), class("-&~^]\\[.")] {
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                let escaped = chars.next().unwrap();
                assert!(syntax.contains(escaped) || escaped == 'u', "\\{escaped} in {text}");
            }
        }
    }
}

/// A description built here, for what the derive cannot say yet (`keys`).
fn described(rules: Vec<Rule>) -> Description {
    Description {
        name: "Labels",
        shape: Shape::Struct(vec![Field {
            member: "labels",
            wire: Wire::Member { name: "labels", key: "labels" },
            rules,
        }]),
        checks: Vec::new(),
        context: None,
    }
}

fn applied(description: &Description, schema: Value) -> Value {
    let mut schema = Schema::try_from(schema).unwrap();
    apply_description(description, &mut schema);
    schema.to_value()
}

#[test]
fn keys_go_to_property_names() {
    let map = json!({ "type": "object", "properties": { "labels": {
        "type": ["object", "null"], "additionalProperties": { "type": "string" },
    } } });
    let description = described(vec![
        Rule::EachKey(vec![Rule::Length { min: None, max: Some(Bound::Value(8)) }, Rule::Prefix("x-")]),
        Rule::Localized,
    ]);
    let schema = applied(&description, map);
    assert_eq!(
        schema["properties"]["labels"]["propertyNames"],
        json!({ "maxLength": 8, "pattern": "^x-", "allOf": [{ "pattern": LANGUAGE_TAG }] })
    );
}

#[test]
fn a_bound_known_at_run_time_says_nothing() {
    let description = described(vec![Rule::Length { min: Some(Bound::Value(1)), max: Some(Bound::AtRunTime) }]);
    let schema = applied(&description, json!({ "properties": { "labels": { "type": "array" } } }));
    assert_eq!(schema["properties"]["labels"], json!({ "type": "array", "minItems": 1 }));
}

#[test]
fn a_field_missing_from_the_schema_is_left_alone() {
    let description = described(vec![Rule::Present, Rule::NotEmpty]);
    // Not in the schema (`#[schemars(skip)]`, say): nothing is said of it, `required` included.
    let schema = applied(&description, json!({ "type": "object", "properties": {} }));
    assert_eq!(schema, json!({ "type": "object", "properties": {} }));
    // A `false` schema accepts nothing already.
    let schema = applied(&description, json!({ "properties": { "labels": false } }));
    assert_eq!(schema["properties"]["labels"], json!(false));
}

#[test]
fn untagged_variants_are_matched_by_position() {
    let description = Description {
        name: "Either",
        shape: Shape::Enum {
            tagging: Tagging::Untagged,
            variants: vec![
                Variant {
                    name: "Name",
                    fields: vec![Field { member: "0", wire: Wire::Itself, rules: vec![Rule::NotEmpty] }],
                },
                Variant {
                    name: "Count",
                    fields: vec![Field {
                        member: "0",
                        wire: Wire::Itself,
                        rules: vec![Rule::Range {
                            min: Some(Bound::Value(Number::Unsigned(1))),
                            max: None,
                            exclusive_min: None,
                            exclusive_max: None,
                        }],
                    }],
                },
            ],
        },
        checks: Vec::new(),
        context: None,
    };
    let schema = applied(&description, json!({ "anyOf": [{ "type": "string" }, { "type": "integer" }] }));
    assert_eq!(
        schema,
        json!({ "anyOf": [
            { "type": "string", "minLength": 1, "pattern": NON_BLANK },
            { "type": "integer", "minimum": 1 },
        ] })
    );
}

#[test]
fn numbers_are_written_as_json_numbers() {
    assert_eq!(number(&Number::F32(0.1)), Some(json!(0.1)));
    assert_eq!(number(&Number::Signed(-3)), Some(json!(-3)));
    assert_eq!(number(&Number::Unsigned(u64::MAX)), Some(json!(u64::MAX)));
    assert_eq!(number(&Number::Other("1e40".into())), Some(json!(1e40)));
    assert_eq!(number(&Number::F64(f64::NAN)), None);
}

#[derive(Validate)]
struct Nothing {}

#[test]
fn a_type_without_rules_changes_nothing() {
    let mut schema = Schema::try_from(json!({ "type": "object" })).unwrap();
    apply::<Nothing>(&mut schema);
    assert_eq!(schema.to_value(), json!({ "type": "object" }));
}
