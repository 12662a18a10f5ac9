//! `conekta-mcp` hosted for many users, driven as a client would over HTTP: plain
//! JSON-RPC over streamable HTTP (reqwest), against a local upstream that records
//! what reaches it. Scoped tokens, no key passthrough, the RFC 9728 metadata, the
//! amount cap, the audit log, sealed confirmations finished by another instance,
//! the read and write discovery tools, bounded sessions, JWT access tokens from a
//! local issuer, and sessions that never see each other's answers.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

mod support;

use support::HttpServer as Server;
/// The server's Conekta key (from its environment); never in a log, a result or the audit.
const SERVER_KEY: &str = "key_ServerSecret0000000000";
/// Tokens clients hold; never in a log, a result or the audit.
const READ_TOKEN: &str = "tok-read-5f1c2a9e7d3b4c6a";
const PAY_TOKEN: &str = "tok-pay-8a7b6c5d4e3f2a1b";
const WRITE_TOKEN: &str = "tok-write-0c1d2e3f4a5b6c7d";
const SECRET: &str = "a-secret-shared-by-every-instance-0123456789";
const MODERN: &str = "2026-07-28";
const LEGACY: &str = "2025-11-25";

fn sha256_hex(text: &str) -> String {
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, text.as_bytes())
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What the upstream saw: method, path, Authorization.
type Seen = Arc<Mutex<Vec<(String, String, String)>>>;

/// A Conekta stand-in on 127.0.0.1: customers by id (echoing the id), orders
/// created; records every request.
fn upstream() -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen: Seen = Arc::default();
    let record = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let record = record.clone();
            std::thread::spawn(move || serve_upstream(stream, &record));
        }
    });
    (url, seen)
}

fn serve_upstream(mut stream: std::net::TcpStream, seen: &Seen) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut words = line.split_whitespace();
    let method = words.next().unwrap_or_default().to_owned();
    let path = words.next().unwrap_or_default().to_owned();
    let (mut length, mut auth) = (0usize, String::new());
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
        if lower.starts_with("authorization:") {
            auth = header[14..].trim().to_owned();
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    seen.lock()
        .unwrap()
        .push((method.clone(), path.clone(), auth));
    let answer = if method == "GET"
        && path.starts_with("/customers/")
        && !path.ends_with("/missing")
    {
        let id = path.trim_start_matches("/customers/");
        json!({"id": id, "object": "customer", "created_at": 1, "livemode": false, "name": format!("name of {id}")})
    } else if method == "POST" && path == "/orders" {
        json!({"id": "ord_1", "object": "order", "amount": 35000, "amount_refunded": 0,
               "created_at": 1, "updated_at": 1, "currency": "MXN", "livemode": false})
    } else {
        json!({"object": "error", "type": "resource_not_found_error", "log_id": "log_404"})
    };
    let status = if answer["object"] == "error" {
        "404 Not Found"
    } else {
        "200 OK"
    };
    let text = answer.to_string();
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
        text.len()
    );
}

/// A temporary directory, removed when dropped.
struct Dir(std::path::PathBuf);

impl Dir {
    fn new(what: &str) -> Self {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let path = std::env::temp_dir().join(format!(
            "conekta-mcp-hosted-{what}-{}-{n}",
            std::process::id()
        ));
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A tokens file: a read-only token, a payments token capped at 50,000 cents, and a
/// token that writes (money calls need the user's confirmation).
fn tokens_file(dir: &Dir) -> String {
    dir.file(
        "tokens.toml",
        &format!(
            r#"
[[token]]
id = "support-bot"
sha256 = "{}"
conekta_key_env = "CONEKTA_KEY_LIVE"
read_only = true

[[token]]
id = "checkout-bot"
sha256 = "{}"
conekta_key_env = "CONEKTA_KEY_LIVE"
allow_payments = true
max_amount = 50000

[[token]]
id = "sales-bot"
sha256 = "{}"
conekta_key_env = "CONEKTA_KEY_LIVE"
"#,
            sha256_hex(READ_TOKEN),
            sha256_hex(PAY_TOKEN),
            sha256_hex(WRITE_TOKEN)
        ),
    )
}

/// An HTTP answer: status, headers, and the JSON-RPC messages of its body (one for
/// JSON, each `data:` of an event stream).
struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    messages: Vec<Value>,
    text: String,
}

impl Answer {
    /// The `result` of the answer to request `id`.
    fn result(&self) -> &Value {
        self.messages
            .iter()
            .rev()
            .find_map(|m| m.get("result"))
            .unwrap_or_else(|| panic!("no result: {} {}", self.status, self.text))
    }

    /// A tool call's structured content.
    fn structured(&self) -> &Value {
        &self.result()["structuredContent"]
    }
}

/// A JSON-RPC client over streamable HTTP, as plain as can be.
#[derive(Clone)]
struct Rpc {
    http: reqwest::Client,
    url: String,
    token: Option<String>,
    session: Option<String>,
    protocol: &'static str,
}

impl Rpc {
    fn new(url: &str, token: Option<&str>, protocol: &'static str) -> Self {
        Self {
            http: reqwest::Client::new(),
            url: url.to_owned(),
            token: token.map(str::to_owned),
            session: None,
            protocol,
        }
    }

    async fn post(&self, body: Value) -> Answer {
        let mut request = self
            .http
            .post(&self.url)
            .header("content-type", "application/json")
            .header("accept", "application/json, text/event-stream");
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        if let Some(session) = &self.session {
            request = request.header("mcp-session-id", session);
        }
        if body["method"] != "initialize" {
            request = request.header("mcp-protocol-version", self.protocol);
        }
        if self.protocol == MODERN {
            if let Some(method) = body["method"].as_str() {
                request = request.header("mcp-method", method);
            }
            if let Some(name) = body["params"]["name"].as_str() {
                request = request.header("mcp-name", name);
            }
        }
        let response = request.body(body.to_string()).send().await.expect("HTTP");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let messages = if text.trim_start().starts_with('{') {
            serde_json::from_str(&text).into_iter().collect()
        } else {
            text.lines()
                .filter_map(|l| l.strip_prefix("data:"))
                .filter_map(|d| serde_json::from_str(d.trim()).ok())
                .collect()
        };
        Answer {
            status,
            headers,
            messages,
            text,
        }
    }

    /// The `_meta` a 2026-07-28 request carries.
    fn meta(&self, elicit: bool) -> Value {
        let capabilities = if elicit {
            json!({"elicitation": {"form": {}}})
        } else {
            json!({})
        };
        json!({
            "io.modelcontextprotocol/protocolVersion": MODERN,
            "io.modelcontextprotocol/clientCapabilities": capabilities,
            "io.modelcontextprotocol/clientInfo": {"name": "raw", "version": "1"}
        })
    }

    /// Opens a session (the handshake of protocols before 2026-07-28).
    async fn initialize(&mut self, elicit: bool) -> Answer {
        let capabilities = if elicit {
            json!({"elicitation": {"form": {}}})
        } else {
            json!({})
        };
        let answer = self
            .post(
                json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
                "protocolVersion": LEGACY, "capabilities": capabilities,
                "clientInfo": {"name": "raw", "version": "1"}}}),
            )
            .await;
        if answer.status == 200 {
            self.session = answer
                .headers
                .get("mcp-session-id")
                .map(|v| v.to_str().unwrap().to_owned());
            let done = self
                .post(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}))
                .await;
            assert_eq!(done.status, 202, "{}", done.text);
        }
        answer
    }

    async fn list(&self) -> Vec<String> {
        let mut params = json!({});
        if self.protocol == MODERN {
            params["_meta"] = self.meta(false);
        }
        let answer = self
            .post(json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": params}))
            .await;
        answer.result()["tools"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap().to_owned())
            .collect()
    }

    async fn call_with(&self, id: Value, tool: &str, arguments: Value, extra: Value) -> Answer {
        let mut params = json!({"name": tool, "arguments": arguments});
        if self.protocol == MODERN {
            params["_meta"] = self.meta(true);
        }
        if let (Value::Object(params), Value::Object(extra)) = (&mut params, extra) {
            params.extend(extra);
        }
        self.post(json!({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": params}))
            .await
    }

    async fn call(&self, tool: &str, arguments: Value) -> Answer {
        self.call_with(json!(2), tool, arguments, json!({})).await
    }
}

async fn get_json(url: &str) -> Value {
    let text = reqwest::get(url).await.unwrap().text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn order(price: i64) -> Value {
    json!({"name": "create_order", "arguments": {"body": {
        "currency": "MXN",
        "customer_info": {"name": "Ana", "email": "ana@example.com", "phone": "+5215555555555"},
        "line_items": [{"name": "Caja", "quantity": 2, "unit_price": price}],
        "charges": [{"payment_method": {"type": "card", "token_id": "tok_test_visa_4242"}}]
    }}})
}

fn posts(seen: &Seen) -> usize {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|(m, _, _)| m == "POST")
        .count()
}

fn assert_no_secret(what: &str, text: &str) {
    for secret in [SERVER_KEY, READ_TOKEN, PAY_TOKEN, WRITE_TOKEN, SECRET] {
        assert!(!text.contains(secret), "a secret is in {what}: {text}");
    }
}

async fn hosted(dir: &Dir, upstream: &str, extra: &[&str]) -> Server {
    let tokens = tokens_file(dir);
    let audit = dir.0.join("audit.jsonl");
    let mut args = vec![
        "--tokens",
        tokens.as_str(),
        "--base-url",
        upstream,
        "--audit-log",
        audit.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    Server::start(
        &args,
        &[
            ("CONEKTA_KEY_LIVE", SERVER_KEY),
            ("CONEKTA_MCP_SECRET", SECRET),
        ],
    )
    .await
}

#[tokio::test]
async fn without_a_valid_token_401_names_the_metadata_and_a_conekta_key_is_refused() {
    let dir = Dir::new("401");
    let (upstream, seen) = upstream();
    let server = hosted(&dir, &upstream, &[]).await;
    for token in [
        None,
        Some(SERVER_KEY),
        Some("key_SomeoneElsesRealKey123"),
        Some("nope"),
    ] {
        let mut client = Rpc::new(&server.url, token, LEGACY);
        let answer = client.initialize(false).await;
        assert_eq!(answer.status, 401, "{token:?}: {}", answer.text);
        let challenge = answer.headers["www-authenticate"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            challenge.starts_with("Bearer resource_metadata=\""),
            "{challenge}"
        );
        let metadata_url = challenge.split('"').nth(1).unwrap().to_owned();
        assert_eq!(
            metadata_url,
            format!("{}/.well-known/oauth-protected-resource/mcp", server.base())
        );
        let metadata = get_json(&metadata_url).await;
        assert_eq!(metadata["resource"], server.url);
        assert_eq!(metadata["bearer_methods_supported"], json!(["header"]));
        // A stateless 2026-07-28 request is refused the same way.
        let modern = Rpc::new(&server.url, token, MODERN);
        assert_eq!(
            modern.call("search_operations", json!({})).await.status,
            401
        );
    }
    assert!(seen.lock().unwrap().is_empty(), "nothing reached Conekta");
    assert_no_secret("the server's log", &server.stop().await);
}

#[tokio::test]
async fn a_read_only_token_reads_with_the_server_key_and_cannot_write() {
    let dir = Dir::new("read");
    let (upstream, seen) = upstream();
    let server = hosted(&dir, &upstream, &[]).await;
    for protocol in [LEGACY, MODERN] {
        let mut client = Rpc::new(&server.url, Some(READ_TOKEN), protocol);
        if protocol == LEGACY {
            assert_eq!(client.initialize(false).await.status, 200);
        }
        assert_eq!(
            client.list().await,
            [
                "search_operations",
                "describe_operation",
                "call_read_operation"
            ],
            "no write tool for a read-only token"
        );
        let found = client
            .call(
                "call_read_operation",
                json!({"name": "get_customer_by_id", "arguments": {"id": "cus_7"}}),
            )
            .await;
        assert_eq!(found.structured()["id"], "cus_7", "{}", found.text);
        let refused = client.call("call_write_operation", order(100)).await;
        assert_eq!(refused.result()["isError"], true);
        assert_eq!(
            refused.structured()["error"],
            "not_permitted",
            "{}",
            refused.text
        );
        assert_no_secret("a result", &refused.text);
    }
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 2, "{seen:?}");
    for (method, _, auth) in &seen {
        assert_eq!(method, "GET");
        assert_eq!(
            auth,
            &format!("Bearer {SERVER_KEY}"),
            "the server's key, not the token"
        );
    }
}

#[tokio::test]
async fn discovery_s_read_tool_refuses_a_write_and_the_write_tool_a_read() {
    let dir = Dir::new("kinds");
    let (upstream, seen) = upstream();
    let server = hosted(&dir, &upstream, &[]).await;
    let client = Rpc::new(&server.url, Some(PAY_TOKEN), MODERN);
    let tools = client
        .post(json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {"_meta": client.meta(false)}}))
        .await;
    let tools = tools.result()["tools"].as_array().unwrap().clone();
    let read = tools
        .iter()
        .find(|t| t["name"] == "call_read_operation")
        .unwrap();
    assert_eq!(read["annotations"]["readOnlyHint"], true);
    let write = tools
        .iter()
        .find(|t| t["name"] == "call_write_operation")
        .unwrap();
    assert_eq!(write["annotations"]["readOnlyHint"], false);
    let refused = client.call("call_read_operation", order(100)).await;
    assert_eq!(
        refused.structured()["error"],
        "wrong_tool",
        "{}",
        refused.text
    );
    assert!(
        refused.structured()["message"]
            .as_str()
            .unwrap()
            .contains("call_write_operation")
    );
    let refused = client
        .call(
            "call_write_operation",
            json!({"name": "get_customer_by_id", "arguments": {"id": "c"}}),
        )
        .await;
    assert_eq!(refused.structured()["error"], "wrong_tool");
    assert!(seen.lock().unwrap().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_payments_token_runs_without_asking_up_to_its_cap_and_the_audit_log_says_so() {
    let dir = Dir::new("pay");
    let (upstream, seen) = upstream();
    let server = hosted(&dir, &upstream, &[]).await;
    let client = Rpc::new(&server.url, Some(PAY_TOKEN), MODERN);
    // 2 × 30,000 = 60,000 cents: over the 50,000 cap.
    let over = client.call("call_write_operation", order(30_000)).await;
    assert_eq!(
        over.structured()["error"],
        "over_max_amount",
        "{}",
        over.text
    );
    assert_eq!(over.structured()["sent"], false);
    assert_eq!(over.structured()["amount"], 60_000);
    assert_eq!(posts(&seen), 0, "nothing was sent for a call over the cap");
    // 2 × 20,000 = 40,000: runs, without asking.
    let under = client.call("call_write_operation", order(20_000)).await;
    assert_eq!(under.structured()["object"], "order", "{}", under.text);
    assert_eq!(posts(&seen), 1);
    // Another token, which must ask: a client that cannot ask is refused.
    let mut sales = Rpc::new(&server.url, Some(WRITE_TOKEN), LEGACY);
    assert_eq!(sales.initialize(false).await.status, 200);
    let refused = sales.call("call_write_operation", order(100)).await;
    assert_eq!(
        refused.structured()["error"],
        "payments_not_allowed",
        "{}",
        refused.text
    );
    let reader = Rpc::new(&server.url, Some(READ_TOKEN), MODERN);
    let found = reader
        .call(
            "call_read_operation",
            json!({"name": "get_customer_by_id", "arguments": {"id": "cus_9"}}),
        )
        .await;
    assert_eq!(found.structured()["id"], "cus_9", "{}", found.text);
    let missing = reader
        .call(
            "call_read_operation",
            json!({"name": "get_customer_by_id", "arguments": {"id": "missing"}}),
        )
        .await;
    assert_eq!(
        missing.structured()["error"],
        "api_error",
        "{}",
        missing.text
    );
    assert_eq!(posts(&seen), 1);
    let log = server.stop().await;
    assert_no_secret("the server's log", &log);
    let audit = std::fs::read_to_string(dir.0.join("audit.jsonl")).unwrap();
    assert_no_secret("the audit log", &audit);
    let lines: Vec<Value> = audit
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    eprintln!("{audit}");
    let find = |principal: &str, outcome: &str| {
        lines
            .iter()
            .find(|l| l["principal"] == principal && l["outcome"] == outcome)
            .unwrap_or_else(|| panic!("no {outcome} line for {principal}: {audit}"))
            .clone()
    };
    let over = find("checkout-bot", "refused");
    assert_eq!(over["operation"], "createOrder");
    assert_eq!(over["tool"], "call_write_operation");
    assert_eq!(over["amount"], 60_000);
    assert_eq!(over["currency"], "MXN");
    assert_eq!(over["error"], "over_max_amount");
    let paid = find("checkout-bot", "ok");
    assert_eq!(paid["amount"], 40_000);
    assert_eq!(paid["target"], "ord_1");
    assert!(paid["ts"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        find("sales-bot", "refused")["error"],
        "payments_not_allowed"
    );
    assert_eq!(find("support-bot", "ok")["target"], "cus_9");
    let missing = find("support-bot", "api_error");
    assert_eq!(missing["log_id"], "log_404");
    assert_eq!(lines.len(), 5);
}

/// A 2026-07-28 call that asks the user, answered (accept) and retried with the
/// sealed state.
async fn confirm(first: &Rpc, second: &Rpc, call: Value) -> (Answer, Answer) {
    let asked = first.call("call_write_operation", call.clone()).await;
    let result = asked.result().clone();
    assert_eq!(result["resultType"], "input_required", "{}", asked.text);
    let state = result["requestState"].as_str().unwrap().to_owned();
    let question = &result["inputRequests"]["confirm_payment"];
    assert_eq!(question["method"], "elicitation/create", "{result}");
    assert!(
        question["params"]["message"]
            .as_str()
            .unwrap()
            .contains("70000 cents"),
        "{question}"
    );
    let retry = json!({
        "requestState": state,
        "inputResponses": {"confirm_payment": {"action": "accept", "content": {"confirm": true}}}
    });
    let done = second
        .call_with(json!(3), "call_write_operation", call, retry)
        .await;
    (asked, done)
}

#[tokio::test]
async fn a_confirmation_asked_by_one_instance_is_finished_by_another_with_the_same_secret() {
    let dir = Dir::new("seal");
    let (upstream, seen) = upstream();
    let one = hosted(&dir, &upstream, &[]).await;
    let two = hosted(&dir, &upstream, &[]).await;
    let on_one = Rpc::new(&one.url, Some(WRITE_TOKEN), MODERN);
    let on_two = Rpc::new(&two.url, Some(WRITE_TOKEN), MODERN);
    let (_, done) = confirm(&on_one, &on_two, order(35_000)).await;
    assert_eq!(done.structured()["object"], "order", "{}", done.text);
    assert_eq!(posts(&seen), 1);
    // The state of one call does not confirm another: changed arguments are refused.
    let asked = on_one.call("call_write_operation", order(35_000)).await;
    let state = asked.result()["requestState"].clone();
    let accept = json!({"requestState": state, "inputResponses": {"confirm_payment": {"action": "accept", "content": {"confirm": true}}}});
    let changed = on_two
        .call_with(
            json!(4),
            "call_write_operation",
            order(36_000),
            accept.clone(),
        )
        .await;
    assert_eq!(
        changed.structured()["error"],
        "payments_not_allowed",
        "{}",
        changed.text
    );
    assert!(
        changed.structured()["message"]
            .as_str()
            .unwrap()
            .contains("other arguments")
    );
    // Nor for another principal.
    let payer = Rpc::new(&two.url, Some(PAY_TOKEN), MODERN);
    let other = payer
        .call_with(json!(5), "call_write_operation", order(20_000), accept)
        .await;
    assert_eq!(
        other.structured()["object"],
        "order",
        "the payments token needs no confirmation: {}",
        other.text
    );
    assert_eq!(posts(&seen), 2);
    // An instance with another secret cannot open it.
    let stranger = Server::start(
        &["--tokens", &tokens_file(&dir), "--base-url", &upstream],
        &[
            ("CONEKTA_KEY_LIVE", SERVER_KEY),
            (
                "CONEKTA_MCP_SECRET",
                "another-secret-of-forty-bytes-0123456789",
            ),
        ],
    )
    .await;
    let (_, forged) = confirm(
        &on_one,
        &Rpc::new(&stranger.url, Some(WRITE_TOKEN), MODERN),
        order(35_000),
    )
    .await;
    assert_eq!(
        forged.structured()["error"],
        "payments_not_allowed",
        "{}",
        forged.text
    );
    assert!(
        forged.structured()["message"]
            .as_str()
            .unwrap()
            .contains("not made by this server")
    );
    assert_eq!(
        posts(&seen),
        2,
        "nothing was sent for a refused confirmation"
    );
}

#[tokio::test]
async fn sessions_are_bounded_per_principal_and_in_total_and_bodies_are_capped() {
    let dir = Dir::new("bounds");
    let (upstream, _) = upstream();
    let server = hosted(
        &dir,
        &upstream,
        &[
            "--max-sessions",
            "5",
            "--max-sessions-per-principal",
            "3",
            "--max-body-bytes",
            "65536",
        ],
    )
    .await;
    let mut opened = Vec::new();
    for _ in 0..1000 {
        let mut client = Rpc::new(&server.url, Some(READ_TOKEN), LEGACY);
        assert_eq!(client.initialize(false).await.status, 200);
        opened.push(client);
    }
    // Only the principal's last three are open: the oldest idle ones went.
    let gone = opened[0]
        .post(json!({"jsonrpc": "2.0", "id": 9, "method": "tools/list"}))
        .await;
    assert_eq!(gone.status, 404, "{}", gone.text);
    assert_eq!(opened[999].list().await.len(), 3);
    // Another principal cannot use them.
    let mut thief = opened[999].clone();
    thief.token = Some(PAY_TOKEN.into());
    assert_eq!(
        thief
            .post(json!({"jsonrpc": "2.0", "id": 9, "method": "tools/list"}))
            .await
            .status,
        404
    );
    let mut payer = Rpc::new(&server.url, Some(PAY_TOKEN), LEGACY);
    assert_eq!(payer.initialize(false).await.status, 200);
    let mut writer = Rpc::new(&server.url, Some(WRITE_TOKEN), LEGACY);
    assert_eq!(writer.initialize(false).await.status, 200);
    let mut full = Rpc::new(&server.url, Some(WRITE_TOKEN), LEGACY);
    let refused = full.initialize(false).await;
    assert_eq!(refused.status, 503, "5 sessions in all: {}", refused.text);
    let huge = opened[999]
        .call(
            "call_read_operation",
            json!({"name": "get_customer_by_id", "arguments": {"id": "x".repeat(100_000)}}),
        )
        .await;
    assert_eq!(huge.status, 413);
    // Without a token: 401, no session.
    for _ in 0..100 {
        assert_eq!(
            Rpc::new(&server.url, None, LEGACY)
                .initialize(false)
                .await
                .status,
            401
        );
    }
}

#[tokio::test]
async fn two_sessions_that_number_their_requests_alike_each_get_their_own_answers() {
    let dir = Dir::new("isolation");
    let (upstream, _) = upstream();
    let server = hosted(&dir, &upstream, &[]).await;
    let mut alice = Rpc::new(&server.url, Some(READ_TOKEN), LEGACY);
    let mut bob = Rpc::new(&server.url, Some(READ_TOKEN), LEGACY);
    alice.initialize(false).await;
    bob.initialize(false).await;
    assert_ne!(alice.session, bob.session);
    for round in 0..50 {
        let get = |id: &str| json!({"name": "get_customer_by_id", "arguments": {"id": id}});
        let (a, b) = tokio::join!(
            alice.call_with(
                json!(round),
                "call_read_operation",
                get("cus_alice"),
                json!({})
            ),
            bob.call_with(
                json!(round),
                "call_read_operation",
                get("cus_bob"),
                json!({})
            ),
        );
        for (answer, own) in [(a, "cus_alice"), (b, "cus_bob")] {
            assert_eq!(answer.messages.len(), 1, "{}", answer.text);
            assert_eq!(answer.messages[0]["id"], round);
            assert_eq!(
                answer.structured()["id"],
                own,
                "round {round}: {}",
                answer.text
            );
        }
    }
}

/// A P-256 key pair of a local issuer: the signing key and its JWKS.
fn issuer_keys() -> (jsonwebtoken::EncodingKey, String) {
    use aws_lc_rs::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair};
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(
        &ECDSA_P256_SHA256_FIXED_SIGNING,
        &aws_lc_rs::rand::SystemRandom::new(),
    )
    .unwrap();
    let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref()).unwrap();
    let point = pair.public_key().as_ref();
    let (x, y) = (&point[1..33], &point[33..65]);
    let jwks = json!({"keys": [{"kty": "EC", "crv": "P-256", "alg": "ES256", "use": "sig", "kid": "k1",
        "x": URL_SAFE_NO_PAD.encode(x), "y": URL_SAFE_NO_PAD.encode(y)}]});
    (
        jsonwebtoken::EncodingKey::from_ec_der(pkcs8.as_ref()),
        jwks.to_string(),
    )
}

#[tokio::test]
async fn jwt_access_tokens_of_a_local_issuer_are_checked_and_their_scopes_apply() {
    let dir = Dir::new("jwt");
    let (upstream, seen) = upstream();
    let (key, jwks) = issuer_keys();
    let jwks = dir.file("jwks.json", &jwks);
    let issuer = "https://issuer.example";
    let server = Server::start(
        &[
            "--oauth-issuer",
            issuer,
            "--oauth-audience",
            "conekta-mcp",
            "--jwks",
            &jwks,
            "--base-url",
            &upstream,
        ],
        &[("CONEKTA_API_KEY", SERVER_KEY)],
    )
    .await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let token = |claims: Value| {
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256);
        header.kid = Some("k1".into());
        jsonwebtoken::encode(&header, &claims, &key).unwrap()
    };
    let claims = |scope: &str| json!({"iss": issuer, "aud": "conekta-mcp", "sub": "user-42", "exp": now + 600, "scope": scope});
    let reader = Rpc::new(&server.url, Some(&token(claims("conekta:read"))), MODERN);
    let found = reader
        .call(
            "call_read_operation",
            json!({"name": "get_customer_by_id", "arguments": {"id": "cus_1"}}),
        )
        .await;
    assert_eq!(found.structured()["id"], "cus_1", "{}", found.text);
    let refused = reader.call("call_write_operation", order(1)).await;
    assert_eq!(
        refused.structured()["error"],
        "not_permitted",
        "{}",
        refused.text
    );
    let payer = Rpc::new(
        &server.url,
        Some(&token(claims("openid conekta:payments"))),
        MODERN,
    );
    assert_eq!(
        payer
            .call("call_write_operation", order(1))
            .await
            .structured()["object"],
        "order"
    );
    let mut bad = Vec::new();
    let mut expired = claims("conekta:read");
    expired["exp"] = json!(now - 3600);
    bad.push(token(expired));
    let mut foreign = claims("conekta:read");
    foreign["iss"] = json!("https://other.example");
    bad.push(token(foreign));
    let mut audience = claims("conekta:read");
    audience["aud"] = json!("another-api");
    bad.push(token(audience));
    let (other_key, _) = issuer_keys();
    bad.push(
        jsonwebtoken::encode(
            &jsonwebtoken::Header {
                kid: Some("k1".into()),
                ..jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256)
            },
            &claims("conekta:read"),
            &other_key,
        )
        .unwrap(),
    );
    bad.push(SERVER_KEY.to_owned());
    for token in &bad {
        let answer = Rpc::new(&server.url, Some(token), MODERN)
            .call("search_operations", json!({}))
            .await;
        assert_eq!(answer.status, 401, "{}", answer.text);
        assert!(
            answer.headers["www-authenticate"]
                .to_str()
                .unwrap()
                .contains("invalid_token")
        );
    }
    let no_scope = Rpc::new(&server.url, Some(&token(claims("openid"))), MODERN)
        .call("search_operations", json!({}))
        .await;
    assert_eq!(no_scope.status, 403);
    let metadata = get_json(&format!(
        "{}/.well-known/oauth-protected-resource/mcp",
        server.base()
    ))
    .await;
    assert_eq!(metadata["authorization_servers"], json!([issuer]));
    assert_eq!(posts(&seen), 1);
    assert_eq!(seen.lock().unwrap()[0].2, format!("Bearer {SERVER_KEY}"));
}
