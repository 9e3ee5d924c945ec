use validate_core::{RuleError, Validate};

/// What a `Mapping` needs.
struct Hub {
    profile_types: Vec<String>,
}

/// What a `Relationship` is validated with: it holds no `Hub`, and provides none.
struct Request {
    max_units: u32,
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

#[derive(serde::Deserialize, Validate)]
#[validate(context = Request)]
struct Relationship {
    #[validate(range(max = ctx.max_units))]
    units: u32,
    #[validate(nested)]
    mappings: Vec<Mapping>,
    // A projection for a type without a context would be dropped unseen: refused.
    #[validate(nested(context = units_of))]
    label: Label,
}

/// A type without a context.
#[derive(serde::Deserialize, Validate)]
struct Label {
    #[validate(non_empty)]
    text: String,
}

fn units_of(request: &Request) -> &u32 {
    &request.max_units
}

fn main() {}
