//! Creates an order paid with a card token.
//!
//! Tokenise the card in the browser or app with Conekta's tokenizer (card
//! numbers never touch your server), then send the token in the charge.
//!
//! ```text
//! CONEKTA_BASE_URL=https://api.conekta.io CONEKTA_API_KEY=key_xxx \
//!     cargo run -p conekta-sdk --example card_order
//! ```
//!
//! `CONEKTA_CARD_TOKEN` defaults to `tok_test_visa_4242`, Conekta's test token
//! for an approved Visa card. Without `CONEKTA_BASE_URL` the example only
//! explains what it needs.

mod common;

use conekta_sdk::models::{ChargeRequest, PaymentMethodGeneralRequest, PaymentStatus};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(client) = common::client_from_env("card_order")? else {
        return Ok(());
    };
    let token = std::env::var("CONEKTA_CARD_TOKEN").unwrap_or_else(|_| "tok_test_visa_4242".into());

    let card = PaymentMethodGeneralRequest::card(token);
    let charge = ChargeRequest::builder().payment_method(card);
    let order = client
        .orders()
        .create_order(common::sample_order(charge))
        .await?;
    common::print_order(&order);
    if order.payment_status != Some(PaymentStatus::Paid) {
        println!("not paid (yet): see the charge's status and failure code");
    }

    let charge = order.charges().first().ok_or("the order has no charge")?;
    println!("charge {}: {}", charge.id, charge.status);
    if let Some(code) = &charge.failure_code {
        println!("failure: {code}");
    }
    match charge.card() {
        Some(card) => println!(
            "card: {} ending in {} (auth code {})",
            card.brand,
            card.last4,
            card.auth_code.as_deref().unwrap_or("-"),
        ),
        None => println!(
            "unexpected payment method: `{}`",
            common::method_tag(charge)
        ),
    }
    Ok(())
}
