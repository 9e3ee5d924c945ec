use validate_core::{RuleError, Validate};

fn positive(value: &i64) -> Result<(), RuleError> {
    if *value > 0 { Ok(()) } else { Err(RuleError::invalid("The value must be positive.")) }
}

#[derive(Validate)]
struct Hub {
    #[validate(custom(positive))]
    name: String,
}

fn main() {}
