use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(max = 10, code = "name_too_long"))]
    name: String,
}

fn main() {}
