use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length)]
    name: String,
}

fn main() {}
