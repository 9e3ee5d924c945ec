use validate_core::Validate;

#[derive(Validate)]
struct Subscription {
    #[validate(format(uid))]
    id: String,
}

fn main() {}
