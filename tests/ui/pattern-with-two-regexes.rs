use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(pattern("^[a-z]+$", "^[0-9]+$"))]
    name: String,
}

fn main() {}
