//! schemars reads `#[validate(…)]` too (validator's items), and stops the build on two of ours:
//! `required` with arguments, and `contains("…")`. The README says what to write instead:
//! `required` bare, `contains(pattern = "…")`.

use schemars::JsonSchema;
use validate_core::Validate;

#[derive(serde::Deserialize, JsonSchema, Validate)]
struct Hub {
    #[validate(required(code = "NoName"))]
    name: Option<String>,
    #[validate(contains("/"))]
    path: String,
}

fn main() {}
