use validate_core::Validate;

#[derive(Validate)]
struct Mapping {
    #[validate(non_empty)]
    name: String,
}

#[derive(Validate)]
struct TypeMapping {
    #[validate(unique(by = nme))]
    mappings: Vec<Mapping>,
}

fn main() {}
