use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(no_control_chars)]
    count: u32,
}

fn main() {}
