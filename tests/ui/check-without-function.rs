use validate_core::Validate;

#[derive(Validate)]
#[validate(check(code = "Overlap"))]
struct Window {
    start: u32,
    end: u32,
}

fn main() {}
