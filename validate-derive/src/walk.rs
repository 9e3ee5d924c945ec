//! Emits the walk behind `from_json` (`validate_core`'s hidden `Walk`): every problem of a body
//! that failed to read, at once. Each field is read on its own as serde reads it, its rules run
//! on every value that reads (through `rules::emit`, at a place this module names), `nested`
//! fields are walked item by item. Structs with named fields (`flatten` included) and enums of
//! the four serde taggings are walked; generic, `transparent`, `from` and tuple structs are read
//! whole by the runtime (their first shape problem at its target, then their rules).
//!
//! Both generated functions are `#[inline]`, so they are compiled only where `from_json` is
//! called: a crate that only declares its types pays for type checking alone. The cost in a crate
//! of types is what `benches/compile-time/run.sh` measures, with and without use.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use crate::ast::{Container, Data, Field, Style, Tagging, Variant};
use crate::attr::RuleKind;
use crate::rules::{self, Place, Value};
use crate::serde_attr::{Default, SerdeContainer};

/// The `Walk` impl and the `Validate::__explain` method that answers with it.
pub struct Walk {
    pub hook: TokenStream,
    pub impl_block: TokenStream,
}

/// The names the generated walk uses for its own locals.
struct Names {
    tree: Ident,
    at: Ident,
    out: Ident,
}

impl Names {
    fn new() -> Self {
        Names { tree: format_ident!("__tree"), at: format_ident!("__at"), out: format_ident!("__out") }
    }
}

/// The walk of `container`, or nothing when the type is read whole.
pub fn walk(container: &Container<'_>) -> Option<Walk> {
    let serde = &container.serde;
    if !container.generics.params.is_empty() || serde.transparent || serde.converted {
        return None;
    }
    let n = Names::new();
    let body = match &container.data {
        Data::Struct(fields) if !fields.is_empty() && fields.iter().all(|field| field.key.is_some()) => {
            let (w, tree, at, out) = (walk_module(), &n.tree, &n.at, &n.out);
            let init = quote!(#w::Fields::of(#tree, #at, #out)?);
            fields_body(container, fields, &init, &[], &quote!(Self), &n.at)
        }
        Data::Struct(_) => return None,
        Data::Enum(variants) => enum_body(container, variants, &n),
    };
    let r = rules::runtime();
    let checks = container.attrs.checks.iter().map(|check| rules::emit_check(check, &quote!(&__value), &n.at, &n.out));
    let (ident, tree, at, out) = (container.ident, &n.tree, &n.at, &n.out);
    let hook = quote! {
        #[inline]
        fn __explain(__failed: &#r::Failed<'_>) -> ::validate_core::ErrorResponse
        where
            Self: ::core::marker::Sized,
        {
            #r::walk::every_problem::<Self>(__failed)
        }
    };
    let impl_block = quote! {
        #[automatically_derived]
        impl #r::Walk for #ident {
            #[inline]
            #[allow(unused_variables, unreachable_code, clippy::all, clippy::pedantic)]
            fn walk(
                #tree: &#r::Tree,
                #at: &::validate_core::Path<'_>,
                #out: &mut ::validate_core::Violations,
            ) -> ::core::option::Option<Self> {
                let __value: Self = #body;
                #(#checks)*
                ::core::option::Option::Some(__value)
            }
        }
    };
    Some(Walk { hook, impl_block })
}

/// The runtime's walk module.
fn walk_module() -> TokenStream {
    let r = rules::runtime();
    quote!(#r::walk)
}

/// A block that reads the named `fields` from the object `init` gives (`__f`), runs each field's
/// rules on what it read, and evaluates to `ctor { field: value, … }`, or returns `None` when a
/// field did not read. `tags` are members the enum's tagging reads (never unknown).
fn fields_body(
    container: &Container<'_>,
    fields: &[Field<'_>],
    init: &TokenStream,
    tags: &[&str],
    ctor: &TokenStream,
    at: &Ident,
) -> TokenStream {
    let w = walk_module();
    let locals: Vec<Ident> = (0..fields.len()).map(|i| format_ident!("__read{}", i)).collect();
    let claimed: Vec<String> = fields.iter().filter(|f| !f.serde.skip && !f.serde.flatten).flat_map(names).collect();
    let blocks = fields.iter().zip(&locals).map(|(field, local)| field_block(container, field, local, &claimed, at));
    let has_flatten = fields.iter().any(|field| field.serde.flatten);
    let unknown = (container.serde.deny_unknown_fields && !has_flatten).then(|| {
        let known = claimed.iter().map(String::as_str).chain(tags.iter().copied());
        quote!(__f.deny_unknown(&[#(#known),*], #at);)
    });
    let members = fields.iter().map(|field| &field.member);
    let read: Vec<&Ident> =
        fields.iter().zip(&locals).filter(|(field, _)| !field.serde.skip).map(|(_, local)| local).collect();
    let values = fields
        .iter()
        .zip(&locals)
        .map(|(field, local)| if field.serde.skip { default_value(&container.serde, field) } else { quote!(#local) });
    quote! {{
        let mut __f: #w::Fields<'_, '_> = #init;
        #(#blocks)*
        #unknown
        let (#(::core::option::Option::Some(#read),)* true) = (#(#read,)* __f.whole()) else {
            return ::core::option::Option::None;
        };
        #ctor { #(#members: #values,)* }
    }}
}

/// The keys a field is read from: its name and its aliases.
fn names(field: &Field<'_>) -> Vec<String> {
    field.key.iter().chain(&field.serde.aliases).cloned().collect()
}

/// One field's part of a fields body: read it (or walk it) into `local`, then run its rules on
/// it. A skipped field is not read; its rules run on its default.
fn field_block(
    container: &Container<'_>,
    field: &Field<'_>,
    local: &Ident,
    claimed: &[String],
    at: &Ident,
) -> TokenStream {
    let field_at = format_ident!("__field_at");
    let sink = format_ident!("__sink");
    let path = rules::field_path(field.segment.as_ref(), at);
    let nested = is_nested(field);
    let found = nested.then(|| format_ident!("__found"));
    let place = Place {
        value: Value::Local(format_ident!("__value")),
        at: field_at.clone(),
        out: sink.clone(),
        walked: found.clone(),
    };
    let rules: Vec<TokenStream> = field.rules.iter().map(|rule| rules::emit(rule, &place)).collect();
    if field.serde.skip {
        if rules.is_empty() {
            return TokenStream::new();
        }
        let value = default_value(&container.serde, field);
        let ty = field.ty;
        // Its default is not walked: `nested` validates it as `validate()` does.
        let place = Place { walked: None, ..place };
        let rules = field.rules.iter().map(|rule| rules::emit(rule, &place));
        return quote! {{
            let #field_at = #path;
            let __value: &#ty = &#value;
            let #sink = __f.out();
            #(#rules)*
        }};
    }
    let names = names(field);
    let read = match (&found, field.serde.flatten) {
        (Some(found), true) => {
            let walk = walk_fn(field);
            quote!(__f.flatten(&[#(#claimed),*], |__rest, _| (#walk)(__rest, #field_at, &mut #found)))
        }
        (None, true) => {
            let (w, fns) = (walk_module(), read_fns(&container.serde, field));
            quote!(__f.flatten(&[#(#claimed),*], |__rest, __o| #w::read_value(__rest, #field_at, __o, &#fns)))
        }
        (Some(found), false) => {
            let (walk, fns) = (walk_fn(field), read_fns(&container.serde, field));
            quote!(__f.walk(&[#(#names),*], #field_at, #walk, &#fns, &mut #found))
        }
        (None, false) if read_directly(&container.serde, field) => {
            let ty = field.ty;
            quote!(__f.read_owned::<#ty>(&[#(#names),*], #field_at))
        }
        (None, false) => {
            let fns = read_fns(&container.serde, field);
            quote!(__f.read(&[#(#names),*], #field_at, &#fns))
        }
    };
    checked_read(local, &field_at, &path, &read, found.as_ref(), &rules)
}

/// `let local = read;` then, when it read, the rules on it; what a walk found and could not place
/// among the rules (the value did not read) is recorded as it is.
fn checked_read(
    local: &Ident,
    field_at: &Ident,
    path: &TokenStream,
    read: &TokenStream,
    found: Option<&Ident>,
    rules: &[TokenStream],
) -> TokenStream {
    let declare = found.map(|found| quote!(let mut #found = ::validate_core::Violations::new();));
    let unplaced = found.map(|found| quote!(else { __f.out().extend(#found); }));
    let check = (!rules.is_empty() || found.is_some()).then(|| {
        quote! {
            if let ::core::option::Option::Some(__value) = &#local {
                let __sink = __f.out();
                #(#rules)*
            } #unplaced
        }
    });
    quote! {
        let #field_at = #path;
        #declare
        let #local = #read;
        #check
    }
}

fn is_nested(field: &Field<'_>) -> bool {
    field.rules.iter().any(|rule| matches!(rule.kind, RuleKind::Nested))
}

/// Whether a field is read with serde straight away: a type serde is known to read, with no
/// `deserialize_with` and no default. (Others say how in a `ReadFns`.)
fn read_directly(serde: &SerdeContainer, field: &Field<'_>) -> bool {
    field.serde.deserialize_with.is_none()
        && field.serde.default.is_none()
        && serde.default.is_none()
        && crate::known::is_known(field.ty)
}

/// How a field is read: its `deserialize_with`, or serde (the type's own missing-field rule), then
/// its default when it is missing. Types serde is known to read need no autoref probe.
fn read_fns(serde: &SerdeContainer, field: &Field<'_>) -> TokenStream {
    let w = walk_module();
    let ty = field.ty;
    let fns = match &field.serde.deserialize_with {
        Some(function) => {
            quote!(#w::ReadFns::<#ty>::with(|__t, __p, __o| #w::read_with(__t, __p, __o, |__d| #function(__d))))
        }
        None if crate::known::is_known(ty) => quote!(#w::ReadFns::<#ty>::owned()),
        None => quote!({
            use #w::{ReadNothing as _, ReadOwned as _};
            (&#w::Reader::<#ty>::new()).fns()
        }),
    };
    if field.serde.default.is_some() || serde.default.is_some() {
        let value = default_value(serde, field);
        quote!(#fns.with_missing(|_, _| ::core::option::Option::Some(#value)))
    } else {
        fns
    }
}

/// How a `nested` field is walked: into its type, or, with `deserialize_with`, read whole and
/// validated.
fn walk_fn(field: &Field<'_>) -> TokenStream {
    let w = walk_module();
    let ty = field.ty;
    match &field.serde.deserialize_with {
        Some(function) => quote! {
            |__t: &_, __p: &::validate_core::Path<'_>, __o: &mut ::validate_core::Violations| {
                let __read: ::core::option::Option<#ty> = #w::read_with(__t, __p, __o, |__d| #function(__d));
                if let ::core::option::Option::Some(__value) = &__read {
                    ::validate_core::Validate::validate_at(__value, __p, __o);
                }
                __read
            }
        },
        None => quote!({
            use #w::{WalkExplained as _, WalkNothing as _, WalkWhole as _};
            (&&&#w::Walker::<#ty>::new()).walk_fn()
        }),
    }
}

/// The value serde gives a field it does not read.
fn default_value(serde: &SerdeContainer, field: &Field<'_>) -> TokenStream {
    let member = &field.member;
    match (&field.serde.default, &serde.default) {
        (Some(Default::Function(function)), _) => quote!(#function()),
        (Some(Default::Trait), _) | (None, None) => quote!(::core::default::Default::default()),
        (None, Some(Default::Trait)) => quote!(<Self as ::core::default::Default>::default().#member),
        (None, Some(Default::Function(function))) => quote!(#function().#member),
    }
}

/// An enum's walk: the variant chosen as its tagging says, then that variant's body.
fn enum_body(container: &Container<'_>, variants: &[Variant<'_>], n: &Names) -> TokenStream {
    let w = walk_module();
    let (tree, at, out) = (&n.tree, &n.at, &n.out);
    let read: Vec<&Variant<'_>> = variants.iter().filter(|variant| !variant.skip).collect();
    let allowed: Vec<&String> = read.iter().filter_map(|variant| variant.names.first()).collect();
    let tagging = Tagging::of(&container.serde);
    let tag = container.serde.tag.as_deref().unwrap_or_default();
    let choose = |content: &TokenStream, tag_at: &TokenStream| {
        let arms = read.iter().map(|variant| {
            let names = &variant.names;
            let body = variant_body(container, variant, content, &tagging, n);
            quote!(#(#names)|* => #body,)
        });
        // serde reads any other tag as the `#[serde(other)]` variant, when there is one.
        let fallback = match read.iter().find(|variant| variant.other) {
            Some(other) => {
                let ident = other.ident;
                quote!(_ => Self::#ident,)
            }
            None => quote! {
                _ => {
                    #w::unknown_variant(__name, &[#(#allowed),*], #tag_at, #out);
                    return ::core::option::Option::None;
                }
            },
        };
        quote! {
            match __name {
                #(#arms)*
                #fallback
            }
        }
    };
    match &tagging {
        Tagging::External => {
            let choose = choose(&quote!(__content), &quote!(#at));
            quote!({
                let (__name, __content, __alone) = #w::external(#tree, #at, #out)?;
                let __variant = #choose;
                if !__alone {
                    return ::core::option::Option::None;
                }
                __variant
            })
        }
        Tagging::Internal => {
            let choose = choose(&TokenStream::new(), &quote!(&#at.member(#tag)));
            quote!({
                let (__name, __members) = #w::tagged(#tree, #tag, #at, #out)?;
                #choose
            })
        }
        Tagging::Adjacent { content } => {
            // The content is looked for before the tag's value is checked, and taken only in a
            // known variant's arm: an unknown tag is reported even beside a repeated content.
            let choose = choose(&quote!(__content?), &quote!(&#at.member(#tag)));
            quote!({
                let (__name, __members) = #w::tagged(#tree, #tag, #at, #out)?;
                let __content = #w::adjacent_content(__members, #content, #at, #out);
                #choose
            })
        }
        Tagging::Untagged => {
            let attempts = read.iter().map(|variant| {
                let body = variant_body(container, variant, &quote!(::core::option::Option::Some(#tree)), &tagging, n);
                quote! {
                    if let ::core::option::Option::Some(__value) =
                        #w::attempt(#out, |#out| ::core::option::Option::Some(#body))
                    {
                        __value
                    } else
                }
            });
            quote!({
                #(#attempts)* {
                    #w::no_variant(#at, #out);
                    return ::core::option::Option::None;
                }
            })
        }
    }
}

/// One variant's body, evaluating to the variant's value: `content` is an `Option<&Tree>` (what
/// the tagging gives the variant), except for internally tagged enums, whose variants read the
/// members of the object (`__members`), tag included.
fn variant_body(
    container: &Container<'_>,
    variant: &Variant<'_>,
    content: &TokenStream,
    tagging: &Tagging,
    n: &Names,
) -> TokenStream {
    let w = walk_module();
    let (at, out) = (&n.at, &n.out);
    let ident = variant.ident;
    let ctor = quote!(Self::#ident);
    let variant_at = format_ident!("__variant_at");
    let enter =
        rules::field_path(variant.segment.as_ref().map(|name| crate::ast::Segment::Member(name.clone())).as_ref(), at);
    let tag = container.serde.tag.as_deref().unwrap_or_default();
    let internal = matches!(tagging, Tagging::Internal);
    let inner = match (variant.style, internal) {
        (Style::Unit, true) => quote!(#ctor),
        (Style::Unit, false) => quote!({ #w::unit(#content, #variant_at, #out)?; #ctor }),
        (Style::Named, true) => {
            let init = quote!(#w::Fields::of_members(__members, #out));
            fields_body(container, &variant.fields, &init, &[tag], &ctor, &variant_at)
        }
        (Style::Named, false) => {
            let init = quote!(#w::Fields::of(#w::content(#content, #variant_at, #out)?, #variant_at, #out)?);
            fields_body(container, &variant.fields, &init, &[], &ctor, &variant_at)
        }
        (Style::Tuple, _) => {
            let tree = if internal {
                quote!(&#w::without_tag(__members, #tag))
            } else {
                quote!(#w::content(#content, #variant_at, #out)?)
            };
            tuple_variant(container, variant, &tree, &ctor, &variant_at, n)
        }
    };
    quote!({
        let #variant_at = #enter;
        #inner
    })
}

/// A tuple variant: a newtype's one field read or walked from the whole content; a tuple of
/// several fields read whole, then the variant's rules run on the value.
fn tuple_variant(
    container: &Container<'_>,
    variant: &Variant<'_>,
    tree: &TokenStream,
    ctor: &TokenStream,
    at: &Ident,
    n: &Names,
) -> TokenStream {
    let w = walk_module();
    let (enum_at, out) = (&n.at, &n.out);
    if let [field] = variant.fields.as_slice() {
        let found = is_nested(field).then(|| format_ident!("__found"));
        let place = Place {
            value: Value::Local(format_ident!("__value")),
            at: at.clone(),
            out: out.clone(),
            walked: found.clone(),
        };
        let rules = field.rules.iter().map(|rule| rules::emit(rule, &place));
        let read = match &found {
            Some(found) => {
                let walk = walk_fn(field);
                quote!((#walk)(__content_tree, #at, &mut #found))
            }
            None => {
                let fns = read_fns(&container.serde, field);
                quote!(#w::read_value(__content_tree, #at, #out, &#fns))
            }
        };
        let declare = found.as_ref().map(|found| quote!(let mut #found = ::validate_core::Violations::new();));
        let unplaced = found.as_ref().map(|found| quote!(#out.extend(#found);));
        return quote!({
            let __content_tree = #tree;
            #declare
            let ::core::option::Option::Some(__read) = #read else {
                #unplaced
                return ::core::option::Option::None;
            };
            {
                let __value = &__read;
                #(#rules)*
            }
            #ctor(__read)
        });
    }
    let types = variant.fields.iter().map(|field| field.ty);
    let locals: Vec<Ident> = (0..variant.fields.len()).map(|i| format_ident!("__read{}", i)).collect();
    quote!({
        let __content_tree = #tree;
        let __fns = {
            use #w::{ReadNothing as _, ReadOwned as _};
            (&#w::Reader::<(#(#types,)*)>::new()).fns()
        };
        let (#(#locals,)*) = #w::read_value(__content_tree, #at, #out, &__fns)?;
        let __variant = #ctor(#(#locals),*);
        // The enum's own rules, at the enum's path: they add the variant's segment themselves.
        ::validate_core::Validate::validate_at(&__variant, #enum_at, #out);
        __variant
    })
}
