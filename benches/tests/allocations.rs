//! Heap allocations of every benchmarked case of ours, counted with a counting global allocator
//! (`allocation_counter`). performance.md: `validate()` on a valid value allocates nothing. The
//! other cases allocate, and each assertion below says exactly what and why.

use allocation_counter::measure;
use customer_insights::model::{RelationshipResourceFormat, Stored};
use validate_benches::ours_model::{self, Request};
use validate_benches::workload::{FIELD_COUNTS, Input, RELATIONSHIP_NAME, Variant};
use validate_core::{ErrorResponse, Validate, ValidateWith};

fn request(input: &Input) -> Request<'static> {
    Request { name: RELATIONSHIP_NAME, body: input.parse() }
}

/// Allocations of `run`, after one call to warm up (the patterns compile on first use).
fn allocations<R>(mut run: impl FnMut() -> R) -> u64 {
    drop(run());
    measure(|| drop(run())).count_total
}

#[test]
fn validate_on_valid_input_allocates_nothing() {
    for fields in FIELD_COUNTS {
        let request = request(&Input::new(fields, Variant::Valid));
        assert!(request.validate().is_ok());
        assert_eq!(allocations(|| request.validate()), 0, "{fields} fields");
    }
}

/// How many allocations a `Vec` makes to hold `n` items pushed one by one (capacity 4, then doubling).
fn growths(n: usize) -> u64 {
    let (mut capacity, mut count) = (0, 0);
    while capacity < n {
        capacity = if capacity == 0 { 4 } else { capacity * 2 };
        count += 1;
    }
    count
}

#[test]
fn validate_on_invalid_input_allocates_per_violation_only() {
    for fields in FIELD_COUNTS {
        let input = Input::new(fields, Variant::Invalid);
        let request = request(&input);
        let violations = request.validate().unwrap_err();
        let found = violations.len();
        assert_eq!(found, input.expected_violations().len());
        let repeats = violations.iter().filter(|v| v.code() == "DuplicateValue").count();
        let count = allocations(|| request.validate());
        // What the violations cost (nothing per valid item):
        // - each target is one `String`, sized for 64 bytes at once (every target here is shorter);
        // - the list of violations grows by doubling;
        // - each `DuplicateValue` keeps the repeated value, echoed, in one `String` (repeats are
        //   recorded as they are found, without a list of their own);
        // - the `InvalidLocale` message keeps the key, echoed, in one `String`.
        // Messages are typed: no text is written until an answer is worded, and `EmptyValue` keeps
        // nothing but its unit. A change that allocates less passes; more fails.
        let budget = found as u64 + growths(found) + repeats as u64 + 1;
        println!("validate, invalid, {fields} fields: {count} allocations for {found} violations (budget {budget})");
        assert!(count >= found as u64, "{fields} fields: {count} allocations for {found} violations");
        assert!(count <= budget, "{fields} fields: {count} allocations for {found} violations, budget {budget}");
    }
}

#[test]
fn from_json_on_valid_bytes_allocates_what_serde_allocates() {
    for fields in FIELD_COUNTS {
        let input = Input::new(fields, Variant::Valid);
        let serde = allocations(|| serde_json::from_slice::<RelationshipResourceFormat>(&input.json).unwrap());
        let ours = allocations(|| {
            validate_core::from_json_with::<RelationshipResourceFormat, _>(&input.json, &Stored::NEW).unwrap()
        });
        let with_name = allocations(|| ours_model::from_bytes(RELATIONSHIP_NAME, &input.json).unwrap());
        println!("bytes, valid, {fields} fields: serde_json alone {serde}, from_json {ours}");
        assert_eq!(ours, serde, "{fields} fields: from_json adds allocations to serde_json's");
        assert_eq!(with_name, serde, "{fields} fields: the URL name check allocates");
    }
}

#[test]
fn from_json_on_invalid_bytes_allocates_parse_plus_violations_plus_payload() {
    for fields in FIELD_COUNTS {
        let input = Input::new(fields, Variant::Invalid);
        let parse = allocations(|| serde_json::from_slice::<RelationshipResourceFormat>(&input.json).unwrap());
        let body: RelationshipResourceFormat = input.parse();
        let validate = allocations(|| body.validate_with(&Stored::NEW));
        // The conversion into the ARM payload, measured alone on violations built beforehand.
        drop(ErrorResponse::from(body.validate_with(&Stored::NEW).unwrap_err()));
        let mut spare = Some(body.validate_with(&Stored::NEW).unwrap_err());
        let convert = measure(|| drop(ErrorResponse::from(spare.take().unwrap()))).count_total;
        let ours = allocations(|| ours_model::from_bytes(RELATIONSHIP_NAME, &input.json).unwrap_err());
        println!(
            "bytes, invalid, {fields} fields: from_json {ours} = parse {parse} + validate {validate} + payload {convert}"
        );
        assert_eq!(ours, parse + validate + convert, "{fields} fields: from_json adds allocations of its own");
    }
}
