//! [`FluentCatalog`]: a user's catalog in Fluent's `.ftl` format (feature `fluent`).
//!
//! (Being written: the interface is fixed, the reading is not done yet.)

use std::fmt;

use crate::Message;
use crate::catalog::Catalog;

/// A catalog read from Fluent (`.ftl`) text, for one language.
pub struct FluentCatalog {
    tag: String,
}

/// Why a Fluent text could not be read as a catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CatalogError {}

impl FluentCatalog {
    /// Reads `source`, Fluent text, as the catalog of the language `tag`.
    pub fn new(tag: &str, source: &str) -> Result<Self, CatalogError> {
        let _ = source;
        Ok(FluentCatalog { tag: tag.to_owned() })
    }
}

impl Catalog for FluentCatalog {
    fn language(&self) -> &str {
        &self.tag
    }

    fn write(&self, id: &str, message: &Message, out: &mut String) -> bool {
        let _ = (id, message, out);
        false
    }
}
