use validate_core::Validate;

#[derive(Validate)]
struct Relationship {
    #[validate(one_of)]
    cardinality: String,
}

fn main() {}
