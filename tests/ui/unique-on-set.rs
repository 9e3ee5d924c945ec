use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(unique)]
    tags: std::collections::HashSet<String>,
}

fn main() {}
