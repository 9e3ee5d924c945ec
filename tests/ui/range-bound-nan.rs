use validate_core::Validate;

#[derive(Validate)]
struct Gauge {
    #[validate(range(min = 0.0, max = f64::NAN))]
    level: f64,
}

fn main() {}
