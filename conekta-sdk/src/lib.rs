//! Typed Rust client for the [Conekta](https://conekta.com) payments API (Mexico):
//! cards, OXXO and other cash networks, SPEI, BNPL, subscriptions, payment links,
//! payouts and webhooks, generated from Conekta's OpenAPI 2.2.0 spec.
//!
//! ```no_run
//! use conekta_sdk::{Client, Language, models::*};
//!
//! # async fn demo() -> Result<(), conekta_sdk::Error> {
//! let client = Client::builder("key_xxx").language(Language::En).build()?;
//! let card = PaymentMethodGeneralRequest::card("tok_test_visa_4242");
//! let order = OrderRequest::builder()
//!     .currency(Currency::Mxn)
//!     .customer_info(CustomerInfo::builder().name("Ana").email("ana@example.com").phone("+5215555555555"))
//!     .line_items([Product::builder().name("Caja de galletas").quantity(1).unit_price(35_000)])
//!     .charges([ChargeRequest::builder().payment_method(card)])
//!     .metadata(serde_json::json!({ "cart": "c-42" }));
//! let order = client.orders().create_order(order).await?;
//! if order.payment_status == Some(PaymentStatus::Paid) {
//!     let card = order.charges()[0].card().expect("paid by card");
//!     println!("order {} paid with the {} ending in {}", order.id, card.brand, card.last4);
//! }
//! # Ok(()) }
//! ```
//!
//! **Conekta's domain, typed.** Values Conekta enumerates are open enums
//! ([`Currency`](models::Currency), [`PaymentStatus`](models::PaymentStatus),
//! [`PaymentMethodType`](models::PaymentMethodType), [`RefundReason`](models::RefundReason),
//! [`ErrorType`](models::ErrorType)…; a value this version does not know is kept in
//! `Unknown`); times are [`Timestamp`]s; fields every answer carries are not
//! `Option`s; payment methods have constructors that set their `type`
//! (`PaymentMethodGeneralRequest::card(token)`, `::cash()`, `::spei()`); and the
//! common reads are one call (`order.charges()`, `charge.cash()`,
//! `charge.bank_transfer()`, `customer.payment_sources()`). Each choice and its
//! evidence is in `spec/overrides.yaml` in the repository.
//!
//! Models that requests carry are built with `Type::builder()` (the types only
//! answers carry have no builder): one setter per field, taking what
//! converts into it (`&str`, a nested builder, `json!({...})` for metadata,
//! any iterator for lists). A builder passed to an operation is built when the
//! request is sent: a missing required field is [`Error::InvalidRequest`]
//! naming it (`line_items[0].unit_price`), and nothing is sent. Call
//! `.build()` yourself to get the value or the [`BuildError`] earlier. Why not
//! a compile-time (typestate) builder: with 176 types and up to a dozen
//! required fields each, typestate multiplies the generated code and the
//! compile time of every crate that depends on this one, and its errors name
//! type parameters instead of the field; a nested builder would also have to
//! be complete before it could be passed on.
//!
//! **Cargo features.** Every tag of the spec is a feature named like its
//! client accessor (`orders` for `client.orders()`, `customers`,
//! `webhook_keys`…); `default` turns them all on (`all-tags`), with `rustls`
//! and `webhooks`. A tag's feature compiles its operations and the models they
//! reach; `webhooks` adds signature verification, the typed events and the
//! `Webhooks` tag. With `default-features = false, features = ["rustls",
//! "orders", "customers", "webhooks"]` only those are compiled.
//!
//! `models` and `operations` are generated from the spec (`src/generated/`, never edited by
//! hand); the runtime under them (`src/runtime/`) is hand-written.

// docs.rs: a badge on every item a feature gates ("Available on crate feature
// `orders` only").
#![cfg_attr(docsrs, feature(doc_cfg))]

// The features the generator compiles `Event` under (its `pub use` in
// `models/mod.rs`): the tags that return events, and `webhooks`.
// `cargo xtask check-features` fails if the two drift apart.
#[cfg(any(feature = "events", feature = "subscriptions", feature = "webhooks"))]
mod events;
#[rustfmt::skip]
mod generated;
// The runtime serves the generated operations: with only some tags' features
// on, parts of it (pagination, query parameters, request bodies) may be
// unused, and with none nearly all of it.
#[cfg_attr(
    not(feature = "all-tags"),
    allow(
        dead_code,
        unused_imports,
        reason = "used by the operations of the tags left out"
    )
)]
mod runtime;
#[cfg(feature = "webhooks")]
pub mod webhooks;

#[cfg(any(feature = "events", feature = "subscriptions", feature = "webhooks"))]
pub use events::{Event, EventData, EventType, ObjectError};
pub use generated::{API_VERSION, MEDIA_TYPE, models, operations};
/// The `http` crate whose types the SDK's signatures use (1.x: the one axum,
/// hyper and reqwest use).
pub use http;
/// The HTTP client the SDK sends with: [`ClientBuilder::http_client`] takes a
/// [`reqwest::Client`], [`Hook::before_attempt`] a [`reqwest::Request`].
pub use reqwest;
/// An HTTP status ([`Error::status`], [`ApiError::status`](ApiError)).
pub use reqwest::StatusCode;
pub use runtime::{
    AnswerDecodeError, ApiError, ApiKey, Attempt, AttemptResult, BuildError, BuildErrorReason,
    Client, ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES, DecodeError, Error, FilePart, Hook,
    IntoJsonObject, IntoModel, Language, Operation, OperationInfo, PRODUCTION_URL, PageStream,
    Paginated, PaginationError, Request, RequestOptions, ResponseFuture, RetryPolicy, Timestamp,
    TransportError, WithBody, WithBodyFuture, from_slice,
};

/// What generated code calls; not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::runtime::model::build::{Problems, required};
    pub use crate::runtime::model::decode::{
        DecodeFields, List, deserialize_struct, serialize_optional, serialize_struct,
    };
    pub use crate::runtime::model::union_decode::{attempt, deserialize_union, variant};
    pub use crate::runtime::{Call, Form, Page};
    pub use crate::{builder, open_enum, struct_serde, tagged_union};
}
