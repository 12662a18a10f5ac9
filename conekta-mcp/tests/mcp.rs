//! The `conekta-mcp` binary seen by an MCP client (rmcp's client side), over stdio and
//! over streamable HTTP: the tool lists, the input schemas (checked with a JSON Schema
//! validator), a customer flow against Conekta's Mockoon fixtures, tool errors for bad
//! arguments (with nothing sent) and for API errors, and per-session keys.
//!
//! The flow needs the mock server: run `cargo xtask test -p conekta-mcp`, which starts it
//! and sets `CONEKTA_MOCK_URL`. Without it those tests fail; nothing is skipped.

use rmcp::model::{CallToolRequestParams, CallToolResult, Tool};
use rmcp::service::RunningService;
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;
use rmcp::transport::{ConfigureCommandExt, StreamableHttpClientTransport, TokioChildProcess};
use rmcp::{RoleClient, ServiceExt};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

mod support;

use support::{BIN, HttpServer};
const MOCK_URL_VAR: &str = "CONEKTA_MOCK_URL";
/// A key that looks real; it must never come back in a result, an error or a log line.
const KEY: &str = "key_TestSecret1234567890";
/// Every operation of Conekta's spec.
const ALL_TOOLS: usize = 113;
/// The operations that move money (in spec order): creating orders and charges,
/// capturing, refunding, payouts, and subscriptions that bill.
const MONEY_TOOLS: [&str; 13] = [
    "create_order_charge",
    "add_order_charges",
    "create_order",
    "capture_order",
    "refund_order",
    "create_payout_order",
    "create_subscription",
    "update_subscription",
    "resume_subscription",
    "retry_subscription_payment",
    "update_subscription_deprecated",
    "create_subscription_deprecated",
    "resume_subscription_deprecated",
];

type Client = RunningService<RoleClient, ()>;

/// The seed capability that lives beside the project (`../shared/seeds/`).
fn seed_capability() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/seeds/conekta-customers.capability.yml"
    );
    assert!(
        std::path::Path::new(path).exists(),
        "the seed capability is missing: {path}"
    );
    path.to_owned()
}

fn mock_url() -> String {
    match std::env::var(MOCK_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => url,
        _ => panic!(
            "{MOCK_URL_VAR} is not set: run these tests with `cargo xtask test -p conekta-mcp`, \
             which starts the Mockoon server with Conekta's fixtures and sets it"
        ),
    }
}

/// The binary over stdio, with a clean environment plus `env`.
async fn stdio(args: &[&str], env: &[(&str, &str)]) -> Client {
    let command = tokio::process::Command::new(BIN).configure(|cmd| {
        cmd.args(args)
            .env_remove("CONEKTA_API_KEY")
            .env_remove("CONEKTA_BASE_URL")
            .envs(env.iter().copied());
    });
    let (transport, _) = TokioChildProcess::builder(command)
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    ().serve(transport).await.expect("the MCP handshake")
}

impl HttpServer {
    async fn client(&self, key: Option<&str>) -> Client {
        let mut config = StreamableHttpClientTransportConfig::with_uri(self.url.clone());
        if let Some(key) = key {
            config = config.auth_header(key);
        }
        let transport = StreamableHttpClientTransport::from_config(config);
        ().serve(transport).await.expect("the MCP handshake")
    }
}

/// A TCP server that counts connections and answers none of them.
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

/// An HTTP server that answers every request with `status` and `body`, and records
/// the `Authorization` headers it gets.
fn answering_server(status: &'static str, body: Value) -> (String, Arc<Mutex<Vec<String>>>) {
    answering_server_with_text(status, body.to_string())
}

/// [`answering_server`] with a body given as text, sent byte for byte.
fn answering_server_with_text(
    status: &'static str,
    body: String,
) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let auth = Arc::new(Mutex::new(Vec::new()));
    let seen = auth.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                let lower = line.to_ascii_lowercase();
                if let Some(value) = lower.strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
                if lower.starts_with("authorization:") {
                    seen.lock().unwrap().push(line[14..].trim().to_owned());
                }
            }
            let mut request_body = vec![0; length];
            let _ = reader.read_exact(&mut request_body);
            let answer = format!(
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    (url, auth)
}

async fn call(client: &Client, name: &str, arguments: Value) -> CallToolResult {
    let Value::Object(arguments) = arguments else {
        panic!("arguments must be an object")
    };
    client
        .call_tool(CallToolRequestParams::new(name.to_owned()).with_arguments(arguments))
        .await
        .unwrap_or_else(|e| panic!("tools/call {name}: {e}"))
}

/// The structured content of a successful call.
async fn ok(client: &Client, name: &str, arguments: Value) -> Value {
    let result = call(client, name, arguments).await;
    assert_ne!(result.is_error, Some(true), "{name} failed: {result:#?}");
    result.structured_content.expect("structured content")
}

/// The structured content of a failed call (a tool error, not a protocol error).
async fn tool_error(client: &Client, name: &str, arguments: Value) -> Value {
    let result = call(client, name, arguments).await;
    assert_eq!(
        result.is_error,
        Some(true),
        "{name} should fail: {result:#?}"
    );
    let text = format!("{result:?}");
    assert!(
        !text.contains(KEY),
        "the key leaked into a tool error: {text}"
    );
    result.structured_content.expect("structured error")
}

fn hint(tool: &Tool, which: fn(&rmcp::model::ToolAnnotations) -> Option<bool>) -> Option<bool> {
    tool.annotations.as_ref().and_then(which)
}

#[tokio::test]
async fn every_operation_is_a_tool_with_a_valid_input_schema() {
    let client = stdio(&["--all-tools"], &[("CONEKTA_API_KEY", KEY)]).await;
    let tools = client.list_all_tools().await.expect("tools/list");
    assert_eq!(tools.len(), ALL_TOOLS);
    let mut names = std::collections::BTreeSet::new();
    let mut bytes = 0;
    for tool in &tools {
        assert!(
            names.insert(tool.name.to_string()),
            "duplicate {}",
            tool.name
        );
        assert!(
            tool.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "not snake_case: {}",
            tool.name
        );
        let schema = Value::Object((*tool.input_schema).clone());
        bytes += schema.to_string().len();
        jsonschema::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("{}: not a valid JSON Schema: {e}", tool.name));
        jsonschema::validator_for(&schema)
            .unwrap_or_else(|e| panic!("{}: the schema does not compile: {e}", tool.name));
        assert_eq!(schema["type"], "object", "{}", tool.name);
        let output = Value::Object(
            (**tool
                .output_schema
                .as_ref()
                .unwrap_or_else(|| panic!("{}: no outputSchema", tool.name)))
            .clone(),
        );
        jsonschema::meta::validate(&output)
            .unwrap_or_else(|e| panic!("{}: the output schema is not valid: {e}", tool.name));
        jsonschema::validator_for(&output)
            .unwrap_or_else(|e| panic!("{}: the output schema does not compile: {e}", tool.name));
        assert_eq!(output["type"], "object", "{}", tool.name);
        let method = tool.description.as_deref().unwrap_or_default();
        let get = method.contains("`GET ");
        assert_eq!(hint(tool, |a| a.read_only_hint), Some(get), "{}", tool.name);
    }
    eprintln!("{} tools, {bytes} bytes of input schemas", tools.len());
    let by_name = |name: &str| tools.iter().find(|t| t.name == name).expect(name);
    for destructive in ["delete_customer_by_id", "cancel_order", "refund_order"] {
        assert_eq!(
            hint(by_name(destructive), |a| a.destructive_hint),
            Some(true)
        );
    }
    // The generated money classification, checked against a list written by hand.
    let moving: Vec<&str> = tools
        .iter()
        .filter(|t| {
            t.description
                .as_deref()
                .unwrap_or_default()
                .contains("MOVES MONEY")
        })
        .map(|t| t.name.as_ref())
        .collect();
    assert_eq!(moving, MONEY_TOOLS);
    for name in MONEY_TOOLS {
        let tool = by_name(name);
        assert_eq!(hint(tool, |a| a.destructive_hint), Some(true), "{name}");
        assert_eq!(hint(tool, |a| a.idempotent_hint), Some(false), "{name}");
    }
    // Descriptions written for a model: units, and an override where the spec has a title only.
    let plan = by_name("get_plan")
        .description
        .as_deref()
        .unwrap_or_default();
    assert!(plan.contains("amount, currency"), "{plan}");
    assert!(plan.contains("`get_plans`"), "{plan}");
    let order = by_name("create_order")
        .description
        .as_deref()
        .unwrap_or_default();
    assert!(
        order.contains("in cents") && order.contains("Unix"),
        "{order}"
    );
    let create = by_name("create_customer");
    assert_eq!(hint(create, |a| a.destructive_hint), Some(false));
    assert_eq!(hint(create, |a| a.idempotent_hint), Some(false));
    assert_eq!(
        hint(by_name("update_customer"), |a| a.idempotent_hint),
        Some(true)
    );
    // The schema says what the typed request accepts.
    let schema = jsonschema::validator_for(&Value::Object((*create.input_schema).clone())).unwrap();
    let good =
        json!({"body": {"name": "Ana", "email": "ana@example.com", "phone": "+5215555555555"}});
    assert!(schema.is_valid(&good));
    assert!(!schema.is_valid(&json!({"body": {"name": "Ana"}})));
    assert!(!schema.is_valid(&json!({"body": good["body"], "extra": 1})));
    // Client settings are not arguments.
    let list = by_name("get_customers");
    let properties = list.input_schema["properties"].as_object().unwrap();
    assert!(properties.contains_key("limit"));
    assert!(!properties.contains_key("Accept-Language"));
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn read_only_lists_only_gets() {
    let client = stdio(&["--read-only"], &[("CONEKTA_API_KEY", KEY)]).await;
    let tools = client.list_all_tools().await.expect("tools/list");
    assert_eq!(tools.len(), 41);
    for tool in &tools {
        assert_eq!(
            hint(tool, |a| a.read_only_hint),
            Some(true),
            "{}",
            tool.name
        );
    }
    client.cancel().await.unwrap();
    let client = stdio(
        &["--read-only", "--tags", "orders,customers"],
        &[("CONEKTA_API_KEY", KEY)],
    )
    .await;
    let names: Vec<String> = client
        .list_all_tools()
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.name.to_string())
        .collect();
    assert_eq!(
        names,
        [
            "get_customers",
            "get_customer_by_id",
            "get_orders",
            "get_order_by_id"
        ]
    );
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn the_seed_capability_gives_its_seven_names() {
    let capability = seed_capability();
    let client = stdio(&["--capability", &capability], &[("CONEKTA_API_KEY", KEY)]).await;
    let tools = client.list_all_tools().await.expect("tools/list");
    let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
    assert_eq!(
        names,
        [
            "listCustomers",
            "createCustomer",
            "getCustomer",
            "updateCustomer",
            "deleteCustomer",
            "createPaymentSource",
            "createShippingContact"
        ]
    );
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn with_strict_an_unknown_capability_operation_stops_the_start() {
    let dir = std::env::temp_dir().join(format!("conekta-mcp-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("unknown.capability.yml");
    std::fs::write(
        &path,
        "capability:\n  consumes:\n    - type: http\n      namespace: shop\n      resources:\n        \
         - path: /customers/{id}/loyalty\n          operations:\n            - {name: getLoyalty, method: GET}\n",
    )
    .unwrap();
    let out = std::process::Command::new(BIN)
        .args([
            "--strict",
            "--capability",
            path.to_str().unwrap(),
            "--list-tools",
        ])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("shop.getLoyalty") && stderr.contains("GET /customers/{id}/loyalty"),
        "{stderr}"
    );
}

#[tokio::test]
async fn bad_arguments_are_tool_errors_and_send_nothing() {
    let (url, connections) = counting_server();
    let client = stdio(
        &["--all-tools", "--base-url", &url],
        &[("CONEKTA_API_KEY", KEY)],
    )
    .await;
    let error = tool_error(&client, "create_customer", json!({"body": {"name": "Ana"}})).await;
    assert_eq!(error["error"], "invalid_arguments");
    assert_eq!(error["path"], "body");
    assert!(
        error["message"].as_str().unwrap().contains("email"),
        "{error}"
    );
    let error = tool_error(&client, "get_customers", json!({"limit": "ten"})).await;
    assert_eq!(error["path"], "limit");
    let error = tool_error(
        &client,
        "create_customer",
        json!({"body": {"name": "Ana", "email": "a@b.c", "phone": "1", "metadata": [1]}}),
    )
    .await;
    assert_eq!(error["path"], "body.metadata");
    let error = tool_error(
        &client,
        "get_customer_by_id",
        json!({"id": "c", "expand": 1}),
    )
    .await;
    assert_eq!(error["error"], "invalid_arguments");
    assert!(
        error["message"].as_str().unwrap().contains("expand"),
        "{error}"
    );
    let error = tool_error(&client, "get_customer_by_id", json!({})).await;
    assert!(
        error["message"].as_str().unwrap().contains("`id`"),
        "{error}"
    );
    // An empty id is refused by the SDK before sending.
    let error = tool_error(&client, "get_customer_by_id", json!({"id": ""})).await;
    assert_eq!(error["sent"], false, "{error}");
    client.cancel().await.unwrap();
    assert_eq!(connections.load(Ordering::SeqCst), 0, "a request was sent");
}

#[tokio::test]
async fn api_errors_carry_conekta_type_log_id_and_details() {
    let (url, auth) = answering_server(
        "422 Unprocessable Entity",
        json!({
            "object": "error",
            "type": "parameter_validation_error",
            "log_id": "641b5c1d1f2c4a0001234567",
            "details": [{"code": "conekta.errors.parameter_validation.email.invalid",
                         "param": "email", "message": "El correo no es válido.",
                         "debug_message": "The email is invalid."}]
        }),
    );
    let client = stdio(
        &["--all-tools", "--base-url", &url],
        &[("CONEKTA_API_KEY", KEY)],
    )
    .await;
    let error = tool_error(
        &client,
        "create_customer",
        json!({"body": {"name": "Ana", "email": "nope", "phone": "1"}}),
    )
    .await;
    assert_eq!(error["error"], "api_error");
    assert_eq!(error["status"], 422);
    assert_eq!(error["type"], "parameter_validation_error");
    assert_eq!(error["log_id"], "641b5c1d1f2c4a0001234567");
    assert_eq!(error["details"][0]["param"], "email");
    client.cancel().await.unwrap();
    assert_eq!(auth.lock().unwrap().as_slice(), [format!("Bearer {KEY}")]);
}

/// Create, get, list, update and delete a customer, checking each answer.
async fn customer_flow(client: &Client, names: [&str; 5]) {
    let [create, get, list, update, delete] = names;
    let created = ok(
        client,
        create,
        json!({"body": {"name": "test dot", "email": "test@conekta.com",
                        "phone": "+573143159063", "custom_reference": "dotnet_12345678"}}),
    )
    .await;
    let id = created["id"].as_str().expect("an id").to_owned();
    assert_eq!(created["object"], "customer");
    let fetched = ok(client, get, json!({"id": id})).await;
    assert_eq!(fetched["object"], "customer");
    let page = ok(client, list, json!({"limit": 21})).await;
    assert_eq!(page["object"], "list");
    assert_eq!(page["data"].as_array().map(Vec::len), Some(21));
    let updated = ok(client, update, json!({"id": id, "body": {"name": "Ana"}})).await;
    assert_eq!(updated["object"], "customer");
    let deleted = ok(client, delete, json!({"id": id})).await;
    assert_eq!(deleted["object"], "customer");
}

#[tokio::test]
async fn customer_flow_over_stdio_against_the_mock() {
    let url = mock_url();
    let client = stdio(
        &["--all-tools", "--base-url", &url],
        &[("CONEKTA_API_KEY", KEY)],
    )
    .await;
    customer_flow(
        &client,
        [
            "create_customer",
            "get_customer_by_id",
            "get_customers",
            "update_customer",
            "delete_customer_by_id",
        ],
    )
    .await;
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn customer_flow_over_http_with_the_capability_and_a_session_key() {
    let url = mock_url();
    let capability = seed_capability();
    // No key in the environment: the session brings its own.
    let server = HttpServer::start(&["--capability", &capability, "--base-url", &url], &[]).await;
    let client = server.client(Some(KEY)).await;
    assert_eq!(client.list_all_tools().await.unwrap().len(), 7);
    customer_flow(
        &client,
        [
            "createCustomer",
            "getCustomer",
            "listCustomers",
            "updateCustomer",
            "deleteCustomer",
        ],
    )
    .await;
    client.cancel().await.unwrap();
    let log = server.stop().await;
    assert!(!log.contains(KEY), "the key is in the server's log: {log}");
}

#[tokio::test]
async fn http_sessions_use_their_own_keys_and_bad_arguments_send_nothing() {
    let (url, auth) = answering_server(
        "200 OK",
        json!({"id": "cus_1", "object": "customer", "created_at": 1, "livemode": false, "name": "Ana"}),
    );
    let server = HttpServer::start(&["--all-tools", "--base-url", &url], &[]).await;
    let alice = server.client(Some("key_alice")).await;
    let bob = server.client(Some("key_bob")).await;
    // Without a key anywhere, no session opens: 401.
    let anonymous = ().serve(StreamableHttpClientTransport::from_config(
        StreamableHttpClientTransportConfig::with_uri(server.url.clone()),
    ));
    let Err(refused) = anonymous.await else {
        panic!("a session opened without a key")
    };
    assert!(
        refused.to_string().contains("401") || refused.to_string().to_lowercase().contains("auth"),
        "{refused}"
    );
    assert_eq!(alice.list_all_tools().await.unwrap().len(), ALL_TOOLS);
    let found = ok(&alice, "get_customer_by_id", json!({"id": "cus_1"})).await;
    assert_eq!(found["id"], "cus_1");
    ok(&bob, "get_customer_by_id", json!({"id": "cus_1"})).await;
    let error = tool_error(
        &bob,
        "update_customer",
        json!({"id": "cus_1", "body": {"name": 5}}),
    )
    .await;
    assert_eq!(error["path"], "body.name");
    assert_eq!(
        auth.lock().unwrap().as_slice(),
        ["Bearer key_alice", "Bearer key_bob"],
        "one request per valid call, each with its session's key"
    );
    for client in [alice, bob] {
        client.cancel().await.unwrap();
    }
    let log = server.stop().await;
    assert!(
        !log.contains("key_alice") && !log.contains("key_bob"),
        "{log}"
    );
}

/// The text of a call's result.
fn text_of(result: &CallToolResult) -> &str {
    match result.content.as_slice() {
        [block] => &block.as_text().expect("a text block").text,
        other => panic!("one content block expected: {other:?}"),
    }
}

/// The text of an answer is the body Conekta sent, byte for byte (its spacing, its
/// order, members the SDK does not know, its nulls): nothing is serialized again for
/// it. The structured content is the SDK's typed view of the same answer.
#[tokio::test]
async fn a_call_s_text_is_the_body_conekta_sent_byte_for_byte() {
    let body = concat!(
        "{\n  \"livemode\": false,\n  \"object\": \"customer\",\n  \"id\": \"cus_verbatim\",\n",
        "  \"created_at\": 1700000000,\n  \"name\": \"Ana Ruiz\",\n  \"email\": \"ana@example.com\",\n",
        "  \"phone\": null,\n  \"a_member_added_later\": {\"kept\": [1, 2.50, \"tres\"]}\n}"
    );
    let (url, _) = answering_server_with_text("200 OK", body.to_owned());
    let client = stdio(
        &["--all-tools", "--base-url", &url],
        &[("CONEKTA_API_KEY", KEY)],
    )
    .await;
    let result = call(&client, "get_customer_by_id", json!({"id": "cus_verbatim"})).await;
    assert_ne!(result.is_error, Some(true), "{result:#?}");
    assert_eq!(text_of(&result), body);
    let structured = result
        .structured_content
        .as_ref()
        .expect("structured content");
    assert_eq!(structured["id"], "cus_verbatim");
    assert_eq!(structured["a_member_added_later"]["kept"][2], "tres");
    client.cancel().await.unwrap();
}

/// When `fields` narrows a list, the text is the narrowed answer's JSON: text and
/// structured content say the same.
#[tokio::test]
async fn a_narrowed_answer_s_text_is_the_narrowed_json() {
    let item = |id: &str| {
        json!({"id": id, "object": "customer", "created_at": 1_700_000_000, "livemode": false,
               "name": "Ana", "email": format!("{id}@example.com"), "phone": "+5215555555555"})
    };
    let body = json!({"object": "list", "has_more": false, "data": [item("cus_a"), item("cus_b")]});
    let (url, _) = answering_server("200 OK", body);
    let client = stdio(
        &["--all-tools", "--base-url", &url],
        &[("CONEKTA_API_KEY", KEY)],
    )
    .await;
    let result = call(&client, "get_customers", json!({"fields": ["email"]})).await;
    assert_ne!(result.is_error, Some(true), "{result:#?}");
    let structured = result
        .structured_content
        .clone()
        .expect("structured content");
    assert!(structured["data"][0].get("phone").is_none(), "{structured}");
    assert_eq!(structured["data"][1]["email"], "cus_b@example.com");
    let text: Value = serde_json::from_str(text_of(&result)).expect("the text is JSON");
    assert_eq!(text, structured);
    client.cancel().await.unwrap();
}
