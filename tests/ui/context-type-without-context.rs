use validate_core::{RuleError, Validate};

/// What a `Mapping` needs.
struct Hub {
    profile_types: Vec<String>,
}

fn known(name: &String, hub: &Hub) -> Result<(), RuleError> {
    if hub.profile_types.contains(name) { Ok(()) } else { Err(RuleError::invalid("Unknown profile type.")) }
}

#[derive(serde::Deserialize, Validate)]
#[validate(context = Hub)]
struct Mapping {
    #[validate(custom(known))]
    profile_type: String,
}

/// No context: it cannot give its `Mapping` the `Hub` it needs.
#[derive(serde::Deserialize, Validate)]
struct Relationship {
    #[validate(nested)]
    mapping: Mapping,
}

fn main() {
    let mapping = Mapping { profile_type: "Contact".to_owned() };
    let _ = mapping.validate();
    let _ = validate_core::from_json::<Mapping>(b"{}");
}
