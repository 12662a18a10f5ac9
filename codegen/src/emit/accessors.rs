//! The accessor template: the override table's one-call reads of a nested
//! value (`order.charges()`, `charge.cash()`), a chain over `Option` once a
//! step may be absent.

use super::common::{ident, type_tokens, verbatim_docs};
use crate::ir::{Accessor, Step, TypeDef, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// The accessors of a struct or union, in an `impl` of their own.
pub fn emit(def: &TypeDef) -> TokenStream {
    if def.accessors.is_empty() {
        return TokenStream::new();
    }
    let name = ident(&def.name);
    let methods = def.accessors.iter().map(accessor);
    quote! {
        impl #name {
            #(#methods)*
        }
    }
}

fn accessor(accessor: &Accessor) -> TokenStream {
    let docs = verbatim_docs(&accessor.docs);
    let name = ident(&accessor.name);
    let (expr, optional) = chain(&accessor.steps);
    let (ret, body) = match (&accessor.ty, optional) {
        (TypeRef::Array(item), _) => {
            let item = type_tokens(item);
            let body = if optional {
                quote!(#expr.map(Vec::as_slice).unwrap_or_default())
            } else {
                quote!(#expr.as_slice())
            };
            (quote!(&[#item]), body)
        }
        (TypeRef::String, true) => (quote!(Option<&str>), quote!(#expr.map(String::as_str))),
        (TypeRef::String, false) => (quote!(&str), quote!(#expr.as_str())),
        (
            ty @ (TypeRef::Bool
            | TypeRef::I8
            | TypeRef::I32
            | TypeRef::I64
            | TypeRef::F64
            | TypeRef::Timestamp),
            optional,
        ) => {
            let ty = type_tokens(ty);
            if optional {
                (quote!(Option<#ty>), quote!(#expr.copied()))
            } else {
                (quote!(#ty), quote!(#expr))
            }
        }
        (ty, true) => {
            let ty = type_tokens(ty);
            (quote!(Option<&#ty>), expr)
        }
        (ty, false) => {
            let ty = type_tokens(ty);
            (quote!(&#ty), quote!(&#expr))
        }
    };
    // Each alternative path is tried when the ones before it read an empty list.
    let alternatives = accessor.alternatives.iter().map(|steps| {
        let (expr, optional) = chain(steps);
        let items = if optional {
            quote!(#expr.map(Vec::as_slice).unwrap_or_default())
        } else {
            quote!(#expr.as_slice())
        };
        quote! {
            if !items.is_empty() {
                return items;
            }
            let items: #ret = #items;
        }
    });
    let body = if accessor.alternatives.is_empty() {
        body
    } else {
        quote! {
            let items: #ret = #body;
            #(#alternatives)*
            items
        }
    };
    quote! {
        #docs
        #[must_use]
        pub fn #name(&self) -> #ret {
            #body
        }
    }
}

/// The expression that follows `steps` from `self`, and whether it is an `Option`.
fn chain(steps: &[Step]) -> (TokenStream, bool) {
    let mut expr = quote!(self);
    let mut optional = false;
    for (index, step) in steps.iter().enumerate() {
        match step {
            Step::Field {
                rust_name,
                required,
                boxed,
            } => {
                let field = ident(rust_name);
                let deref = if *boxed {
                    quote!(as_deref)
                } else {
                    quote!(as_ref)
                };
                expr = match (optional, required) {
                    (false, true) => quote!(#expr.#field),
                    (false, false) => quote!(#expr.#field.#deref()),
                    (true, true) if *boxed => quote!(#expr.map(|value| &*value.#field)),
                    (true, true) => quote!(#expr.map(|value| &value.#field)),
                    (true, false) => quote!(#expr.and_then(|value| value.#field.#deref())),
                };
                optional |= !required;
            }
            Step::Variant {
                union,
                variant,
                boxed,
            } => {
                let (union, variant) = (ident(union), ident(variant));
                let value = if *boxed {
                    quote!(&**value)
                } else {
                    quote!(value)
                };
                let pick = |scrutinee: TokenStream| {
                    quote!(match #scrutinee {
                        #union::#variant(value) => Some(#value),
                        _ => None,
                    })
                };
                expr = if optional {
                    let pick = pick(quote!(value));
                    quote!(#expr.and_then(|value| #pick))
                } else if index == 0 {
                    pick(quote!(self))
                } else {
                    pick(quote!(&#expr))
                };
                optional = true;
            }
        }
    }
    (expr, optional)
}
