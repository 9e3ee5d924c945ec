use validate_core::Validate;

#[derive(Validate)]
struct Field {
    #[validate(one_of("OneToOne", "OneToMany", "OneToOne"))]
    relationship: String,
}

fn main() {}
