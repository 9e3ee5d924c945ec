use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(10)]
    name: String,
}

fn main() {}
