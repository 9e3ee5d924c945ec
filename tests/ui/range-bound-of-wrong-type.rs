use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(range(min = 0.5, max = 10))]
    quota: u32,
}

fn main() {}
