use validate_core::Validate;

#[derive(Validate)]
enum Source {
    #[validate(non_empty)]
    Url(String),
    Inline(String),
}

fn main() {}
