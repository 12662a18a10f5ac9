//! Typed Rust client for the [Conekta](https://conekta.com) payments API (Mexico):
//! cards, OXXO and other cash networks, SPEI, BNPL, subscriptions, payment links,
//! payouts and webhooks, generated from Conekta's OpenAPI 2.2.0 spec.
//!
//! ```no_run
//! # async fn demo() -> Result<(), conekta_sdk::Error> {
//! use conekta_sdk::{Client, models};
//!
//! let client = Client::builder("key_xxx").language(models::AcceptLanguage::En).build()?;
//! let customers = client.customers().get_customers().limit(50).send().await?;
//! for customer in customers.data.unwrap_or_default() {
//!     println!("{} {}", customer.id, customer.email.unwrap_or_default());
//! }
//! # Ok(()) }
//! ```
//!
//! `models` and `operations` are generated from the spec (`src/generated/`, never edited by
//! hand); the runtime under them (`src/runtime/`) is hand-written.

#[rustfmt::skip]
mod generated;
mod runtime;
#[cfg(feature = "webhooks")]
pub mod webhooks;

pub use generated::{API_VERSION, MEDIA_TYPE, models, operations};
pub use runtime::{
    ApiError, ApiKey, Client, ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES, Error, OperationInfo,
    PRODUCTION_URL, RetryPolicy, TransportError,
};
