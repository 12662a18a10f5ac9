//! Requests per second of `GET /customers/{id}` through the SDK against the same
//! request made with bare `reqwest`, both against a fast local axum server that
//! answers a fixed ~3 KB customer body.
//!
//! Run with `cargo bench -p conekta-sdk --bench throughput`. Without `--bench`
//! (e.g. `cargo test --all-targets`) it only runs a short smoke check.
//! `BENCH_REQUESTS` and `BENCH_ROUNDS` change the sizes.
//!
//! What each loop does, per request, sequentially on one keep-alive connection:
//! - `sdk`: `client.customers().get_customer_by_id(id).send().await`, with the
//!   client's defaults (retry policy, 60 s attempt timeout), decoding into
//!   `models::CustomerResponse`;
//! - `sdk, no attempt timeout`: the same with `attempt_timeout(None)`;
//! - `bare reqwest`: `http.get(url)` with the same `Authorization`, `Accept` and
//!   `User-Agent` headers, `.send()`, `.bytes()`, then
//!   `serde_json::from_slice::<serde_json::Value>`;
//! - `bare reqwest, typed`: the same, decoding into `models::CustomerResponse`
//!   with plain `serde_json` instead.

#[path = "../tests/support/mod.rs"]
mod support;

use conekta_sdk::{Client, MEDIA_TYPE, models};
use reqwest::header::{ACCEPT, AUTHORIZATION, USER_AGENT};
use std::future::Future;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use support::{CONEKTA_JSON, CUSTOMER_CARD_JSON, KEY};

const CUSTOMER_ID: &str = "cus_2tXx8KUxw6311kEbs";

/// Starts the server on its own thread and runtime, so that it does not share
/// a scheduler with the client being measured.
fn start_server() -> SocketAddr {
    use axum::Router;
    use axum::http::header::CONTENT_TYPE;
    use axum::routing::get;

    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("non-blocking");
    let addr = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("server runtime");
        runtime.block_on(async move {
            let app = Router::new().route(
                "/customers/{id}",
                get(|| async { ([(CONTENT_TYPE, CONEKTA_JSON)], CUSTOMER_CARD_JSON) }),
            );
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            axum::serve(listener, app).await.expect("serve");
        });
    });
    addr
}

/// Requests per second of `requests` sequential calls of `call`.
async fn rate<F, Fut>(requests: usize, mut call: F) -> f64
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    let started = Instant::now();
    for _ in 0..requests {
        call().await;
    }
    requests as f64 / started.elapsed().as_secs_f64()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Microseconds per decode of the customer body, three ways.
fn decode_costs(iterations: usize) -> [(&'static str, f64); 3] {
    let body = CUSTOMER_CARD_JSON.as_bytes();
    let time = |decode: &dyn Fn()| {
        let started = Instant::now();
        for _ in 0..iterations {
            decode();
        }
        started.elapsed().as_secs_f64() * 1e6 / iterations as f64
    };
    [
        (
            "serde_json::Value",
            time(&|| {
                std::hint::black_box(serde_json::from_slice::<serde_json::Value>(body).unwrap());
            }),
        ),
        (
            "CustomerResponse (serde_json)",
            time(&|| {
                std::hint::black_box(
                    serde_json::from_slice::<models::CustomerResponse>(body).unwrap(),
                );
            }),
        ),
        (
            "CustomerResponse (serde_path_to_error, as the SDK)",
            time(&|| {
                let mut de = serde_json::Deserializer::from_slice(body);
                let value: models::CustomerResponse =
                    serde_path_to_error::deserialize(&mut de).unwrap();
                std::hint::black_box(value);
            }),
        ),
    ]
}

fn main() {
    let full = std::env::args().any(|arg| arg == "--bench");
    let requests = env_usize("BENCH_REQUESTS", if full { 5_000 } else { 50 });
    let rounds = env_usize("BENCH_ROUNDS", if full { 6 } else { 1 });
    let warmup = if full { 2_000 } else { 20 };

    let addr = start_server();
    let base = format!("http://{addr}");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");

    let sdk = Client::builder(KEY)
        .base_url(&base)
        .build()
        .expect("client");
    let sdk_no_timeout = Client::builder(KEY)
        .base_url(&base)
        .attempt_timeout(None)
        .build()
        .expect("client");
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest client");
    let user_agent = format!("conekta-sdk-rust/{} bench", env!("CARGO_PKG_VERSION"));
    let authorization = format!("Bearer {KEY}");

    let sdk_call = |client: &Client| {
        let client = client.clone();
        move || {
            let client = client.clone();
            async move {
                let customer = client
                    .customers()
                    .get_customer_by_id(CUSTOMER_ID)
                    .send()
                    .await
                    .expect("SDK request");
                assert_eq!(customer.id, CUSTOMER_ID);
            }
        }
    };
    let bare_request = || {
        http.get(format!("{base}/customers/{CUSTOMER_ID}"))
            .header(AUTHORIZATION, authorization.as_str())
            .header(ACCEPT, MEDIA_TYPE)
            .header(USER_AGENT, user_agent.as_str())
            .send()
    };
    let bare_value = || async {
        let response = bare_request().await.expect("bare request");
        assert!(response.status().is_success());
        let bytes = response.bytes().await.expect("bare body");
        let value: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        assert_eq!(value["id"], CUSTOMER_ID);
    };
    let bare_typed = || async {
        let response = bare_request().await.expect("bare request");
        assert!(response.status().is_success());
        let bytes = response.bytes().await.expect("bare body");
        let customer: models::CustomerResponse = serde_json::from_slice(&bytes).expect("JSON");
        assert_eq!(customer.id, CUSTOMER_ID);
    };

    println!(
        "throughput: GET /customers/{{id}} ({} byte body) against axum on {addr}; \
         {rounds} round(s) of {requests} sequential requests per loop after {warmup} warm-up requests",
        CUSTOMER_CARD_JSON.len()
    );
    println!(
        "  sdk                     client.customers().get_customer_by_id(id).send().await (default client: retries, 60 s attempt timeout), typed CustomerResponse"
    );
    println!("  sdk, no attempt timeout the same with .attempt_timeout(None)");
    println!(
        "  bare reqwest            reqwest::Client::get(url) + Authorization, Accept, User-Agent headers; .send(); .bytes(); serde_json::from_slice::<serde_json::Value>"
    );
    println!(
        "  bare reqwest, typed     the same, but serde_json::from_slice::<models::CustomerResponse>"
    );

    let names = [
        "sdk",
        "sdk, no attempt timeout",
        "bare reqwest",
        "bare reqwest, typed",
    ];
    let mut rates: [Vec<f64>; 4] = Default::default();
    runtime.block_on(async {
        let sdk_default = sdk_call(&sdk);
        let sdk_untimed = sdk_call(&sdk_no_timeout);
        rate(warmup, &sdk_default).await;
        rate(warmup, &sdk_untimed).await;
        rate(warmup, bare_value).await;
        rate(warmup, bare_typed).await;
        for round in 0..rounds {
            // Alternate the order so that drift (other load, thermal) hits each loop alike.
            let mut order = [0, 1, 2, 3];
            if round % 2 == 1 {
                order.reverse();
            }
            for which in order {
                let r = match which {
                    0 => rate(requests, &sdk_default).await,
                    1 => rate(requests, &sdk_untimed).await,
                    2 => rate(requests, bare_value).await,
                    _ => rate(requests, bare_typed).await,
                };
                rates[which].push(r);
            }
            println!(
                "  round {}: {}",
                round + 1,
                names
                    .iter()
                    .zip(&rates)
                    .map(|(name, r)| format!("{name} {:.0}/s", r.last().unwrap()))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    });

    let medians: Vec<f64> = rates.iter_mut().map(|r| median(r)).collect();
    println!("median requests/s:");
    for (name, m) in names.iter().zip(&medians) {
        println!("  {name:<24} {m:>9.0}/s  ({:.1} µs/request)", 1e6 / m);
    }
    let ratio = medians[0] / medians[2];
    println!(
        "ratio sdk / bare reqwest (Value): {ratio:.3} (goal >= 0.9: {})",
        if ratio >= 0.9 { "met" } else { "NOT met" }
    );
    println!(
        "ratio sdk, no attempt timeout / bare reqwest (Value): {:.3}",
        medians[1] / medians[2]
    );
    println!(
        "ratio sdk / bare reqwest, typed: {:.3}",
        medians[0] / medians[3]
    );

    println!("decode only, µs per body:");
    for (name, micros) in decode_costs(if full { 20_000 } else { 100 }) {
        println!("  {name:<52} {micros:>7.2}");
    }
}
