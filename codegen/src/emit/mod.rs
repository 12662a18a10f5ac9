//! [`Api`] → formatted Rust source files.

mod accessors;
mod builders;
mod common;
mod enums;
mod mcp;
mod models;
mod multipart;
mod operations;
mod samples;
mod serde;
mod structs;
mod test_table;
mod unions;

pub use mcp::MCP_DIR;
pub use test_table::TESTS_DIR;

use crate::features::Gates;
use crate::ir::Api;
use crate::overrides::Mcp;
use crate::{Error, GeneratedFile};
use quote::quote;

/// Where the SDK's generated code lives, relative to the workspace root.
pub const SDK_DIR: &str = "conekta-sdk/src/generated";

/// Emits every generated file, paths relative to the workspace root; with
/// `gates`, the SDK's models and operations are gated by Cargo features; `mcp` is
/// the override table's data for the MCP server's tools.
pub fn emit(
    api: &Api,
    gates: Option<&Gates>,
    mcp: Option<&Mcp>,
) -> Result<Vec<GeneratedFile>, Error> {
    let externals = api.external_types();
    let models_dir = format!("{SDK_DIR}/models");
    let built = api.sent_types();
    let mut files = models::emit(&api.types, &built, &externals, &models_dir, gates)?;
    let operations_dir = format!("{SDK_DIR}/operations");
    files.extend(operations::emit(api, &operations_dir, gates.is_some())?);
    files.push(root_module(api)?);
    files.push(test_table::emit(api)?);
    files.extend(mcp::emit(api, mcp)?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn root_module(api: &Api) -> Result<GeneratedFile, Error> {
    let version = &api.version;
    let title = &api.title;
    let version_doc = format!(" Version of {title} this code was generated from.");
    let media = api.media_type.as_ref().map(|media| {
        quote! {
            /// The media type sent as `Accept`: it selects the API version.
            pub const MEDIA_TYPE: &str = #media;
        }
    });
    let tokens = quote! {
        /// The API's data types: one per schema of the spec, and one per inline object or enum.
        #[allow(deprecated)]
        pub mod models;
        /// The API's operations, grouped by tag: `client.customers().get_customer_by_id(id)`.
        pub mod operations;

        #[doc = #version_doc]
        pub const API_VERSION: &str = #version;
        #media
    };
    Ok(GeneratedFile {
        path: format!("{SDK_DIR}/mod.rs"),
        contents: common::render("mod.rs", tokens)?,
    })
}
