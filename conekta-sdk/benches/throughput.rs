//! Client cost of `GET /customers/{id}` through the SDK against the same
//! request made with bare `reqwest`, both against a fast local axum server that
//! answers a fixed ~3 KB customer body: requests per second (wall clock) and
//! CPU time (user + system) of the client per request.
//!
//! Run with `cargo bench -p conekta-sdk --bench throughput`. Without `--bench`
//! (e.g. `cargo test --all-targets`) it only runs a short smoke check.
//! `BENCH_REQUESTS` (default 5,000) and `BENCH_ROUNDS` (default 6) change the sizes.
//!
//! The server runs on its own thread and runtime. All client loops run one after
//! the other on one dedicated thread with a current-thread tokio runtime, so the
//! connection tasks, the I/O driver and the timers of the client all run on that
//! thread, and its CPU time (`getrusage(RUSAGE_THREAD)`, Linux only) is the
//! client's and nothing else's. The rounds alternate the order of the loops.
//!
//! What each loop does, per request, sequentially on one keep-alive connection:
//! - `sdk`: `client.customers().get_customer_by_id(id).send().await`, with the
//!   client's defaults (retry policy, 60 s attempt timeout), decoding into
//!   `models::CustomerResponse`;
//! - `sdk, no attempt timeout`: the same with `attempt_timeout(None)`;
//! - `bare reqwest`: `http.get(url)` with the headers the SDK sent (the server
//!   keeps those of the first request, which is the SDK's), `.send()`,
//!   `.bytes()`, then `serde_json::from_slice::<serde_json::Value>`;
//! - `bare reqwest, typed`: the same, decoding into `models::CustomerResponse`
//!   with plain `serde_json` instead.
//!
//! The last line, `result cpu sdk_us=… bare_us=… ratio=…`, is the one
//! `cargo xtask bench` reads: CPU µs per request of `sdk` and `bare reqwest`.

#[path = "../tests/support/mod.rs"]
mod support;

use conekta_sdk::{Client, models};
use reqwest::header::{HOST, HeaderMap};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use support::{CONEKTA_JSON, CUSTOMER_CARD_JSON, KEY};

const CUSTOMER_ID: &str = "cus_2tXx8KUxw6311kEbs";

/// The loops, in the order of their results.
const NAMES: [&str; 4] = [
    "sdk",
    "sdk, no attempt timeout",
    "bare reqwest",
    "bare reqwest, typed",
];

/// The headers of the first request the server received.
static FIRST_REQUEST_HEADERS: OnceLock<HeaderMap> = OnceLock::new();

/// Starts the server on its own thread and runtime, so that it does not share
/// a scheduler (or a CPU clock) with the client being measured.
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
                get(|headers: HeaderMap| async move {
                    // Only the first request's headers are kept; later ones are dropped.
                    let _ = FIRST_REQUEST_HEADERS.set(headers);
                    ([(CONTENT_TYPE, CONEKTA_JSON)], CUSTOMER_CARD_JSON)
                }),
            );
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            axum::serve(listener, app).await.expect("serve");
        });
    });
    addr
}

/// CPU time (user + system) the calling thread has used so far.
#[cfg(target_os = "linux")]
fn thread_cpu() -> Option<Duration> {
    use nix::sys::resource::{UsageWho, getrusage};
    use nix::sys::time::TimeVal;
    let usage = getrusage(UsageWho::RUSAGE_THREAD).ok()?;
    let duration = |t: TimeVal| -> Option<Duration> {
        let micros = u64::try_from(t.tv_usec()).ok()?;
        Some(Duration::from_secs(u64::try_from(t.tv_sec()).ok()?) + Duration::from_micros(micros))
    };
    Some(duration(usage.user_time())? + duration(usage.system_time())?)
}

/// CPU time of the calling thread: not measured outside Linux.
#[cfg(not(target_os = "linux"))]
fn thread_cpu() -> Option<Duration> {
    None
}

/// One loop of `requests` sequential calls.
#[derive(Debug, Clone, Copy)]
struct Sample {
    /// Requests per second, by the wall clock.
    rate: f64,
    /// CPU µs of the client thread per request, where it can be read.
    cpu_micros: Option<f64>,
}

/// Runs `requests` sequential calls of `call` on the current thread and measures them.
async fn measure<F, Fut>(requests: usize, mut call: F) -> Sample
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    let cpu_before = thread_cpu();
    let started = Instant::now();
    for _ in 0..requests {
        call().await;
    }
    let wall = started.elapsed();
    let cpu = thread_cpu()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before));
    Sample {
        rate: requests as f64 / wall.as_secs_f64(),
        cpu_micros: cpu.map(|cpu| cpu.as_secs_f64() * 1e6 / requests as f64),
    }
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

/// The median of the CPU figures, or `None` when any is missing.
fn median_cpu(samples: &[Sample]) -> Option<f64> {
    let mut cpu: Vec<f64> = samples
        .iter()
        .map(|s| s.cpu_micros)
        .collect::<Option<_>>()?;
    Some(median(&mut cpu))
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// Runs every loop, `rounds` times after a warm-up, on the calling thread;
/// returns the samples of each loop, in the order of [`NAMES`].
fn run_client(base: &str, requests: usize, rounds: usize, warmup: usize) -> [Vec<Sample>; 4] {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    let sdk = Client::builder(KEY).base_url(base).build().expect("client");
    let sdk_no_timeout = Client::builder(KEY)
        .base_url(base)
        .attempt_timeout(None)
        .build()
        .expect("client");
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("reqwest client");
    let url = format!("{base}/customers/{CUSTOMER_ID}");

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
    let sdk_default = sdk_call(&sdk);
    let sdk_untimed = sdk_call(&sdk_no_timeout);

    let mut samples: [Vec<Sample>; 4] = Default::default();
    runtime.block_on(async {
        // The first request is the SDK's: the server keeps its headers for the bare loops.
        sdk_default().await;
        let mut headers = FIRST_REQUEST_HEADERS
            .get()
            .expect("the server saw the first request")
            .clone();
        headers.remove(HOST);
        let bare_request = || http.get(&url).headers(headers.clone()).send();
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

        measure(warmup, &sdk_default).await;
        measure(warmup, &sdk_untimed).await;
        measure(warmup, bare_value).await;
        measure(warmup, bare_typed).await;
        for round in 0..rounds {
            // Alternate the order so that drift (other load, thermal) hits each loop alike.
            let mut order = [0, 1, 2, 3];
            if round % 2 == 1 {
                order.reverse();
            }
            for which in order {
                let sample = match which {
                    0 => measure(requests, &sdk_default).await,
                    1 => measure(requests, &sdk_untimed).await,
                    2 => measure(requests, bare_value).await,
                    _ => measure(requests, bare_typed).await,
                };
                samples[which].push(sample);
            }
            let line: Vec<String> = NAMES
                .iter()
                .zip(&samples)
                .filter_map(|(name, s)| s.last().map(|s| (name, s)))
                .map(|(name, s)| match s.cpu_micros {
                    Some(cpu) => format!("{name} {:.0}/s {cpu:.1} µs CPU", s.rate),
                    None => format!("{name} {:.0}/s", s.rate),
                })
                .collect();
            println!("  round {}: {}", round + 1, line.join(", "));
        }
    });
    samples
}

/// Microseconds per decode of the customer body, untyped and typed (as the SDK decodes it).
fn decode_costs(iterations: usize) -> [(&'static str, f64); 2] {
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
    ]
}

fn main() {
    let full = std::env::args().any(|arg| arg == "--bench");
    let requests = env_usize("BENCH_REQUESTS", if full { 5_000 } else { 50 });
    let rounds = env_usize("BENCH_ROUNDS", if full { 6 } else { 1 });
    let warmup = if full { 2_000 } else { 20 };

    let addr = start_server();
    let base = format!("http://{addr}");

    println!(
        "throughput: GET /customers/{{id}} ({} byte body) against axum on {addr}; \
         {rounds} round(s) of {requests} sequential requests per loop after {warmup} warm-up requests, \
         all loops on one client thread (current-thread runtime)",
        CUSTOMER_CARD_JSON.len()
    );
    println!(
        "  sdk                     client.customers().get_customer_by_id(id).send().await (default client: retries, 60 s attempt timeout), typed CustomerResponse"
    );
    println!("  sdk, no attempt timeout the same with .attempt_timeout(None)");
    println!(
        "  bare reqwest            reqwest::Client::get(url) + the headers the SDK sent; .send(); .bytes(); serde_json::from_slice::<serde_json::Value>"
    );
    println!(
        "  bare reqwest, typed     the same, but serde_json::from_slice::<models::CustomerResponse>"
    );

    let samples = std::thread::Builder::new()
        .name("bench-client".into())
        .spawn(move || run_client(&base, requests, rounds, warmup))
        .expect("client thread")
        .join()
        .unwrap_or_else(|_| panic!("the client thread failed (see above)"));

    let rates: Vec<f64> = samples
        .iter()
        .map(|s| median(&mut s.iter().map(|s| s.rate).collect::<Vec<_>>()))
        .collect();
    let cpu: Vec<Option<f64>> = samples.iter().map(|s| median_cpu(s)).collect();
    println!("medians:");
    for ((name, rate), cpu) in NAMES.iter().zip(&rates).zip(&cpu) {
        let cpu = cpu.map_or_else(
            || "CPU not measured (needs Linux)".to_owned(),
            |c| format!("{c:>6.1} µs CPU/request"),
        );
        println!(
            "  {name:<24} {rate:>9.0}/s  ({:>6.1} µs wall/request, {cpu})",
            1e6 / rate
        );
    }
    let ratio = rates[0] / rates[2];
    println!(
        "ratio sdk / bare reqwest (Value), requests/s: {ratio:.3} (goal >= 0.9: {})",
        if ratio >= 0.9 { "met" } else { "NOT met" }
    );
    println!(
        "ratio sdk, no attempt timeout / bare reqwest (Value), requests/s: {:.3}",
        rates[1] / rates[2]
    );
    println!(
        "ratio sdk / bare reqwest, typed, requests/s: {:.3}",
        rates[0] / rates[3]
    );

    println!("decode only, µs per body:");
    for (name, micros) in decode_costs(if full { 20_000 } else { 100 }) {
        println!("  {name:<52} {micros:>7.2}");
    }

    if let (Some(sdk), Some(bare)) = (cpu[0], cpu[2]) {
        println!(
            "ratio sdk / bare reqwest (Value), CPU per request: {:.3}",
            sdk / bare
        );
        println!(
            "result cpu sdk_us={sdk:.2} bare_us={bare:.2} ratio={:.3}",
            sdk / bare
        );
    }
}
