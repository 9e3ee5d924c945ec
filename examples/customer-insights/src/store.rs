//! Where relationships are kept: a small trait, so that a database can replace the memory.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::{Arc, PoisonError, RwLock};

use crate::address::RelationshipKey;
use crate::model::RelationshipResourceFormat;

/// A store of relationships, safe to share between concurrent requests. Relationships are shared
/// (`Arc`): a read or a write hands out the stored one without copying it.
pub trait RelationshipStore: Send + Sync + 'static {
    /// The stored relationship, if any.
    fn get(&self, key: &RelationshipKey) -> Option<Arc<RelationshipResourceFormat>>;

    /// Replaces the relationship at `key` with what `update` makes of the current one, atomically:
    /// no other write to `key` happens in between. When `update` fails, nothing changes.
    fn upsert<E>(
        &self,
        key: RelationshipKey,
        update: impl FnOnce(Option<&Arc<RelationshipResourceFormat>>) -> Result<RelationshipResourceFormat, E>,
    ) -> Result<Arc<RelationshipResourceFormat>, E>;
}

/// Relationships in memory, behind one lock.
#[derive(Default)]
pub struct MemoryStore {
    relationships: RwLock<HashMap<RelationshipKey, Arc<RelationshipResourceFormat>>>,
}

impl RelationshipStore for MemoryStore {
    fn get(&self, key: &RelationshipKey) -> Option<Arc<RelationshipResourceFormat>> {
        // A panic while holding the lock cannot leave a half-written entry: entries are replaced whole.
        let relationships = self.relationships.read().unwrap_or_else(PoisonError::into_inner);
        relationships.get(key).cloned()
    }

    fn upsert<E>(
        &self,
        key: RelationshipKey,
        update: impl FnOnce(Option<&Arc<RelationshipResourceFormat>>) -> Result<RelationshipResourceFormat, E>,
    ) -> Result<Arc<RelationshipResourceFormat>, E> {
        let mut relationships = self.relationships.write().unwrap_or_else(PoisonError::into_inner);
        // One lookup, not a `get` and an `insert`: the key is hashed once.
        let updated = match relationships.entry(key) {
            Entry::Occupied(mut entry) => {
                let updated = Arc::new(update(Some(entry.get()))?);
                entry.insert(Arc::clone(&updated));
                updated
            }
            Entry::Vacant(entry) => Arc::clone(entry.insert(Arc::new(update(None)?))),
        };
        Ok(updated)
    }
}
