use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(localized)]
    names: std::collections::HashMap<String, u32>,
}

fn main() {}
