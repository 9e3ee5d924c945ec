use validate_core::Validate;

#[derive(Validate)]
#[validate(non_empty)]
struct Hub {
    #[validate(lenght(max = 10))]
    name: String,
    #[validate(range(mn = 1), range(max = 10))]
    quota: u32,
    #[validate(pattern("("), one_of)]
    kind: String,
    #[validate(required, read_only)]
    id: Option<String>,
}

fn main() {}
