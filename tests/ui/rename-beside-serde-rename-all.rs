use validate_core::Validate;

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Hub {
    #[validate(non_empty, rename = "other")]
    my_field: String,
}

fn main() {}
