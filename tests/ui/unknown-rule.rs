use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(email)]
    contact: String,
}

fn main() {}
