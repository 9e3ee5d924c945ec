use validate_core::Validate;

#[derive(Validate)]
#[validate(non_empty)]
struct Hub {
    name: String,
}

fn main() {}
