use validate_core::Validate;

#[derive(serde::Deserialize, Validate)]
struct Hub {
    #[serde(rename = "x")]
    #[validate(non_empty, rename = "y")]
    name: String,
}

fn main() {}
