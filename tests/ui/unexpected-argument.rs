use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(mn = 1, max = 10))]
    name: String,
}

fn main() {}
