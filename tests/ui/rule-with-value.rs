use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(required = true)]
    name: Option<String>,
}

fn main() {}
