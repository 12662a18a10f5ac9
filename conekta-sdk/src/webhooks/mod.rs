//! Receiving Conekta webhooks.
//!
//! A handler for Conekta's POSTs does three things:
//!
//! 1. verify the signature of the **raw** body with a [`WebhookVerifier`]
//!    built once from the account's webhook public key, and
//! 2. decode the body into an [`Event`]: both in one call,
//!    [`WebhookVerifier::verify_event`] (which reads the [`SIGNATURE_HEADER`]
//!    from a [`HeaderMap`]); then dispatch on [`Event::event_type`] (an open
//!    [`EventType`]);
//! 3. decode `data.object` with a typed accessor that returns a generated
//!    model ([`EventData::charge`], [`EventData::order`],
//!    [`EventData::customer`], [`EventData::subscription`],
//!    [`EventData::plan`]), with [`EventData::inbound_payment`], or with
//!    [`EventData::decode_object`] into a type of your own.
//!
//! The recurrent cash webhooks `inbound_payment.lookup` and
//! `inbound_payment.payment_attempt` are synchronous: the handler must answer
//! within two seconds (Conekta declines the payment after that) with a
//! [`LookupResponse`] or [`PaymentAttemptResponse`] serialised as the JSON
//! body of a 200 response. Their `data.object` is an [`InboundPayment`].
//! [`PaymentTestRequest`] is the body of the sandbox-only `POST /payment_test`
//! that triggers them ([`Client::payment_test`](crate::Client::payment_test)).
//!
//! ```no_run
//! use conekta_sdk::webhooks::{
//!     DeclineCode, EventType, HeaderMap, LookupResponse, PaymentAttemptResponse, WebhookError,
//!     WebhookVerifier,
//! };
//!
//! /// Returns the status and JSON body to answer with.
//! fn handle(verifier: &WebhookVerifier, headers: &HeaderMap, body: &[u8]) -> (u16, Vec<u8>) {
//!     let event = match verifier.verify_event(body, headers) {
//!         Ok(event) => event,
//!         Err(WebhookError::Signature(_)) => return (401, Vec::new()),
//!         Err(_) => return (400, Vec::new()),
//!     };
//!     let answer = match event.event_type {
//!         EventType::InboundPaymentLookup => match event.data.inbound_payment() {
//!             Ok(_payment) => serde_json::to_vec(&LookupResponse::payable(5_000, 1_000_000)),
//!             Err(_) => serde_json::to_vec(&LookupResponse::decline(DeclineCode::ReferenceNotFound)),
//!         },
//!         EventType::InboundPaymentPaymentAttempt => {
//!             serde_json::to_vec(&PaymentAttemptResponse::payable())
//!         }
//!         EventType::ChargePaid => {
//!             if let Ok(charge) = event.data.charge() {
//!                 println!("charge {} paid: {} centavos", charge.id, charge.amount);
//!             }
//!             Ok(Vec::new())
//!         }
//!         _ => Ok(Vec::new()),
//!     };
//!     (200, answer.unwrap_or_default())
//! }
//! ```

mod decline_code;
mod inbound;
mod signature;

pub use crate::DecodeError;
pub use crate::events::{Event, EventData, EventType};
pub use crate::runtime::PaymentTest;
pub use decline_code::DeclineCode;
/// The `http` crate the verifier's headers come from: your web framework's
/// headers (`axum`, `hyper`, `actix`'s `http` 1.x types) are these.
pub use http;
/// The headers [`WebhookVerifier::verify_event`] reads the signature from.
pub use http::HeaderMap;
pub use inbound::{
    InboundPayment, InboundPaymentMethod, LookupResponse, PaymentAttemptResponse,
    PaymentTestRequest,
};
pub use signature::{SIGNATURE_HEADER, SignatureError, WebhookError, WebhookVerifier};
