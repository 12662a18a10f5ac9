//! `Client::payment_test`, the sandbox-only `POST /payment_test`, against a
//! local wiremock server.
//!
//! Most clients here use a base URL with a path (`<server>/sandbox`); the
//! last test checks a bare `http://host:port` one.
#![cfg(feature = "webhooks")]

use conekta_sdk::webhooks::PaymentTestRequest;
use conekta_sdk::{Client, Error, Language, MEDIA_TYPE, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The base URL the clients use: the server, under a path prefix.
fn base_url(server: &MockServer) -> String {
    format!("{}/sandbox", server.uri())
}

fn client(server: &MockServer) -> Client {
    Client::builder("key_test_sandbox")
        .base_url(base_url(server))
        .build()
        .expect("client")
}

#[tokio::test]
async fn sends_the_guide_bodies_with_the_usual_headers() {
    let server = MockServer::start().await;
    let cases = [
        (
            PaymentTestRequest::lookup("99000000001273"),
            json!({ "event_type": "inbound_payment.lookup", "reference": "99000000001273" }),
        ),
        (
            PaymentTestRequest::payment_attempt("99000000001273", 10_000),
            json!({
                "event_type": "inbound_payment.payment_attempt",
                "reference": "99000000001273",
                "amount": "10000"
            }),
        ),
        (
            PaymentTestRequest::reverse("99000000001273"),
            json!({ "event_type": "inbound_payment.reverse", "reference": "99000000001273" }),
        ),
    ];
    for (request, expected_body) in cases {
        server.reset().await;
        Mock::given(method("POST"))
            .and(path("/sandbox/payment_test"))
            .and(header("authorization", "Bearer key_test_sandbox"))
            .and(header("accept", MEDIA_TYPE))
            .and(header("content-type", "application/json"))
            .and(body_json(&expected_body))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({ "object": "payment_test", "sent": true })),
            )
            .expect(1)
            .mount(&server)
            .await;
        let answer = client(&server)
            .payment_test(request)
            .await
            .expect("payment_test answer");
        assert_eq!(answer, json!({ "object": "payment_test", "sent": true }));
        server.verify().await;
    }
}

#[tokio::test]
async fn sends_the_client_language() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/sandbox/payment_test"))
        .and(header("accept-language", "es"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder("key_test_sandbox")
        .base_url(base_url(&server))
        .language(Language::Es)
        .build()
        .expect("client");
    let answer = client
        .payment_test(PaymentTestRequest::lookup("1"))
        .await
        .expect("answer");
    assert_eq!(answer, json!({}));
}

#[tokio::test]
async fn a_refusal_is_an_api_error_and_is_not_retried() {
    let server = MockServer::start().await;
    let refusal = json!({
        "object": "error",
        "type": "authentication_error",
        "log_id": "507f1f77bcf86cd799439011",
        "details": [{
            "code": "conekta.errors.authentication.missing_key",
            "message": "Sandbox only.",
            "debug_message": "Use a private test key.",
            "param": null
        }]
    });
    Mock::given(method("POST"))
        .and(path("/sandbox/payment_test"))
        .respond_with(ResponseTemplate::new(503).set_body_json(&refusal))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder("key_live_oops")
        .base_url(base_url(&server))
        .retry_policy(RetryPolicy::default())
        .build()
        .expect("client");
    let error = client
        .payment_test(PaymentTestRequest::lookup("99000000001273"))
        .await
        .expect_err("503");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    let api = error.api_error().expect("an API error");
    assert_eq!(api.operation, "paymentTest");
    let body = api.body.as_ref().expect("Conekta error body");
    assert_eq!(body.log_id.as_deref(), Some("507f1f77bcf86cd799439011"));
    // `server` checks on drop that the POST was sent exactly once.
}

#[tokio::test]
async fn a_non_json_answer_is_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/sandbox/payment_test"))
        .respond_with(ResponseTemplate::new(200).set_body_string("OK"))
        .mount(&server)
        .await;
    let error = client(&server)
        .payment_test(PaymentTestRequest::reverse("1"))
        .await
        .expect_err("not JSON");
    match error {
        Error::Decode(answer) => {
            assert_eq!(answer.operation, "paymentTest");
            assert_eq!(answer.body(), b"OK");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_bare_base_url_posts_to_the_root_path() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/payment_test"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder("key_test_sandbox")
        .base_url(server.uri())
        .build()
        .expect("client");
    let sent = client.payment_test(PaymentTestRequest::lookup("1")).await;
    let received = server.received_requests().await.unwrap_or_default();
    let paths: Vec<&str> = received.iter().map(|r| r.url.path()).collect();
    assert_eq!(paths, ["/payment_test"]);
    sent.expect("answer");
}
