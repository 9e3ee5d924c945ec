use validate_core::Validate;

struct Stored {
    tenant_id: Option<String>,
    schema: Schema,
}

struct Schema;

fn stored_tenant(stored: &Stored) -> Option<&String> {
    stored.tenant_id.as_ref()
}

fn schema_of(stored: &Stored) -> &Schema {
    &stored.schema
}

#[derive(Validate)]
struct Field {
    #[validate(non_empty)]
    name: String,
}

/// Reads a context it does not declare.
#[derive(Validate)]
struct Resource {
    #[validate(read_only(stored = stored_tenant))]
    tenant_id: Option<String>,
    #[validate(nested(context = schema_of))]
    field: Field,
}

fn main() {}
