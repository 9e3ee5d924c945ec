//! The built-in catalog (being written): English until then.

use std::fmt::{self, Write};

use crate::message::Message;

/// Writes `message`.
pub(crate) fn write(message: &Message, out: &mut dyn Write) -> fmt::Result {
    super::english::write(message, out)
}
