use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(min = 1, equal = 8))]
    code: String,
}

fn main() {}
