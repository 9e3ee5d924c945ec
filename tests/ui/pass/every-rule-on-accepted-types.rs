//! Every rule on every kind of type it accepts, with `code` and `message` where a rule takes them.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use validate_core::{RuleError, Validate};

#[derive(Validate)]
struct Item {
    #[validate(non_empty)]
    name: String,
}

fn no_spaces(value: &str) -> Result<(), RuleError> {
    if value.contains(' ') { Err(RuleError::invalid("No spaces.")) } else { Ok(()) }
}

fn positive(value: &i64) -> Result<(), RuleError> {
    if *value > 0 { Ok(()) } else { Err(RuleError::invalid("Positive, please.")) }
}

fn consistent(_: &Everything<'_>) -> Result<(), RuleError> {
    Ok(())
}

fn complete(_: &Everything<'_>) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
#[validate(check(consistent), check(complete, code = "Incomplete", message = "Make it complete."))]
struct Everything<'a> {
    #[validate(required, non_empty)]
    required: Option<String>,
    #[validate(read_only(code = "ServerOnly", message = "Only the server sets this."))]
    read_only: Option<u32>,

    #[validate(non_empty, length(min = 1, max = 10, code = "BadName", message = "Say it in ten."))]
    string: String,
    #[validate(non_empty, length(max = 10))]
    str_ref: &'a str,
    #[validate(non_empty, length(min = 1))]
    cow: Cow<'a, str>,
    #[validate(non_empty, length(min = 1))]
    boxed: Box<str>,
    #[validate(non_empty, length(min = 1))]
    rc: Rc<str>,
    #[validate(non_empty, length(min = 1))]
    arc: Arc<str>,
    #[validate(non_empty, length(max = 3))]
    vec: Vec<u8>,
    #[validate(non_empty, length(max = 3))]
    slice: &'a [u8],
    #[validate(non_empty, length(max = 3))]
    array: [u8; 2],
    #[validate(non_empty, length(max = 3))]
    deque: VecDeque<u8>,
    #[validate(non_empty, length(max = 3))]
    btree_set: BTreeSet<u8>,
    #[validate(non_empty, length(max = 3))]
    hash_set: HashSet<u8>,
    #[validate(non_empty, length(max = 3))]
    btree_map: BTreeMap<String, u8>,
    #[validate(non_empty, length(max = 3))]
    hash_map: HashMap<String, u8>,
    #[validate(non_empty, length(max = 3))]
    optional_vec: Option<Vec<u8>>,

    #[validate(range(min = 1, max = 10))]
    unsigned: u32,
    #[validate(range(min = -1, max = 1))]
    signed: i8,
    #[validate(range(min = 0.5))]
    float: f64,
    #[validate(range(max = 10, code = "TooBig"))]
    optional_number: Option<u64>,
    #[validate(range(min = 1))]
    boxed_number: Box<u16>,

    #[validate(pattern("^[a-z]+$"), one_of("a", "b"), format(uuid))]
    text: String,
    #[validate(pattern("^[a-z]+$", message = "Lowercase only."))]
    text_ref: &'a str,
    #[validate(one_of("OneToOne", "OneToMany", code = "BadCardinality"))]
    optional_text: Option<String>,
    #[validate(format(date_time))]
    date_time: Option<Cow<'a, str>>,
    #[validate(format(arm_id, code = "InvalidScope"))]
    scope: Arc<str>,
    #[validate(format(email, message = "An email address, please."))]
    email: Option<Box<str>>,
    #[validate(each(format(ip)))]
    addresses: Vec<Rc<str>>,

    #[validate(localized)]
    names: HashMap<String, String>,
    #[validate(localized)]
    optional_names: Option<BTreeMap<String, String>>,

    #[validate(nested)]
    item: Item,
    #[validate(nested)]
    boxed_item: Box<Item>,
    #[validate(nested)]
    optional_item: Option<Item>,
    #[validate(nested)]
    items: Vec<Item>,
    #[validate(nested, unique(by = name, ignore_case))]
    unique_items: Vec<Item>,

    #[validate(each(non_empty, length(max = 8), pattern("^[a-z]+$")))]
    tags: Vec<String>,
    #[validate(each(range(min = 1)))]
    quotas: BTreeMap<String, u32>,
    #[validate(each(nested))]
    item_map: HashMap<String, Item>,
    #[validate(each(each(non_empty)))]
    matrix: Option<Vec<Vec<String>>>,
    #[validate(unique(ignore_case, code = "Repeated"))]
    labels: Vec<String>,
    #[validate(unique)]
    numbers: [u32; 3],

    #[validate(custom(no_spaces))]
    custom: String,
    #[validate(custom(no_spaces, code = "SpaceInName"))]
    optional_custom: Option<String>,
    #[validate(custom(positive))]
    custom_number: i64,

    #[validate(rename = "wireName", non_empty)]
    renamed: String,
}

#[derive(Validate)]
enum Source {
    Url(#[validate(format(uuid))] String),
    Inline {
        #[validate(non_empty)]
        text: String,
    },
    Nothing,
}

fn main() {
    let _ = <Everything<'static> as Validate>::validate;
    let _ = <Source as Validate>::validate;
}
