use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(pattern("^[a-z+$"))]
    name: String,
}

fn main() {}
