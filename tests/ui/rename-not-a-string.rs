use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(rename = wireName, non_empty)]
    name: String,
}

fn main() {}
