use validate_core::Validate;

#[derive(Validate)]
struct Hub {
    #[validate(lenght(max = 10))]
    name: String,
}

fn main() {}
