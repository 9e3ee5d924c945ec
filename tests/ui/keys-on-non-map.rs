use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(keys(length(max = 8)))]
    tags: Vec<String>,
}

fn main() {}
