//! The walk: every problem at once, over the tree of a body that failed to read, run on the
//! failure path only. It reads each field of a struct or enum variant on its own, as serde would
//! read it, records every shape problem at its target, runs the field's rules on every value that
//! reads, and descends into `nested` fields item by item. The derive implements [`Walk`] for
//! structs with named fields and for enums of the four serde taggings; other types are read whole
//! (their first shape problem, at its target, then their rules).
//!
//! Reached by generated code only, through `validate_core::__v1::walk`.
//!
//! No bound is asked of field types. A field of a standard type the derive recognises (`String`,
//! numbers, `bool`, `char`, and `Option`, `Vec`, `Box` and maps of those) is read with
//! [`Fields::read_owned`] (see [`StandardField`]); any other goes through [`Reader`], which picks
//! `DeserializeOwned` when the concrete field type has it (autoref-based dispatch). Descending
//! goes through [`Walker`], which picks [`Walk`] when the type has it and reads the value whole
//! otherwise.
//!
//! The walk is compiled only where it is used: its functions are `#[inline]`, so a crate that
//! derives `Validate` without calling `from_json` pays for type checking alone.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, Deserializer, Visitor};

use super::shape::{Problem, ShapeError};
use super::tree::{Member, Tree};
use super::tree_de::{KeyDeserializer, TreeDeserializer};
use crate::message::JsonType;
use crate::{Path, Validate, ValidateWith, Violations};

/// A body that failed to read, as `Validate` is asked to explain it: opaque outside this crate,
/// so that the public trait names neither `serde_json` nor the tree.
pub struct Failed<'a> {
    pub(crate) tree: &'a Tree,
    pub(crate) fast: &'a serde_json::Error,
}

/// A type whose shape problems and rule violations can all be found in one walk, its rules
/// given the context `C`: a type without a context walks with any, as it validates under any.
pub trait Walk<C: ?Sized = ()>: Sized {
    /// Records every problem of `tree` read as `Self` at `at`; the value when it reads whole.
    /// `extra` says whose the members no field of `Self` reads are.
    fn walk_in(tree: &Tree, ctx: &C, at: &Path<'_>, out: &mut Violations, extra: Extra) -> Option<Self>;

    /// [`Walk::walk_in`] for a value of its own: its members are all its own.
    #[inline]
    fn walk(tree: &Tree, ctx: &C, at: &Path<'_>, out: &mut Violations) -> Option<Self> {
        Self::walk_in(tree, ctx, at, out, Extra::Own)
    }
}

/// Whose the members of an object are that no field of the type being walked reads: which of
/// them `deny_unknown_fields` may call unknown.
#[derive(Clone, Copy)]
pub enum Extra {
    /// All of them: the object is the type's own.
    Own,
    /// None of them: a flattened field's type is given only its own fields, as serde does.
    Flattened,
    /// All but the tag of the internally tagged enum whose variant's content this is.
    Tagged(&'static str),
}

impl Extra {
    /// What a variant of an internally tagged enum with the tag `tag` is given, when the enum
    /// was given `self`.
    #[must_use]
    pub fn tagged(self, tag: &'static str) -> Extra {
        match self {
            Extra::Flattened => Extra::Flattened,
            Extra::Own | Extra::Tagged(_) => Extra::Tagged(tag),
        }
    }
}

/// The answer of a type the derive walks: every problem the walk finds. The walk reads every
/// field as serde does, so it finds what made serde fail; where it reads what serde refused (a
/// serde feature it does not model), the answer also says where `serde_json` stopped.
pub fn every_problem<T: Walk<C>, C: ?Sized>(failed: &Failed<'_>, ctx: &C) -> Violations {
    let mut found = Violations::new();
    if T::walk(failed.tree, ctx, &Path::root(), &mut found).is_some() {
        // The walk read what serde refused: a serde feature it does not model. Whatever else it
        // found, the reason serde gave is not lost: it is said where `serde_json` stopped.
        found.push(super::stopped_at_violation(failed.fast));
    }
    found
}

/// A variant with fields of an externally tagged enum given by its name alone (`"Dog"`): such a
/// variant is an object (`{"Dog": …}`). Recorded at the enum's place, where the string is, as
/// serde's reading of the tree records it.
pub fn named_only(at: &Path<'_>, out: &mut Violations) {
    record_shape(ShapeError::wrong_type(JsonType::Object, JsonType::Text), at, out);
}

/// Reads a value that is the whole of what a variant holds (a newtype variant's), as `fns` says.
pub fn read_value<T>(tree: &Tree, at: &Path<'_>, out: &mut Violations, fns: &ReadFns<T>) -> Option<T> {
    (fns.read)(tree, at, out)
}

/// Records a shape problem at `at`.
pub fn record_shape(error: ShapeError, at: &Path<'_>, out: &mut Violations) {
    record_shape_with(|| error, at, out);
}

/// Records the shape problem `error` makes at `at`, or, past the list's limit, counts it
/// without making it: a problem left out builds no text.
fn record_shape_with(error: impl FnOnce() -> ShapeError, at: &Path<'_>, out: &mut Violations) {
    out.push_with(|| error().into_violation_at(at));
}

/// Reads a `T` from `tree`, or records why it cannot be read.
pub fn read<T: DeserializeOwned>(tree: &Tree, at: &Path<'_>, out: &mut Violations) -> Option<T> {
    read_with(tree, at, out, |deserializer| T::deserialize(deserializer))
}

/// Reads a field with its `deserialize_with` function, or records why it cannot be read.
pub fn read_with<T>(
    tree: &Tree,
    at: &Path<'_>,
    out: &mut Violations,
    read: impl FnOnce(TreeDeserializer<'_>) -> Result<T, ShapeError>,
) -> Option<T> {
    match TreeDeserializer::read(tree, read) {
        Ok(value) => Some(value),
        Err(error) => {
            record_shape(error, at, out);
            None
        }
    }
}

/// Records that the required field at `at` is missing.
pub fn missing(at: &Path<'_>, out: &mut Violations) {
    out.record_failure(at, || crate::rules::required::missing(at));
}

/// Records that the field at `at` appears more than once.
pub fn repeated(at: &Path<'_>, out: &mut Violations) {
    record_shape(ShapeError::new(Problem::Repeated), at, out);
}

/// Records every member of `members` whose key is not among `known`, in document order;
/// whether there was any.
pub fn unknown(members: &[Member], known: &[&str], at: &Path<'_>, out: &mut Violations) -> bool {
    let mut found = false;
    for (key, _) in members.iter().filter(|(key, _)| !known.contains(&&**key)) {
        record_shape_with(|| ShapeError::new(Problem::Unknown(key.to_string())), &at.member(key), out);
        found = true;
    }
    found
}

/// The members of an object, or `None` after recording that `tree` is not an object.
pub fn object<'t>(tree: &'t Tree, at: &Path<'_>, out: &mut Violations) -> Option<&'t [Member]> {
    match tree {
        Tree::Object(members) => Some(members),
        other => {
            record_shape(ShapeError::wrong_type(JsonType::Object, other.kind()), at, out);
            None
        }
    }
}

/// What an object holds under one field's names.
pub enum Found<'t> {
    /// No member has any of the names.
    Missing,
    /// Exactly one member has one of the names.
    Once(&'t Tree),
    /// More than one member has one of the names.
    Repeated,
}

/// The member named by `names` (a field's name and its aliases).
pub fn find<'t>(members: &'t [Member], names: &[&str]) -> Found<'t> {
    let mut matching = members.iter().filter(|(key, _)| names.contains(&&**key));
    match (matching.next(), matching.next()) {
        (None, _) => Found::Missing,
        (Some((_, value)), None) => Found::Once(value),
        (Some(_), Some(_)) => Found::Repeated,
    }
}

/// What a missing field reads as: serde's rule for its type, its default, or required.
pub type Missing<T> = fn(&Path<'_>, &mut Violations) -> Option<T>;

/// How to read a field of type `T`: when it is there, and when it is missing.
pub struct ReadFns<T> {
    read: fn(&Tree, &Path<'_>, &mut Violations) -> Option<T>,
    missing: Missing<T>,
}

impl<T: StandardField> ReadFns<T> {
    /// Reading with serde: a missing member as serde reads it (`None` for an `Option`, else
    /// `MissingRequiredProperty`).
    #[inline]
    pub fn owned() -> Self {
        ReadFns { read: read::<T>, missing: missing_as_serde::<T> }
    }
}

impl<T> ReadFns<T> {
    /// Reading with a `deserialize_with` function: a missing value is required.
    pub fn with(read: fn(&Tree, &Path<'_>, &mut Violations) -> Option<T>) -> Self {
        ReadFns { read, missing: missing_required }
    }

    /// The same reading of a present value; a missing one is what `missing` says (a default).
    #[must_use]
    pub fn with_missing(self, missing: Missing<T>) -> Self {
        ReadFns { read: self.read, missing }
    }
}

/// A missing field read as serde reads it: `None` for an `Option`, else `MissingRequiredProperty`.
fn missing_as_serde<T: DeserializeOwned>(at: &Path<'_>, out: &mut Violations) -> Option<T> {
    match T::deserialize(MissingDeserializer) {
        Ok(value) => Some(value),
        Err(_) => {
            missing(at, out);
            None
        }
    }
}

/// A missing field that has no default and no serde rule (one read with `deserialize_with`).
fn missing_required<T>(at: &Path<'_>, out: &mut Violations) -> Option<T> {
    missing(at, out);
    None
}

/// The members of one object being read field by field, and whether every field read so far
/// was whole. The walk the derive writes is a sequence of calls to it.
pub struct Fields<'t, 'o> {
    tree: &'t Tree,
    members: &'t [Member],
    out: &'o mut Violations,
    whole: bool,
}

impl<'t, 'o> Fields<'t, 'o> {
    /// The members of `tree`, or `None` after recording that it is not an object.
    pub fn of(tree: &'t Tree, at: &Path<'_>, out: &'o mut Violations) -> Option<Self> {
        let members = object(tree, at, out)?;
        Some(Fields { tree, members, out, whole: true })
    }

    /// Walks a `flatten` field whose type the derive walks, on the whole object: given
    /// [`Extra::Flattened`], it reads its own fields and calls no other member unknown, which is
    /// what serde gives a flattened struct. Nothing is copied, however deep flattening nests.
    pub fn flatten<T>(&mut self, present: impl FnOnce(&Tree, &mut Violations) -> Option<T>) -> Option<T> {
        let read = present(self.tree, self.out);
        self.whole &= read.is_some();
        read
    }

    /// Reads a `flatten` field read whole (a map, a type without a walk) from what serde gives
    /// it: the members no other field of the struct reads (`claimed`), copied into one object.
    /// Such a value is not walked further, so each member is copied at most once.
    pub fn flatten_read<T>(
        &mut self,
        claimed: &[&str],
        present: impl FnOnce(&Tree, &mut Violations) -> Option<T>,
    ) -> Option<T> {
        let rest = self.members.iter().filter(|(key, _)| !claimed.contains(&&**key)).cloned().collect();
        let read = present(&Tree::Object(rest), self.out);
        self.whole &= read.is_some();
        read
    }

    /// Reads the field named by `names` (its key and aliases) at `at`.
    pub fn read<T>(&mut self, names: &[&str], at: &Path<'_>, fns: &ReadFns<T>) -> Option<T> {
        self.take(names, at, fns.missing, |tree, out| (fns.read)(tree, at, out))
    }

    /// Reads the field named by `names` at `at` with serde, a missing one as serde does: for the
    /// types the derive knows serde reads.
    pub fn read_owned<T: StandardField>(&mut self, names: &[&str], at: &Path<'_>) -> Option<T> {
        self.read(names, at, &ReadFns::owned())
    }

    /// Walks a `nested` field: what the walk finds goes to `found`, to be placed among the field's
    /// other rules. A missing field is read as `fns` says.
    pub fn walk<T>(
        &mut self,
        names: &[&str],
        at: &Path<'_>,
        walk: impl FnOnce(&Tree, &Path<'_>, &mut Violations, Extra) -> Option<T>,
        fns: &ReadFns<T>,
        found: &mut Violations,
    ) -> Option<T> {
        self.take(names, at, fns.missing, |tree, _| walk(tree, at, found, Extra::Own))
    }

    /// Finds the member, reads it with `present` or as `missing` says, and keeps count of
    /// whether every field read whole.
    fn take<T>(
        &mut self,
        names: &[&str],
        at: &Path<'_>,
        missing: Missing<T>,
        present: impl FnOnce(&Tree, &mut Violations) -> Option<T>,
    ) -> Option<T> {
        let read = match find(self.members, names) {
            Found::Once(tree) => present(tree, self.out),
            Found::Missing => missing(at, self.out),
            Found::Repeated => {
                repeated(at, self.out);
                None
            }
        };
        self.whole &= read.is_some();
        read
    }

    /// Where the field's rules record.
    pub fn out(&mut self) -> &mut Violations {
        self.out
    }

    /// Records the members no field reads, when the type denies unknown fields: those of them
    /// that are the type's own, as `extra` says.
    pub fn deny_unknown(&mut self, known: &[&str], at: &Path<'_>, extra: Extra) {
        let found = match extra {
            Extra::Own => unknown(self.members, known, at, self.out),
            Extra::Flattened => false,
            Extra::Tagged(tag) => unknown(self.members, &[known, &[tag]].concat(), at, self.out),
        };
        self.whole &= !found;
    }

    /// Whether every field read whole: then the value is put together for the container's checks.
    pub fn whole(&self) -> bool {
        self.whole
    }
}

/// A field of a standard type (`String`, a number, `Option<String>`, …), which the derive reads
/// with serde without asking first. Only a type of the user's that shadows such a name can lack it.
#[diagnostic::on_unimplemented(
    message = "serde cannot read `{Self}`, a type with the name of a standard one",
    label = "`from_json` reads this field with serde",
    note = "the derive reads fields named `String`, `Vec`, `Option`, `Box`, `BTreeMap`, `HashMap` or a number type with serde, without asking; derive `Deserialize` on `{Self}`, or give it another name"
)]
pub trait StandardField: DeserializeOwned {}

#[diagnostic::do_not_recommend]
impl<T: DeserializeOwned> StandardField for T {}

// Probe cost: 50 structs × 6 fields read with `from_json`, every field through `Reader` vs `read_owned`:
// 2.83 s vs 2.74 s CPU, ×1.035 (cold debug; EXPERIMENT=reader benches/compile-time/tricks.sh, 2026-11-30).
/// Reads a value the way the derive's fields are read; see the module documentation.
pub struct Reader<T>(PhantomData<T>);

impl<T> Reader<T> {
    /// A reader of `T`.
    pub const fn new() -> Self {
        Reader(PhantomData)
    }
}

impl<T> Default for Reader<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Reading a type that has `DeserializeOwned`: chosen first.
pub trait ReadOwned<T> {
    /// Reads with serde: a missing member as serde does.
    fn fns(&self) -> ReadFns<T>;
}

impl<T: DeserializeOwned> ReadOwned<T> for Reader<T> {
    fn fns(&self) -> ReadFns<T> {
        ReadFns::owned()
    }
}

/// Reading any other type: nothing can be read, and nothing is claimed.
pub trait ReadNothing<T> {
    /// Gives up.
    fn fns(&self) -> ReadFns<T>;
}

impl<T> ReadNothing<T> for &Reader<T> {
    fn fns(&self) -> ReadFns<T> {
        ReadFns { read: |_, _, _| None, missing: |_, _| None }
    }
}

// Probe cost, 50 structs × 2 `nested` fields read with `from_json`, `Walker` vs `<T as Walk>::walk_in`:
// 6.74 s vs 6.84 s CPU, ×0.96, within noise (EXPERIMENT=walker benches/compile-time/tricks.sh, 2026-11-30).
/// Descends into a `nested` field given the context `C`; see the module documentation.
pub struct Walker<T, C: ?Sized>(PhantomData<Marks<T, C>>);

/// What a [`Walker`] is of: a `T`, walked with a `C` (behind a reference: it may be unsized).
type Marks<T, C> = (fn(&C), T);

impl<T, C: ?Sized> Walker<T, C> {
    /// A walker of `T` with a `C`.
    pub const fn new() -> Self {
        Walker(PhantomData)
    }

    /// A walker of `T` with the context `ctx` will be: how the derive names a context's type it
    /// only has a value of (what `nested(context = function)` returns).
    pub const fn of(_ctx: &C) -> Self {
        Walker(PhantomData)
    }
}

impl<T, C: ?Sized> Default for Walker<T, C> {
    fn default() -> Self {
        Self::new()
    }
}

// Called as `(&&&&Walker::<T, C>::new()).walk_fn()`: method lookup tries `&&&Walker` first, then
// `&&Walker`, `&Walker` and `Walker`, so the first impl whose bounds `T` meets is the one used.

/// How to walk a `T` with the context `C`: [`Walk::walk_in`]'s shape.
pub type WalkFn<T, C> = fn(&Tree, &C, &Path<'_>, &mut Violations, Extra) -> Option<T>;

/// Walking a type that implements [`Walk`]: chosen first.
pub trait WalkDerived<T, C: ?Sized> {
    /// Walks `tree` as a `T`.
    fn walk_fn(&self) -> WalkFn<T, C>;
}

impl<T: Walk<C>, C: ?Sized> WalkDerived<T, C> for &&&Walker<T, C> {
    fn walk_fn(&self) -> WalkFn<T, C> {
        T::walk_in
    }
}

/// Walking a type without a context that the derive does not walk: read it whole, then check its
/// rules.
pub trait WalkWhole<T, C: ?Sized> {
    /// Reads `tree` as a `T` and validates it.
    fn walk_fn(&self) -> WalkFn<T, C>;
}

impl<T: DeserializeOwned + Validate, C: ?Sized> WalkWhole<T, C> for &&Walker<T, C> {
    fn walk_fn(&self) -> WalkFn<T, C> {
        |tree, _, at, out, _| {
            let value = read::<T>(tree, at, out)?;
            value.validate_at(at, out);
            Some(value)
        }
    }
}

/// Walking a type with a context that the derive does not walk: read it whole, then check its
/// rules with the context.
pub trait WalkWholeWith<T, C: ?Sized> {
    /// Reads `tree` as a `T` and validates it with the context.
    fn walk_fn(&self) -> WalkFn<T, C>;
}

impl<T: DeserializeOwned + ValidateWith<C>, C: ?Sized> WalkWholeWith<T, C> for &Walker<T, C> {
    fn walk_fn(&self) -> WalkFn<T, C> {
        |tree, ctx, at, out, _| {
            let value = read::<T>(tree, at, out)?;
            value.validate_with_at(ctx, at, out);
            Some(value)
        }
    }
}

/// Walking a type that cannot be read at all: nothing is claimed. Only types that are never
/// read from a body get here (the walk is generated for them all the same).
pub trait WalkNothing<T, C: ?Sized> {
    /// Gives up.
    fn walk_fn(&self) -> WalkFn<T, C>;
}

impl<T, C: ?Sized> WalkNothing<T, C> for Walker<T, C> {
    fn walk_fn(&self) -> WalkFn<T, C> {
        |_, _, _, _, _| None
    }
}

impl<T: Walk<C>, C: ?Sized> Walk<C> for Option<T> {
    fn walk_in(tree: &Tree, ctx: &C, at: &Path<'_>, out: &mut Violations, extra: Extra) -> Option<Self> {
        match tree {
            Tree::Null => Some(None),
            tree => T::walk_in(tree, ctx, at, out, extra).map(Some),
        }
    }
}

impl<T: Walk<C>, C: ?Sized> Walk<C> for Box<T> {
    fn walk_in(tree: &Tree, ctx: &C, at: &Path<'_>, out: &mut Violations, extra: Extra) -> Option<Self> {
        T::walk_in(tree, ctx, at, out, extra).map(Box::new)
    }
}

impl<T: Walk<C>, C: ?Sized> Walk<C> for Vec<T> {
    fn walk_in(tree: &Tree, ctx: &C, at: &Path<'_>, out: &mut Violations, _: Extra) -> Option<Self> {
        let Tree::Array(items) = tree else {
            record_shape(ShapeError::wrong_type(JsonType::Array, tree.kind()), at, out);
            return None;
        };
        // Grown as items read, never sized by a count the body gives.
        let mut read = Vec::new();
        let mut whole = true;
        for (index, item) in items.iter().enumerate() {
            match T::walk(item, ctx, &at.index(index), out) {
                Some(value) if whole => read.push(value),
                Some(_) => {}
                None => whole = false,
            }
        }
        whole.then_some(read)
    }
}

/// The entries of a map, each walked, in the order `validate()` reports them: keys that do not
/// read first, in document order, then the others in the key type's own order (`1`, `2`, `10` for
/// integer keys), which a `BTreeMap` of the read keys gives.
///
/// A repeated key is read as `serde_json` reads it: every copy must read, and the last one is the
/// value. So an earlier copy that reads says nothing (its rules are not the value's), and one that
/// does not read says why. `json::unique_keys` is how a type refuses repeats, on both paths.
fn walk_entries<K, V, M, C>(
    tree: &Tree,
    ctx: &C,
    at: &Path<'_>,
    out: &mut Violations,
    mut insert: impl FnMut(&mut M, K, V),
) -> Option<M>
where
    K: DeserializeOwned + Ord,
    V: Walk<C>,
    M: Default,
    C: ?Sized,
{
    let members = object(tree, at, out)?;
    let mut sorted: BTreeMap<K, Vec<&Member>> = BTreeMap::new();
    let mut whole = true;
    for member in members {
        match K::deserialize(KeyDeserializer::new(&member.0)) {
            Ok(key) => sorted.entry(key).or_default().push(member),
            Err(error) => {
                record_shape(error, &at.key(&member.0), out);
                whole = false;
            }
        }
    }
    let mut map = M::default();
    for (key, copies) in sorted {
        let Some(((text, value), earlier)) = copies.split_last() else {
            continue;
        };
        for (text, value) in earlier {
            let mut scratch = out.scratch();
            if V::walk(value, ctx, &at.key(text), &mut scratch).is_none() {
                out.append(&mut scratch);
                whole = false;
            }
        }
        match V::walk(value, ctx, &at.key(text), out) {
            Some(value) => insert(&mut map, key, value),
            None => whole = false,
        }
    }
    whole.then_some(map)
}

impl<K: DeserializeOwned + Ord, V: Walk<C>, C: ?Sized> Walk<C> for BTreeMap<K, V> {
    fn walk_in(tree: &Tree, ctx: &C, at: &Path<'_>, out: &mut Violations, _: Extra) -> Option<Self> {
        walk_entries(tree, ctx, at, out, |map: &mut Self, key, value| {
            map.insert(key, value);
        })
    }
}

impl<K, V, S, C> Walk<C> for HashMap<K, V, S>
where
    K: DeserializeOwned + Ord + Hash,
    V: Walk<C>,
    S: std::hash::BuildHasher + Default,
    C: ?Sized,
{
    fn walk_in(tree: &Tree, ctx: &C, at: &Path<'_>, out: &mut Violations, _: Extra) -> Option<Self> {
        walk_entries(tree, ctx, at, out, |map: &mut Self, key, value| {
            map.insert(key, value);
        })
    }
}

/// An externally tagged enum's value: a variant's name alone (`"Dog"`), or an object whose first
/// member's key names the variant and whose value is its content (`{"Dog": {…}}`). As for serde,
/// a member after the first is a mistake: it is recorded as unknown, and the third value says
/// whether there was none (else the value does not read, though the variant is still walked).
pub fn external<'t>(tree: &'t Tree, at: &Path<'_>, out: &mut Violations) -> Option<(&'t str, Option<&'t Tree>, bool)> {
    match tree {
        Tree::Text(name) => Some((name, None, true)),
        Tree::Object(members) if !members.is_empty() => {
            let ((name, content), extra) = members.split_first()?;
            let alone = !unknown(extra, &[], at, out);
            Some((&**name, Some(content), alone))
        }
        other => {
            record_shape(ShapeError::wrong_type(JsonType::Text, other.kind()), at, out);
            None
        }
    }
}

/// An internally or adjacently tagged enum's value: the variant named by the member `tag` (at
/// `at.tag`: missing, repeated or not a string is recorded there), and the object's members.
pub fn tagged<'t>(
    tree: &'t Tree,
    tag: &'static str,
    at: &Path<'_>,
    out: &mut Violations,
) -> Option<(&'t str, &'t [Member])> {
    let members = object(tree, at, out)?;
    let at_tag = at.member(tag);
    match find(members, &[tag]) {
        Found::Once(Tree::Text(name)) => Some((name, members)),
        Found::Once(other) => {
            record_shape(ShapeError::wrong_type(JsonType::Text, other.kind()), &at_tag, out);
            None
        }
        Found::Missing => {
            missing(&at_tag, out);
            None
        }
        Found::Repeated => {
            repeated(&at_tag, out);
            None
        }
    }
}

/// An adjacently tagged enum's value: as [`tagged`], but serde reads this tag as an externally
/// tagged unit variant, so `{"Variant": null}` names the variant as well as `"Variant"` does.
pub fn adjacently_tagged<'t>(
    tree: &'t Tree,
    tag: &'static str,
    at: &Path<'_>,
    out: &mut Violations,
) -> Option<(&'t str, &'t [Member])> {
    let members = object(tree, at, out)?;
    let at_tag = at.member(tag);
    match find(members, &[tag]) {
        Found::Once(value @ Tree::Object(_)) => {
            let (name, content, alone) = external(value, &at_tag, out)?;
            let at_variant = at_tag.member(name);
            (unit(content, &at_variant, out).is_some() && alone).then_some((name, members))
        }
        _ => tagged(tree, tag, at, out),
    }
}

/// Records, for an adjacently tagged enum that denies unknown fields, every member but the tag
/// and the content; whether there was none. Looked at first, as serde meets them in order.
pub fn adjacent_unknown(tree: &Tree, known: &[&str], at: &Path<'_>, out: &mut Violations) -> bool {
    match tree {
        Tree::Object(members) => !unknown(members, known, at, out),
        _ => true,
    }
}

/// An adjacently tagged variant's content: the member `content`, `None` when it is absent.
pub fn adjacent_content<'t>(
    members: &'t [Member],
    content: &'static str,
    at: &Path<'_>,
    out: &mut Violations,
) -> Option<Option<&'t Tree>> {
    match find(members, &[content]) {
        Found::Once(tree) => Some(Some(tree)),
        Found::Missing => Some(None),
        Found::Repeated => {
            repeated(&at.member(content), out);
            None
        }
    }
}

/// The content a variant with fields needs, or `None` after recording that it has none.
pub fn content<'t>(content: Option<&'t Tree>, at: &Path<'_>, out: &mut Violations) -> Option<&'t Tree> {
    if content.is_none() {
        missing(at, out);
    }
    content
}

/// A unit variant's content, when the tagging gives it one: absent or `null`.
pub fn unit(content: Option<&Tree>, at: &Path<'_>, out: &mut Violations) -> Option<()> {
    match content {
        None | Some(Tree::Null) => Some(()),
        Some(other) => {
            record_shape(ShapeError::wrong_type(JsonType::Null, other.kind()), at, out);
            None
        }
    }
}

/// An internally tagged variant's content without its tag: what serde gives a newtype variant
/// whose value is read whole. A copy, made once for a value that is not walked further.
pub fn without_tag(tree: &Tree, tag: &str) -> Tree {
    match tree {
        Tree::Object(members) => Tree::Object(members.iter().filter(|(key, _)| &**key != tag).cloned().collect()),
        other => other.clone(),
    }
}

/// Records that `name` is not one of the enum's variants, at `at`.
pub fn unknown_variant(name: &str, allowed: &'static [&'static str], at: &Path<'_>, out: &mut Violations) {
    record_shape_with(|| ShapeError::new(Problem::NotOneOf { value: name.to_owned(), allowed }), at, out);
}

/// Records that an untagged enum's value matches none of its variants, at `at`.
pub fn no_variant(at: &Path<'_>, out: &mut Violations) {
    record_shape(ShapeError::new(Problem::NoShape), at, out);
}

/// Tries one variant of an untagged enum: its violations are kept only when it reads.
pub fn attempt<T>(out: &mut Violations, walk: impl FnOnce(&mut Violations) -> Option<T>) -> Option<T> {
    let mut scratch = out.scratch();
    let value = walk(&mut scratch)?;
    out.append(&mut scratch);
    Some(value)
}

/// What serde's derived code reads a missing field with: `None` for an `Option`, else an error.
struct MissingDeserializer;

impl<'de> Deserializer<'de> for MissingDeserializer {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, ShapeError> {
        Err(ShapeError::new(Problem::Missing("")))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}
