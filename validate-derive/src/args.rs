//! The token grammar inside `#[validate(…)]`: a comma-separated list of arguments, each a literal,
//! a path, `name = value` or `name(…)`. Each rule then reads the arguments it accepts.

use proc_macro2::{Span, TokenStream};
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
    /// `min = 3`, `code = "X"`, `by = field`
    Named { name: Ident, value: Expr },
    /// `length(max = 3)`, `each(non_empty)`: the name and what the parentheses hold.
    List { name: Ident, args: TokenStream, span: Span },
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
        let path: syn::Path = input.call(syn::Path::parse_mod_style)?;
        if input.peek(Token![=]) {
            let name = path.require_ident()?.clone();
            input.parse::<Token![=]>()?;
            let value = input.parse()?;
            return Ok(Arg::Named { name, value });
        }
        if input.peek(syn::token::Paren) {
            let name = path.require_ident()?.clone();
            let content;
            let parens = parenthesized!(content in input);
            let args = content.parse()?;
            return Ok(Arg::List {
                name,
                args,
                span: parens.span.join(),
            });
        }
        Ok(Arg::Path(path))
    }
}

/// Parses a comma-separated list of arguments.
pub fn parse_list(tokens: TokenStream) -> syn::Result<Vec<Arg>> {
    let list = syn::parse::Parser::parse2(Punctuated::<Arg, Token![,]>::parse_terminated, tokens)?;
    Ok(list.into_iter().collect())
}

/// The string of `name = "…"`, or an error under the value.
pub fn lit_str(value: &Expr, what: &str) -> syn::Result<syn::LitStr> {
    match value {
        Expr::Lit(syn::ExprLit { lit: Lit::Str(text), .. }) => Ok(text.clone()),
        other => Err(syn::Error::new_spanned(other, format!("{what} must be a string literal"))),
    }
}
