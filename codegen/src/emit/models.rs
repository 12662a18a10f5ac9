//! Emits the model types: one file per component schema, with its inline types.

use super::common::{doc_attrs, ident, render, type_tokens};
use crate::Error;
use crate::GeneratedFile;
use crate::ir::{Field, TypeDef, TypeKind, TypeRef, UnionVariant};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// Emits `models/mod.rs` and one file per module under `dir`.
pub fn emit(types: &[TypeDef], dir: &str) -> Result<Vec<GeneratedFile>, Error> {
    let mut modules: BTreeMap<&str, Vec<&TypeDef>> = BTreeMap::new();
    for def in types {
        modules.entry(def.module.as_str()).or_default().push(def);
    }
    let mut files = Vec::new();
    for (module, defs) in &modules {
        let path = format!("{dir}/{module}.rs");
        let mut uses: BTreeSet<&str> = BTreeSet::new();
        let local: BTreeSet<&str> = defs.iter().map(|d| d.name.as_str()).collect();
        let mut items = TokenStream::new();
        for def in defs {
            collect_refs(def, &mut uses);
            items.extend(type_def(def));
        }
        let imports: Vec<_> = uses.difference(&local).map(|n| ident(n)).collect();
        let imports = if imports.is_empty() {
            quote!()
        } else {
            quote!(use super::{#(#imports),*};)
        };
        files.push(GeneratedFile {
            path,
            contents: render(module, quote!(#imports #items))?,
        });
    }
    let mods: Vec<_> = modules.keys().map(|m| module_ident(m)).collect();
    let mods2 = mods.clone();
    let mod_rs = quote! {
        #(mod #mods;)*
        #(pub use #mods2::*;)*
    };
    files.push(GeneratedFile {
        path: format!("{dir}/mod.rs"),
        contents: render("models/mod.rs", mod_rs)?,
    });
    Ok(files)
}

/// A module name as an identifier (a keyword such as `match` becomes `r#match`).
pub(super) fn module_ident(module: &str) -> proc_macro2::Ident {
    ident(&crate::naming::snake(module))
}

fn collect_refs<'a>(def: &'a TypeDef, into: &mut BTreeSet<&'a str>) {
    let mut add = |ty: &'a TypeRef| {
        if let Some(name) = ty.named() {
            into.insert(name);
        }
    };
    match &def.kind {
        TypeKind::Struct {
            fields, additional, ..
        } => {
            fields.iter().for_each(|f| add(&f.ty));
            additional.iter().for_each(&mut add);
        }
        TypeKind::Tagged { variants, .. } | TypeKind::Untagged { variants } => {
            variants.iter().for_each(|v| add(&v.ty));
        }
        TypeKind::Alias(ty) => add(ty),
        TypeKind::Enum { .. } => {}
    }
}

/// The tokens for one type and its impls.
pub fn type_def(def: &TypeDef) -> TokenStream {
    let mut notes = Vec::new();
    let mut docs = def.docs.clone();
    if let Some(schema) = def.source.strip_prefix("#/components/schemas/") {
        if docs.title.as_deref() == Some(schema) {
            docs.title = None;
        }
        notes.push(format!("Schema `{schema}`."));
    } else {
        notes.push(format!("Inline schema at `{}`.", def.source));
    }
    let docs = doc_attrs(&docs, &notes);
    let deprecated = def.deprecated.then(|| quote!(#[deprecated]));
    let name = ident(&def.name);
    let body = match &def.kind {
        TypeKind::Struct {
            fields,
            additional,
            extra_field,
        } => struct_def(
            &name,
            def.deprecated,
            fields,
            additional.as_ref(),
            extra_field,
        ),
        TypeKind::Enum { variants } => enum_def(&name, variants),
        TypeKind::Tagged { property, variants } => tagged_def(&name, property, variants),
        TypeKind::Untagged { variants } => untagged_def(&name, variants),
        TypeKind::Alias(ty) => {
            let ty = type_tokens(ty);
            quote!(pub type #name = #ty;)
        }
    };
    quote!(#docs #deprecated #body)
}

/// A field's docs: the spec's text, or its wire name, and a short example.
fn field_docs(field: &Field) -> TokenStream {
    let mut extra = Vec::new();
    if field.docs.paragraphs().is_empty() {
        extra.push(format!("The `{}` property.", field.json_name));
    }
    if let Some(example) = &field.docs.example {
        extra.push(format!("Example: `{example}`."));
    }
    doc_attrs(&field.docs, &extra)
}

fn struct_def(
    name: &proc_macro2::Ident,
    deprecated: bool,
    fields: &[Field],
    additional: Option<&TypeRef>,
    extra_field: &str,
) -> TokenStream {
    let all_optional = fields.iter().all(|f| !f.required);
    let default = all_optional.then(|| quote!(Default,));
    let any_deprecated = fields.iter().any(|f| f.deprecated);
    let defs = fields.iter().map(|field| {
        let docs = field_docs(field);
        let rust = ident(&field.rust_name);
        let ty = type_tokens(&field.ty);
        let rename = (field.rust_name.trim_start_matches("r#") != field.json_name).then(|| {
            let json = &field.json_name;
            quote!(#[serde(rename = #json)])
        });
        let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
        if field.required {
            quote!(#docs #deprecated #rename pub #rust: #ty,)
        } else {
            quote! {
                #docs #deprecated #rename
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub #rust: Option<#ty>,
            }
        }
    });
    let extra = ident(extra_field);
    let extra_ty = match additional {
        Some(value) => {
            let value = type_tokens(value);
            quote!(std::collections::BTreeMap<String, #value>)
        }
        None => quote!(serde_json::Map<String, serde_json::Value>),
    };
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    let params = required.iter().map(|f| {
        let rust = ident(&f.rust_name);
        match &f.ty {
            TypeRef::String => quote!(#rust: impl Into<String>),
            ty => {
                let ty = type_tokens(ty);
                quote!(#rust: #ty)
            }
        }
    });
    let inits = fields.iter().map(|f| {
        let rust = ident(&f.rust_name);
        match (f.required, &f.ty) {
            (true, TypeRef::String) => quote!(#rust: #rust.into(),),
            (true, _) => quote!(#rust,),
            (false, _) => quote!(#rust: None,),
        }
    });
    let allow_deprecated = (deprecated || any_deprecated).then(|| quote!(#[allow(deprecated)]));
    let allow_many = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let new_doc = if required.is_empty() {
        " A value with every field empty."
    } else {
        " A value with the required fields set and the optional ones empty."
    };
    quote! {
        #[derive(Debug, Clone, PartialEq, #default serde::Serialize, serde::Deserialize)]
        #[non_exhaustive]
        pub struct #name {
            #(#defs)*
            /// Properties the spec does not declare, kept as they were received.
            #[serde(flatten)]
            pub #extra: #extra_ty,
        }

        impl #name {
            #[doc = #new_doc]
            #allow_deprecated
            #allow_many
            pub fn new(#(#params),*) -> Self {
                Self {
                    #(#inits)*
                    #extra: Default::default(),
                }
            }
        }
    }
}

fn enum_def(name: &proc_macro2::Ident, variants: &[crate::ir::EnumVariant]) -> TokenStream {
    let names: Vec<_> = variants.iter().map(|v| ident(&v.rust_name)).collect();
    let values: Vec<_> = variants.iter().map(|v| Literal::string(&v.value)).collect();
    let docs = variants.iter().map(|v| format!(" `{}`", v.value));
    quote! {
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #name {
            #(#[doc = #docs] #names,)*
            /// A value this version of the SDK does not know, kept as it was received.
            Unknown(String),
        }

        impl #name {
            /// The value as it is sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#names => #values,)*
                    Self::Unknown(other) => other,
                }
            }
        }

        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#values => Self::#names,)*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for #name {
            fn from(value: String) -> Self {
                match Self::from(value.as_str()) {
                    Self::Unknown(_) => Self::Unknown(value),
                    known => known,
                }
            }
        }

        impl std::str::FromStr for #name {
            type Err = std::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self::from)
            }
        }
    }
}

fn tagged_def(name: &proc_macro2::Ident, property: &str, variants: &[UnionVariant]) -> TokenStream {
    let names: Vec<_> = variants.iter().map(|v| ident(&v.rust_name)).collect();
    let tys = variants.iter().map(|v| type_tokens(&v.ty));
    let tags: Vec<_> = variants
        .iter()
        .map(|v| Literal::string(v.tag.as_deref().unwrap_or_default()))
        .collect();
    let docs = variants.iter().map(|v| {
        format!(
            " `{property}` is `{}`.",
            v.tag.as_deref().unwrap_or_default()
        )
    });
    let unknown_doc = format!(
        " A `{property}` this version of the SDK does not know: the value as it was received."
    );
    quote! {
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#[doc = #docs] #names(#tys),)*
            #[doc = #unknown_doc]
            Unknown(serde_json::Value),
        }

        impl #name {
            /// The discriminator value: the variant's tag, or what an unknown value carries.
            pub fn tag(&self) -> Option<&str> {
                match self {
                    #(Self::#names(_) => Some(#tags),)*
                    Self::Unknown(value) => value.get(#property).and_then(serde_json::Value::as_str),
                }
            }
        }

        impl serde::Serialize for #name {
            /// Writes the variant with its tag, whatever its own tag field says.
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let (mut value, tag) = match self {
                    #(Self::#names(value) => (serde_json::to_value(value).map_err(serde::ser::Error::custom)?, #tags),)*
                    Self::Unknown(value) => return value.serialize(serializer),
                };
                if let Some(fields) = value.as_object_mut() {
                    fields.insert(#property.to_owned(), serde_json::Value::from(tag));
                }
                value.serialize(serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_json::Value::deserialize(deserializer)?;
                let tag = value.get(#property).and_then(serde_json::Value::as_str).map(str::to_owned);
                let decoded = match tag.as_deref() {
                    #(Some(#tags) => serde_json::from_value(value).map(Self::#names),)*
                    _ => return Ok(Self::Unknown(value)),
                };
                decoded.map_err(serde::de::Error::custom)
            }
        }
    }
}

fn untagged_def(name: &proc_macro2::Ident, variants: &[UnionVariant]) -> TokenStream {
    let names = variants.iter().map(|v| ident(&v.rust_name));
    let tys = variants.iter().map(|v| type_tokens(&v.ty));
    let docs = variants.iter().map(|v| {
        format!(
            " The `{}` form.",
            v.ty.named().unwrap_or(v.rust_name.as_str())
        )
    });
    quote! {
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(untagged)]
        pub enum #name {
            #(#[doc = #docs] #names(#tys),)*
            /// A value that matches none of the forms above, kept as it was received.
            Other(serde_json::Value),
        }
    }
}
