use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(range(code = "BadQuota"))]
    quota: u32,
}

fn main() {}
