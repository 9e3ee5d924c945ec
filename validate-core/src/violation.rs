//! Violations: a failed rule placed at its target, and the ordered list `validate()` returns.

use std::borrow::Cow;
use std::fmt;

use crate::error_response::MAX_DETAILS;
use crate::message::Message;
use crate::path::At;
use crate::{Failure, Path, RuleError};

/// One failed rule: its target on the wire, its ARM code and its message.
///
/// The message is kept typed (a [`Message`] with its parameters) and becomes text when it is
/// read: [`message`](Violation::message) gives English, [`Language::render`](crate::Language::render)
/// any language.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    target: String,
    code: Cow<'static, str>,
    message: Message,
    /// The text `message = "…"` gave, which replaces the rule's own.
    overridden: Option<&'static str>,
}

impl Violation {
    /// A violation at `target` (`""` for the whole value): its message is text (which catalogs
    /// know by `code`) or a built-in [`Message`].
    pub fn new(target: impl Into<String>, code: impl Into<Cow<'static, str>>, message: impl Into<Message>) -> Self {
        Violation { target: target.into(), code: code.into(), message: message.into(), overridden: None }
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

    /// The message, in English (written when asked for: the violation keeps it typed).
    pub fn message(&self) -> String {
        match self.overridden {
            Some(text) => text.to_owned(),
            None => self.message.to_string(),
        }
    }

    /// The message, typed: which message, and its parameters (those of the rule, when an
    /// attribute gave the text).
    pub fn typed_message(&self) -> &Message {
        &self.message
    }

    /// The text an attribute gave (`message = "…"`), which replaces the rule's own, if any.
    pub fn overridden(&self) -> Option<&'static str> {
        self.overridden
    }

    /// The target, the code, the typed message and the text an attribute gave in its place, taken
    /// apart without copying.
    pub fn into_parts(self) -> (String, Cow<'static, str>, Message, Option<&'static str>) {
        (self.target, self.code, self.message, self.overridden)
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.target.is_empty() {
            write!(f, "{}: ", self.target)?;
        }
        match self.overridden {
            Some(text) => f.write_str(text),
            None => fmt::Display::fmt(&self.message, f),
        }
    }
}

/// Every violation `validate()` found, in field-declaration order: the first [`limit`] of them
/// kept, the rest counted.
///
/// A list keeps at most its limit ([`MAX_DETAILS`], the 100 details an ARM answer carries, unless
/// made with [`Violations::with_limit`]); violations recorded past it are counted and dropped,
/// their target and message never built, so that a body with a million problems costs no more
/// than one with a hundred. [`len`](Violations::len) counts them all, [`iter`](Violations::iter)
/// yields those kept, in the order they were recorded, and [`left_out`](Violations::left_out)
/// says how many were not kept.
///
/// `Display` writes one `target: message` line per violation kept (the message alone for the
/// whole value), then a line that counts the rest, if any. It converts into the ARM payload with
/// [`ErrorResponse::from`](crate::ErrorResponse).
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
///
/// [`limit`]: Violations::limit
/// [`MAX_DETAILS`]: crate::error_response::MAX_DETAILS
#[derive(Clone, Debug, PartialEq)]
pub struct Violations {
    /// The first `limit` violations recorded, in order.
    list: Vec<Violation>,
    /// How many were recorded after `list` was full.
    left_out: usize,
    /// The most `list` keeps.
    limit: usize,
}

impl Default for Violations {
    fn default() -> Self {
        Self::new()
    }
}

impl Violations {
    /// No violations yet, keeping at most [`MAX_DETAILS`](crate::error_response::MAX_DETAILS):
    /// what one ARM answer shows. Allocates nothing.
    pub const fn new() -> Self {
        Self::with_limit(MAX_DETAILS)
    }

    /// No violations yet, keeping at most `limit` of them (the rest are counted). Allocates
    /// nothing.
    ///
    /// For a caller of `validate()` who wants more than an ARM answer shows: validate into it
    /// with [`Validate::validate_at`](crate::Validate::validate_at) at the root (or
    /// [`ValidateWith::validate_with_at`](crate::ValidateWith::validate_with_at)).
    ///
    /// ```
    /// use validate_core::{Path, Validate, Violations};
    ///
    /// #[derive(Validate)]
    /// struct Tags {
    ///     #[validate(each(non_empty))]
    ///     tags: Vec<String>,
    /// }
    ///
    /// let tags = Tags { tags: vec![String::new(); 150] };
    /// // `validate()` keeps the first 100 and counts the rest.
    /// let violations = tags.validate().unwrap_err();
    /// assert_eq!((violations.len(), violations.iter().count(), violations.left_out()), (150, 100, 50));
    ///
    /// // All of them, by validating into a list with a larger limit.
    /// let mut all = Violations::with_limit(usize::MAX);
    /// tags.validate_at(&Path::root(), &mut all);
    /// let all = all.into_result().unwrap_err();
    /// assert_eq!((all.len(), all.iter().count(), all.left_out()), (150, 150, 0));
    /// assert_eq!(all.iter().last().map(|v| v.target()), Some("tags[149]"));
    /// ```
    pub const fn with_limit(limit: usize) -> Self {
        Violations { list: Vec::new(), left_out: 0, limit }
    }

    /// The most this list keeps.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// The violations kept, in the order they were recorded: the first [`limit`](Self::limit).
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.list.iter()
    }

    /// How many were recorded: those kept and those [left out](Self::left_out).
    #[inline]
    pub fn len(&self) -> usize {
        self.list.len() + self.left_out
    }

    /// How many were recorded after the list was full: counted, not kept.
    #[inline]
    pub fn left_out(&self) -> usize {
        self.left_out
    }

    /// Whether none was recorded.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the list keeps no more: a violation recorded now is only counted. A hand-written
    /// rule may look before building an expensive message; [`record`](Self::record) and
    /// [`record_failure`](Self::record_failure) look for it.
    ///
    /// ```
    /// use validate_core::{Violation, Violations};
    ///
    /// let mut out = Violations::with_limit(1);
    /// assert!(!out.is_full());
    /// out.push(Violation::new("a", "X", "First."));
    /// assert!(out.is_full());
    /// out.push(Violation::new("b", "X", "Second."));
    /// assert_eq!((out.len(), out.left_out()), (2, 1));
    /// assert_eq!(out.to_string(), "a: First.\n1 more violation was left out.");
    /// ```
    #[inline]
    pub fn is_full(&self) -> bool {
        // Once one was left out, none after it may be kept: what is kept is always the first ones
        // recorded (a list appended from one with a smaller limit may arrive with some counted).
        self.left_out > 0 || self.list.len() >= self.limit
    }

    /// Adds a violation as it is (or counts it, when the list is full).
    pub fn push(&mut self, violation: Violation) {
        if self.is_full() {
            self.left_out += 1;
        } else {
            self.keep(violation);
        }
    }

    /// Adds the violation `make` builds, or, when the list is full, counts it without calling
    /// `make`: a violation left out builds no text.
    pub(crate) fn push_with(&mut self, make: impl FnOnce() -> Violation) {
        if self.is_full() {
            self.left_out += 1;
        } else {
            self.keep(make());
        }
    }

    /// Keeps `violation` (the list has room: the caller looked). The first one kept makes room for
    /// as many as the list keeps, up to 128, at once: a list grown by doubling copied its 120-byte
    /// violations five times over on the way to 100 (callgrind, `benches/examples/profile.rs
    /// invalid 100`: 16 % of `validate()`'s instructions on 68 violations).
    fn keep(&mut self, violation: Violation) {
        if self.list.capacity() == 0 {
            self.list.reserve_exact(self.limit.min(128));
        }
        self.list.push(violation);
    }

    /// Records the failure of a rule at `at` (and at the member the error points to, if any):
    /// a [`RuleError`], or a rule's [`Failure`], whose error is made here, out of line.
    ///
    /// This is how hand-written [`Validate`](crate::Validate) impls report:
    ///
    /// ```
    /// use validate_core::rules::non_empty;
    /// use validate_core::{Path, RuleError, Violations};
    ///
    /// let mut out = Violations::new();
    /// let root = Path::root();
    /// out.record(&root.member("hub"), Err(RuleError::invalid("No such hub.")));
    /// out.record(&root.member("name"), non_empty::check("contoso"));
    /// assert_eq!(out.to_string(), "hub: No such hub.");
    /// ```
    #[inline]
    pub fn record(&mut self, at: impl At, result: Result<(), impl Failure>) {
        if let Err(failure) = result {
            at.with(|at| self.record_failed(at, failure));
        }
    }

    // The failure path of `record` and `record_failure`, out of line: past the limit the failure
    // is counted, and neither its error (its message, any echo of the value) nor its target is made.
    #[cold]
    #[inline(never)]
    fn record_failed(&mut self, at: &Path<'_>, failure: impl Failure) {
        if self.is_full() {
            self.left_out += 1;
        } else {
            self.keep_error(at, failure.error());
        }
    }

    // Not generic, so that each kind of failure compiles only the check above.
    #[cold]
    #[inline(never)]
    fn keep_error(&mut self, at: &Path<'_>, error: RuleError) {
        let (code, message, member) = error.into_parts();
        let target = at.target_with(member.as_deref());
        self.keep(Violation { target, code, message, overridden: None });
    }

    /// Records a failure at `at` whose error `error` builds only when it is kept: past the
    /// limit the failure is counted, and neither its message nor its target is built.
    ///
    /// ```
    /// use validate_core::{Path, RuleError, Violations};
    ///
    /// let mut out = Violations::with_limit(1);
    /// for name in ["a", "b", "c"] {
    ///     out.record_failure(&Path::root().member(name), || RuleError::invalid(format!("No {name}.")));
    /// }
    /// assert_eq!((out.len(), out.left_out()), (3, 2));
    /// assert_eq!(out.iter().next().map(|v| v.message()).as_deref(), Some("No a."));
    /// ```
    pub fn record_failure(&mut self, at: impl At, error: impl FnOnce() -> RuleError) {
        at.with(|at| self.record_failed(at, error));
    }

    /// An empty list for violations that may be added to these later ([`append`](Self::append)),
    /// or dropped: it keeps no more than these have room for now, so that what could not be
    /// kept here is not built there either.
    ///
    /// ```
    /// use validate_core::{Violation, Violations};
    ///
    /// let mut out = Violations::with_limit(2);
    /// out.push(Violation::new("a", "X", "First."));
    /// let mut part = out.scratch();
    /// assert_eq!(part.limit(), 1);
    /// part.push(Violation::new("b", "X", "Second."));
    /// part.push(Violation::new("c", "X", "Third."));
    /// out.append(&mut part);
    /// assert_eq!((out.len(), out.left_out()), (3, 1));
    /// assert!(part.is_empty());
    /// ```
    #[must_use]
    pub fn scratch(&self) -> Violations {
        Violations::with_limit(self.limit.saturating_sub(self.list.len()))
    }

    /// Moves every violation of `other` after these, in order, and adds what `other` counted
    /// without keeping to what these left out; `other` is left empty. Kept only up to this
    /// list's limit, as if each had been recorded here.
    pub fn append(&mut self, other: &mut Violations) {
        if self.list.is_empty() && self.limit >= other.limit {
            // Nothing to merge into: take `other`'s list as it is, without copying.
            std::mem::swap(&mut self.list, &mut other.list);
        } else {
            for violation in other.list.drain(..) {
                self.push(violation);
            }
        }
        self.left_out += std::mem::take(&mut other.left_out);
    }

    /// Gives every violation recorded since `start` (a former [`len`](Self::len)) the code and
    /// message an attribute gave: the one place where `code = …` and `message = …` take effect,
    /// for every rule. Those left out have neither.
    pub(crate) fn override_since(&mut self, start: usize, code: Option<&'static str>, message: Option<&'static str>) {
        // Violations are kept first and counted after, so those recorded since `start` that were
        // kept are those past `start` in the list.
        for violation in self.list.iter_mut().skip(start) {
            if let Some(code) = code {
                violation.code = Cow::Borrowed(code);
            }
            if let Some(message) = message {
                violation.overridden = Some(message);
            }
        }
    }

    /// Says of every violation recorded since `start` (a former [`len`](Self::len)) that it is
    /// about a map key (`keys(…)`): see [`Message::about_key`]. Those left out have no message.
    pub(crate) fn about_keys_since(&mut self, start: usize) {
        for violation in self.list.iter_mut().skip(start) {
            let message = std::mem::replace(&mut violation.message, Message::NullItem);
            violation.message = message.about_key();
        }
    }

    /// Whether any violation recorded since `start` (a former [`len`](Self::len)) was kept:
    /// once the list is full, none recorded after is (so `start` then exceeds the list's length).
    pub(crate) fn kept_since(&self, start: usize) -> bool {
        self.list.len() > start
    }

    /// Drops the violations recorded since `len` (a former [`len`](Self::len)), to record them
    /// again in another order.
    pub(crate) fn truncate(&mut self, len: usize) {
        // Those recorded are the list, then those counted: cut the count first.
        self.left_out = len.saturating_sub(self.list.len()).min(self.left_out);
        self.list.truncate(len);
    }

    /// `Ok(())` when there are none, else `Err(self)`.
    // Inlined, as the other small methods here: it was a call across the crate boundary at the
    // end of every `validate()` (seen in the disassembly of the body without `unique`).
    #[inline]
    pub fn into_result(self) -> Result<(), Violations> {
        if !self.list.is_empty() || self.left_out != 0 {
            return Err(self);
        }
        // Nothing to drop but a buffer a truncation or an `append` may have left: dropping the
        // empty list called its items' drop loop out of line at the end of every valid
        // `validate()` (the body without `unique` at 10 items: 2.2 → 1.9 × the hand-written
        // check, four alternated runs each, `benches/benches/plain.rs`, 2026-12-01). The list
        // and the count are tested apart: from their sum, which could wrap, the compiler could
        // not tell that the list was empty. A field with a buffer of its own added to
        // `Violations` must be dropped here too.
        if self.list.capacity() == 0 {
            std::mem::forget(self);
        }
        Ok(())
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
        match self.left_out {
            0 => Ok(()),
            left_out => {
                if !self.list.is_empty() {
                    f.write_str("\n")?;
                }
                match left_out {
                    1 => f.write_str("1 more violation was left out."),
                    n => write!(f, "{n} more violations were left out."),
                }
            }
        }
    }
}

impl std::error::Error for Violations {}

/// The violations kept; [`Violations::left_out`] counts the others.
impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

/// The violations kept; [`Violations::left_out`] counts the others.
impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

/// Pushes each, up to the limit; the rest are counted. Extending from another `Violations` takes
/// only what it kept, not its count of the ones it left out: [`Violations::append`] takes both.
impl Extend<Violation> for Violations {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, iter: I) {
        for violation in iter {
            self.push(violation);
        }
    }
}

/// A list with the default limit: the first [`MAX_DETAILS`](crate::error_response::MAX_DETAILS)
/// kept, the rest counted.
impl FromIterator<Violation> for Violations {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        let mut violations = Violations::new();
        violations.extend(iter);
        violations
    }
}

#[cfg(test)]
mod tests {
    use super::{Violation, Violations};

    fn targets(violations: &Violations) -> Vec<&str> {
        violations.iter().map(Violation::target).collect()
    }

    /// `into_result` looks at the list and the count apart, and forgets an empty list only when
    /// it holds no buffer.
    #[test]
    fn into_result_is_ok_only_when_nothing_was_recorded() {
        let violation = Violation::new("a", "X", "x");
        assert_eq!(Violations::new().into_result(), Ok(()));
        // None kept, two counted.
        let mut counted = Violations::with_limit(0);
        counted.push(violation.clone());
        counted.push(violation.clone());
        assert_eq!(counted.into_result().map_err(|v| (v.len(), v.left_out())), Err((2, 2)));
        // One kept, none counted.
        let mut kept = Violations::new();
        kept.push(violation.clone());
        assert_eq!(kept.into_result().map_err(|v| targets(&v).join(",")), Err("a".to_owned()));
        // Emptied again by a truncation: a buffer and nothing in it.
        let mut emptied = Violations::new();
        emptied.push(violation);
        emptied.truncate(0);
        assert!(emptied.list.capacity() > 0);
        assert_eq!(emptied.into_result(), Ok(()));
    }

    /// Past the limit a failure is counted and its error is not made (found by the review of
    /// issue 17's fifth pass: the error, with any echo of the value, was made and dropped).
    #[test]
    fn past_the_limit_a_failure_s_error_is_not_made() {
        use crate::{Path, RuleError};
        let made = std::cell::Cell::new(0);
        let failure = || {
            made.set(made.get() + 1);
            RuleError::invalid("Made.")
        };
        let mut out = Violations::with_limit(1);
        out.record(&Path::root().member("a"), Err(failure));
        out.record(&Path::root().member("b"), Err(failure));
        out.record(&Path::root().member("c"), Err(failure));
        assert_eq!((out.len(), out.left_out(), made.get()), (3, 2, 1));
        assert_eq!(targets(&out), ["a"]);
    }

    /// Found by the review of issue 13: a list appended from one with a smaller limit arrives with
    /// some counted; what comes after must be counted too, or the kept ones are not the first.
    #[test]
    fn after_an_append_with_some_left_out_nothing_later_is_kept() {
        let mut all = Violations::with_limit(usize::MAX);
        let mut part = Violations::with_limit(2);
        for target in ["a", "b", "c"] {
            part.push(Violation::new(target, "X", "x"));
        }
        all.append(&mut part);
        all.push(Violation::new("d", "X", "x"));
        assert_eq!(targets(&all), ["a", "b"]);
        assert_eq!((all.len(), all.left_out()), (4, 2));
        // An override since "d" applies to nothing kept, and moves nothing.
        all.override_since(3, Some("Y"), None);
        assert!(all.iter().all(|v| v.code() == "X"));
    }
}
