use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(contains(code = "NoSlash"))]
    path: String,
}

fn main() {}
