//! The code of one rule at a place: [`emit`] writes it on a value at a [`Place`] chosen by its
//! caller. `validate_at` (`expand.rs`) and the walk (`walk.rs`) both call it, and neither calls
//! the other. What the derive knows of each rule besides is its row in `table.rs`.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens as _, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Expr, Ident, LitStr};

use crate::ast::{Segment, unraw};
use crate::attr::{Check, Rule, RuleKind};

/// The runtime's hidden module, the only path generated code names.
pub fn runtime() -> TokenStream {
    runtime_at(Span::call_site())
}

/// The same path located at `span`: every token of a rule's call sits under the rule's name,
/// so that rustc reports a type error there alone.
fn runtime_at(span: Span) -> TokenStream {
    quote_spanned!(span=> ::validate_core::__v1)
}

/// Where a rule runs: a reference to the value, where it is ([`At`]), the sink it records into
/// (a `&mut Violations`, or any `__v1::Sink` in `__validate_in`), all as names the caller
/// chose; for a value the walk has already walked, the
/// `Violations` that walking found, which `nested` places instead of validating again; and in a
/// type with a context, the local that holds a reference to it.
pub struct Place {
    pub value: Value,
    pub at: At,
    pub out: Ident,
    pub walked: Option<Ident>,
    pub ctx: Option<Ident>,
}

/// Where a place is, as a local its caller declared: either implements the runtime's `At`.
pub enum At {
    /// A `&Path` (the walk has one already: it reads the value there).
    Path(Ident),
    /// A place whose path is made only when a violation is recorded (`Below` a parent place), so
    /// that a valid field writes no path (`validate_at`).
    Made(Ident),
}

impl At {
    /// What a rule's `at: impl At` is given, located at `span`.
    fn given(&self, span: Span) -> TokenStream {
        let (At::Path(local) | At::Made(local)) = self;
        respan(local, span).into_token_stream()
    }

    /// `call` given a `&Path` (a local's name), for a rule that records its own violations: a made
    /// place makes its path first.
    fn with_path(&self, span: Span, call: impl FnOnce(&TokenStream) -> TokenStream) -> TokenStream {
        match self {
            At::Path(local) => call(&respan(local, span).into_token_stream()),
            At::Made(local) => {
                let (r, local, path) = (runtime_at(span), respan(local, span), Ident::new("__path", span));
                let call = call(&path.to_token_stream());
                quote_spanned!(span=> #r::At::with(#local, |#path| #call))
            }
        }
    }
}

/// The name of the context's local in a type with a context: `ctx`, which rule arguments may
/// name, so made at the call site (the user's tokens resolve to it).
pub fn ctx_ident() -> Ident {
    Ident::new("ctx", Span::call_site())
}

/// How the place reaches its value.
pub enum Value {
    /// `&self.member`
    SelfMember(syn::Member),
    /// A local that holds a reference.
    Local(Ident),
}

/// `ident`, resolved where it was made and located at `span`.
fn respan(ident: &Ident, span: Span) -> Ident {
    Ident::new(&ident.to_string(), span)
}

impl Value {
    /// A reference to the value, spanned for the caret of a type error.
    fn tokens(&self, span: Span) -> TokenStream {
        match self {
            Value::SelfMember(member) => quote_spanned!(span=> &self.#member),
            Value::Local(local) => {
                let local = respan(local, span);
                quote_spanned!(span=> #local)
            }
        }
    }
}

/// The code of one rule on the value at `place`: an expression of the sink's answer, whether to
/// go on (`ControlFlow<()>`), which its caller passes on ([`stopping`]) or, into a list that never
/// stops, drops ([`going_on`]).
///
/// Every rule but `custom` is called in one shape, `__v1::<rule>::<function>(value, arguments…)`:
/// a rule that yields one error is recorded at the place with the attribute's overrides, and a rule
/// that records its own violations (its row in the table says which) is also given the place and
/// the sink, the overrides applied to what it recorded. Only the arguments differ from rule to
/// rule ([`arguments`]).
pub fn emit(rule: &Rule, place: &Place) -> TokenStream {
    // Located at the rule's name, so that a type error puts its caret there; resolved at the call
    // site, so that it names the caller's locals.
    let span = Span::call_site().located_at(rule.name.span());
    let value = place.value.tokens(span);
    // The caller's names, located at the rule too: a call whose tokens all sit under the rule's
    // name is reported there alone.
    let out = &respan(&place.out, span);
    let r = runtime_at(span);
    let overrides = overrides(span, rule.code.as_ref(), rule.message.as_ref());
    match (&rule.kind, &place.walked) {
        // What walking the value found is placed among the field's other rules.
        // `each(nested)` too, its overrides applied to what the walk found.
        (kind, Some(found)) if kind.walked_nested().is_some() => {
            return records(rule, span, out, quote_spanned!(span=> { #out.append(&mut #found); #r::GO_ON }));
        }
        (RuleKind::Custom(function), _) => return custom(span, function, &value, place, &overrides),
        (RuleKind::Nested { context }, None) if place.ctx.is_some() => {
            let ctx = place.ctx.as_ref().map(|ctx| respan(ctx, span));
            return place.at.with_path(span, |at| match context {
                // A projection is for a type with a context: one without would drop it unseen.
                Some(function) => quote_spanned! {span=>
                    #r::Part(#function(#ctx)).give(#value, #at, #out)
                },
                None => quote_spanned! {span=> {
                    use #r::{NestFree as _, NestWith as _};
                    (&#r::Nest(#value, #ctx)).check(#at, #out)
                }},
            });
        }
        _ => {}
    }
    let name = rule.name.to_string();
    let module = Ident::new(&name, span);
    let (function, args) = arguments(rule, span, &value, &place.at.given(span), place.ctx.as_ref());
    let function = Ident::new(function, span);
    if matches!(rule.kind, RuleKind::Nested { .. }) {
        // `nested` takes the place as it is: the nested value's fields make their paths only
        // when they record.
        let at = place.at.given(span);
        records(rule, span, out, quote_spanned!(span=> #r::#module::#function(#value, #at, #out)))
    } else if crate::table::find(&name).is_some_and(|spec| spec.records) {
        let call =
            place.at.with_path(span, |at| quote_spanned!(span=> #r::#module::#function(#value, #(#args,)* #at, #out)));
        if matches!(rule.kind, RuleKind::Keys(_)) {
            // `keys` rewords what its rules recorded, so it records into a list: a sink that is
            // not one gives it one.
            quote_spanned!(span=> #r::Sink::collect(#out, #overrides, |#out| #call))
        } else {
            records(rule, span, out, call)
        }
    } else {
        let at = place.at.given(span);
        quote_spanned!(span=> #r::record(#out, #at, #r::#module::#function(#value #(, #args)*), #overrides))
    }
}

/// The function a rule is called by in its runtime module, and its arguments after the value:
/// the one part of a rule's code that is its own.
fn arguments(
    rule: &Rule,
    span: Span,
    value: &TokenStream,
    at: &TokenStream,
    ctx: Option<&Ident>,
) -> (&'static str, Vec<TokenStream>) {
    let some = |bound: Option<&Expr>| match bound {
        Some(bound) => quote_spanned!(span=> ::core::option::Option::Some(#bound)),
        None => quote_spanned!(span=> ::core::option::Option::None),
    };
    match &rule.kind {
        // The place names the property in the message.
        RuleKind::Required | RuleKind::ReadOnly { stored: None } => ("check", vec![quote_spanned!(span=> #at)]),
        // The value the server holds, from the context (the checks made sure there is one).
        RuleKind::ReadOnly { stored: Some(function) } => {
            let ctx = ctx.map(|ctx| respan(ctx, span));
            ("check_stored", vec![quote_spanned!(span=> #function(#ctx)), quote_spanned!(span=> #at)])
        }
        RuleKind::NonEmpty
        | RuleKind::NoControlChars
        | RuleKind::Localized
        | RuleKind::Nested { .. }
        | RuleKind::Custom(_) => ("check", Vec::new()),
        RuleKind::Length { equal: Some(expected), .. } => ("exactly", vec![quote_spanned!(span=> #expected)]),
        RuleKind::Length { min, max, equal: None } => ("check", vec![some(min.as_ref()), some(max.as_ref())]),
        // Each bound converted to the number's type, so that `min = 1` works on an `f64`.
        RuleKind::Range { min, max, exclusive_min, exclusive_max } => {
            let r = runtime_at(span);
            let value = value.clone();
            let bound = |bound: &Option<Expr>| match bound {
                Some(bound) => quote_spanned!(span=> ::core::option::Option::Some(#r::range::bound(#value, #bound))),
                None => quote_spanned!(span=> ::core::option::Option::None),
            };
            if exclusive_min.is_some() || exclusive_max.is_some() {
                ("check_exclusive", [min, max, exclusive_min, exclusive_max].map(bound).into())
            } else {
                ("check", vec![bound(min), bound(max)])
            }
        }
        RuleKind::Pattern(pattern) => {
            let name = pattern_static(pattern);
            ("check", vec![quote_spanned!(span=> &#name)])
        }
        RuleKind::Part(part) => ("check", vec![quote_spanned!(span=> #part)]),
        RuleKind::OneOf(values) => ("check", vec![quote_spanned!(span=> &[#(#values),*])]),
        RuleKind::Format(format) => (format.keyword(), Vec::new()),
        // An item's place is made only on a violation (`Each` gives a `Below`); a key's is a path.
        RuleKind::Each(inner) => ("check", vec![one_by_one(inner, span, "__item", ctx, At::Made)]),
        RuleKind::Keys(inner) => ("check", vec![one_by_one(inner, span, "__key", ctx, At::Path)]),
        // `ignore_case` calls functions that take text alone, so that it is refused on numbers.
        RuleKind::Unique { by: None, ignore_case: false } => ("check", vec![quote_spanned!(span=> false)]),
        RuleKind::Unique { by: None, ignore_case: true } => ("check_ignore_case", Vec::new()),
        RuleKind::Unique { by: Some(field), ignore_case } => {
            let rust_name = LitStr::new(&unraw(field), field.span());
            let key = quote_spanned!(span=> |__item| &__item.#field);
            if *ignore_case {
                ("check_by_ignore_case", vec![key, quote_spanned!(span=> #rust_name)])
            } else {
                ("check_by", vec![key, quote_spanned!(span=> #rust_name), quote_spanned!(span=> false)])
            }
        }
    }
}

/// `|__item, __item_at, __item_out| { …; GO_ON }`: the rules inside `each` or `keys`, on one item
/// or key (a local called `name`) at its place, stopping where the sink stops.
fn one_by_one(inner: &[Rule], span: Span, name: &str, ctx: Option<&Ident>, place_of: fn(Ident) -> At) -> TokenStream {
    let (one, at, out) =
        (Ident::new(name, span), format_ident!("{}_at", name, span = span), format_ident!("{}_out", name, span = span));
    let place = Place {
        value: Value::Local(one.clone()),
        at: place_of(at.clone()),
        out: out.clone(),
        walked: None,
        ctx: ctx.cloned(),
    };
    let inner = inner.iter().map(|rule| stopping(&emit(rule, &place)));
    let r = runtime_at(span);
    quote_spanned!(span=> |#one, #at, #out| { #(#inner)* #r::GO_ON })
}

/// `custom(f)`: `f` on the value, or on what an `Option` holds (nothing for `None`), and the
/// context in a type with one, its result recorded as any rule's.
fn custom(
    span: Span,
    function: &syn::Path,
    value: &TokenStream,
    place: &Place,
    overrides: &TokenStream,
) -> TokenStream {
    let r = runtime_at(span);
    let call = match &place.ctx {
        Some(ctx) => {
            let ctx = respan(ctx, span);
            quote_spanned!(span=> #function(__present, #ctx))
        }
        None => quote_spanned!(span=> #function(__present)),
    };
    let check = user_result(span, &call, &place.at.given(span), &place.out, overrides);
    quote_spanned! {span=>
        {
            use #r::{ProbeOption as _, ProbeValue as _};
            if let ::core::option::Option::Some(__present) = (&#r::Probe(#value)).present() {
                #check
            } else {
                #r::GO_ON
            }
        }
    }
}

/// A rule that records its own violations, with the attribute's overrides applied to them.
fn records(rule: &Rule, span: Span, out: &Ident, call: TokenStream) -> TokenStream {
    if rule.code.is_none() && rule.message.is_none() {
        return call;
    }
    let r = runtime_at(span);
    let overrides = overrides(span, rule.code.as_ref(), rule.message.as_ref());
    quote_spanned!(span=> #r::Sink::overridden(#out, #overrides, |#out| #call))
}

/// `Overrides { code, message }`, or `Overrides::NONE`.
fn overrides(span: Span, code: Option<&LitStr>, message: Option<&LitStr>) -> TokenStream {
    let r = runtime_at(span);
    if code.is_none() && message.is_none() {
        return quote_spanned!(span=> #r::Overrides::NONE);
    }
    let some = |value: Option<&LitStr>| match value {
        Some(value) => quote_spanned!(span=> ::core::option::Option::Some(#value)),
        None => quote_spanned!(span=> ::core::option::Option::None),
    };
    let (code, message) = (some(code), some(message));
    quote_spanned!(span=> #r::Overrides { code: #code, message: #message })
}

/// A container check on `value` (a reference to the whole value) at `at`, and the context in a
/// type with one, as an expression of whether to go on (as [`emit`]'s), located at the function so
/// that a function of the wrong signature is reported there.
pub fn emit_check(check: &Check, value: &TokenStream, at: &Ident, out: &Ident, ctx: Option<&Ident>) -> TokenStream {
    let function = &check.function;
    let span = Span::call_site().located_at(function.span());
    let overrides = overrides(span, check.code.as_ref(), check.message.as_ref());
    let call = match ctx {
        Some(ctx) => {
            let ctx = respan(ctx, span);
            quote_spanned!(span=> #function(#value, #ctx))
        }
        None => quote_spanned!(span=> #function(#value)),
    };
    user_result(span, &call, &respan(at, span).into_token_stream(), out, &overrides)
}

/// Records what a user's function returned. The result is first bound with its type written
/// out, so that a function of the wrong signature is reported against that type alone, with no
/// hidden item of the runtime named in the error.
fn user_result(span: Span, call: &TokenStream, at: &TokenStream, out: &Ident, overrides: &TokenStream) -> TokenStream {
    let r = runtime_at(span);
    let out = respan(out, span);
    quote_spanned! {span=> {
        let __result: ::core::result::Result<(), ::validate_core::RuleError> = #call;
        #r::record(#out, #at, __result, #overrides)
    }}
}

/// A rule's code (an expression of whether to go on) as a statement that passes a stop on: in
/// `__validate_in`, and inside `each` and `keys`, whose closures answer whether to go on.
// Matched against a constant rather than passed on with `?`, whose desugaring calls two trait
// methods per check: the MIR of a crate of 50 derived structs, 84 852 lines with `?`, 81 252 this
// way (76 202 before checks answered; benches/compile-time/run.sh's crate, 2026-12-02).
pub fn stopping(step: &TokenStream) -> TokenStream {
    let r = runtime();
    quote! {
        if let #r::STOP = #step {
            return #r::STOP;
        }
    }
}

/// A rule's code as a statement where the sink is a list, which always goes on (the walk).
pub fn going_on(step: &TokenStream) -> TokenStream {
    quote!(let _ = #step;)
}

/// One `static` per distinct pattern among `rules` (and the rules inside their `each` and `keys`).
pub fn pattern_statics<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> TokenStream {
    fn collect<'r>(rules: impl IntoIterator<Item = &'r Rule>, into: &mut Vec<&'r LitStr>) {
        for rule in rules {
            match &rule.kind {
                RuleKind::Pattern(pattern) => into.push(pattern),
                RuleKind::Each(inner) | RuleKind::Keys(inner) => collect(inner, into),
                _ => {}
            }
        }
    }
    let mut patterns = Vec::new();
    collect(rules, &mut patterns);
    let mut seen = std::collections::HashSet::new();
    let r = runtime();
    let statics = patterns.into_iter().filter(|pattern| seen.insert(pattern.value())).map(|pattern| {
        let name = pattern_static(pattern);
        quote!(static #name: #r::Pattern = #r::Pattern::new(#pattern);)
    });
    quote!(#(#statics)*)
}

/// The name of a pattern's `static`: a hash of its text (FNV-1a), so that every place that checks
/// it names the same one. Two different patterns of one type with the same hash would be reported
/// by rustc as a duplicate definition, never mixed up.
fn pattern_static(pattern: &LitStr) -> Ident {
    let hash = pattern
        .value()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    format_ident!("__VALIDATE_PATTERN_{:016X}", hash)
}

/// The path of a field below `parent`: `parent` itself for a field that adds no segment (a
/// newtype's, a flattened one), else its member or index.
pub fn field_path(segment: Option<&Segment>, parent: &Ident) -> TokenStream {
    let r = runtime();
    match segment {
        Some(Segment::Member(name)) if is_plain(name) => quote!(&#r::plain_member(#parent, #name)),
        Some(Segment::Member(name)) => quote!(&#parent.member(#name)),
        Some(Segment::Index(index)) => quote!(&#parent.index(#index)),
        None => quote!(#parent),
    }
}

/// The place of a field below `parent` (a place), whose path is made only when a violation is
/// recorded there ([`At::Made`]): `parent` itself for a field that adds no segment.
pub fn field_place(segment: Option<&Segment>, parent: &Ident) -> TokenStream {
    let r = runtime();
    match segment {
        Some(Segment::Member(name)) if is_plain(name) => quote!(#r::below_plain_member(#parent, #name)),
        Some(Segment::Member(name)) => quote!(#r::Below::member(#parent, #name)),
        Some(Segment::Index(index)) => quote!(#r::Below::index(#parent, #index)),
        None => quote!(#parent),
    }
}

/// Whether a wire name can follow a `.` in a target as it is: the rule of `validate_core`'s
/// `Path` (letters, digits, `_`, `-`, `$`, `@`; not empty). Such names are written without being
/// checked again at run time.
fn is_plain(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '$' | '@'))
}
