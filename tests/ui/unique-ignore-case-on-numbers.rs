use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(unique(ignore_case))]
    ports: Vec<u16>,
}

fn main() {}
