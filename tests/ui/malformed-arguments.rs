use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(max = ))]
    name: String,
}

fn main() {}
