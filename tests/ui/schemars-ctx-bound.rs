//! schemars pastes a `length` bound into its own code: one that names the context, `ctx`, is a
//! compile error there. The README says what to write instead: `custom(f)`, which takes the context.

use schemars::JsonSchema;
use validate_core::Validate;

struct Plan {
    limit: usize,
}

#[derive(serde::Deserialize, JsonSchema, Validate)]
#[validate(context = Plan)]
struct Hub {
    #[validate(length(max = ctx.limit))]
    name: String,
}

fn main() {}
