//! Helpers shared by the integration suites in `tests/`, and the body of the fuzz target.

use customer_insights::model::RelationshipResourceFormat;
use validate_core::{ErrorDetail, ErrorResponse, Validate, Violations, from_json};

/// `(code, target)` of every violation, in order.
pub fn codes_and_targets(violations: &Violations) -> Vec<(String, String)> {
    violations.iter().map(|v| (v.code().to_owned(), v.target().to_owned())).collect()
}

/// `code target: message` of every violation of `value`, in order; empty when valid.
pub fn report<T: Validate + ?Sized>(value: &T) -> Vec<String> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(violations) => violations.iter().map(|v| format!("{} {}: {}", v.code(), v.target(), v.message())).collect(),
    }
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

fn is_hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The fuzz target's body (`fuzz/fuzz_targets/from_json.rs`), also run by the test suite: any
/// bytes through `from_json` for the Relationship model never panic, and either read as a valid
/// relationship or give a well-formed ARM error, the same bytes each time.
///
/// # Panics
///
/// When any of that does not hold: that is what the fuzzer looks for.
pub fn fuzz_from_json(bytes: &[u8]) {
    match from_json::<RelationshipResourceFormat>(bytes) {
        Ok(value) => assert!(value.validate().is_ok(), "from_json returned an invalid value"),
        Err(error) => {
            assert_well_formed(&error);
            let again = from_json::<RelationshipResourceFormat>(bytes).err();
            assert_eq!(again.as_ref(), Some(&error), "the same bytes must give the same error");
        }
    }
}
