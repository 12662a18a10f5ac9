//! Creates a customer with a recurrent cash (`cash_recurrent`) payment source
//! and prints its reusable reference ("Cargo recurrente" in Conekta's guides).
//!
//! ```text
//! CONEKTA_BASE_URL=https://api.conekta.io CONEKTA_API_KEY=key_xxx \
//!     cargo run -p conekta-sdk --example recurrent_cash_customer
//! ```
//!
//! The payer can pay with the same reference at any store of the cash network,
//! as many times as you allow: each time, Conekta asks your synchronous webhook
//! (`inbound_payment.lookup`, then `inbound_payment.payment_attempt`) whether
//! to accept, and you have two seconds to answer; see `webhook_receiver.rs`.
//! Without `CONEKTA_BASE_URL` the example only explains what it needs.

mod common;

use conekta_sdk::{Timestamp, models};
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(client) = common::client_from_env("recurrent_cash_customer")? else {
        return Ok(());
    };

    // No `expires_at`: the reference never expires (set one from 1 to 365 days).
    let source = models::PaymentMethodCashOrSpeiRequest::cash_recurrent();
    let customer = models::Customer::builder()
        .email("fulanito@example.com")
        .name("Fulanito Pérez")
        .phone("+5218181818181")
        .payment_sources([source.clone()])
        .metadata(json!({ "integration": "conekta-sdk example" }));

    let created = client.customers().create_customer(customer).await?;
    println!("customer {} ({})", created.id, created.name);

    let listed = created
        .payment_sources()
        .iter()
        .find_map(|source| source.cash_recurrent().cloned());
    let cash = match listed {
        Some(cash) => cash,
        None => {
            // Not in the answer (an existing customer, or a mock that answers
            // with a card): add the source to the customer.
            println!("no cash_recurrent source in the answer: adding one");
            let added = client
                .payment_methods()
                .create_customer_payment_methods(&created.id, source)
                .await?;
            match added {
                models::CustomerPaymentMethodsData::CashRecurrent(cash) => cash,
                other => {
                    return Err(format!(
                        "expected a cash_recurrent payment source, got {:?}",
                        other.tag()
                    )
                    .into());
                }
            }
        }
    };

    println!("payment source {}", cash.id);
    let none = "(none)";
    println!(
        "reusable reference: {}",
        cash.reference.as_deref().unwrap_or(none)
    );
    println!("barcode: {}", cash.barcode_url.as_deref().unwrap_or(none));
    match cash.expires_at {
        None | Some(Timestamp::EPOCH) => println!("expires: never"),
        Some(at) => println!("expires at (Unix time): {at}"),
    }
    println!(
        "in the sandbox, `client.payment_test(PaymentTestRequest::lookup(reference))` \
         makes Conekta send a test `inbound_payment.lookup` to your webhook"
    );
    Ok(())
}
