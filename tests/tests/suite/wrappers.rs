//! Every rule on every type it accepts: the wrappers (`&T`, `Box`, `Rc`, `Arc`, `Cow<str>`,
//! `Option`) and the collections its traits are implemented for. Each wrapper must answer exactly
//! as the plain type does, valid and invalid, so a wrapper's impl that did nothing ("always
//! valid") fails here. Found missing by mutation testing (issue 18).

// The wrappers are the point: `Box<String>` and the like are what is tested.
#![allow(clippy::box_collection, clippy::redundant_allocation)]

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use validate_core::Validate;
use validate_tests::{report, valid};

/// The report of every field, which must each say `expected` at its own name.
fn assert_each_field<T: Validate>(value: &T, fields: &[&str], expected: &str) {
    let wanted: Vec<String> = fields.iter().map(|field| expected.replace("{}", field)).collect();
    assert_eq!(report(value), wanted);
}

#[derive(Validate)]
struct Lengths<'a> {
    #[validate(length(min = 2, max = 3))]
    text: &'a str,
    #[validate(length(min = 2, max = 3))]
    cow: Cow<'a, str>,
    #[validate(length(min = 2, max = 3))]
    boxed: Box<str>,
    #[validate(length(min = 2, max = 3))]
    rc: Rc<str>,
    #[validate(length(min = 2, max = 3))]
    arc: Arc<String>,
    #[validate(length(min = 2, max = 3))]
    reference: &'a String,
    #[validate(length(min = 2, max = 3))]
    option: Option<Box<String>>,
}

#[test]
fn length_on_text_wrappers() {
    let fields = ["text", "cow", "boxed", "rc", "arc", "reference", "option"];
    let make = |s: &'static str, owned: &'static String| Lengths {
        text: s,
        cow: Cow::Borrowed(s),
        boxed: s.into(),
        rc: s.into(),
        arc: Arc::new(s.into()),
        reference: owned,
        option: Some(Box::new(s.into())),
    };
    let ok: &'static String = Box::leak(Box::new("abc".to_owned()));
    assert!(valid(&make("abc", ok)));
    let short: &'static String = Box::leak(Box::new("é".to_owned()));
    assert_each_field(
        &make("é", short),
        &fields,
        "ValueTooShort {}: The value must have at least 2 characters; it has 1.",
    );
    let long: &'static String = Box::leak(Box::new("abcd".to_owned()));
    assert_each_field(
        &make("abcd", long),
        &fields,
        "ValueTooLong {}: The value must have at most 3 characters; it has 4.",
    );
}

#[derive(Validate)]
struct Counts<'a> {
    #[validate(length(min = 2, max = 3))]
    array: [u8; 1],
    #[validate(length(min = 2, max = 3))]
    slice: &'a [u8],
    #[validate(length(min = 2, max = 3))]
    boxed: Box<[u8]>,
    #[validate(length(min = 2, max = 3))]
    rc: Rc<Vec<u8>>,
    #[validate(length(min = 2, max = 3))]
    arc: Arc<[u8]>,
    #[validate(length(min = 2, max = 3))]
    deque: VecDeque<u8>,
    #[validate(length(min = 2, max = 3))]
    set: BTreeSet<u8>,
    #[validate(length(min = 2, max = 3))]
    hash_set: HashSet<u8>,
}

#[test]
fn length_on_collections_and_their_wrappers() {
    let one = Counts {
        array: [1],
        slice: &[1],
        boxed: Box::new([1]),
        rc: Rc::new(vec![1]),
        arc: Arc::new([1]),
        deque: VecDeque::from([1]),
        set: BTreeSet::from([1]),
        hash_set: HashSet::from([1]),
    };
    let fields = ["array", "slice", "boxed", "rc", "arc", "deque", "set", "hash_set"];
    assert_each_field(&one, &fields, "ValueTooShort {}: The value must have at least 2 items; it has 1.");
}

#[derive(Validate)]
struct Entries<'a> {
    #[validate(length(max = 1))]
    map: BTreeMap<String, u8>,
    #[validate(length(max = 1))]
    hash_map: HashMap<String, u8>,
    #[validate(length(max = 1))]
    borrowed: &'a BTreeMap<String, u8>,
    #[validate(length(max = 1))]
    boxed: Box<HashMap<String, u8>>,
}

#[test]
fn length_on_maps() {
    let two = || [("a".to_owned(), 1), ("b".to_owned(), 2)];
    let borrowed = BTreeMap::from(two());
    let value = Entries {
        map: BTreeMap::from(two()),
        hash_map: HashMap::from(two()),
        borrowed: &borrowed,
        boxed: Box::new(HashMap::from(two())),
    };
    let fields = ["map", "hash_map", "borrowed", "boxed"];
    assert_each_field(&value, &fields, "ValueTooLong {}: The value must have at most 1 entry; it has 2.");
}

#[derive(Validate)]
struct Blanks<'a> {
    #[validate(non_empty)]
    cow: Cow<'a, str>,
    #[validate(non_empty)]
    boxed: Box<str>,
    #[validate(non_empty)]
    rc: Rc<str>,
    #[validate(non_empty)]
    arc: Arc<str>,
    #[validate(non_empty)]
    reference: &'a String,
    #[validate(non_empty)]
    items: Box<[u8]>,
    #[validate(non_empty)]
    array: [u8; 0],
    #[validate(non_empty)]
    shared_items: Arc<Vec<u8>>,
}

#[test]
fn non_empty_on_wrappers() {
    let blank = String::from(" \t");
    let value = Blanks {
        cow: Cow::Owned(" ".into()),
        boxed: " ".into(),
        rc: "\u{3000}".into(),
        arc: "".into(),
        reference: &blank,
        items: Box::new([]),
        array: [],
        shared_items: Arc::new(Vec::new()),
    };
    let text = ["cow", "boxed", "rc", "arc", "reference"];
    let items = ["items", "array", "shared_items"];
    let mut wanted: Vec<String> =
        text.iter().map(|f| format!("EmptyValue {f}: The value must not be empty or white space.")).collect();
    wanted.extend(items.iter().map(|f| format!("EmptyValue {f}: The value must have at least 1 item.")));
    assert_eq!(report(&value), wanted);
    let filled = String::from("x");
    let ok = Blanks {
        cow: Cow::Borrowed("x"),
        boxed: "x".into(),
        rc: "x".into(),
        arc: "x".into(),
        reference: &filled,
        items: Box::new([1]),
        array: [],
        shared_items: Arc::new(vec![1]),
    };
    assert_eq!(report(&ok), ["EmptyValue array: The value must have at least 1 item."]);
}

#[derive(Validate)]
struct Ranges<'a> {
    #[validate(range(min = 1, max = 9))]
    reference: &'a u64,
    #[validate(range(min = 1, max = 9))]
    boxed: Box<u64>,
    #[validate(range(min = 1, max = 9))]
    option: Option<&'a u64>,
    #[validate(range(min = 1, max = 9))]
    boxed_option: Option<Box<u64>>,
}

#[test]
fn range_on_wrappers() {
    let ten = 10;
    let value = Ranges { reference: &ten, boxed: Box::new(10), option: Some(&ten), boxed_option: Some(Box::new(10)) };
    let fields = ["reference", "boxed", "option", "boxed_option"];
    assert_each_field(&value, &fields, "ValueOutOfRange {}: The value 10 is greater than the maximum 9.");
    let zero = 0;
    let value = Ranges { reference: &zero, boxed: Box::new(0), option: Some(&zero), boxed_option: Some(Box::new(0)) };
    assert_each_field(&value, &fields, "ValueOutOfRange {}: The value 0 is less than the minimum 1.");
    let five = 5;
    assert!(valid(&Ranges { reference: &five, boxed: Box::new(5), option: None, boxed_option: None }));
}

/// Each text rule on one wrapper type: a struct per type, the same rules on it.
macro_rules! text_rules_on {
    ($module:ident, $ty:ty, $make:expr) => {
        mod $module {
            use super::*;

            #[derive(Validate)]
            pub struct Texts {
                #[validate(pattern("^[a-z]+$"))]
                pub pattern: $ty,
                #[validate(one_of("on", "off"))]
                pub one_of: $ty,
                #[validate(format(uuid))]
                pub format: $ty,
                #[validate(contains("b"))]
                pub contains: $ty,
                #[validate(prefix("a"))]
                pub prefix: $ty,
                #[validate(suffix("z"))]
                pub suffix: $ty,
                #[validate(not_containing("%"))]
                pub not_containing: $ty,
                #[validate(no_control_chars)]
                pub no_control_chars: $ty,
            }

            #[test]
            fn text_rules() {
                let make: fn(&'static str) -> $ty = $make;
                let all = |text: &'static str| Texts {
                    pattern: make(text),
                    one_of: make(text),
                    format: make(text),
                    contains: make(text),
                    prefix: make(text),
                    suffix: make(text),
                    not_containing: make(text),
                    no_control_chars: make(text),
                };
                assert_eq!(
                    report(&all("X%\u{7}")),
                    [
                        r"PatternMismatch pattern: The value 'X%\u{7}' does not match the pattern '^[a-z]+$'.",
                        r"InvalidEnumValue one_of: The value 'X%\u{7}' is not one of 'on', 'off'.",
                        r"InvalidFormat format: The value 'X%\u{7}' is not a GUID (8-4-4-4-12 hexadecimal digits).",
                        r"PatternMismatch contains: The value 'X%\u{7}' must contain 'b'.",
                        r"PatternMismatch prefix: The value 'X%\u{7}' must start with 'a'.",
                        r"PatternMismatch suffix: The value 'X%\u{7}' must end with 'z'.",
                        "InvalidCharacter not_containing: The value must not contain '%'.",
                        r"InvalidCharacter no_control_chars: The value must not contain control characters; it has '\u{7}'.",
                    ]
                );
                let ok = Texts {
                    pattern: make("abz"),
                    one_of: make("on"),
                    format: make("6e0b3a2c-1f2d-4e5f-8a9b-0c1d2e3f4a5b"),
                    ..all("abz")
                };
                assert!(valid(&ok), "{:?}", report(&ok));
            }
        }
    };
}

text_rules_on!(text_in_cow, Cow<'static, str>, Cow::Borrowed);
text_rules_on!(text_in_box, Box<str>, Box::from);
text_rules_on!(text_in_rc, Rc<str>, Rc::from);
text_rules_on!(text_in_arc, Arc<String>, |s| Arc::new(s.to_owned()));
text_rules_on!(text_in_reference, &'static str, |s| s);
text_rules_on!(text_in_option, Option<Box<str>>, |s| Some(Box::from(s)));

#[derive(Validate)]
struct Localized<'a> {
    #[validate(localized)]
    borrowed: &'a BTreeMap<String, String>,
    #[validate(localized)]
    boxed: Box<HashMap<String, String>>,
    #[validate(localized)]
    option: Option<Box<BTreeMap<String, String>>>,
}

#[test]
fn localized_on_wrappers() {
    let map = || [("a".to_owned(), " ".to_owned())];
    let borrowed = BTreeMap::from(map());
    let value = Localized {
        borrowed: &borrowed,
        boxed: Box::new(HashMap::from(map())),
        option: Some(Box::new(BTreeMap::from(map()))),
    };
    let mut wanted = Vec::new();
    for field in ["borrowed", "boxed", "option"] {
        wanted.push(format!("InvalidLocale {field}['a']: The key 'a' is not a language tag such as 'en-us'."));
        wanted.push(format!("EmptyValue {field}['a']: The value must not be empty or white space."));
    }
    assert_eq!(report(&value), wanted);
    let good = BTreeMap::from([("en-us".to_owned(), "x".to_owned())]);
    let ok = Localized { borrowed: &good, boxed: Box::new(good.clone().into_iter().collect()), option: None };
    assert!(valid(&ok));
}

#[derive(Validate)]
struct Uniques<'a> {
    #[validate(unique)]
    array: [u8; 3],
    #[validate(unique)]
    slice: &'a [u8],
    #[validate(unique)]
    boxed: Box<[u8]>,
    #[validate(unique)]
    option: Option<Vec<u8>>,
    #[validate(unique)]
    borrowed_items: Vec<&'a str>,
    #[validate(unique(ignore_case))]
    caseless: Vec<&'a str>,
}

#[test]
fn unique_on_wrappers_and_borrowed_items() {
    let value = Uniques {
        array: [1, 2, 1],
        slice: &[1, 2, 1],
        boxed: Box::new([1, 2, 1]),
        option: Some(vec![1, 2, 1]),
        borrowed_items: vec!["x", "y", "x"],
        caseless: vec!["x", "y", "X"],
    };
    assert_eq!(
        report(&value),
        [
            "DuplicateValue array[2]: The value '1' repeats the value at index 0.",
            "DuplicateValue slice[2]: The value '1' repeats the value at index 0.",
            "DuplicateValue boxed[2]: The value '1' repeats the value at index 0.",
            "DuplicateValue option[2]: The value '1' repeats the value at index 0.",
            // The `&str` item's value is echoed through the `&T` impl.
            "DuplicateValue borrowed_items[2]: The value 'x' repeats the value at index 0.",
            "DuplicateValue caseless[2]: The value 'X' repeats the value at index 0, ignoring case.",
        ]
    );
}

/// The Kelvin sign (U+212A) lowercases to `k`: `"\u{212a}elvin-s"` and `"kelvin-s"` are the same
/// text ignoring case, though their lowercase forms differ in length (8 bytes against 8: the
/// sign is 3 bytes, `k` one, so only a comparison by characters gets it right).
#[test]
fn unique_ignore_case_folds_the_kelvin_sign() {
    let value = Uniques {
        array: [1, 2, 3],
        slice: &[],
        boxed: Box::new([]),
        option: None,
        borrowed_items: vec![],
        caseless: vec!["kelvin-s", "\u{212a}elvin-s", "KELVIN-S"],
    };
    assert_eq!(
        report(&value),
        [
            "DuplicateValue caseless[1]: The value '\u{212a}elvin-s' repeats the value at index 0, ignoring case.",
            "DuplicateValue caseless[2]: The value 'KELVIN-S' repeats the value at index 0, ignoring case.",
        ]
    );
    // And the other way round: the sign first.
    let value = Uniques { caseless: vec!["\u{212a}elvin-s", "kelvin-s"], ..value };
    assert_eq!(
        report(&value),
        ["DuplicateValue caseless[1]: The value 'kelvin-s' repeats the value at index 0, ignoring case."]
    );
}

#[derive(Validate)]
struct BorrowedOptions<'a> {
    #[validate(unique)]
    items: Vec<&'a Option<u32>>,
}

/// Absent items are never repeats, seen through `&T` as through `Option<T>`.
#[test]
fn unique_skips_borrowed_absent_items() {
    let (none, one) = (None, Some(1));
    assert_eq!(report(&BorrowedOptions { items: vec![&none, &one, &none] }), Vec::<String>::new());
    assert_eq!(
        report(&BorrowedOptions { items: vec![&one, &none, &one] }),
        ["DuplicateValue items[2]: The value '1' repeats the value at index 0."]
    );
}

#[derive(Validate)]
struct Eaches<'a> {
    #[validate(each(range(max = 5)))]
    deque: VecDeque<u8>,
    #[validate(each(range(max = 5)))]
    borrowed: &'a Vec<u8>,
    #[validate(each(range(max = 5)))]
    boxed: Box<[u8]>,
    #[validate(each(range(max = 5)))]
    array: [u8; 2],
    #[validate(each(range(max = 5)))]
    option: Option<Box<Vec<u8>>>,
}

#[test]
fn each_on_wrappers() {
    let items = vec![1, 9];
    let value = Eaches {
        deque: VecDeque::from([1, 9]),
        borrowed: &items,
        boxed: Box::new([1, 9]),
        array: [1, 9],
        option: Some(Box::new(vec![1, 9])),
    };
    let fields = ["deque", "borrowed", "boxed", "array", "option"];
    assert_each_field(&value, &fields, "ValueOutOfRange {}[1]: The value 9 is greater than the maximum 5.");
}

#[derive(Validate)]
struct Sets {
    #[validate(each(range(max = 5)))]
    tree: BTreeSet<u8>,
    #[validate(each(range(max = 5)))]
    hash: HashSet<u8>,
}

#[test]
fn each_on_sets_names_the_item_by_its_place_in_order() {
    let value = Sets { tree: BTreeSet::from([9, 1]), hash: HashSet::from([9]) };
    assert_eq!(
        report(&value),
        [
            "ValueOutOfRange tree[1]: The value 9 is greater than the maximum 5.",
            "ValueOutOfRange hash[0]: The value 9 is greater than the maximum 5.",
        ]
    );
}

#[test]
fn a_pattern_keeps_its_source() {
    static PATTERN: validate_core::rules::pattern::Pattern = validate_core::rules::pattern::Pattern::new("^[a-z]+$");
    assert_eq!(PATTERN.source(), "^[a-z]+$");
}

#[derive(Clone, Validate)]
struct Named {
    #[validate(non_empty)]
    name: String,
}

/// Asserts that `$answer` (which checks `Holds` against the list) answers for every wrapper and
/// container of `$good` and `$bad` as `$expected` says of the item at its target.
macro_rules! assert_containers_answer_as_items {
    ($answer:expr, $good:expr, $bad:expr, $expected:expr) => {{
        let (good, bad) = ($good, $bad);
        let check = |value: &dyn Fn(&_) -> Vec<String>| (value(&good), value(&bad));
        assert_eq!(check(&|item| $answer(&Some(item.clone()))), $expected("name"));
        assert_eq!(check(&|item| $answer(&Box::new(item.clone()))), $expected("name"));
        assert_eq!(check(&|item| $answer(&Rc::new(item.clone()))), $expected("name"));
        assert_eq!(check(&|item| $answer(&Arc::new(item.clone()))), $expected("name"));
        assert_eq!(check(&|item| $answer(&item)), $expected("name"));
        assert_eq!(check(&|item| $answer(&Some(Box::new(item.clone())))), $expected("name"));
        assert_eq!(check(&|item| $answer(&vec![good.clone(), item.clone()])), $expected("[1].name"));
        assert_eq!(check(&|item| $answer(&VecDeque::from([item.clone()]))), $expected("[0].name"));
        assert_eq!(check(&|item| $answer(&[item.clone(), good.clone()])), $expected("[0].name"));
        assert_eq!(check(&|item| $answer(&std::slice::from_ref(item))), $expected("[0].name"));
        assert_eq!(check(&|item| $answer(&BTreeMap::from([("k", item.clone())]))), $expected("['k'].name"));
        let map = |item: &_| HashMap::from([("a", good.clone()), ("b", Clone::clone(item)), ("c", good.clone())]);
        assert_eq!(check(&|item| $answer(&map(item))), $expected("['b'].name"));
    }};
}

/// A wrapper or a collection validated as a whole (`validate()` on a `Vec`, an `Option`, a `Box`)
/// asks whether its items hold, as a derived type does, and answers as they do.
#[test]
fn wrappers_and_collections_validated_whole_hold_as_their_items() {
    let answer = |value: &dyn Validate| {
        let report = report(value);
        assert_eq!(valid(value), report.is_empty());
        report
    };
    let expected = |target: &str| {
        (Vec::<String>::new(), vec![format!("EmptyValue {target}: The value must not be empty or white space.")])
    };
    assert_containers_answer_as_items!(answer, Named { name: "a".into() }, Named { name: " ".into() }, expected);
}

#[derive(Clone, Validate)]
#[validate(context = str)]
struct NamedWith {
    #[validate(custom(not_the_context))]
    name: String,
}

fn not_the_context(name: &str, ctx: &str) -> Result<(), validate_core::RuleError> {
    if name == ctx { Err(validate_core::RuleError::invalid("Not that one.")) } else { Ok(()) }
}

/// The same with a context: a container validated whole with `validate_with` asks whether its items
/// hold ([`Holds::check_with`]), and answers as they do.
#[test]
fn containers_validated_whole_with_a_context_hold_as_their_items() {
    use validate_core::{Holds, ValidateWith};
    fn answer<T: ValidateWith<str> + ?Sized>(value: &T) -> Vec<String> {
        let result = value.validate_with("x");
        assert_eq!(Holds::check_with(value, "x"), result.is_ok());
        result.err().map(|v| v.iter().map(|v| format!("{} {}", v.target(), v.message())).collect()).unwrap_or_default()
    }
    let expected = |target: &str| (Vec::<String>::new(), vec![format!("{target} Not that one.")]);
    assert_containers_answer_as_items!(
        answer,
        NamedWith { name: "a".into() },
        NamedWith { name: "x".into() },
        expected
    );
}

/// A hand-written impl that looks at `is_full` before it records, as `Violations::is_full`'s docs
/// invite: asked whether it holds inside a derived type, it is given room for one, so it records.
struct Careful(u32);

thread_local! {
    static ASKED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

impl Validate for Careful {
    fn validate_at(&self, at: &validate_core::Path<'_>, out: &mut validate_core::Violations) {
        ASKED.with(|asked| asked.set(asked.get() + 1));
        if self.0 == 0 && !out.is_full() {
            out.record(at, Err(validate_core::RuleError::invalid("Zero.")));
        }
    }
}

#[derive(Validate)]
struct HoldsCareful {
    #[validate(nested)]
    inner: Careful,
    #[validate(nested)]
    boxed: Option<Box<Careful>>,
}

/// Found by the review of the first pass that asks whether a value holds: a hand-written impl
/// given a list that keeps nothing recorded nothing, and `validate()` said `Ok` to an invalid value.
#[test]
fn hand_written_impls_inside_derived_ones_are_asked_with_room_to_record() {
    let zero = || Careful(0);
    assert_eq!(report(&zero()), ["InvalidValue : Zero."]);
    assert!(!valid(&zero()) && valid(&Careful(1)));
    assert!(!valid(&Some(zero())) && valid(&Some(Careful(1))) && valid(&Box::new(Careful(1))));
    let careful = |inner, boxed| HoldsCareful { inner: Careful(inner), boxed: Some(Box::new(Careful(boxed))) };
    assert_eq!(report(&careful(0, 1)), ["InvalidValue inner: Zero."]);
    assert_eq!(report(&careful(1, 0)), ["InvalidValue boxed: Zero."]);
    assert!(valid(&careful(1, 1)));
    // As the README says: asked once on a valid value, at most twice on an invalid one (here
    // `boxed` once: the first pass stops at `inner`).
    let asked = |value: HoldsCareful| {
        ASKED.with(|asked| asked.set(0));
        let _ = value.validate();
        ASKED.with(std::cell::Cell::get)
    };
    assert_eq!((asked(careful(1, 1)), asked(careful(0, 1))), (2, 3));
}
