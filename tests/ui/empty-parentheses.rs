use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(non_empty())]
    name: String,
}

fn main() {}
