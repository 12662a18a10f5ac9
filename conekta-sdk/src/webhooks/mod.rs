//! Receiving Conekta webhooks.
//!
//! A handler for Conekta's POSTs does three things:
//!
//! 1. verify the signature of the **raw** body with a [`WebhookVerifier`]
//!    built once from the account's webhook public key (or keys, while they
//!    are rotated: [`WebhookVerifier::from_pems`]), and
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
//! **Never drop an event.** When a typed view does not fit (Conekta sends
//! more shapes than its spec lists), its [`ObjectError`] keeps the object
//! whole: act on the raw members you need ([`ObjectError::id`]), or answer
//! with a non-2xx status so that Conekta delivers the event again. Conekta
//! retries until it gets a 2xx, and a signature carries no timestamp, so the
//! same event can arrive more than once: [`handle_once`] with
//! [`RecentEvents`] (or your own [`HandledEvents`] store) handles each id
//! once. [`fetch_back`] optionally compares a delivery with Conekta's record.
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
//! /// Returns the status and JSON body to answer with: a 2xx once the event
//! /// is handled; anything else and Conekta delivers it again.
//! fn handle(verifier: &WebhookVerifier, headers: &HeaderMap, body: &[u8]) -> (u16, Vec<u8>) {
//!     let event = match verifier.verify_event(body, headers) {
//!         Ok(event) => event,
//!         Err(WebhookError::Signature(_)) => return (401, Vec::new()),
//!         Err(err) => {
//!             eprintln!("signed, but not an event: {err}: {}", String::from_utf8_lossy(body));
//!             return (500, Vec::new());
//!         }
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
//!             let charge_id = match event.data.charge() {
//!                 Ok(charge) => charge.id,
//!                 // The charge does not fit the model, but it is paid: use its raw id.
//!                 Err(err) => match err.id() {
//!                     Some(id) => id.to_owned(),
//!                     None => return (500, Vec::new()),
//!                 },
//!             };
//!             println!("charge {charge_id} paid");
//!             Ok(Vec::new())
//!         }
//!         _ => Ok(Vec::new()),
//!     };
//!     match answer {
//!         Ok(answer) => (200, answer),
//!         Err(_) => (500, Vec::new()),
//!     }
//! }
//! ```

mod decline_code;
#[cfg(feature = "events")]
mod fetch_back;
mod handled;
mod inbound;
mod payment_test;
mod signature;

pub use crate::DecodeError;
pub use crate::events::{Event, EventData, EventType, ObjectError};
pub use decline_code::DeclineCode;
#[cfg(feature = "events")]
pub use fetch_back::{FetchBackError, fetch_back};
pub use handled::{Delivery, HandleOnceError, HandledEvents, RecentEvents, handle_once};
/// The `http` crate the verifier's headers come from: your web framework's
/// headers (`axum`, `hyper`, `actix`'s `http` 1.x types) are these.
pub use http;
/// The headers [`WebhookVerifier::verify_event`] reads the signature from.
pub use http::HeaderMap;
pub use inbound::{
    InboundPayment, InboundPaymentMethod, LookupResponse, PaymentAttemptResponse,
    PaymentTestRequest,
};
pub use payment_test::PaymentTest;
pub use signature::{SIGNATURE_HEADER, SignatureError, WebhookError, WebhookVerifier};
