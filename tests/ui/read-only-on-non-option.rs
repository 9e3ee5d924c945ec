use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(read_only)]
    id: String,
}

fn main() {}
