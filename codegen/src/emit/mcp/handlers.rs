//! `mod.rs` of the MCP server's generated code: per operation, an arguments struct
//! typed with the SDK's models and a handler, and the table of handlers.

use super::{arguments, body_arg, tool_name};
use crate::emit::common::{doc_attrs, ident, model_type};
use crate::ir::{Api, Docs, Operation};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `mod.rs`: the arguments structs, the handlers and the table.
pub(super) fn handlers(api: &Api) -> TokenStream {
    let items = api.operations.iter().map(handler);
    let entries = api.operations.iter().map(|op| {
        let id = &op.id;
        let handler = ident(&op.method_name);
        quote!((#id, #handler as Handler),)
    });
    let uses_models = api.operations.iter().any(|op| {
        arguments(op).any(|p| p.ty.named().is_some())
            || op.body.as_ref().is_some_and(|b| b.ty.named().is_some())
    });
    let models = uses_models.then(|| {
        quote!(
            use conekta_sdk::models;
        )
    });
    quote! {
        use crate::call::{Arguments, CallError, Handler, HandlerFuture, decode, encode};
        use conekta_sdk::Client;
        #models

        /// The tools' metadata and input schemas (see `conekta-codegen`'s MCP emitter).
        pub(crate) const TOOLS_JSON: &str = include_str!("tools.json");

        /// Every operation's handler, by operation id, in spec order.
        pub(crate) static HANDLERS: &[(&str, Handler)] = &[
            #(#entries)*
        ];

        #(#items)*
    }
}

fn handler(op: &Operation) -> TokenStream {
    let name = ident(&op.method_name);
    let args = format_ident!("{}Args", crate::naming::camel(&op.id));
    let doc = format!(" The arguments of the `{}` tool.", tool_name(op));
    let handler_doc = format!(
        " Calls `{} {}` (operation `{}`).",
        op.http_method, op.path, op.id
    );
    let mut fields = Vec::new();
    let mut call_args = Vec::new();
    let mut setters = Vec::new();
    for param in &op.path_params {
        let field = ident(&param.rust_name);
        let wire = &param.name;
        let docs = doc_attrs(&Docs::default(), &[format!("Path parameter `{wire}`.")]);
        fields.push(quote! { #docs #[serde(rename = #wire)] #field: String, });
        call_args.push(quote!(args.#field));
    }
    for param in arguments(op).filter(|p| !op.path_params.contains(p)) {
        let field = ident(&param.rust_name);
        let wire = &param.name;
        let ty = model_type(&param.ty);
        let docs = doc_attrs(&Docs::default(), &[format!("Parameter `{wire}`.")]);
        if param.required {
            fields.push(quote! { #docs #[serde(rename = #wire)] #field: #ty, });
            setters.push(quote!(let request = request.#field(args.#field);));
        } else {
            fields.push(quote! { #docs #[serde(rename = #wire, default)] #field: Option<#ty>, });
            setters.push(quote! {
                let request = match args.#field {
                    Some(value) => request.#field(value),
                    None => request,
                };
            });
        }
    }
    if let Some(body) = &op.body {
        let ty = model_type(&body.ty);
        let wire = body_arg(op);
        if body.required {
            fields.push(quote! { /// The request body.
            #[serde(rename = #wire)] body: #ty, });
            call_args.push(quote!(args.body));
        } else {
            fields.push(quote! { /// The request body.
            #[serde(rename = #wire, default)] body: Option<#ty>, });
            setters.push(quote! {
                let request = match args.body {
                    Some(body) => request.body(body),
                    None => request,
                };
            });
        }
    }
    let accessor = ident(&op.group.accessor);
    let method = ident(&op.method_name);
    let binding = if fields.is_empty() {
        quote!(let #args {} = decode(arguments)?;)
    } else {
        quote!(let args: #args = decode(arguments)?;)
    };
    quote! {
        #[doc = #doc]
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct #args {
            #(#fields)*
        }

        #[doc = #handler_doc]
        fn #name(client: &Client, arguments: Arguments) -> Result<HandlerFuture<'_>, CallError> {
            #binding
            let request = client.#accessor().#method(#(#call_args),*);
            #(#setters)*
            Ok(Box::pin(encode(request.send().with_body())))
        }
    }
}
