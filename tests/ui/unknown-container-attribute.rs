use validate_core::Validate;

#[derive(Validate)]
#[validate(deny_unknown_fields)]
struct Hub {
    name: String,
}

fn main() {}
