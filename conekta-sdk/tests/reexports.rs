//! A user's code names the HTTP types of the SDK's signatures through the SDK
//! itself, without depending on `reqwest` or `http` of its own.
#![cfg(feature = "customers")]

mod support;

use conekta_sdk::reqwest;
use conekta_sdk::{Attempt, Client, Hook, StatusCode};
use support::{CONEKTA_JSON, KEY};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Adds a header to every attempt.
struct Tag;

impl Hook for Tag {
    fn before_attempt(&self, _attempt: &Attempt, request: &mut reqwest::Request) {
        request.headers_mut().insert(
            "x-merchant-trace",
            conekta_sdk::http::HeaderValue::from_static("t-1"),
        );
    }
}

#[tokio::test]
async fn status_codes_clients_and_requests_come_from_the_sdk() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(404).set_body_raw("{}", CONEKTA_JSON))
        .mount(&server)
        .await;
    let client = Client::builder(KEY)
        .base_url(server.uri())
        .http_client(reqwest::Client::new())
        .hook(Tag)
        .build()
        .unwrap();

    let err = client
        .customers()
        .get_customer_by_id("cus_1")
        .await
        .unwrap_err();

    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(err.api_error().map(|api| api.message()), Some("Not Found"));
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(sent.headers["x-merchant-trace"], "t-1");
}
