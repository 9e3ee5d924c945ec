use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(each(required))]
    tags: Vec<Option<String>>,
}

fn main() {}
