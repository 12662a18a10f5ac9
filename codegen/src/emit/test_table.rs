//! Emits the table the integration tests are driven by: every operation with
//! its method, path and the types of its responses.

use super::common::{render, type_tokens};
use crate::ir::{Api, TypeRef};
use crate::{Error, GeneratedFile};
use quote::quote;

/// Where the integration tests' generated code lives, relative to the workspace root.
pub const TESTS_DIR: &str = "tests/src/generated";

/// Emits `operations.rs` for the tests crate.
pub fn emit(api: &Api) -> Result<GeneratedFile, Error> {
    let rows = api.operations.iter().map(|op| {
        let id = &op.id;
        let method = &op.http_method;
        let path = &op.path;
        let status = op.success_status;
        quote!(Operation { id: #id, method: #method, path: #path, success_status: #status },)
    });
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
    let tokens = quote! {
        //! Every operation of the spec, and the model each of its responses decodes into.

        use conekta_sdk::models;

        /// One operation of the spec.
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
        }

        /// Every operation, in spec order.
        pub const OPERATIONS: &[Operation] = &[#(#rows)*];

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

/// The type as seen from outside the SDK: named types through `models::`.
fn model_type(ty: &TypeRef) -> proc_macro2::TokenStream {
    match ty {
        TypeRef::Named(_) => {
            let inner = type_tokens(ty);
            quote!(models::#inner)
        }
        TypeRef::Array(inner) => {
            let inner = model_type(inner);
            quote!(Vec<#inner>)
        }
        other => type_tokens(other),
    }
}
