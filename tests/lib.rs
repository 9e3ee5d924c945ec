//! Helpers shared by the integration suites in `tests/`.

use validate_core::{Validate, Violations};

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
