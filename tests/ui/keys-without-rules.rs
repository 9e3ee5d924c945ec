use std::collections::BTreeMap;
use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(keys(code = "BadTag"))]
    tags: BTreeMap<String, String>,
}

fn main() {}
