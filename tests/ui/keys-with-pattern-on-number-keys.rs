use std::collections::BTreeMap;
use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(keys(pattern("^[0-9]{3}$")))]
    by_code: BTreeMap<u32, String>,
}

fn main() {}
