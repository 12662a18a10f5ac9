//! Creates a SPEI (bank transfer) order and prints the CLABE to transfer to.
//!
//! ```text
//! CONEKTA_BASE_URL=https://api.conekta.io CONEKTA_API_KEY=key_xxx \
//!     cargo run -p conekta-sdk --example spei_order
//! ```
//!
//! The CLABE accepts the order's exact amount until it expires (three days
//! here); Conekta then sends `order.paid` / `charge.paid` webhooks. With
//! `CONEKTA_ORDER_ID` set, the example fetches that existing order and prints
//! its CLABE instead of creating one. Without `CONEKTA_BASE_URL` it only
//! explains what it needs.
//!
//! Against Conekta's Mockoon fixtures: they answer every `POST /orders`
//! without a card token with the same cash (OXXO) order, so a created order
//! has no CLABE there; the example says so. Their SPEI order is served by id:
//! `CONEKTA_ORDER_ID=ord_2zqnvjdK1zyFYp6c2`.

mod common;

use conekta_sdk::models::{ChargeRequest, PaymentMethodGeneralRequest};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(client) = common::client_from_env("spei_order")? else {
        return Ok(());
    };

    let order = match std::env::var("CONEKTA_ORDER_ID") {
        Ok(id) => client.orders().get_order_by_id(id).await?,
        Err(_) => {
            let spei = PaymentMethodGeneralRequest::spei().expires_at(common::days_from_now(3));
            let charge = ChargeRequest::builder().payment_method(spei);
            client
                .orders()
                .create_order(common::sample_order(charge))
                .await?
        }
    };
    common::print_order(&order);

    let charge = order.charges().first().ok_or("the order has no charge")?;
    println!("charge {}: {}", charge.id, charge.status);
    let Some(transfer) = charge.bank_transfer() else {
        println!(
            "the answer's charge is a `{}`, not a SPEI transfer, so it has no CLABE. \
             Conekta's Mockoon fixtures answer every new order without a card token with \
             their cash order; their SPEI order is CONEKTA_ORDER_ID=ord_2zqnvjdK1zyFYp6c2.",
            common::method_tag(charge)
        );
        return Ok(());
    };
    let amount = common::money(charge.amount, &charge.currency);
    let bank = transfer.bank.as_deref().unwrap_or("SPEI");
    match charge.clabe() {
        Some(clabe) => println!("transfer {amount} to CLABE {clabe} ({bank})"),
        // Older SPEI answers name the account differently, or give a bank reference.
        None => println!(
            "transfer {amount}: no CLABE in the answer; account {:?}, reference {:?}",
            transfer.receiving_account_number,
            transfer.extra.get("reference")
        ),
    }
    if let Some(expires_at) = transfer.expires_at {
        println!("expires at Unix time {expires_at}");
    }
    Ok(())
}
