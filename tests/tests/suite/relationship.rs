//! The Relationship model against the corpus and against each rule of relationship-rules.md.

use customer_insights::model::{
    Cardinality, LocalizedText, ProfileEnumValidValuesFormat, PropertyDefinition, ProvisioningState,
    RelationshipDefinition, RelationshipResourceFormat, RelationshipTypeFieldMapping, RelationshipTypeMapping, Stored,
};
use validate_core::ValidateWith;
use validate_tests::{codes_and_targets, report_new};

fn corpus(name: &str) -> RelationshipResourceFormat {
    let path = format!("{}/../examples/customer-insights/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn names(pairs: &[(&str, &str)]) -> LocalizedText {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

fn field(name: &str, kind: &str) -> PropertyDefinition {
    serde_json::from_value(serde_json::json!({ "fieldName": name, "fieldType": kind })).unwrap()
}

fn valid() -> RelationshipResourceFormat {
    corpus("full-valid.json")
}

fn only(body: &RelationshipResourceFormat) -> String {
    let found = report_new(body);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().unwrap()
}

#[test]
fn the_valid_corpus_validates_cleanly() {
    assert_eq!(report_new(&corpus("official-example.json")), Vec::<String>::new());
    assert_eq!(report_new(&corpus("full-valid.json")), Vec::<String>::new());
}

#[test]
fn broken_several_gives_exactly_its_six_violations() {
    let violations = corpus("broken-several.json").validate_with(&Stored::NEW).unwrap_err();
    let expected = [
        ("EmptyValue", "properties.displayName['en-us']"),
        ("InvalidLocale", "properties.displayName['not a tag']"),
        ("DuplicateValue", "properties.fields[1].fieldName"),
        ("EmptyValue", "properties.fields[1].fieldType"),
        ("EmptyValue", "properties.lookupMappings[0].fieldMappings"),
        ("EmptyValue", "properties.profileType"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(c, t)| ((*c).into(), (*t).into())).collect();
    assert_eq!(codes_and_targets(&violations), expected);
}

#[test]
fn broken_several_messages() {
    assert_eq!(
        report_new(&corpus("broken-several.json")),
        [
            "EmptyValue properties.displayName['en-us']: The value must not be empty or white space.",
            "InvalidLocale properties.displayName['not a tag']: The key 'not a tag' is not a language tag such as 'en-us'.",
            "DuplicateValue properties.fields[1].fieldName: The value 'role' repeats the value at index 0, ignoring case.",
            "EmptyValue properties.fields[1].fieldType: The value must not be empty or white space.",
            "EmptyValue properties.lookupMappings[0].fieldMappings: The value must have at least 1 item.",
            "EmptyValue properties.profileType: The value must not be empty or white space.",
        ]
    );
}

#[test]
fn broken_shape_is_refused_when_reading() {
    let path = format!("{}/../examples/customer-insights/corpus/broken-shape.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let error = serde_json::from_str::<RelationshipResourceFormat>(&text).unwrap_err();
    assert!(error.to_string().contains("unknown variant `OneToFew`"), "{error}");
}

#[test]
fn cardinality_is_a_closed_case_sensitive_set() {
    for (text, expected) in [
        ("OneToOne", Cardinality::OneToOne),
        ("OneToMany", Cardinality::OneToMany),
        ("ManyToMany", Cardinality::ManyToMany),
    ] {
        assert_eq!(serde_json::from_value::<Cardinality>(text.into()).unwrap(), expected);
    }
    for text in ["ManyToOne", "onetoone", "OneToFew", ""] {
        assert!(serde_json::from_value::<Cardinality>(text.into()).is_err(), "{text}");
    }
}

#[test]
fn display_name_needs_one_entry_tags_and_text() {
    let mut body = valid();
    body.properties.display_name = LocalizedText::new();
    assert_eq!(only(&body), "EmptyValue properties.displayName: The value must have at least 1 entry.");
    body.properties.display_name = names(&[("EN-US", "Name"), ("zh-Hant-TW", "名稱")]);
    assert!(body.validate_with(&Stored::NEW).is_ok());
    body.properties.display_name = names(&[("en us", " ")]);
    assert_eq!(
        report_new(&body),
        [
            "InvalidLocale properties.displayName['en us']: The key 'en us' is not a language tag such as 'en-us'.",
            "EmptyValue properties.displayName['en us']: The value must not be empty or white space.",
        ]
    );
}

#[test]
fn description_follows_the_same_rules_when_present() {
    let mut body = valid();
    body.properties.description = None;
    assert!(body.validate_with(&Stored::NEW).is_ok());
    body.properties.description = Some(LocalizedText::new());
    assert_eq!(only(&body), "EmptyValue properties.description: The value must have at least 1 entry.");
    body.properties.description = Some(names(&[("e", "x")]));
    assert_eq!(
        only(&body),
        "InvalidLocale properties.description['e']: The key 'e' is not a language tag such as 'en-us'."
    );
    body.properties.description = Some(names(&[("en", "")]));
    assert_eq!(only(&body), "EmptyValue properties.description['en']: The value must not be empty or white space.");
}

#[test]
fn expiry_is_an_rfc_3339_date_time() {
    let mut body = valid();
    body.properties.expiry_date_time_utc = Some("2027-06-30T23:59:59+02:00".into());
    assert!(body.validate_with(&Stored::NEW).is_ok());
    body.properties.expiry_date_time_utc = Some("30/06/2027".into());
    assert_eq!(
        only(&body),
        "InvalidFormat properties.expiryDateTimeUtc: The value '30/06/2027' is not an RFC 3339 date-time such as '2027-06-30T23:59:59Z'."
    );
}

#[test]
fn field_names_are_unique_ignoring_case() {
    let mut body = valid();
    body.properties.fields =
        Some(vec![field("Straße", "Edm.String"), field("Other", "Edm.String"), field("STRAßE", "Edm.Int32")]);
    assert_eq!(
        only(&body),
        "DuplicateValue properties.fields[2].fieldName: The value 'STRAßE' repeats the value at index 0, ignoring case."
    );
    body.properties.fields = Some(vec![]);
    assert!(body.validate_with(&Stored::NEW).is_ok());
}

#[test]
fn field_name_and_type_are_required_and_not_blank() {
    let mut body = valid();
    body.properties.fields = Some(vec![field(" ", "\t")]);
    assert_eq!(
        report_new(&body),
        [
            "EmptyValue properties.fields[0].fieldName: The value must not be empty or white space.",
            "EmptyValue properties.fields[0].fieldType: The value must not be empty or white space.",
        ]
    );
    let missing = serde_json::from_value::<PropertyDefinition>(serde_json::json!({ "fieldName": "a" }));
    assert!(missing.unwrap_err().to_string().contains("missing field `fieldType`"));
}

#[test]
fn enum_valid_values_need_named_values_when_names_are_given() {
    let mut body = valid();
    let mut tier = field("Tier", "Edm.Int32");
    tier.enum_valid_values = Some(vec![
        ProfileEnumValidValuesFormat { value: Some(1), localized_value_names: None },
        ProfileEnumValidValuesFormat { value: None, localized_value_names: Some(LocalizedText::new()) },
        ProfileEnumValidValuesFormat { value: Some(3), localized_value_names: Some(names(&[("en-us", "")])) },
    ]);
    body.properties.fields = Some(vec![tier]);
    assert_eq!(
        report_new(&body),
        [
            "EmptyValue properties.fields[0].enumValidValues[1].localizedValueNames: The value must have at least 1 entry.",
            "EmptyValue properties.fields[0].enumValidValues[2].localizedValueNames['en-us']: The value must not be empty or white space.",
        ]
    );
}

#[test]
fn max_length_takes_any_integer() {
    let mut body = valid();
    let mut role = field("Role", "Edm.String");
    role.max_length = Some(-5);
    body.properties.fields = Some(vec![role]);
    assert!(body.validate_with(&Stored::NEW).is_ok());
}

#[test]
fn lookup_mappings_need_field_pairs_with_both_names() {
    let mut body = valid();
    body.properties.lookup_mappings = Some(vec![RelationshipTypeMapping {
        field_mappings: vec![RelationshipTypeFieldMapping {
            profile_field_name: String::new(),
            related_profile_key_property: " ".into(),
        }],
    }]);
    assert_eq!(
        report_new(&body),
        [
            "EmptyValue properties.lookupMappings[0].fieldMappings[0].profileFieldName: The value must not be empty or white space.",
            "EmptyValue properties.lookupMappings[0].fieldMappings[0].relatedProfileKeyProperty: The value must not be empty or white space.",
        ]
    );
}

#[test]
fn profile_types_are_required_and_not_blank() {
    let mut body = valid();
    body.properties.profile_type = String::new();
    body.properties.related_profile_type = "\u{3000}".into();
    assert_eq!(
        report_new(&body),
        [
            "EmptyValue properties.profileType: The value must not be empty or white space.",
            "EmptyValue properties.relatedProfileType: The value must not be empty or white space.",
        ]
    );
    let missing = serde_json::from_value::<RelationshipDefinition>(serde_json::json!({
        "displayName": { "en": "x" }, "profileType": "A"
    }));
    assert!(missing.unwrap_err().to_string().contains("missing field `relatedProfileType`"));
}

#[test]
fn read_only_properties_are_refused_when_sent() {
    let mut body = valid();
    body.id = Some("/subscriptions/x".into());
    body.name = Some("hub/rel".into());
    body.resource_type = Some("Microsoft.CustomerInsights/hubs/relationships".into());
    body.properties.provisioning_state = Some(ProvisioningState::Succeeded);
    body.properties.relationship_name = Some("rel".into());
    body.properties.relationship_guid_id = Some("g".into());
    body.properties.tenant_id = Some("hub".into());
    let mut role = field("Role", "Edm.String");
    role.data_source_precedence_rules = Some(r#"[{"precedence":1}]"#.parse().unwrap());
    body.properties.fields = Some(vec![role]);
    let found: Vec<String> = codes_and_targets(&body.validate_with(&Stored::NEW).unwrap_err())
        .into_iter()
        .map(|(c, t)| format!("{c} {t}"))
        .collect();
    assert_eq!(
        found,
        [
            "ReadOnlyProperty id",
            "ReadOnlyProperty name",
            "ReadOnlyProperty type",
            "ReadOnlyProperty properties.fields[0].dataSourcePrecedenceRules",
            "ReadOnlyProperty properties.provisioningState",
            "ReadOnlyProperty properties.relationshipName",
            "ReadOnlyProperty properties.relationshipGuidId",
            "ReadOnlyProperty properties.tenantId",
        ]
    );
    assert!(report_new(&body)[2].ends_with("The property 'type' is read-only: only the server sets it."));
}

#[test]
fn unknown_properties_are_refused_when_reading_but_maps_are_open() {
    let error = serde_json::from_value::<RelationshipResourceFormat>(serde_json::json!({
        "properties": { "displayName": { "en": "x" }, "profileType": "A", "relatedProfileType": "B", "colour": "red" }
    }))
    .unwrap_err();
    assert!(error.to_string().contains("unknown field `colour`"), "{error}");
    let open = serde_json::from_value::<RelationshipResourceFormat>(serde_json::json!({
        "properties": { "displayName": { "en": "x", "xx-anything": "y" }, "profileType": "A", "relatedProfileType": "B" }
    }));
    assert!(open.is_ok());
}

#[test]
fn a_valid_body_round_trips_through_json() {
    let body = valid();
    let text = serde_json::to_string(&body).unwrap();
    let again: RelationshipResourceFormat = serde_json::from_str(&text).unwrap();
    assert_eq!(again, body);
    assert!(!text.contains("null"), "absent properties are omitted: {text}");
}
