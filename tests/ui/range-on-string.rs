use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(range(min = 1, max = 10))]
    name: String,
}

fn main() {}
