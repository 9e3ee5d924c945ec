//! Field types the walk reads without asking the compiler whether they implement
//! `DeserializeOwned`: `String`, numbers, `bool`, `char`, and `Option`, `Vec`, `Box`,
//! `BTreeMap` and `HashMap` of those, written with their usual names or their full `std` paths.
//!
//! Asking costs a method probe per field (autoref-based dispatch), which is most of what the walk
//! adds to a crate's compile time; for these types the answer is known. A type that shadows one
//! of these names and does not implement `DeserializeOwned` is reported by rustc at the field.

// What it saves: 50 structs × 6 fields read with `from_json`, every field through the probe vs
// recognised here: 2.83 s vs 2.74 s CPU, ×1.035 (cold debug; EXPERIMENT=reader
// benches/compile-time/tricks.sh, 2026-11-30).

use syn::{GenericArgument, PathArguments, Type};

const SCALARS: &[&str] = &[
    "bool", "char", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32",
    "f64",
];

/// Whether `ty` is one of the types serde reads that this module recognises.
pub fn is_known(ty: &Type) -> bool {
    match ty {
        Type::Paren(inner) => is_known(&inner.elem),
        Type::Group(inner) => is_known(&inner.elem),
        Type::Path(path) if path.qself.is_none() => {
            let segments: Vec<String> = path.path.segments.iter().map(|segment| segment.ident.to_string()).collect();
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            let arguments: Vec<&Type> = match &last.arguments {
                PathArguments::None => Vec::new(),
                PathArguments::AngleBracketed(angle) => {
                    let types: Vec<&Type> = angle
                        .args
                        .iter()
                        .filter_map(|argument| match argument {
                            GenericArgument::Type(ty) => Some(ty),
                            _ => None,
                        })
                        .collect();
                    if types.len() != angle.args.len() {
                        return false;
                    }
                    types
                }
                PathArguments::Parenthesized(_) => return false,
            };
            let names: Vec<&str> = segments.iter().map(String::as_str).collect();
            known_path(&names, path.path.leading_colon.is_some(), arguments.len())
                && arguments.into_iter().all(is_known)
        }
        _ => false,
    }
}

/// Whether `ty` is an `Option` (in any spelling `is_known` accepts), whatever it holds.
pub fn is_option(ty: &Type) -> bool {
    last_segment(ty).is_some_and(|(names, absolute)| {
        names.last().is_some_and(|last| last == "Option") && known_path(&as_strs(&names), absolute, 1)
    })
}

/// Whether `ty` is a `BTreeMap` or a `HashMap` (in any spelling `is_known` accepts).
pub fn is_map(ty: &Type) -> bool {
    last_segment(ty).is_some_and(|(names, absolute)| {
        names.last().is_some_and(|last| last == "BTreeMap" || last == "HashMap")
            && known_path(&as_strs(&names), absolute, 2)
    })
}

/// The names of a path type's segments, and whether it starts with `::`.
fn last_segment(ty: &Type) -> Option<(Vec<String>, bool)> {
    match ty {
        Type::Paren(inner) => last_segment(&inner.elem),
        Type::Group(inner) => last_segment(&inner.elem),
        Type::Path(path) if path.qself.is_none() => Some((
            path.path.segments.iter().map(|segment| segment.ident.to_string()).collect(),
            path.path.leading_colon.is_some(),
        )),
        _ => None,
    }
}

fn as_strs(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
}

/// Whether a path of `names` with `arity` type arguments names a known type.
fn known_path(names: &[&str], absolute: bool, arity: usize) -> bool {
    let Some((last, module_path)) = names.split_last() else {
        return false;
    };
    // `Name`, `std::module::Name`, or for maps `std::collections::Name` and
    // `std::collections::module::Name` (`alloc` and `core` as well as `std`).
    let in_std = |module: &str| match module_path {
        [] => !absolute,
        [root, rest @ ..] if matches!(*root, "std" | "alloc" | "core") => {
            rest == [module]
                || (module.ends_with("_map") && (rest == ["collections"] || rest == ["collections", module]))
        }
        _ => false,
    };
    match (arity, *last) {
        (0, "String") => in_std("string"),
        (0, scalar) => module_path.is_empty() && !absolute && SCALARS.contains(&scalar),
        (1, "Option") => in_std("option"),
        (1, "Vec") => in_std("vec"),
        (1, "Box") => in_std("boxed"),
        (2, "BTreeMap") => in_std("btree_map"),
        (2, "HashMap") => in_std("hash_map"),
        _ => false,
    }
}

/// Whether `ty` borrows: a reference, or a type with a lifetime argument other than `Cow`'s. In a
/// type without lifetime parameters these are `'static` borrows, which serde can read only from
/// `'static` input: never `DeserializeOwned`, and asking (the walk's probe) is a hard error
/// ("implementation of `Deserialize` is not general enough"), not a "no".
pub fn borrows(ty: &Type) -> bool {
    match ty {
        Type::Reference(_) => true,
        Type::Paren(inner) => borrows(&inner.elem),
        Type::Group(inner) => borrows(&inner.elem),
        Type::Array(array) => borrows(&array.elem),
        Type::Slice(slice) => borrows(&slice.elem),
        Type::Tuple(tuple) => tuple.elems.iter().any(borrows),
        Type::Path(path) => path.path.segments.iter().any(|segment| match &segment.arguments {
            PathArguments::AngleBracketed(angle) => angle.args.iter().any(|argument| match argument {
                GenericArgument::Lifetime(_) => segment.ident != "Cow",
                GenericArgument::Type(ty) => borrows(ty),
                _ => false,
            }),
            _ => false,
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_known;

    fn known(ty: &str) -> bool {
        is_known(&syn::parse_str(ty).expect("a type"))
    }

    #[test]
    fn std_types_and_their_paths_are_known() {
        for ty in [
            "String",
            "u32",
            "f64",
            "bool",
            "Option<String>",
            "Vec<Option<i64>>",
            "Box<String>",
            "BTreeMap<String, String>",
            "HashMap<String, Vec<u8>>",
            "::std::string::String",
            "std::option::Option<::std::string::String>",
            "::std::vec::Vec<alloc::string::String>",
            "std::collections::BTreeMap<String, u8>",
            "std::collections::btree_map::BTreeMap<String, u8>",
            "::core::option::Option<u8>",
        ] {
            assert!(known(ty), "{ty}");
        }
    }

    #[test]
    fn other_types_are_not_known() {
        for ty in [
            "Cardinality",
            "Option<Cardinality>",
            "Vec<Field>",
            "BTreeMap<String, Item>",
            "&'static str",
            "::u32",
            "my::String",
            "Vec<String, A>",
            "HashMap<String, String, S>",
            "Option<'a>",
            "(String, String)",
            "[u8; 4]",
            "Cow<'static, str>",
            "std::option::Option",
        ] {
            assert!(!known(ty), "{ty}");
        }
    }

    #[test]
    fn borrowing_types() {
        for ty in
            ["&'static str", "Option<&'static [u8]>", "Name<'static>", "Vec<(u8, &'static str)>", "[&'static str; 2]"]
        {
            assert!(super::borrows(&syn::parse_str(ty).unwrap()), "{ty}");
        }
        for ty in ["String", "Cow<'static, str>", "Option<Box<str>>", "Vec<u8>"] {
            assert!(!super::borrows(&syn::parse_str(ty).unwrap()), "{ty}");
        }
    }
}
