//! The struct template: the struct and its fields' docs, then its builder
//! ([`builders`](super::builders)) when a request can carry it, and its serde
//! table ([`serde`](super::serde)).

use super::common::{doc_attrs, ident, type_tokens};
use super::models::ModelFile;
use super::{builders, serde};
use crate::ir::{Field, TypeDef, TypeKind};
use proc_macro2::TokenStream;
use quote::quote;

/// A struct, its builder (for a type a request can carry) and its serde
/// impls; `def` must be a struct.
pub fn emit(file: &mut ModelFile<'_>, def: &TypeDef) -> TokenStream {
    let TypeKind::Struct {
        fields,
        additional,
        extra_field,
    } = &def.kind
    else {
        return TokenStream::new();
    };
    let name = ident(&def.name);
    let default = fields.iter().all(|f| !f.required).then(|| quote!(Default,));
    let defs: Vec<TokenStream> = fields
        .iter()
        .map(|field| {
            let docs = field_docs(file, field);
            let rust = ident(&field.rust_name);
            let ty = type_tokens(&field.ty);
            let ty = if field.required {
                ty
            } else {
                quote!(Option<#ty>)
            };
            let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
            quote!(#docs #deprecated pub #rust: #ty,)
        })
        .collect();
    let extra = ident(extra_field);
    let extra_ty = match additional {
        Some(value) => {
            let value = type_tokens(value);
            quote!(std::collections::BTreeMap<String, #value>)
        }
        None => quote!(serde_json::Map<String, serde_json::Value>),
    };
    let allow_deprecated = (def.deprecated || fields.iter().any(|f| f.deprecated))
        .then(|| quote!(#[allow(deprecated)]));
    let built = file.structs.contains(def.name.as_str());
    let builder = built.then(|| builders::emit(def, fields, extra_field, &allow_deprecated));
    let table = serde::table(file, def, fields, additional.as_ref(), extra_field, built);
    quote! {
        #[derive(Debug, Clone, PartialEq, #default)]
        #[non_exhaustive]
        pub struct #name {
            #(#defs)*
            /// Properties the spec does not declare, kept as they were received.
            pub #extra: #extra_ty,
        }

        #builder
        #table
    }
}

/// A field's docs: the spec's text, its example in the last paragraph; a
/// field the spec says nothing about gets none (rather than filler), and
/// its file allows `missing_docs`.
fn field_docs(file: &mut ModelFile<'_>, field: &Field) -> TokenStream {
    let example = field
        .docs
        .example
        .as_ref()
        .map(|example| format!("Example: `{example}`."));
    let mut paragraphs: Vec<String> = field
        .docs
        .paragraphs()
        .into_iter()
        .map(str::to_owned)
        .collect();
    match (paragraphs.last_mut(), example) {
        (Some(last), Some(example)) if !last.contains('\n') => {
            if last.ends_with(|c: char| c.is_alphanumeric() || c == '`' || c == ')') {
                last.push('.');
            }
            last.push(' ');
            last.push_str(&example);
        }
        (_, Some(example)) => paragraphs.push(example),
        (_, None) => {}
    }
    if paragraphs.is_empty() {
        file.undocumented = true;
        return TokenStream::new();
    }
    doc_attrs(&Default::default(), &paragraphs)
}
