use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(each(non_empty))]
    name: String,
}

fn main() {}
