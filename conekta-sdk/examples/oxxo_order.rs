//! Creates a cash (OXXO) order and prints the reference and the barcode the
//! payer takes to the store.
//!
//! ```text
//! CONEKTA_BASE_URL=https://api.conekta.io CONEKTA_API_KEY=key_xxx \
//!     cargo run -p conekta-sdk --example oxxo_order
//! ```
//!
//! The reference expires in three days. Conekta then sends `order.paid` /
//! `charge.paid` webhooks when the payer pays (see `webhook_receiver.rs`).
//! Without `CONEKTA_BASE_URL` the example only explains what it needs.

mod common;

use conekta_sdk::models::{ChargeRequest, PaymentMethodGeneralRequest};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(client) = common::client_from_env("oxxo_order")? else {
        return Ok(());
    };

    let cash = PaymentMethodGeneralRequest::cash().expires_at(common::days_from_now(3));
    let charge = ChargeRequest::builder().payment_method(cash);
    let order = client
        .orders()
        .create_order(common::sample_order(charge))
        .await?;
    common::print_order(&order);

    let charge = order.charges().first().ok_or("the order has no charge")?;
    println!("charge {}: {}", charge.id, charge.status);
    let Some(cash) = charge.cash() else {
        let tag = common::method_tag(charge);
        return Err(format!("expected a cash payment method, got `{tag}`").into());
    };
    let store = cash.service_name.as_deref().unwrap_or("a cash store");
    // A cash answer carries a reference to type in, a barcode to scan, or both.
    match (charge.cash_reference(), charge.barcode_url()) {
        (None, None) => return Err("the cash payment has neither a reference nor a barcode".into()),
        (reference, barcode) => {
            if let Some(reference) = reference {
                println!("pay at {store}: reference {reference}");
            }
            if let Some(barcode) = barcode {
                println!("barcode: {barcode}");
            }
        }
    }
    if let Some(expires_at) = cash.expires_at {
        println!(
            "expires at {:?} (Unix time {expires_at})",
            expires_at.to_system_time()
        );
    }
    Ok(())
}
