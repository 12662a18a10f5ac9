//! `conekta-mcp` seen by a third-party client: the official MCP Python SDK (`mcp`,
//! driven by `tests/mcp_client.py`), over stdio and streamable HTTP, on the protocol it
//! prefers (2026-07-28, `server/discover`) and on the handshake-era one. The SDK checks
//! every result's structured content against the tool's output schema, and fails the
//! call when it does not match.
//!
//! Run with `cargo xtask test -p conekta-mcp`: it installs the SDK (`CONEKTA_MCP_PYTHON`)
//! and starts the Mockoon server with Conekta's fixtures (`CONEKTA_MOCK_URL`). Without
//! them these tests fail; nothing is skipped.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_conekta-mcp");
const DRIVER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/mcp_client.py");
const KEY: &str = "key_TestSecret1234567890";
/// Discovery mode's `tools/list` must stay under this many bytes.
const DISCOVERY_BUDGET: usize = 6 * 1024;

fn env_var(name: &str) -> String {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => value,
        _ => panic!(
            "{name} is not set: run these tests with `cargo xtask test -p conekta-mcp`, which \
             installs the MCP Python SDK and starts the Mockoon server"
        ),
    }
}

fn mock_url() -> String {
    env_var("CONEKTA_MOCK_URL")
}

/// Runs a plan through the Python SDK and returns its report.
fn python(plan: Value) -> Value {
    let mut child = Command::new(env_var("CONEKTA_MCP_PYTHON"))
        .arg(DRIVER)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(plan.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().expect("python runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains(KEY), "the key is in a log: {stderr}");
    assert!(out.status.success(), "the Python client failed: {stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains(KEY), "the key is in a result: {stdout}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"))
}

/// The binary over stdio, with the key and these arguments.
fn stdio(args: &[&str]) -> Value {
    json!({"command": BIN, "args": args, "env": {"CONEKTA_API_KEY": KEY}})
}

/// The steps' reports of a plan.
fn steps(server: Value, mode: &str, elicit: Value, steps: Value) -> Vec<Value> {
    let report = python(json!({"server": server, "mode": mode, "elicit": elicit, "steps": steps}));
    report["steps"].as_array().unwrap().clone()
}

/// A call's structured content, which the SDK validated against the output schema.
fn ok(step: &Value) -> &Value {
    assert_eq!(step["exception"], Value::Null, "{step}");
    assert_eq!(step["is_error"], false, "{step}");
    &step["structured"]
}

/// A tool error's structured content.
fn refused(step: &Value) -> &Value {
    assert_eq!(step["exception"], Value::Null, "{step}");
    assert_eq!(step["is_error"], true, "{step}");
    &step["structured"]
}

/// A TCP server on 127.0.0.1 that counts connections and answers none of them.
fn counting_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            seen.fetch_add(1, Ordering::SeqCst);
            drop(stream);
        }
    });
    (url, count)
}

/// The binary serving streamable HTTP on a free port, killed when dropped.
struct Http {
    child: std::process::Child,
    addr: String,
}

impl Http {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(BIN)
            .args(["--transport", "http", "--listen", "127.0.0.1:0"])
            .args(args)
            .env("CONEKTA_API_KEY", KEY)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let addr = loop {
            let line = lines.next().expect("the server exited").expect("stderr");
            if let Some(url) = line.split("listening on http://").nth(1) {
                break url.trim().trim_end_matches("/mcp").to_owned();
            }
        };
        std::thread::spawn(move || lines.for_each(drop));
        Self { child, addr }
    }

    fn url(&self) -> String {
        format!("http://{}/mcp", self.addr)
    }

    /// The status of a bare `initialize` POST with these extra headers.
    fn status_of_post(&self, headers: &[(&str, &str)]) -> u16 {
        let body = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "raw", "version": "1"}}})
        .to_string();
        let mut request = format!(
            "POST /mcp HTTP/1.1\r\ncontent-type: application/json\r\n\
             accept: application/json, text/event-stream\r\ncontent-length: {}\r\n\
             connection: close\r\n",
            body.len()
        );
        if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
            request.push_str(&format!("host: {}\r\n", self.addr));
        }
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        request.push_str(&body);
        let mut stream = std::net::TcpStream::connect(&self.addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("not an HTTP answer: {answer}"))
    }
}

impl Drop for Http {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A card order that Conekta's fixtures answer (a cash order without metadata
/// renders invalid JSON in the mock).
fn card_order() -> Value {
    json!({"body": {
        "currency": "MXN",
        "customer_info": {"name": "Ana", "email": "ana@example.com", "phone": "+5215555555555"},
        "line_items": [{"name": "Caja de galletas", "quantity": 1, "unit_price": 35000}],
        "charges": [{"payment_method": {"type": "card", "token_id": "tok_test_visa_4242"}}],
        "metadata": {"cart": "c-42"}
    }})
}

fn discovery_flow(server: Value) {
    let steps = steps(
        server,
        "auto",
        Value::Null,
        json!([
            {"list": true},
            {"call": "search_operations", "args": {"query": "get customer by id"}},
            {"call": "describe_operation", "args": {"name": "get_customer_by_id"}},
            {"call": "call_read_operation", "args": {"name": "get_customer_by_id", "arguments": {"id": "cus_2tGzG1GxtDAZHEGPH"}}},
            {"call": "call_read_operation", "args": {"name": "get_customer_by_id", "arguments": {"id": 5}}},
        ]),
    );
    let names: Vec<&str> = steps[0]["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "search_operations",
            "describe_operation",
            "call_read_operation",
            "call_write_operation"
        ]
    );
    let bytes = steps[0]["bytes"].as_u64().unwrap() as usize;
    eprintln!("discovery mode: tools/list is {bytes} bytes");
    assert!(bytes < DISCOVERY_BUDGET, "tools/list is {bytes} bytes");
    let found = ok(&steps[1]);
    assert_eq!(found["operations"][0]["name"], "get_customer_by_id");
    assert_eq!(found["operations"][0]["read_only"], true);
    let described = ok(&steps[2]);
    assert_eq!(described["input_schema"]["required"], json!(["id"]));
    assert!(described["output_schema"]["properties"]["email"].is_object());
    let customer = ok(&steps[3]);
    assert_eq!(customer["object"], "customer");
    let bad = refused(&steps[4]);
    assert_eq!(bad["error"], "invalid_arguments");
    assert_eq!(bad["path"], "id");
}

#[test]
fn discovery_mode_finds_describes_and_calls_over_stdio() {
    discovery_flow(stdio(&["--base-url", &mock_url()]));
}

#[test]
fn discovery_mode_finds_describes_and_calls_over_http() {
    let server = Http::start(&["--base-url", &mock_url()]);
    discovery_flow(
        json!({"url": server.url(), "headers": {"Authorization": format!("Bearer {KEY}")}}),
    );
}

/// The first example of a schema, or a value made from its type.
fn example(schema: &Value, root: &Value, depth: usize) -> Value {
    // A field's own example, also beside a `$ref` to its type.
    if let Some(first) = schema["examples"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    let schema = match schema["$ref"].as_str() {
        Some(r) => &root["$defs"][r.trim_start_matches("#/$defs/")],
        None => schema,
    };
    if let Some(first) = schema["examples"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    if let Some(first) = schema["enum"].as_array().and_then(|e| e.first()) {
        return first.clone();
    }
    if let Some(first) = schema["oneOf"]
        .as_array()
        .or(schema["anyOf"].as_array())
        .and_then(|e| e.first())
    {
        let mut value = example(first, root, depth);
        if let (Some(tag), Some(props)) = (first["properties"].as_object(), value.as_object_mut()) {
            for (name, constant) in tag {
                if let Some(c) = constant.get("const") {
                    props.insert(name.clone(), c.clone());
                }
            }
        }
        return value;
    }
    match schema["type"].as_str() {
        Some("string") => json!("cus_2tGzG1GxtDAZHEGPH"),
        Some("integer") => json!(1),
        Some("number") => json!(1.0),
        Some("boolean") => json!(true),
        Some("array") if depth < 6 => json!([example(&schema["items"], root, depth + 1)]),
        Some("object") if depth < 6 => {
            let mut out = serde_json::Map::new();
            for name in schema["required"].as_array().into_iter().flatten() {
                let name = name.as_str().unwrap();
                out.insert(
                    name.into(),
                    example(&schema["properties"][name], root, depth + 1),
                );
            }
            Value::Object(out)
        }
        _ => json!({}),
    }
}

#[test]
fn every_static_tool_declares_an_output_schema_and_the_mock_answers_match_it() {
    let server = stdio(&["--all-tools", "--allow-payments", "--base-url", &mock_url()]);
    let listed = steps(server.clone(), "auto", Value::Null, json!([{"list": true}]));
    let tools = listed[0]["tools"].as_array().unwrap().clone();
    assert_eq!(tools.len(), 113);
    let with_output = tools
        .iter()
        .filter(|t| t["outputSchema"]["type"] == "object")
        .count();
    eprintln!(
        "--all-tools: tools/list is {} bytes; {with_output} tools declare an outputSchema",
        listed[0]["bytes"]
    );
    assert_eq!(with_output, tools.len());
    // Every operation, with arguments made from its input schema's examples.
    let calls: Vec<Value> = tools
        .iter()
        .map(|tool| {
            let schema = &tool["inputSchema"];
            json!({"call": tool["name"], "args": example(schema, schema, 0)})
        })
        .collect();
    let results = steps(server, "auto", Value::Null, Value::Array(calls));
    let mut validated = Vec::new();
    for (tool, step) in tools.iter().zip(&results) {
        assert_eq!(
            step["exception"],
            Value::Null,
            "{}: the SDK rejected the answer: {step}",
            tool["name"]
        );
        if step["is_error"] == false {
            validated.push(tool["name"].as_str().unwrap());
        }
    }
    eprintln!(
        "{} of {} answers from the mock validated against their output schema: {validated:?}",
        validated.len(),
        tools.len()
    );
    // The answers the mock gives to calls made from the examples, all of which must validate;
    // the rest are API or argument errors (the mock lacks 17 routes, some examples are partial).
    assert!(validated.len() >= 60, "only {} validated", validated.len());
    for name in [
        "get_customer_by_id",
        "get_orders",
        "get_order_by_id",
        "create_checkout",
    ] {
        assert!(validated.contains(&name), "{name} did not validate");
    }
}

#[test]
fn fields_narrow_a_twenty_customer_list_and_the_answer_still_validates() {
    let server = stdio(&["--all-tools", "--base-url", &mock_url()]);
    let steps = steps(
        server,
        "auto",
        Value::Null,
        json!([
            {"call": "get_customers", "args": {"limit": 20}},
            {"call": "get_customers", "args": {"limit": 20, "fields": ["email"]}},
            {"call": "get_customers", "args": {"limit": 20, "fields": ["nope"]}},
        ]),
    );
    let whole = ok(&steps[0]);
    let narrow = ok(&steps[1]);
    // The mock answers every list with its fixture's page (21 customers), whatever `limit`.
    let count = whole["data"].as_array().unwrap().len();
    assert!(count >= 20, "{count} customers");
    assert_eq!(narrow["data"].as_array().unwrap().len(), count);
    let item = narrow["data"][0].as_object().unwrap();
    let mut members: Vec<&str> = item.keys().map(String::as_str).collect();
    members.sort_unstable();
    assert_eq!(
        members,
        ["created_at", "email", "id", "livemode", "name", "object"]
    );
    eprintln!(
        "{count} customers: {} bytes of result ({} structured), with fields [email] {} bytes ({} structured)",
        steps[0]["bytes"],
        steps[0]["structured_bytes"],
        steps[1]["bytes"],
        steps[1]["structured_bytes"]
    );
    assert!(steps[1]["bytes"].as_u64() < steps[0]["bytes"].as_u64().map(|b| b / 3));
    assert_eq!(refused(&steps[2])["path"], "fields");
}

#[test]
fn a_money_call_without_permission_sends_nothing() {
    let (url, connections) = counting_server();
    // A client that cannot ask the user: refused, for the tool and through discovery.
    let steps_without = steps(
        stdio(&["--all-tools", "--base-url", &url]),
        "auto",
        Value::Null,
        json!([{"call": "create_order", "args": card_order()},
               {"call": "refund_order", "args": {"id": "ord_1", "body": {"reason": "x", "amount": 100}}}]),
    );
    for step in &steps_without {
        let error = refused(step);
        assert_eq!(error["error"], "payments_not_allowed", "{error}");
        assert_eq!(error["sent"], false);
        assert!(
            step["text"].as_str().unwrap().contains("--allow-payments"),
            "{step}"
        );
    }
    let through_discovery = steps(
        stdio(&["--base-url", &url]),
        "auto",
        Value::Null,
        json!([{"call": "call_write_operation", "args": {"name": "create_order", "arguments": card_order()["body"].clone().as_object().map(|b| json!({"body": b})).unwrap()}}]),
    );
    assert_eq!(
        refused(&through_discovery[0])["error"],
        "payments_not_allowed"
    );
    // A user who declines, on either protocol.
    for mode in ["auto", "legacy"] {
        let report = python(json!({
            "server": stdio(&["--all-tools", "--base-url", &url]),
            "mode": mode, "elicit": "decline",
            "steps": [{"call": "create_order", "args": card_order()}]
        }));
        assert_eq!(
            report["elicitations"].as_array().unwrap().len(),
            1,
            "{report}"
        );
        let error = refused(&report["steps"][0]);
        assert_eq!(error["error"], "payments_not_allowed");
        assert!(
            error["message"].as_str().unwrap().contains("declined"),
            "{error}"
        );
    }
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "a refused money call reached the API"
    );
}

#[test]
fn a_money_call_goes_through_when_allowed_or_confirmed() {
    let url = mock_url();
    let allowed = python(json!({
        "server": stdio(&["--all-tools", "--allow-payments", "--base-url", &url]),
        "mode": "auto", "elicit": "accept",
        "steps": [{"call": "create_order", "args": card_order()}]
    }));
    assert_eq!(ok(&allowed["steps"][0])["object"], "order");
    assert_eq!(
        allowed["elicitations"],
        json!([]),
        "--allow-payments asks no one"
    );
    for (mode, protocol) in [("auto", "2026-07-28"), ("legacy", "2025-11-25")] {
        let confirmed = python(json!({
            "server": stdio(&["--all-tools", "--base-url", &url]),
            "mode": mode, "elicit": "accept",
            "steps": [{"call": "create_order", "args": card_order()}]
        }));
        assert_eq!(confirmed["protocol"], protocol);
        let asked = confirmed["elicitations"][0].as_str().unwrap();
        assert!(
            asked.contains("create_order") && asked.contains("35000"),
            "{asked}"
        );
        assert_eq!(ok(&confirmed["steps"][0])["object"], "order");
    }
}

#[test]
fn a_money_call_is_confirmed_over_http_on_both_protocols() {
    let (refusing, connections) = counting_server();
    for (mode, protocol) in [("auto", "2026-07-28"), ("legacy", "2025-11-25")] {
        // Over HTTP a legacy client's answer comes back through its session; a
        // 2026-07-28 one retries with the sealed state.
        let server = Http::start(&["--all-tools", "--base-url", &mock_url()]);
        let confirmed = python(json!({
            "server": {"url": server.url(), "headers": {"Authorization": format!("Bearer {KEY}")}},
            "mode": mode, "elicit": "accept",
            "steps": [{"call": "create_order", "args": card_order()}]
        }));
        assert_eq!(confirmed["protocol"], protocol);
        let asked = confirmed["elicitations"][0].as_str().unwrap();
        assert!(
            asked.contains("create_order") && asked.contains("35000"),
            "{asked}"
        );
        assert_eq!(ok(&confirmed["steps"][0])["object"], "order", "{mode}");
        let server = Http::start(&["--all-tools", "--base-url", &refusing]);
        let declined = python(json!({
            "server": {"url": server.url(), "headers": {"Authorization": format!("Bearer {KEY}")}},
            "mode": mode, "elicit": "decline",
            "steps": [{"call": "create_order", "args": card_order()}]
        }));
        assert_eq!(
            declined["elicitations"].as_array().unwrap().len(),
            1,
            "{declined}"
        );
        assert_eq!(
            refused(&declined["steps"][0])["error"],
            "payments_not_allowed"
        );
    }
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "a declined call reached the API"
    );
}

#[test]
fn a_foreign_origin_gets_403_and_an_allowed_one_does_not() {
    let server = Http::start(&["--allow-origin", "http://localhost:5173"]);
    assert_eq!(
        server.status_of_post(&[("origin", "http://evil.example")]),
        403
    );
    assert_eq!(
        server.status_of_post(&[("origin", "http://localhost:5174")]),
        403
    );
    assert_eq!(server.status_of_post(&[("host", "evil.example")]), 403);
    assert_eq!(
        server.status_of_post(&[("origin", "http://localhost:5173")]),
        200
    );
    assert_eq!(
        server.status_of_post(&[]),
        200,
        "a client that sends no Origin"
    );
    let strict = Http::start(&[]);
    assert_eq!(
        strict.status_of_post(&[("origin", "http://localhost:5173")]),
        403
    );
}

/// A capability of our own: one operation the spec lacks (`PUT /checkouts/{id}`;
/// the spec has `PUT /checkouts/{id}/cancel`), one with its own path parameter name
/// and one with its own body name.
const OWN_CAPABILITY: &str = r#"
naftiko: 1.0.0-alpha2
info: {label: Test Shop, description: Customers and payment links of a test shop.}
capability:
  consumes:
    - type: http
      namespace: shop
      resources:
        - path: /checkouts/{id}
          operations:
            - {name: replaceCheckout, method: PUT}
        - path: /customers/{customer_id}/subscription
          operations:
            - name: customerSubscription
              method: GET
              inputParameters: [{name: customer_id, in: path, type: string, required: true}]
        - path: /customers/{customer_id}
          operations:
            - name: renameCustomer
              method: PUT
              inputParameters:
                - {name: customer_id, in: path, type: string, required: true}
                - {name: changes, in: body, type: object, required: true}
        - path: /customers
          operations:
            - {name: listCustomers, method: GET, inputParameters: [{name: limit, in: query, type: integer}]}
"#;

fn own_capability() -> (tempdir::Dir, String) {
    let dir = tempdir::Dir::new("capability");
    let path = dir.path().join("shop.capability.yml");
    std::fs::write(&path, OWN_CAPABILITY).unwrap();
    (dir, path.to_str().unwrap().to_owned())
}

#[test]
fn a_capability_loads_its_known_operations_under_its_own_argument_names() {
    let (_dir, capability) = own_capability();
    let listed = Command::new(BIN)
        .args(["--capability", &capability, "--list-tools"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&listed.stderr);
    assert!(listed.status.success(), "{stderr}");
    assert!(
        stderr.contains("shop.replaceCheckout")
            && stderr.contains("PUT /checkouts/{id}/cancel")
            && stderr.contains("skipped"),
        "{stderr}"
    );
    let names: Vec<&str> = std::str::from_utf8(&listed.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        names,
        ["customerSubscription", "renameCustomer", "listCustomers"]
    );
    let strict = Command::new(BIN)
        .args(["--strict", "--capability", &capability, "--list-tools"])
        .output()
        .unwrap();
    assert!(!strict.status.success());

    let steps = steps(
        stdio(&["--capability", &capability, "--base-url", &mock_url()]),
        "auto",
        Value::Null,
        json!([
            {"list": true},
            {"call": "customerSubscription", "args": {"customer_id": "cus_2tGzG1GxtDAZHEGPH"}},
            {"call": "renameCustomer", "args": {"customer_id": "cus_2tGzG1GxtDAZHEGPH", "changes": {"name": "Ana"}}},
            {"call": "customerSubscription", "args": {"id": "cus_2tGzG1GxtDAZHEGPH"}},
            {"call": "renameCustomer", "args": {"customer_id": "cus_1", "changes": {"name": 5}}},
        ]),
    );
    let rename = steps[0]["tools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "renameCustomer")
        .unwrap();
    assert_eq!(
        rename["inputSchema"]["required"],
        json!(["customer_id", "changes"])
    );
    assert!(ok(&steps[1])["id"].is_string());
    assert_eq!(ok(&steps[2])["object"], "customer");
    let wrong = refused(&steps[3]);
    assert!(
        wrong["message"].as_str().unwrap().contains("customer_id"),
        "{wrong}"
    );
    assert_eq!(refused(&steps[4])["path"], "changes.name");
}

#[test]
fn a_skill_calls_the_capability_through_the_command_line() {
    let dir = tempdir::Dir::new("skill");
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/seeds/conekta-customers.capability.yml"
    );
    let out = Command::new(BIN)
        .args(["skill", "--capability", seed, "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let skill = std::fs::read_to_string(dir.path().join("SKILL.md")).unwrap();
    assert!(
        skill.starts_with("---\nname: conekta-customers-api\ndescription: "),
        "{skill}"
    );
    assert!(dir.path().join("capability.yml").exists());
    for name in [
        "listCustomers",
        "createCustomer",
        "getCustomer",
        "createShippingContact",
    ] {
        assert!(skill.contains(&format!("### `{name}`")), "{name} missing");
    }
    // Each example line runs as written, from the skill's directory, against the mock.
    let example = skill
        .lines()
        .find(|l| l.starts_with("conekta-mcp call getCustomer "))
        .expect("an example for getCustomer");
    let args: Vec<String> = example
        .split_once("--args '")
        .map(|(head, json)| {
            let mut words: Vec<String> =
                head.split_whitespace().skip(1).map(str::to_owned).collect();
            words.push("--args".into());
            words.push(json.trim_end_matches('\'').to_owned());
            words
        })
        .unwrap();
    let run = Command::new(BIN)
        .args(&args)
        .current_dir(dir.path())
        .env("CONEKTA_API_KEY", KEY)
        .env("CONEKTA_BASE_URL", mock_url())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let answer: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(answer["object"], "customer");
    // The command line has the same money guard: refused without --allow-payments.
    let (url, connections) = counting_server();
    let refused_call = Command::new(BIN)
        .args([
            "call",
            "create_order",
            "--args",
            &card_order()["body"].to_string(),
        ])
        .env("CONEKTA_API_KEY", KEY)
        .env("CONEKTA_BASE_URL", &url)
        .output()
        .unwrap();
    assert!(!refused_call.status.success());
    let error: Value = serde_json::from_slice(&refused_call.stdout).unwrap();
    assert_eq!(
        error["error"], "invalid_arguments",
        "the body goes under `body`: {error}"
    );
    let body = json!({"body": card_order()["body"]}).to_string();
    let refused_call = Command::new(BIN)
        .args(["call", "create_order", "--args", &body])
        .env("CONEKTA_API_KEY", KEY)
        .env("CONEKTA_BASE_URL", &url)
        .output()
        .unwrap();
    assert!(!refused_call.status.success());
    let error: Value = serde_json::from_slice(&refused_call.stdout).unwrap();
    assert_eq!(error["error"], "payments_not_allowed", "{error}");
    assert_eq!(connections.load(Ordering::SeqCst), 0);
    let allowed = Command::new(BIN)
        .args(["call", "create_order", "--allow-payments", "--args", &body])
        .env("CONEKTA_API_KEY", KEY)
        .env("CONEKTA_BASE_URL", mock_url())
        .output()
        .unwrap();
    assert!(
        allowed.status.success(),
        "{}",
        String::from_utf8_lossy(&allowed.stdout)
    );
}

/// A temporary directory, removed when dropped.
mod tempdir {
    use std::path::{Path, PathBuf};

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new(what: &str) -> Self {
            static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let path =
                std::env::temp_dir().join(format!("conekta-mcp-{what}-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&path).unwrap();
            Self(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
