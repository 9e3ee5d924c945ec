use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(custom(|name| no_spaces(name)))]
    name: String,
}

fn no_spaces(_: &String) -> Result<(), validate_core::RuleError> {
    Ok(())
}

fn main() {}
