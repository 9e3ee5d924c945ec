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

use crate::ast::{Container, Data, Field, Segment, Style, Tagging, Variant};
use crate::rules::{self, At, Place, Value};
use crate::serde_attr::{Default, SerdeContainer};

/// The `Walk` impl and the `Validate::__explain` method that answers with it.
pub struct Walk {
    pub hook: TokenStream,
    pub impl_block: TokenStream,
}

/// The names the generated walk gives its arguments.
struct Names {
    tree: Ident,
    at: Ident,
    out: Ident,
    /// Whose the members no field reads are (`Extra`).
    extra: Ident,
}

impl Names {
    fn new() -> Self {
        Names {
            tree: format_ident!("__tree"),
            at: format_ident!("__at"),
            out: format_ident!("__out"),
            extra: format_ident!("__extra"),
        }
    }
}

/// The walk of `container`, or nothing when the type is read whole.
pub fn walk(container: &Container<'_>) -> Option<Walk> {
    if !walkable(container) {
        return None;
    }
    let n = Names::new();
    let (w, tree, at, out, extra) = (walk_module(), &n.tree, &n.at, &n.out, &n.extra);
    let body = match &container.data {
        Data::Struct(fields) => {
            let init = quote!(#w::Fields::of(#tree, #at, #out)?);
            fields_body(container, fields, &init, &quote!(#extra), &[], &quote!(Self), at)
        }
        Data::Enum(variants) => enum_body(container, variants, &n),
    };
    let r = rules::runtime();
    let ctx = ctx_of(container);
    let checks = container
        .attrs
        .checks
        .iter()
        .map(|check| rules::going_on(&rules::emit_check(check, &quote!(&__value), at, out, ctx.as_ref())));
    let ident = container.ident;
    // A type without a context walks with any and gives its nested fields none (`&()`); a type
    // with one finds it in the context it is given, as `validate_with` does.
    let (hook, bound, enter) = match &container.attrs.context {
        None => (
            quote! {
                #[inline]
                fn __explain(__failed: &#w::Failed<'_>) -> ::validate_core::Violations
                where
                    Self: ::core::marker::Sized,
                {
                    #w::every_problem::<Self, ()>(__failed, &())
                }
            },
            TokenStream::new(),
            TokenStream::new(),
        ),
        Some(context) => (
            quote! {
                #[inline]
                fn __explain_with(__failed: &#w::Failed<'_>, __ctx: &__P) -> ::validate_core::Violations
                where
                    Self: ::core::marker::Sized,
                {
                    #w::every_problem::<Self, __P>(__failed, __ctx)
                }
            },
            quote!(+ #r::Provides<#context>),
            quote!(let #ctx: &#context = <__C as #r::Provides<#context>>::provide(__ctx);),
        ),
    };
    let impl_block = quote! {
        #[automatically_derived]
        impl<__C: ?::core::marker::Sized #bound> #w::Walk<__C> for #ident {
            #[inline]
            #[allow(unused_variables, clippy::all, clippy::pedantic)]
            fn walk_in(
                #tree: &#r::Tree,
                __ctx: &__C,
                #at: &::validate_core::Path<'_>,
                #out: &mut ::validate_core::Violations,
                #extra: #w::Extra,
            ) -> ::core::option::Option<Self> {
                #enter
                let __value: Self = #body;
                #(#checks)*
                ::core::option::Option::Some(__value)
            }
        }
    };
    Some(Walk { hook, impl_block })
}

/// Whether the walk models how serde reads the type. Anything it does not model is read whole
/// by the runtime instead (the first problem at its target, then the rules): generic, borrowing
/// (a field of type `&'static str`),
/// `transparent` and `from` types, tuple structs, a struct with more than one `flatten` field or
/// a flattened `Option` (serde hands the members from one to the next) or `flatten` beside
/// `deny_unknown_fields`, an enum with `untagged` variants among tagged ones, and tuple variants
/// of several fields with serde attributes of their own.
fn walkable(container: &Container<'_>) -> bool {
    let serde = &container.serde;
    if !container.generics.params.is_empty() || serde.transparent || serde.converted {
        return false;
    }
    // A field that borrows makes the type one `from_json` cannot read at all.
    if container.all_fields().any(|field| !field.serde.skip && crate::known::borrows(field.ty)) {
        return false;
    }
    match &container.data {
        Data::Struct(fields) => {
            let flattened: Vec<&Field<'_>> = fields.iter().filter(|field| field.serde.flatten).collect();
            !fields.is_empty()
                && fields.iter().all(|field| field.key.is_some())
                && flattened.len() <= 1
                && flattened.iter().all(|field| !crate::known::is_option(field.ty))
                && (flattened.is_empty() || !serde.deny_unknown_fields)
        }
        Data::Enum(variants) => variants.iter().all(|variant| {
            let several = variant.style == Style::Tuple && variant.fields.len() > 1;
            let own_way = several && variant.fields.iter().any(|field| field.serde.reads_its_own_way());
            !(variant.untagged || own_way)
        }),
    }
}

/// The local that holds the context in the walk of a type with one.
fn ctx_of(container: &Container<'_>) -> Option<Ident> {
    container.attrs.context.as_ref().map(|_| rules::ctx_ident())
}

/// The runtime's walk module.
fn walk_module() -> TokenStream {
    let r = rules::runtime();
    quote!(#r::walk)
}

/// A block that reads the named `fields` from the object `init` gives (`__f`), runs each field's
/// rules on what it read, and evaluates to `ctor { field: value, … }`, or returns `None` when a
/// field did not read. `extra` is the `Extra` the members no field reads are judged by; `tags`
/// are members the enum's tagging reads, which a flattened map is not given.
fn fields_body(
    container: &Container<'_>,
    fields: &[Field<'_>],
    init: &TokenStream,
    extra: &TokenStream,
    tags: &[&str],
    ctor: &TokenStream,
    at: &Ident,
) -> TokenStream {
    let w = walk_module();
    let locals: Vec<Ident> = (0..fields.len()).map(|i| format_ident!("__read{}", i)).collect();
    let known: Vec<String> = fields.iter().filter(|f| !f.serde.skip && !f.serde.flatten).flat_map(names).collect();
    let claimed: Vec<String> = known.iter().cloned().chain(tags.iter().map(|tag| (*tag).to_owned())).collect();
    let blocks = fields.iter().zip(&locals).map(|(field, local)| field_block(container, field, local, &claimed, at));
    let unknown = container.serde.deny_unknown_fields.then(|| quote!(__f.deny_unknown(&[#(#known),*], #at, #extra);));
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
/// it. A skipped field is not read, and has no rules (`check.rs` refuses them): nothing to do.
fn field_block(
    container: &Container<'_>,
    field: &Field<'_>,
    local: &Ident,
    claimed: &[String],
    at: &Ident,
) -> TokenStream {
    let field_at = format_ident!("__field_at");
    let path = rules::field_path(field.segment.as_ref(), at);
    if field.serde.skip {
        return TokenStream::new();
    }
    let found = is_nested(field).then(|| format_ident!("__found"));
    let rules = field_rules(container, field, &format_ident!("__sink"), found.as_ref());
    let read = read_field(container, field, &field_at, found.as_ref(), claimed);
    checked_read(local, &field_at, &path, &read, found.as_ref(), &rules, &quote!(__f.out()))
}

/// The expression that reads (or walks, into `found`) one field that is not skipped.
fn read_field(
    container: &Container<'_>,
    field: &Field<'_>,
    field_at: &Ident,
    found: Option<&Ident>,
    claimed: &[String],
) -> TokenStream {
    let w = walk_module();
    let names = names(field);
    match (found, field.serde.flatten) {
        // A flattened struct the derive walks is walked on the whole object, which it shares.
        (Some(found), true) if !crate::known::is_map(field.ty) => {
            let walk = walk_fn(container, field);
            quote!(__f.flatten(|__t, _| (#walk)(__t, #field_at, &mut #found, #w::Extra::Flattened)))
        }
        // A flattened map is given the members no other field reads.
        (Some(found), true) => {
            let walk = walk_fn(container, field);
            quote!(__f.flatten_read(&[#(#claimed),*], |__t, _| (#walk)(__t, #field_at, &mut #found, #w::Extra::Own)))
        }
        (None, true) => {
            let fns = read_fns(&container.serde, field);
            quote!(__f.flatten_read(&[#(#claimed),*], |__t, __o| #w::read_value(__t, #field_at, __o, &#fns)))
        }
        (Some(found), false) => {
            let (walk, fns) = (walk_fn(container, field), read_fns(&container.serde, field));
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
    }
}

/// `let local = read;` then, when it read, the rules on it, recording into `sink` (an expression
/// of `&mut Violations`); what a walk found and could not place among the rules (the value did
/// not read) is recorded as it is. Fields and newtype variants read so alike.
fn checked_read(
    local: &Ident,
    field_at: &Ident,
    path: &TokenStream,
    read: &TokenStream,
    found: Option<&Ident>,
    rules: &[TokenStream],
    sink: &TokenStream,
) -> TokenStream {
    // What the walk finds is kept only as far as the sink has room for now: past its limit,
    // violations are counted without being built.
    let declare = found.map(|found| quote!(let mut #found = (#sink).scratch();));
    let unplaced = found.map(|found| quote!(else { (#sink).append(&mut #found); }));
    let check = (!rules.is_empty() || found.is_some()).then(|| {
        quote! {
            if let ::core::option::Option::Some(__value) = &#local {
                let __sink = #sink;
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

/// The code of a field's rules in the walk: on `__value` at `__field_at`, recording into `out`,
/// placing what walking the value found (`walked`) for `nested`.
fn field_rules(container: &Container<'_>, field: &Field<'_>, out: &Ident, walked: Option<&Ident>) -> Vec<TokenStream> {
    let place = Place {
        value: Value::Local(format_ident!("__value")),
        at: At::Path(format_ident!("__field_at")),
        out: out.clone(),
        walked: walked.cloned(),
        ctx: ctx_of(container),
    };
    field.rules.iter().map(|rule| rules::going_on(&rules::emit(rule, &place))).collect()
}

fn is_nested(field: &Field<'_>) -> bool {
    field.rules.iter().any(|rule| rule.kind.walked_nested().is_some())
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

/// How a `nested` field is walked, as a closure of the tree, the place, the sink and the `Extra`:
/// into its type, given the context it needs (none, `&()`, in a type without one), or, with
/// `deserialize_with`, read whole and validated.
fn walk_fn(container: &Container<'_>, field: &Field<'_>) -> TokenStream {
    let (w, r) = (walk_module(), rules::runtime());
    let ty = field.ty;
    let given = match (ctx_of(container), nested_context(field)) {
        (Some(ctx), Some(function)) => quote!(#function(#ctx)),
        (Some(ctx), None) => quote!(#ctx),
        (None, _) => quote!(&()),
    };
    let validate = match ctx_of(container) {
        Some(_) => quote!({
            use #r::{NestFree as _, NestWith as _};
            let _ = (&#r::Nest(__value, __given)).check(__p, __o);
        }),
        None => quote!(::validate_core::Validate::validate_at(__value, __p, __o);),
    };
    let walk = match &field.serde.deserialize_with {
        Some(function) => quote! {
            let __read: ::core::option::Option<#ty> = #w::read_with(__t, __p, __o, |__d| #function(__d));
            if let ::core::option::Option::Some(__value) = &__read {
                #validate
            }
            __read
        },
        None => quote!({
            use #w::{WalkDerived as _, WalkNothing as _, WalkWhole as _, WalkWholeWith as _};
            (&&&&#w::Walker::<#ty, _>::of(__given)).walk_fn()(__t, __given, __p, __o, __e)
        }),
    };
    quote!({
        let __given = #given;
        move |__t: &#r::Tree,
              __p: &::validate_core::Path<'_>,
              __o: &mut ::validate_core::Violations,
              __e: #w::Extra| { #walk }
    })
}

/// The function `nested(context = …)` names on a field, if any.
fn nested_context<'f>(field: &'f Field<'_>) -> Option<&'f syn::Path> {
    field.rules.iter().find_map(|rule| rule.kind.walked_nested().and_then(|walked| walked.context))
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
    let read: Vec<&Variant<'_>> = variants.iter().filter(|variant| !variant.skip).collect();
    let e = Enum { container, read: &read, n };
    match Tagging::of(&container.serde) {
        Tagging::External => e.external(),
        Tagging::Internal => e.internal(),
        Tagging::Adjacent { content } => e.adjacent(&content),
        Tagging::Untagged => e.untagged(),
    }
}

/// An enum being walked: its variants serde reads, and the walk's names.
struct Enum<'e, 'a> {
    container: &'e Container<'a>,
    read: &'e [&'e Variant<'a>],
    n: &'e Names,
}

/// What a variant is given to read: how its content is reached, and where it is.
enum Content<'c> {
    /// `{"Variant": content}` or `"Variant"`: the content (an `Option<&Tree>` named by the
    /// expression) at the variant's own member, or nothing.
    External(&'c TokenStream),
    /// `{"tag": "Variant", …}`: the variant's fields are members of the same object.
    Internal(&'c str),
    /// `{"tag": "Variant", "content": …}`: the content member, at `.content`.
    Adjacent(&'c TokenStream),
    /// Any value, tried variant by variant.
    Untagged,
}

impl Enum<'_, '_> {
    fn tag(&self) -> &str {
        self.container.serde.tag.as_deref().unwrap_or_default()
    }

    /// `match __name { … }`: the variant named `__name`, or the `#[serde(other)]` one, or an
    /// unknown variant recorded at `tag_at`.
    fn choose(&self, content: &Content<'_>, tag_at: &TokenStream) -> TokenStream {
        let (w, out) = (walk_module(), &self.n.out);
        let arms = self.read.iter().filter(|variant| !variant.other).map(|variant| {
            let names = &variant.names;
            let body = self.variant_body(variant, content);
            quote!(#(#names)|* => #body,)
        });
        // As serde lists them: every name a variant is read from, aliases included.
        let allowed = self.read.iter().filter(|variant| !variant.other).flat_map(|variant| &variant.names);
        let fallback = match self.read.iter().find(|variant| variant.other) {
            // serde reads any other name as the `#[serde(other)]` unit variant.
            Some(other) => self.variant_body(other, content),
            None => quote!({
                #w::unknown_variant(__name, &[#(#allowed),*], #tag_at, #out);
                return ::core::option::Option::None;
            }),
        };
        quote!(match __name {
            #(#arms)*
            _ => #fallback,
        })
    }

    fn external(&self) -> TokenStream {
        let (w, tree, at, out) = (walk_module(), &self.n.tree, &self.n.at, &self.n.out);
        let choose = self.choose(&Content::External(&quote!(__content)), &quote!(#at));
        quote!({
            let (__name, __content, __alone) = #w::external(#tree, #at, #out)?;
            let __variant = #choose;
            if !__alone {
                return ::core::option::Option::None;
            }
            __variant
        })
    }

    fn internal(&self) -> TokenStream {
        let (w, tree, at, out) = (walk_module(), &self.n.tree, &self.n.at, &self.n.out);
        let tag = self.tag();
        let choose = self.choose(&Content::Internal(tag), &quote!(&#at.member(#tag)));
        quote!({
            let (__name, _) = #w::tagged(#tree, #tag, #at, #out)?;
            #choose
        })
    }

    fn adjacent(&self, content: &str) -> TokenStream {
        let (w, tree, at, out) = (walk_module(), &self.n.tree, &self.n.at, &self.n.out);
        let tag = self.tag();
        // The content is looked for before the tag's value is checked, and taken only in a known
        // variant's arm: an unknown tag is reported even beside a repeated content.
        let choose = self.choose(&Content::Adjacent(&quote!(__content?)), &quote!(&#at.member(#tag)));
        // Unknown members are looked for first: serde meets them before it knows the variant.
        let unknown = self
            .container
            .serde
            .deny_unknown_fields
            .then(|| quote!(let __alone = #w::adjacent_unknown(#tree, &[#tag, #content], #at, #out);));
        let alone = if unknown.is_some() { quote!(__alone) } else { quote!(true) };
        quote!({
            #unknown
            let (__name, __members) = #w::adjacently_tagged(#tree, #tag, #at, #out)?;
            let __content = #w::adjacent_content(__members, #content, #at, #out);
            let __variant = #choose;
            if !#alone {
                return ::core::option::Option::None;
            }
            __variant
        })
    }

    fn untagged(&self) -> TokenStream {
        let (w, at, out) = (walk_module(), &self.n.at, &self.n.out);
        let attempts = self.read.iter().map(|variant| {
            let body = self.variant_body(variant, &Content::Untagged);
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

    /// One variant's body, evaluating to the variant's value, with `__variant_at` its place.
    fn variant_body(&self, variant: &Variant<'_>, content: &Content<'_>) -> TokenStream {
        let (w, tree, at, out, extra) = (walk_module(), &self.n.tree, &self.n.at, &self.n.out, &self.n.extra);
        let variant_at = format_ident!("__variant_at");
        // The `other` variant's member is the name that was given.
        let enter = match (content, variant.other) {
            (Content::External(_), true) => quote!(&#at.member(__name)),
            _ => rules::field_path(variant.segment.as_ref().map(|name| Segment::Member(name.clone())).as_ref(), at),
        };
        // The content a variant with fields reads, or `None` after recording why there is none.
        // Externally tagged, such a variant is an object (`{"Variant": …}`), never its bare name.
        let required = || match content {
            Content::External(content) => quote!(match #content {
                ::core::option::Option::Some(__content) => __content,
                ::core::option::Option::None => {
                    #w::named_only(#at, #out);
                    return ::core::option::Option::None;
                }
            }),
            Content::Adjacent(content) => quote!(#w::content(#content, #variant_at, #out)?),
            Content::Internal(_) | Content::Untagged => quote!(#tree),
        };
        let ctor = {
            let ident = variant.ident;
            quote!(Self::#ident)
        };
        let inner = match (variant.style, content) {
            (Style::Unit, Content::Internal(_)) => ctor,
            (Style::Unit, Content::External(content) | Content::Adjacent(content)) => {
                quote!({ #w::unit(#content, #variant_at, #out)?; #ctor })
            }
            (Style::Unit, Content::Untagged) => {
                quote!({ #w::unit(::core::option::Option::Some(#tree), #variant_at, #out)?; #ctor })
            }
            (Style::Named, _) => {
                let tree = required();
                let init = quote!(#w::Fields::of(#tree, #variant_at, #out)?);
                let (fields_extra, tags): (TokenStream, Vec<&str>) = match content {
                    Content::Internal(tag) => (quote!(#extra.tagged(#tag)), vec![tag]),
                    _ => (quote!(#w::Extra::Own), Vec::new()),
                };
                fields_body(self.container, &variant.fields, &init, &fields_extra, &tags, &ctor, &variant_at)
            }
            (Style::Tuple, _) if variant.fields.len() == 1 => {
                let tree = required();
                self.newtype_variant(variant, &tree, content, &ctor, &variant_at)
            }
            (Style::Tuple, _) => {
                let tree = required();
                self.tuple_variant(variant, &tree, &ctor, &variant_at)
            }
        };
        quote!({
            let #variant_at = #enter;
            #inner
        })
    }

    /// A newtype variant: its one field read or walked from the whole content, then its rules.
    fn newtype_variant(
        &self,
        variant: &Variant<'_>,
        tree: &TokenStream,
        content: &Content<'_>,
        ctor: &TokenStream,
        at: &Ident,
    ) -> TokenStream {
        let (w, out, extra) = (walk_module(), &self.n.out, &self.n.extra);
        let Some(field) = variant.fields.first() else {
            return TokenStream::new();
        };
        let (field_at, local) = (format_ident!("__field_at"), format_ident!("__read"));
        let found = is_nested(field).then(|| format_ident!("__found"));
        let rules = field_rules(self.container, field, &format_ident!("__sink"), found.as_ref());
        let read = match (&found, content) {
            // Walked on the enum's own object, which holds its tag: the tag is not its to judge.
            (Some(found), Content::Internal(tag)) => {
                let walk = walk_fn(self.container, field);
                quote!((#walk)(#tree, #field_at, &mut #found, #extra.tagged(#tag)))
            }
            (Some(found), _) => {
                let walk = walk_fn(self.container, field);
                quote!((#walk)(#tree, #field_at, &mut #found, #w::Extra::Own))
            }
            // Read whole, as serde reads it: without the tag (a copy, read once, never walked).
            (None, Content::Internal(tag)) => {
                let fns = read_fns(&self.container.serde, field);
                quote!(#w::read_value(&#w::without_tag(#tree, #tag), #field_at, #out, &#fns))
            }
            (None, _) => {
                let fns = read_fns(&self.container.serde, field);
                quote!(#w::read_value(#tree, #field_at, #out, &#fns))
            }
        };
        let read = checked_read(&local, &field_at, &quote!(#at), &read, found.as_ref(), &rules, &quote!(&mut *#out));
        quote!({
            #read
            let ::core::option::Option::Some(#local) = #local else {
                return ::core::option::Option::None;
            };
            #ctor(#local)
        })
    }

    /// A tuple variant of several fields: read whole, then each field's rules on what it read.
    fn tuple_variant(&self, variant: &Variant<'_>, tree: &TokenStream, ctor: &TokenStream, at: &Ident) -> TokenStream {
        let (w, out) = (walk_module(), &self.n.out);
        let types = variant.fields.iter().map(|field| field.ty);
        let locals: Vec<Ident> = (0..variant.fields.len()).map(|i| format_ident!("__read{}", i)).collect();
        // The fields' rules alone, each at its place under the variant's: the enum's checks run
        // once, after the walk, as for every variant (validating the whole enum here ran them twice).
        let rules =
            variant.fields.iter().zip(&locals).filter(|(field, _)| !field.rules.is_empty()).map(|(field, local)| {
                let field_at = format_ident!("__field_at");
                let path = rules::field_path(field.segment.as_ref(), at);
                let rules = field_rules(self.container, field, out, None);
                quote! {{
                    let #field_at = #path;
                    let __value = &#local;
                    #(#rules)*
                }}
            });
        quote!({
            let __fns = {
                use #w::{ReadNothing as _, ReadOwned as _};
                (&#w::Reader::<(#(#types,)*)>::new()).fns()
            };
            let (#(#locals,)*) = #w::read_value(#tree, #at, #out, &__fns)?;
            #(#rules)*
            #ctor(#(#locals),*)
        })
    }
}
