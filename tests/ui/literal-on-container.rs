use validate_core::Validate;

#[derive(Validate)]
#[validate("check")]
struct Window {
    start: u32,
    end: u32,
}

fn main() {}
