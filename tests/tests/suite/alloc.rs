//! `validate()` on valid input makes no heap allocation: paths live on the stack, targets and
//! messages are built only when a violation is recorded.

use std::collections::{BTreeMap, HashMap};

use allocation_counter::measure;
use customer_insights::model::{PropertyDefinition, RelationshipResourceFormat, Stored};
use validate_core::Holds;
use validate_core::{ErrorResponse, Validate, ValidateWith, Violation, Violations};

/// Allocations of `validate`, a value's validation (`validate()`, or `validate_with` for the
/// Relationship model, a new one: `Stored::NEW`).
fn allocations_of(validate: impl Fn() -> Result<(), Violations>) -> u64 {
    // The first call compiles the patterns, once for the process.
    if let Err(violations) = validate() {
        panic!("the value must be valid:\n{violations}");
    }
    measure(|| {
        assert!(validate().is_ok());
    })
    .count_total
}

fn relationship(fields: usize) -> RelationshipResourceFormat {
    let text = include_str!("../../../examples/customer-insights/corpus/full-valid.json");
    let mut body: RelationshipResourceFormat = serde_json::from_str(text).unwrap();
    let template = body.properties.fields.as_ref().unwrap()[0].clone();
    let fields =
        (0..fields).map(|i| PropertyDefinition { field_name: format!("Field{i}"), ..template.clone() }).collect();
    body.properties.fields = Some(fields);
    body
}

#[test]
fn the_relationship_model_allocates_nothing_when_valid() {
    for body in [relationship(3), relationship(100)] {
        assert_eq!(allocations_of(|| body.validate_with(&Stored::NEW)), 0);
    }
}

#[test]
fn uniqueness_beyond_the_stack_buffer_allocates_one_index_vector() {
    let body = relationship(200);
    let _ = body.validate_with(&Stored::NEW);
    let info = measure(|| assert!(body.validate_with(&Stored::NEW).is_ok()));
    assert_eq!(info.count_total, 1, "documented: above 128 items, one vector of indexes");
}

#[derive(Validate)]
struct EveryRule {
    #[validate(required, non_empty, length(min = 1, max = 10), pattern("^[a-z]+$"), one_of("abc", "def"))]
    name: Option<String>,
    #[validate(range(min = 1, max = 10))]
    count: u32,
    #[validate(format(uuid))]
    id: String,
    #[validate(format(date_time))]
    at: String,
    #[validate(localized)]
    names: HashMap<String, String>,
    #[validate(each(non_empty), unique(ignore_case))]
    tags: Vec<String>,
    #[validate(nested)]
    children: BTreeMap<String, Child>,
    #[validate(read_only)]
    server: Option<String>,
    #[validate(custom(fine))]
    custom: String,
    #[validate(length(equal = 2))]
    country: String,
    #[validate(length(equal = 3))]
    triple: Vec<u8>,
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.0))]
    share: f64,
    #[validate(range(min = 1, exclusive_max = 10))]
    units: Option<u8>,
    #[validate(contains("/"), prefix("https://"), suffix(".json"))]
    url: String,
    #[validate(not_containing("<>%&:\\?/"), no_control_chars)]
    label: String,
    #[validate(
        keys(non_empty, length(max = 512), not_containing("<>%&\\?/"), no_control_chars, pattern("^[a-z0-9-]+$")),
        each(length(max = 256))
    )]
    tag_map: HashMap<String, String>,
    #[validate(keys(format(uuid), prefix("0"), custom(fine)))]
    by_id: Option<BTreeMap<String, u8>>,
}

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Child {
    #[validate(non_empty)]
    name: String,
}

#[allow(clippy::unnecessary_wraps)] // a custom rule's signature
fn fine(_: &str) -> Result<(), validate_core::RuleError> {
    Ok(())
}

#[test]
fn every_rule_allocates_nothing_when_valid() {
    let value = EveryRule {
        name: Some("abc".into()),
        count: 5,
        id: "00000000-0000-0000-0000-000000000000".into(),
        at: "2027-06-30T23:59:59Z".into(),
        names: (0..20).map(|i| (format!("en-x{i:02}"), "x".to_owned())).collect(),
        tags: (0..100).map(|i| format!("tag{i}")).collect(),
        children: BTreeMap::from([("a".into(), Child { name: "x".into() })]),
        server: None,
        custom: "x".into(),
        country: "ÇH".into(),
        triple: vec![1, 2, 3],
        share: 0.5,
        units: Some(9),
        url: "https://example.com/a.json".into(),
        label: "hub-1 (ü)".into(),
        tag_map: (0..20).map(|i| (format!("tag-{i}"), "x".repeat(256))).collect(),
        by_id: Some((0..20).map(|i| (format!("0000{i:04}-0000-0000-0000-000000000000"), 1)).collect()),
    };
    assert_eq!(allocations_of(|| value.validate()), 0);
    assert!(Holds::check(&value), "valid, and answered without a list");
}

#[derive(Validate)]
struct EveryFormat {
    #[validate(format(date))]
    date: String,
    #[validate(format(duration))]
    duration: String,
    #[validate(format(date_time_rfc1123))]
    date_time_rfc1123: String,
    #[validate(format(uri))]
    uri: String,
    #[validate(each(format(arm_id)))]
    arm_id: Vec<String>,
    #[validate(format(email))]
    email: String,
    #[validate(format(ip))]
    ip: String,
    #[validate(format(ipv4))]
    ipv4: String,
    #[validate(format(ipv6))]
    ipv6: String,
    #[validate(format(base64))]
    base64: String,
    #[validate(format(base64url))]
    base64url: String,
}

#[test]
fn every_format_allocates_nothing_when_valid() {
    let sub = "/subscriptions/6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b";
    let value = EveryFormat {
        date: "2027-06-30".into(),
        duration: "P1Y2M3DT4H5M6.5S".into(),
        date_time_rfc1123: "Sun, 06 Nov 1994 08:49:37 GMT".into(),
        uri: "https://user@example.com:8443/a/b?c=d#e".into(),
        // The resource group's name is matched by a regular expression: compiled by the first
        // call, which `allocations_of` makes before it counts.
        arm_id: vec![
            sub.into(),
            format!("{sub}/resourceGroups/Grüße-(1)"),
            format!("{sub}/resourceGroups/rg/providers/Microsoft.Web/sites/app/slots/staging"),
            "/providers/Microsoft.Management/managementGroups/root/providers/Microsoft.Authorization/locks/l".into(),
        ],
        email: "first.last+tag@example.co.uk".into(),
        ip: "2001:db8::1".into(),
        ipv4: "192.0.2.1".into(),
        ipv6: "::ffff:192.0.2.1".into(),
        base64: "SGVsbA==".into(),
        base64url: "SGk_".into(),
    };
    assert_eq!(allocations_of(|| value.validate()), 0);
    assert!(Holds::check(&value), "valid, and answered without a list");
}

#[derive(Validate)]
struct ListRules {
    #[validate(unique(ignore_case))]
    names: Vec<String>,
    #[validate(keys(non_empty, length(max = 2)))]
    tags: HashMap<String, u8>,
    #[validate(localized)]
    display_name: HashMap<String, String>,
}

/// Asked whether it holds, a value whose `unique`, `keys` and `localized` fail builds no target, no
/// list and no sorted copy of a `HashMap`: those rules record into a list that keeps none. (An error
/// that echoes the value, such as `pattern`'s, is made by the rule before it is recorded, and is
/// dropped: that allocates, in either pass.)
#[test]
fn a_value_that_does_not_hold_is_answered_without_allocating() {
    let value = ListRules {
        names: vec!["a".into(), "A".into(), "b".into(), "B".into()],
        tags: [("ab", 1), ("", 2), ("xyz", 3), ("abc", 4)].into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        display_name: [("en", " "), ("xx_yy", "a"), ("de", "")]
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect(),
    };
    assert_eq!(value.validate().map_err(|v| v.len()), Err(8));
    assert_eq!(measure(|| assert!(!Holds::check(&value))).count_total, 0);
}

#[test]
fn the_counter_sees_the_failure_path() {
    // Proves the measurement is live: an invalid value must allocate its targets and messages.
    let mut body = relationship(3);
    body.properties.profile_type = String::new();
    let info = measure(|| assert!(body.validate_with(&Stored::NEW).is_err()));
    assert!(info.count_total > 0);
}

// Issue 13: past the 100 details an answer shows, a problem is counted and costs no allocation:
// neither its target nor its message is built.

#[test]
fn a_violation_past_the_limit_allocates_nothing() {
    use validate_core::{Path, RuleError};
    let mut full = Violations::new();
    for i in 0..100 {
        full.record(&Path::root().index(i), Err(RuleError::invalid("Bad.")));
    }
    let root = Path::root();
    let at = root.member("name");
    let info = measure(|| {
        full.record(&at, Err(RuleError::invalid("A static message.")));
        full.record_failure(&at, || RuleError::invalid(format!("A message built for {}.", "name")));
        let mut part = full.scratch();
        part.record_failure(&at, || RuleError::invalid(format!("A message built for {}.", "name")));
        full.append(&mut part);
    });
    assert_eq!(info.count_total, 0);
    assert_eq!((full.len(), full.left_out()), (103, 3));
}

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Items {
    #[validate(nested)]
    items: Vec<Child>,
}

/// Allocations of the answer to `{"items":[{},{},…]}` with `n` empty items, and to the
/// Relationship model with `n` empty `fields`: a missing property per item (two in the model).
fn allocations_with_empty_items(n: usize) -> (u64, u64) {
    let items = vec!["{}"; n].join(",");
    let plain = format!(r#"{{"items":[{items}]}}"#);
    let model = format!(
        r#"{{"properties":{{"displayName":{{"en":"x"}},"profileType":"a","relatedProfileType":"b","fields":[{items}]}}}}"#
    );
    let count = |run: &dyn Fn()| {
        run();
        measure(run).count_total
    };
    (
        // The whole failure path: the payload worded too.
        count(&|| drop(ErrorResponse::from(validate_core::from_json::<Items>(plain.as_bytes()).unwrap_err()))),
        count(&|| drop(ErrorResponse::from(customer_insights::check::answer(model.as_bytes()).unwrap_err()))),
    )
}

#[test]
fn problems_past_the_cap_allocate_nothing_each() {
    // 1 000 empty items and 2 000: the second body has 1 000 more problems past the cap, and
    // costs one more allocation: its tree's list of items doubles once more. Nothing per item.
    let (plain, model) = allocations_with_empty_items(1000);
    let (plain_twice, model_twice) = allocations_with_empty_items(2000);
    println!("empty items, from_json: {plain} then {plain_twice}; check: {model} then {model_twice}");
    assert_eq!(plain_twice, plain + 1);
    assert_eq!(model_twice, model + 1);
}

/// `Violations::into_result` forgets an empty list only when it holds no buffer. A list emptied
/// by `append` (its items moved out one by one) keeps its buffer, which must be freed, not leaked.
#[test]
fn an_emptied_list_frees_its_buffer_in_into_result() {
    let violation = Violation::new("a", "X", "x");
    let info = measure(|| {
        let mut all = Violations::new();
        all.push(violation.clone());
        let mut part = Violations::new();
        part.push(violation.clone());
        // `all` is not empty: `part`'s items are moved out of its list, which keeps its buffer.
        all.append(&mut part);
        assert_eq!(part.into_result(), Ok(()));
        assert_eq!(all.len(), 2);
    });
    assert!(info.count_total > 0, "the lists allocated");
    assert_eq!(info.count_current, 0, "every buffer is freed: {info:?}");
}
