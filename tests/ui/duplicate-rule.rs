use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(min = 1), length(max = 10))]
    name: String,
}

fn main() {}
