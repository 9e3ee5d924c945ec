use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(max = 10, max = 20))]
    name: String,
}

fn main() {}
