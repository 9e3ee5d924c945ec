//! `FluentCatalog` through the public API: reading `.ftl` text, and answers worded by it.

use validate_core::catalog::{CatalogError, FluentCatalog};
use validate_core::{Catalog, Language, Languages, RuleError, Validate, Violations};

#[derive(Validate)]
struct Hub {
    #[validate(length(min = 2))]
    name: String,
    #[validate(pattern("^[a-z]+$", code = "InvalidHubName", message = "A hub name is lower-case letters."))]
    slug: String,
    #[validate(required)]
    location: Option<String>,
}

/// A hub with a name `name`, a slug `slug` and no location.
fn hub(name: &str, slug: &str) -> Violations {
    Hub { name: name.into(), slug: slug.into(), location: None }.validate().unwrap_err()
}

/// The message of every detail of the answer in `language`.
fn details(violations: &Violations, language: &Language<'_>) -> Vec<String> {
    violations.clone().into_response(language).error.details.into_iter().map(|d| d.message).collect()
}

fn catalog(tag: &str, source: &str) -> FluentCatalog {
    FluentCatalog::new(tag, source).unwrap_or_else(|error| panic!("{tag}: {error}"))
}

const FRENCH: &str = "\
length-too-short = { $min ->
        [one] Il faut au moins { $min } caractère ; il y en a { $actual }.
       *[other] Il faut au moins { $min } caractères ; il y en a { $actual }.
    }
request-invalid-content = { $found ->
        [one] { $found } erreur.
       *[other] { $found } erreurs.
    }
";

#[test]
fn a_syntax_error_names_its_line() {
    let error: CatalogError =
        FluentCatalog::new("fr", "# Français\n\nbonjour = Bonjour\nau-revoir\nmerci = Merci\n").unwrap_err();
    assert_eq!(error.line(), Some(4));
    assert_eq!(error.to_string(), r#"Line 4 of the Fluent text is not valid: expected a token starting with "="."#);
    let error = FluentCatalog::new("fr", "a = { $x\n").unwrap_err();
    assert_eq!(error.line(), Some(1), "an unclosed placeable is on its own line, not the empty one after: {error}");
    let twice = FluentCatalog::new("fr", "a = A\nb = B\na = A again\n").unwrap_err();
    assert_eq!(twice.line(), Some(3));
    assert_eq!(twice.to_string(), "Line 3 of the Fluent text defines 'a' a second time (line 1 did first).");
}

#[test]
fn a_tag_that_is_not_a_language_tag() {
    let error = FluentCatalog::new("xx yy", "a = A").unwrap_err();
    assert_eq!(error.to_string(), "'xx yy' is not a language tag.");
    assert_eq!(error.line(), None);
    assert_eq!(FluentCatalog::new("", "a = A").unwrap_err().to_string(), "'' is not a language tag.");
    assert_eq!(FluentCatalog::new("es_mx", "a = A").unwrap().language(), "es-MX");
}

#[test]
fn an_english_catalog_rewords_the_built_in_english() {
    let languages = Languages::new().with_catalog(catalog("en", "required = { $name } is a must.\n"));
    let english = languages.negotiate(Some("en-GB"));
    assert_eq!(english.tag(), "en");
    let violations = hub("ok", "ok");
    assert_eq!(details(&violations, &english), ["location is a must."]);
    // Without it, the built-in English.
    assert_eq!(details(&violations, &Language::english()), ["The property 'location' is required."]);
}

#[derive(Validate)]
struct Short {
    #[validate(length(min = 1))]
    a: String,
    #[validate(length(min = 2))]
    b: String,
}

#[test]
fn a_new_language_with_its_plural_forms() {
    let languages = Languages::new().with_catalog(catalog("fr", FRENCH));
    let french = languages.negotiate(Some("fr"));
    assert_eq!(french.tag(), "fr");
    // French `one` takes 0 and 1.
    let one = Hub { name: "h".into(), slug: "ok".into(), location: Some("here".into()) }.validate().unwrap_err();
    let answer = one.into_response(&french);
    assert_eq!(answer.error.message, "1 erreur.");
    assert_eq!(answer.error.details[0].message, "Il faut au moins 2 caractères ; il y en a 1.");

    let violations = Short { a: String::new(), b: String::new() }.validate().unwrap_err();
    let answer = violations.into_response(&french);
    assert_eq!(answer.error.message, "2 erreurs.");
    assert_eq!(answer.error.details[0].message, "Il faut au moins 1 caractère ; il y en a 0.");
    assert_eq!(answer.error.details[1].message, "Il faut au moins 2 caractères ; il y en a 0.");
}

#[test]
fn a_region_falls_back_to_its_language() {
    let languages = Languages::new()
        .with_catalog(catalog("fr", FRENCH))
        .with_catalog(catalog("de", "required = Die Angabe '{ $name }' fehlt (Katalog).\n"));
    let violations = hub("h", "ok");

    let french = languages.negotiate(Some("fr-CA, en;q=0.5"));
    assert_eq!(french.tag(), "fr");
    assert_eq!(details(&violations, &french)[0], "Il faut au moins 2 caractères ; il y en a 1.");

    let german = languages.negotiate(Some("de-AT"));
    assert_eq!(german.tag(), "de");
    // The user's German comes before the built-in German.
    assert_eq!(details(&violations, &german)[1], "Die Angabe 'location' fehlt (Katalog).");
}

#[test]
fn what_a_catalog_lacks_comes_from_the_built_in_text() {
    let languages = Languages::new()
        .with_catalog(catalog("fr", FRENCH))
        .with_catalog(catalog("de", "required = Die Angabe '{ $name }' fehlt (Katalog).\n"));
    let violations = hub("h", "ok");
    let german = languages.negotiate(Some("de"));
    let built_in = Language::builtin("de").unwrap();
    let length = violations.iter().next().unwrap();
    // German: the built-in German (English until it is written, whatever its words are).
    assert_eq!(details(&violations, &german)[0], built_in.render(length));
    // French, which has no built-in catalog: English.
    let french = languages.negotiate(Some("fr"));
    assert_eq!(details(&violations, &french)[1], "The property 'location' is required.");
}

#[test]
fn an_attributes_message_is_translated_by_its_code() {
    let violations = hub("ok", "Contoso");
    let with_code = Languages::new()
        .with_catalog(catalog("fr", "InvalidHubName = Un nom de hub ne contient que des lettres minuscules.\n"));
    assert_eq!(
        details(&violations, &with_code.negotiate(Some("fr")))[0],
        "Un nom de hub ne contient que des lettres minuscules."
    );
    // A catalog without it: the text the attribute gave, not the built-in pattern message.
    let without = Languages::new().with_catalog(catalog("fr", FRENCH));
    assert_eq!(details(&violations, &without.negotiate(Some("fr")))[0], "A hub name is lower-case letters.");
    // One code for several rules: `$rule` tells them apart.
    let by_rule = Languages::new().with_catalog(catalog(
        "fr",
        "InvalidHubName = { $rule ->\n        [pattern] Lettres minuscules.\n       *[other] Autre.\n    }\n",
    ));
    assert_eq!(details(&violations, &by_rule.negotiate(Some("fr")))[0], "Lettres minuscules.");
}

fn known_hub(name: &str) -> Result<(), RuleError> {
    if name == "contoso" {
        return Ok(());
    }
    Err(RuleError::invalid(format!("There is no hub '{name}'."))
        .with_id("no-such-hub")
        .with_arg("hub", name.to_owned()))
}

#[derive(Validate)]
struct Request {
    #[validate(custom(known_hub))]
    hub: String,
}

#[test]
fn a_custom_rule_is_translated_with_its_arguments() {
    let languages = Languages::new().with_catalog(catalog("fr", "no-such-hub = Il n'y a pas de hub « { $hub } ».\n"));
    let violations = Request { hub: "fabrikam".into() }.validate().unwrap_err();
    assert_eq!(details(&violations, &languages.negotiate(Some("fr"))), ["Il n'y a pas de hub « fabrikam »."]);
    assert_eq!(details(&violations, &Language::english()), ["There is no hub 'fabrikam'."]);
}

#[test]
fn a_message_with_an_unknown_variable_falls_back() {
    let languages = Languages::new().with_catalog(catalog(
        "fr",
        "no-such-hub = Il n'y a pas de hub { $name }.\nrequired = Voir { -nulle-part }.\n",
    ));
    let french = languages.negotiate(Some("fr"));
    let violations = Request { hub: "fabrikam".into() }.validate().unwrap_err();
    assert_eq!(details(&violations, &french), ["There is no hub 'fabrikam'."]);
    assert_eq!(details(&hub("ok", "ok"), &french), ["The property 'location' is required."]);
}

#[test]
fn no_invisible_character_reaches_an_answer() {
    // Written into the text, and as Fluent escapes that only formatting turns into characters.
    let source = "required = \u{2068}Die\u{200b} Angabe\u{202e} '{ $name }' fehlt{\"\\u2069\\u200F\\uFEFF\"}.\u{7}\n";
    let languages = Languages::new().with_catalog(catalog("de", source));
    let text = &details(&hub("ok", "ok"), &languages.negotiate(Some("de")))[0];
    assert_eq!(text, "Die Angabe 'location' fehlt.");
    for invisible in ['\u{2068}', '\u{2069}', '\u{202e}', '\u{200b}', '\u{200f}', '\u{feff}', '\u{7}'] {
        assert!(!text.contains(invisible), "{invisible:?} in {text:?}");
    }
}

#[test]
fn placeables_are_not_isolated() {
    let languages = Languages::new().with_catalog(catalog("fr", FRENCH));
    let text = &details(&hub("h", "ok"), &languages.negotiate(Some("fr")))[0];
    // Fluent's default would write "\u{2068}2\u{2069}" and "\u{2068}1\u{2069}".
    assert_eq!(text, "Il faut au moins 2 caractères ; il y en a 1.");
    assert!(!text.contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn numbers_are_written_exactly() {
    #[derive(Validate)]
    struct Limits {
        #[validate(range(max = 10))]
        big: u64,
        #[validate(range(min = 0.5))]
        small: f32,
    }
    let languages = Languages::new().with_catalog(catalog(
        "fr",
        "range-above-maximum = { $value } > { $max }\nrange-below-minimum = { $value } < { $min }\n",
    ));
    let violations = Limits { big: u64::MAX, small: 0.1 }.validate().unwrap_err();
    assert_eq!(details(&violations, &languages.negotiate(Some("fr"))), ["18446744073709551615 > 10", "0.1 < 0.5"]);
}

#[test]
fn a_catalog_serves_every_thread() {
    let languages = Languages::new().with_catalog(catalog("fr", FRENCH));
    let violations = hub("h", "ok");
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                let french = languages.negotiate(Some("fr"));
                assert_eq!(details(&violations, &french)[0], "Il faut au moins 2 caractères ; il y en a 1.");
            });
        }
    });
}
