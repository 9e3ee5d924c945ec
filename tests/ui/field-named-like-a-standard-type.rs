use validate_core::Validate;

// A type of the user's with the name of a standard one, which serde cannot read.
#[derive(Debug)]
pub struct String(pub u8);

#[derive(Validate)]
struct Hub {
    #[validate(custom(always))]
    name: String,
}

fn always(_: &String) -> Result<(), validate_core::RuleError> {
    Ok(())
}

fn main() {}
