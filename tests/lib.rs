//! Helpers shared by the integration suites in `tests/`, and the body of the fuzz target.

/// The README's Rust examples, compiled and run as doctests of this crate.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct Readme;

#[cfg(test)]
mod readme {
    /// The README's table of garde's and validator's rules is the crate docs' `migrating` page's,
    /// row for row.
    #[test]
    fn the_rule_table_is_the_one_of_the_crate_docs() {
        let page = include_str!("../validate-core/src/migrating.md");
        let readme = include_str!("../README.md");
        let rows: Vec<&str> = page.lines().filter(|line| line.starts_with('|')).collect();
        assert!(rows.len() > 20, "{} rows", rows.len());
        let table = rows.join("\n");
        assert!(readme.contains(&table), "README.md's table differs from validate-core/src/migrating.md's");
    }

    /// The Quick start's program, as the README writes it (the doctest runs that copy), prints
    /// the payload the README shows under it.
    #[test]
    fn the_quick_start_prints_what_the_readme_shows() {
        use std::collections::BTreeMap;

        use validate_core::{ErrorResponse, Validate};

        #[derive(serde::Deserialize, Validate)]
        #[serde(rename_all = "camelCase")]
        struct Relationship {
            #[validate(nested)]
            properties: Definition,
        }

        #[derive(serde::Deserialize, Validate)]
        #[serde(rename_all = "camelCase")]
        struct Definition {
            #[validate(localized)]
            display_name: BTreeMap<String, String>,
            #[validate(one_of("OneToOne", "OneToMany", "ManyToMany"))]
            cardinality: Option<String>,
            #[validate(non_empty)]
            profile_type: String,
        }

        let readme = include_str!("../README.md");
        let program = readme.split("## Quick start").nth(1).and_then(|rest| rest.split("```rust\n").nth(1));
        let program = program.and_then(|rest| rest.split("```\n").next()).expect("the Quick start's program");
        // This copy is the README's: its types and values, line for line.
        for line in [
            "    #[validate(localized)]",
            "    display_name: BTreeMap<String, String>,",
            r#"    #[validate(one_of("OneToOne", "OneToMany", "ManyToMany"))]"#,
            "    #[validate(non_empty)]",
            r#"        display_name: BTreeMap::from([("en us".into(), "Name".into())]),"#,
            r#"        cardinality: Some("OneToFew".into()),"#,
            r#"        profile_type: " ".into(),"#,
        ] {
            assert!(program.contains(line), "the README's program no longer has {line:?}");
        }
        let body = Relationship {
            properties: Definition {
                display_name: BTreeMap::from([("en us".into(), "Name".into())]),
                cardinality: Some("OneToFew".into()),
                profile_type: " ".into(),
            },
        };
        let payload = ErrorResponse::from(body.validate().unwrap_err());
        let shown = readme.split("## Quick start").nth(1).and_then(|rest| rest.split("```json\n").nth(1));
        let shown = shown.and_then(|rest| rest.split("```\n").next()).expect("the payload the README shows");
        let shown: serde_json::Value = serde_json::from_str(shown).unwrap();
        assert_eq!(serde_json::to_value(&payload).unwrap(), shown);
    }
}

use customer_insights::model::{RelationshipResourceFormat, Stored};
use validate_core::Holds;
use validate_core::{
    BodyError, ErrorDetail, ErrorResponse, Language, Validate, ValidateWith, Violations, from_json_with,
};

/// `(code, target)` of every violation, in order.
pub fn codes_and_targets(violations: &Violations) -> Vec<(String, String)> {
    violations.iter().map(|v| (v.code().to_owned(), v.target().to_owned())).collect()
}

/// `code target: message` of every violation of `value`, in order; empty when valid. A value with
/// violations must not hold ([`Holds`]): `validate()` would have answered `Ok` without looking.
///
/// # Panics
///
/// When a value with violations holds.
pub fn report<T: Validate + ?Sized>(value: &T) -> Vec<String> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(violations) => {
            assert!(!Holds::check(value), "holds, with violations:\n{violations}");
            violations.iter().map(|v| format!("{} {}: {}", v.code(), v.target(), v.message())).collect()
        }
    }
}

/// Whether `value` is valid, asserting that a derived type says so without the second pass:
/// `validate()` is `Ok`, and the value holds ([`Holds`]), so no list was made.
///
/// # Panics
///
/// When the two answers differ.
pub fn valid<T: Validate + ?Sized>(value: &T) -> bool {
    let valid = value.validate().is_ok();
    assert_eq!(Holds::check(value), valid, "`validate()` is {valid}, `Holds` is not");
    valid
}

/// A detail as `(code, target, message)`, the target `""` when absent.
pub type Detail = (String, String, String);

/// An answer as the English ARM payload: an [`ErrorResponse`] as it is, a [`BodyError`] worded in
/// English.
pub trait English {
    /// The payload, in English.
    fn english(&self) -> ErrorResponse;
}

impl English for ErrorResponse {
    fn english(&self) -> ErrorResponse {
        self.clone()
    }
}

impl English for BodyError {
    fn english(&self) -> ErrorResponse {
        ErrorResponse::from(self.clone())
    }
}

/// Every detail of `error`, in order.
pub fn details(error: &impl English) -> Vec<Detail> {
    error
        .english()
        .error
        .details
        .iter()
        .map(|d| (d.code.clone(), d.target.clone().unwrap_or_default(), d.message.clone()))
        .collect()
}

/// The longest message any detail may have: a template, one echoed value of at most 64
/// characters, and at most a short list of allowed values.
pub const MAX_MESSAGE_CHARS: usize = 400;

/// Checks what every ARM error this library writes promises: a `PascalCase` code, at most 100
/// details, targets within 512 characters, messages within [`MAX_MESSAGE_CHARS`] and free of raw
/// control characters and bidirectional overrides.
///
/// # Panics
///
/// When one of those promises is broken, with the reason.
pub fn assert_well_formed(error: &ErrorResponse) {
    assert_detail(&error.error);
    assert!(error.error.details.len() <= 100, "{} details", error.error.details.len());
    for detail in &error.error.details {
        assert_detail(detail);
        assert!(detail.details.is_empty(), "details are one level deep");
    }
}

fn assert_detail(detail: &ErrorDetail) {
    let code = detail.code.as_str();
    assert!(code.starts_with(|c: char| c.is_ascii_uppercase()), "code {code:?}");
    assert!(code.chars().all(|c| c.is_ascii_alphanumeric()), "code {code:?}");
    let message = detail.message.as_str();
    assert!(!message.is_empty());
    assert!(message.chars().count() <= MAX_MESSAGE_CHARS, "message of {} chars: {message:?}", message.chars().count());
    assert!(!message.chars().any(is_hidden), "raw hidden character in {message:?}");
    if let Some(target) = &detail.target {
        assert!(!target.is_empty(), "an empty target is omitted");
        assert!(target.chars().count() <= 512, "target of {} chars", target.chars().count());
        assert!(!target.chars().any(is_hidden), "raw hidden character in {target:?}");
    }
}

// Written out again, not imported from `validate_core::text`: the check must not share the code
// it checks.
fn is_hidden(c: char) -> bool {
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

/// The fuzz target's body (`fuzz/fuzz_targets/from_json.rs`), also run by the test suite: any
/// bytes through `from_json_with` for the Relationship model (a new one: nothing stored) never
/// panic, and either read as a valid relationship or give a well-formed ARM error, the same bytes
/// each time.
///
/// # Panics
///
/// When any of that does not hold: that is what the fuzzer looks for.
pub fn fuzz_from_json(bytes: &[u8]) {
    match from_json_with::<RelationshipResourceFormat, _>(bytes, &Stored::NEW) {
        Ok(value) => assert!(value.validate_with(&Stored::NEW).is_ok(), "from_json returned an invalid value"),
        Err(error) => {
            // Well formed in every language built in, additionalInfo included.
            for tag in ["en", "de", "ja"] {
                let language = Language::builtin(tag).expect("built in").with_additional_info(tag == "ja");
                assert_well_formed(&error.clone().into_response(&language));
            }
            let again = from_json_with::<RelationshipResourceFormat, _>(bytes, &Stored::NEW).err();
            assert_eq!(again.as_ref(), Some(&error), "the same bytes must give the same error");
        }
    }
}

/// JSON text for property tests, with what `serde_json::Value` cannot hold: repeated keys and raw
/// number tokens. Its `Debug` is the text, so that proptest's "minimal failing input" reads as a
/// body.
#[derive(Clone, PartialEq)]
pub enum J {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number token, as written (it may be out of any type's range).
    Num(String),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<J>),
    /// An object's members in order, repeats included.
    Obj(Vec<(String, J)>),
}

impl J {
    /// Writes the JSON text of `self` into `out`.
    pub fn render(&self, out: &mut String) {
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(s) => push_string(out, s),
            J::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.render(out);
                }
                out.push(']');
            }
            J::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_string(out, key);
                    out.push(':');
                    value.render(out);
                }
                out.push('}');
            }
        }
    }

    /// The JSON text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.render(&mut out);
        out
    }

    /// How many values it holds, itself included (a member's key counts as one).
    pub fn size(&self) -> usize {
        match self {
            J::Arr(items) => 1 + items.iter().map(J::size).sum::<usize>(),
            J::Obj(members) => 1 + members.iter().map(|(_, v)| 1 + v.size()).sum::<usize>(),
            _ => 1,
        }
    }

    /// The same JSON as a `serde_json::Value` holds it.
    pub fn from_value(value: &serde_json::Value) -> J {
        match value {
            serde_json::Value::Null => J::Null,
            serde_json::Value::Bool(b) => J::Bool(*b),
            serde_json::Value::Number(n) => J::Num(n.to_string()),
            serde_json::Value::String(s) => J::Str(s.clone()),
            serde_json::Value::Array(items) => J::Arr(items.iter().map(J::from_value).collect()),
            serde_json::Value::Object(members) => {
                J::Obj(members.iter().map(|(k, v)| (k.clone(), J::from_value(v))).collect())
            }
        }
    }
}

impl std::fmt::Debug for J {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// A JSON string literal of `text`, escaped as `serde_json` escapes it.
fn push_string(out: &mut String, text: &str) {
    out.push_str(&serde_json::Value::from(text).to_string());
}

/// One step of a target: `.member`, `[index]` or `['key']`.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// `.member`
    Member(String),
    /// `[index]`
    Index(usize),
    /// `['key']`, unescaped
    Key(String),
}

/// Reads a target back into steps, undoing the escapes of keys.
///
/// # Panics
///
/// On text that is not a target this library writes: a test helper, fed only our targets.
pub fn parse_target(target: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut chars = target.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            '.' => {
                chars.next();
            }
            '[' => {
                chars.next();
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    let mut key = String::new();
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => match chars.next() {
                                Some('u') => {
                                    chars.next();
                                    let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                                    key.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                                }
                                Some(escaped) => key.push(escaped),
                                None => {}
                            },
                            '\'' => break,
                            other => key.push(other),
                        }
                    }
                    chars.next();
                    steps.push(Step::Key(key));
                } else {
                    let digits: String = chars.by_ref().take_while(|c| *c != ']').collect();
                    steps.push(Step::Index(digits.parse().unwrap()));
                }
            }
            _ => {
                let mut name = String::new();
                while let Some(&c) = chars.peek() {
                    if c == '.' || c == '[' {
                        break;
                    }
                    name.push(c);
                    chars.next();
                }
                steps.push(Step::Member(name));
            }
        }
    }
    steps
}

/// [`report`] of a Relationship model value validated as a new relationship: with its context,
/// nothing stored.
///
/// # Panics
///
/// When the value holds ([`Holds::check_with`]) and has violations, or the other way round.
pub fn report_new<T: ValidateWith<Stored> + ?Sized>(value: &T) -> Vec<String> {
    let result = value.validate_with(&Stored::NEW);
    assert_eq!(Holds::check_with(value, &Stored::NEW), result.is_ok(), "`Holds` disagrees with {result:?}");
    match result {
        Ok(()) => Vec::new(),
        Err(violations) => violations.iter().map(|v| format!("{} {}: {}", v.code(), v.target(), v.message())).collect(),
    }
}
