use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(unique(ignore_case = true))]
    tags: Vec<String>,
}

fn main() {}
