use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(custom)]
    name: String,
}

fn main() {}
