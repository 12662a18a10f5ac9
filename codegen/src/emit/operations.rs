//! Emits the operations: one module per group (tag) with its accessor struct,
//! and per operation the type of what a call takes, its `Operation` impl and
//! the setters of its optional parameters on `Request` (sending, options and
//! pagination are the runtime's, written once).

use super::common::{doc_attrs, ident, model_type, render};
use crate::features::feature_name;
use crate::ir::{Api, BodyEncoding, Docs, Operation, Param, ParamRole, TypeDef, TypeRef};
use crate::{Error, GeneratedFile};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// Emits `operations/mod.rs` and one file per group under `dir`; when `gated`,
/// each group's module and accessor are compiled only under its feature.
pub fn emit(api: &Api, dir: &str, gated: bool) -> Result<Vec<GeneratedFile>, Error> {
    super::multipart::check(api)?;
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
            contents: render(module, group_file(&group.tag, &type_name, ops, &api.types))?,
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

fn group_file(
    tag: &str,
    type_name: &proc_macro2::Ident,
    ops: &[&Operation],
    types: &[TypeDef],
) -> TokenStream {
    let doc = format!(" The operations tagged `{tag}`: get it from the client, then call one.");
    let methods = ops.iter().map(|op| group_method(op));
    let operations = ops.iter().map(|op| operation(op, type_name, types));
    let into_model = ops
        .iter()
        .any(|op| op.body.is_some())
        .then(|| quote!(IntoModel,));
    quote! {
        use super::super::models;
        use crate::__private::Call;
        use crate::{#into_model OperationInfo as Info, Request};
        use reqwest::Method;

        #[doc = #doc]
        #[derive(Debug, Clone, Copy)]
        pub struct #type_name<'a> {
            pub(crate) client: &'a crate::Client,
        }

        impl<'a> #type_name<'a> {
            #(#methods)*
        }

        #(#operations)*
    }
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

/// An operation's docs: the spec's summary and description, the last
/// paragraph ending with where it is (`GET /customers`, operation `getCustomers`),
/// then `summary`.
fn op_docs(op: &Operation, summary: &str) -> TokenStream {
    let location = format!("`{} {}` (operation `{}`).", op.http_method, op.path, op.id);
    let mut paragraphs: Vec<String> = op
        .docs
        .paragraphs()
        .into_iter()
        .map(str::to_owned)
        .collect();
    match paragraphs.last_mut() {
        Some(last) if !last.contains('\n') => {
            if !last.ends_with(['.', '!', '?', ':']) {
                last.push('.');
            }
            last.push(' ');
            last.push_str(&location);
        }
        _ => paragraphs.push(location),
    }
    paragraphs.push(summary.to_owned());
    doc_attrs(&Docs::default(), &paragraphs)
}

/// What a call of `op` answers, as a sentence with a link to the model.
fn answer_doc(op: &Operation) -> String {
    fn link(ty: &TypeRef) -> Option<String> {
        match ty {
            TypeRef::Named(name) | TypeRef::External(name) => {
                Some(format!("[`{name}`](crate::models::{name})"))
            }
            TypeRef::Boxed(inner) => link(inner),
            _ => None,
        }
    }
    match &op.response {
        TypeRef::Array(item) => match link(item) {
            Some(item) => format!("The answer: a list of {item}."),
            None => String::from("The answer: a list."),
        },
        ty => match link(ty) {
            Some(model) => format!("The answer: {model}."),
            None => String::from("The answer: a JSON value."),
        },
    }
}

/// The optional setters of `op`'s request, as code spans (`.limit(..)`).
fn optional_setters(op: &Operation) -> Vec<String> {
    let params =
        plain_params(op).map(|p| format!("`.{}(..)`", p.rust_name.trim_start_matches("r#")));
    let body = matches!(&op.body, Some(b) if !b.required).then(|| String::from("`.body(..)`"));
    params.chain(body).collect()
}

/// The group's method that starts a call: the path parameters and a required
/// body are its arguments. Its docs say what the call answers and which
/// optional setters its request has.
fn group_method(op: &Operation) -> TokenStream {
    let mut summary = answer_doc(op);
    let setters = optional_setters(op);
    let type_name = &op.builder_name;
    if !setters.is_empty() {
        summary.push_str(&format!(
            " Optional, on the request: {} (see [`{type_name}`]({type_name})).",
            setters.join(", ")
        ));
    }
    if op.pagination.is_some() {
        summary.push_str(" `.into_stream()` walks every page.");
    }
    let docs = op_docs(op, &summary);
    let alias = &op.id;
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let method = ident(&op.method_name);
    let name = ident(&op.builder_name);
    let mut params = Vec::new();
    let mut inits = Vec::new();
    for param in &op.path_params {
        let name = ident(&param.rust_name);
        params.push(quote!(#name: impl Into<String>));
        inits.push(quote!(#name: #name.into(),));
    }
    let mut convert = None;
    match &op.body {
        Some(body) if body.required => {
            let ty = model_type(&body.ty);
            params.push(quote!(body: impl IntoModel<#ty>));
            convert = Some(quote!(let body = body.try_into().map_err(Into::into);));
            inits.push(quote!(body,));
        }
        Some(_) | None => {}
    }
    let rest = (plain_params(op).next().is_some() || matches!(&op.body, Some(b) if !b.required))
        .then(|| quote!(..Default::default()));
    let value = if op.path_params.is_empty() && convert.is_none() {
        quote!(#name::default())
    } else {
        quote!(#name { #(#inits)* #rest })
    };
    // A method without `impl` arguments is inlined where it is called, so
    // that the SDK does not compile its body (a generic one is anyway).
    let inline = params.is_empty().then(|| quote!(#[inline]));
    quote! {
        #docs
        #[doc(alias = #alias)]
        #deprecated
        #inline
        pub fn #method(&self, #(#params),*) -> Request<'a, #name> {
            #convert
            Request::new(self.client, #value)
        }
    }
}

/// Query and plain header parameters: set through the request's methods.
fn plain_params(op: &Operation) -> impl Iterator<Item = &Param> {
    op.query_params
        .iter()
        .chain(&op.header_params)
        .filter(|p| p.role == ParamRole::Plain)
}

/// One operation: what a call of it takes, how it is written into a call,
/// and the request's setters of its optional parameters.
fn operation(op: &Operation, group: &proc_macro2::Ident, types: &[TypeDef]) -> TokenStream {
    let name = ident(&op.builder_name);
    let mut doc = vec![format!(
        " The operation `{}` (`{} {}`): what a call of it takes. Start one with [`{group}::{}`]. {}",
        op.id,
        op.http_method,
        op.path,
        op.method_name.trim_start_matches("r#"),
        answer_doc(op),
    )];
    let options: Vec<String> = plain_params(op)
        .map(|param| {
            let about = param.docs.paragraphs().first().map_or_else(
                || format!("the parameter `{}`", param.name),
                |text| {
                    text.lines()
                        .next()
                        .unwrap_or_default()
                        .trim_end_matches('.')
                        .to_owned()
                },
            );
            format!(
                " - `.{}(..)`: {about}.",
                param.rust_name.trim_start_matches("r#")
            )
        })
        .chain(
            matches!(&op.body, Some(b) if !b.required)
                .then(|| String::from(" - `.body(..)`: the request body.")),
        )
        .collect();
    if !options.is_empty() {
        doc.extend([
            String::new(),
            String::from(" Optional, set on its [`Request`]:"),
            String::new(),
        ]);
        doc.extend(options);
    }
    doc.extend([
        String::new(),
        String::from(
            " Every call also takes `.language(..)`, `.child_company_id(..)`, \
             `.attempt_timeout(..)`, `.retry_policy(..)` and `.header(..)`.",
        ),
    ]);
    let response = model_type(&op.response);
    let (id, path) = (&op.id, &op.path);
    let method = format_ident!("{}", op.http_method);
    let mut fields = Vec::new();
    let mut writes = Vec::new();
    let mut setters = Vec::new();
    for param in &op.path_params {
        let field = ident(&param.rust_name);
        fields.push(quote!(#field: String,));
    }
    let path_args = op.path_params.iter().map(|p| {
        let field = ident(&p.rust_name);
        quote!(&self.#field)
    });
    writes.push(quote!(call.path(&[#(#path_args),*])?;));
    for param in plain_params(op) {
        let field = ident(&param.rust_name);
        let ty = model_type(&param.ty);
        fields.push(quote!(#field: Option<#ty>,));
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
        let (arg, value) = match param.ty {
            TypeRef::Bool => (quote!(bool), quote!(value)),
            _ => (into_type(&param.ty), quote!(value.into())),
        };
        setters.push(quote! {
            #docs
            pub fn #field(mut self, value: #arg) -> Self {
                self.params.#field = Some(#value);
                self
            }
        });
        let wire = &param.name;
        writes.push(quote!(call.query(#wire, self.#field);));
    }
    if let Some(body) = &op.body {
        let ty = model_type(&body.ty);
        let send = |value| match body.encoding {
            BodyEncoding::Json => quote!(call.json(#value)?;),
            BodyEncoding::Multipart => super::multipart::send(body, value, types),
        };
        if body.required {
            fields.push(quote!(body: Result<#ty, crate::BuildError>,));
            writes.push(send(quote!(self.body)));
        } else {
            fields.push(quote!(body: Option<Result<#ty, crate::BuildError>>,));
            setters.push(quote! {
                /// The request body: a value, or a builder of one.
                pub fn body(mut self, body: impl IntoModel<#ty>) -> Self {
                    self.params.body = Some(body.try_into().map_err(Into::into));
                    self
                }
            });
            let send = send(quote!(body));
            writes.push(quote! {
                if let Some(body) = self.body {
                    #send
                }
            });
        }
    }
    let setters = (!setters.is_empty()).then(|| {
        quote! {
            impl Request<'_, #name> {
                #(#setters)*
            }
        }
    });
    let pagination = op.pagination.as_ref().map(|p| paginated(op, p));
    let default = (!matches!(&op.body, Some(b) if b.required)).then(|| quote!(Default,));
    quote! {
        #(#[doc = #doc])*
        #[derive(Debug, Clone, #default)]
        pub struct #name {
            #(#fields)*
        }

        impl crate::Operation for #name {
            type Response = #response;

            const INFO: &Info = &Info::new(#id, Method::#method, #path);

            #[inline] fn write(self, call: &mut Call) -> Result<(), crate::Error> {
                #(#writes)*
                Ok(())
            }
        }

        #setters
        #pagination
    }
}

/// How a list operation's answer is one page, and its cursor.
fn paginated(op: &Operation, pagination: &crate::ir::Pagination) -> TokenStream {
    let name = ident(&op.builder_name);
    let item = model_type(&pagination.item);
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
        impl crate::Paginated for #name {
            type Item = #item;

            #[inline] fn cursor(&self) -> Option<&str> {
                self.#cursor.as_deref()
            }

            #[inline] fn set_cursor(&mut self, cursor: String) {
                self.#cursor = Some(cursor);
            }

            #[inline] fn page(page: Self::Response) -> crate::__private::Page<Self::Item> {
                crate::__private::Page {
                    items: #items,
                    has_more: #more,
                    next_page_url: #url,
                }
            }
        }
    }
}
