//! What the SDK tells `tracing`: one `conekta.request` span per call, with the
//! operation, method, path template, status and attempt (no key, no body), and
//! a debug event before each retry.
//!
//! ```text
//! CONEKTA_BASE_URL=http://127.0.0.1:3000 cargo run -p conekta-sdk --example tracing
//! ```
//!
//! It fetches an order, then one that does not exist (a 404), and prints each
//! span as it closes. Without `CONEKTA_BASE_URL` the example only explains what
//! it needs.

mod common;

use tracing_subscriber::fmt::format::FmtSpan;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Your application's subscriber: here, spans printed when they close,
    // with their fields and how long they took.
    tracing_subscriber::fmt()
        .with_span_events(FmtSpan::CLOSE)
        .with_max_level(tracing::Level::DEBUG)
        .with_target(false)
        .init();

    let Some(client) = common::client_from_env("tracing")? else {
        return Ok(());
    };
    let order = client
        .orders()
        .get_order_by_id("ord_2tUyGSk9TNWUcyvjn")
        .await?;
    tracing::info!(order = %order.id, "fetched");

    // An error is a value: the span has its status, the error says the rest.
    match client
        .orders()
        .get_order_by_id("ord_2tUhuyzqLi6UJE9D12")
        .await
    {
        Ok(order) => tracing::info!(order = %order.id, "fetched"),
        Err(error) => tracing::warn!(%error, "the second order could not be fetched"),
    }
    Ok(())
}
