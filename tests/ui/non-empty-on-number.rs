use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(non_empty)]
    quota: u32,
}

fn main() {}
