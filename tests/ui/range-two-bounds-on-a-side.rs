use validate_core::Validate;

#[derive(Validate)]
struct Quota {
    #[validate(range(min = 0.0, exclusive_min = 0.0, max = 1.0))]
    share: f64,
    // The other side: one bound there too.
    #[validate(range(min = 0.0, max = 1.0, exclusive_max = 1.0))]
    weight: f64,
}

fn main() {}
