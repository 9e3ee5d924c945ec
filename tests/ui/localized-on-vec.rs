use validate_core::Validate;

#[derive(Validate)]
struct Definition {
    #[validate(localized)]
    display_names: Vec<String>,
}

fn main() {}
