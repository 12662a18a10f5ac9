//! The union template: tagged (by a discriminator, through the runtime's
//! `tagged_union!`) and untagged (tried form by form), each with `From` its
//! variants' types.

use super::common::{ident, type_tokens};
use crate::ir::{TypeRef, UnionVariant};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeSet;

/// A union told apart by `property`, with `attrs` (its docs).
pub fn tagged(
    attrs: TokenStream,
    name: &Ident,
    property: &str,
    variants: &[UnionVariant],
    structs: &BTreeSet<&str>,
) -> TokenStream {
    let conversions = conversions(name, variants, structs);
    let variants = variants.iter().map(|v| {
        let variant = ident(&v.rust_name);
        let ty = type_tokens(&v.ty);
        let tag = v.tag.as_deref().unwrap_or_default();
        quote!(#variant(#ty) => #tag,)
    });
    quote! {
        crate::__private::tagged_union! {
            #attrs
            pub enum #name : #property {
                #(#variants)*
            }
        }
        #conversions
    }
}

/// A union without a discriminator: the first form the value decodes as.
pub fn untagged(name: &Ident, variants: &[UnionVariant], structs: &BTreeSet<&str>) -> TokenStream {
    let names: Vec<_> = variants.iter().map(|v| ident(&v.rust_name)).collect();
    let tys = variants.iter().map(|v| type_tokens(&v.ty));
    let docs = variants.iter().map(|v| {
        format!(
            " The `{}` form.",
            v.ty.named().unwrap_or(v.rust_name.as_str())
        )
    });
    let private = quote!(crate::__private);
    let conversions = conversions(name, variants, structs);
    quote! {
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#[doc = #docs] #names(#tys),)*
            /// A value that matches none of the forms above, kept as it was received.
            Other(serde_json::Value),
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(Self::#names(value) => serde::Serialize::serialize(value, serializer),)*
                    Self::Other(value) => serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            /// The first form (in the order above) that the value decodes as.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #private::deserialize_union(deserializer, |value| {
                    #(
                        if let Some(form) = #private::attempt(&value) {
                            return Ok(Self::#names(form));
                        }
                    )*
                    Ok(Self::Other(value))
                })
            }
        }

        #conversions
    }
}

/// `From` each variant's type (and `TryFrom` its builder, for structs), for
/// the variants whose type no other variant of the union shares.
fn conversions(name: &Ident, variants: &[UnionVariant], structs: &BTreeSet<&str>) -> TokenStream {
    let mut out = TokenStream::new();
    for variant in variants {
        if variants.iter().filter(|v| v.ty == variant.ty).count() > 1 {
            continue;
        }
        let rust = ident(&variant.rust_name);
        let (inner, wrap) = match &variant.ty {
            TypeRef::Boxed(inner) => (&**inner, quote!(Box::new(value))),
            ty => (ty, quote!(value)),
        };
        let ty = type_tokens(inner);
        out.extend(quote! {
            impl From<#ty> for #name {
                #[inline] fn from(value: #ty) -> Self {
                    Self::#rust(#wrap)
                }
            }
        });
        if let TypeRef::Named(struct_name) = inner {
            if structs.contains(struct_name.as_str()) {
                let builder = format_ident!("{}Builder", struct_name);
                out.extend(quote! {
                    impl TryFrom<super::#builder> for #name {
                        type Error = crate::BuildError;
                        #[inline] fn try_from(builder: super::#builder) -> Result<Self, Self::Error> {
                            builder.build().map(Self::from)
                        }
                    }
                });
            }
        }
    }
    out
}
