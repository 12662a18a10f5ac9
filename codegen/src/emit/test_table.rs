//! Emits the table the integration tests are driven by: every operation with
//! its method, path and the types of its responses, and every named model with
//! its decoder.

use super::common::{ident, model_type, render};
use super::samples::{PATH_SAMPLE, Samples};
use crate::ir::{Api, Operation, ParamRole};
use crate::{Error, GeneratedFile};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use quote::quote;

/// Where the integration tests' generated code lives, relative to the workspace root.
pub const TESTS_DIR: &str = "tests/src/generated";

/// Emits `operations.rs` for the tests crate.
pub fn emit(api: &Api) -> Result<GeneratedFile, Error> {
    let samples = Samples::new(&api.types, &api.external_samples);
    let mut rows = Vec::new();
    let mut calls = Vec::new();
    for op in &api.operations {
        let (row, call) = operation_case(op, &samples)?;
        rows.push(row);
        calls.push(call);
    }
    let mut arms = Vec::new();
    for op in &api.operations {
        let id = &op.id;
        let responses = std::iter::once((op.success_status, &op.response))
            .chain(op.error_responses.iter().map(|(status, ty)| (*status, ty)));
        for (status, ty) in responses {
            let ty = model_type(ty);
            arms.push(quote!((#id, #status) => Some(crate::round_trip::<#ty>(body)),));
        }
    }
    let models = api.types.iter().map(|def| {
        let name = &def.name;
        let ty = ident(name);
        quote!((#name, crate::round_trip::<models::#ty>),)
    });
    let tokens = quote! {
        //! Every operation of the spec, and the model each of its responses decodes into.

        use conekta_sdk::models;

        /// One operation of the spec, with the shape of its sample request.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Operation {
            /// The `operationId`.
            pub id: &'static str,
            /// Upper-case HTTP method.
            pub method: &'static str,
            /// Path template.
            pub path: &'static str,
            /// The status of its success response.
            pub success_status: u16,
            /// The path the sample request goes to (path parameters percent-encoded).
            pub sample_path: &'static str,
            /// The query the sample request carries (names as in the spec, decoded values).
            pub sample_query: &'static [(&'static str, &'static str)],
            /// The JSON body the sample request sends.
            pub sample_body: Option<&'static str>,
            /// A success body that decodes into the response model.
            pub sample_response: &'static str,
            /// Whether it takes `Accept-Language` (the sample sets `en`).
            pub sets_language: bool,
            /// Whether it takes `X-Child-Company-Id` (the sample sets `child_1`).
            pub sets_child_company: bool,
        }

        /// Sends the sample request of `operation_id` through the SDK; `None` for an unknown id.
        #[allow(deprecated)]
        pub async fn call_with_samples(
            client: &conekta_sdk::Client,
            operation_id: &str,
        ) -> Option<Result<(), conekta_sdk::Error>> {
            Some(match operation_id {
                #(#calls)*
                _ => return None,
            })
        }

        /// Every operation, in spec order.
        pub const OPERATIONS: &[Operation] = &[#(#rows)*];

        /// Decodes a body into one model and serialises it again.
        pub type Decoder = fn(&[u8]) -> Result<serde_json::Value, crate::DecodeFailure>;

        /// Every named model of the spec, by Rust name, with its [`Decoder`].
        #[allow(deprecated)]
        pub const MODELS: &[(&str, Decoder)] = &[#(#models)*];

        /// Decodes `body` as the response of `operation_id` with `status` and
        /// serialises it again; `None` when the spec declares no body for that status.
        pub fn decode_response(
            operation_id: &str,
            status: u16,
            body: &[u8],
        ) -> Option<Result<serde_json::Value, crate::DecodeFailure>> {
            match (operation_id, status) {
                #(#arms)*
                _ => None,
            }
        }
    };
    Ok(GeneratedFile {
        path: format!("{TESTS_DIR}/operations.rs"),
        contents: render("operations.rs", tokens)?,
    })
}

/// The table row and the sample call of one operation.
fn operation_case(
    op: &Operation,
    samples: &Samples<'_>,
) -> Result<(proc_macro2::TokenStream, proc_macro2::TokenStream), Error> {
    let id = &op.id;
    let method = &op.http_method;
    let path = &op.path;
    let status = op.success_status;
    let mut sample_path = op.path.clone();
    for param in &op.path_params {
        sample_path =
            sample_path.replace(&format!("{{{}}}", param.name), &encode_segment(PATH_SAMPLE));
    }
    let group = ident(&op.group.accessor);
    let method_name = ident(&op.method_name);
    let mut args: Vec<proc_macro2::TokenStream> = op
        .path_params
        .iter()
        .map(|_| quote!(#PATH_SAMPLE))
        .collect();
    let body_json = op
        .body
        .as_ref()
        .map(|body| samples.value(&body.ty).to_string());
    let body_value = match (&op.body, &body_json) {
        (Some(body), Some(json)) => {
            let ty = model_type(&body.ty);
            Some(quote!(serde_json::from_str::<#ty>(#json).expect("the sample body decodes")))
        }
        _ => None,
    };
    let mut setters = Vec::new();
    match (&op.body, body_value) {
        (Some(body), Some(value)) if body.required => args.push(value),
        (Some(_), Some(value)) => setters.push(quote!(.body(#value))),
        _ => {}
    }
    let mut query = Vec::new();
    let (mut language, mut child) = (false, false);
    for param in op.query_params.iter().chain(&op.header_params) {
        let setter = ident(&param.rust_name);
        match param.role {
            ParamRole::Language => {
                language = true;
                setters.push(quote!(.#setter("en")));
            }
            ParamRole::ChildCompany => {
                child = true;
                setters.push(quote!(.#setter("child_1")));
            }
            ParamRole::Plain => {
                let Some((arg, wire)) = samples.query_arg(&param.ty) else {
                    return Err(Error::unsupported(
                        &op.id,
                        format!("a sample of query parameter `{}`", param.name),
                    ));
                };
                let name = &param.name;
                query.push(quote!((#name, #wire)));
                setters.push(quote!(.#setter(#arg)));
            }
        }
    }
    let response = samples.value(&op.response).to_string();
    let body = match &body_json {
        Some(json) => quote!(Some(#json)),
        None => quote!(None),
    };
    let row = quote! {
        Operation {
            id: #id,
            method: #method,
            path: #path,
            success_status: #status,
            sample_path: #sample_path,
            sample_query: &[#(#query),*],
            sample_body: #body,
            sample_response: #response,
            sets_language: #language,
            sets_child_company: #child,
        },
    };
    let call = quote! {
        #id => client.#group().#method_name(#(#args),*)#(#setters)*.send().await.map(drop),
    };
    Ok((row, call))
}

/// Percent-encodes a path segment the way the SDK does (RFC 3986 unreserved kept).
fn encode_segment(value: &str) -> String {
    const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    utf8_percent_encode(value, SEGMENT).to_string()
}
