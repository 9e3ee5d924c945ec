use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(min = 10, max = 2))]
    name: String,
}

fn main() {}
