use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(max = 10, code = NameTooLong))]
    name: String,
}

fn main() {}
