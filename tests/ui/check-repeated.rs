use validate_core::{RuleError, Validate};

#[derive(Validate)]
#[validate(check(ordered), check(ordered))]
struct Window {
    start: u32,
    end: u32,
}

fn ordered(window: &Window) -> Result<(), RuleError> {
    let _ = (window.start, window.end);
    Ok(())
}

fn main() {}
