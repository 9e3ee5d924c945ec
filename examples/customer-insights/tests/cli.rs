//! `customer-insights check`: output and exit codes.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_customer-insights"))
}

fn corpus(name: &str) -> String {
    format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_valid_file_prints_valid_and_exits_0() {
    let output = bin().args(["check", &corpus("full-valid.json")]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "valid\n");
    assert!(output.stderr.is_empty());
}

#[test]
fn an_invalid_file_prints_the_payload_and_exits_1() {
    let output = bin().args(["check", &corpus("broken-several.json")]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let payload: validate_core::ErrorResponse = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(payload.error.details.len(), 6);
    // One line, the bytes a `PUT` to a new name answers.
    let body = std::fs::read(corpus("broken-several.json")).unwrap();
    let expected = serde_json::to_string(&validate_core::ErrorResponse::from(
        customer_insights::check::answer(&body).unwrap_err(),
    ))
    .unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), format!("{expected}\n"));
}

#[test]
fn standard_input_is_read_for_a_dash_or_no_file() {
    let body = std::fs::read(corpus("official-example.json")).unwrap();
    for args in [&["check", "-"][..], &["check"][..]] {
        let output = with_stdin(args, &body);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(output.stdout, b"valid\n");
    }
    let output = with_stdin(&["check"], b"not json");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stdout).unwrap().contains("is not valid JSON"));
}

#[test]
fn a_missing_file_is_an_error_on_stderr_with_exit_2() {
    let output = bin().args(["check", "/nonexistent/body.json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8(output.stderr).unwrap().contains("cannot read /nonexistent/body.json"));
}

#[test]
fn a_usage_error_exits_2() {
    let output = bin().args(["check", "a", "b"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = bin().args(["--no-such-flag"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

#[test]
fn help_names_both_commands() {
    let output = bin().arg("--help").output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.contains("serve") && help.contains("check") && help.contains("--max-body-bytes"), "{help}");
}

#[test]
fn a_timeout_flag_over_a_day_is_a_usage_error() {
    // `u64::MAX` seconds of header timeout made every connection's task panic; clap refuses it
    // (and anything over a day) before the server starts, as it refuses 0.
    let flags = ["--header-timeout-secs", "--body-timeout-secs", "--write-timeout-secs", "--shutdown-deadline-secs"];
    for flag in flags {
        for value in ["18446744073709551615", "86401"] {
            let output = bin().args(["serve", "--addr", "127.0.0.1:0", flag, value]).output().unwrap();
            assert_eq!(output.status.code(), Some(2), "{flag} {value}");
            assert!(output.stdout.is_empty());
            let stderr = String::from_utf8(output.stderr).unwrap();
            assert!(stderr.contains(&format!("invalid value '{value}' for '{flag}")), "{stderr}");
            assert!(stderr.contains("86400"), "{stderr}");
        }
    }
    let output = bin().args(["--write-timeout-secs", "0"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("--write-timeout-secs"));
}

#[test]
fn check_answers_in_the_language_asked_for() {
    let body = std::fs::read(corpus("broken-several.json")).unwrap();
    let english = bin().args(["check", &corpus("broken-several.json")]).output().unwrap();
    let languages = customer_insights::locales::languages();
    for (flag, tag) in
        [("de", "de"), ("ja", "ja"), ("DE", "de"), ("de-AT", "de"), ("ja-JP", "ja"), ("en", "en"), ("en-GB", "en")]
    {
        let output = bin().args(["check", "--lang", flag, &corpus("broken-several.json")]).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{flag}");
        let expected = customer_insights::check::check_in(&body, &languages.get(tag).unwrap()).output;
        assert_eq!(String::from_utf8(output.stdout.clone()).unwrap(), format!("{expected}\n"), "{flag}");
        assert_eq!(output.stdout == english.stdout, tag == "en", "{flag}");
    }
    let output = bin().args(["check", "--lang", "de", &corpus("full-valid.json")]).output().unwrap();
    assert_eq!((output.status.code(), output.stdout), (Some(0), b"valid\n".to_vec()));
}

#[test]
fn an_unknown_language_is_a_usage_error_naming_those_spoken() {
    let output = bin().args(["check", "--lang", "fr", &corpus("broken-several.json")]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("invalid value 'fr' for '--lang <TAG>'"), "{stderr}");
    assert!(stderr.contains("the service speaks en, de, ja"), "{stderr}");
}

#[test]
fn check_gives_additional_info_when_asked_for() {
    let with =
        bin().args(["check", "--additional-info", "--lang", "ja", &corpus("broken-shape.json")]).output().unwrap();
    let without = bin().args(["check", "--lang", "ja", &corpus("broken-shape.json")]).output().unwrap();
    let with: serde_json::Value = serde_json::from_slice(&with.stdout).unwrap();
    let without: serde_json::Value = serde_json::from_slice(&without.stdout).unwrap();
    let detail = &with["error"]["details"][0];
    assert_eq!(detail["additionalInfo"][0]["type"], "ValidationRule", "{with}");
    assert_eq!(detail["additionalInfo"][0]["info"]["messageId"], "one-of", "{with}");
    assert!(without["error"]["details"][0].get("additionalInfo").is_none(), "{without}");
    let help = String::from_utf8(bin().args(["check", "--help"]).output().unwrap().stdout).unwrap();
    assert!(help.contains("--lang <TAG>") && help.contains("--additional-info"), "{help}");
    let help = String::from_utf8(bin().args(["serve", "--help"]).output().unwrap().stdout).unwrap();
    assert!(help.contains("--additional-info"), "{help}");
}

#[test]
fn schema_prints_the_swagger_definitions() {
    let output = bin().arg("schema").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed, customer_insights::schema::swagger2());
    let definitions = printed["definitions"].as_object().unwrap();
    let names: Vec<&str> = definitions.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "Cardinality",
            "ProfileEnumValidValuesFormat",
            "PropertyDefinition",
            "ProvisioningState",
            "RelationshipDefinition",
            "RelationshipResourceFormat",
            "RelationshipTypeFieldMapping",
            "RelationshipTypeMapping",
        ]
    );
    // Swagger 2.0: references into `definitions`, no `null` type, no `propertyNames`.
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("\"$ref\": \"#/definitions/RelationshipDefinition\""));
    assert!(!text.contains("\"null\"") && !text.contains("propertyNames") && !text.contains("$schema"));
    let display_name = &printed["definitions"]["RelationshipDefinition"]["properties"]["displayName"];
    assert_eq!(display_name["minProperties"], 1);
}

#[test]
fn schema_prints_json_schema_when_asked() {
    let output = bin().args(["schema", "--dialect", "2020-12"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(printed, customer_insights::schema::json_schema());
    let display_name = &printed["$defs"]["RelationshipDefinition"]["properties"]["displayName"];
    assert_eq!(display_name["propertyNames"]["pattern"], validate_core::schema::export::LANGUAGE_TAG);
    let output = bin().args(["schema", "--dialect", "openapi3"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// The README's example of `check` ("Every problem in one response"): the body it pipes in gives
/// the payload it shows, compared as JSON (the README formats it).
#[test]
fn the_readme_example_prints_the_payload_the_readme_shows() {
    let readme = include_str!("../../../README.md");
    let command = readme.split("```console\n$ echo '").nth(1).and_then(|rest| rest.split("' | cargo run").next());
    let body = command.expect("the README pipes a body into check");
    let shown =
        readme.split("It prints one line, the bytes a `PUT`").nth(1).and_then(|rest| rest.split("```json\n").nth(1));
    let shown = shown.and_then(|rest| rest.split("\n```").next()).expect("the README shows the payload");
    let output = with_stdin(&["check"], body.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed, serde_json::from_str::<serde_json::Value>(shown).unwrap());
    let printed_text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(printed_text.lines().count(), 1, "one line");
    assert!(printed_text.ends_with('\n'));
}

/// The README's excerpt of `schema` ("The rules as a schema"): every member it shows is what the
/// binary prints, and so are the definition's other keywords; `...` stands for the members left out.
#[test]
fn the_readme_schema_excerpt_is_what_schema_prints() {
    let readme = include_str!("../../../README.md");
    let excerpt =
        readme.split("```json\n\"RelationshipDefinition\": {").nth(1).and_then(|rest| rest.split("\n```").next());
    let excerpt = excerpt.expect("the README shows a part of RelationshipDefinition");
    // The excerpt as JSON: the line `...` and the comma before it taken out.
    let lines: Vec<&str> = excerpt.lines().collect();
    let mut json = String::from("{");
    for (i, line) in lines.iter().enumerate() {
        if line.trim() == "..." {
            continue;
        }
        let before_ellipsis = lines.get(i + 1).is_some_and(|next| next.trim() == "...");
        json.push_str(if before_ellipsis { line.trim_end_matches(',') } else { line });
        json.push('\n');
    }
    let shown: serde_json::Value = serde_json::from_str(&json).unwrap();
    let output = bin().arg("schema").output().unwrap();
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let definition = &printed["definitions"]["RelationshipDefinition"];
    for (keyword, value) in shown.as_object().unwrap() {
        if keyword == "properties" {
            for (member, schema) in value.as_object().unwrap() {
                assert_eq!(&definition["properties"][member], schema, "{member}");
            }
        } else {
            assert_eq!(&definition[keyword], value, "{keyword}");
        }
    }
}
