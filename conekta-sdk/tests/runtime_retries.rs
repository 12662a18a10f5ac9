//! Fault injection for the retry policy: what is retried (idempotent methods after
//! 429, 5xx and transport failures; any method when the connection was never made),
//! what is never replayed (a `POST` that may have reached Conekta), `Retry-After`,
//! and the `max_retries` bound.

mod support;

use conekta_sdk::{Client, Error, RetryPolicy, models};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};
use support::{CONEKTA_JSON, CUSTOMER_CARD_JSON, KEY, client_with, error_body, fast_retries};
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn ok_customer() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(CUSTOMER_CARD_JSON, CONEKTA_JSON)
}

fn conekta_error(status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(error_body(
        "api_error",
        "6718462987c2a2001a074e9f",
        "conekta.errors.api.system.general_failure",
        "El sistema no está disponible.",
        "",
    ))
}

fn new_customer() -> models::Customer {
    models::Customer::builder()
        .email("felipe@gmail.com")
        .name("Felipe")
        .phone("+5215555555555")
        .build()
        .expect("every required field is set")
}

async fn received(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

/// A DNS resolver for `conekta.test` that counts lookups (one per attempt on a
/// fresh connection) and answers an address where nothing listens for the first
/// `dead_lookups` of them, then the live server: a connection that is refused
/// exactly that many times, deterministically.
struct FlakyResolver {
    lookups: AtomicUsize,
    dead_lookups: usize,
}

impl reqwest::dns::Resolve for FlakyResolver {
    fn resolve(&self, _name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let n = self.lookups.fetch_add(1, Ordering::SeqCst);
        // The URL's port is used either way; 127.0.0.2 is loopback, but the mock
        // server listens on 127.0.0.1 only, so connecting there is refused.
        let ip = if n < self.dead_lookups {
            Ipv4Addr::new(127, 0, 0, 2)
        } else {
            Ipv4Addr::LOCALHOST
        };
        let addrs: reqwest::dns::Addrs = Box::new(std::iter::once(SocketAddr::from((ip, 0))));
        Box::pin(std::future::ready(Ok(addrs)))
    }
}

/// A client for `conekta.test:<port of server>` whose first `dead_lookups` connections are refused.
fn flaky_client(
    server: &MockServer,
    dead_lookups: usize,
    policy: RetryPolicy,
) -> (Client, Arc<FlakyResolver>) {
    let resolver = Arc::new(FlakyResolver {
        lookups: AtomicUsize::new(0),
        dead_lookups,
    });
    let http = reqwest::Client::builder()
        .dns_resolver(Arc::clone(&resolver))
        .build()
        .unwrap();
    let client = Client::builder(KEY)
        .base_url(format!("http://conekta.test:{}", server.address().port()))
        // `conekta.test` resolves to the local server, but is not a loopback name.
        .allow_insecure_http()
        .http_client(http)
        .retry_policy(policy)
        .build()
        .unwrap();
    (client, resolver)
}

#[tokio::test]
async fn get_with_503_twice_then_200_succeeds_on_the_third_attempt() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/customers/cus_2tXx8KUxw6311kEbs"))
        .respond_with(conekta_error(503))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/customers/cus_2tXx8KUxw6311kEbs"))
        .respond_with(ok_customer())
        .with_priority(2)
        .mount(&server)
        .await;

    let customer = client_with(&server.uri(), fast_retries(3))
        .customers()
        .get_customer_by_id("cus_2tXx8KUxw6311kEbs")
        .send()
        .await
        .expect("the third attempt succeeds");

    assert_eq!(customer.id, "cus_2tXx8KUxw6311kEbs");
    assert_eq!(received(&server).await, 3);
}

#[tokio::test]
async fn post_answered_with_5xx_or_429_is_never_replayed() {
    for status in [500, 502, 503, 429] {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(conekta_error(status).insert_header("retry-after", "0"))
            .mount(&server)
            .await;

        let err = client_with(&server.uri(), fast_retries(5))
            .customers()
            .create_customer(new_customer())
            .send()
            .await
            .unwrap_err();

        assert_eq!(err.status().map(|s| s.as_u16()), Some(status), "{err:?}");
        assert_eq!(
            received(&server).await,
            1,
            "POST answered {status} was replayed"
        );
    }
}

#[tokio::test]
async fn post_whose_connection_is_refused_is_retried_and_sent_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/customers"))
        .respond_with(ok_customer())
        .mount(&server)
        .await;
    let (client, resolver) = flaky_client(&server, 2, fast_retries(3));

    let customer = client
        .customers()
        .create_customer(new_customer())
        .send()
        .await
        .expect("the third attempt connects");

    assert_eq!(customer.id, "cus_2tXx8KUxw6311kEbs");
    assert_eq!(resolver.lookups.load(Ordering::SeqCst), 3);
    assert_eq!(received(&server).await, 1);
}

#[tokio::test]
async fn refused_connections_stop_at_max_retries_and_are_not_sent() {
    let server = MockServer::start().await;
    let (client, resolver) = flaky_client(&server, usize::MAX, fast_retries(2));

    let err = client
        .customers()
        .create_customer(new_customer())
        .send()
        .await
        .unwrap_err();

    assert!(matches!(err, Error::NotSent { .. }), "{err:?}");
    assert_eq!(resolver.lookups.load(Ordering::SeqCst), 3);
    assert_eq!(received(&server).await, 0);
}

#[tokio::test]
async fn post_whose_connection_drops_after_sending_is_maybe_sent_and_not_replayed() {
    let (addr, accepted) = support::hang_up_server();

    let err = client_with(&format!("http://{addr}"), fast_retries(3))
        .customers()
        .create_customer(new_customer())
        .send()
        .await
        .unwrap_err();

    assert!(matches!(err, Error::MaybeSent { .. }), "{err:?}");
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "the POST was replayed");
}

#[tokio::test]
async fn get_whose_connection_drops_after_sending_is_retried() {
    let (addr, accepted) = support::hang_up_server();

    let err = client_with(&format!("http://{addr}"), fast_retries(2))
        .customers()
        .get_customer_by_id("cus_1")
        .send()
        .await
        .unwrap_err();

    assert!(matches!(err, Error::MaybeSent { .. }), "{err:?}");
    assert_eq!(accepted.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn timeouts_are_retried_for_get_but_not_for_post() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ok_customer().set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = Client::builder(KEY)
        .base_url(server.uri())
        .retry_policy(fast_retries(2))
        .attempt_timeout(Some(Duration::from_millis(50)))
        .build()
        .unwrap();

    let err = client
        .customers()
        .create_customer(new_customer())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::MaybeSent { .. }), "{err:?}");
    assert_eq!(received(&server).await, 1, "a timed-out POST was replayed");

    let err = client
        .customers()
        .get_customer_by_id("cus_1")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::MaybeSent { .. }), "{err:?}");
    assert_eq!(received(&server).await, 1 + 3);
}

#[tokio::test]
async fn retry_after_in_seconds_is_honoured() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(conekta_error(503).insert_header("retry-after", "1"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ok_customer())
        .with_priority(2)
        .mount(&server)
        .await;
    // Without `Retry-After` the policy would wait at most 10 ms.
    let client = client_with(&server.uri(), fast_retries(3));

    let started = Instant::now();
    client
        .customers()
        .get_customer_by_id("cus_1")
        .send()
        .await
        .expect("the retry succeeds");

    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(990), "{elapsed:?}");
    assert_eq!(received(&server).await, 2);
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    let server = MockServer::start().await;
    let started = Instant::now();
    // Whole seconds only: the date is between 1 and 2 seconds away.
    let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
    Mock::given(any())
        .respond_with(conekta_error(429).insert_header("retry-after", at.as_str()))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ok_customer())
        .with_priority(2)
        .mount(&server)
        .await;

    client_with(&server.uri(), fast_retries(3))
        .customers()
        .get_customer_by_id("cus_1")
        .send()
        .await
        .expect("the retry succeeds");

    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(950), "{elapsed:?}");
    assert_eq!(received(&server).await, 2);
}

#[tokio::test]
async fn retry_after_longer_than_max_retry_after_stops_retrying() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(conekta_error(503).insert_header("retry-after", "120"))
        .mount(&server)
        .await;
    let policy = RetryPolicy {
        max_retry_after: Duration::from_secs(5),
        ..fast_retries(3)
    };

    let started = Instant::now();
    let err = client_with(&server.uri(), policy)
        .customers()
        .get_customer_by_id("cus_1")
        .send()
        .await
        .unwrap_err();

    // A generous bound: honouring the header would take two minutes.
    assert!(started.elapsed() < Duration::from_secs(60));
    let api = err.api_error().expect("the 503 is returned");
    assert_eq!(api.status.as_u16(), 503);
    assert_eq!(
        api.headers["retry-after"], "120",
        "the caller can still see it"
    );
    assert_eq!(received(&server).await, 1);
}

#[tokio::test]
async fn retries_stop_at_max_retries() {
    for max_retries in [1, 4] {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(conekta_error(503))
            .mount(&server)
            .await;

        let err = client_with(&server.uri(), fast_retries(max_retries))
            .customers()
            .get_customer_by_id("cus_1")
            .send()
            .await
            .unwrap_err();

        let api = err.api_error().expect("the last 503 is returned");
        assert_eq!(api.status.as_u16(), 503);
        assert_eq!(
            api.error_type(),
            Some(&conekta_sdk::models::ErrorType::ApiError)
        );
        assert_eq!(received(&server).await, max_retries as usize + 1);
    }
}

#[tokio::test]
async fn retry_policy_none_sends_once() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(conekta_error(503))
        .mount(&server)
        .await;

    let err = client_with(&server.uri(), RetryPolicy::none())
        .customers()
        .get_customer_by_id("cus_1")
        .send()
        .await
        .unwrap_err();

    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(received(&server).await, 1);
    assert_eq!(RetryPolicy::none().max_retries, 0);
}

#[tokio::test]
async fn get_429_is_retried_but_422_is_not() {
    let server = MockServer::start().await;
    Mock::given(path("/customers/limited"))
        .respond_with(conekta_error(429))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/customers/limited"))
        .respond_with(ok_customer())
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(path("/customers/invalid"))
        .respond_with(conekta_error(422))
        .mount(&server)
        .await;
    let client = client_with(&server.uri(), fast_retries(3));

    client
        .customers()
        .get_customer_by_id("limited")
        .send()
        .await
        .expect("the 429 is retried");
    assert_eq!(received(&server).await, 2);

    let err = client
        .customers()
        .get_customer_by_id("invalid")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(422));
    assert_eq!(received(&server).await, 3, "the 422 was retried");
}

#[tokio::test]
async fn put_and_delete_are_retried_after_5xx() {
    let server = MockServer::start().await;
    for verb in ["PUT", "DELETE"] {
        Mock::given(method(verb))
            .respond_with(conekta_error(502))
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(method(verb))
            .respond_with(ok_customer())
            .with_priority(2)
            .mount(&server)
            .await;
    }
    let client = client_with(&server.uri(), fast_retries(3));

    client
        .customers()
        .update_customer("cus_1", models::UpdateCustomer::builder())
        .send()
        .await
        .expect("the PUT is retried");
    client
        .customers()
        .delete_customer_by_id("cus_1")
        .send()
        .await
        .expect("the DELETE is retried");

    let methods: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.method.to_string())
        .collect();
    assert_eq!(methods, ["PUT", "PUT", "DELETE", "DELETE"]);
}
