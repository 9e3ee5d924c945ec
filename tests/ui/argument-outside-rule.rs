use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(max = 10)]
    name: String,
}

fn main() {}
