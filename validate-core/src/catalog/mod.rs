//! Catalogs and languages: how a [`Message`] becomes text in the language a request asked for.
//!
//! English, German and Japanese are built in, complete: every message of every rule, shape error
//! and request error. A [`Catalog`] of a user's own adds a language, or words any message of a
//! built-in one differently (with the `fluent` feature, [`FluentCatalog`] reads one from Fluent's
//! `.ftl` format). [`Languages`] holds the catalogs a service speaks and picks one for a request's
//! `Accept-Language`; the [`Language`] it picks renders violations, and says which language it
//! is for `Content-Language`.
//!
//! Nothing is global: the same violations render in German for a client and in English for a
//! log.
//!
//! ```
//! use validate_core::{Language, Languages, Validate};
//!
//! #[derive(Validate)]
//! struct Hub {
//!     #[validate(length(max = 4))]
//!     name: String,
//! }
//!
//! let violations = Hub { name: "contoso".into() }.validate().unwrap_err();
//! let languages = Languages::new();
//! let german = languages.negotiate(Some("de-AT,de;q=0.9,en;q=0.5"));
//! assert_eq!(german.tag(), "de");
//! assert_eq!(violations.to_string(), "name: The value must have at most 4 characters; it has 7.");
//! let answer = violations.into_response(&german);
//! assert_eq!(answer.error.message, "Der Inhalt der Anfrage ist ungültig: 1 Fehler wurde gefunden.");
//! assert_eq!(answer.error.details[0].message, "Der Wert darf höchstens 4 Zeichen haben; er hat 7.");
//! ```

pub(crate) mod english;
mod german;
mod japanese;
mod negotiate;

#[cfg(feature = "fluent")]
mod fluent;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::Arc;

#[cfg(feature = "fluent")]
pub use fluent::{CatalogError, FluentCatalog};
pub use negotiate::{MAX_RANGES, Preference, preferences};

use crate::Violation;
use crate::message::Message;

/// A user's catalog of messages in one language: text for messages by their id, with their
/// parameters.
///
/// The text asked for is the one named `id`: a built-in message's [`Message::id`]
/// (`length-too-short`, …); for a user's own message ([`Message::Own`]) and any message whose text
/// an attribute gave (`message = "…"`), the violation's code, unless the message names an id of
/// its own. `message` gives the parameters only: a violation with `message = "…"` on a `length`
/// rule is asked for by its code with [`Message::TooShort`]'s parameters, so a catalog that chose
/// its text by the variant would replace the user's. A catalog that has no text for an id returns
/// `false`, and the next one is asked: the user's catalogs of the language, then the built-in
/// catalog of the language (or English), then the text the code gave.
///
/// Implement it to take messages from anywhere; with the `fluent` feature, [`FluentCatalog`] is
/// one.
///
/// ```
/// use validate_core::{Catalog, Language, Languages, Message, Validate};
///
/// /// French, for the one message this service needs.
/// struct French;
///
/// impl Catalog for French {
///     fn language(&self) -> &str {
///         "fr"
///     }
///
///     fn write(&self, id: &str, message: &Message, out: &mut String) -> bool {
///         match (id, message) {
///             ("length-too-short", Message::TooShort { min, actual, .. }) => {
///                 out.push_str(&format!("Il faut au moins {min} caractères ; il y en a {actual}."));
///                 true
///             }
///             _ => false,
///         }
///     }
/// }
///
/// #[derive(Validate)]
/// struct Hub {
///     #[validate(length(min = 2))]
///     name: String,
/// }
///
/// let languages = Languages::new().with_catalog(French);
/// let french = languages.negotiate(Some("fr-CA"));
/// assert_eq!(french.tag(), "fr");
/// let violations = Hub { name: "h".into() }.validate().unwrap_err();
/// let answer = violations.into_response(&french);
/// assert_eq!(answer.error.details[0].message, "Il faut au moins 2 caractères ; il y en a 1.");
/// // What French lacks comes from English.
/// assert_eq!(answer.error.message, "The request content was invalid: 1 error was found.");
/// ```
pub trait Catalog: Send + Sync {
    /// The language tag of this catalog: `fr`, `pt-BR`, `de` (compared without regard to case).
    fn language(&self) -> &str;

    /// Appends the text of the message known as `id` to `out`, from `message`'s parameters, and
    /// returns `true`; or returns `false` when this catalog has no text for `id` (what it appended
    /// then is taken back).
    fn write(&self, id: &str, message: &Message, out: &mut String) -> bool;
}

/// The languages built in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Builtin {
    English,
    German,
    Japanese,
}

impl Builtin {
    /// Every built-in language, English first.
    pub(crate) const ALL: [Builtin; 3] = [Builtin::English, Builtin::German, Builtin::Japanese];

    pub(crate) fn tag(self) -> &'static str {
        match self {
            Builtin::English => "en",
            Builtin::German => "de",
            Builtin::Japanese => "ja",
        }
    }

    pub(crate) fn write<W: fmt::Write + ?Sized>(self, message: &Message, out: &mut W) -> fmt::Result {
        match self {
            Builtin::English => english::write(message, out),
            Builtin::German => german::write(message, out),
            Builtin::Japanese => japanese::write(message, out),
        }
    }
}

/// A rule's message about a map key ([`Message::AboutKey`]) in a built-in language whose
/// sentences about a value begin with `value` ("The value"): the same sentence with `key` ("The
/// key") in its place. Every message a rule inside `keys` writes begins so in each built-in
/// language (their test says so), so that each sentence is translated once, and one added for
/// values (a new format) reads right of a key at once. German's `Wert` and `Schlüssel` are both
/// masculine: what follows the subject ("er hat …") agrees with either.
pub(crate) fn about_key<W: fmt::Write + ?Sized>(
    message: &Message,
    [value, key]: [&str; 2],
    write: fn(&Message, &mut String) -> fmt::Result,
    out: &mut W,
) -> fmt::Result {
    let mut text = String::new();
    write(message, &mut text)?;
    match text.strip_prefix(value) {
        Some(rest) => {
            out.write_str(key)?;
            out.write_str(rest)
        }
        None => out.write_str(&text),
    }
}

/// The catalogs one answer is worded with: those of the user for the language, then a built-in
/// one; and whether details carry `additionalInfo`.
///
/// [`Language::english`] needs nothing else; [`Languages::negotiate`] picks one for a request.
#[derive(Clone)]
pub struct Language<'a> {
    tag: &'a str,
    own: Vec<&'a dyn Catalog>,
    builtin: Builtin,
    additional_info: bool,
}

impl fmt::Debug for Language<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Language")
            .field("tag", &self.tag)
            .field("own", &self.own.iter().map(|c| c.language()).collect::<Vec<_>>())
            .field("builtin", &self.builtin)
            .field("additional_info", &self.additional_info)
            .finish()
    }
}

impl Language<'static> {
    /// English, built in: the default.
    pub const fn english() -> Self {
        Language { tag: "en", own: Vec::new(), builtin: Builtin::English, additional_info: false }
    }

    /// A built-in language by its tag (`en`, `de`, `ja`; case does not matter), alone.
    ///
    /// ```
    /// use validate_core::Language;
    ///
    /// assert_eq!(Language::builtin("JA").map(|l| l.tag().to_owned()), Some("ja".to_owned()));
    /// assert!(Language::builtin("fr").is_none());
    /// ```
    pub fn builtin(tag: &str) -> Option<Self> {
        let builtin = Builtin::ALL.into_iter().find(|b| b.tag().eq_ignore_ascii_case(tag))?;
        Some(Language { tag: builtin.tag(), builtin, ..Language::english() })
    }
}

impl<'a> Language<'a> {
    /// The language's tag, as `Content-Language` says it: `en`, `de`, `ja`, or a user catalog's.
    pub fn tag(&self) -> &'a str {
        self.tag
    }

    /// Whether details carry `additionalInfo`: the rule and its parameters.
    pub fn additional_info(&self) -> bool {
        self.additional_info
    }

    /// The same language, with `additionalInfo` on each detail or not.
    ///
    /// ```
    /// use validate_core::{Language, Validate};
    ///
    /// #[derive(Validate)]
    /// struct Hub {
    ///     #[validate(length(min = 2))]
    ///     name: String,
    /// }
    ///
    /// let violations = Hub { name: "h".into() }.validate().unwrap_err();
    /// let answer = violations.into_response(&Language::english().with_additional_info(true));
    /// assert_eq!(
    ///     serde_json::to_value(&answer.error.details[0].additional_info).unwrap(),
    ///     serde_json::json!([{
    ///         "type": "ValidationRule",
    ///         "info": { "rule": "length", "messageId": "length-too-short", "min": 2, "actual": 1, "unit": "characters" }
    ///     }])
    /// );
    /// ```
    #[must_use]
    pub fn with_additional_info(mut self, on: bool) -> Self {
        self.additional_info = on;
        self
    }

    /// The text of `violation` in this language.
    pub fn render(&self, violation: &Violation) -> String {
        let mut out = String::new();
        self.write(violation.code(), violation.typed_message(), violation.overridden(), &mut out);
        out
    }

    /// The text of `message`, raised with `code`, in this language: for a service's own answers
    /// ([`Message::Own`] with an id), and the top-level messages.
    pub fn text(&self, code: &str, message: &Message) -> String {
        let mut out = String::new();
        self.write(code, message, None, &mut out);
        out
    }

    /// Appends the text of `message` raised with `code` (whose text an attribute may have given:
    /// `overridden`) to `out`.
    pub(crate) fn write(&self, code: &str, message: &Message, overridden: Option<&str>, out: &mut String) {
        if !self.own.is_empty() && self.write_own(code, message, overridden, out) {
            return;
        }
        match (overridden, message) {
            (Some(text), _) => out.push_str(text),
            (None, Message::Own(own)) => out.push_str(&own.text),
            // Writing into a `String` cannot fail.
            (None, builtin) => {
                let _ = self.builtin.write(builtin, out);
            }
        }
    }
}

impl Language<'_> {
    /// Asks the user's catalogs for the text of `message`, raised with `code`; `false` when none
    /// has it.
    fn write_own(&self, code: &str, message: &Message, overridden: Option<&str>, out: &mut String) -> bool {
        // A text the user wrote is known by its code (or its own id); a built-in one by its id.
        let id = match (overridden, message) {
            (Some(_), _) => code,
            (None, Message::Own(own)) => own.id.unwrap_or(code),
            (None, builtin) => builtin.id().unwrap_or(code),
        };
        let start = out.len();
        for catalog in &self.own {
            if catalog.write(id, message, out) {
                return true;
            }
            // A catalog that wrote and then declined leaves nothing behind.
            out.truncate(start);
        }
        false
    }
}

impl Default for Language<'static> {
    fn default() -> Self {
        Language::english()
    }
}

/// The languages a service speaks: the built-in ones and the user's catalogs; and whether its
/// answers carry `additionalInfo`. Cheap to clone (the catalogs are shared).
///
/// See [`Languages::negotiate`] for how one is chosen for a request.
#[derive(Clone)]
pub struct Languages {
    // Shared, so that a clone per request (from a request's extensions) costs a count; `None`
    // when there are none, so that the built-in languages allocate nothing.
    catalogs: Option<Arc<[Arc<dyn Catalog>]>>,
    additional_info: bool,
}

impl fmt::Debug for Languages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Languages")
            .field("catalogs", &self.catalogs().iter().map(|c| c.language()).collect::<Vec<_>>())
            .field("additional_info", &self.additional_info)
            .finish()
    }
}

impl Default for Languages {
    fn default() -> Self {
        Self::new()
    }
}

impl Languages {
    /// English, German and Japanese, built in; no `additionalInfo`.
    pub const fn new() -> Self {
        Languages { catalogs: None, additional_info: false }
    }

    /// The user's catalogs, in the order they were added.
    fn catalogs(&self) -> &[Arc<dyn Catalog>] {
        self.catalogs.as_deref().unwrap_or_default()
    }

    /// These languages and `catalog`: a language of its own, or words for some messages of a
    /// built-in one (asked before it). Catalogs added earlier are asked first.
    #[must_use]
    pub fn with_catalog(mut self, catalog: impl Catalog + 'static) -> Self {
        let mut catalogs = self.catalogs().to_vec();
        catalogs.push(Arc::new(catalog));
        self.catalogs = Some(catalogs.into());
        self
    }

    /// These languages, answering with `additionalInfo` on every detail or not.
    #[must_use]
    pub fn with_additional_info(mut self, on: bool) -> Self {
        self.additional_info = on;
        self
    }

    /// The language tags these languages speak: the built-in ones, then the user's, each once.
    /// A catalog whose language is not a language tag (`de_AT`, `*`) is never chosen.
    pub fn tags(&self) -> Vec<&str> {
        self.speaks().collect()
    }

    /// [`tags`](Self::tags), without collecting them: the built-in tags, then each user catalog's
    /// that is a language tag and not one before it.
    fn speaks(&self) -> impl Iterator<Item = &str> + Clone {
        let builtin = Builtin::ALL.iter().map(|b| b.tag());
        let own = self.catalogs().iter().enumerate().filter_map(move |(i, catalog)| {
            let tag = catalog.language();
            let earlier = |other: &Arc<dyn Catalog>| other.language().eq_ignore_ascii_case(tag);
            let known = Builtin::ALL.iter().any(|b| b.tag().eq_ignore_ascii_case(tag))
                || self.catalogs()[..i].iter().any(earlier);
            (!known && tag != "*" && negotiate::is_range(tag)).then_some(tag)
        });
        builtin.chain(own)
    }

    /// The language for a request with this `Accept-Language` header (`None` when it has none).
    ///
    /// The ranges are taken by their `q` weights, highest first (equal weights in the order
    /// written; `q=0` means "not this one"). A range matches a language it names exactly or
    /// is a prefix of (`de` takes `de-AT`), or that is a prefix of it (`de-AT` takes `de`);
    /// `*` takes any, English first. Tags are compared without regard to case. A malformed
    /// header, or one that nothing here matches, gets English.
    ///
    /// ```
    /// use validate_core::Languages;
    ///
    /// let languages = Languages::new();
    /// assert_eq!(languages.negotiate(Some("ja-JP")).tag(), "ja");
    /// assert_eq!(languages.negotiate(Some("fr, de;q=0.8, ja;q=0.9")).tag(), "ja");
    /// assert_eq!(languages.negotiate(Some("de;q=0, *")).tag(), "en");
    /// assert_eq!(languages.negotiate(Some("fr")).tag(), "en");
    /// assert_eq!(languages.negotiate(Some("de;q=nonsense")).tag(), "en");
    /// assert_eq!(languages.negotiate(None).tag(), "en");
    /// ```
    pub fn negotiate(&self, accept_language: Option<&str>) -> Language<'_> {
        let chosen = accept_language.and_then(|header| negotiate::choose(header, &self.speaks())).unwrap_or("en");
        self.language(chosen)
    }

    /// The language `tag` names exactly (case aside), as [`negotiate`](Self::negotiate) would
    /// give it; `None` when these languages do not speak it. For `--lang de` and the like.
    pub fn get(&self, tag: &str) -> Option<Language<'_>> {
        let known = self.speaks().find(|known| known.eq_ignore_ascii_case(tag))?;
        Some(self.language(known))
    }

    /// The language of `tag`, one of [`tags`](Self::tags) as it spells it: the user's catalogs for it and for
    /// each shorter prefix of it, then the built-in one for its primary language, or English.
    fn language<'s>(&'s self, tag: &'s str) -> Language<'s> {
        let builtin = Builtin::ALL
            .into_iter()
            .find(|b| negotiate::primary(tag).eq_ignore_ascii_case(b.tag()))
            .unwrap_or(Builtin::English);
        let mut own: Vec<&dyn Catalog> = Vec::new();
        for prefix in negotiate::prefixes(tag) {
            own.extend(self.catalogs().iter().filter(|c| c.language().eq_ignore_ascii_case(prefix)).map(|c| &**c));
        }
        Language { tag, own, builtin, additional_info: self.additional_info }
    }
}
