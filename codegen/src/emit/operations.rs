//! Emits the operations: one module per group (tag) with its accessor struct
//! and one request builder per operation.

use super::common::{doc_attrs, ident, model_type, render};
use crate::features::feature_name;
use crate::ir::{Api, Docs, Operation, Param, ParamRole, TypeRef};
use crate::{Error, GeneratedFile};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// Emits `operations/mod.rs` and one file per group under `dir`; when `gated`,
/// each group's module and accessor are compiled only under its feature.
pub fn emit(api: &Api, dir: &str, gated: bool) -> Result<Vec<GeneratedFile>, Error> {
    let mut groups: BTreeMap<&str, Vec<&Operation>> = BTreeMap::new();
    for op in &api.operations {
        groups.entry(op.group.module.as_str()).or_default().push(op);
    }
    let mut files = Vec::new();
    let mut accessors = Vec::new();
    let mut mods = Vec::new();
    for (module, ops) in &groups {
        let group = &ops[0].group;
        let type_name = ident(&group.type_name);
        let accessor = ident(&group.accessor);
        let mut doc = format!(" Operations tagged `{}` in the spec.", group.tag);
        let cfg = gated.then(|| {
            let feature = feature_name(group);
            doc.push_str(&format!(" Needs the feature `{feature}`."));
            quote!(#[cfg(feature = #feature)])
        });
        mods.push((cfg.clone(), super::models::module_ident(module)));
        accessors.push(quote! {
            #[doc = #doc]
            #cfg
            #[inline] pub fn #accessor(&self) -> #type_name<'_> {
                #type_name { client: self }
            }
        });
        files.push(GeneratedFile {
            path: format!("{dir}/{module}.rs"),
            contents: render(module, group_file(&group.tag, &type_name, ops))?,
        });
    }
    let declarations = mods.iter().map(|(cfg, module)| quote!(#cfg mod #module;));
    let uses = mods
        .iter()
        .map(|(cfg, module)| quote!(#cfg pub use #module::*;));
    let mod_rs = quote! {
        #(#declarations)*
        #(#uses)*

        impl crate::Client {
            #(#accessors)*
        }
    };
    files.push(GeneratedFile {
        path: format!("{dir}/mod.rs"),
        contents: render("operations/mod.rs", mod_rs)?,
    });
    Ok(files)
}

fn group_file(tag: &str, type_name: &proc_macro2::Ident, ops: &[&Operation]) -> TokenStream {
    let doc = format!(" The operations tagged `{tag}`: get it from the client, then call one.");
    let methods = ops.iter().map(|op| group_method(op));
    let builders = ops.iter().map(|op| builder(op, type_name));
    let statics = ops.iter().map(|op| {
        let name = static_name(op);
        let id = &op.id;
        let method = format_ident!("{}", op.http_method);
        let path = &op.path;
        quote! {
            static #name: crate::OperationInfo = crate::OperationInfo {
                id: #id,
                method: reqwest::Method::#method,
                path: #path,
            };
        }
    });
    quote! {
        use super::super::models;

        #[doc = #doc]
        #[derive(Debug, Clone, Copy)]
        pub struct #type_name<'a> {
            pub(crate) client: &'a crate::Client,
        }

        impl<'a> #type_name<'a> {
            #(#methods)*
        }

        #(#statics)*
        #(#builders)*
    }
}

fn static_name(op: &Operation) -> proc_macro2::Ident {
    format_ident!(
        "{}",
        op.method_name.trim_start_matches("r#").to_ascii_uppercase()
    )
}

/// The argument type a setter or constructor takes for a parameter.
fn into_type(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Bool => quote!(bool),
        other => {
            let ty = model_type(other);
            quote!(impl Into<#ty>)
        }
    }
}

fn op_docs(op: &Operation) -> TokenStream {
    let location = format!("`{} {}` (operation `{}`).", op.http_method, op.path, op.id);
    doc_attrs(&op.docs, &[location])
}

fn group_method(op: &Operation) -> TokenStream {
    let docs = op_docs(op);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let method = ident(&op.method_name);
    let builder = ident(&op.builder_name);
    let mut params = Vec::new();
    let mut inits = Vec::new();
    for param in &op.path_params {
        let name = ident(&param.rust_name);
        params.push(quote!(#name: impl Into<String>));
        inits.push(quote!(#name: #name.into(),));
    }
    match &op.body {
        Some(body) if body.required => {
            let ty = model_type(&body.ty);
            params.push(quote!(body: impl TryInto<#ty, Error: Into<crate::BuildError>>));
            inits.push(quote!(body: body.try_into().map_err(Into::into),));
        }
        Some(_) => inits.push(quote!(body: None,)),
        None => {}
    }
    for param in plain_params(op) {
        let name = ident(&param.rust_name);
        inits.push(quote!(#name: None,));
    }
    if has_options(op) {
        inits.push(quote!(options: Default::default(),));
    }
    quote! {
        #docs
        #deprecated
        #[inline] pub fn #method(&self, #(#params),*) -> #builder<'a> {
            #builder {
                client: self.client,
                #(#inits)*
            }
        }
    }
}

/// Query and plain header parameters: set through builder methods.
fn plain_params(op: &Operation) -> impl Iterator<Item = &Param> {
    op.query_params
        .iter()
        .chain(&op.header_params)
        .filter(|p| p.role == ParamRole::Plain)
}

/// Whether the operation takes per-request options (language, child company).
fn has_options(op: &Operation) -> bool {
    op.header_params.iter().any(|p| p.role != ParamRole::Plain)
}

fn builder(op: &Operation, group: &proc_macro2::Ident) -> TokenStream {
    let name = ident(&op.builder_name);
    let doc = format!(
        " A `{}` request, from [`{group}::{}`]: set optional parameters, then `.send().await` (or `.await`).",
        op.id,
        op.method_name.trim_start_matches("r#")
    );
    let response = model_type(&op.response);
    let static_name = static_name(op);
    let mut fields = Vec::new();
    for param in &op.path_params {
        let field = ident(&param.rust_name);
        fields.push(quote!(#field: String,));
    }
    if let Some(body) = &op.body {
        let ty = model_type(&body.ty);
        fields.push(if body.required {
            quote!(body: Result<#ty, crate::BuildError>,)
        } else {
            quote!(body: Option<Result<#ty, crate::BuildError>>,)
        });
    }
    let mut setters = Vec::new();
    let mut applies = Vec::new();
    if has_options(op) {
        fields.push(quote!(options: crate::RequestOptions,));
        applies.push(quote!(request.options(self.options);));
    }
    for param in op
        .header_params
        .iter()
        .filter(|p| p.role != ParamRole::Plain)
    {
        let field = ident(&param.rust_name);
        let (arg, doc) = match param.role {
            ParamRole::Language => (
                quote!(impl Into<crate::Language>),
                " `Accept-Language` for this request, instead of the client's [`language`](crate::ClientBuilder::language).",
            ),
            _ => (
                quote!(impl Into<String>),
                " `X-Child-Company-Id` for this request, instead of the client's [`child_company_id`](crate::ClientBuilder::child_company_id).",
            ),
        };
        setters.push(quote! {
            #[doc = #doc]
            #[inline] pub fn #field(mut self, value: #arg) -> Self {
                self.options.#field = Some(value.into());
                self
            }
        });
    }
    for param in plain_params(op) {
        let field = ident(&param.rust_name);
        let ty = model_type(&param.ty);
        fields.push(quote!(#field: Option<#ty>,));
        let arg = into_type(&param.ty);
        let kind = if op.query_params.contains(param) {
            "Query"
        } else {
            "Header"
        };
        let note = format!("{kind} parameter `{}`.", param.name);
        let docs = doc_attrs(
            &Docs {
                example: None,
                ..param.docs.clone()
            },
            &[note],
        );
        let value = match param.ty {
            TypeRef::Bool => quote!(value),
            _ => quote!(value.into()),
        };
        setters.push(quote! {
            #docs
            #[inline] pub fn #field(mut self, value: #arg) -> Self {
                self.#field = Some(#value);
                self
            }
        });
        let wire = &param.name;
        applies.push(quote!(request.query(#wire, self.#field);));
    }
    if let Some(body) = &op.body {
        if !body.required {
            let ty = model_type(&body.ty);
            setters.push(quote! {
                /// The request body: a value, or a builder of one.
                #[inline] pub fn body(mut self, body: impl TryInto<#ty, Error: Into<crate::BuildError>>) -> Self {
                    self.body = Some(body.try_into().map_err(Into::into));
                    self
                }
            });
        }
        applies.push(if body.required {
            quote!(request.json(self.body)?;)
        } else {
            quote! {
                if let Some(body) = self.body {
                    request.json(body)?;
                }
            }
        });
    }
    let path_args = op.path_params.iter().map(|p| {
        let field = ident(&p.rust_name);
        quote!(&self.#field)
    });
    let mutable = (!applies.is_empty()).then(|| quote!(mut));
    let pagination = op.pagination.as_ref().map(|p| paginated(op, p));
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until it is sent with `.send().await`"]
        pub struct #name<'a> {
            client: &'a crate::Client,
            #(#fields)*
        }

        impl<'a> #name<'a> {
            /// What identifies this operation: its id, method and path template.
            #[inline] pub fn operation_info() -> &'static crate::OperationInfo {
                &#static_name
            }

            #(#setters)*

            /// Sends the request: await the answer, decoded.
            #[inline] pub fn send(self) -> crate::ResponseFuture<'a, #response> {
                let client = self.client;
                client.send(self.into_request())
            }

            #[inline] fn into_request(self) -> Result<crate::runtime::Request, crate::Error> {
                let #mutable request = crate::runtime::Request::new(&#static_name, &[#(#path_args),*])?;
                #(#applies)*
                Ok(request)
            }
        }

        impl<'a> std::future::IntoFuture for #name<'a> {
            type Output = Result<#response, crate::Error>;
            type IntoFuture = crate::ResponseFuture<'a, #response>;

            #[inline] fn into_future(self) -> Self::IntoFuture {
                self.send()
            }
        }

        #pagination
    }
}

/// Lazy iteration over every page of a list operation.
fn paginated(op: &Operation, pagination: &crate::ir::Pagination) -> TokenStream {
    let name = ident(&op.builder_name);
    let item = model_type(&pagination.item);
    let id = &op.id;
    let cursor = ident(&pagination.cursor_param);
    let data = ident(&pagination.data_field);
    let has_more = ident(&pagination.has_more_field);
    let next_url = ident(&pagination.next_url_field);
    let items = if pagination.data_optional {
        quote!(page.#data.unwrap_or_default())
    } else {
        quote!(page.#data)
    };
    let more = if pagination.has_more_optional {
        quote!(page.#has_more.unwrap_or(false))
    } else {
        quote!(page.#has_more)
    };
    let url = if pagination.next_url_optional {
        quote!(page.#next_url)
    } else {
        quote!(Some(page.#next_url))
    };
    quote! {
        impl<'a> #name<'a> {
            /// Every item across all pages, fetched lazily page by page with this
            /// request's `limit` and filters; an error ends the stream.
            #[inline] pub fn into_stream(self) -> crate::PageStream<'a, #item> {
                crate::runtime::paginate(self)
            }

            /// At most `max` items across pages.
            #[inline] pub async fn collect_max(self, max: usize) -> Result<Vec<#item>, crate::Error> {
                crate::runtime::collect_max(self.into_stream(), max).await
            }
        }

        impl crate::runtime::Paginated for #name<'_> {
            type Item = #item;
            const OPERATION: &'static str = #id;

            #[inline] fn cursor(&self) -> Option<&str> {
                self.#cursor.as_deref()
            }

            #[inline] fn with_cursor(mut self, cursor: String) -> Self {
                self.#cursor = Some(cursor);
                self
            }

            #[inline] async fn fetch_page(self) -> Result<crate::runtime::Page<Self::Item>, crate::Error> {
                let page = self.send().await?;
                Ok(crate::runtime::Page {
                    items: #items,
                    has_more: #more,
                    next_page_url: #url,
                })
            }
        }
    }
}
