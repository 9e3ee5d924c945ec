//! Values that are text: what `pattern`, `contains`, `prefix`, `suffix`, `not_containing`,
//! `no_control_chars`, `one_of`, `format` and `localized` read.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

/// A value that may hold text. `None` (an absent `Option`) skips the rule.
#[diagnostic::on_unimplemented(
    message = "this rule checks text, and `{Self}` is not text",
    label = "this rule needs a string",
    note = "`pattern`, `contains`, `prefix`, `suffix`, `not_containing`, `no_control_chars`, `one_of` and `format` check `String`, `&str`, `Cow<str>`, `Box<str>`, `Rc<str>` or `Arc<str>`, or an `Option` of one; `localized` checks a map whose keys and values are such strings"
)]
pub trait AsText {
    /// The text, or `None` when the value is absent.
    fn as_text(&self) -> Option<&str>;
}

impl AsText for str {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsText for String {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsText for Cow<'_, str> {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: AsText + ?Sized> AsText for &T {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        (**self).as_text()
    }
}

impl<T: AsText + ?Sized> AsText for Box<T> {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        (**self).as_text()
    }
}

impl<T: AsText + ?Sized> AsText for Rc<T> {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        (**self).as_text()
    }
}

impl<T: AsText + ?Sized> AsText for Arc<T> {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        (**self).as_text()
    }
}

impl<T: AsText> AsText for Option<T> {
    #[inline]
    fn as_text(&self) -> Option<&str> {
        self.as_ref().and_then(AsText::as_text)
    }
}
