use validate_core::Validate;

#[derive(Validate)]
struct Scope {
    #[validate(format(resource_id))]
    id: String,
}

fn main() {}
