//! Property test of the pagination cursor parser, through the public API: a
//! local server answers a first page whose `next_page_url` is arbitrary text or
//! an arbitrary URL, and a second page to whatever cursor the SDK sends. The
//! walk always ends in the two items, or in `Error::Pagination` when the URL
//! has no `next` cursor; never a panic, never a cursor other than the URL's.
//!
//! 256 cases by default; `PROPTEST_CASES=N` (or `cargo xtask fuzz --cases N`) runs more.

mod support;

use conekta_sdk::{Client, Error};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use reqwest::Url;
use std::sync::{Arc, Mutex};
use support::{client, customer, customers_page};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server answers with, and the cursors it was sent.
#[derive(Default)]
struct State {
    next_page_url: Option<String>,
    cursors: Vec<String>,
}

type Shared = Arc<Mutex<State>>;

/// A keep-alive HTTP/1.1 server on 127.0.0.1 serving `GET /customers`.
async fn list_server(state: Shared) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(serve(stream, Arc::clone(&state)));
        }
    });
    format!("http://{addr}")
}

async fn serve(mut stream: TcpStream, state: Shared) {
    let mut pending = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        while let Some(end) = pending.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&pending[..end]).into_owned();
            pending.drain(..end + 4);
            let target = head.split(' ').nth(1).unwrap_or("/");
            let body = page_for(target, &state);
            let response = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
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

/// The first page (with the arbitrary `next_page_url`) or, when a cursor is sent, the last one.
fn page_for(target: &str, state: &Shared) -> String {
    let url = Url::parse(&format!("http://local{target}")).expect("a request target");
    let cursor = url
        .query_pairs()
        .find(|(name, _)| name == "next")
        .map(|(_, value)| value.into_owned());
    let mut state = state.lock().unwrap();
    let page = match cursor {
        None => customers_page(
            &[customer("cus_first", "Ana")],
            true,
            state.next_page_url.as_deref(),
        ),
        Some(cursor) => {
            state.cursors.push(cursor);
            customers_page(&[customer("cus_second", "Beto")], false, None)
        }
    };
    page.to_string()
}

/// The cursor the SDK should follow: the non-empty `next` parameter of the URL.
fn expected_cursor(next_page_url: Option<&str>) -> Option<String> {
    let url = Url::parse(next_page_url?).ok()?;
    url.query_pairs()
        .find(|(name, _)| name == "next")
        .map(|(_, value)| value.into_owned())
        .filter(|value| !value.is_empty())
}

/// Arbitrary text, and URLs like the API's with an arbitrary (encoded) cursor.
fn next_page_url() -> impl Strategy<Value = Option<String>> {
    let cursor_url = (any::<String>(), any::<bool>()).prop_map(|(cursor, twice)| {
        let mut url = Url::parse("https://api-staging.conekta.io/customers?limit=1").unwrap();
        url.query_pairs_mut().append_pair("next", &cursor);
        if twice {
            url.query_pairs_mut().append_pair("next", "cus_other");
        }
        url.to_string()
    });
    let raw_query = any::<String>()
        .prop_map(|tail| format!("https://api-staging.conekta.io/customers?next={tail}"));
    prop_oneof![
        1 => Just(None),
        2 => any::<String>().prop_map(Some),
        4 => cursor_url.prop_map(Some),
        3 => raw_query.prop_map(Some),
    ]
}

async fn walk(client: &Client) -> Result<Vec<String>, Error> {
    let customers = client.customers().get_customers().collect_max(10).await?;
    Ok(customers.into_iter().map(|c| c.id).collect())
}

#[test]
fn any_next_page_url_gives_the_next_page_or_a_pagination_error() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let state = Shared::default();
    let base = runtime.block_on(list_server(Arc::clone(&state)));
    let client = client(&base);
    let config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    runner
        .run(&next_page_url(), |url| {
            {
                let mut state = state.lock().unwrap();
                state.next_page_url = url.clone();
                state.cursors.clear();
            }
            let result = runtime.block_on(walk(&client));
            let sent = std::mem::take(&mut state.lock().unwrap().cursors);
            match expected_cursor(url.as_deref()) {
                Some(cursor) => {
                    let ids = result.map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert_eq!(ids, ["cus_first", "cus_second"]);
                    prop_assert_eq!(sent, [cursor]);
                }
                None => {
                    prop_assert!(
                        matches!(result, Err(Error::Pagination { .. })),
                        "{:?}",
                        result
                    );
                    prop_assert!(sent.is_empty());
                }
            }
            Ok(())
        })
        .unwrap();
}
