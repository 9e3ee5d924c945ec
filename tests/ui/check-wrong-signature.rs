use validate_core::Validate;

fn ordered(window: &Window) -> bool {
    window.start <= window.end
}

#[derive(Validate)]
#[validate(check(ordered))]
struct Window {
    start: u32,
    end: u32,
}

fn main() {}
