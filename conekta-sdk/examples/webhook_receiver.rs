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
//! file; while you rotate keys, the paths of several, separated by commas. The server listens on `127.0.0.1` only (port `CONEKTA_WEBHOOK_PORT`,
//! default 8787); put a tunnel or reverse proxy with TLS in front of it for
//! Conekta to reach it. `POST /webhooks`:
//!
//! - a missing or bad `digest` signature: `401`, nothing else done;
//! - `inbound_payment.lookup` / `inbound_payment.payment_attempt`: `200` with
//!   the JSON answer, computed under a 1.5 s deadline (Conekta declines the
//!   payment if it has no answer within two seconds);
//! - `charge.paid` / `order.paid`: handled once per event id, `200`; a
//!   charge or order that does not fit the SDK's model is handled from its raw
//!   members, and one that cannot be handled gets a `500`, so that Conekta
//!   delivers it again;
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
    DeclineCode, Delivery, Event, EventType, InboundPayment, LookupResponse,
    PaymentAttemptResponse, RecentEvents, WebhookError, WebhookVerifier, handle_once,
};

const KEY_VAR: &str = "CONEKTA_WEBHOOK_PUBLIC_KEY";
const PORT_VAR: &str = "CONEKTA_WEBHOOK_PORT";
const DEFAULT_PORT: u16 = 8787;

/// How many handled event ids the demo remembers.
const HANDLED_IDS: usize = 10_000;

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
    // Several keys (one PEM file each, separated by commas) while you rotate them.
    let pems = pem
        .split(',')
        .map(|pem| {
            if pem.contains("-----BEGIN") {
                Ok(pem.to_owned())
            } else {
                std::fs::read_to_string(pem.trim())
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let state = Arc::new(Receiver {
        verifier: WebhookVerifier::from_pems(&pems)?,
        handled: RecentEvents::new(HANDLED_IDS),
    });
    let port = match std::env::var(PORT_VAR) {
        Ok(port) => port.trim().parse()?,
        Err(_) => DEFAULT_PORT,
    };

    let app = Router::new()
        .route("/webhooks", post(receive))
        .with_state(state);
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

/// What the handler keeps between requests.
struct Receiver {
    /// The webhook keys' public keys.
    verifier: WebhookVerifier,
    /// The ids of the events handled lately (a real receiver keeps them in its database).
    handled: RecentEvents,
}

/// `POST /webhooks`.
async fn receive(State(state): State<Arc<Receiver>>, headers: HeaderMap, body: Bytes) -> Response {
    // 1. The signature covers the raw bytes: it is checked before the event is decoded.
    let event = match state.verifier.verify_event(&body, &headers) {
        Ok(event) => event,
        Err(WebhookError::Signature(error)) => {
            eprintln!("rejected: {error}");
            return StatusCode::UNAUTHORIZED.into_response();
        }
        Err(error) => {
            // Authentic, but not an event this SDK can read: keep every byte, and let
            // Conekta deliver it again.
            eprintln!(
                "signed but not an event: {error}: {}",
                String::from_utf8_lossy(&body)
            );
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    println!("event {} {}", event.id, event.event_type);
    // 2. Dispatch.
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
        EventType::ChargePaid | EventType::OrderPaid => {
            // Conekta delivers an event again until it gets a 2xx, and may deliver it twice:
            // handle each id once, and record it only when it was handled.
            match handle_once(&state.handled, &event, paid).await {
                Ok(Delivery::Handled(())) => StatusCode::OK.into_response(),
                Ok(Delivery::Repeated) => {
                    println!("  already handled");
                    StatusCode::OK.into_response()
                }
                // Not handled: a 500 makes Conekta deliver the event again.
                Err(error) => {
                    eprintln!("  not handled, Conekta will retry: {error}");
                    StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }
            }
        }
        _ => StatusCode::OK.into_response(),
    }
}

/// A payment arrived: `charge.paid` or `order.paid`. Marks the order paid in
/// your records (this demo prints it).
async fn paid(event: &Event) -> Result<(), String> {
    let (kind, id, status) = if event.event_type == EventType::ChargePaid {
        match event.data.charge() {
            Ok(charge) => ("charge", charge.id, Some(charge.status.to_string())),
            // The charge does not fit the SDK's model, but it is paid: act on its raw members.
            Err(error) => {
                eprintln!("  the charge does not fit the model ({error}); using its raw members");
                let id = error.id().ok_or("a charge without an id")?.to_owned();
                ("charge", id, error.str_member("status").map(str::to_owned))
            }
        }
    } else {
        match event.data.order() {
            Ok(order) => (
                "order",
                order.id,
                order.payment_status.map(|status| status.to_string()),
            ),
            Err(error) => {
                eprintln!("  the order does not fit the model ({error}); using its raw members");
                let id = error.id().ok_or("an order without an id")?.to_owned();
                (
                    "order",
                    id,
                    error.str_member("payment_status").map(str::to_owned),
                )
            }
        }
    };
    println!(
        "  {kind} {id} paid (status {})",
        status.as_deref().unwrap_or("?")
    );
    Ok(())
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
