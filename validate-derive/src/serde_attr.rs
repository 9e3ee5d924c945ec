//! The serde attributes that decide the names on the wire. Anything else serde accepts is ignored
//! here, and serde's own derive reports serde's mistakes.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr};

use crate::case::Casing;

/// What serde says about a container (a struct, an enum or an enum variant).
#[derive(Default)]
pub struct SerdeContainer {
    pub rename: Option<String>,
    pub rename_all: Option<Casing>,
    pub rename_all_fields: Option<Casing>,
    pub tag: Option<String>,
    pub content: Option<String>,
    pub untagged: bool,
    pub transparent: bool,
}

/// What serde says about a field.
#[derive(Default)]
pub struct SerdeField {
    pub rename: Option<String>,
    pub flatten: bool,
}

impl SerdeContainer {
    pub fn from_attrs(attrs: &[Attribute]) -> Self {
        let mut found = SerdeContainer::default();
        for_each_serde_meta(attrs, |meta| {
            if meta.path.is_ident("rename") {
                found.rename = deserialize_side(&meta)?.or(found.rename.take());
            } else if meta.path.is_ident("rename_all") {
                found.rename_all = casing(&meta)?.or(found.rename_all);
            } else if meta.path.is_ident("rename_all_fields") {
                found.rename_all_fields = casing(&meta)?.or(found.rename_all_fields);
            } else if meta.path.is_ident("tag") {
                found.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("content") {
                found.content = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("untagged") {
                found.untagged = true;
            } else if meta.path.is_ident("transparent") {
                found.transparent = true;
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
                found.rename = deserialize_side(&meta)?.or(found.rename.take());
            } else if meta.path.is_ident("flatten") {
                found.flatten = true;
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

/// `rename = "x"` or `rename(deserialize = "x", serialize = "y")`: the name serde reads.
fn deserialize_side(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<String>> {
    if meta.input.peek(syn::Token![=]) {
        return Ok(Some(meta.value()?.parse::<LitStr>()?.value()));
    }
    let mut found = None;
    meta.parse_nested_meta(|side| {
        let value = side.value()?.parse::<LitStr>()?.value();
        if side.path.is_ident("deserialize") {
            found = Some(value);
        }
        Ok(())
    })?;
    Ok(found)
}

fn casing(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<Casing>> {
    Ok(deserialize_side(meta)?.and_then(|name| Casing::from_serde_name(&name)))
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
