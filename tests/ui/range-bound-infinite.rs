use validate_core::Validate;

#[derive(Validate)]
struct Gauge {
    #[validate(range(min = f64::INFINITY))]
    level: f64,
}

fn main() {}
