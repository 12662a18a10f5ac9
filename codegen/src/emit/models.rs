//! Emits the model types: one file per component schema, with its inline types.

use super::common::{cfg, doc_attrs, ident, render, type_tokens};
use crate::Error;
use crate::GeneratedFile;
use crate::features::Gates;
use crate::ir::{Accessor, Field, Preset, Step, TypeDef, TypeKind, TypeRef, UnionVariant};
use crate::naming::Scope;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::{BTreeMap, BTreeSet};

/// Emits `models/mod.rs` and one file per module under `dir`; `externals`, the
/// hand-written types that stand for schemas, are re-exported there too. With
/// `gates`, each module and re-export is compiled only under its features.
pub fn emit(
    types: &[TypeDef],
    externals: &BTreeSet<&str>,
    dir: &str,
    gates: Option<&Gates>,
) -> Result<Vec<GeneratedFile>, Error> {
    let mut modules: BTreeMap<&str, Vec<&TypeDef>> = BTreeMap::new();
    for def in types {
        modules.entry(def.module.as_str()).or_default().push(def);
    }
    let kinds = Kinds::of(types);
    let mut files = Vec::new();
    for (module, defs) in &modules {
        let path = format!("{dir}/{module}.rs");
        let mut uses: BTreeSet<&str> = BTreeSet::new();
        let local: BTreeSet<&str> = defs.iter().map(|d| d.name.as_str()).collect();
        let mut items = TokenStream::new();
        for def in defs {
            collect_refs(def, &mut uses);
            items.extend(type_def(def, &kinds));
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
    // The types of a module share one gate (see `crate::features`).
    let gate = |name: &str| cfg(gates.and_then(|gates| gates.of(name)));
    let mods: Vec<_> = modules
        .iter()
        .map(|(module, defs)| (gate(&defs[0].name), module_ident(module)))
        .collect();
    let declarations = mods.iter().map(|(cfg, module)| quote!(#cfg mod #module;));
    let uses = mods
        .iter()
        .map(|(cfg, module)| quote!(#cfg pub use #module::*;));
    let externals = externals.iter().map(|name| {
        let cfg = gate(name);
        let name = ident(name);
        quote!(#cfg pub use crate::#name;)
    });
    let mod_rs = quote! {
        #(#declarations)*
        #(#uses)*
        #(#externals)*
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
    into.extend(def.kind.type_refs().into_iter().filter_map(TypeRef::named));
    for accessor in &def.accessors {
        into.extend(accessor.ty.named());
        into.extend(accessor.steps.iter().filter_map(|step| match step {
            Step::Variant { union, .. } => Some(union.as_str()),
            Step::Field { .. } => None,
        }));
    }
    for constructor in &def.constructors {
        into.extend(
            constructor
                .set
                .iter()
                .filter_map(|(_, preset)| match preset {
                    Preset::Variant(ty, _) => Some(ty.as_str()),
                    _ => None,
                }),
        );
    }
}

/// Where a type comes from, for its docs: `schema `x``, the inline schema's
/// pointer, or the override table's entry.
fn origin(source: &str) -> String {
    if let Some(schema) = source.strip_prefix("#/components/schemas/") {
        return format!("schema `{schema}`");
    }
    match source.split_once("#/") {
        Some((file, entry)) if !file.is_empty() => {
            format!("`{}` in `{file}`", entry.replace('/', "."))
        }
        _ => format!("the inline schema at `{source}`"),
    }
}

/// What the emitters of one type need to know of the others.
pub struct Kinds<'a> {
    /// Every struct type.
    structs: BTreeSet<&'a str>,
    /// Every type a struct member is read into in place: structs and tagged unions.
    nested: BTreeSet<&'a str>,
}

impl<'a> Kinds<'a> {
    /// The kinds of `types`.
    pub fn of(types: &'a [TypeDef]) -> Self {
        let names = |keep: fn(&TypeKind) -> bool| {
            types
                .iter()
                .filter(|def| keep(&def.kind))
                .map(|def| def.name.as_str())
                .collect::<BTreeSet<_>>()
        };
        Kinds {
            structs: names(|kind| matches!(kind, TypeKind::Struct { .. })),
            nested: names(|kind| matches!(kind, TypeKind::Struct { .. } | TypeKind::Tagged { .. })),
        }
    }

    /// Whether a member of type `ty` is read in place.
    fn is_nested(&self, ty: &TypeRef) -> bool {
        matches!(ty, TypeRef::Named(name) if self.nested.contains(name.as_str()))
    }
}

/// The tokens for one type and its impls.
pub fn type_def(def: &TypeDef, kinds: &Kinds<'_>) -> TokenStream {
    let structs = &kinds.structs;
    let mut notes = Vec::new();
    let mut docs = def.docs.clone();
    if let Some(schema) = def.source.strip_prefix("#/components/schemas/") {
        if docs.title.as_deref() == Some(schema) {
            docs.title = None;
        }
    }
    let mut origins = vec![origin(&def.source)];
    origins.extend(def.also.iter().map(|source| origin(source)));
    notes.push(format!("From {}.", origins.join(", ")));
    let mut docs = doc_attrs(&docs, &notes);
    if matches!(def.kind, TypeKind::Struct { .. }) {
        let build = format!(" Build one with [`{}::builder`].", def.name);
        docs.extend(quote!(#[doc = ""] #[doc = #build]));
    }
    let deprecated = def.deprecated.then(|| quote!(#[deprecated]));
    let name = ident(&def.name);
    match &def.kind {
        TypeKind::Struct {
            fields,
            additional,
            extra_field,
        } => {
            let body = struct_def(
                &name,
                def.deprecated,
                fields,
                additional.as_ref(),
                extra_field,
                kinds,
            );
            let domain = domain_methods(def, fields);
            quote!(#docs #deprecated #body #domain)
        }
        TypeKind::Enum { variants } => enum_def(&name, &docs, &deprecated, variants),
        TypeKind::Tagged { property, variants } => {
            let conversions = union_conversions(&name, variants, structs);
            let variants = variants.iter().map(|v| {
                let variant = ident(&v.rust_name);
                let ty = type_tokens(&v.ty);
                let tag = v.tag.as_deref().unwrap_or_default();
                quote!(#variant(#ty) => #tag,)
            });
            let domain = domain_methods(def, &[]);
            quote! {
                crate::__private::tagged_union! {
                    #docs #deprecated
                    pub enum #name : #property {
                        #(#variants)*
                    }
                }
                #conversions
                #domain
            }
        }
        TypeKind::Untagged { variants } => {
            let conversions = union_conversions(&name, variants, structs);
            let body = untagged_def(&name, variants);
            let domain = domain_methods(def, &[]);
            quote!(#docs #deprecated #body #conversions #domain)
        }
        TypeKind::Alias(ty) => {
            let ty = type_tokens(ty);
            quote!(#docs #deprecated pub type #name = #ty;)
        }
    }
}

/// `From` each variant's type (and `TryFrom` its builder, for structs), for
/// the variants whose type no other variant of the union shares.
fn union_conversions(
    name: &proc_macro2::Ident,
    variants: &[UnionVariant],
    structs: &BTreeSet<&str>,
) -> TokenStream {
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

/// A field's docs: the spec's text and example; a field the spec says nothing
/// about gets none (rather than filler) and is exempt from `missing_docs`.
fn field_docs(field: &Field) -> TokenStream {
    let extra: Vec<String> = field
        .docs
        .example
        .iter()
        .map(|example| format!("Example: `{example}`."))
        .collect();
    if field.docs.paragraphs().is_empty() && extra.is_empty() {
        return quote!(#[allow(missing_docs)]);
    }
    doc_attrs(&field.docs, &extra)
}

/// How a builder setter takes a field's value, and turns it into the field.
struct Setter {
    /// The argument's type.
    arg: TokenStream,
    /// The expression for the field (an `Option`), from `value`.
    store: TokenStream,
}

/// The setter for a field of type `ty` whose JSON name is `json`; `error` is
/// the builder's first-error slot.
fn setter(ty: &TypeRef, json: &str, error: &proc_macro2::Ident) -> Setter {
    let plain = |arg: TokenStream, store: TokenStream| Setter { arg, store };
    let build = quote!(crate::__private);
    match ty {
        TypeRef::Bool | TypeRef::I8 | TypeRef::I32 | TypeRef::I64 | TypeRef::F64 => {
            let ty = type_tokens(ty);
            plain(ty, quote!(Some(value)))
        }
        TypeRef::String | TypeRef::Value | TypeRef::Timestamp => {
            let ty = type_tokens(ty);
            plain(quote!(impl Into<#ty>), quote!(Some(value.into())))
        }
        TypeRef::Object => plain(
            quote!(impl crate::IntoJsonObject),
            quote!(#build::keep(&mut self.#error, #build::object(value, #json))),
        ),
        TypeRef::Named(_) | TypeRef::External(_) => {
            let ty = type_tokens(ty);
            plain(
                quote!(impl TryInto<#ty, Error: Into<crate::BuildError>>),
                quote!(#build::keep(&mut self.#error, #build::one(value, #json))),
            )
        }
        TypeRef::Boxed(inner) => {
            let ty = type_tokens(inner);
            plain(
                quote!(impl TryInto<#ty, Error: Into<crate::BuildError>>),
                quote!(#build::keep(&mut self.#error, #build::one(value, #json)).map(Box::new)),
            )
        }
        TypeRef::Array(item) => match &**item {
            TypeRef::String => plain(
                quote!(impl IntoIterator<Item = impl Into<String>>),
                quote!(Some(value.into_iter().map(Into::into).collect())),
            ),
            TypeRef::Named(_) | TypeRef::External(_) => {
                let ty = type_tokens(item);
                plain(
                    quote!(impl IntoIterator<Item = impl TryInto<#ty, Error: Into<crate::BuildError>>>),
                    quote!(#build::keep(&mut self.#error, #build::many(value, #json))),
                )
            }
            other => {
                let ty = type_tokens(other);
                plain(
                    quote!(impl IntoIterator<Item = #ty>),
                    quote!(Some(value.into_iter().collect())),
                )
            }
        },
        TypeRef::Map(_) => {
            let ty = type_tokens(ty);
            plain(quote!(impl Into<#ty>), quote!(Some(value.into())))
        }
    }
}

fn struct_def(
    name: &proc_macro2::Ident,
    deprecated: bool,
    fields: &[Field],
    additional: Option<&TypeRef>,
    extra_field: &str,
    kinds: &Kinds<'_>,
) -> TokenStream {
    let all_optional = fields.iter().all(|f| !f.required);
    let default = all_optional.then(|| quote!(Default,));
    let any_deprecated = fields.iter().any(|f| f.deprecated);
    let defs = fields.iter().map(|field| {
        let docs = field_docs(field);
        let rust = ident(&field.rust_name);
        let ty = type_tokens(&field.ty);
        let ty = if field.required {
            ty
        } else {
            quote!(Option<#ty>)
        };
        let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
        quote!(#docs #deprecated pub #rust: #ty,)
    });
    let extra = ident(extra_field);
    let extra_ty = match additional {
        Some(value) => {
            let value = type_tokens(value);
            quote!(std::collections::BTreeMap<String, #value>)
        }
        None => quote!(serde_json::Map<String, serde_json::Value>),
    };
    let allow_deprecated = (deprecated || any_deprecated).then(|| quote!(#[allow(deprecated)]));
    let builder_name = format_ident!("{name}Builder");
    let builder = builder_def(name, &builder_name, fields, extra_field, &allow_deprecated);
    // A struct with no required member decodes into itself, without a builder's copy.
    let decoder = if all_optional {
        format_ident!("Self")
    } else {
        builder_name.clone()
    };
    let serde = struct_serde(
        name,
        &decoder,
        fields,
        (&extra, &extra_ty),
        kinds,
        &allow_deprecated,
    );
    let builder_doc = format!(
        " A builder: set fields by name, then [`{name}Builder::build`]; or pass the builder \
         itself wherever a `{name}` is expected."
    );
    quote! {
        #[derive(Debug, Clone, PartialEq, #default)]
        #[non_exhaustive]
        pub struct #name {
            #(#defs)*
            /// Properties the spec does not declare, kept as they were received.
            pub #extra: #extra_ty,
        }

        impl #name {
            #[doc = #builder_doc]
            #[inline] pub fn builder() -> #builder_name {
                Default::default()
            }
        }

        #builder
        #serde
    }
}

/// `Serialize` and `Deserialize` for a struct, through the runtime's struct
/// visitor: `decoder` (the struct itself, or its builder) collects the members,
/// undeclared ones go to the `extra` field of type `extra_ty`. Members that
/// are structs or tagged unions are read where they live.
fn struct_serde(
    name: &proc_macro2::Ident,
    decoder: &proc_macro2::Ident,
    fields: &[Field],
    (extra, extra_ty): (&proc_macro2::Ident, &TokenStream),
    kinds: &Kinds<'_>,
    allow_deprecated: &Option<TokenStream>,
) -> TokenStream {
    let members = fields.iter().map(|field| {
        let rust = ident(&field.rust_name);
        let json = &field.json_name;
        let presence = if field.required {
            quote!(required)
        } else {
            quote!(optional)
        };
        let shape = match &field.ty {
            TypeRef::Array(item) if kinds.is_nested(item) => quote!(nested_list),
            TypeRef::Array(_) => quote!(list),
            ty if kinds.is_nested(ty) => quote!(nested),
            _ => quote!(value),
        };
        quote!(#json => #rust: #presence #shape,)
    });
    quote! {
        crate::__private::struct_serde! {
            #allow_deprecated
            #name via #decoder, #extra: #extra_ty;
            #(#members)*
        }
    }
}

/// `<Name>Builder`: a setter per field, `build()`, and `TryFrom` into the type.
fn builder_def(
    name: &proc_macro2::Ident,
    builder: &proc_macro2::Ident,
    fields: &[Field],
    extra_field: &str,
    allow_deprecated: &Option<TokenStream>,
) -> TokenStream {
    let taken: BTreeSet<&str> = fields
        .iter()
        .map(|f| f.rust_name.trim_start_matches("r#"))
        .collect();
    let mut error_name = String::from("first_error");
    while taken.contains(error_name.as_str()) {
        error_name.push('_');
    }
    let error = ident(&error_name);
    let mut slots = Vec::new();
    let mut setters = Vec::new();
    let mut inits = Vec::new();
    for (field, method) in fields.iter().zip(setter_names(fields)) {
        let rust = ident(&field.rust_name);
        let json = &field.json_name;
        let ty = type_tokens(&field.ty);
        slots.push(quote!(#rust: Option<#ty>,));
        let method = ident(&method);
        let Setter { arg, store } = setter(&field.ty, json, &error);
        let field_name = field.rust_name.trim_start_matches("r#");
        let docs = format!(" Sets [`{name}::{field_name}`].");
        let docs = quote!(#[doc = #docs]);
        let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
        setters.push(quote! {
            #docs #deprecated
            #[inline] pub fn #method(mut self, value: #arg) -> Self {
                self.#rust = #store;
                self
            }
        });
        inits.push(if field.required {
            quote!(#rust: crate::__private::required(self.#rust, #json)?,)
        } else {
            quote!(#rust: self.#rust,)
        });
    }
    let extra = ident(extra_field);
    let doc = format!(" Builds a [`{name}`] field by field: see [`{name}::builder`].");
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Default)]
        #[must_use = "a builder does nothing until it is built or passed on"]
        pub struct #builder {
            #(#slots)*
            #error: Option<crate::BuildError>,
        }

        #allow_deprecated
        impl #builder {
            #(#setters)*

            /// The value, or a [`BuildError`](crate::BuildError) naming the first
            /// required field left unset or the first value a setter could not use.
            #[inline] pub fn build(self) -> Result<#name, crate::BuildError> {
                if let Some(error) = self.#error {
                    return Err(error);
                }
                Ok(#name {
                    #(#inits)*
                    #extra: Default::default(),
                })
            }
        }

        impl TryFrom<#builder> for #name {
            type Error = crate::BuildError;
            #[inline] fn try_from(builder: #builder) -> Result<Self, Self::Error> {
                builder.build()
            }
        }
    }
}

fn enum_def(
    name: &proc_macro2::Ident,
    docs: &TokenStream,
    deprecated: &Option<TokenStream>,
    variants: &[crate::ir::EnumVariant],
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

/// The builder setter's name of each field, as [`builder_def`] names them.
fn setter_names(fields: &[Field]) -> Vec<String> {
    let mut methods = Scope::with_reserved(&["build", "clone", "fmt", "default"]);
    fields
        .iter()
        .map(|field| methods.claim_suffixed(field.rust_name.clone(), "value"))
        .collect()
}

/// The accessors and constructors the override table gives a type (`fields`:
/// a struct's, for its constructors).
fn domain_methods(def: &TypeDef, fields: &[Field]) -> TokenStream {
    if def.accessors.is_empty() && def.constructors.is_empty() {
        return TokenStream::new();
    }
    let name = ident(&def.name);
    let builder = format_ident!("{}Builder", def.name);
    let setters: BTreeMap<&str, (String, &TypeRef)> = fields
        .iter()
        .zip(setter_names(fields))
        .map(|(f, setter)| (f.rust_name.as_str(), (setter, &f.ty)))
        .collect();
    let accessors = def.accessors.iter().map(accessor);
    let constructors = def.constructors.iter().map(|c| {
        let docs = doc_lines(&c.docs);
        let function = ident(&c.name);
        let args = c.args.iter().map(|field| {
            let (_, ty) = &setters[field.as_str()];
            let arg = ident(field);
            let Setter { arg: arg_ty, .. } = setter(ty, "", &format_ident!("unused"));
            quote!(#arg: #arg_ty)
        });
        let calls = c
            .set
            .iter()
            .map(|(field, preset)| {
                let setter = ident(&setters[field.as_str()].0);
                let value = match preset {
                    Preset::Variant(ty, variant) => {
                        let (ty, variant) = (ident(ty), ident(variant));
                        quote!(#ty::#variant)
                    }
                    Preset::String(text) => quote!(#text),
                    Preset::Integer(n) => {
                        let n = Literal::i64_unsuffixed(*n);
                        quote!(#n)
                    }
                    Preset::Bool(b) => quote!(#b),
                };
                quote!(.#setter(#value))
            })
            .chain(c.args.iter().map(|field| {
                let setter = ident(&setters[field.as_str()].0);
                let arg = ident(field);
                quote!(.#setter(#arg))
            }));
        quote! {
            #docs
            pub fn #function(#(#args),*) -> #builder {
                Self::builder() #(#calls)*
            }
        }
    });
    quote! {
        impl #name {
            #(#constructors)*
            #(#accessors)*
        }
    }
}

/// `#[doc]` lines of a hand-written text, one attribute per line.
fn doc_lines(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| format!(" {}", line.trim_end()));
    quote!(#(#[doc = #lines])*)
}

/// One accessor: a chain over `Option` once a step may be absent.
fn accessor(accessor: &Accessor) -> TokenStream {
    let docs = doc_lines(&accessor.docs);
    let name = ident(&accessor.name);
    let mut expr = quote!(self);
    let mut optional = false;
    for step in &accessor.steps {
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
                } else if accessor.steps.first() == Some(step) {
                    pick(quote!(self))
                } else {
                    pick(quote!(&#expr))
                };
                optional = true;
            }
        }
    }
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
    quote! {
        #docs
        #[must_use]
        pub fn #name(&self) -> #ret {
            #body
        }
    }
}

fn untagged_def(name: &proc_macro2::Ident, variants: &[UnionVariant]) -> TokenStream {
    let names: Vec<_> = variants.iter().map(|v| ident(&v.rust_name)).collect();
    let tys = variants.iter().map(|v| type_tokens(&v.ty));
    let docs = variants.iter().map(|v| {
        format!(
            " The `{}` form.",
            v.ty.named().unwrap_or(v.rust_name.as_str())
        )
    });
    let private = quote!(crate::__private);
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
                #private::deserialize_untagged(
                    deserializer,
                    &[#(|value| #private::attempt(value).map(Self::#names),)*],
                    Self::Other,
                )
            }
        }
    }
}
