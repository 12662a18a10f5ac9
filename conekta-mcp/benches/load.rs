//! The load bench of the HTTP transport (`cargo xtask bench mcp`; not a test).
//!
//! It starts a local upstream (a Conekta stand-in answering `GET /customers/{id}` with
//! a 3 KB customer) and `conekta-mcp --transport http --tokens …` (release build), then
//! drives it from this process with JSON-RPC over streamable HTTP: one reqwest client
//! per run, connections kept alive, `TCP_NODELAY` on (reqwest's default).
//!
//! Printed, each also as a `result mcp-… key=value` line for `cargo xtask bench`:
//! - `floor`: the same client calling the upstream directly, at concurrency 1 and 32;
//! - `calls`: `tools/call get_customer_by_id`, at concurrency 1 and 32, on protocol
//!   2026-07-28 (stateless) and 2025-11-25 (in a session): calls/s, p50, p99, and the
//!   server's CPU per call (user + system time of its process, from `/proc`);
//! - `sessions`: `initialize` + `notifications/initialized` with a token, at
//!   concurrency 32: sessions/s, the server's CPU and RSS growth per session (caps
//!   raised so that every session stays open), then the same flood under the default
//!   caps and without a token (memory stays bounded);
//! - `idle`: the server's RSS after start and one call.
//!
//! `BENCH_CALLS` (default 4,000) and `BENCH_SESSIONS` (default 2,000) set the sizes;
//! `BENCH_ONLY=calls` runs the call rows only (for profiling), `BENCH_ONLY=peers` the
//! peers only; `BENCH_SERVER_THREADS`
//! sets the server's worker threads (`TOKIO_WORKER_THREADS`).
//! `BENCH_BASELINE_BIN`, the path of another build of `conekta-mcp`, adds its rows to
//! the same run, for before/after ratios (with `--tokens` when its `--help` lists it;
//! else its clients send the key as their bearer).
//! Linux only (`/proc`). With `BENCH_PEERS_DIR` (where `cargo xtask bench mcp`
//! installs fastmcp, @ivotoby/openapi-mcp-server and awslabs openapi-mcp-server) and
//! `BENCH_SPEC` (Conekta's spec), those generic OpenAPI MCP servers run on the same
//! upstream with the same client (`BENCH_PEER_CALLS`, `BENCH_PEER_SESSIONS`, default
//! 1,000 each), on protocol 2025-11-25.

use serde_json::{Value, json};
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::AsyncBufReadExt;

const BIN: &str = env!("CARGO_BIN_EXE_conekta-mcp");
const TOKEN: &str = "bench-token-0123456789abcdef";
const KEY: &str = "key_BenchServerKey000000000";

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A customer of about 3 KB, as the upstream answers it.
fn customer(id: &str) -> String {
    let metadata: serde_json::Map<String, Value> = (0..40)
        .map(|i| {
            (
                format!("attribute_{i:02}"),
                json!(format!("value number {i:02} of the customer record")),
            )
        })
        .collect();
    json!({
        "id": id, "object": "customer", "created_at": 1_700_000_000, "livemode": false,
        "name": "Ana María Pérez", "email": "ana.maria@example.com", "phone": "+5215555555555",
        "corporate": false, "custom_reference": "crm-12345", "metadata": metadata
    })
    .to_string()
}

/// The Conekta stand-in, on this process's runtime.
async fn upstream() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = axum::Router::new().route(
        "/customers/{id}",
        axum::routing::get(
            |axum::extract::Path(id): axum::extract::Path<String>| async move {
                ([("content-type", "application/json")], customer(&id))
            },
        ),
    );
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|s| {
        let _ = s.set_nodelay(true);
    });
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

/// A server under test.
struct Served {
    child: Option<tokio::process::Child>,
    pid: u32,
    url: String,
    /// The bearer its clients send.
    bearer: &'static str,
    /// Its `get_customer_by_id` tool.
    tool: Arc<str>,
    /// Whether it answers on each session's GET stream (and a POST with 202).
    stream: bool,
}

/// Which build runs.
#[derive(Clone)]
struct Build {
    bin: String,
    /// Whether it has `--tokens` (else clients send the key).
    tokens: bool,
}

impl Served {
    async fn start(build: &Build, upstream: &str, extra: &[&str], dir: &std::path::Path) -> Self {
        let hash: String = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, TOKEN.as_bytes())
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let tokens = dir.join("tokens.toml");
        std::fs::write(
            &tokens,
            format!("[[token]]\nid = \"bench\"\nsha256 = \"{hash}\"\nconekta_key_env = \"BENCH_KEY\"\nread_only = true\n"),
        )
        .unwrap();
        let mut command = tokio::process::Command::new(&build.bin);
        command
            .args([
                "--transport",
                "http",
                "--listen",
                "127.0.0.1:0",
                "--all-tools",
            ])
            .args(["--base-url", upstream])
            .args(extra)
            .env_remove("CONEKTA_API_KEY");
        if build.tokens {
            command.args(["--tokens", tokens.to_str().unwrap()]);
        }
        if let Ok(threads) = std::env::var("BENCH_SERVER_THREADS") {
            command.env("TOKIO_WORKER_THREADS", threads);
        }
        let mut child = command
            .env("BENCH_KEY", KEY)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("conekta-mcp starts");
        let mut lines = tokio::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let url = loop {
            let line = lines.next_line().await.unwrap().expect("the server exited");
            if let Some(url) = line.split("listening on ").nth(1) {
                break url.trim().to_owned();
            }
        };
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        let pid = child.id().unwrap();
        Self {
            child: Some(child),
            pid,
            url,
            bearer: if build.tokens { TOKEN } else { KEY },
            tool: "get_customer_by_id".into(),
            stream: false,
        }
    }

    /// A generic OpenAPI MCP server, started by `command` on `port` (free), ready
    /// when it answers `initialize`; its tool is found by `tools/list`.
    async fn peer(
        mut command: tokio::process::Command,
        port: u16,
        stream: bool,
    ) -> Result<Self, String> {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| e.to_string())?;
        let pid = child.id().unwrap_or(0);
        let url = format!("http://127.0.0.1:{port}/mcp");
        let mut client = Client {
            http: http_client(),
            url: url.clone(),
            token: Some(KEY),
            session: None,
            protocol: Protocol::Session,
            tool: "".into(),
            stream: None,
        };
        let started = Instant::now();
        while client.initialize().await.is_err() {
            if started.elapsed() > Duration::from_secs(120) {
                let _ = child.kill().await;
                return Err("it did not answer initialize within 120 s".into());
            }
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!("it exited ({status})"));
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let (_, _, text) = client
            .post(&json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}))
            .await?;
        let json_text = text
            .lines()
            .find_map(|l| l.strip_prefix("data:"))
            .map_or(text.as_str(), str::trim);
        let listed: Value =
            serde_json::from_str(json_text).map_err(|e| format!("tools/list: {e}"))?;
        let key = |name: &str| -> String {
            name.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        };
        let tool = listed["result"]["tools"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["name"].as_str())
            .find(|n| key(n) == "getcustomerbyid" || key(n).ends_with("getcustomerbyid"))
            .ok_or("no get_customer_by_id tool in its tools/list")?
            .to_owned();
        Ok(Self {
            child: Some(child),
            pid,
            url,
            bearer: KEY,
            tool: tool.into(),
            stream,
        })
    }

    /// User + system CPU time of the process.
    fn cpu(&self) -> Duration {
        cpu_of(self.pid)
    }

    /// Resident memory, in KiB.
    fn rss_kib(&self) -> u64 {
        rss_kib(self.pid)
    }

    async fn stop(mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill().await;
        }
    }
}

fn cpu_of(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|f| f.parse().ok()).unwrap_or(0)
        + fields.get(12).and_then(|f| f.parse().ok()).unwrap_or(0);
    // Linux's USER_HZ is 100 on every architecture it runs on.
    Duration::from_millis(ticks * 10)
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// How a client speaks to the endpoint.
#[derive(Clone, Copy, PartialEq)]
enum Protocol {
    /// 2026-07-28: every request carries its metadata; no session.
    Stateless,
    /// 2025-11-25: `initialize` opens a session.
    Session,
}

#[derive(Clone)]
struct Client {
    http: reqwest::Client,
    url: String,
    token: Option<&'static str>,
    session: Option<String>,
    protocol: Protocol,
    /// The name of the server's `get_customer_by_id` tool.
    tool: Arc<str>,
    /// For a server that answers a POST with 202 and sends the answer on the
    /// session's GET stream: the calls waiting for their answer, by id.
    stream: Option<Arc<Waiting>>,
}

/// Answers expected on a session's GET stream, by request id.
type Waiting =
    std::sync::Mutex<std::collections::HashMap<u64, tokio::sync::oneshot::Sender<String>>>;

/// Ids unique across the run (a server that routes answers by id alone would mix
/// up clients that number their requests alike).
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(10);

impl Client {
    async fn post(&self, body: &Value) -> Result<(u16, Option<String>, String), String> {
        let mut request = self
            .http
            .post(&self.url)
            .header("content-type", "application/json")
            .header("accept", "application/json, text/event-stream");
        if let Some(token) = self.token {
            request = request.bearer_auth(token);
        }
        if let Some(session) = &self.session {
            request = request.header("mcp-session-id", session);
        }
        let method = body["method"].as_str().unwrap_or_default();
        if method != "initialize" {
            let version = match self.protocol {
                Protocol::Stateless => "2026-07-28",
                Protocol::Session => "2025-11-25",
            };
            request = request.header("mcp-protocol-version", version);
            if self.protocol == Protocol::Stateless {
                request = request.header("mcp-method", method);
                if let Some(name) = body["params"]["name"].as_str() {
                    request = request.header("mcp-name", name);
                }
            }
        }
        let response = request
            .body(body.to_string())
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let session = response
            .headers()
            .get("mcp-session-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let text = response.text().await.map_err(|e| e.to_string())?;
        Ok((status, session, text))
    }

    async fn initialize(&mut self) -> Result<(), String> {
        let (status, session, text) = self
            .post(
                &json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
                "protocolVersion": "2025-11-25", "capabilities": {},
                "clientInfo": {"name": "bench", "version": "1"}}}),
            )
            .await?;
        if status != 200 {
            return Err(format!("initialize: {status} {text}"));
        }
        self.session = session;
        let (status, _, _) = self
            .post(&json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
            .await?;
        if status != 202 {
            return Err(format!("notifications/initialized: {status}"));
        }
        if self.stream.is_some() {
            self.open_stream().await?;
        }
        Ok(())
    }

    /// Opens the session's GET stream and routes the answers on it to their calls.
    async fn open_stream(&mut self) -> Result<(), String> {
        let waiting: Arc<Waiting> = Arc::default();
        self.stream = Some(waiting.clone());
        let mut request = self
            .http
            .get(&self.url)
            .header("accept", "text/event-stream")
            .header("mcp-protocol-version", "2025-11-25");
        if let Some(session) = &self.session {
            request = request.header("mcp-session-id", session);
        }
        // Its headers come with the first event (the server does not flush them):
        // read the stream in a task, and give the server a moment to register it.
        tokio::spawn(async move {
            let Ok(mut response) = request.send().await else {
                return;
            };
            let mut pending = String::new();
            while let Ok(Some(chunk)) = response.chunk().await {
                pending.push_str(&String::from_utf8_lossy(&chunk));
                while let Some(end) = pending.find('\n') {
                    let line: String = pending.drain(..=end).collect();
                    let Some(data) = line.trim_end().strip_prefix("data:") else {
                        continue;
                    };
                    let Ok(message) = serde_json::from_str::<Value>(data.trim()) else {
                        continue;
                    };
                    let Some(id) = message["id"].as_u64() else {
                        continue;
                    };
                    if let Some(sender) = waiting.lock().unwrap().remove(&id) {
                        let _ = sender.send(data.trim().to_owned());
                    }
                }
            }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        Ok(())
    }

    fn call_body(&self, id: u64, customer: &str) -> Value {
        let mut params = json!({"name": &*self.tool, "arguments": {"id": customer}});
        if self.protocol == Protocol::Stateless {
            params["_meta"] = json!({
                "io.modelcontextprotocol/protocolVersion": "2026-07-28",
                "io.modelcontextprotocol/clientCapabilities": {},
                "io.modelcontextprotocol/clientInfo": {"name": "bench", "version": "1"}
            });
        }
        json!({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": params})
    }

    async fn call(&self, id: u64, customer: &str) -> Result<(), String> {
        if let Some(waiting) = &self.stream {
            let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let (sender, receiver) = tokio::sync::oneshot::channel();
            waiting.lock().unwrap().insert(id, sender);
            let (status, _, text) = self.post(&self.call_body(id, customer)).await?;
            if status != 202 && status != 200 {
                return Err(format!("tools/call: {status} {text}"));
            }
            let answer = tokio::time::timeout(Duration::from_secs(10), receiver)
                .await
                .map_err(|_| "no answer on the stream within 10 s".to_owned())?
                .map_err(|_| "the stream ended".to_owned())?;
            if answer.contains("\"isError\":true") || !answer.contains("\"result\"") {
                return Err(format!("tools/call: {}", &answer[..answer.len().min(300)]));
            }
            return Ok(());
        }
        let (status, _, text) = self.post(&self.call_body(id, customer)).await?;
        if status != 200
            || !text.contains("\"structuredContent\"")
            || text.contains("\"isError\":true")
        {
            return Err(format!(
                "tools/call: {status} {}",
                &text[..text.len().min(300)]
            ));
        }
        Ok(())
    }
}

fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .tcp_nodelay(true)
        .pool_max_idle_per_host(64)
        .build()
        .unwrap()
}

/// Latencies of a run: calls/s, p50, p99.
struct Run {
    per_second: f64,
    p50: Duration,
    p99: Duration,
}

fn summarize(mut latencies: Vec<Duration>, wall: Duration) -> Run {
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize];
    Run {
        per_second: latencies.len() as f64 / wall.as_secs_f64(),
        p50: at(0.50),
        p99: at(0.99),
    }
}

/// `total` calls of `one` spread over `concurrency` tasks.
async fn drive<F, Fut>(concurrency: usize, total: usize, one: F) -> Run
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<(), String>> + Send,
{
    let one = Arc::new(one);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let one = one.clone();
        let count = total / concurrency + usize::from(worker < total % concurrency);
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(count);
            let mut failed = Vec::new();
            for i in 0..count {
                let t = Instant::now();
                match one(worker, i as u64).await {
                    Ok(()) => latencies.push(t.elapsed()),
                    Err(e) => failed.push(e),
                }
            }
            (latencies, failed)
        }));
    }
    let mut latencies = Vec::new();
    let mut failed = Vec::new();
    for task in tasks {
        let (ok, bad) = task.await.unwrap();
        latencies.extend(ok);
        failed.extend(bad);
    }
    if let Some(first) = failed.first() {
        println!("  {} of {total} failed; the first: {first}", failed.len());
    }
    if latencies.is_empty() {
        latencies.push(Duration::ZERO);
    }
    summarize(latencies, started.elapsed())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(kind: &str, label: &str, concurrency: usize, run: &Run, cpu_us: Option<f64>) {
    let cpu = cpu_us.map_or(String::new(), |c| format!(", server CPU {c:.0} µs/call"));
    println!(
        "  {label:<34} c={concurrency:<3} {:>8.0}/s  p50 {:>6.2} ms  p99 {:>6.2} ms{cpu}",
        run.per_second,
        ms(run.p50),
        ms(run.p99)
    );
    let cpu = cpu_us.map_or(String::new(), |c| format!(" cpu_us={c:.1}"));
    println!(
        "result {kind} label={} c={concurrency} per_s={:.1} p50_ms={:.3} p99_ms={:.3}{cpu}",
        label.replace(' ', "_"),
        run.per_second,
        ms(run.p50),
        ms(run.p99)
    );
}

/// Calls through the server under test; returns the run and the server's CPU µs per call.
async fn calls(
    served: &Served,
    protocol: Protocol,
    concurrency: usize,
    total: usize,
) -> (Run, f64) {
    let http = http_client();
    let mut clients = Vec::new();
    for _ in 0..concurrency {
        let mut client = Client {
            http: http.clone(),
            url: served.url.clone(),
            token: Some(served.bearer),
            session: None,
            protocol,
            tool: served.tool.clone(),
            stream: served.stream.then(Arc::default),
        };
        if protocol == Protocol::Session
            && let Err(e) = client.initialize().await
        {
            println!("  initialize failed: {e}");
        }
        clients.push(client);
    }
    // Warm the connections and the upstream pool (ids from 1: a generic server may
    // take id 0 for a notification).
    for client in &clients {
        if let Err(e) = client.call(1_000_000, "cus_warm").await {
            println!("  the first call failed: {e}");
        }
    }
    let clients = Arc::new(clients);
    let before = served.cpu();
    let run = drive(concurrency, total, move |worker, i| {
        let clients = clients.clone();
        async move { clients[worker].call(i + 1, "cus_2tGzG1GxtDAZHEGPH").await }
    })
    .await;
    let cpu = served.cpu().saturating_sub(before);
    (run, cpu.as_secs_f64() * 1e6 / total as f64)
}

async fn floor(upstream: &str, concurrency: usize, total: usize) -> Run {
    let http = http_client();
    let url = format!("{upstream}/customers/cus_2tGzG1GxtDAZHEGPH");
    drive(concurrency, total, move |_, _| {
        let (http, url) = (http.clone(), url.clone());
        async move {
            let response = http.get(&url).send().await.map_err(|e| e.to_string())?;
            response.bytes().await.map_err(|e| e.to_string())?;
            Ok(())
        }
    })
    .await
}

/// `count` sessions opened at concurrency 32; returns sessions/s, CPU µs and RSS
/// KiB per session, and how many were refused with each status.
async fn sessions(
    served: &Served,
    count: usize,
    with_token: bool,
) -> (f64, f64, f64, Vec<(u16, usize)>) {
    let token = with_token.then_some(served.bearer);
    let http = http_client();
    let base = Client {
        http,
        url: served.url.clone(),
        token,
        session: None,
        protocol: Protocol::Session,
        tool: served.tool.clone(),
        stream: None,
    };
    let rss_before = served.rss_kib();
    let cpu_before = served.cpu();
    let refused = Arc::new(std::sync::Mutex::new(std::collections::BTreeMap::<
        u16,
        usize,
    >::new()));
    let counted = refused.clone();
    let run = drive(32, count, move |_, _| {
        let mut client = base.clone();
        let counted = counted.clone();
        async move {
            if let Err(e) = client.initialize().await {
                let status = e
                    .split_whitespace()
                    .nth(1)
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                *counted.lock().unwrap().entry(status).or_default() += 1;
            }
            Ok(())
        }
    })
    .await;
    let cpu = served.cpu().saturating_sub(cpu_before);
    let grown = served.rss_kib().saturating_sub(rss_before);
    let refused = refused
        .lock()
        .unwrap()
        .iter()
        .map(|(s, n)| (*s, *n))
        .collect();
    (
        run.per_second,
        cpu.as_secs_f64() * 1e6 / count as f64,
        grown as f64 / count as f64,
        refused,
    )
}

#[tokio::main]
async fn main() {
    let total = env_number("BENCH_CALLS", 4_000);
    let count = env_number("BENCH_SESSIONS", 2_000);
    let dir = std::env::temp_dir().join(format!("conekta-mcp-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let upstream = upstream().await;
    println!(
        "conekta-mcp load bench: {total} calls per row, {count} sessions; {} CPUs; load average {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    println!("floor (the same client calling the upstream directly):");
    for c in [1, 32] {
        report(
            "mcp-floor",
            "GET /customers/{id}",
            c,
            &floor(&upstream, c, total).await,
            None,
        );
    }

    let current = Build {
        bin: BIN.to_owned(),
        tokens: true,
    };
    let mut builds = vec![("current", current)];
    if let Ok(bin) = std::env::var("BENCH_BASELINE_BIN") {
        let help = std::process::Command::new(&bin)
            .arg("--help")
            .output()
            .expect("the baseline binary runs");
        let tokens = String::from_utf8_lossy(&help.stdout).contains("--tokens");
        builds.push(("baseline", Build { bin, tokens }));
    }
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    let only_calls = only == "calls";
    if only == "peers" {
        builds.clear();
    }
    for (name, build) in &builds {
        run_build(name, build, &upstream, &dir, total, count, only_calls).await;
    }
    if let (Ok(peers), Ok(spec)) = (
        std::env::var("BENCH_PEERS_DIR"),
        std::env::var("BENCH_SPEC"),
    ) {
        // The generic servers are slower: fewer calls and sessions for them.
        let calls = env_number("BENCH_PEER_CALLS", 1_000);
        let sessions = env_number("BENCH_PEER_SESSIONS", 1_000);
        run_peers(
            std::path::Path::new(&peers),
            &spec,
            &upstream,
            calls,
            sessions,
        )
        .await;
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A free port on 127.0.0.1.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_or(0, |a| a.port())
}

/// Starts a peer on a port.
type Launcher<'a> = Box<dyn Fn(u16) -> tokio::process::Command + 'a>;

/// The generic OpenAPI MCP servers installed under `dir` (by `cargo xtask bench mcp`),
/// on the same upstream and client, on protocol 2025-11-25 (sessions).
async fn run_peers(dir: &std::path::Path, spec: &str, upstream: &str, total: usize, count: usize) {
    let scripts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peers");
    let peers: [(&str, Launcher<'_>); 3] = [
        (
            "fastmcp",
            Box::new(|port| {
                let mut c = tokio::process::Command::new(dir.join("fastmcp/bin/python"));
                c.arg(scripts.join("fastmcp_server.py"))
                    .args([spec, upstream, &port.to_string()]);
                c
            }),
        ),
        (
            "ivotoby",
            Box::new(|port| {
                let mut c = tokio::process::Command::new("node");
                c.arg(
                    dir.join("ivotoby/node_modules/@ivotoby/openapi-mcp-server/bin/mcp-server.js"),
                )
                .args([
                    "--transport",
                    "http",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    &port.to_string(),
                ])
                .args(["--api-base-url", upstream, "--openapi-spec", spec])
                .args(["--headers", &format!("Authorization:Bearer {KEY}")]);
                c
            }),
        ),
        (
            "awslabs",
            Box::new(|port| {
                let mut c = tokio::process::Command::new(dir.join("awslabs/bin/python"));
                c.arg(scripts.join("awslabs_server.py"))
                    .args([spec, upstream, &port.to_string()]);
                c
            }),
        ),
    ];
    for (name, command) in &peers {
        println!("== peer {name} ==");
        let port = free_port();
        // @ivotoby/openapi-mcp-server answers a tools/call POST with 202 and sends the
        // answer on the session's GET stream.
        let served = match Served::peer(command(port), port, *name == "ivotoby").await {
            Ok(served) => served,
            Err(e) => {
                println!("  {name} could not run: {e}");
                continue;
            }
        };
        let idle = served.rss_kib();
        println!("idle: RSS {:.1} MiB after start", idle as f64 / 1024.0);
        println!(
            "result mcp-idle build=peer-{name} rss_mib={:.2}",
            idle as f64 / 1024.0
        );
        for c in [1, 32] {
            let (run, cpu) = calls(&served, Protocol::Session, c, total).await;
            report(
                &format!("mcp-calls build=peer-{name}"),
                "2025-11-25 in a session",
                c,
                &run,
                Some(cpu),
            );
        }
        let (per_s, cpu, kib, refused) = sessions(&served, count, true).await;
        println!(
            "  {count} sessions: {per_s:.0} sessions/s, server CPU {cpu:.0} µs and RSS {kib:.2} KiB per session, refused {refused:?}"
        );
        println!(
            "result mcp-sessions build=peer-{name} per_s={per_s:.1} cpu_us={cpu:.1} rss_kib={kib:.3}"
        );
        served.stop().await;
    }
}

/// Every row of one build.
async fn run_build(
    name: &str,
    build: &Build,
    upstream: &str,
    dir: &std::path::Path,
    total: usize,
    count: usize,
    only_calls: bool,
) {
    println!("== {name}: {} ==", build.bin);
    let served = Served::start(build, upstream, &[], dir).await;
    Client {
        http: http_client(),
        url: served.url.clone(),
        token: Some(served.bearer),
        session: None,
        protocol: Protocol::Stateless,
        tool: served.tool.clone(),
        stream: None,
    }
    .call(1, "cus_first")
    .await
    .unwrap();
    let idle = served.rss_kib();
    println!(
        "idle: RSS {:.1} MiB after start and one call",
        idle as f64 / 1024.0
    );
    println!(
        "result mcp-idle build={name} rss_mib={:.2}",
        idle as f64 / 1024.0
    );
    println!("calls (tools/call get_customer_by_id, a 3 KB answer):");
    for (protocol, label) in [
        (Protocol::Stateless, "2026-07-28 stateless"),
        (Protocol::Session, "2025-11-25 in a session"),
    ] {
        for c in [1, 32] {
            let (run, cpu) = calls(&served, protocol, c, total).await;
            report(
                &format!("mcp-calls build={name}"),
                label,
                c,
                &run,
                Some(cpu),
            );
        }
    }
    served.stop().await;
    if only_calls {
        return;
    }

    println!("sessions (initialize + notifications/initialized, c=32):");
    let raised = if build.tokens {
        vec![
            "--max-sessions",
            "1000000",
            "--max-sessions-per-principal",
            "1000000",
        ]
    } else {
        Vec::new()
    };
    let raised = Served::start(build, upstream, &raised, dir).await;
    let (per_s, cpu, kib, refused) = sessions(&raised, count, true).await;
    println!(
        "  {count} kept open (caps raised): {per_s:.0} sessions/s, server CPU {cpu:.0} µs and RSS {kib:.2} KiB per session, refused {refused:?}"
    );
    println!("result mcp-sessions build={name} per_s={per_s:.1} cpu_us={cpu:.1} rss_kib={kib:.3}");
    raised.stop().await;
    let bounded = Served::start(build, upstream, &[], dir).await;
    let start = bounded.rss_kib();
    let (_, _, _, refused) = sessions(&bounded, count, true).await;
    let (_, _, _, anonymous) = sessions(&bounded, count, false).await;
    let grown = bounded.rss_kib().saturating_sub(start);
    println!(
        "  default caps: {count} with a credential and {count} without: RSS {:.1} → {:.1} MiB (+{:.2} MiB); refused with {refused:?}, without {anonymous:?}",
        start as f64 / 1024.0,
        (start + grown) as f64 / 1024.0,
        grown as f64 / 1024.0
    );
    println!(
        "result mcp-bounded build={name} grown_mib={:.3}",
        grown as f64 / 1024.0
    );
    bounded.stop().await;
}
