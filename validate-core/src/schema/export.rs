//! The rules as JSON Schema keywords on [schemars]' schemas (feature `schemars`).
//!
//! schemars 1.x writes a type's shape from serde's attributes (names, `Option`, `flatten`, enum
//! taggings, `deny_unknown_fields` as `"additionalProperties": false`); [`apply`] adds the rules of
//! `#[validate]` to it. Give a type both derives and this transform:
//!
//! ```
//! use std::collections::BTreeMap;
//! use schemars::JsonSchema;
//! use validate_core::Validate;
//!
//! #[derive(serde::Deserialize, JsonSchema, Validate)]
//! #[serde(rename_all = "camelCase", deny_unknown_fields)]
//! #[schemars(transform = validate_core::schema::apply::<Self>)]
//! struct Hub {
//!     #[validate(length(min = 2, max = 64), pattern("^[a-zA-Z][a-zA-Z0-9]+$"))]
//!     hub_name: String,
//!     #[validate(localized)]
//!     display_name: BTreeMap<String, String>,
//!     #[validate(range(exclusive_min = 0, max = 10))]
//!     units: Option<u32>,
//!     #[validate(read_only)]
//!     tenant_id: Option<String>,
//! }
//!
//! let schema = serde_json::to_value(schemars::schema_for!(Hub)).unwrap();
//! let hub_name = &schema["properties"]["hubName"];
//! assert_eq!((&hub_name["minLength"], &hub_name["maxLength"]), (&2.into(), &64.into()));
//! assert_eq!(hub_name["pattern"], "^[a-zA-Z][a-zA-Z0-9]+$");
//! let display_name = &schema["properties"]["displayName"];
//! assert_eq!(display_name["minProperties"], 1);
//! assert_eq!(display_name["propertyNames"]["pattern"], "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");
//! assert_eq!(display_name["additionalProperties"]["minLength"], 1);
//! assert_eq!(schema["properties"]["units"]["exclusiveMinimum"], 0);
//! assert_eq!(schema["properties"]["tenantId"]["readOnly"], true);
//! ```
//!
//! | rule | keywords |
//! |---|---|
//! | `required` | the member in the parent's `required`, and `null` no longer accepted |
//! | `non_empty` | text: `minLength: 1` and a pattern of one character that is not white space ([`NON_BLANK`]); a collection: `minItems: 1`; a map: `minProperties: 1` |
//! | `length` | `minLength`/`maxLength` on text, `minItems`/`maxItems` on a collection, `minProperties`/`maxProperties` on a map (`equal`: both) |
//! | `range` | `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` (numbers, as 2020-12 writes them) |
//! | `pattern` | `pattern`, as written (the `regex` crate's syntax, which JSON Schema tools read as ECMA-262: keep to what both read) |
//! | `contains`, `prefix`, `suffix` | a pattern each: the text escaped, `^text`, `text$` |
//! | `not_containing`, `no_control_chars` | a pattern each: `^[^…]*$` |
//! | `one_of` | `enum` |
//! | `format(…)` | `format`, by its `OpenAPI` (`AutoRest`) name: `uuid`, `date-time` |
//! | `localized` | `minProperties: 1`; `propertyNames` with the language-tag pattern ([`LANGUAGE_TAG`]); the values as `non_empty` text |
//! | `each(…)` | the rules on `items`, or on `additionalProperties` for a map |
//! | `keys(…)` | the rules on `propertyNames` |
//! | `unique` | `uniqueItems: true`; `unique(by = field)`: `"x-ms-identifiers": ["field's wire name"]` (ARM's extension: JSON Schema cannot say it) |
//! | `read_only` | `readOnly: true` |
//! | `nested` | nothing: schemars' `$ref` to the nested type, whose own transform writes its rules |
//! | `custom`, `check`, a bound that names `ctx` | nothing: no keyword says what a function or the context decides |
//!
//! Keywords go on the field's schema: for an `Option` of a referenced type (schemars'
//! `anyOf: [{"$ref": …}, {"type": "null"}]`) on the referenced branch; `readOnly` on the field.
//! The family of `length` and `non_empty` is the schema's `type`; a schema without one (a `$ref`)
//! gets every family's keyword, each of which JSON Schema applies to its own type only. A field
//! with several patterns gets the first in `pattern` and the others in `allOf`, `pattern(…)`
//! first, then the others in the order written. An `enum` on a field that accepts `null` lists
//! `null` too. Minimums already in the schema are raised, maximums lowered, never the reverse: a
//! `u32` keeps its `minimum: 0` under `range(min = -5)`.
//!
//! Members are found by the key serde reads them from, as schemars names them in a schema of what
//! is read (its default contract); in a schema of what is written
//! (`SchemaSettings::for_serialize`), a member serde writes under another name keeps its shape but
//! not its rules. An untagged enum's variants are matched to schemars' branches by position; a
//! flattened field's rules are its type's, which its own transform writes.
//!
//! schemars also reads some items of `#[validate(…)]` itself (validator's: `length`, `range`,
//! `required`, `contains`, `regex`, `email`, `url`, `ip`); the transform runs after it, so the
//! schema says what the rules check. Where schemars' reading stops a build (`required(code =
//! …)`, `contains("x")`, a bound that names `ctx`), see "schemars and `#[validate]`" in the
//! crate's README.

use std::fmt::Write as _;

use schemars::Schema;
use serde_json::{Map, Value, json};

use super::{Bound, Describe, Description, Field, Rule, Shape, Tagging, Variant, Wire};
use crate::message::Number;

/// A pattern of one character that is not white space (`char::is_whitespace`: the 25 characters
/// of Unicode's `White_Space`), written so that ECMA-262 and the `regex` crate read it alike: what
/// `non_empty` and `localized` ask of text.
pub const NON_BLANK: &str = r"[^\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

/// The pattern of a language tag as `localized` reads one: a primary subtag of 2–8 letters, then
/// subtags of 1–8 letters or digits, joined by `-`.
pub const LANGUAGE_TAG: &str = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$";

/// The pattern of `no_control_chars`: no character of Unicode's `Cc`.
pub const NO_CONTROL_CHARS: &str = r"^[^\u0000-\u001F\u007F-\u009F]*$";

/// Adds the rules of `T` to its schema: the transform of `#[schemars(transform =
/// validate_core::schema::apply::<Self>)]`.
pub fn apply<T: Describe + ?Sized>(schema: &mut Schema) {
    apply_description(&T::describe(), schema);
}

/// Adds the rules of `description` to `schema`, the schema schemars wrote for that type.
pub fn apply_description(description: &Description, schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    match &description.shape {
        Shape::Struct(fields) => apply_fields(fields, object),
        Shape::Enum { tagging, variants } => apply_variants(*tagging, variants, object),
    }
}

/// The rules of `fields` on the schema of the struct (or variant) that has them.
fn apply_fields(fields: &[Field], object: &mut Map<String, Value>) {
    for field in fields.iter().filter(|field| !field.rules.is_empty()) {
        match field.wire {
            Wire::Member { key, .. } => {
                let mut required = false;
                let property = object.get_mut("properties").and_then(Value::as_object_mut).and_then(|p| p.get_mut(key));
                if let Some(property) = property {
                    apply_rules(property, &field.rules, &mut required);
                }
                if required {
                    add_required(object, key);
                }
            }
            Wire::Itself => {
                let mut itself = Value::Object(std::mem::take(object));
                apply_rules(&mut itself, &field.rules, &mut false);
                if let Value::Object(itself) = itself {
                    *object = itself;
                }
            }
            Wire::Item(index) => {
                let key =
                    ["prefixItems", "items"].into_iter().find(|key| object.get(*key).is_some_and(Value::is_array));
                if let Some(item) = key.and_then(|key| object.get_mut(key)?.get_mut(index)) {
                    apply_rules(item, &field.rules, &mut false);
                }
            }
            Wire::Flattened | Wire::Skipped => {}
        }
    }
}

/// The rules of each variant's fields on its branch of the enum's schema.
fn apply_variants(tagging: Tagging, variants: &[Variant], object: &mut Map<String, Value>) {
    let key = ["oneOf", "anyOf"].into_iter().find(|key| object.get(*key).is_some_and(Value::is_array));
    let Some(Value::Array(branches)) = key.and_then(|key| object.get_mut(key)) else {
        return;
    };
    if tagging == Tagging::Untagged {
        if branches.len() == variants.len() {
            for (variant, branch) in variants.iter().zip(branches.iter_mut()) {
                if let Value::Object(branch) = branch {
                    apply_fields(&variant.fields, branch);
                }
            }
        }
        return;
    }
    for variant in variants.iter().filter(|variant| variant.fields.iter().any(|field| !field.rules.is_empty())) {
        let content = branches
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .find_map(|branch| variant_content(tagging, variant.name, branch));
        if let Some(content) = content {
            apply_fields(&variant.fields, content);
        }
    }
}

/// The schema of the variant `name`'s fields in `branch`, if `branch` is that variant's.
fn variant_content<'b>(
    tagging: Tagging,
    name: &str,
    branch: &'b mut Map<String, Value>,
) -> Option<&'b mut Map<String, Value>> {
    let names_variant = |schema: &Value| {
        schema.get("const").and_then(Value::as_str) == Some(name)
            || schema.get("enum").and_then(Value::as_array).is_some_and(|values| values == &[Value::from(name)])
    };
    let tag_names_variant = |branch: &Map<String, Value>, tag: &str| {
        branch.get("properties").and_then(|properties| properties.get(tag)).is_some_and(names_variant)
    };
    match tagging {
        Tagging::External => branch.get_mut("properties")?.get_mut(name)?.as_object_mut(),
        Tagging::Internal { tag } => tag_names_variant(branch, tag).then_some(branch),
        Tagging::Adjacent { tag, content } => {
            if !tag_names_variant(branch, tag) {
                return None;
            }
            branch.get_mut("properties")?.get_mut(content)?.as_object_mut()
        }
        Tagging::Untagged => None,
    }
}

fn add_required(object: &mut Map<String, Value>, key: &str) {
    if let Value::Array(required) = object.entry("required").or_insert_with(|| Value::Array(Vec::new()))
        && !required.iter().any(|name| name == key)
    {
        required.push(key.into());
    }
}

/// The rules of one field (or item) on its schema; `required` is set when one of them is.
fn apply_rules(schema: &mut Value, rules: &[Rule], required: &mut bool) {
    if *schema == Value::Bool(true) {
        *schema = json!({});
    }
    let Value::Object(outer) = schema else {
        return;
    };
    for rule in rules {
        match rule {
            Rule::Present => *required = true,
            Rule::SetByServer => drop(outer.insert("readOnly".into(), true.into())),
            _ => {}
        }
    }
    with_value_schema(outer, |target| {
        let mut patterns = Patterns::default();
        for rule in rules {
            apply_rule(rule, target, &mut patterns);
        }
        patterns.write(target);
    });
    if *required {
        refuse_null(outer);
    } else {
        with_value_schema(outer, list_null_in_enum);
    }
}

/// Calls `f` on the schema of the value itself: the non-null branch of schemars'
/// `anyOf: [X, {"type": "null"}]`, or the schema.
fn with_value_schema(outer: &mut Map<String, Value>, f: impl FnOnce(&mut Map<String, Value>)) {
    if let Some(index) = non_null_branch(outer)
        && let Some(Value::Array(branches)) = outer.get_mut("anyOf")
        && let Some(Value::Object(branch)) = branches.get_mut(index)
    {
        f(branch);
        return;
    }
    f(outer);
}

/// The index of `X` in `anyOf: [X, {"type": "null"}]` (in either order).
fn non_null_branch(schema: &Map<String, Value>) -> Option<usize> {
    let branches = schema.get("anyOf")?.as_array()?;
    let is_null = |branch: &Value| branch.get("type").and_then(Value::as_str) == Some("null");
    match branches.as_slice() {
        [first, second] if is_null(second) && !is_null(first) => Some(0),
        [first, second] if is_null(first) && !is_null(second) => Some(1),
        _ => None,
    }
}

/// The JSON types a schema accepts, from its `type`; `None` when it does not say.
fn types(schema: &Map<String, Value>) -> Option<Vec<&str>> {
    match schema.get("type")? {
        Value::String(name) => Some(vec![name.as_str()]),
        Value::Array(names) => Some(names.iter().filter_map(Value::as_str).collect()),
        _ => None,
    }
}

/// Which of text, collection and map the schema may be: all three when its type is not known.
fn families(schema: &Map<String, Value>) -> [bool; 3] {
    match types(schema) {
        Some(types) => ["string", "array", "object"].map(|family| types.contains(&family)),
        None => [true; 3],
    }
}

/// The keywords of `length`'s bounds and of `non_empty`, by family: text, collection, map.
const LENGTH_KEYWORDS: [(&str, &str); 3] =
    [("minLength", "maxLength"), ("minItems", "maxItems"), ("minProperties", "maxProperties")];

/// One rule on the schema of the value (`required` and `read_only` are the field's).
fn apply_rule(rule: &Rule, target: &mut Map<String, Value>, patterns: &mut Patterns) {
    match rule {
        Rule::Present | Rule::SetByServer | Rule::Nested | Rule::Custom(_) => {}
        Rule::NotEmpty => non_empty(target, patterns),
        Rule::Length { min, max } => {
            let which = families(target);
            for ((min_key, max_key), _) in LENGTH_KEYWORDS.iter().zip(which).filter(|(_, on)| *on) {
                if let Some(Bound::Value(min)) = min {
                    raise(target, min_key, (*min).into());
                }
                if let Some(Bound::Value(max)) = max {
                    lower(target, max_key, (*max).into());
                }
            }
        }
        Rule::Range { min, max, exclusive_min, exclusive_max } => {
            let value = |bound: &Option<Bound<Number>>| bound.as_ref().and_then(Bound::value).and_then(number);
            for (key, bound, up) in [
                ("minimum", min, true),
                ("exclusiveMinimum", exclusive_min, true),
                ("maximum", max, false),
                ("exclusiveMaximum", exclusive_max, false),
            ] {
                match value(bound) {
                    Some(bound) if up => raise(target, key, bound),
                    Some(bound) => lower(target, key, bound),
                    None => {}
                }
            }
        }
        Rule::Pattern(pattern) => patterns.first.push((*pattern).to_owned()),
        Rule::Contains(text) => {
            patterns.then.push(literal(text));
            patterns.replaces.push(schemars_escape(text));
        }
        Rule::Prefix(text) => patterns.then.push(format!("^{}", literal(text))),
        Rule::Suffix(text) => patterns.then.push(format!("{}$", literal(text))),
        Rule::NotContaining(chars) => patterns.then.push(format!("^[^{}]*$", class(chars))),
        Rule::NoControlChars => patterns.then.push(NO_CONTROL_CHARS.to_owned()),
        Rule::OneOf(values) => drop(target.insert("enum".into(), values.iter().copied().map(Value::from).collect())),
        Rule::Format(format) => drop(target.insert("format".into(), format.name().into())),
        Rule::Localized => localized(target),
        Rule::EachItem(inner) => {
            let items = match target.get("items") {
                Some(Value::Object(_) | Value::Bool(true)) => target.get_mut("items"),
                _ => target.get_mut("additionalProperties").filter(|values| values.is_object() || **values == true),
            };
            if let Some(items) = items {
                apply_rules(items, inner, &mut false);
            }
        }
        Rule::EachKey(inner) => {
            let mut keys = json!({ "type": "string" });
            apply_rules(&mut keys, inner, &mut false);
            if let Value::Object(mut keys) = keys {
                keys.remove("type");
                merge_property_names(target, keys);
            }
        }
        Rule::Unique { by: None, .. } => drop(target.insert("uniqueItems".into(), true.into())),
        Rule::Unique { by: Some(by), .. } => drop(target.insert("x-ms-identifiers".into(), json!([by]))),
    }
}

/// `non_empty` on the schema of a value whose family may be text, a collection or a map.
fn non_empty(target: &mut Map<String, Value>, patterns: &mut Patterns) {
    let [text, items, entries] = families(target);
    if text {
        raise(target, "minLength", 1.into());
        patterns.then.push(NON_BLANK.to_owned());
    }
    if items {
        raise(target, "minItems", 1.into());
    }
    if entries {
        raise(target, "minProperties", 1.into());
    }
}

/// `localized`: an entry at least, language tags as keys, non-blank text as values.
fn localized(target: &mut Map<String, Value>) {
    raise(target, "minProperties", 1.into());
    merge_property_names(target, Map::from_iter([("pattern".to_owned(), LANGUAGE_TAG.into())]));
    if let Some(values) = target.get_mut("additionalProperties").filter(|values| values.is_object()) {
        apply_rules(values, &[Rule::NotEmpty], &mut false);
    }
}

/// Adds `keywords` to the schema's `propertyNames`, a pattern beside another in `allOf`.
fn merge_property_names(target: &mut Map<String, Value>, keywords: Map<String, Value>) {
    let names = target.entry("propertyNames").or_insert_with(|| json!({}));
    let Value::Object(names) = names else {
        return;
    };
    for (key, value) in keywords {
        if key == "pattern"
            && let Some(earlier) = names.get("pattern")
            && *earlier != value
        {
            push_all_of(names, json!({ "pattern": value }));
        } else {
            names.insert(key, value);
        }
    }
}

/// The patterns of one value, written once its rules are read: `pattern(…)`s first.
#[derive(Default)]
struct Patterns {
    /// `pattern(…)`, in the order written.
    first: Vec<String>,
    /// The patterns of the other rules, in the order written.
    then: Vec<String>,
    /// Patterns schemars wrote for a rule that is here too (its escape of `contains`' text).
    replaces: Vec<String>,
}

impl Patterns {
    fn write(self, target: &mut Map<String, Value>) {
        let mut all: Vec<String> = Vec::new();
        if let Some(Value::String(earlier)) = target.get("pattern")
            && !self.replaces.contains(earlier)
        {
            all.push(earlier.clone());
        }
        for pattern in self.first.into_iter().chain(self.then) {
            if !all.contains(&pattern) {
                all.push(pattern);
            }
        }
        let mut all = all.into_iter();
        let Some(first) = all.next() else {
            return;
        };
        target.insert("pattern".into(), first.into());
        for pattern in all {
            push_all_of(target, json!({ "pattern": pattern }));
        }
    }
}

fn push_all_of(target: &mut Map<String, Value>, schema: Value) {
    if let Value::Array(all_of) = target.entry("allOf").or_insert_with(|| Value::Array(Vec::new()))
        && !all_of.contains(&schema)
    {
        all_of.push(schema);
    }
}

/// `required`: the value may not be `null` any more (serde reads `null` as `None`).
fn refuse_null(outer: &mut Map<String, Value>) {
    if let Some(index) = non_null_branch(outer)
        && let Some(Value::Array(mut branches)) = outer.remove("anyOf")
        && let Value::Object(branch) = branches.swap_remove(index)
    {
        for (key, value) in branch {
            outer.entry(key).or_insert(value);
        }
    }
    if let Some(Value::Array(types)) = outer.get_mut("type") {
        types.retain(|name| name != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            outer.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(values)) = outer.get_mut("enum") {
        values.retain(|value| !value.is_null());
    }
    if outer.get("default") == Some(&Value::Null) {
        outer.remove("default");
    }
}

/// An `enum` on a schema whose type accepts `null` lists `null`, or it would refuse what the
/// type accepts.
fn list_null_in_enum(target: &mut Map<String, Value>) {
    let nullable = types(target).is_some_and(|types| types.contains(&"null"));
    if nullable
        && let Some(Value::Array(values)) = target.get_mut("enum")
        && !values.contains(&Value::Null)
    {
        values.push(Value::Null);
    }
}

/// Sets `key` to `bound` unless the schema already has a greater one.
fn raise(target: &mut Map<String, Value>, key: &str, bound: Value) {
    if !target.get(key).and_then(Value::as_f64).zip(bound.as_f64()).is_some_and(|(earlier, new)| earlier > new) {
        target.insert(key.to_owned(), bound);
    }
}

/// Sets `key` to `bound` unless the schema already has a smaller one.
fn lower(target: &mut Map<String, Value>, key: &str, bound: Value) {
    if !target.get(key).and_then(Value::as_f64).zip(bound.as_f64()).is_some_and(|(earlier, new)| earlier < new) {
        target.insert(key.to_owned(), bound);
    }
}

/// A bound as a JSON number: integers as integers, floats as their shortest decimal (an `f32`'s
/// `0.1` stays `0.1`).
fn number(bound: &Number) -> Option<Value> {
    let float = |text: &str| text.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number);
    match bound {
        Number::Signed(n) => Some((*n).into()),
        Number::Unsigned(n) => Some((*n).into()),
        Number::F32(n) => float(&n.to_string()),
        Number::F64(n) => serde_json::Number::from_f64(*n).map(Value::Number),
        Number::Other(text) => float(text),
    }
}

/// `text` as a regular expression that matches it literally, in a syntax that ECMA-262 (with or
/// without its `u` flag) and the `regex` crate read alike: their syntax characters escaped with
/// `\`, control characters as `\uXXXX`.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_literal(&mut out, c, false);
    }
    out
}

/// The characters of `chars` for a class (`[^…]`): `-`, `&` and `~`, which the `regex` crate
/// reads as set operations there, are written `\uXXXX`, as ECMA-262's `u` flag allows no other
/// escape of them.
fn class(chars: &str) -> String {
    let mut out = String::with_capacity(chars.len());
    for c in chars.chars() {
        push_literal(&mut out, c, true);
    }
    out
}

fn push_literal(out: &mut String, c: char, in_class: bool) {
    match c {
        '\\' | '^' | '$' | '.' | '|' | '?' | '*' | '+' | '(' | ')' | '[' | ']' | '{' | '}' => {
            out.push('\\');
            out.push(c);
        }
        '-' | '&' | '~' if in_class => unicode_escape(out, c),
        c if c.is_control() => unicode_escape(out, c),
        c => out.push(c),
    }
}

/// `\uXXXX`, as both ECMA-262 and the `regex` crate read a character of the first plane.
fn unicode_escape(out: &mut String, c: char) {
    // Writing into a `String` cannot fail.
    let _ = write!(out, "\\u{:04X}", u32::from(c));
}

/// The pattern schemars writes for `contains(pattern = "text")` (`regex_syntax::escape`), which
/// the transform replaces with its own.
fn schemars_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '.' | '+' | '*' | '?' | '(' | ')' | '|' | '[' | ']' | '{' | '}' | '^' | '$' | '#' | '&' | '-' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
