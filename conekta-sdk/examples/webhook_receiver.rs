//! A webhook endpoint for Conekta: verifies signatures, answers the
//! synchronous recurrent cash webhooks, acknowledges everything else.
//!
//! ```text
//! CONEKTA_WEBHOOK_PUBLIC_KEY="$(cat webhook_key.pem)" \
//!     cargo run -p conekta-sdk --example webhook_receiver
//! ```
//!
//! `CONEKTA_WEBHOOK_PUBLIC_KEY` is the `public_key` of your webhook key
//! (`client.webhook_keys()`, or the panel), as PEM text or as the path of a PEM
//! file. The server listens on `127.0.0.1` only (port `CONEKTA_WEBHOOK_PORT`,
//! default 8787); put a tunnel or reverse proxy with TLS in front of it for
//! Conekta to reach it. `POST /webhooks`:
//!
//! - a missing or bad `digest` signature: `401`, nothing else done;
//! - `inbound_payment.lookup` / `inbound_payment.payment_attempt`: `200` with
//!   the JSON answer, computed under a 1.5 s deadline (Conekta declines the
//!   payment if it has no answer within two seconds);
//! - any other event: `200` (Conekta retries events that get another status).
//!
//! Without `CONEKTA_WEBHOOK_PUBLIC_KEY` the example only explains what it needs.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use conekta_sdk::webhooks::{
    DeclineCode, EventType, InboundPayment, LookupResponse, PaymentAttemptResponse, WebhookError,
    WebhookVerifier,
};

const KEY_VAR: &str = "CONEKTA_WEBHOOK_PUBLIC_KEY";
const PORT_VAR: &str = "CONEKTA_WEBHOOK_PORT";
const DEFAULT_PORT: u16 = 8787;

/// Conekta waits two seconds for the synchronous answers; keep a margin for
/// the network.
const ANSWER_WITHIN: Duration = Duration::from_millis(1_500);

/// The amounts this demo accepts, in centavos: MXN 50.00 to 10,000.00.
const MIN_AMOUNT: i64 = 5_000;
const MAX_AMOUNT: i64 = 1_000_000;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(pem) = std::env::var(KEY_VAR).ok().filter(|v| !v.trim().is_empty()) else {
        println!(
            "webhook_receiver: not run: set {KEY_VAR} to your webhook key's `public_key` \
             (PEM text, or the path of a PEM file), e.g.\n\
             \n  \
             {KEY_VAR}=\"$(cat webhook_key.pem)\" cargo run -p conekta-sdk --example webhook_receiver\n\
             \n\
             It then listens on http://127.0.0.1:{DEFAULT_PORT}/webhooks (port: {PORT_VAR})."
        );
        return Ok(());
    };
    let pem = if pem.contains("-----BEGIN") {
        pem
    } else {
        std::fs::read_to_string(pem.trim())?
    };
    let verifier = Arc::new(WebhookVerifier::from_pem(&pem)?);
    let port = match std::env::var(PORT_VAR) {
        Ok(port) => port.trim().parse()?,
        Err(_) => DEFAULT_PORT,
    };

    let app = Router::new()
        .route("/webhooks", post(receive))
        .with_state(verifier);
    let listener =
        tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    println!(
        "webhook_receiver: listening on http://{}/webhooks (Ctrl-C stops)",
        listener.local_addr()?
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            // If the handler cannot be installed, run until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await?;
    Ok(())
}

/// `POST /webhooks`.
async fn receive(
    State(verifier): State<Arc<WebhookVerifier>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    // 1. The signature covers the raw bytes: it is checked before the event is decoded.
    let event = match verifier.verify_event(&body, &headers) {
        Ok(event) => event,
        Err(WebhookError::Signature(error)) => {
            eprintln!("rejected: {error}");
            return StatusCode::UNAUTHORIZED.into_response();
        }
        Err(error) => {
            eprintln!("signed but not an event: {error}");
            return StatusCode::BAD_REQUEST.into_response();
        }
    };
    println!("event {} {}", event.id, event.event_type);
    // 2. Dispatch. Events can be delivered more than once: a real handler
    //    records `event.id` and skips the ones it has seen.
    match event.event_type {
        EventType::InboundPaymentLookup => {
            let answer = match event.data.inbound_payment() {
                Ok(payment) => tokio::time::timeout(ANSWER_WITHIN, lookup(&payment))
                    .await
                    .unwrap_or_else(|_| LookupResponse::decline(DeclineCode::NotAuthorised)),
                Err(error) => {
                    eprintln!("  bad inbound payment: {error}");
                    LookupResponse::decline(DeclineCode::ReferenceNotFound)
                }
            };
            json(&answer)
        }
        EventType::InboundPaymentPaymentAttempt => {
            let answer = match event.data.inbound_payment() {
                Ok(payment) => tokio::time::timeout(ANSWER_WITHIN, payment_attempt(&payment))
                    .await
                    .unwrap_or_else(|_| {
                        PaymentAttemptResponse::decline(DeclineCode::NotAuthorised)
                    }),
                Err(error) => {
                    eprintln!("  bad inbound payment: {error}");
                    PaymentAttemptResponse::decline(DeclineCode::ReferenceNotFound)
                }
            };
            json(&answer)
        }
        EventType::ChargePaid => {
            match event.data.charge() {
                Ok(charge) => println!(
                    "  charge {} paid: {} {} centavos",
                    charge.id, charge.currency, charge.amount
                ),
                // Still a 200: the event is authentic, and Conekta would retry it.
                Err(error) => eprintln!("  charge.paid: cannot decode the charge: {error}"),
            }
            StatusCode::OK.into_response()
        }
        EventType::OrderPaid => {
            match event.data.order() {
                Ok(order) => println!("  order {} paid", order.id),
                Err(error) => eprintln!("  order.paid: cannot decode the order: {error}"),
            }
            StatusCode::OK.into_response()
        }
        _ => StatusCode::OK.into_response(),
    }
}

/// May this reference be paid, and how much? Look it up in your own records
/// here (this demo accepts any reference, within fixed bounds).
async fn lookup(payment: &InboundPayment) -> LookupResponse {
    println!(
        "  lookup of reference {} (customer {})",
        payment.reference(),
        payment.customer_id.as_deref().unwrap_or("?")
    );
    LookupResponse::payable(MIN_AMOUNT, MAX_AMOUNT)
}

/// Accept this exact amount?
async fn payment_attempt(payment: &InboundPayment) -> PaymentAttemptResponse {
    println!(
        "  payment attempt of {} centavos on reference {}",
        payment.amount,
        payment.reference()
    );
    if (MIN_AMOUNT..=MAX_AMOUNT).contains(&payment.amount) {
        PaymentAttemptResponse::payable()
    } else {
        PaymentAttemptResponse::decline(DeclineCode::AmountOutOfRange)
    }
}

/// A `200` with `answer` as its JSON body.
fn json(answer: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(answer) {
        Ok(body) => {
            println!("  answer {}", String::from_utf8_lossy(&body));
            (
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                body,
            )
                .into_response()
        }
        Err(error) => {
            eprintln!("  cannot serialise the answer: {error}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
