use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(not_containing)]
    name: String,
}

fn main() {}
