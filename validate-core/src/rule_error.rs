//! What a rule returns when it fails: a code and a message, not yet placed at a target.

use std::borrow::Cow;

use crate::message::{Message, Param};

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
#[derive(Clone, Debug, PartialEq)]
pub struct RuleError {
    code: Cow<'static, str>,
    message: Message,
    at: Option<Cow<'static, str>>,
}

impl RuleError {
    /// A failure with its own ARM code (`PascalCase`, e.g. `"NameTaken"`) and message: text (a
    /// [`Message::Own`], which catalogs know by this code) or a built-in [`Message`].
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<Message>) -> Self {
        RuleError { code: code.into(), message: message.into(), at: None }
    }

    /// A failure with the code `InvalidValue`.
    pub fn invalid(message: impl Into<Message>) -> Self {
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

    /// Names the message for catalogs, when its code alone does not tell it apart (several
    /// messages with the code `InvalidValue`, say). Only a message given as text has an id of its
    /// own; a built-in message keeps its own.
    ///
    /// ```
    /// use validate_core::{Catalog, Languages, Message, RuleError, Validate};
    /// use validate_core::message::Arg;
    /// use validate_core::text::echo;
    ///
    /// fn known_hub(name: &str) -> Result<(), RuleError> {
    ///     if name == "contoso" {
    ///         return Ok(());
    ///     }
    ///     // What a client sent is echoed: cut, and invisible characters made visible.
    ///     let shown = echo(name);
    ///     Err(RuleError::invalid(format!("There is no hub '{shown}'.")).with_id("no-such-hub").with_arg("hub", shown))
    /// }
    ///
    /// struct German;
    ///
    /// impl Catalog for German {
    ///     fn language(&self) -> &str {
    ///         "de"
    ///     }
    ///     fn write(&self, id: &str, message: &Message, out: &mut String) -> bool {
    ///         let mut hub = String::new();
    ///         message.params(&mut |name, arg| {
    ///             if let ("hub", Arg::Text(text)) = (name, arg) {
    ///                 hub = text.to_owned();
    ///             }
    ///         });
    ///         id == "no-such-hub" && { out.push_str(&format!("Es gibt keinen Hub '{hub}'.")); true }
    ///     }
    /// }
    ///
    /// #[derive(Validate)]
    /// struct Request {
    ///     #[validate(custom(known_hub))]
    ///     hub: String,
    /// }
    ///
    /// let violations = Request { hub: "fabrikam".into() }.validate().unwrap_err();
    /// let languages = Languages::new().with_catalog(German);
    /// let german = languages.negotiate(Some("de"));
    /// assert_eq!(violations.iter().next().unwrap().message(), "There is no hub 'fabrikam'.");
    /// assert_eq!(german.render(violations.iter().next().unwrap()), "Es gibt keinen Hub 'fabrikam'.");
    /// ```
    #[must_use]
    pub fn with_id(mut self, id: &'static str) -> Self {
        if let Message::Own(own) = &mut self.message {
            own.id = Some(id);
        }
        self
    }

    /// Adds a named parameter for catalogs' translations (and `additionalInfo`, where the names
    /// `rule` and `messageId` are the library's own); see [`with_id`](Self::with_id). Only a
    /// message given as text takes parameters: on a built-in [`Message`], which has its own id and
    /// parameters, this and [`with_id`](Self::with_id) change nothing.
    #[must_use]
    pub fn with_arg(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        if let Message::Own(own) = &mut self.message {
            let mut args = std::mem::take(&mut own.args).into_vec();
            args.push((name, value.into()));
            own.args = args.into_boxed_slice();
        }
        self
    }

    /// The ARM code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message, in English (written when asked for: the error keeps it typed).
    pub fn message(&self) -> String {
        self.message.to_string()
    }

    /// The message, typed: which message, and its parameters.
    pub fn typed_message(&self) -> &Message {
        &self.message
    }

    /// The member set by [`RuleError::at`], if any.
    pub fn member(&self) -> Option<&str> {
        self.at.as_deref()
    }

    pub(crate) fn into_parts(self) -> (Cow<'static, str>, Message, Option<Cow<'static, str>>) {
        (self.code, self.message, self.at)
    }
}

/// A rule's failure, made into its [`RuleError`] only when it is recorded: a [`RuleError`] itself,
/// or a function that makes one (what the built-in rules return, so that a check that only asks
/// whether a value holds makes no error).
///
/// ```
/// use validate_core::rules::length;
/// use validate_core::{Failure, Path, Violations};
///
/// // Asking whether a value holds makes no error ...
/// assert!(length::check("westus", Some(1), Some(4)).is_err());
/// // ... recording the failure makes it, as does asking for it.
/// let mut out = Violations::new();
/// out.record(&Path::root().member("location"), length::check("westus", Some(1), Some(4)));
/// assert_eq!(out.to_string(), "location: The value must have at most 4 characters; it has 6.");
/// let error = length::check("", Some(1), None).map_err(Failure::error).unwrap_err();
/// assert_eq!(error.code(), "ValueTooShort");
/// ```
pub trait Failure {
    /// The error this failure records.
    fn error(self) -> RuleError;
}

impl Failure for RuleError {
    #[inline]
    fn error(self) -> RuleError {
        self
    }
}

impl<F: FnOnce() -> RuleError> Failure for F {
    #[inline]
    fn error(self) -> RuleError {
        self()
    }
}
