//! A local, stateful Conekta for merchants' tests.
//!
//! [`FakeConekta::start`] serves Conekta's API (2.2.0) on `127.0.0.1` from
//! the test's own process: [`FakeConekta::client`] is a `conekta_sdk::Client`
//! pointed at it. The fake keeps what the client creates (customers and
//! their payment sources, orders and charges, refunds, plans, subscriptions,
//! webhook keys, webhooks, events), answers as Conekta's test mode does
//! ([`tokens`], 401/402/422 with Conekta's error body), checks what the
//! client sends with the SDK's own request models, and POSTs every event to
//! the webhooks registered with it, signed in the `Digest` header with a
//! fixed test-only key pair ([`TEST_PUBLIC_KEY_PEM`]). Simulated payers pay
//! at OXXO ([`FakeConekta::pay_cash`]), by SPEI ([`FakeConekta::pay_spei`])
//! and with recurrent cash references
//! ([`FakeConekta::pay_cash_recurrent`]).
//!
//! For unit tests of a webhook handler there is no server to start:
//! [`sign`] signs any body, and [`fixtures`] makes signed events.
//!
//! The crate's README lists what the fake implements, what it leaves out,
//! and the public sources of each behaviour of Conekta's test mode.
//!
//! **Test use only.** The key pair that signs the webhooks is published with
//! this crate; never configure a production receiver with
//! [`TEST_PUBLIC_KEY_PEM`].

mod delivery;
mod error;
mod fake;
pub mod fixtures;
mod recurrent;
mod references;
mod server;
mod signing;
mod store;
pub mod tokens;

pub use error::FakeError;
pub use fake::{DEFAULT_API_KEY, FakeConekta, FakeConektaBuilder};
pub use recurrent::{RecurrentCashOutcome, RecurrentCashStep};
pub use signing::{
    SIGNATURE_HEADER, SignError, TEST_ONLY_PRIVATE_KEY_PEM, TEST_PUBLIC_KEY_PEM, sign, try_sign,
    try_signature,
};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
