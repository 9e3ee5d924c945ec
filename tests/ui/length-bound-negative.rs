use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(min = -1))]
    name: String,
}

fn main() {}
