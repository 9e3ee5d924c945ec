use validate_core::Validate;

struct Mapping {
    name: String,
}

#[derive(Validate)]
struct TypeMapping {
    #[validate(unique(by = name))]
    mappings: Vec<Mapping>,
}

fn main() {}
