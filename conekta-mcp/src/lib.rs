//! An MCP server for the [Conekta](https://conekta.com) payments API, on
//! [`rmcp`](https://docs.rs/rmcp): every operation of Conekta's OpenAPI spec is a tool,
//! typed from the spec, whose arguments are decoded into the SDK's typed request
//! before anything is sent.
//!
//! - With no selection, four discovery tools (search, describe, call a read, call a
//!   write) stand for every operation; `--all-tools`, a capability, tags or read-only
//!   give one tool each ([`ToolMode`]).
//! - Tools are generated (`src/generated/`, never edited by hand) by `conekta-codegen`
//!   from the same IR as the SDK: the name is the `operationId` in snake_case, the input
//!   schema comes from the path, query and header parameters and the body, the
//!   annotations from the method and the operation.
//! - A [Naftiko](https://naftiko.io) capability file narrows the set to the operations it
//!   consumes, under its names, with its key binding and default headers.
//! - Calls go through [`conekta_sdk`]: its retries, timeouts and errors. API errors are
//!   tool errors carrying Conekta's `type`, `log_id` and `details`.
//! - Operations that move money run only when the user confirms them (MCP
//!   elicitation) or the principal may make payments, and never above its
//!   `max_amount`; a confirmation on protocol 2026-07-28 is sealed with a secret of
//!   the environment ([`SECRET_VAR`]), so any instance can finish it.
//! - Hosted over HTTP for many users: scoped bearer tokens (`--tokens`) or OAuth 2.1
//!   access tokens map to keys of the server's environment (a client's own key is
//!   never used then), sessions are bounded, and `--audit-log` writes one JSON line
//!   per tool call.
//! - [`write_skill`] turns a capability into an Agent Skill that calls the operations
//!   through `conekta-mcp call`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), conekta_mcp::StartError> {
//! let tools = conekta_mcp::ToolMode::Selected { capability: None, tags: Vec::new(), read_only: true };
//! let options = conekta_mcp::Options { tools, ..Default::default() };
//! let warn = &mut |message: String| eprintln!("{message}");
//! let server = conekta_mcp::Server::new(&options, |var| std::env::var(var).ok(), warn)?;
//! server.serve_stdio().await
//! # }
//! ```

mod access;
mod amount;
mod audit;
mod call;
mod capability;
mod catalog;
mod discovery;
#[rustfmt::skip]
#[allow(deprecated)]
mod generated;
mod guard;
mod handler;
mod http;
mod oauth;
mod options;
mod seal;
mod server;
mod skill;
mod tokens;

pub use options::{OAuthOptions, Options, SessionLimits, ToolMode, Transport};
pub use seal::SECRET_VAR;
pub use server::{BASE_URL_VAR, HTTP_PATH, Server, StartError};
pub use skill::write_skill;
