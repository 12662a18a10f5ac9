//! Hooks on the client (`ClientBuilder::hook`) and the options of one call
//! (`Request::header`, `attempt_timeout`, `retry_policy`), against a local server.

mod support;

use conekta_sdk::{Attempt, AttemptResult, Client, Error, Hook, RetryPolicy};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::{CONEKTA_JSON, KEY, client, customer, fast_retries};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// What a hook saw, in order.
#[derive(Default)]
struct Seen(Mutex<Vec<String>>);

/// Adds a header to every attempt, and writes down what it saw.
struct Recorder(Arc<Seen>);

impl Hook for Recorder {
    fn before_attempt(&self, attempt: &Attempt, request: &mut reqwest::Request) {
        let has_key = request.headers().contains_key("authorization");
        self.0.0.lock().unwrap().push(format!(
            "before {} #{} key:{has_key}",
            attempt.operation.id, attempt.number
        ));
        request
            .headers_mut()
            .insert("x-request-id", "req-42".parse().unwrap());
    }

    fn after_attempt(&self, attempt: &Attempt, result: &AttemptResult<'_>) {
        let what = match result {
            AttemptResult::Answered { status, body, .. } => {
                format!("answered {} ({} bytes)", status.as_u16(), body.len())
            }
            AttemptResult::Failed { maybe_sent, .. } => format!("failed maybe_sent:{maybe_sent}"),
            _ => "other".to_owned(),
        };
        self.0.0.lock().unwrap().push(format!(
            "after {} #{}: {what}",
            attempt.operation.id, attempt.number
        ));
    }
}

fn ok_customer() -> ResponseTemplate {
    let body = serde_json::to_string(&customer("cus_1", "Ana")).unwrap();
    ResponseTemplate::new(200).set_body_raw(body, CONEKTA_JSON)
}

#[tokio::test]
async fn hooks_see_and_change_every_attempt_but_never_the_key() {
    let server = MockServer::start().await;
    // The first attempt gets a 503, the retry a customer.
    Mock::given(method("GET"))
        .and(path("/customers/cus_1"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/customers/cus_1"))
        .and(header("x-request-id", "req-42"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .respond_with(ok_customer())
        .mount(&server)
        .await;
    let seen = Arc::new(Seen::default());
    let client = Client::builder(KEY)
        .base_url(server.uri())
        .retry_policy(fast_retries(1))
        .hook(Recorder(seen.clone()))
        .build()
        .unwrap();

    let customer = client
        .customers()
        .get_customer_by_id("cus_1")
        .await
        .unwrap();
    assert_eq!(customer.id, "cus_1");
    let seen = seen.0.lock().unwrap().clone();
    assert_eq!(seen.len(), 4, "{seen:#?}");
    assert_eq!(seen[0], "before getCustomerById #1 key:false");
    assert_eq!(seen[1], "after getCustomerById #1: answered 503 (0 bytes)");
    assert_eq!(seen[2], "before getCustomerById #2 key:false");
    assert!(
        seen[3].starts_with("after getCustomerById #2: answered 200 ("),
        "{}",
        seen[3]
    );
}

#[tokio::test]
async fn hooks_see_transport_failures() {
    let seen = Arc::new(Seen::default());
    let client = Client::builder(KEY)
        .base_url(format!("http://127.0.0.1:{}", support::dead_port()))
        .retry_policy(RetryPolicy::none())
        .hook(Recorder(seen.clone()))
        .build()
        .unwrap();
    let err = client
        .customers()
        .get_customer_by_id("cus_1")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotSent { .. }), "{err:?}");
    assert_eq!(
        seen.0.lock().unwrap()[1],
        "after getCustomerById #1: failed maybe_sent:false"
    );
}

#[tokio::test]
async fn a_call_can_add_headers_but_not_the_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/customers/cus_1"))
        .and(header("x-experiment", "a"))
        .respond_with(ok_customer())
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server.uri());
    let request = client
        .customers()
        .get_customer_by_id("cus_1")
        .header("x-experiment", "a");
    assert_eq!(request.options().headers["x-experiment"], "a");
    request.await.unwrap();

    for (name, value) in [
        ("authorization", "Bearer other"),
        ("bad name", "x"),
        ("x-ok", "\n"),
    ] {
        let err = client
            .customers()
            .get_customer_by_id("cus_1")
            .header(name, value)
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidRequest {
                    operation: "getCustomerById",
                    ..
                }
            ),
            "{name}: {err:?}"
        );
        assert!(!err.to_string().contains("Bearer other"), "{err}");
    }
}

#[tokio::test]
async fn a_call_can_change_its_timeout_and_retries() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/customers/slow"))
        .respond_with(ok_customer().set_delay(Duration::from_secs(2)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/customers/busy"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    // The client allows 10 s per attempt and never retries.
    let client = client(&server.uri());

    let err = client
        .customers()
        .get_customer_by_id("slow")
        .attempt_timeout(Some(Duration::from_millis(100)))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::MaybeSent { .. }), "{err:?}");

    let err = client
        .customers()
        .get_customer_by_id("busy")
        .retry_policy(fast_retries(2))
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    let busy = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == "/customers/busy")
        .count();
    assert_eq!(busy, 3, "the first attempt and two retries");
}
