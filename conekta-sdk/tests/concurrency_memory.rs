//! 1,000 concurrent requests through one client against a local server all
//! succeed, and the memory they take stays bounded. Alone in its test binary so
//! that the process's peak memory belongs to this test only.

mod support;

use futures_util::future::join_all;
use support::{CUSTOMER_CARD_JSON, client};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Requests in flight at once.
const CONCURRENT: usize = 1_000;

/// The most the process's peak resident memory may grow while they run.
///
/// Each request holds its ~3 KB body twice at most (the read buffer and the
/// decoded customer), a connection with hyper's buffers (tens of KB at most)
/// and a task on each side of the loopback: well under 64 KB per request, so
/// 1,000 of them fit in 64 MiB with room for the allocator's slack. A client
/// that kept every body, buffered without limit or leaked per request would
/// not.
const MAX_PEAK_GROWTH_KIB: u64 = 64 * 1024;

/// A keep-alive HTTP/1.1 server on 127.0.0.1 that answers every request with
/// the same customer.
async fn customer_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(serve(stream));
        }
    });
    format!("http://{addr}")
}

async fn serve(mut stream: TcpStream) {
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{}",
        CUSTOMER_CARD_JSON.len(),
        CUSTOMER_CARD_JSON
    );
    let mut pending = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        // GET requests have no body: each head ends a request.
        while let Some(end) = pending.windows(4).position(|w| w == b"\r\n\r\n") {
            pending.drain(..end + 4);
            if stream.write_all(response.as_bytes()).await.is_err() {
                return;
            }
        }
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => pending.extend_from_slice(&buf[..n]),
        }
    }
}

/// A `kB` field of `/proc/self/status` (`VmRSS`, `VmHWM`).
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_requests_succeed_with_bounded_memory() {
    let base = customer_server().await;
    let client = client(&base);
    // Warm up: the runtime, the pool and the allocator's arenas exist before measuring.
    for _ in 0..20 {
        client
            .customers()
            .get_customer_by_id("cus_2tXx8KUxw6311kEbs")
            .send()
            .await
            .unwrap();
    }
    // Resets the peak (`VmHWM`) to the current RSS (Linux 4.0+; without it the
    // peak can only be higher, which errs on the side of failing).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = status_kib("VmRSS");

    let calls = (0..CONCURRENT).map(|i| {
        let client = client.clone();
        tokio::spawn(async move {
            client
                .customers()
                .get_customer_by_id(format!("cus_{i}"))
                .send()
                .await
        })
    });
    let results = join_all(calls).await;
    let peak = status_kib("VmHWM");
    let after = status_kib("VmRSS");

    let failures: Vec<String> = results
        .into_iter()
        .filter_map(|joined| match joined {
            Ok(Ok(customer)) if customer.id == "cus_2tXx8KUxw6311kEbs" => None,
            Ok(Ok(customer)) => Some(format!("wrong customer {}", customer.id)),
            Ok(Err(err)) => Some(err.to_string()),
            Err(panic) => Some(panic.to_string()),
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {CONCURRENT} failed, e.g. {}",
        failures.len(),
        failures[0]
    );
    let growth = peak.saturating_sub(before);
    eprintln!(
        "{CONCURRENT} concurrent requests: RSS {before} KiB before, peak {peak} KiB \
         (+{growth} KiB), {after} KiB after"
    );
    assert!(
        growth <= MAX_PEAK_GROWTH_KIB,
        "peak RSS grew by {growth} KiB (limit {MAX_PEAK_GROWTH_KIB} KiB)"
    );
}
