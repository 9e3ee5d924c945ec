use std::collections::BTreeMap;
use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(keys(length(max = 512), read_only))]
    tags: BTreeMap<String, String>,
}

fn main() {}
