//! Violations: a failed rule placed at its target, and the ordered list `validate()` returns.

use std::borrow::Cow;
use std::fmt;

use crate::{Path, RuleError};

/// One failed rule: its target on the wire, its ARM code and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    target: String,
    code: Cow<'static, str>,
    message: Cow<'static, str>,
}

impl Violation {
    /// A violation at `target` (`""` for the whole value).
    pub fn new(
        target: impl Into<String>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Violation { target: target.into(), code: code.into(), message: message.into() }
    }

    /// Where the violation is, in the names on the wire: `properties.fields[1].fieldName`.
    /// The empty string means the whole value.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The ARM code: `EmptyValue`, `InvalidLocale`, …
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message, in English.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The target, the code and the message, taken apart without copying.
    pub fn into_parts(self) -> (String, Cow<'static, str>, Cow<'static, str>) {
        (self.target, self.code, self.message)
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.target.is_empty() { f.write_str(&self.message) } else { write!(f, "{}: {}", self.target, self.message) }
    }
}

/// Every violation `validate()` found, in field-declaration order.
///
/// `Display` writes one `target: message` line per violation (the message alone for the whole
/// value). It converts into the ARM payload with [`ErrorResponse::from`](crate::ErrorResponse).
///
/// ```
/// use validate_core::Validate;
///
/// #[derive(Validate)]
/// struct Hub {
///     #[validate(length(min = 2, max = 64))]
///     name: String,
///     #[validate(range(min = 1, max = 10))]
///     units: u32,
/// }
///
/// let violations = Hub { name: "h".into(), units: 0 }.validate().unwrap_err();
/// assert_eq!(violations.len(), 2);
/// assert_eq!(
///     violations.to_string(),
///     "name: The value must have at least 2 characters; it has 1.\n\
///      units: The value 0 is less than the minimum 1."
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Violations {
    list: Vec<Violation>,
}

impl Violations {
    /// No violations yet. Allocates nothing.
    pub const fn new() -> Self {
        Violations { list: Vec::new() }
    }

    /// The violations in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.list.iter()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Adds a violation as it is.
    pub fn push(&mut self, violation: Violation) {
        self.list.push(violation);
    }

    /// Records the failure of a rule at `at` (and at the member the error points to, if any).
    ///
    /// This is how hand-written [`Validate`](crate::Validate) impls report:
    ///
    /// ```
    /// use validate_core::{Path, RuleError, Violations};
    ///
    /// let mut out = Violations::new();
    /// let root = Path::root();
    /// out.record(&root.member("hub"), Err(RuleError::invalid("No such hub.")));
    /// out.record(&root.member("ok"), Ok(()));
    /// assert_eq!(out.to_string(), "hub: No such hub.");
    /// ```
    #[inline]
    pub fn record(&mut self, at: &Path<'_>, result: Result<(), RuleError>) {
        if let Err(error) = result {
            self.record_error(at, error);
        }
    }

    // Kept out of line: building a target and a message is the failure path.
    #[cold]
    #[inline(never)]
    fn record_error(&mut self, at: &Path<'_>, error: RuleError) {
        let (code, message, member) = error.into_parts();
        let target = at.target_with(member.as_deref());
        self.list.push(Violation { target, code, message });
    }

    /// Gives every violation recorded since `start` the code and message an attribute gave: the
    /// one place where `code = …` and `message = …` take effect, for every rule.
    pub(crate) fn override_since(&mut self, start: usize, code: Option<&'static str>, message: Option<&'static str>) {
        for violation in self.list.iter_mut().skip(start) {
            if let Some(code) = code {
                violation.code = Cow::Borrowed(code);
            }
            if let Some(message) = message {
                violation.message = Cow::Borrowed(message);
            }
        }
    }

    /// Drops the violations recorded since `len`, to record them again in another order.
    pub(crate) fn truncate(&mut self, len: usize) {
        self.list.truncate(len);
    }

    /// `Ok(())` when there are none, else `Err(self)`.
    pub fn into_result(self) -> Result<(), Violations> {
        if self.list.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.list.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl Extend<Violation> for Violations {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, iter: I) {
        self.list.extend(iter);
    }
}

impl FromIterator<Violation> for Violations {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        Violations { list: iter.into_iter().collect() }
    }
}
