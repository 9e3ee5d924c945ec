use validate_core::Validate;

#[derive(Validate)]
struct Hook {
    // garde's and validator's name for what is `uri` here.
    #[validate(format(url))]
    callback: String,
}

fn main() {}
