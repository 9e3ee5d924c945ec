use schemars::JsonSchema;
use validate_core::Validate;

#[derive(serde::Deserialize, JsonSchema, Validate)]
struct Hub {
    // The schema would say 5, the model checks 10.
    #[schemars(length(max = 5))]
    #[validate(length(max = 10))]
    name: String,
    // The model checks no range at all.
    #[schemars(range(min = 1))]
    units: u32,
    // An inclusive bound in the schema, an exclusive one in the model.
    #[schemars(range(min = 0))]
    #[validate(range(exclusive_min = 0))]
    quota: f64,
    #[schemars(email)]
    #[validate(non_empty)]
    contact: String,
    // On the items: 3 in the schema, 4 in the model.
    #[schemars(inner(length(max = 3)))]
    #[validate(each(length(max = 4)))]
    tags: Vec<String>,
    // Said alike: accepted.
    #[schemars(length(min = 1), pattern("^[a-z]+$"), required)]
    #[validate(required, length(min = 1), pattern("^[a-z]+$"))]
    slug: Option<String>,
}

fn main() {}
