use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(prefix("x"))]
    count: u32,
}

fn main() {}
