use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(non_empty(max = 10))]
    name: String,
}

fn main() {}
