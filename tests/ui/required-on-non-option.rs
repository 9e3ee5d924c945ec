use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(required)]
    name: String,
}

fn main() {}
