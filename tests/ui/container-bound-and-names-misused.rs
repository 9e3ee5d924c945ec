// `bound` and `serialize_names` written wrong on a type.
use validate_core::Validate;

#[derive(Validate)]
#[validate(bound = T)]
struct NotAString<T> {
    #[validate(nested)]
    value: T,
}

#[derive(Validate)]
#[validate(bound = "T Validate")]
struct NotPredicates<T> {
    #[validate(nested)]
    value: T,
}

#[derive(Validate)]
#[validate(bound = "T: Validate", bound = "")]
struct TwoBounds<T> {
    #[validate(nested)]
    value: T,
}

#[derive(Validate)]
#[validate(bound(T: Validate))]
struct InParentheses<T> {
    #[validate(nested)]
    value: T,
}

#[derive(Validate)]
#[validate(serialize_names = true)]
struct NamesWithValue {
    #[validate(non_empty)]
    name: String,
}

#[derive(Validate)]
#[validate(serialize_names, serialize_names)]
struct NamesTwice {
    #[validate(non_empty)]
    name: String,
}

#[derive(Validate)]
#[validate(serialise_names)]
struct NamesMisspelled {
    #[validate(non_empty)]
    name: String,
}

fn main() {}
