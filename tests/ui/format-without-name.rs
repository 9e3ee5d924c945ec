use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(format)]
    id: String,
}

fn main() {}
