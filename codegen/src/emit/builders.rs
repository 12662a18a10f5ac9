//! The builder template: `XBuilder` with one setter per field, `build()`,
//! the override table's constructors, and the runtime's `builder!` (which
//! gives `X::builder()` and `TryFrom<XBuilder>`).

use super::common::{ident, type_tokens, verbatim_docs};
use crate::ir::{Field, Preset, TypeDef, TypeRef};
use crate::naming::Scope;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::{BTreeMap, BTreeSet};

/// The builder of struct `def` (whose fields are `fields`), with its
/// constructors; `allow_deprecated` when a field or the struct is deprecated.
pub fn emit(
    def: &TypeDef,
    fields: &[Field],
    extra_field: &str,
    allow_deprecated: &Option<TokenStream>,
) -> TokenStream {
    let name = ident(&def.name);
    let builder = format_ident!("{}Builder", def.name);
    let error = error_slot(fields);
    let mut slots = Vec::new();
    let mut setters = Vec::new();
    let mut inits = Vec::new();
    let mut unset = Vec::new();
    for (field, method) in fields.iter().zip(setter_names(fields)) {
        let rust = ident(&field.rust_name);
        let json = &field.json_name;
        let ty = type_tokens(&field.ty);
        slots.push(quote!(#rust: Option<#ty>,));
        let method = ident(&method);
        let Setter { arg, store } = setter(&field.ty, json, &error);
        let field_name = field.rust_name.trim_start_matches("r#");
        let docs = format!(" Sets [`{}::{field_name}`].", def.name);
        let deprecated = field.deprecated.then(|| quote!(#[deprecated]));
        let inline = (field.ty == TypeRef::I8).then(|| quote!(#[inline]));
        setters.push(quote! {
            #[doc = #docs] #deprecated #inline
            pub fn #method(mut self, value: #arg) -> Self {
                self.#rust = #store;
                self
            }
        });
        if field.required {
            unset.push(quote!((#json, self.#rust.is_none())));
        }
        inits.push(if field.required {
            quote!(#rust: crate::__private::required(self.#rust, #json)?,)
        } else {
            quote!(#rust: self.#rust,)
        });
    }
    let constructors = constructors(def, fields, &builder);
    let extra = ident(extra_field);
    let doc = format!(
        " Builds a [`{}`] field by field: see [`{}::builder`].",
        def.name, def.name
    );
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Default)]
        #[must_use = "a builder does nothing until it is built or passed on"]
        pub struct #builder {
            #(#slots)*
            #error: crate::__private::Problems,
        }

        #allow_deprecated
        impl #builder {
            #(#setters)*

            /// The value, or the [`BuildError`](crate::BuildError) that names every unset required field and unusable value.
            #[inline] pub fn build(self) -> Result<#name, crate::BuildError> {
                self.#error.check(&[#(#unset),*])?;
                Ok(#name {
                    #(#inits)*
                    #extra: Default::default(),
                })
            }
        }

        crate::__private::builder!(#allow_deprecated #name, #builder);
        #constructors
    }
}

/// The builder's slot for its problems: `problems`, or with `_`s appended
/// when a field is called that.
fn error_slot(fields: &[Field]) -> Ident {
    let taken: BTreeSet<&str> = fields
        .iter()
        .map(|f| f.rust_name.trim_start_matches("r#"))
        .collect();
    let mut name = String::from("problems");
    while taken.contains(name.as_str()) {
        name.push('_');
    }
    ident(&name)
}

/// The builder setter's name of each field: the field's, unless the builder
/// has a member of that name (then `_value` is appended).
fn setter_names(fields: &[Field]) -> Vec<String> {
    let mut methods = Scope::with_reserved(&["build", "clone", "fmt", "default"]);
    fields
        .iter()
        .map(|field| methods.claim_suffixed(field.rust_name.clone(), "value"))
        .collect()
}

/// How a builder setter takes a field's value, and turns it into the field.
struct Setter {
    /// The argument's type.
    arg: TokenStream,
    /// The expression for the field (an `Option`), from `value`.
    store: TokenStream,
}

/// The setter for a field of type `ty` whose JSON name is `json`; `error` is
/// the builder's problems slot.
fn setter(ty: &TypeRef, json: &str, error: &Ident) -> Setter {
    let plain = |arg: TokenStream, store: TokenStream| Setter { arg, store };
    match ty {
        // An integer literal would not become an `i8` through `Into` (it falls
        // back to `i32`): the setter takes the `i8` itself, inlined where called.
        TypeRef::I8 => plain(quote!(i8), quote!(Some(value))),
        TypeRef::Bool
        | TypeRef::I32
        | TypeRef::I64
        | TypeRef::F64
        | TypeRef::String
        | TypeRef::Value
        | TypeRef::Timestamp
        | TypeRef::Map(_) => {
            let ty = type_tokens(ty);
            plain(quote!(impl Into<#ty>), quote!(Some(value.into())))
        }
        TypeRef::Object => plain(
            quote!(impl crate::IntoJsonObject),
            quote!(self.#error.object(value, #json)),
        ),
        TypeRef::Named(_) | TypeRef::External(_) => {
            let ty = type_tokens(ty);
            plain(
                quote!(impl crate::IntoModel<#ty>),
                quote!(self.#error.one(value, #json)),
            )
        }
        TypeRef::Boxed(inner) => {
            let ty = type_tokens(inner);
            plain(
                quote!(impl crate::IntoModel<#ty>),
                quote!(self.#error.one(value, #json).map(Box::new)),
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
                    quote!(impl IntoIterator<Item = impl crate::IntoModel<#ty>>),
                    quote!(self.#error.many(value, #json)),
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
    }
}

/// The override table's constructors of a struct: its builder with some
/// fields set to fixed values and others to the arguments.
fn constructors(def: &TypeDef, fields: &[Field], builder: &Ident) -> TokenStream {
    if def.constructors.is_empty() {
        return TokenStream::new();
    }
    let setters: BTreeMap<&str, (String, &TypeRef)> = fields
        .iter()
        .zip(setter_names(fields))
        .map(|(f, setter)| (f.rust_name.as_str(), (setter, &f.ty)))
        .collect();
    let functions = def.constructors.iter().map(|c| {
        let docs = verbatim_docs(&c.docs);
        let function = ident(&c.name);
        let args = c.args.iter().map(|field| {
            let (_, ty) = &setters[field.as_str()];
            let arg = ident(field);
            let Setter { arg: arg_ty, .. } = setter(ty, "", &format_ident!("unused"));
            quote!(#arg: #arg_ty)
        });
        let presets = c.set.iter().map(|(field, preset)| {
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
        });
        let passed = c.args.iter().map(|field| {
            let setter = ident(&setters[field.as_str()].0);
            let arg = ident(field);
            quote!(.#setter(#arg))
        });
        quote! {
            #docs
            pub fn #function(#(#args),*) -> #builder {
                Self::builder() #(#presets)* #(#passed)*
            }
        }
    });
    let name = ident(&def.name);
    quote! {
        impl #name {
            #(#functions)*
        }
    }
}
