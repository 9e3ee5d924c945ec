use std::collections::BTreeMap;
use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(keys(length(max = 512), nested))]
    tags: BTreeMap<String, String>,
}

fn main() {}
