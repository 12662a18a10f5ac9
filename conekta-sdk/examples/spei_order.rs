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

mod common;

use conekta_sdk::models;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(client) = common::client_from_env("spei_order")? else {
        return Ok(());
    };

    let order = match std::env::var("CONEKTA_ORDER_ID") {
        Ok(id) => client.orders().get_order_by_id(id).send().await?,
        Err(_) => {
            let spei = models::PaymentMethodGeneralRequest::builder()
                .r#type("spei")
                .expires_at(common::days_from_now(3));
            let charge = models::ChargeRequest::builder().payment_method(spei);
            client
                .orders()
                .create_order(common::sample_order(charge))
                .await?
        }
    };
    common::print_order(&order);

    let charge = common::first_charge(&order).ok_or("the order has no charge")?;
    println!("charge {}: {}", charge.id, charge.status);
    let Some(models::ChargeResponsePaymentMethod::BankTransferPayment(transfer)) =
        &charge.payment_method
    else {
        let tag = common::method_tag(charge);
        return Err(format!("expected a bank transfer payment method, got `{tag}`").into());
    };
    println!(
        "transfer {} to CLABE {} ({})",
        common::money(charge.amount, &charge.currency),
        transfer.clabe.as_deref().unwrap_or("(none)"),
        transfer.bank.as_deref().unwrap_or("bank not given"),
    );
    if let Some(expires_at) = transfer.expires_at {
        println!("expires at (Unix time): {expires_at}");
    }
    Ok(())
}
