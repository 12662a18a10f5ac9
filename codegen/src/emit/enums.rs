//! The open-enum template: the runtime's `open_enum!` with one line per value.

use super::common::ident;
use crate::ir::EnumVariant;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

/// An open string enum (unknown values kept in `Unknown`), with each known
/// value's docs when it has some.
pub fn emit(
    name: &Ident,
    docs: &TokenStream,
    deprecated: &Option<TokenStream>,
    variants: &[EnumVariant],
) -> TokenStream {
    let names = variants.iter().map(|v| ident(&v.rust_name));
    let values = variants.iter().map(|v| Literal::string(&v.value));
    let variant_docs = variants.iter().map(|v| {
        let text = v.docs.iter().map(|d| format!(" {d}"));
        quote!(#(#[doc = #text])*)
    });
    quote! {
        crate::__private::open_enum! {
            #docs #deprecated
            pub enum #name {
                #(#variant_docs #names => #values,)*
            }
        }
    }
}
