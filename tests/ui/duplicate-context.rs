// `context` written wrong: twice on a type, a literal for the type, a closure for the projection.
use validate_core::Validate;

struct Hub;
struct Request;

#[derive(Validate)]
#[validate(context = Hub)]
#[validate(context = Request)]
struct Mapping {
    #[validate(non_empty)]
    profile_type: String,
}

#[derive(Validate)]
#[validate(context = 3)]
struct Literal {
    #[validate(non_empty)]
    profile_type: String,
}

#[derive(Validate)]
#[validate(context = Request)]
struct Closure {
    #[validate(nested(context = |request| request))]
    mapping: Mapping,
}

fn main() {}
