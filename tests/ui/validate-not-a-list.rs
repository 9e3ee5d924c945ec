use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate]
    name: String,
}

fn main() {}
