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
