//! A differential property test of `from_json` over a zoo of every shape the derive accepts,
//! nested in one root struct with a `canary: u8` field. Bodies start from a valid sample (kept as
//! `J`, so that repeated keys and raw number tokens can be written) and are mutated: a member or
//! item dropped, a value of another JSON type, an unknown member, a repeated key, numbers out of
//! range, empty or odd strings, arrays of the wrong length, wrong enum tags and keys, and values
//! made for one shape ([`shaped`]: a second member beside an externally tagged variant, a variant
//! with fields given by its bare name, the `#[serde(other)]` variant's tag with content, an
//! adjacently tagged enum's tag written `{"Variant":null}`, a key of a map of structs given twice).
//!
//! For every body that `from_json::<Root>` refuses:
//! - (a) when `serde_json` reads the body, `from_json`'s details are exactly `validate()`'s
//!   violations (code, target, message, same order);
//! - (b) when `serde_json` refuses it, some detail's target lies at or under the place where
//!   serde stopped, as `serde_path_to_error` names it (see [`accepts`] for what matches and why,
//!   and [`property_b`] for the two places serde names that the contract cannot);
//! - (c) every detail has a target, unless the whole body is not an object (then there is one
//!   detail, without a target);
//! - (d) no message names a Rust type (the zoo's types, `struct`, `enum`, `variant`, `NonZero`,
//!   `Option`, `Vec`, `u8`, `i64`, …);
//! - (e) setting `canary` to `"x"` does not change the details at any other target (bodies that
//!   read included: breaking the canary makes the walk explain a body whose other parts
//!   `validate()` already judged).
//!
//! (a) holds by construction today (`from_json` is `serde_json` then `validate()` on that path);
//! it guards the contract if that path changes. (e) is where the walk meets `validate()`.
//!
//! A failure prints the body and both answers. `cargo test -p validate-tests --test suite
//! differential::survey -- --ignored --nocapture` runs many more bodies, shrinks every failure to
//! a small body and prints one per kind of failure.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::num::NonZeroU8;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde::{Deserialize, Deserializer};
use validate_core::{ErrorResponse, RuleError, Validate, from_json};
use validate_tests::{Detail, J, Step, details};

// ---------------------------------------------------------------------------------------------
// The zoo. No container `check` anywhere: property (e) assumes that a field's details depend on
// that field alone.

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Root {
    canary: u8,
    #[validate(nested)]
    external: ZooExternal,
    #[validate(nested)]
    internal: ZooInternal,
    #[validate(nested)]
    adjacent: ZooAdjacent,
    #[validate(nested)]
    untagged: ZooUntagged,
    #[validate(nested)]
    flat: ZooFlat,
    #[validate(nested)]
    clear: ZooTransparent,
    #[validate(nested)]
    wrapped: ZooNewtype,
    #[validate(nested)]
    couple: ZooPair,
    #[validate(each(range(min = 1)))]
    bytes: [u8; 2],
    #[validate(custom(first_below_200))]
    mixed: (u8, String),
    #[validate(length(max = 3), each(non_empty))]
    by_num: BTreeMap<u32, String>,
    #[validate(each(length(max = 4)))]
    by_signed: HashMap<i64, String>,
    #[validate(custom(not_z))]
    letter: char,
    #[validate(custom(at_most_100))]
    small: NonZeroU8,
    #[validate(length(min = 2))]
    #[allow(clippy::option_option)] // a shape of the zoo
    maybe: Option<Option<String>>,
    #[validate(nested)]
    boxed: Box<ZooLeaf>,
    #[serde(skip)]
    skipped: u8,
    #[serde(default)]
    #[validate(range(max = 10))]
    defaulted: u8,
    #[serde(alias = "aka")]
    #[validate(non_empty)]
    aliased: String,
    #[serde(rename = "RENAMED")]
    #[validate(one_of("a", "b"))]
    renamed: String,
    #[serde(deserialize_with = "trimmed")]
    #[validate(length(min = 1, max = 5))]
    custom: String,
    #[serde(default, deserialize_with = "validate_core::json::unique_keys")]
    #[validate(each(non_empty))]
    unique: BTreeMap<String, String>,
    #[serde(default)]
    #[validate(keys(non_empty, length(max = 3), not_containing(".")), each(non_empty))]
    tag_names: HashMap<String, String>,
    #[validate(nested, length(max = 2))]
    leaves: Vec<ZooLeaf>,
    #[validate(nested)]
    other_external: ZooOtherExternal,
    #[validate(nested)]
    other_internal: ZooOtherInternal,
    #[validate(nested)]
    other_adjacent: ZooOtherAdjacent,
    #[validate(nested)]
    flat_deny: ZooFlatDeny,
    #[validate(nested)]
    flat_two: ZooFlatTwo,
    #[validate(nested)]
    flat_opt: ZooFlatOpt,
    #[validate(nested)]
    tagged_flat: ZooTaggedFlat,
    #[validate(nested)]
    mixed_tags: ZooMixedTags,
    #[validate(nested)]
    tuple_own: ZooTupleOwn,
    #[validate(nested, length(max = 3))]
    leaf_map: BTreeMap<String, ZooLeaf>,
    #[validate(nested)]
    adjacent_deny: ZooAdjacentDeny,
    #[validate(nested)]
    greeting: ZooGreeting,
    #[validate(nested)]
    converted: ZooFrom,
    #[validate(nested)]
    generic: ZooGeneric<u8>,
    #[validate(nested)]
    deny_flat: ZooDenyFlat,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
enum ZooExternal {
    Unit,
    NamedFields {
        #[validate(non_empty)]
        field_name: String,
    },
    Pairish(#[validate(range(max = 50))] u8, String),
    Single(#[validate(length(max = 2))] Vec<u8>),
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind")]
enum ZooInternal {
    Dog {
        #[validate(non_empty)]
        name: String,
    },
    Cat {
        #[validate(range(max = 9))]
        lives: u8,
    },
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum ZooAdjacent {
    Text(#[validate(length(max = 3))] String),
    Count {
        #[validate(range(min = 1))]
        n: u8,
    },
}

#[derive(Debug, Deserialize, Validate)]
#[serde(untagged)]
enum ZooUntagged {
    Circle {
        #[validate(range(min = 1))]
        radius: u8,
    },
    Label(#[validate(non_empty)] String),
}

#[derive(Debug, Deserialize, Validate)]
struct ZooFlat {
    #[validate(non_empty)]
    top: String,
    #[serde(flatten)]
    #[validate(nested)]
    rest: ZooFlatRest,
}

#[derive(Debug, Deserialize, Validate)]
struct ZooFlatRest {
    #[validate(range(min = 1))]
    depth: u8,
    #[validate(non_empty)]
    note: Option<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(transparent)]
struct ZooTransparent {
    #[validate(length(min = 1, max = 4))]
    inner: String,
}

#[derive(Debug, Deserialize, Validate)]
struct ZooNewtype(#[validate(non_empty)] String);

#[derive(Debug, Deserialize, Validate)]
struct ZooPair(#[validate(range(max = 100))] u8, #[validate(non_empty)] String);

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct ZooLeaf {
    #[validate(non_empty)]
    label: String,
    #[serde(default)]
    #[validate(each(one_of("x", "y")))]
    tags: Vec<String>,
}

/// `#[serde(other)]`, externally tagged: any other name, alone or with `null`, reads as `Unknown`.
#[derive(Debug, Deserialize, Validate)]
enum ZooOtherExternal {
    Known(#[validate(range(max = 9))] u8),
    Shape {
        #[validate(non_empty)]
        side: String,
    },
    #[serde(other)]
    Unknown,
}

/// `#[serde(other)]`, internally tagged (its members ignored), beside a variant with an alias.
#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind")]
enum ZooOtherInternal {
    #[serde(alias = "Parrot")]
    Bird {
        #[validate(length(max = 3))]
        song: String,
    },
    #[serde(other)]
    Unknown,
}

/// `#[serde(other)]`, adjacently tagged: its content, when given, is `null`.
#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum ZooOtherAdjacent {
    Num(#[validate(range(min = 1))] u8),
    #[serde(other)]
    Rest,
}

/// One flattened struct that denies unknown fields: serde gives it only its own fields, so the
/// denial never fires.
#[derive(Debug, Deserialize, Validate)]
struct ZooFlatDeny {
    #[validate(range(max = 50))]
    a: u8,
    #[serde(flatten)]
    #[validate(nested)]
    inner: ZooDenyInner,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct ZooDenyInner {
    #[validate(non_empty)]
    b: String,
}

/// Two flattened fields: a struct, then a map of what is left (read whole by the walk).
#[derive(Debug, Deserialize, Validate)]
struct ZooFlatTwo {
    #[validate(non_empty)]
    id: String,
    #[serde(flatten)]
    #[validate(nested)]
    part: ZooFlatPart,
    #[serde(flatten)]
    #[validate(length(max = 2), each(non_empty))]
    rest: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, Validate)]
struct ZooFlatPart {
    #[validate(range(min = 1))]
    size: u8,
}

/// A flattened `Option` (read whole by the walk): serde reads `None` when its struct does not
/// read.
#[derive(Debug, Deserialize, Validate)]
struct ZooFlatOpt {
    #[validate(non_empty)]
    head: String,
    #[serde(flatten)]
    #[validate(nested)]
    part: Option<ZooFlatOptPart>,
}

#[derive(Debug, Deserialize, Validate)]
struct ZooFlatOptPart {
    #[validate(length(max = 3))]
    code: String,
}

/// An internally tagged variant with a flattened map: the map gets every member but the tag and
/// `name`.
#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "kind")]
enum ZooTaggedFlat {
    Bag {
        #[validate(non_empty)]
        name: String,
        #[serde(flatten)]
        #[validate(length(max = 2), each(range(max = 100)))]
        extra: BTreeMap<String, u8>,
    },
    Empty,
}

/// `untagged` variants among externally tagged ones (read whole by the walk).
#[derive(Debug, Deserialize, Validate)]
enum ZooMixedTags {
    Named {
        #[validate(non_empty)]
        title: String,
    },
    Unit,
    #[serde(untagged)]
    Raw(#[validate(range(max = 10))] u8),
    #[serde(untagged)]
    Loose {
        #[validate(length(max = 2))]
        note: String,
    },
}

/// Tuple variants of several fields, one with `deserialize_with`, one with `skip` (read whole by
/// the walk).
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "lowercase")]
enum ZooTupleOwn {
    Trim(
        #[validate(range(max = 9))] u8,
        #[serde(deserialize_with = "trimmed")]
        #[validate(length(min = 1, max = 3))]
        String,
    ),
    Skip(#[validate(non_empty)] String, #[serde(skip)] u8, #[validate(range(min = 1))] u8),
}

/// `deny_unknown_fields` on an adjacently tagged enum: a member besides the tag and the content,
/// or an unknown field of a struct variant, is refused.
#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum ZooAdjacentDeny {
    Word(#[validate(length(max = 3))] String),
    Pair {
        #[validate(range(max = 9))]
        x: u8,
    },
    Blank,
}

/// `from`: read as another type, then converted (read whole by the walk); its rules run on
/// what the conversion made.
#[derive(Debug, Deserialize, Validate)]
#[serde(from = "ZooFromRaw")]
struct ZooFrom {
    #[validate(range(max = 9))]
    level: u8,
}

#[derive(Deserialize)]
struct ZooFromRaw {
    level: u8,
}

impl From<ZooFromRaw> for ZooFrom {
    fn from(raw: ZooFromRaw) -> Self {
        ZooFrom { level: raw.level }
    }
}

/// A generic struct (read whole by the walk).
#[derive(Debug, Deserialize, Validate)]
struct ZooGeneric<T> {
    #[validate(non_empty)]
    label: String,
    value: T,
}

/// `flatten` beside `deny_unknown_fields` on the same struct (read whole by the walk).
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct ZooDenyFlat {
    #[validate(range(max = 50))]
    a: u8,
    #[serde(flatten)]
    #[validate(nested)]
    part: ZooFlatPart,
}

/// `rename_all` on an enum, and variant aliases.
#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "snake_case")]
enum ZooGreeting {
    #[serde(alias = "hi", alias = "Hey")]
    HelloThere {
        #[validate(non_empty)]
        who: String,
    },
    #[serde(alias = "bye")]
    GoodBye,
    #[serde(alias = "n")]
    CountTo(#[validate(range(max = 10))] u8),
}

fn first_below_200(value: &(u8, String)) -> Result<(), RuleError> {
    if value.0 < 200 { Ok(()) } else { Err(RuleError::invalid("The first item must be below 200.")) }
}

// `custom` rules take their value by reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn not_z(value: &char) -> Result<(), RuleError> {
    if *value == 'z' { Err(RuleError::invalid("The letter must not be 'z'.")) } else { Ok(()) }
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn at_most_100(value: &NonZeroU8) -> Result<(), RuleError> {
    if value.get() <= 100 { Ok(()) } else { Err(RuleError::invalid("The value must be at most 100.")) }
}

fn trimmed<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    String::deserialize(deserializer).map(|s| s.trim().to_owned())
}

// ---------------------------------------------------------------------------------------------
// JSON with what `serde_json::Value` cannot hold: `validate_tests::J`.

fn s(text: &str) -> J {
    J::Str(text.to_owned())
}

fn n(number: impl std::fmt::Display) -> J {
    J::Num(number.to_string())
}

fn obj(members: &[(&str, J)]) -> J {
    J::Obj(members.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
}

fn arr(items: &[J]) -> J {
    J::Arr(items.to_vec())
}

// ---------------------------------------------------------------------------------------------
// Valid samples, one strategy per member of `Root`.

type Member = Option<(String, J)>;

fn member(key: &'static str, value: impl Strategy<Value = J> + 'static) -> BoxedStrategy<Member> {
    value.prop_map(move |v| Some((key.to_owned(), v))).boxed()
}

fn optional(key: &'static str, value: impl Strategy<Value = J> + 'static) -> BoxedStrategy<Member> {
    prop::option::of(value.prop_map(move |v| (key.to_owned(), v))).boxed()
}

fn pick(values: Vec<J>) -> impl Strategy<Value = J> {
    prop::sample::select(values)
}

fn leaf() -> impl Strategy<Value = J> {
    prop_oneof![
        Just(obj(&[("label", s("l"))])),
        Just(obj(&[("label", s("leaf")), ("tags", arr(&[s("x"), s("y")]))])),
        Just(obj(&[("tags", arr(&[])), ("label", s("m"))])),
    ]
}

/// Every member of a valid body, in declaration order; `None` for an absent optional member.
fn members() -> Vec<BoxedStrategy<Member>> {
    let mut members = vec![
        member("canary", (0u8..=255).prop_map(n)),
        member(
            "external",
            pick(vec![
                s("unit"),
                obj(&[("namedFields", obj(&[("fieldName", s("f"))]))]),
                obj(&[("pairish", arr(&[n(3), s("p")]))]),
                obj(&[("single", arr(&[n(1), n(2)]))]),
            ]),
        ),
        member(
            "internal",
            pick(vec![
                obj(&[("kind", s("Dog")), ("name", s("rex"))]),
                obj(&[("name", s("rex")), ("kind", s("Dog"))]),
                obj(&[("kind", s("Cat")), ("lives", n(3))]),
            ]),
        ),
        member(
            "adjacent",
            pick(vec![
                obj(&[("t", s("Text")), ("c", s("abc"))]),
                obj(&[("c", s("ab")), ("t", s("Text"))]),
                obj(&[("t", s("Count")), ("c", obj(&[("n", n(2))]))]),
            ]),
        ),
        member("untagged", pick(vec![obj(&[("radius", n(5))]), s("label")])),
        member(
            "flat",
            pick(vec![
                obj(&[("top", s("t")), ("depth", n(2))]),
                obj(&[("depth", n(1)), ("note", s("n")), ("top", s("t"))]),
            ]),
        ),
        member("clear", pick(vec![s("a"), s("abcd")])),
        member("wrapped", pick(vec![s("w"), s("wrapped")])),
        member("couple", pick(vec![arr(&[n(7), s("p")]), arr(&[n(100), s("q")])])),
        member("bytes", pick(vec![arr(&[n(1), n(2)]), arr(&[n(255), n(9)])])),
        member("mixed", pick(vec![arr(&[n(1), s("m")]), arr(&[n(199), s("")])])),
        member(
            "byNum",
            pick(vec![
                obj(&[]),
                obj(&[("1", s("a")), ("20", s("b"))]),
                obj(&[("4294967295", s("max")), ("0", s("zero"))]),
            ]),
        ),
        member("bySigned", pick(vec![obj(&[]), obj(&[("-5", s("abc")), ("7", s("abcd"))])])),
        member("letter", pick(vec![s("q"), s("é")])),
        member("small", (1u8..=100).prop_map(n)),
        optional("maybe", pick(vec![J::Null, s("sm")])),
        member("boxed", leaf()),
        optional("defaulted", (0u8..=10).prop_map(n)),
        (prop::sample::select(vec!["aliased", "aka"]), pick(vec![s("al"), s("x")]))
            .prop_map(|(key, value)| Some((key.to_owned(), value)))
            .boxed(),
        member("RENAMED", pick(vec![s("a"), s("b")])),
        member("custom", pick(vec![s(" ab "), s("abcde"), s("x")])),
        optional("unique", pick(vec![obj(&[]), obj(&[("k", s("v")), ("l", s("w"))])])),
        member("tagNames", pick(vec![obj(&[]), obj(&[("k", s("v")), ("abc", s("w")), ("x-y", s("z"))])])),
        member("leaves", prop::collection::vec(leaf(), 0..=2).prop_map(J::Arr)),
    ];
    members.extend(serde_feature_members());
    members.extend(read_whole_members());
    members
}

/// The members whose types exercise serde's features the walk must model, or leave alone:
/// `other`, flattening, variant-level `untagged`, tuple variants with field attributes, repeated
/// keys in a nested map, `deny_unknown_fields` on an adjacent enum, variant aliases.
fn serde_feature_members() -> Vec<BoxedStrategy<Member>> {
    vec![
        member(
            "otherExternal",
            pick(vec![
                obj(&[("Known", n(3))]),
                obj(&[("Shape", obj(&[("side", s("s"))]))]),
                s("Unknown"),
                s("Mystery"),
                obj(&[("Mystery", J::Null)]),
                obj(&[("Unknown", J::Null)]),
            ]),
        ),
        member(
            "otherInternal",
            pick(vec![
                obj(&[("kind", s("Bird")), ("song", s("la"))]),
                obj(&[("song", s("abc")), ("kind", s("Parrot"))]),
                obj(&[("kind", s("Fish"))]),
                obj(&[("kind", s("Unknown")), ("song", n(5))]),
            ]),
        ),
        member(
            "otherAdjacent",
            pick(vec![
                obj(&[("t", s("Num")), ("c", n(5))]),
                obj(&[("c", n(2)), ("t", s("Num"))]),
                obj(&[("t", s("Rest"))]),
                obj(&[("t", s("Other"))]),
                obj(&[("t", s("Rest")), ("c", J::Null)]),
                obj(&[("c", J::Null), ("t", s("Mystery"))]),
            ]),
        ),
        member(
            "flatDeny",
            pick(vec![obj(&[("a", n(1)), ("b", s("x"))]), obj(&[("b", s("y")), ("a", n(50)), ("zz", n(1))])]),
        ),
        member(
            "flatTwo",
            pick(vec![
                obj(&[("id", s("i")), ("size", n(2))]),
                obj(&[("size", n(1)), ("id", s("j")), ("k", s("v")), ("l", s("w"))]),
            ]),
        ),
        member(
            "flatOpt",
            pick(vec![
                obj(&[("head", s("h"))]),
                obj(&[("head", s("h")), ("code", s("abc"))]),
                obj(&[("code", n(7)), ("head", s("h"))]),
            ]),
        ),
        member(
            "taggedFlat",
            pick(vec![
                obj(&[("kind", s("Bag")), ("name", s("n"))]),
                obj(&[("k", n(1)), ("kind", s("Bag")), ("name", s("n")), ("l", n(100))]),
                obj(&[("kind", s("Empty"))]),
            ]),
        ),
        member(
            "mixedTags",
            pick(vec![obj(&[("Named", obj(&[("title", s("t"))]))]), s("Unit"), n(5), obj(&[("note", s("ab"))])]),
        ),
        member(
            "tupleOwn",
            pick(vec![obj(&[("trim", arr(&[n(3), s(" ab ")]))]), obj(&[("skip", arr(&[s("s"), n(2)]))])]),
        ),
        member(
            "leafMap",
            pick(vec![
                obj(&[]),
                obj(&[("a", obj(&[("label", s("l"))]))]),
                obj(&[("a", obj(&[("label", s("l"))])), ("b", obj(&[("label", s("m")), ("tags", arr(&[s("x")]))]))]),
                // A repeated key: the last copy is the value; the first breaks a rule, unseen.
                obj(&[("a", obj(&[("label", s(""))])), ("a", obj(&[("label", s("x"))]))]),
            ]),
        ),
        member(
            "adjacentDeny",
            pick(vec![
                obj(&[("t", s("Word")), ("c", s("ab"))]),
                obj(&[("c", obj(&[("x", n(1))])), ("t", s("Pair"))]),
                obj(&[("t", s("Blank"))]),
            ]),
        ),
        member(
            "greeting",
            pick(vec![
                obj(&[("hello_there", obj(&[("who", s("w"))]))]),
                obj(&[("hi", obj(&[("who", s("w"))]))]),
                obj(&[("Hey", obj(&[("who", s("w"))]))]),
                s("good_bye"),
                s("bye"),
                obj(&[("count_to", n(3))]),
                obj(&[("n", n(10))]),
            ]),
        ),
    ]
}

/// The shapes the walk reads whole: `from`, a generic struct, `flatten` beside
/// `deny_unknown_fields`.
fn read_whole_members() -> Vec<BoxedStrategy<Member>> {
    vec![
        member("converted", pick(vec![obj(&[("level", n(3))]), obj(&[("level", n(9))])])),
        member(
            "generic",
            pick(vec![obj(&[("label", s("g")), ("value", n(4))]), obj(&[("value", n(0)), ("label", s("h"))])]),
        ),
        member("denyFlat", pick(vec![obj(&[("a", n(1)), ("size", n(2))]), obj(&[("size", n(1)), ("a", n(50))])])),
    ]
}

/// A valid body, its members in any order.
fn sample() -> impl Strategy<Value = J> {
    members().prop_map(|members| members.into_iter().flatten().collect::<Vec<_>>()).prop_shuffle().prop_map(J::Obj)
}

/// A valid body, members in declaration order, every optional member absent and the maps empty:
/// what the survey shrinks toward.
fn canonical() -> J {
    obj(&[
        ("canary", n(1)),
        ("external", s("unit")),
        ("internal", obj(&[("kind", s("Dog")), ("name", s("rex"))])),
        ("adjacent", obj(&[("t", s("Text")), ("c", s("abc"))])),
        ("untagged", obj(&[("radius", n(5))])),
        ("flat", obj(&[("top", s("t")), ("depth", n(2))])),
        ("clear", s("a")),
        ("wrapped", s("w")),
        ("couple", arr(&[n(7), s("p")])),
        ("bytes", arr(&[n(1), n(2)])),
        ("mixed", arr(&[n(1), s("m")])),
        ("byNum", obj(&[])),
        ("bySigned", obj(&[])),
        ("letter", s("q")),
        ("small", n(1)),
        ("boxed", obj(&[("label", s("l"))])),
        ("aliased", s("al")),
        ("RENAMED", s("a")),
        ("custom", s(" ab ")),
        ("leaves", arr(&[])),
        ("otherExternal", s("Unknown")),
        ("otherInternal", obj(&[("kind", s("Bird")), ("song", s("la"))])),
        ("otherAdjacent", obj(&[("t", s("Num")), ("c", n(5))])),
        ("flatDeny", obj(&[("a", n(1)), ("b", s("x"))])),
        ("flatTwo", obj(&[("id", s("i")), ("size", n(2))])),
        ("flatOpt", obj(&[("head", s("h"))])),
        ("taggedFlat", obj(&[("kind", s("Bag")), ("name", s("n"))])),
        ("mixedTags", s("Unit")),
        ("tupleOwn", obj(&[("trim", arr(&[n(3), s(" ab ")]))])),
        ("leafMap", obj(&[])),
        ("adjacentDeny", obj(&[("t", s("Word")), ("c", s("ab"))])),
        ("greeting", s("good_bye")),
        ("converted", obj(&[("level", n(3))])),
        ("generic", obj(&[("label", s("g")), ("value", n(4))])),
        ("denyFlat", obj(&[("a", n(1)), ("size", n(2))])),
    ])
}

// ---------------------------------------------------------------------------------------------
// Mutations

#[derive(Clone, Debug)]
enum Mutation {
    /// Removes a member or an item.
    Drop(usize),
    /// Replaces a value with one of (likely) another JSON type.
    Retype(usize, J),
    /// Adds a member to an object (the root included).
    Add(usize, String, J),
    /// Repeats a member right after itself, with the same value or another.
    Repeat(usize, Option<J>),
    /// Replaces a number with another number token.
    Number(usize, String),
    /// Replaces a string with another string.
    Text(usize, String),
    /// Adds an item to an array, or removes its last.
    Resize(usize, bool),
    /// Renames a member: a wrong tag for externally tagged enums, a wrong key for maps.
    Rename(usize, String),
    /// Replaces the whole body.
    Root(J),
    /// Replaces the value of a member with the given name (anywhere), with a value made for its
    /// shape: a second member beside an externally tagged variant, a struct variant by its bare
    /// name, the `other` variant's tag with content, a map key given twice, ….
    Put(usize, &'static str, J),
    /// Repeats an entry of a map of structs (`leafMap`), with the same value or another.
    RepeatEntry(usize, Option<J>),
}

const KEYS: &[&str] = &[
    "zz",
    "skipped",
    "",
    "kind",
    "t",
    "c",
    "depth",
    "note",
    "aka",
    "aliased",
    "label",
    "a.b",
    "radius",
    "x",
    "01",
    "-1",
    "+1",
    "4294967296",
    "1e2",
    "Cow",
    "namedFields",
    "unit",
    "pairish",
    "Dog",
    "Cat",
    "Text",
    "Count",
    "canary",
    "Known",
    "Shape",
    "Unknown",
    "Mystery",
    "Bird",
    "song",
    "Rest",
    "b",
    "size",
    "code",
    "name",
    "Named",
    "trim",
    "hello_there",
    "hi",
    "bye",
    "n",
    "level",
    "value",
];

fn key() -> impl Strategy<Value = String> {
    prop::sample::select(KEYS).prop_map(str::to_owned)
}

fn retyped() -> impl Strategy<Value = J> {
    pick(vec![
        J::Null,
        J::Bool(true),
        n(7),
        n(-1),
        n("1.5"),
        s(""),
        s("s"),
        s("ab"),
        arr(&[]),
        arr(&[n(1)]),
        arr(&[n(1), s("s"), n(3)]),
        obj(&[]),
        obj(&[("zz", n(1))]),
        obj(&[("kind", s("Dog")), ("name", s("n"))]),
        obj(&[("Dog", obj(&[]))]),
    ])
}

fn number_token() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "0",
        "1",
        "-1",
        "9",
        "10",
        "11",
        "50",
        "51",
        "99",
        "100",
        "101",
        "200",
        "255",
        "256",
        "300",
        "-0",
        "1.5",
        "1e2",
        "4294967296",
        "-9223372036854775809",
        "18446744073709551616",
    ])
    .prop_map(str::to_owned)
}

/// Names of the new zoo's variants, main and alias, and names of none: text for their tags.
const VARIANT_NAMES: &[&str] = &[
    "Unknown",
    "Mystery",
    "Rest",
    "Num",
    "Bird",
    "Parrot",
    "Shape",
    "Known",
    "Bag",
    "Empty",
    "Word",
    "Pair",
    "Blank",
    "Named",
    "Unit",
    "hi",
    "bye",
    "good_bye",
    "hello_there",
    "count_to",
];

fn text_value() -> impl Strategy<Value = String> {
    let texts = [
        "", " ", "a", "ab", "abcdef", "x", "y", "z", "Dog", "Cat", "Cow", "Text", "Count", "unit", "a\u{0}b", "é",
        "it's",
    ];
    prop::sample::select([&texts[..], VARIANT_NAMES].concat()).prop_map(str::to_owned)
}

/// Values for [`Mutation::Put`], by the name of the member they replace.
fn shaped() -> Vec<(&'static str, J)> {
    let leaf = |label: J| obj(&[("label", label)]);
    vec![
        // An externally tagged enum given a second member.
        ("external", obj(&[("namedFields", obj(&[("fieldName", s("f"))])), ("pairish", arr(&[n(1), s("p")]))])),
        ("external", obj(&[("unit", J::Null), ("zz", n(1))])),
        ("external", obj(&[("single", arr(&[n(1)])), ("single", arr(&[n(2)]))])),
        ("otherExternal", obj(&[("Known", n(3)), ("Shape", obj(&[("side", s("s"))]))])),
        ("otherExternal", obj(&[("Mystery", J::Null), ("zz", n(1))])),
        ("greeting", obj(&[("hi", obj(&[("who", s("w"))])), ("bye", J::Null)])),
        ("mixedTags", obj(&[("Named", obj(&[("title", s("t"))])), ("zz", n(1))])),
        // A struct (or newtype) variant by its bare name.
        ("external", s("namedFields")),
        ("internal", s("Dog")),
        ("otherExternal", s("Shape")),
        ("otherExternal", s("Known")),
        ("otherInternal", s("Bird")),
        ("greeting", s("hi")),
        ("greeting", s("count_to")),
        ("mixedTags", s("Named")),
        ("tupleOwn", s("trim")),
        ("adjacentDeny", s("Word")),
        // The `other` variant's tag (its own name or an unknown one) with content.
        ("otherAdjacent", obj(&[("t", s("Rest")), ("c", n(5))])),
        ("otherAdjacent", obj(&[("c", obj(&[])), ("t", s("Mystery"))])),
        ("otherAdjacent", obj(&[("t", s("Unknown")), ("c", s("x"))])),
        ("otherExternal", obj(&[("Unknown", n(5))])),
        ("otherExternal", obj(&[("Mystery", obj(&[("side", s(""))]))])),
        ("otherInternal", obj(&[("kind", s("Unknown")), ("song", s("too long"))])),
        // Rules and shapes inside the new types.
        ("otherInternal", obj(&[("kind", s("Parrot")), ("song", s("abcd"))])),
        ("otherAdjacent", obj(&[("t", s("Num")), ("c", n(0))])),
        ("greeting", obj(&[("Hey", obj(&[("who", s(" "))]))])),
        ("greeting", obj(&[("n", n(11))])),
        ("greeting", obj(&[("hi", obj(&[("who", n(1))]))])),
        ("flatDeny", obj(&[("a", n(51)), ("b", s("")), ("zz", n(1))])),
        ("flatDeny", obj(&[("a", n(1)), ("b", n(2))])),
        ("flatTwo", obj(&[("id", s("")), ("size", n(0)), ("k", s(" ")), ("l", s("w")), ("m", s("x"))])),
        ("flatTwo", obj(&[("id", s("i")), ("size", n(1)), ("k", n(5))])),
        ("flatOpt", obj(&[("head", s("")), ("code", s("abcd"))])),
        ("flatOpt", obj(&[("head", s("h")), ("code", n(5)), ("code", s("a"))])),
        ("taggedFlat", obj(&[("kind", s("Bag")), ("name", s("")), ("k", n(101)), ("l", n(1)), ("m", n(2))])),
        ("taggedFlat", obj(&[("kind", s("Bag")), ("name", s("n")), ("k", s("v"))])),
        ("taggedFlat", obj(&[("kind", s("Bag")), ("name", s("n")), ("k", n(1)), ("k", n(300))])),
        ("taggedFlat", obj(&[("kind", s("Empty")), ("k", n(1))])),
        ("mixedTags", obj(&[("Named", obj(&[("title", s(""))]))])),
        ("mixedTags", n(11)),
        ("mixedTags", obj(&[("note", s("abc"))])),
        ("tupleOwn", obj(&[("trim", arr(&[n(10), s("   ")]))])),
        ("tupleOwn", obj(&[("trim", arr(&[n(1)]))])),
        ("tupleOwn", obj(&[("skip", arr(&[s(""), n(0)]))])),
        ("tupleOwn", obj(&[("skip", arr(&[s("s"), n(1), n(2)]))])),
        ("adjacentDeny", obj(&[("t", s("Word")), ("c", s("abcd")), ("zz", n(1))])),
        ("adjacentDeny", obj(&[("t", s("Pair")), ("c", obj(&[("x", n(10)), ("y", n(2))]))])),
        ("adjacentDeny", obj(&[("zz", n(1)), ("t", s("Blank"))])),
        ("adjacentDeny", obj(&[("t", s("Blank")), ("c", n(1))])),
        // An adjacently tagged enum's tag in the object form serde_json also reads an enum from
        // (`{"Variant":null}`): serde reads the tag with `deserialize_enum`.
        ("adjacent", obj(&[("t", obj(&[("Text", J::Null)])), ("c", s("ab"))])),
        ("otherAdjacent", obj(&[("t", obj(&[("Num", J::Null)])), ("c", n(5))])),
        ("otherAdjacent", obj(&[("t", obj(&[("Mystery", J::Null)]))])),
        ("otherAdjacent", obj(&[("t", obj(&[("Num", n(5))])), ("c", n(5))])),
        ("adjacentDeny", obj(&[("c", s("ab")), ("t", obj(&[("Word", J::Null)]))])),
        // A map of structs with a key given twice: the last copy is the value, every copy must read.
        ("leafMap", obj(&[("a", leaf(s("x"))), ("a", leaf(s("")))])),
        ("leafMap", obj(&[("a", leaf(n(5))), ("a", leaf(s("x")))])),
        ("leafMap", obj(&[("a", leaf(s("x"))), ("a", obj(&[("label", s("y")), ("zz", n(1))]))])),
        ("leafMap", obj(&[("a", obj(&[("label", s("")), ("zz", n(1))])), ("a", leaf(s("y")))])),
        ("leafMap", obj(&[("a", leaf(s("x"))), ("b", leaf(s("y"))), ("c", leaf(s("z"))), ("a", leaf(s("")))])),
        // `keys(…)` and `each(…)` on a `HashMap`: several keys and values broken at once, in
        // sorted key order whatever order the map iterates in; a repeated key; a value of the
        // wrong type, which makes the map read whole.
        (
            "tagNames",
            obj(&[("long", s("")), ("a.b", s("")), ("", s("x")), ("ok", s(" ")), ("x", s("y")), ("zz.", s("w"))]),
        ),
        ("tagNames", obj(&[("k", s("v")), ("k", s("")), ("long", s("w"))])),
        ("tagNames", obj(&[("a.b", s("v")), ("c", n(1))])),
        // The shapes read whole: `from`, a generic struct, `flatten` beside `deny_unknown_fields`.
        ("converted", obj(&[("level", n(10))])),
        ("converted", obj(&[("level", s("x")), ("zz", n(1))])),
        ("generic", obj(&[("label", s("")), ("value", s("x"))])),
        ("generic", obj(&[("label", n(1))])),
        ("denyFlat", obj(&[("a", n(51)), ("size", n(0))])),
        ("denyFlat", obj(&[("a", n(1)), ("size", n(2)), ("zz", n(1))])),
        ("denyFlat", obj(&[("a", s("x")), ("size", s("y"))])),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<usize>().prop_map(Mutation::Drop),
        3 => (any::<usize>(), retyped()).prop_map(|(p, v)| Mutation::Retype(p, v)),
        2 => (any::<usize>(), key(), retyped()).prop_map(|(p, k, v)| Mutation::Add(p, k, v)),
        2 => (any::<usize>(), prop::option::of(retyped())).prop_map(|(p, v)| Mutation::Repeat(p, v)),
        3 => (any::<usize>(), number_token()).prop_map(|(p, v)| Mutation::Number(p, v)),
        3 => (any::<usize>(), text_value()).prop_map(|(p, v)| Mutation::Text(p, v)),
        2 => (any::<usize>(), any::<bool>()).prop_map(|(p, grow)| Mutation::Resize(p, grow)),
        2 => (any::<usize>(), key()).prop_map(|(p, k)| Mutation::Rename(p, k)),
        1 => retyped().prop_map(Mutation::Root),
        4 => (any::<usize>(), prop::sample::select(shaped())).prop_map(|(p, (k, v))| Mutation::Put(p, k, v)),
        1 => (any::<usize>(), prop::option::of(retyped())).prop_map(|(p, v)| Mutation::RepeatEntry(p, v)),
    ]
}

/// Every value below the root, as the indexes that lead to it.
fn places(value: &J, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    match value {
        J::Obj(members) => {
            for (i, (_, v)) in members.iter().enumerate() {
                path.push(i);
                out.push(path.clone());
                places(v, path, out);
                path.pop();
            }
        }
        J::Arr(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(i);
                out.push(path.clone());
                places(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'j>(value: &'j J, path: &[usize]) -> &'j J {
    path.iter().fold(value, |v, &i| match v {
        J::Obj(members) => &members[i].1,
        J::Arr(items) => &items[i],
        _ => unreachable!(),
    })
}

fn at_mut<'j>(value: &'j mut J, path: &[usize]) -> &'j mut J {
    path.iter().fold(value, |v, &i| match v {
        J::Obj(members) => &mut members[i].1,
        J::Arr(items) => &mut items[i],
        _ => unreachable!(),
    })
}

/// The places (the root as `[]` included) whose value passes `keep`, the one `pick` chooses.
fn choose(body: &J, pick: usize, with_root: bool, keep: impl Fn(&J, &[usize]) -> bool) -> Option<Vec<usize>> {
    let mut all = Vec::new();
    if with_root {
        all.push(Vec::new());
    }
    places(body, &mut Vec::new(), &mut all);
    let found: Vec<_> = all.into_iter().filter(|p| keep(at(body, p), p)).collect();
    if found.is_empty() { None } else { Some(found[pick % found.len()].clone()) }
}

fn is_member(body: &J, path: &[usize]) -> bool {
    match path.split_last() {
        Some((_, parent)) => matches!(at(body, parent), J::Obj(_)),
        None => false,
    }
}

/// The key of the member at `path`, when it is a member of an object.
fn key_at<'j>(body: &'j J, path: &[usize]) -> Option<&'j str> {
    let (last, parent) = path.split_last()?;
    match at(body, parent) {
        J::Obj(members) => Some(members[*last].0.as_str()),
        _ => None,
    }
}

fn apply(body: &mut J, mutation: &Mutation) {
    match mutation {
        Mutation::Drop(p) => {
            if let Some(path) = choose(body, *p, false, |_, _| true) {
                let (last, parent) = path.split_last().unwrap();
                match at_mut(body, parent) {
                    J::Obj(members) => {
                        members.remove(*last);
                    }
                    J::Arr(items) => {
                        items.remove(*last);
                    }
                    _ => unreachable!(),
                }
            }
        }
        Mutation::Retype(p, value) => {
            if let Some(path) = choose(body, *p, false, |_, _| true) {
                *at_mut(body, &path) = value.clone();
            }
        }
        Mutation::Add(p, key, value) => {
            if let Some(path) = choose(body, *p, true, |v, _| matches!(v, J::Obj(_)))
                && let J::Obj(members) = at_mut(body, &path)
            {
                members.push((key.clone(), value.clone()));
            }
        }
        Mutation::Repeat(p, value) => {
            let snapshot = body.clone();
            if let Some(path) = choose(body, *p, false, |_, path| is_member(&snapshot, path)) {
                let (last, parent) = path.split_last().unwrap();
                if let J::Obj(members) = at_mut(body, parent) {
                    let mut copy = members[*last].clone();
                    if let Some(value) = value {
                        copy.1 = value.clone();
                    }
                    members.insert(last + 1, copy);
                }
            }
        }
        Mutation::Number(p, token) => {
            if let Some(path) = choose(body, *p, false, |v, _| matches!(v, J::Num(_))) {
                *at_mut(body, &path) = J::Num(token.clone());
            }
        }
        Mutation::Text(p, text) => {
            if let Some(path) = choose(body, *p, false, |v, _| matches!(v, J::Str(_))) {
                *at_mut(body, &path) = J::Str(text.clone());
            }
        }
        Mutation::Resize(p, grow) => {
            if let Some(path) = choose(body, *p, false, |v, _| matches!(v, J::Arr(_)))
                && let J::Arr(items) = at_mut(body, &path)
            {
                if *grow {
                    items.push(items.last().cloned().unwrap_or(n(1)));
                } else {
                    items.pop();
                }
            }
        }
        Mutation::Rename(p, key) => {
            let snapshot = body.clone();
            if let Some(path) = choose(body, *p, false, |_, path| is_member(&snapshot, path)) {
                let (last, parent) = path.split_last().unwrap();
                if let J::Obj(members) = at_mut(body, parent) {
                    members[*last].0.clone_from(key);
                }
            }
        }
        Mutation::Root(value) => *body = value.clone(),
        Mutation::Put(p, name, value) => {
            let snapshot = body.clone();
            if let Some(path) = choose(body, *p, false, |_, path| key_at(&snapshot, path) == Some(*name)) {
                *at_mut(body, &path) = value.clone();
            }
        }
        Mutation::RepeatEntry(p, value) => {
            let snapshot = body.clone();
            let entry =
                |path: &[usize]| path.split_last().is_some_and(|(_, map)| key_at(&snapshot, map) == Some("leafMap"));
            if let Some(path) = choose(body, *p, false, |_, path| entry(path)) {
                let (last, parent) = path.split_last().unwrap();
                if let J::Obj(members) = at_mut(body, parent) {
                    let mut copy = members[*last].clone();
                    if let Some(value) = value {
                        copy.1 = value.clone();
                    }
                    members.insert(last + 1, copy);
                }
            }
        }
    }
}

/// A valid sample, or one changed by one to three mutations.
fn body() -> impl Strategy<Value = J> {
    (sample(), prop::collection::vec(mutation(), 0..=3)).prop_map(|(mut body, mutations)| {
        for mutation in &mutations {
            apply(&mut body, mutation);
        }
        body
    })
}

// ---------------------------------------------------------------------------------------------
// Targets as segments

/// One step of a path: a member or map key (both names: the wire does not tell them apart), or
/// an item's index.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Seg {
    Name(String),
    Index(usize),
    /// `serde_path_to_error`'s `?`: a map key or enum variant it could not capture.
    Unknown,
}

/// A target of ours as segments: members and keys both as names.
fn parse_target(target: &str) -> Vec<Seg> {
    validate_tests::parse_target(target)
        .into_iter()
        .map(|step| match step {
            Step::Member(name) | Step::Key(name) => Seg::Name(name),
            Step::Index(index) => Seg::Index(index),
        })
        .collect()
}

fn serde_segments(path: &serde_path_to_error::Path) -> Vec<Seg> {
    path.iter()
        .map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Seg::Index(*index),
            serde_path_to_error::Segment::Map { key } => Seg::Name(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => Seg::Name(variant.clone()),
            serde_path_to_error::Segment::Unknown => Seg::Unknown,
        })
        .collect()
}

/// An alias names the same member or variant as the main name: `validate()` cannot know which
/// spelling a body used and names the main one, serde's path names the key as written. Either is
/// taken. The member alias `aka` is `aliased`; the variant aliases of `greeting` (externally
/// tagged, so the variant is a segment) are `hi` and `Hey` for `hello_there`, `bye` for
/// `good_bye`, `n` for `count_to`. (The variant alias `Parrot` of `otherInternal`, internally
/// tagged, adds no segment.)
fn unalias(mut segs: Vec<Seg>) -> Vec<Seg> {
    if segs.first() == Some(&Seg::Name("aka".to_owned())) {
        segs[0] = Seg::Name("aliased".to_owned());
    }
    if segs.first() == Some(&Seg::Name("greeting".to_owned()))
        && let Some(Seg::Name(variant)) = segs.get_mut(1)
    {
        let main = match variant.as_str() {
            "hi" | "Hey" => "hello_there",
            "bye" => "good_bye",
            "n" => "count_to",
            _ => return segs,
        };
        main.clone_into(variant);
    }
    segs
}

/// Whether a detail at `detail` answers serde's first problem at `serde`: serde's path, once
/// normalised, is a prefix of the detail's (equal included), where serde's `?` matches any one
/// segment or none.
///
/// Why a prefix and not equality: `serde_path_to_error` names the deserializer call in which an
/// error surfaced, and several errors surface at the container above their real place:
/// - a missing field, a repeated field, a wrong array or tuple length, a value that matches no
///   variant of an untagged enum: raised when the container ends, so serde names the container
///   and the detail names the member (serde's `missing field canary` at the root, the detail at
///   `canary`);
/// - everything read from buffered content (internally tagged, untagged, adjacently tagged with
///   the content before the tag, `flatten`): serde re-reads a buffer the path tracker does not
///   see, so the path stops at the buffered value (`internal`) while the detail goes on
///   (`internal.name`);
/// - a key refused by `json::unique_keys`: raised after the value is read, at the map.
///
/// Why `?` is a wildcard: `serde_path_to_error` writes `?` for a map key that fails to read as
/// its type (`byNum.?` for `{"byNum":{"x":"a"}}` or `{"byNum":{"01":"a"}}`; a key that reads but
/// is out of range keeps its text, `byNum.-1`), or for an enum variant it could not capture;
/// the detail names that key, so any one segment matches, and so does none (a variant segment
/// the contract does not write).
///
/// A detail *above* serde's place (a detail at `byNum` for serde's `byNum.1`) is not accepted:
/// every error serde raises at a place is one the walk can name at that place or below.
fn accepts(serde: &[Seg], detail: &[Seg]) -> bool {
    match serde.split_first() {
        None => true,
        Some((Seg::Unknown, rest)) => {
            accepts(rest, detail) || detail.split_first().is_some_and(|(_, tail)| accepts(rest, tail))
        }
        Some((first, rest)) => detail.split_first().is_some_and(|(head, tail)| head == first && accepts(rest, tail)),
    }
}

// ---------------------------------------------------------------------------------------------
// The answers

fn show(details: &[Detail]) -> String {
    let mut out = String::new();
    for (code, target, message) in details {
        let _ = writeln!(out, "    {code} {target:?}: {message}");
    }
    if details.is_empty() {
        out.push_str("    (none)\n");
    }
    out
}

/// What `serde_json` alone makes of a body.
enum Serde {
    /// It reads; `validate()`'s violations.
    Reads(Vec<Detail>),
    /// It refuses: `serde_path_to_error`'s path (as written and as segments) and its message.
    Refuses { path: String, segs: Vec<Seg>, message: String },
}

fn serde_answer(text: &str) -> Serde {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let read = serde_path_to_error::deserialize::<_, Root>(&mut deserializer);
    // `serde_json::from_slice` is what `from_json` calls; the tracked read must agree with it
    // (the generator writes no trailing characters, which only `from_str` checks).
    let plain = serde_json::from_str::<Root>(text);
    assert_eq!(read.is_ok(), plain.is_ok(), "serde_path_to_error and serde_json disagree on {text}");
    match read {
        Ok(root) => Serde::Reads(match root.validate() {
            Ok(()) => Vec::new(),
            Err(found) => found.iter().map(|v| (v.code().to_owned(), v.target().to_owned(), v.message())).collect(),
        }),
        Err(error) => Serde::Refuses {
            path: error.path().to_string(),
            segs: serde_segments(error.path()),
            message: error.inner().to_string(),
        },
    }
}

impl std::fmt::Display for Serde {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Serde::Reads(violations) => write!(f, "serde_json reads it; validate():\n{}", show(violations)),
            Serde::Refuses { path, message, .. } => {
                writeln!(f, "serde_json refuses it at {path:?} (serde_path_to_error): {message}")
            }
        }
    }
}

/// Everything a property needs about one body. serde's own answer is worked out when first
/// asked for: (c), (d) and (e) need it only to describe a failure.
struct Case {
    text: String,
    from_json: Result<(), ErrorResponse>,
    serde_answer: std::cell::OnceCell<Serde>,
}

impl Case {
    fn of(body: &J) -> Case {
        let text = body.text();
        let from_json = from_json::<Root>(text.as_bytes()).map(|_| ()).map_err(ErrorResponse::from);
        Case { text, from_json, serde_answer: std::cell::OnceCell::new() }
    }

    fn serde(&self) -> &Serde {
        self.serde_answer.get_or_init(|| serde_answer(&self.text))
    }

    fn describe(&self) -> String {
        let answer = match &self.from_json {
            Ok(()) => "from_json reads it\n".to_owned(),
            Err(error) => format!("from_json: {}\n{}", error.error.message, show(&details(error))),
        };
        format!("body: {}\n{answer}{}", self.text, self.serde())
    }
}

/// A failed property: a short signature (what kind of failure, for the survey) and the account.
struct Failure {
    signature: String,
    account: String,
}

fn fail(case: &Case, signature: String, why: &str) -> Result<(), Failure> {
    Err(Failure { signature, account: format!("{why}\n{}", case.describe()) })
}

// ---------------------------------------------------------------------------------------------
// The properties

/// (a) serde reads the body: `from_json`'s details are `validate()`'s violations.
fn property_a(body: &J) -> Result<(), Failure> {
    let case = Case::of(body);
    let Err(error) = &case.from_json else {
        if let Serde::Reads(violations) = case.serde()
            && !violations.is_empty()
        {
            return fail(&case, "reads but validate fails".into(), "(a) from_json read a body validate() refuses");
        }
        return Ok(());
    };
    let Serde::Reads(violations) = case.serde() else { return Ok(()) };
    let got = details(error);
    if &got != violations {
        let first = got.iter().zip(violations).position(|(a, b)| a != b).unwrap_or(got.len().min(violations.len()));
        let signature = format!(
            "at {first}: {:?} vs {:?}",
            got.get(first).map(|d| (&d.0, &d.1)),
            violations.get(first).map(|d| (&d.0, &d.1))
        );
        return fail(&case, signature, "(a) from_json's details differ from validate()'s violations");
    }
    Ok(())
}

const ARRAY_FOR_OBJECT: &str = "Expected an object but found an array.";

/// The places along serde's path where the body has an array and serde's path goes on with an
/// index into it.
///
/// The one exception to "at or under serde's place" in (b): serde reads a struct from a JSON
/// array, as its fields in order (`[1,"s",3]` as a `Root` whose `canary` is 1 and whose
/// `external` is the variant `s`), so its path goes on into the array (`[1]`); the contract, and
/// the walk, refuse an array where an object belongs and say so at the array (the README's
/// known limit). A detail at such an array with exactly that message answers serde's problem;
/// the message proves that an object was wanted there, so an array that is a list (`leaves`)
/// never takes this way.
///
/// A key given twice is followed into every copy: `serde_json` reads each copy in turn (a map keeps
/// the last, a struct refuses the second), so it can stop inside any of them, the first
/// included (`{"leafMap":{"a":[1],"a":{…}}}` stops at `leafMap.a[0]`, inside the first copy).
fn struct_read_from_array(body: &J, segs: &[Seg]) -> Vec<Vec<Seg>> {
    fn follow(here: &J, segs: &[Seg], depth: usize, places: &mut Vec<Vec<Seg>>) {
        let Some(seg) = segs.get(depth) else { return };
        match (here, seg) {
            (J::Arr(items), Seg::Index(index)) => {
                places.push(segs[..depth].to_vec());
                if let Some(item) = items.get(*index) {
                    follow(item, segs, depth + 1, places);
                }
            }
            (J::Obj(members), Seg::Name(name)) => {
                for (_, value) in members.iter().filter(|(k, _)| k == name) {
                    follow(value, segs, depth + 1, places);
                }
            }
            _ => {}
        }
    }
    let mut places = Vec::new();
    follow(body, segs, 0, &mut places);
    places.sort();
    places.dedup();
    places
}

const STRING_FOR_OBJECT: &str = "Expected an object but found a string.";

/// Where serde's path goes on from a string into a variant of that name: an externally tagged
/// variant with fields given by its bare name (`"external":"namedFields"`), which serde places in
/// the variant (`external.namedFields`, "expected struct variant"). Such a variant is written as
/// an object (`{"namedFields": {…}}`), so the contract, and the walk, say so where the string
/// is: a detail at that place with exactly that message answers serde's problem.
fn bare_variant(body: &J, segs: &[Seg]) -> Option<Vec<Seg>> {
    let (Seg::Name(_), parent) = segs.split_last()? else { return None };
    let mut here = body;
    for seg in parent {
        here = match (here, seg) {
            (J::Obj(members), Seg::Name(name)) => &members.iter().find(|(key, _)| key == name)?.1,
            (J::Arr(items), Seg::Index(index)) => items.get(*index)?,
            _ => return None,
        };
    }
    matches!(here, J::Str(_)).then(|| parent.to_vec())
}

/// (b) serde refuses the body: some detail lies at or under serde's first problem.
///
/// Besides [`accepts`], three exceptions, each where serde's place is not one the contract can
/// name:
/// - an array read as a struct ([`struct_read_from_array`]);
/// - a variant with fields given by its bare name ([`bare_variant`]);
/// - a member given twice: serde reads the first copy and can fail inside it before it sees the
///   second (`{"flat":{"top":0},"flat":{}}` stops at `flat.top`); the contract's problem is the
///   repeat, and what lies inside a member given twice has no defined value (neither copy is
///   *the* value), so a `DuplicateProperty` detail at a place on serde's path answers it.
fn property_b(body: &J) -> Result<(), Failure> {
    let case = Case::of(body);
    // The generator writes well-formed JSON within serde_json's limits, so whatever serde_json
    // says (even a "syntax" error: it answers `expected value` for a second member beside an
    // externally tagged variant), the body is JSON of the wrong shape and needs a detail.
    let Serde::Refuses { segs, path, .. } = case.serde() else { return Ok(()) };
    let Err(error) = &case.from_json else {
        return fail(&case, "from_json reads".into(), "(b) serde_json refuses the body but from_json reads it");
    };
    let serde = unalias(segs.clone());
    let arrays_for_objects = struct_read_from_array(body, segs);
    let bare = bare_variant(body, segs).map(unalias);
    let found = error.error.details.iter().any(|d| {
        let target = unalias(parse_target(d.target.as_deref().unwrap_or("")));
        accepts(&serde, &target)
            || (d.message == ARRAY_FOR_OBJECT
                && arrays_for_objects.iter().any(|place| unalias(place.clone()) == target))
            || (d.message == STRING_FOR_OBJECT && bare.as_ref() == Some(&target))
            || (d.code == "DuplicateProperty" && serde.starts_with(&target))
    });
    if !found {
        return fail(&case, format!("serde at {path:?}"), &format!("(b) no detail at or under serde's {path:?}"));
    }
    Ok(())
}

/// (c) every detail has a target unless the body is not an object; then one detail, no target.
fn property_c(body: &J) -> Result<(), Failure> {
    let case = Case::of(body);
    let Err(error) = &case.from_json else { return Ok(()) };
    if matches!(body, J::Obj(_)) {
        if let Some(detail) = error.error.details.iter().find(|d| d.target.is_none()) {
            return fail(&case, format!("no target: {}", detail.code), "(c) a detail without a target in an object");
        }
        if error.error.details.is_empty() {
            return fail(&case, "no details".into(), "(c) no details for a well-formed object");
        }
    } else if error.error.details.len() != 1 || error.error.details[0].target.is_some() {
        return fail(&case, "root".into(), "(c) a body that is not an object needs exactly one detail without target");
    }
    Ok(())
}

/// Words of Rust, not of the wire. Matched against whole words of a message (split at anything
/// but letters, digits and `_`); `struct`, `enum`, `variant` and `tuple` in any case.
const RUST_WORDS: &[&str] = &[
    "Option", "Some", "None", "Vec", "Box", "String", "str", "char", "bool", "u8", "u16", "u32", "u64", "u128",
    "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64", "BTreeMap", "HashMap", "Root", "serde",
];

fn rust_word(message: &str) -> Option<String> {
    message.split(|c: char| !(c.is_alphanumeric() || c == '_')).find_map(|word| {
        let lower = word.to_lowercase();
        let hit = RUST_WORDS.contains(&word)
            || ["struct", "enum", "variant", "tuple"].contains(&lower.as_str())
            || word.contains("NonZero")
            || word.contains("Zoo");
        hit.then(|| word.to_owned())
    })
}

/// (d) no message names a Rust type.
fn property_d(body: &J) -> Result<(), Failure> {
    let case = Case::of(body);
    let Err(error) = &case.from_json else { return Ok(()) };
    for detail in std::iter::once(&error.error).chain(&error.error.details) {
        if let Some(word) = rust_word(&detail.message) {
            return fail(
                &case,
                format!("{word} in {}", detail.code),
                &format!("(d) `{word}` in the message of {} at {:?}", detail.code, detail.target),
            );
        }
    }
    Ok(())
}

/// The body with every root member `canary` set to `"x"` (added when absent).
fn break_canary(body: &J) -> Option<J> {
    let J::Obj(members) = body else { return None };
    let mut members = members.clone();
    let mut found = false;
    for (key, value) in &mut members {
        if key == "canary" {
            *value = s("x");
            found = true;
        }
    }
    if !found {
        members.push(("canary".to_owned(), s("x")));
    }
    Some(J::Obj(members))
}

/// (e) breaking `canary` changes no detail at another target. Also for bodies that read: none
/// may appear then.
fn property_e(body: &J) -> Result<(), Failure> {
    let Some(broken) = break_canary(body) else { return Ok(()) };
    let case = Case::of(body);
    let after = Case::of(&broken);
    let others = |answer: &Result<(), ErrorResponse>| -> BTreeSet<Detail> {
        match answer {
            Ok(()) => BTreeSet::new(),
            Err(error) => details(error).into_iter().filter(|d| d.1 != "canary").collect(),
        }
    };
    let (before_set, after_set) = (others(&case.from_json), others(&after.from_json));
    if before_set != after_set {
        let lost: Vec<_> = before_set.difference(&after_set).map(|d| format!("-{} {}", d.0, d.1)).collect();
        let gained: Vec<_> = after_set.difference(&before_set).map(|d| format!("+{} {}", d.0, d.1)).collect();
        let changes = [lost, gained].concat();
        return Err(Failure {
            signature: changes[0].clone(),
            account: format!(
                "(e) breaking canary changes other details: {}\nbefore: {}\nafter: {}",
                changes.join(", "),
                case.describe(),
                after.describe()
            ),
        });
    }
    Ok(())
}

type Property = fn(&J) -> Result<(), Failure>;

const PROPERTIES: [(&str, Property); 5] =
    [("a", property_a), ("b", property_b), ("c", property_c), ("d", property_d), ("e", property_e)];

fn config() -> ProptestConfig {
    ProptestConfig { cases: 2048, failure_persistence: None, max_shrink_iters: 1024, ..ProptestConfig::default() }
}

fn check(property: Property, body: &J) -> Result<(), TestCaseError> {
    property(body).map_err(|failure| TestCaseError::fail(failure.account))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_when_serde_reads_the_details_are_validates(body in body()) {
        check(property_a, &body)?;
    }

    #[test]
    fn b_when_serde_refuses_a_detail_is_at_its_place(body in body()) {
        check(property_b, &body)?;
    }

    #[test]
    fn c_every_detail_has_a_target_in_an_object(body in body()) {
        check(property_c, &body)?;
    }

    #[test]
    fn d_no_message_names_a_rust_type(body in body()) {
        check(property_d, &body)?;
    }

    #[test]
    fn e_breaking_the_canary_changes_nothing_else(body in body()) {
        check(property_e, &body)?;
    }
}

#[test]
fn the_samples_are_valid() {
    let mut runner = TestRunner::new(Config { failure_persistence: None, ..Config::default() });
    let strategy = sample();
    for _ in 0..256 {
        let body = strategy.new_tree(&mut runner).unwrap().current();
        let text = body.text();
        if let Err(error) = from_json::<Root>(text.as_bytes()) {
            panic!("{text}\n{}", show(&details(&error)));
        }
    }
    let text = canonical().text();
    assert!(from_json::<Root>(text.as_bytes()).is_ok(), "{text}");
}

#[test]
fn the_target_matching_rule() {
    let t = parse_target;
    assert!(accepts(&t(""), &t("canary")));
    assert!(accepts(&t("internal"), &t("internal.name")));
    assert!(accepts(&t("byNum['1']"), &t("byNum['1']")));
    assert!(accepts(&[Seg::Name("byNum".into()), Seg::Unknown], &t("byNum['x']")));
    assert!(accepts(&[Seg::Name("byNum".into()), Seg::Unknown], &t("byNum")));
    assert!(!accepts(&t("byNum['1']"), &t("byNum")));
    assert!(!accepts(&t("bytes[1]"), &t("bytes[0]")));
    assert_eq!(
        t(r"a['it\'s'][2].b"),
        [Seg::Name("a".into()), Seg::Name("it's".into()), Seg::Index(2), Seg::Name("b".into())]
    );
    assert_eq!(unalias(t("greeting.hi.who")), t("greeting.hello_there.who"));
    assert_eq!(unalias(t("greeting.Hey")), t("greeting.hello_there"));
    assert_eq!(unalias(t("greeting.n")), t("greeting.count_to"));
    assert_eq!(unalias(t("otherExternal.n")), t("otherExternal.n"));
    let twice = obj(&[("leafMap", obj(&[("a", arr(&[n(1)])), ("a", n(0))]))]);
    assert_eq!(struct_read_from_array(&twice, &t("leafMap.a[0]")), [t("leafMap.a")]);
}

// ---------------------------------------------------------------------------------------------
// The survey: many bodies, every failure shrunk, one per property and signature.

/// Simpler bodies than `body`: the root closer to the canonical body, then smaller insides.
fn simpler(body: &J) -> Vec<J> {
    let mut out = Vec::new();
    let canonical = canonical();
    let J::Obj(base) = &canonical else { unreachable!() };
    if let J::Obj(members) = body {
        let keys: Vec<&String> = members.iter().map(|(k, _)| k).collect();
        // Declaration order.
        let mut sorted = members.clone();
        sorted.sort_by_key(|(k, _)| base.iter().position(|(b, _)| b == k).unwrap_or(usize::MAX));
        if &sorted != members {
            out.push(J::Obj(sorted));
        }
        for (i, (key, value)) in members.iter().enumerate() {
            let canonical_value = base.iter().find(|(b, _)| b == key).map(|(_, v)| v);
            // A member back to its canonical value.
            if let Some(canonical_value) = canonical_value
                && canonical_value != value
            {
                let mut next = members.clone();
                next[i].1 = canonical_value.clone();
                out.push(J::Obj(next));
            }
            // An extra or repeated member removed.
            if canonical_value.is_none() || keys[..i].contains(&key) {
                let mut next = members.clone();
                next.remove(i);
                out.push(J::Obj(next));
            }
        }
        // A missing member back, or an extra member renamed to it (`aka` to `aliased`).
        for (key, value) in base {
            if !keys.contains(&key) {
                let mut next = members.clone();
                next.push((key.clone(), value.clone()));
                out.push(J::Obj(next));
                for (i, (extra, _)) in members.iter().enumerate() {
                    if !base.iter().any(|(b, _)| b == extra) {
                        let mut next = members.clone();
                        next[i].0.clone_from(key);
                        out.push(J::Obj(next));
                    }
                }
            }
        }
    }
    // Smaller insides: a member or item removed, a value replaced by a smaller one.
    let mut all = Vec::new();
    places(body, &mut Vec::new(), &mut all);
    for path in all.iter().filter(|p| p.len() >= 2) {
        let (last, parent) = path.split_last().unwrap();
        let mut next = body.clone();
        match at_mut(&mut next, parent) {
            J::Obj(members) => {
                members.remove(*last);
            }
            J::Arr(items) => {
                items.remove(*last);
            }
            _ => unreachable!(),
        }
        out.push(next);
        let value = at(body, path);
        for smaller in [J::Null, n(0), s("")] {
            if smaller.size() < value.size()
                || (value.size() == 1 && smaller != *value && smaller.text().len() < value.text().len())
            {
                let mut next = body.clone();
                *at_mut(&mut next, path) = smaller;
                out.push(next);
            }
        }
    }
    out
}

/// How far `body` is from the canonical body: members that differ (changed, extra, repeated or
/// missing), then the length of their text, then whether the members are out of order.
fn distance(body: &J) -> (usize, usize, bool) {
    let canonical = canonical();
    let (J::Obj(base), J::Obj(members)) = (&canonical, body) else { return (usize::MAX, body.text().len(), false) };
    let mut differ = 0;
    let mut length = 0;
    for (i, (key, value)) in members.iter().enumerate() {
        let repeated = members[..i].iter().any(|(k, _)| k == key);
        if repeated || base.iter().find(|(b, _)| b == key).map(|(_, v)| v) != Some(value) {
            differ += 1;
            length += key.len() + value.text().len();
        }
    }
    differ += base.iter().filter(|(b, _)| !members.iter().any(|(k, _)| k == b)).count();
    let position = |k: &String| base.iter().position(|(b, _)| b == k).unwrap_or(usize::MAX);
    let out_of_order = members.windows(2).any(|w| position(&w[0].0) > position(&w[1].0));
    (differ, length, out_of_order)
}

/// Shrinks `body` while `property` fails with the same signature: each step must bring the
/// body closer to the canonical one (so that no two steps undo each other), within a budget.
fn shrink(property: Property, body: J, signature: &str) -> J {
    let mut body = body;
    let mut budget = 5000;
    'outer: loop {
        let now = distance(&body);
        for candidate in simpler(&body) {
            if distance(&candidate) >= now {
                continue;
            }
            if budget == 0 {
                return body;
            }
            budget -= 1;
            if let Err(failure) = property(&candidate)
                && failure.signature == signature
            {
                body = candidate;
                continue 'outer;
            }
        }
        return body;
    }
}

/// The members of `body` that differ from the canonical body, as a short text.
fn difference(body: &J) -> String {
    let canonical = canonical();
    let (J::Obj(base), J::Obj(members)) = (&canonical, body) else { return body.text() };
    let mut parts = Vec::new();
    for (key, value) in members {
        let repeated = members.iter().filter(|(k, _)| k == key).count() > 1;
        if repeated || base.iter().find(|(b, _)| b == key).map(|(_, v)| v) != Some(value) {
            parts.push(format!("{}:{}", serde_json::to_string(key).unwrap(), value.text()));
        }
    }
    for (key, _) in base {
        if !members.iter().any(|(k, _)| k == key) {
            parts.push(format!("-{key}"));
        }
    }
    let known = |k: &&String| base.iter().any(|(b, _)| b == *k);
    let mut order: Vec<&String> = members.iter().map(|(k, _)| k).filter(known).collect();
    order.dedup();
    let in_order = order.iter().copied().eq(base.iter().map(|(k, _)| k).filter(|k| order.contains(k)));
    if !in_order {
        parts.push("(members reordered)".to_owned());
    }
    format!("canonical with {}", parts.join(", "))
}

#[test]
#[ignore = "a survey for people: many bodies, every failure shrunk and printed"]
fn survey() {
    let cases: u32 = std::env::var("SURVEY_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(4000);
    let mut runner = TestRunner::new(Config { failure_persistence: None, ..Config::default() });
    let strategy = body();
    // The first body of each property and signature, shrunk; how many bodies had it.
    let mut found: BTreeMap<(&str, String), (J, String, usize)> = BTreeMap::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    // Per root member: bodies serde refused inside it, bodies with a detail of from_json in it.
    let mut reach: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for _ in 0..cases {
        let body = strategy.new_tree(&mut runner).unwrap().current();
        let case = Case::of(&body);
        if let Serde::Refuses { segs: serde_segs, .. } = case.serde()
            && let Some(Seg::Name(member)) = serde_segs.first()
        {
            reach.entry(member.clone()).or_default().0 += 1;
        }
        if let Err(error) = &case.from_json {
            let members: BTreeSet<String> = error
                .error
                .details
                .iter()
                .filter_map(|d| match parse_target(d.target.as_deref()?).first() {
                    Some(Seg::Name(member)) => Some(member.clone()),
                    _ => None,
                })
                .collect();
            for member in members {
                reach.entry(member).or_default().1 += 1;
            }
        }
        for (name, property) in PROPERTIES {
            if let Err(failure) = property(&body) {
                *counts.entry(name).or_default() += 1;
                let key = (name, failure.signature.clone());
                if let Some(entry) = found.get_mut(&key) {
                    entry.2 += 1;
                    continue;
                }
                let small = shrink(property, body.clone(), &failure.signature);
                let account = property(&small).err().map(|f| f.account).unwrap_or_default();
                found.insert(key, (small, account, 1));
            }
        }
    }
    println!("{cases} bodies; failing bodies per property: {counts:?}");
    println!("canonical body: {}", canonical().text());
    let J::Obj(base) = canonical() else { unreachable!() };
    let reached: Vec<String> = base
        .iter()
        .map(|(member, _)| {
            let (refused, detailed) = reach.get(member).copied().unwrap_or_default();
            format!("{member} {refused}/{detailed}")
        })
        .collect();
    println!("bodies serde refused in / from_json found a problem in, per member: {}", reached.join(", "));
    let mut seen = BTreeSet::new();
    for ((name, signature), (small, account, count)) in &found {
        if !seen.insert((*name, small.text())) {
            continue;
        }
        println!("\n=== ({name}) {signature} [{count} bodies]\n{}\n{account}", difference(small));
    }
}
