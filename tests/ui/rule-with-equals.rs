use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length = 10)]
    name: String,
}

fn main() {}
