use validate_core::Validate;

#[derive(Validate)]
struct Item {
    #[validate(non_empty)]
    name: String,
}

#[derive(Validate)]
struct Hub {
    #[validate(nested, each(nested))]
    items: Vec<Item>,
}

fn main() {}
