//! What the API examples share: a client from the environment, and a sample
//! order to put a charge in.
//!
//! Not an example itself: Cargo only builds `examples/*.rs` and
//! `examples/*/main.rs` as examples.

// Each example uses part of this module.
#![allow(dead_code)]

use std::time::Duration;

use conekta_sdk::{Client, Timestamp, models};
use serde_json::json;

/// Base URL of the API to talk to, e.g. `https://api.conekta.io` or a local mock.
const BASE_URL_VAR: &str = "CONEKTA_BASE_URL";
/// Private API key (`key_…`). Use a test key: the examples create real objects.
const API_KEY_VAR: &str = "CONEKTA_API_KEY";
/// Sent when `CONEKTA_API_KEY` is unset: enough for a local mock, which ignores auth.
const DUMMY_KEY: &str = "key_dummy_for_local_mocks";

/// A client configured from `CONEKTA_BASE_URL` and `CONEKTA_API_KEY`, or
/// `None` (after explaining what to set) when `CONEKTA_BASE_URL` is unset,
/// so that the example exits 0 without touching the network.
pub fn client_from_env(example: &str) -> Result<Option<Client>, conekta_sdk::Error> {
    let Some(base_url) = std::env::var(BASE_URL_VAR)
        .ok()
        .filter(|v| !v.trim().is_empty())
    else {
        println!(
            "{example}: not run: set {BASE_URL_VAR} to the API to talk to, e.g.\n\
             \n  \
             {BASE_URL_VAR}=https://api.conekta.io {API_KEY_VAR}=key_xxx (a private TEST key) \
             cargo run -p conekta-sdk --example {example}\n\
             \n\
             or to a local mock of the API (Conekta's Mockoon environment), e.g.\n\
             \n  \
             {BASE_URL_VAR}=http://127.0.0.1:3000 cargo run -p conekta-sdk --example {example}\n\
             \n\
             {API_KEY_VAR} defaults to a dummy key when {BASE_URL_VAR} is set."
        );
        return Ok(None);
    };
    let api_key = std::env::var(API_KEY_VAR)
        .ok()
        .filter(|v| !v.trim().is_empty());
    println!("{example}: talking to {base_url}");
    Client::builder(api_key.as_deref().unwrap_or(DUMMY_KEY))
        .base_url(base_url)
        // Spanish messages; some mock routes also need it to answer 200.
        .language(conekta_sdk::Language::Es)
        .user_agent_suffix(format!("example/{example}"))
        .build()
        .map(Some)
}

/// The time `days` days from now, for `expires_at`.
pub fn days_from_now(days: u64) -> Timestamp {
    Timestamp::now() + Duration::from_secs(days * 24 * 60 * 60)
}

/// A one-item order for MXN 350.00 paid with `charge` (a charge, or a builder of one).
///
/// It carries `metadata` on the order, its line item, shipping contact and
/// fiscal entity: Conekta accepts orders without them, but the local mock's
/// order template renders invalid JSON when they are missing.
// One object per line: rustfmt's one-setter-per-line layout triples the length of data like this.
#[rustfmt::skip]
pub fn sample_order(
    charge: impl TryInto<models::ChargeRequest, Error: Into<conekta_sdk::BuildError>>,
) -> models::OrderRequestBuilder {
    use models::*;
    let source = json!({ "source": "example" });
    OrderRequest::builder()
        .currency(Currency::Mxn)
        .customer_info(CustomerInfo::builder().name("Fulanito Pérez").email("fulanito@example.com").phone("+5218181818181"))
        .line_items([Product::builder().name("Caja de galletas").quantity(1).unit_price(35_000).sku("GALLETAS-01").metadata(source.clone())])
        .charges([charge])
        .shipping_contact(CustomerShippingContactsRequest::builder().receiver("Fulanito Pérez").phone("+5218181818181").metadata(source.clone())
            .address(CustomerShippingContactsRequestAddress::builder().street1("Calle Nuevo León 254").postal_code("06100").city("Ciudad de México").country("MX")))
        .fiscal_entity(OrderFiscalEntityRequest::builder().name("Fulanito Pérez").tax_id("XAXX010101000").metadata(source)
            .address(FiscalEntityAddress::builder().street1("Calle Nuevo León").external_number("254").postal_code("06100").city("Ciudad de México").country("MX")))
        .metadata(json!({ "integration": "conekta-sdk example" }))
}

/// Prints what every order example prints: id, status and amount.
pub fn print_order(order: &models::OrderResponse) {
    let status = order.payment_status.as_ref().map_or("-", |s| s.as_str());
    let amount = money(order.amount, &order.currency);
    println!("order {} ({status}): {amount}", order.id);
}

/// An amount in centavos as `MXN 350.00`.
pub fn money(centavos: i64, currency: &models::Currency) -> String {
    let sign = if centavos < 0 { "-" } else { "" };
    let abs = centavos.unsigned_abs();
    format!("{currency} {sign}{}.{:02}", abs / 100, abs % 100)
}

/// The tag of a charge's payment method (`card_payment`, `cash_payment`…), for messages.
pub fn method_tag(charge: &models::ChargeResponse) -> &str {
    charge.payment_method.tag().unwrap_or("none")
}
