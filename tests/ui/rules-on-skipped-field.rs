use serde::Deserialize;
use validate_core::Validate;

#[derive(Deserialize, Validate)]
struct Hub {
    #[serde(skip_deserializing)]
    #[validate(non_empty)]
    name: String,
}

fn main() {}
