use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(non_empty(message = 42))]
    name: String,
}

fn main() {}
