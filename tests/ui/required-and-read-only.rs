use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(required, read_only)]
    id: Option<String>,
}

fn main() {}
