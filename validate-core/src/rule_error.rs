//! What a rule returns when it fails: a code and a message, not yet placed at a target.

use std::borrow::Cow;

/// The code of [`RuleError::invalid`]: the default for a user's own rule.
pub const INVALID_VALUE: &str = "InvalidValue";

/// A failed rule: an ARM code and a message, optionally pointed at a member of the value checked.
///
/// Custom rules (`#[validate(custom(f))]`) and container checks (`#[validate(check(f))]`) return
/// it; the derive places it at the field's target and records it.
///
/// ```
/// use validate_core::{RuleError, Validate};
///
/// fn starts_with_letter(value: &str) -> Result<(), RuleError> {
///     match value.chars().next() {
///         Some(c) if c.is_alphabetic() => Ok(()),
///         _ => Err(RuleError::invalid("The name must start with a letter.")),
///     }
/// }
///
/// fn window_is_ordered(value: &Window) -> Result<(), RuleError> {
///     if value.start <= value.end {
///         Ok(())
///     } else {
///         Err(RuleError::new("InvalidRange", "The end comes before the start.").at("end"))
///     }
/// }
///
/// #[derive(Validate)]
/// #[validate(check(window_is_ordered))]
/// struct Window {
///     #[validate(custom(starts_with_letter))]
///     name: String,
///     start: u32,
///     end: u32,
/// }
///
/// let window = Window { name: "9am".into(), start: 10, end: 9 };
/// let violations = window.validate().unwrap_err();
/// let found: Vec<_> = violations.iter().map(|v| (v.code(), v.target())).collect();
/// assert_eq!(found, [("InvalidValue", "name"), ("InvalidRange", "end")]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    code: Cow<'static, str>,
    message: Cow<'static, str>,
    at: Option<Cow<'static, str>>,
}

impl RuleError {
    /// A failure with its own ARM code (`PascalCase`, e.g. `"NameTaken"`) and message.
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Cow<'static, str>>) -> Self {
        RuleError { code: code.into(), message: message.into(), at: None }
    }

    /// A failure with the code `InvalidValue`.
    pub fn invalid(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(INVALID_VALUE, message)
    }

    /// Points the failure at a member of the value checked, by its wire name.
    ///
    /// The text is appended to the value's target as written: `"end"` gives `window.end`, and a
    /// deeper path such as `"fields[0].fieldName"` or `"[2]"` works too.
    #[must_use]
    pub fn at(mut self, member: impl Into<Cow<'static, str>>) -> Self {
        self.at = Some(member.into());
        self
    }

    /// The ARM code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The member set by [`RuleError::at`], if any.
    pub fn member(&self) -> Option<&str> {
        self.at.as_deref()
    }

    pub(crate) fn into_parts(self) -> (Cow<'static, str>, Cow<'static, str>, Option<Cow<'static, str>>) {
        (self.code, self.message, self.at)
    }
}
