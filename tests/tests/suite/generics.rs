//! Generic types get a bound per rule on the fields that mention a type parameter, and no other.

use std::collections::BTreeMap;
use std::fmt::Debug;

use validate_core::Validate;

/// Expected bounds: `T: Validate` (nested), `Vec<U>: HasLength` (length); nothing on `N`,
/// which no rule mentions, so `Opaque` (which implements nothing) is accepted for it.
#[derive(Validate)]
struct Page<T, U, N> {
    #[validate(nested)]
    item: T,
    #[validate(length(max = 2))]
    list: Vec<U>,
    _unchecked: N,
}

struct Opaque;

#[derive(Validate)]
struct Leaf {
    #[validate(non_empty)]
    name: String,
}

#[test]
fn bounds_only_where_rules_need_them() {
    let page = Page { item: Leaf { name: String::new() }, list: vec![Opaque, Opaque, Opaque], _unchecked: Opaque };
    let targets: Vec<_> = page.validate().unwrap_err().iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(targets, ["item.name", "list"]);
}

/// Expected bounds: `<Vec<T> as Each>::Item: AsText` for `each(pattern)`, and `K`, `V` reached
/// through `BTreeMap<K, V>: LocalizedText`.
#[derive(Validate)]
struct Texts<T: Debug, K: Ord, V = String>
where
    V: Clone,
{
    #[validate(each(pattern("^[a-z]+$")))]
    words: Vec<T>,
    #[validate(localized)]
    names: BTreeMap<K, V>,
}

#[test]
fn bounds_through_each_and_maps_and_defaults() {
    let texts: Texts<&str, String> =
        Texts { words: vec!["ok", "NO"], names: BTreeMap::from([("en".into(), "x".into())]) };
    let targets: Vec<_> = texts.validate().unwrap_err().iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(targets, ["words[1]"]);
}

/// Expected bounds: `<Option<BTreeMap<K, V>> as HasKeys>::Key: HasLength` and `…: AsText` for
/// `keys(length, pattern)`, and `Option<BTreeMap<K, V>>: HasKeys` (which asks `K: Ord + Display`);
/// nothing on `V`, which no rule reaches, so `Opaque` is accepted for it.
#[derive(Validate)]
struct Tags<K: Ord, V> {
    #[validate(keys(length(max = 3), pattern("^[a-z]+$")))]
    tags: Option<BTreeMap<K, V>>,
}

#[test]
#[allow(clippy::zero_sized_map_values)] // `Opaque` values: no bound on `V`
fn bounds_through_keys() {
    let owned: Tags<String, Opaque> =
        Tags { tags: Some(BTreeMap::from([("abcd".into(), Opaque), ("ok".into(), Opaque), ("A".into(), Opaque)])) };
    let targets: Vec<_> = owned.validate().unwrap_err().iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(targets, ["tags['A']", "tags['abcd']"]);
    let borrowed: Tags<&str, Opaque> = Tags { tags: Some(BTreeMap::from([("ok", Opaque)])) };
    assert!(borrowed.validate().is_ok());
}

#[derive(Validate)]
struct Borrowed<'a, T: ?Sized> {
    #[validate(non_empty)]
    text: &'a T,
}

#[test]
fn lifetimes_and_unsized_parameters() {
    assert!(Borrowed::<str> { text: "x" }.validate().is_ok());
    assert!(Borrowed::<str> { text: " " }.validate().is_err());
}

#[derive(Validate)]
enum Either<L, R> {
    Left(#[validate(nested)] L),
    Right(#[validate(non_empty)] R),
}

#[test]
fn generic_enums() {
    let left: Either<Leaf, String> = Either::Left(Leaf { name: String::new() });
    assert_eq!(left.validate().unwrap_err().iter().next().unwrap().target(), "Left.name");
    let right: Either<Leaf, Vec<u8>> = Either::Right(vec![]);
    assert_eq!(right.validate().unwrap_err().iter().next().unwrap().target(), "Right");
}

/// A recursive generic type: no `Vec<Tree<T>>: Validate` bound (which would need the impl being
/// written), so the impl applies whenever `T: Validate`.
#[derive(Validate)]
struct Tree<T> {
    #[validate(nested)]
    value: T,
    #[validate(nested, length(max = 2))]
    children: Vec<Tree<T>>,
    #[validate(nested)]
    more: Option<Box<Tree<T>>>,
    #[validate(each(nested))]
    forest: Vec<Box<Self>>,
}

#[test]
fn recursive_generic_types() {
    let leaf =
        |name: &str| Tree { value: Leaf { name: name.into() }, children: Vec::new(), more: None, forest: Vec::new() };
    let tree = Tree {
        value: Leaf { name: "root".into() },
        children: vec![leaf("a"), leaf(""), leaf("c")],
        more: Some(Box::new(Tree { children: vec![leaf(" ")], ..leaf("x") })),
        forest: vec![Box::new(leaf("")), Box::new(leaf("ok"))],
    };
    let targets: Vec<_> = tree.validate().unwrap_err().iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(targets, ["children[1].value.name", "children", "more.children[0].value.name", "forest[0].value.name"]);
}

/// A recursive type seen through an alias: the derive cannot see that `Children<T>` is
/// `Vec<Aliased<T>>`, so the bound it would infer, `Children<T>: Validate`, asks for the impl being
/// written and the impl would not apply. `bound` says what is really needed.
type Children<T> = Vec<Aliased<T>>;

#[derive(Validate)]
#[validate(bound = "T: Validate")]
struct Aliased<T> {
    #[validate(nested)]
    value: T,
    #[validate(nested)]
    children: Children<T>,
}

#[test]
fn bound_replaces_the_inferred_bounds() {
    let leaf = |name: &str| Aliased { value: Leaf { name: name.into() }, children: Vec::new() };
    let tree = Aliased { children: vec![leaf("a"), leaf("")], ..leaf("root") };
    let targets: Vec<_> = tree.validate().unwrap_err().iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(targets, ["children[1].value.name"]);
}

/// `bound = ""`: no bounds at all, for a type whose rules hold for every parameter (here the
/// inferred `Next<T>: Validate` would be the same cycle as above).
type Next<T> = Option<Box<List<T>>>;

#[derive(Validate)]
#[validate(bound = "")]
struct List<T> {
    #[validate(length(max = 1))]
    items: Vec<T>,
    #[validate(nested)]
    next: Next<T>,
}

#[test]
fn empty_bound() {
    let list = |items| List { items, next: None };
    assert!(List { next: Some(Box::new(list(vec![Opaque]))), ..list(vec![Opaque]) }.validate().is_ok());
    let long = List { next: Some(Box::new(list(vec![Opaque, Opaque]))), ..list(vec![]) };
    let targets: Vec<_> = long.validate().unwrap_err().iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(targets, ["next.items"]);
}

/// A bound a rule's arguments need (`T::MAX`): `bound` holds for the description of the type too
/// (found by the review of issue 15: it did not compile).
trait Limit {
    const MAX: usize;
}

struct Three;

impl Limit for Three {
    const MAX: usize = 3;
}

#[derive(Validate)]
#[validate(bound = "T: Limit")]
struct Limited<T> {
    #[validate(length(max = T::MAX))]
    name: String,
    _limit: std::marker::PhantomData<T>,
}

#[test]
fn bound_holds_for_rule_arguments() {
    let long: Limited<Three> = Limited { name: "abcd".into(), _limit: std::marker::PhantomData };
    let targets: Vec<_> = long.validate().unwrap_err().iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(targets, ["name"]);
    let rules = &<Limited<Three> as validate_core::schema::Describe>::describe();
    assert!(format!("{rules:?}").contains("Value(3)"), "{rules:?}");
}

/// Types recursive through each other: each names the other, not itself, so the inferred bounds
/// would ask for the impls being written; `bound` says what is really needed (found by the review
/// of issue 15: without it the impls silently do not apply).
#[derive(Validate)]
#[validate(bound = "T: Validate")]
struct Forest<T> {
    #[validate(nested)]
    value: T,
    #[validate(nested)]
    groves: Vec<Grove<T>>,
}

#[derive(Validate)]
#[validate(bound = "T: Validate")]
struct Grove<T> {
    #[validate(nested)]
    forest: Option<Box<Forest<T>>>,
}

#[test]
fn mutually_recursive_types_with_bound() {
    let inner = Forest { value: Leaf { name: String::new() }, groves: Vec::new() };
    let forest = Forest { value: Leaf { name: "x".into() }, groves: vec![Grove { forest: Some(Box::new(inner)) }] };
    let targets: Vec<_> = forest.validate().unwrap_err().iter().map(|v| v.target().to_owned()).collect();
    assert_eq!(targets, ["groves[0].forest.value.name"]);
}
