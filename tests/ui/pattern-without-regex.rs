use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(pattern)]
    name: String,
}

fn main() {}
