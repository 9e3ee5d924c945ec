use validate_core::Validate;

struct Mapping {
    name: String,
}

#[derive(Validate)]
struct TypeMapping {
    #[validate(nested)]
    mapping: Mapping,
}

fn main() {}
