//! Helpers shared by the runtime tests and the throughput bench: clients with
//! fast retry policies, realistic Conekta bodies, and small fault-injecting servers.

#![allow(dead_code)]

use conekta_sdk::{Client, RetryPolicy};
use serde_json::{Value, json};
use std::net::{SocketAddr, TcpListener};
use std::time::Duration;

/// A secret-looking API key; tests check that it never shows up in output.
pub const KEY: &str = "key_sEcReT_TeSt_9f8e7d6c5b4a3210";

/// A Conekta customer as `GET /customers/{id}` returns it, with a card, a fiscal
/// entity, a shipping contact and a subscription (about 3 KB, from Conekta's mocks).
pub const CUSTOMER_CARD_JSON: &str = r#"{
    "livemode": true,
    "name": "test dotnet",
    "email": "test@conekta.com",
    "phone": "+573143159063",
    "default_shipping_contact_id": "ship_cont_2tXx8KUxw6311kEbr",
    "default_fiscal_entity_id": "fis_ent_2tXx8KUxw6311kEbq",
    "subscription": {
        "id": "sub_2tXx8KUxw6311kEbw",
        "status": "past_due",
        "object": "subscription",
        "created_at": 1678988244,
        "subscription_start": 1678988244,
        "billing_cycle_end": 1678988234,
        "plan_id": "plan_2tXx672QLQ68CkmMn",
        "last_billing_cycle_order_id": "ord_2tXx8KUxw6311kEc2",
        "customer_id": "cus_2tXx8KUxw6311kEbs",
        "customer_custom_reference": "dotnet_123456",
        "card_id": "src_2tXx8KUxw6311kEbv"
    },
    "id": "cus_2tXx8KUxw6311kEbs",
    "object": "customer",
    "created_at": 1678988244,
    "corporate": true,
    "custom_reference": "dotnet_123456",
    "default_payment_source_id": "src_2tXx8KUxw6311kEbv",
    "payment_sources": {
        "object": "list",
        "has_more": false,
        "total": 1,
        "data": [
            {
                "id": "src_2tXx8KUxw6311kEbv",
                "object": "payment_source",
                "type": "card",
                "created_at": 1678988244,
                "last4": "4607",
                "bin": "547504",
                "card_type": "credit",
                "exp_month": "06",
                "exp_year": "24",
                "brand": "mastercard",
                "name": "erererere ererere ",
                "parent_id": "cus_2tXx8KUxw6311kEbs",
                "default": true,
                "payment_source_status": "active",
                "visible_on_checkout": false
            }
        ]
    },
    "fiscal_entities": {
        "object": "list",
        "has_more": false,
        "total": 1,
        "data": [
            {
                "tax_id": "tax_23432",
                "address": {
                    "street1": "av siempre viva",
                    "street2": "condensa",
                    "external_number": "avas3",
                    "city": "cdmx mexico",
                    "state": "cdmx mexico",
                    "object": "fiscal_entity_address",
                    "postal_code": "11011"
                },
                "id": "fis_ent_2tXx8KUxw6311kEbq",
                "object": "fiscal_entity",
                "created_at": 1678988244,
                "parent_id": "cus_2tXx8KUxw6311kEbs",
                "default": true
            }
        ]
    },
    "shipping_contacts": {
        "object": "list",
        "has_more": false,
        "total": 1,
        "data": [
            {
                "phone": "+54874122144",
                "address": {
                    "street1": "avenida siempre viva",
                    "residential": false,
                    "object": "shipping_address",
                    "postal_code": "11011"
                },
                "id": "ship_cont_2tXx8KUxw6311kEbr",
                "object": "shipping_contact",
                "created_at": 1678988244,
                "parent_id": "cus_2tXx8KUxw6311kEbs",
                "default": true
            }
        ]
    }
}"#;

/// The media type Conekta answers with (the mocks say v2.3.0 even when asked for v2.2.0).
pub const CONEKTA_JSON: &str = "application/vnd.conekta-v2.3.0+json";

/// A retry policy with millisecond delays, so retry tests stay fast.
pub fn fast_retries(max_retries: u32) -> RetryPolicy {
    RetryPolicy {
        max_retries,
        initial_delay: Duration::from_millis(2),
        max_delay: Duration::from_millis(10),
        max_retry_after: Duration::from_secs(5),
    }
}

/// A client for `base_url` that never retries.
pub fn client(base_url: &str) -> Client {
    client_with(base_url, RetryPolicy::none())
}

/// A client for `base_url` with `policy`.
pub fn client_with(base_url: &str, policy: RetryPolicy) -> Client {
    Client::builder(KEY)
        .base_url(base_url)
        .retry_policy(policy)
        .attempt_timeout(Some(Duration::from_secs(10)))
        .build()
        .expect("valid client settings")
}

/// A small customer as it appears in a list (required fields plus a few optional ones).
pub fn customer(id: &str, name: &str) -> Value {
    json!({
        "id": id,
        "object": "customer",
        "livemode": false,
        "created_at": 1678988244,
        "name": name,
        "email": format!("{}@example.mx", name.to_lowercase().replace(' ', ".")),
        "phone": "+5215555555555",
        "corporate": false,
        "custom_reference": null,
        "metadata": {},
        "default_payment_source_id": null,
    })
}

/// A `customers_response` list page.
pub fn customers_page(items: &[Value], has_more: bool, next_page_url: Option<&str>) -> Value {
    json!({
        "object": "list",
        "has_more": has_more,
        "next_page_url": next_page_url,
        "previous_page_url": null,
        "data": items,
    })
}

/// A Conekta error body: `{type, log_id, object, details: [{code, message, param, debug_message}]}`.
pub fn error_body(kind: &str, log_id: &str, code: &str, message: &str, param: &str) -> Value {
    json!({
        "object": "error",
        "type": kind,
        "log_id": log_id,
        "details": [{
            "code": code,
            "message": message,
            "param": param,
            "debug_message": format!("debug: {message}"),
        }],
    })
}

/// A local port where nothing listens (bound, then released).
pub fn dead_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral port");
    let port = listener.local_addr().expect("local address").port();
    drop(listener);
    port
}

/// A raw TCP server that accepts connections, reads each request's head and
/// then closes the connection without answering: a reset after sending.
/// Returns its address and a counter of accepted connections.
pub fn hang_up_server() -> (SocketAddr, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::Read;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let listener = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral port");
    let addr = listener.local_addr().expect("local address");
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&accepted);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            counter.fetch_add(1, Ordering::SeqCst);
            let mut head = Vec::new();
            let mut buf = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            // Dropping the stream closes the connection with no response.
        }
    });
    (addr, accepted)
}
