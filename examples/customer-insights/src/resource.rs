//! What the server sets on a relationship, and how a body sent back unchanged is recognized.

use crate::address::RelationshipAddress;
use crate::model::{ProvisioningState, RelationshipResourceFormat};

/// The `type` of every relationship.
pub const RESOURCE_TYPE: &str = "Microsoft.CustomerInsights/hubs/relationships";

/// Clears each read-only value of `sent` that equals the stored one, so that the body of a GET
/// can be PUT back unchanged. Any other read-only value stays and fails `read_only`.
pub fn clear_unchanged(sent: &mut RelationshipResourceFormat, stored: &RelationshipResourceFormat) {
    clear_if_equal(&mut sent.id, stored.id.as_ref());
    clear_if_equal(&mut sent.name, stored.name.as_ref());
    clear_if_equal(&mut sent.resource_type, stored.resource_type.as_ref());
    let (sent, stored) = (&mut sent.properties, &stored.properties);
    clear_if_equal(&mut sent.provisioning_state, stored.provisioning_state.as_ref());
    clear_if_equal(&mut sent.relationship_name, stored.relationship_name.as_ref());
    clear_if_equal(&mut sent.relationship_guid_id, stored.relationship_guid_id.as_ref());
    clear_if_equal(&mut sent.tenant_id, stored.tenant_id.as_ref());
}

fn clear_if_equal<T: PartialEq>(sent: &mut Option<T>, stored: Option<&T>) {
    if sent.is_some() && sent.as_ref() == stored {
        *sent = None;
    }
}

/// The resource to store and answer: what the client sent (its read-only values cleared) with the
/// server's values. Names keep the creator's casing; `relationshipGuidId` is fixed at creation.
pub fn complete(
    mut sent: RelationshipResourceFormat,
    stored: Option<&RelationshipResourceFormat>,
    address: &RelationshipAddress,
) -> RelationshipResourceFormat {
    match stored {
        Some(stored) => {
            sent.id.clone_from(&stored.id);
            sent.name.clone_from(&stored.name);
            sent.properties.relationship_name.clone_from(&stored.properties.relationship_name);
            sent.properties.relationship_guid_id.clone_from(&stored.properties.relationship_guid_id);
            sent.properties.tenant_id.clone_from(&stored.properties.tenant_id);
        }
        None => {
            sent.id = Some(address.resource_id());
            sent.name = Some(format!("{}/{}", address.hub_name, address.relationship_name));
            sent.properties.relationship_name = Some(address.relationship_name.clone());
            sent.properties.relationship_guid_id = Some(uuid::Uuid::new_v4().to_string());
            sent.properties.tenant_id = Some(address.hub_name.clone());
        }
    }
    sent.resource_type = Some(RESOURCE_TYPE.to_owned());
    sent.properties.provisioning_state = Some(ProvisioningState::Succeeded);
    sent
}
