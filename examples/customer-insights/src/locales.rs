//! The languages the service answers in: English, and German and Japanese from its own Fluent
//! catalogs (`locales/de.ftl`, `locales/ja.ftl`) over the library's built-in ones.
//!
//! The library words what it raises (the 400 of a body, 415, 413) in every built-in language.
//! The service's catalogs word what the service says itself: its own answers (404, 405, 408,
//! 414, 431, 500, each a [`Message::Own`] with one of the ids of [`IDS`], and parameters where
//! the English text has a number or a name) and the URL rules of [`RelationshipAddress`], whose
//! entries are named by their code and choose their text by `$rule` and `$parameter`.
//!
//! ```
//! use customer_insights::locales;
//!
//! let languages = locales::languages();
//! assert_eq!(languages.tags(), ["en", "de", "ja"]);
//! let not_found = locales::own("No route matches the request URL.", locales::ROUTE_NOT_FOUND, Vec::new());
//! assert_eq!(languages.negotiate(None).text("NotFound", &not_found), "No route matches the request URL.");
//! ```
//!
//! [`RelationshipAddress`]: crate::address::RelationshipAddress

use std::borrow::Cow;
use std::sync::LazyLock;

use validate_core::catalog::FluentCatalog;
use validate_core::message::{Own, Param};
use validate_core::{Languages, Message, Violation};

use crate::address::URL_CODES;

/// 404 `NotFound`: no route matches.
pub const ROUTE_NOT_FOUND: &str = "route-not-found";
/// 405 `MethodNotAllowed`.
pub const METHOD_NOT_ALLOWED: &str = "method-not-allowed";
/// 414 `RequestUriTooLong`; `$maxUrlBytes`.
pub const URL_TOO_LONG: &str = "url-too-long";
/// 431 `RequestHeaderFieldsTooLarge`; `$maxHeaderBytes`.
pub const HEADERS_TOO_LARGE: &str = "headers-too-large";
/// 408 `RequestTimeout`: the body was too slow.
pub const BODY_TIMEOUT: &str = "body-timeout";
/// 404 `ResourceNotFound`; `$hub`, `$name`, `$group`.
pub const RESOURCE_NOT_FOUND: &str = "resource-not-found";
/// 500 `InternalServerError`.
pub const INTERNAL_ERROR: &str = "internal-error";
/// 400 `InvalidRequestUri`, for a URL whose rules failed without saying which.
pub const URL_INVALID: &str = "url-invalid";

/// Every id the service's catalogs must know: its own answers, then the codes of its URL rules.
/// The one list: the tests check each catalog against it, both ways.
pub const IDS: [&str; 13] = [
    ROUTE_NOT_FOUND,
    METHOD_NOT_ALLOWED,
    URL_TOO_LONG,
    HEADERS_TOO_LARGE,
    BODY_TIMEOUT,
    RESOURCE_NOT_FOUND,
    INTERNAL_ERROR,
    URL_INVALID,
    URL_CODES[0],
    URL_CODES[1],
    URL_CODES[2],
    URL_CODES[3],
    URL_CODES[4],
];

/// The service's catalogs: their language and their Fluent text, built into the binary.
pub const CATALOGS: [(&str, &str); 2] =
    [("de", include_str!("../locales/de.ftl")), ("ja", include_str!("../locales/ja.ftl"))];

/// The languages the service speaks: the built-in ones, and its own catalogs for its own messages.
/// Read once per process (the catalogs are shared: a clone costs a count).
///
/// A catalog that does not parse is a bug of the service (a unit test parses both), and stops it
/// as it starts.
pub fn languages() -> Languages {
    static LANGUAGES: LazyLock<Languages> = LazyLock::new(|| {
        CATALOGS.iter().fold(Languages::new(), |languages, (tag, source)| {
            // Built into the binary and parsed by a unit test: a failure here is a bug of this
            // service, found before it ships, not something a request can cause.
            let catalog = FluentCatalog::new(tag, source).unwrap_or_else(|error| panic!("locales/{tag}.ftl: {error}"));
            languages.with_catalog(catalog)
        })
    });
    LANGUAGES.clone()
}

/// One of the service's own messages: its English text, its id (one of [`IDS`]) and its
/// parameters.
pub fn own(text: impl Into<Cow<'static, str>>, id: &'static str, args: Vec<(&'static str, Param)>) -> Message {
    Message::Own(Own { text: text.into(), id: Some(id), args: args.into_boxed_slice() })
}

/// The message of a URL rule's violation for the catalogs: known by its code, with `$rule` (the
/// rule broken: `required`, `one_of`, `range`, `format`, `length`, `pattern`), `$parameter` (the
/// URL parameter: `hubName`, …) and the rule's own parameters. English keeps the rule's text.
///
/// The parameter is there because one code covers several: `InvalidResourceName` is the hub's
/// and the relationship's, whose patterns no other parameter tells apart.
pub fn url_message(violation: &Violation) -> Message {
    let typed = violation.typed_message();
    let mut args: Vec<(&'static str, Param)> = vec![("rule", Param::from(typed.rule()))];
    args.push(("parameter", Param::from(violation.target().to_owned())));
    typed.params(&mut |name, arg| args.push((name, Param::from(arg))));
    Message::Own(Own { text: Cow::Owned(violation.message()), id: None, args: args.into_boxed_slice() })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids a Fluent text defines: its messages (`id = …`), not its terms (`-term = …`).
    fn defined(source: &str) -> Vec<&str> {
        source
            .lines()
            .filter_map(|line| line.split_once('=').map(|(id, _)| id))
            .filter(|id| !id.is_empty() && !id.starts_with([' ', '#', '-', '*', '[', '}']))
            .map(str::trim_end)
            .collect()
    }

    /// `IDS` names the URL rules' codes one by one: a code added to `URL_CODES` must be added there.
    #[test]
    fn every_code_of_the_url_rules_is_an_id() {
        for code in URL_CODES {
            assert!(IDS.contains(&code), "{code} is not in IDS");
        }
    }

    #[test]
    fn the_catalogs_parse() {
        for (tag, source) in CATALOGS {
            if let Err(error) = FluentCatalog::new(tag, source) {
                panic!("locales/{tag}.ftl: {error}");
            }
        }
    }

    #[test]
    fn every_id_has_an_entry_in_every_catalog_and_every_entry_is_used() {
        for (tag, source) in CATALOGS {
            let defined = defined(source);
            for id in IDS {
                assert!(defined.contains(&id), "locales/{tag}.ftl has no entry {id}");
            }
            for id in &defined {
                assert!(IDS.contains(id), "locales/{tag}.ftl defines {id}, which the service never says");
            }
            let mut unique = defined.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), defined.len(), "locales/{tag}.ftl defines an id twice");
        }
    }

    #[test]
    fn every_id_is_a_message_of_every_catalog_as_fluent_reads_it() {
        // Every parameter any of the service's messages has: a message that refers to one it
        // lacks, or that Fluent does not find, is not written.
        let args: Vec<(&'static str, Param)> = vec![
            ("rule", Param::from("length")),
            ("parameter", Param::from("hubName")),
            ("maxUrlBytes", Param::Count(8192)),
            ("maxHeaderBytes", Param::Count(32768)),
            ("hub", Param::from("hub1")),
            ("name", Param::from("rel_1")),
            ("group", Param::from("rg")),
        ];
        for (tag, source) in CATALOGS {
            let catalog = FluentCatalog::new(tag, source).unwrap();
            for id in IDS {
                let mut out = String::new();
                let message = own("English.", id, args.clone());
                assert!(validate_core::Catalog::write(&catalog, id, &message, &mut out), "locales/{tag}.ftl: {id}");
                assert!(!out.is_empty(), "locales/{tag}.ftl: {id}");
            }
        }
    }

    #[test]
    fn the_ids_are_distinct() {
        let mut ids = IDS.to_vec();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), IDS.len());
    }
}
