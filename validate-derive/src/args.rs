//! The token grammar inside `#[validate(…)]`: a comma-separated list of arguments, each a literal,
//! a path, `name = value` or `name(…)`. Each rule then reads the arguments it accepts.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::discouraged::Speculative;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Ident, Lit, Token, parenthesized};

/// One argument.
pub enum Arg {
    /// `"text"`, `3`, …
    Lit(Lit),
    /// `uuid`, `path::to::function`
    Path(syn::Path),
    /// `min = 3`, `code = "X"`, `by = field`, `context = Type`
    Named { name: Ident, value: Expr },
    /// `length(max = 3)`, `each(non_empty)`: the name and the parentheses, read by `parse_group`
    /// once the name says what they hold.
    List { name: Ident, parens: Group },
}

impl Arg {
    /// The token to put a caret under when this argument is wrong.
    pub fn span(&self) -> Span {
        match self {
            Arg::Lit(lit) => lit.span(),
            Arg::Path(path) => path.span(),
            Arg::Named { name, .. } | Arg::List { name, .. } => name.span(),
        }
    }
}

impl Parse for Arg {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(Lit) {
            return input.parse().map(Arg::Lit);
        }
        // `custom(|value| …)`: the rules call a function by its path, which a closure has not.
        if input.peek(Token![|]) || input.peek(Token![||]) || input.peek(Token![move]) {
            let closure: Expr = input.parse()?;
            return Err(syn::Error::new_spanned(closure, CLOSURE));
        }
        let path: syn::Path = input.call(syn::Path::parse_mod_style)?;
        if input.peek(Token![=]) {
            let name = path.require_ident()?.clone();
            input.parse::<Token![=]>()?;
            // `context = Type` names a type, which is not an expression (`Option<Stored>`); a
            // function's path, as `nested(context = f)` takes, reads as a type too. What does not
            // read as a type (a closure, a literal) is read as an expression, so that the reader
            // of the attribute says what it takes instead of listing the tokens a type begins with.
            let value = if name == "context" {
                let fork = input.fork();
                match fork.parse::<syn::Type>() {
                    Ok(ty) if fork.is_empty() || fork.peek(Token![,]) => {
                        input.advance_to(&fork);
                        Expr::Verbatim(ty.into_token_stream())
                    }
                    _ => input.parse()?,
                }
            } else {
                input.parse()?
            };
            return Ok(Arg::Named { name, value });
        }
        if input.peek(syn::token::Paren) {
            let name = path.require_ident()?.clone();
            return Ok(Arg::List { name, parens: input.parse()? });
        }
        Ok(Arg::Path(path))
    }
}

/// Said of a closure where the path of a function is expected.
const CLOSURE: &str = "expected a path to a function, found a closure: write the closure as a `fn` and give its path, such as `custom(path::to::function)`";

/// The arguments of `#[validate(…)]`.
pub fn parse_attr(list: &syn::MetaList) -> syn::Result<Vec<Arg>> {
    let list = list.parse_args_with(Punctuated::<Arg, Token![,]>::parse_terminated)?;
    Ok(list.into_iter().collect())
}

/// The arguments inside the parentheses of `name(…)`. Parsed inside the group, so that a
/// mistake at the end of the arguments is reported at the `)`, not at the derive.
pub fn parse_group(parens: &Group) -> syn::Result<Vec<Arg>> {
    let parser = |input: ParseStream<'_>| {
        let content;
        parenthesized!(content in input);
        Punctuated::<Arg, Token![,]>::parse_terminated(&content)
    };
    let list = syn::parse::Parser::parse2(parser, TokenStream::from(TokenTree::Group(parens.clone())))?;
    Ok(list.into_iter().collect())
}

/// The string of `key = "…"`, or an error under the value.
pub fn lit_str(value: &Expr, key: &str) -> syn::Result<syn::LitStr> {
    let message = match value {
        Expr::Lit(syn::ExprLit { lit: Lit::Str(text), .. }) => return Ok(text.clone()),
        // `code = NameTooLong`: the quotes were forgotten.
        Expr::Path(path) if path.path.get_ident().is_some() => {
            let word = path.to_token_stream();
            format!("`{key}` must be a string literal; did you mean `{key} = \"{word}\"`?")
        }
        _ => format!("`{key}` must be a string literal, such as `{key} = \"…\"`"),
    };
    Err(syn::Error::new_spanned(value, message))
}

/// The name an argument starts with, for messages.
pub fn arg_name(arg: &Arg) -> String {
    match arg {
        Arg::Lit(lit) => quote::quote!(#lit).to_string(),
        Arg::Path(path) => {
            path.get_ident().map_or_else(|| quote::quote!(#path).to_string().replace(' ', ""), Ident::to_string)
        }
        Arg::Named { name, .. } | Arg::List { name, .. } => name.to_string(),
    }
}

/// Tokens as text, without the spaces `to_string` puts around punctuation: `path::to::f`,
/// `Arc<Server>`.
pub fn text(tokens: &impl ToTokens) -> String {
    let spaced = tokens.to_token_stream().to_string();
    let mut out = String::with_capacity(spaced.len());
    let chars: Vec<char> = spaced.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '_');
        if c == ' ' && !(word(i.checked_sub(1).and_then(|i| chars.get(i))) && word(chars.get(i + 1))) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn tokens_read_as_written() {
        let ty: syn::Type = syn::parse_str("std::sync::Arc < Server >").unwrap();
        assert_eq!(text(&ty), "std::sync::Arc<Server>");
        let ty: syn::Type = syn::parse_str("&'static dyn Catalog").unwrap();
        assert_eq!(text(&ty), "&'static dyn Catalog");
    }
}
