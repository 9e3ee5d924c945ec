use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(suffix(""))]
    file: String,
}

fn main() {}
