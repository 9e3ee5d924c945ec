use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(unique(by = "name"))]
    mappings: Vec<Mapping>,
}

#[derive(Validate)]
struct Mapping {
    #[validate(non_empty)]
    name: String,
}

fn main() {}
