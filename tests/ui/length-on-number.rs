use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(length(max = 10))]
    quota: u32,
}

fn main() {}
