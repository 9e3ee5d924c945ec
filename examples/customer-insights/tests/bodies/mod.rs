//! Request bodies for the tests that answer many: the examples' corpus, a few bodies written here,
//! and every mutation of the corpus's two valid bodies (each member and item removed, given each
//! JSON type, given `null`, and repeated), each with a label that says what it is.

use std::path::Path;

use serde_json::{Value, json};

/// Every body, labelled, in a fixed order: the bodies written here, the corpus's files by name,
/// then the mutations of `full-valid.json` and of `official-example.json`.
pub fn labelled() -> Vec<(String, Vec<u8>)> {
    let written: [(&str, &[u8]); 8] = [
        (
            "the README's seven problems",
            br#"{"properties":{"cardinality":"OneToFew","displayName":{"en us":"x"},"profileType":"","fields":[{"fieldName":7}],"colour":"red"}}"#,
        ),
        (
            "properties twice",
            br#"{"properties":{"profileType":"A"},"properties":{"displayName":{"en-us":"x"},"profileType":"A","relatedProfileType":"B"}}"#,
        ),
        (
            "read-only id and tenantId",
            br#"{"id":"x","properties":{"displayName":{"en":"x"},"profileType":"A","relatedProfileType":"B","tenantId":"t"}}"#,
        ),
        ("empty", b""),
        ("cut short", b"{\"properties\":"),
        ("an array", b"[]"),
        ("null", b"null"),
        ("not UTF-8", b"\xff"),
    ];
    let mut bodies: Vec<(String, Vec<u8>)> =
        written.iter().map(|(label, body)| ((*label).to_owned(), body.to_vec())).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().path()).collect();
    files.sort();
    for file in files.iter().filter(|file| file.extension().is_some_and(|ext| ext == "json")) {
        let name = file.file_name().unwrap().to_string_lossy();
        bodies.push((format!("corpus/{name}"), std::fs::read(file).unwrap()));
    }
    for valid in ["full-valid.json", "official-example.json"] {
        let value: Value = serde_json::from_slice(&std::fs::read(dir.join(valid)).unwrap()).unwrap();
        bodies.extend(mutations(&value).into_iter().map(|(label, body)| (format!("{valid}: {label}"), body)));
    }
    bodies
}

/// Every mutation of `valid`, labelled: each member and item removed, given each JSON type,
/// given `null`, and repeated.
fn mutations(valid: &Value) -> Vec<(String, Vec<u8>)> {
    let mut bodies = Vec::new();
    let replacements = [
        json!(null),
        json!(7),
        json!(-1.5),
        json!(""),
        json!(" "),
        json!(true),
        json!([]),
        json!({}),
        json!(["x"]),
        json!({"x": "y"}),
    ];
    for path in paths(valid, &mut Vec::new()) {
        let at = target(&path);
        bodies.push((format!("{at} removed"), serde_json::to_vec(&removed(valid, &path)).unwrap()));
        for replacement in &replacements {
            let body = serde_json::to_vec(&replaced(valid, &path, replacement.clone())).unwrap();
            bodies.push((format!("{at} = {replacement}"), body));
        }
        bodies.push((format!("{at} repeated"), repeated(valid, &path).into_bytes()));
    }
    bodies
}

/// One step into a JSON value.
#[derive(Clone)]
enum Step {
    Member(String),
    Item(usize),
}

/// A path as a target writes it: `properties.fields[0].fieldName`, `properties.displayName['en-us']`
/// for the keys of a map (any member whose name is not a plain identifier).
fn target(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Member(key) if key.chars().all(|c| c.is_ascii_alphanumeric()) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Member(key) => {
                out.push_str("['");
                out.push_str(key);
                out.push_str("']");
            }
            Step::Item(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// The path of every member and item below `value`.
fn paths(value: &Value, at: &mut Vec<Step>) -> Vec<Vec<Step>> {
    let children: Vec<(Step, &Value)> = match value {
        Value::Object(members) => members.iter().map(|(key, value)| (Step::Member(key.clone()), value)).collect(),
        Value::Array(items) => items.iter().enumerate().map(|(i, item)| (Step::Item(i), item)).collect(),
        _ => Vec::new(),
    };
    let mut found = Vec::new();
    for (step, child) in children {
        at.push(step);
        found.push(at.clone());
        found.extend(paths(child, at));
        at.pop();
    }
    found
}

/// The parent of the place `path` names, and its last step.
fn parent<'v>(value: &'v mut Value, path: &[Step]) -> (&'v mut Value, Step) {
    let (last, parents) = path.split_last().unwrap();
    let mut here = value;
    for step in parents {
        here = match step {
            Step::Member(key) => &mut here[key.as_str()],
            Step::Item(i) => &mut here[*i],
        };
    }
    (here, last.clone())
}

fn removed(valid: &Value, path: &[Step]) -> Value {
    let mut value = valid.clone();
    match parent(&mut value, path) {
        (Value::Object(members), Step::Member(key)) => drop(members.remove(&key)),
        (Value::Array(items), Step::Item(i)) => drop(items.remove(i)),
        _ => unreachable!("a path names a member or an item"),
    }
    value
}

fn replaced(valid: &Value, path: &[Step], replacement: Value) -> Value {
    let mut value = valid.clone();
    match parent(&mut value, path) {
        (parent, Step::Member(key)) => parent[key.as_str()] = replacement,
        (parent, Step::Item(i)) => parent[i] = replacement,
    }
    value
}

/// The body with the member at `path` (or the member an item is in) given twice, its first copy
/// `null`.
fn repeated(valid: &Value, path: &[Step]) -> String {
    let Some(depth) = path.iter().rposition(|step| matches!(step, Step::Member(_))) else {
        return valid.to_string();
    };
    let Step::Member(key) = &path[depth] else { unreachable!("found as a member") };
    let sentinel = "\u{1}repeat\u{1}";
    let mut marked = valid.clone();
    let (object, _) = parent(&mut marked, &path[..=depth]);
    let original = object[key.as_str()].to_string();
    object[key.as_str()] = json!(sentinel);
    let name = serde_json::to_string(key).unwrap();
    let placeholder = format!("{name}:{}", serde_json::to_string(sentinel).unwrap());
    marked.to_string().replacen(&placeholder, &format!("{name}:null,{name}:{original}"), 1)
}
