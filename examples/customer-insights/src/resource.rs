//! What the server sets on a relationship.

use crate::address::RelationshipAddress;
use crate::model::{ProvisioningState, RelationshipResourceFormat};

/// The `type` of every relationship.
pub const RESOURCE_TYPE: &str = "Microsoft.CustomerInsights/hubs/relationships";

/// The resource to store and answer: what the client sent with the server's values (a read-only
/// value it sent, validation made sure, equals the stored one). Names keep the creator's casing; `relationshipGuidId` is fixed at creation.
pub fn complete(
    mut sent: RelationshipResourceFormat,
    stored: Option<&RelationshipResourceFormat>,
    address: &RelationshipAddress<'_>,
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
            sent.properties.relationship_name = Some(address.relationship_name.to_string());
            sent.properties.relationship_guid_id = Some(uuid::Uuid::new_v4().to_string());
            sent.properties.tenant_id = Some(address.hub_name.to_string());
        }
    }
    sent.resource_type = Some(RESOURCE_TYPE.to_owned());
    sent.properties.provisioning_state = Some(ProvisioningState::Succeeded);
    sent
}
