use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(each)]
    tags: Vec<String>,
}

fn main() {}
