use validate_core::{RuleError, Validate};

fn ordered(window: &Window) -> Result<(), RuleError> {
    if window.start <= window.end { Ok(()) } else { Err(RuleError::invalid("The window must not end before it starts.")) }
}

#[derive(Validate)]
#[validate(chek(ordered))]
struct Window {
    start: u32,
    end: u32,
}

fn main() {}
