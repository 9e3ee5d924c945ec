use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(rename = "displayName", rename = "title")]
    name: String,
}

fn main() {}
