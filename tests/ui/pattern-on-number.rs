use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(pattern("^[0-9]+$"))]
    quota: u32,
}

fn main() {}
