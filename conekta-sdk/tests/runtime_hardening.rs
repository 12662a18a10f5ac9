//! What the client does with servers that misbehave: redirects (never followed),
//! bodies that are too large, slow, truncated, mislabelled or not JSON; which
//! base URLs it accepts; the user-agent headers; and the opaque transport errors.

mod support;

use conekta_sdk::{Client, DEFAULT_MAX_RESPONSE_BYTES, Error, TransportError};
use std::error::Error as _;
use std::time::Duration;
use support::{CONEKTA_JSON, CUSTOMER_CARD_JSON, KEY, client, dead_port};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A customer id for `GET /customers/{id}`.
const ID: &str = "cus_2tXx8KUxw6311kEbs";

/// What a [`raw_server`] writes on every connection after reading the request head.
#[derive(Clone)]
struct Reply {
    /// Status line and headers, without the blank line that ends them.
    head: String,
    /// The body bytes.
    body: Vec<u8>,
    /// When set, the body goes out one byte at a time with this pause between bytes.
    trickle: Option<Duration>,
}

impl Reply {
    /// A status line, headers and body, sent at once; then the connection closes.
    fn new(head: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            head: head.to_owned(),
            body: body.into(),
            trickle: None,
        }
    }
}

/// A one-reply-per-connection HTTP/1.1 server on 127.0.0.1 that says exactly
/// what it is told to (wiremock always sends a correct `Content-Length`).
async fn raw_server(reply: Reply) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(answer(stream, reply.clone()));
        }
    });
    format!("http://{addr}")
}

/// `chunks` as a body in HTTP/1.1's chunked coding: each one chunk, then the last (empty) chunk.
fn chunked<'a>(chunks: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut body = Vec::new();
    for chunk in chunks {
        body.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        body.extend_from_slice(chunk);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"0\r\n\r\n");
    body
}

async fn answer(mut stream: TcpStream, reply: Reply) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let start = format!("{}\r\nConnection: close\r\n\r\n", reply.head);
    if stream.write_all(start.as_bytes()).await.is_err() {
        return;
    }
    match reply.trickle {
        None => {
            let _ = stream.write_all(&reply.body).await;
        }
        Some(pause) => {
            for byte in reply.body {
                if stream.write_all(&[byte]).await.is_err() {
                    return;
                }
                tokio::time::sleep(pause).await;
            }
        }
    }
    let _ = stream.shutdown().await;
}

async fn get_customer(client: &Client) -> Result<conekta_sdk::models::CustomerResponse, Error> {
    client.customers().get_customer_by_id(ID).send().await
}

fn transport(err: &Error) -> &TransportError {
    match err {
        Error::MaybeSent { source, .. } | Error::NotSent { source, .. } => source,
        other => panic!("expected a transport error, got {other:?}"),
    }
}

// --- Redirects -------------------------------------------------------------

#[tokio::test]
async fn a_redirect_is_an_api_error_that_says_where_it_pointed_and_is_not_followed() {
    let elsewhere = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(CUSTOMER_CARD_JSON, CONEKTA_JSON))
        .mount(&elsewhere)
        .await;
    let conekta = MockServer::start().await;
    let target = format!("{}/customers/{ID}", elsewhere.uri());
    Mock::given(any())
        .respond_with(ResponseTemplate::new(302).insert_header("location", target.as_str()))
        .mount(&conekta)
        .await;

    let err = get_customer(&client(&conekta.uri())).await.unwrap_err();
    let api = err.api_error().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(api.status.as_u16(), 302);
    assert_eq!(api.redirect_location(), Some(target.as_str()));
    let shown = err.to_string();
    assert!(
        shown.contains(&target) && shown.contains("not followed"),
        "{shown}"
    );
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
    assert_eq!(conekta.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_redirect_without_location_is_still_an_api_error() {
    let conekta = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(307))
        .mount(&conekta)
        .await;
    let err = get_customer(&client(&conekta.uri())).await.unwrap_err();
    let api = err.api_error().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(api.redirect_location(), None);
    assert!(err.to_string().contains("without `Location`"), "{err}");
}

#[tokio::test]
async fn an_answer_that_a_user_client_got_by_following_a_redirect_is_not_decoded() {
    let elsewhere = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(CUSTOMER_CARD_JSON, CONEKTA_JSON))
        .mount(&elsewhere)
        .await;
    let conekta = MockServer::start().await;
    let target = format!("{}/customers/{ID}", elsewhere.uri());
    Mock::given(any())
        .respond_with(ResponseTemplate::new(301).insert_header("location", target.as_str()))
        .mount(&conekta)
        .await;
    // reqwest's default client follows up to 10 redirects.
    let client = Client::builder(KEY)
        .base_url(conekta.uri())
        .http_client(reqwest::Client::new())
        .retry_policy(conekta_sdk::RetryPolicy::none())
        .build()
        .unwrap();

    let err = get_customer(&client).await.unwrap_err();
    let api = err.api_error().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(api.status.as_u16(), 200);
    assert_eq!(api.redirect_location(), Some(target.as_str()));
    assert!(api.raw_body().is_empty());
    assert!(err.to_string().contains("followed a redirect"), "{err}");
}

// --- Response size ---------------------------------------------------------

#[tokio::test]
async fn a_content_length_over_the_limit_is_refused_before_reading() {
    let base = raw_server(Reply::new(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 300000000",
        "{}",
    ))
    .await;
    let err = get_customer(&client(&base)).await.unwrap_err();
    match err {
        Error::ResponseTooLarge {
            limit,
            content_length,
            status,
            ..
        } => {
            assert_eq!(limit, DEFAULT_MAX_RESPONSE_BYTES);
            assert_eq!(content_length, Some(300_000_000));
            assert_eq!(status.as_u16(), 200);
        }
        other => panic!("expected ResponseTooLarge, got {other:?}"),
    }
}

#[tokio::test]
async fn a_body_without_length_stops_being_read_at_the_limit() {
    // Chunked, no Content-Length: 20 chunks of 100 bytes against a 1,000-byte limit.
    let base = raw_server(Reply::new(
        "HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked",
        chunked(std::iter::repeat_n(&[b' '; 100][..], 20)),
    ))
    .await;
    let client = Client::builder(KEY)
        .base_url(&base)
        .retry_policy(conekta_sdk::RetryPolicy::none())
        .max_response_bytes(1_000)
        .build()
        .unwrap();
    let err = get_customer(&client).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                limit: 1_000,
                content_length: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
    assert!(err.to_string().contains("1000 bytes"), "{err}");
}

#[tokio::test]
async fn a_body_in_many_chunks_is_joined_and_decoded() {
    // Chunked, no Content-Length: the customer in chunks of 100 bytes, each its own frame.
    let base = raw_server(Reply::new(
        "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.conekta-v2.2.0+json\r\nTransfer-Encoding: chunked",
        chunked(CUSTOMER_CARD_JSON.as_bytes().chunks(100)),
    ))
    .await;
    let customer = get_customer(&client(&base)).await.unwrap();
    assert_eq!(customer.id, ID);
    let expected: serde_json::Value = serde_json::from_str(CUSTOMER_CARD_JSON).unwrap();
    assert_eq!(serde_json::to_value(&customer).unwrap(), expected);
}

#[tokio::test]
async fn a_body_at_the_limit_is_accepted() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(CUSTOMER_CARD_JSON, CONEKTA_JSON))
        .mount(&server)
        .await;
    let exact = CUSTOMER_CARD_JSON.len() as u64;
    let client = |limit| {
        Client::builder(KEY)
            .base_url(server.uri())
            .max_response_bytes(limit)
            .build()
            .unwrap()
    };
    assert_eq!(get_customer(&client(exact)).await.unwrap().id, ID);
    let err = get_customer(&client(exact - 1)).await.unwrap_err();
    assert!(matches!(err, Error::ResponseTooLarge { .. }), "{err:?}");
}

// --- Base URL --------------------------------------------------------------

#[test]
fn plain_http_is_refused_for_remote_hosts_unless_opted_in() {
    for url in [
        "http://api.conekta.io",
        "http://10.0.0.8:3000",
        "http://[2001:db8::1]",
    ] {
        let err = Client::builder(KEY).base_url(url).build().unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest { reason, .. } if reason.contains("clear text")),
            "{url}: {err:?}"
        );
        assert!(!format!("{err:?}{err}").contains(KEY));
        let client = Client::builder(KEY)
            .base_url(url)
            .allow_insecure_http()
            .build()
            .unwrap();
        assert_eq!(client.base_url().scheme(), "http");
    }
    for url in [
        "https://api.conekta.io",
        "http://127.0.0.1:3000",
        "http://localhost:3000/v2",
        "http://[::1]:3000",
    ] {
        Client::builder(KEY)
            .base_url(url)
            .build()
            .unwrap_or_else(|e| panic!("{url}: {e}"));
    }
}

// --- User agent ------------------------------------------------------------

#[tokio::test]
async fn requests_carry_conekta_style_user_agents_naming_this_project() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(CUSTOMER_CARD_JSON, CONEKTA_JSON))
        .mount(&server)
        .await;
    let version = env!("CARGO_PKG_VERSION");
    for (suffix, expected) in [
        (None, format!("Conekta/v2 RustBindings/{version}")),
        (
            Some("my-shop/1.2"),
            format!("Conekta/v2 RustBindings/{version} my-shop/1.2"),
        ),
    ] {
        let mut builder = Client::builder(KEY).base_url(server.uri());
        if let Some(suffix) = suffix {
            builder = builder.user_agent_suffix(suffix);
        }
        get_customer(&builder.build().unwrap()).await.unwrap();
        let requests = server.received_requests().await.unwrap();
        let last = requests.last().unwrap();
        assert_eq!(last.headers["user-agent"].to_str().unwrap(), expected);
        let client_agent: serde_json::Value =
            serde_json::from_slice(last.headers["x-conekta-client-user-agent"].as_bytes()).unwrap();
        let object = client_agent.as_object().unwrap();
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "bindings_version",
                "lang",
                "lang_version",
                "publisher",
                "uname"
            ]
        );
        assert_eq!(object["bindings_version"], version);
        assert_eq!(object["lang"], "rust");
        assert_eq!(
            object["lang_version"],
            format!("msrv {}", env!("CARGO_PKG_RUST_VERSION"))
        );
        assert_eq!(object["publisher"], "conekta-rs");
        assert!(
            object["uname"]
                .as_str()
                .unwrap()
                .contains(std::env::consts::OS)
        );
    }
}

// --- Slow and broken servers -----------------------------------------------

#[tokio::test]
async fn a_body_trickled_one_byte_at_a_time_hits_the_attempt_timeout() {
    let base = raw_server(Reply {
        head: format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}",
            CUSTOMER_CARD_JSON.len()
        ),
        body: CUSTOMER_CARD_JSON.into(),
        // 3 KB at 20 ms a byte: a minute, against a 300 ms attempt timeout.
        trickle: Some(Duration::from_millis(20)),
    })
    .await;
    let client = Client::builder(KEY)
        .base_url(&base)
        .retry_policy(conekta_sdk::RetryPolicy::none())
        .attempt_timeout(Some(Duration::from_millis(300)))
        .build()
        .unwrap();
    let err = get_customer(&client).await.unwrap_err();
    assert!(matches!(err, Error::MaybeSent { .. }), "{err:?}");
    let source = transport(&err);
    assert!(source.is_timeout(), "{source:?}");
    assert!(err.to_string().contains("timed out"), "{err}");
}

#[tokio::test]
async fn a_truncated_body_is_maybe_sent_with_a_body_error() {
    // Content-Length promises the whole customer; the server sends 100 bytes and closes.
    let base = raw_server(Reply::new(
        &format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}",
            CUSTOMER_CARD_JSON.len()
        ),
        &CUSTOMER_CARD_JSON.as_bytes()[..100],
    ))
    .await;
    let err = get_customer(&client(&base)).await.unwrap_err();
    assert!(matches!(err, Error::MaybeSent { .. }), "{err:?}");
    assert!(transport(&err).is_body(), "{err:?}");
}

#[tokio::test]
async fn a_content_length_shorter_than_the_body_gives_a_decode_error() {
    // The client reads exactly Content-Length bytes: the JSON is cut short.
    let base = raw_server(Reply::new(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40",
        CUSTOMER_CARD_JSON,
    ))
    .await;
    let err = get_customer(&client(&base)).await.unwrap_err();
    match &err {
        Error::Decode(answer) => {
            assert!(answer.json_error().is_eof(), "{answer}");
            assert_eq!(answer.body().len(), 40);
            assert_eq!(err.body().map(<[u8]>::len), Some(40));
        }
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn invalid_utf8_gives_a_decode_error() {
    let body = b"{\"id\": \"cus_\xff\xfe\", \"livemode\": false}".to_vec();
    let base = raw_server(Reply::new(
        &format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}",
            body.len()
        ),
        body.clone(),
    ))
    .await;
    let err = get_customer(&client(&base)).await.unwrap_err();
    match &err {
        Error::Decode(answer) => {
            assert!(answer.json_error().is_syntax(), "{answer}");
            assert_eq!(answer.body(), &body[..], "every byte, invalid UTF-8 too");
        }
        other => panic!("expected Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn an_html_error_page_is_an_api_error_with_the_raw_body() {
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let base = raw_server(Reply::new(
        &format!(
            "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: {}",
            page.len()
        ),
        page,
    ))
    .await;
    let err = get_customer(&client(&base)).await.unwrap_err();
    let api = err.api_error().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(api.status.as_u16(), 502);
    assert!(api.body.is_none());
    assert_eq!(api.raw_body(), page);
    assert_eq!(api.headers["content-type"], "text/html");
}

#[tokio::test]
async fn an_html_page_with_a_success_status_is_a_decode_error() {
    let page = "<html><body>Welcome to nginx!</body></html>";
    let base = raw_server(Reply::new(
        &format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}",
            page.len()
        ),
        page,
    ))
    .await;
    let err = get_customer(&client(&base)).await.unwrap_err();
    match &err {
        Error::Decode(answer) => assert_eq!(answer.body(), page.as_bytes()),
        other => panic!("expected Decode, got {other:?}"),
    }
}

// --- Transport errors and public types --------------------------------------

/// Statuses and headers in the API are the `http` crate's types (which reqwest
/// re-exports), so a reqwest release cannot change them: this only compiles if
/// they are the same types.
#[cfg(feature = "webhooks")]
#[test]
fn public_statuses_and_headers_are_http_crate_types() {
    fn status(err: &Error) -> Option<http::StatusCode> {
        err.status()
    }
    fn headers(api: &conekta_sdk::ApiError) -> &http::HeaderMap {
        &api.headers
    }
    fn method(op: &conekta_sdk::OperationInfo) -> &http::Method {
        &op.method
    }
    let _ = (status, headers, method);
}

#[tokio::test]
async fn transport_errors_are_opaque_and_chain_their_cause() {
    let err = get_customer(&client(&format!("http://127.0.0.1:{}", dead_port())))
        .await
        .unwrap_err();
    let source = transport(&err);
    assert!(source.is_connect() && !source.is_timeout() && !source.is_body());
    assert!(
        source.to_string().starts_with("cannot connect: "),
        "{source}"
    );
    // Error -> TransportError -> the HTTP library's error -> … -> the OS error.
    let first = err.source().expect("the transport error");
    assert!(first.is::<TransportError>());
    let mut depth = 0;
    let mut cause = first.source();
    while let Some(next) = cause {
        depth += 1;
        cause = next.source();
    }
    assert!(depth >= 1, "the cause chain is cut: {err:?}");
}
