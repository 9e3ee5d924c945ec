//! The serde attributes that decide the names on the wire and how a body is read (for the walk
//! that finds every problem at once). Anything else serde accepts is ignored here, and serde's own
//! derive reports serde's mistakes.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, ExprPath, LitStr};

use crate::case::Casing;

/// What serde says about a container (a struct, an enum or an enum variant).
// Each flag is one of serde's own switches, read as written.
#[allow(clippy::struct_excessive_bools)]
#[derive(Default)]
pub struct SerdeContainer {
    pub rename: Sided<String>,
    pub rename_all: Sided<Casing>,
    pub rename_all_fields: Sided<Casing>,
    pub tag: Option<String>,
    pub content: Option<String>,
    pub untagged: bool,
    pub transparent: bool,
    pub deny_unknown_fields: bool,
    /// `#[serde(default)]` or `#[serde(default = "path")]` on the container.
    pub default: Option<Default>,
    /// `from`, `try_from` or `remote`: serde does not read the fields as declared.
    pub converted: bool,
}

/// What serde says about a field (or, for `alias`, `skip`, `other` and `untagged`, a variant).
// Each flag is one of serde's own switches, read as written.
#[allow(clippy::struct_excessive_bools)]
#[derive(Default)]
pub struct SerdeField {
    pub rename: Sided<String>,
    pub flatten: bool,
    pub aliases: Vec<String>,
    pub default: Option<Default>,
    /// `skip` or `skip_deserializing`: never read from the body.
    pub skip: bool,
    /// `deserialize_with = "path"`, or `with = "module"` as `module::deserialize`.
    pub deserialize_with: Option<ExprPath>,
    /// `other` on a unit variant: the variant read for any unknown tag.
    pub other: bool,
    /// `untagged` on a variant: read, after the tagged ones, from any value.
    pub untagged: bool,
}

impl SerdeField {
    /// Whether serde reads the field otherwise than as its type and name say.
    pub fn reads_its_own_way(&self) -> bool {
        self.skip || self.default.is_some() || self.deserialize_with.is_some()
    }
}

/// The side of serde a name is taken from: what it reads (the default, for targets of bodies
/// received) or what it writes (`#[validate(serialize_names)]`, for types a client sends).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Deserialize,
    Serialize,
}

/// A name or a casing on each side of serde: `rename = "x"` sets both, `rename(serialize = "x")`
/// one.
pub struct Sided<T> {
    pub deserialize: Option<T>,
    pub serialize: Option<T>,
}

impl<T> std::default::Default for Sided<T> {
    fn default() -> Self {
        Sided { deserialize: None, serialize: None }
    }
}

impl<T: Clone> Sided<T> {
    pub fn get(&self, side: Side) -> Option<T> {
        match side {
            Side::Deserialize => self.deserialize.clone(),
            Side::Serialize => self.serialize.clone(),
        }
    }

    /// The sides this item sets, each replacing what an earlier item set.
    fn update(&mut self, found: Sided<T>) {
        if found.deserialize.is_some() {
            self.deserialize = found.deserialize;
        }
        if found.serialize.is_some() {
            self.serialize = found.serialize;
        }
    }
}

/// Where a missing value comes from.
pub enum Default {
    /// `Default::default()`
    Trait,
    /// A function of no arguments.
    Function(ExprPath),
}

impl SerdeContainer {
    pub fn from_attrs(attrs: &[Attribute]) -> Self {
        let mut found = SerdeContainer::default();
        for_each_serde_meta(attrs, |meta| {
            if meta.path.is_ident("rename") {
                found.rename.update(sides(&meta)?);
            } else if meta.path.is_ident("rename_all") {
                found.rename_all.update(casings(&meta)?);
            } else if meta.path.is_ident("rename_all_fields") {
                found.rename_all_fields.update(casings(&meta)?);
            } else if meta.path.is_ident("tag") {
                found.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("content") {
                found.content = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("untagged") {
                found.untagged = true;
            } else if meta.path.is_ident("transparent") {
                found.transparent = true;
            } else if meta.path.is_ident("deny_unknown_fields") {
                found.deny_unknown_fields = true;
            } else if meta.path.is_ident("default") {
                found.default = Some(default(&meta)?);
            } else if meta.path.is_ident("from") || meta.path.is_ident("try_from") || meta.path.is_ident("remote") {
                found.converted = true;
                skip_value(&meta)?;
            } else {
                skip_value(&meta)?;
            }
            Ok(())
        });
        found
    }
}

impl SerdeField {
    pub fn from_attrs(attrs: &[Attribute]) -> Self {
        let mut found = SerdeField::default();
        for_each_serde_meta(attrs, |meta| {
            if meta.path.is_ident("rename") {
                found.rename.update(sides(&meta)?);
            } else if meta.path.is_ident("flatten") {
                found.flatten = true;
            } else if meta.path.is_ident("alias") {
                found.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("default") {
                found.default = Some(default(&meta)?);
            } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
                found.skip = true;
            } else if meta.path.is_ident("other") {
                found.other = true;
            } else if meta.path.is_ident("untagged") {
                found.untagged = true;
            } else if meta.path.is_ident("deserialize_with") {
                found.deserialize_with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else if meta.path.is_ident("with") {
                let module: ExprPath = meta.value()?.parse::<LitStr>()?.parse()?;
                found.deserialize_with = Some(syn::parse_quote!(#module::deserialize));
            } else {
                skip_value(&meta)?;
            }
            Ok(())
        });
        found
    }
}

/// Runs `logic` on every item of every `#[serde(…)]`. A malformed attribute is left for serde's
/// derive to report, so parse errors are dropped here.
fn for_each_serde_meta(attrs: &[Attribute], mut logic: impl FnMut(ParseNestedMeta<'_>) -> syn::Result<()>) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(&mut logic);
    }
}

/// `rename = "x"` (both sides) or `rename(deserialize = "x", serialize = "y")`.
fn sides(meta: &ParseNestedMeta<'_>) -> syn::Result<Sided<String>> {
    if meta.input.peek(syn::Token![=]) {
        let name = meta.value()?.parse::<LitStr>()?.value();
        return Ok(Sided { deserialize: Some(name.clone()), serialize: Some(name) });
    }
    let mut found = Sided::default();
    meta.parse_nested_meta(|side| {
        let value = side.value()?.parse::<LitStr>()?.value();
        if side.path.is_ident("deserialize") {
            found.deserialize = Some(value);
        } else if side.path.is_ident("serialize") {
            found.serialize = Some(value);
        }
        Ok(())
    })?;
    Ok(found)
}

fn casings(meta: &ParseNestedMeta<'_>) -> syn::Result<Sided<Casing>> {
    let names = sides(meta)?;
    let casing = |name: Option<String>| name.and_then(|name| Casing::from_serde_name(&name));
    Ok(Sided { deserialize: casing(names.deserialize), serialize: casing(names.serialize) })
}

/// `default` or `default = "path"`.
fn default(meta: &ParseNestedMeta<'_>) -> syn::Result<Default> {
    if meta.input.peek(syn::Token![=]) {
        Ok(Default::Function(meta.value()?.parse::<LitStr>()?.parse()?))
    } else {
        Ok(Default::Trait)
    }
}

/// Consumes `= value` or `(…)` of an item this derive does not need.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in meta.input);
    }
    Ok(())
}
