//! Cursor pagination through a generated list operation (`GET /customers`):
//! every item in order across pages, the `next` cursor taken from `next_page_url`
//! while `limit` and `search` are kept, errors as the stream's last item, and
//! no page fetched before it is needed.

mod support;

use conekta_sdk::{Error, PaginationError, models};
use futures_util::{StreamExt, TryStreamExt};
use serde_json::Value;
use std::future::Future;
use std::time::Duration;
use support::{CONEKTA_JSON, client, customer, customers_page, error_body};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A search with characters that need encoding.
const SEARCH: &str = "felipe gómez&co";

fn page(items: &[Value], has_more: bool, next: Option<&str>) -> ResponseTemplate {
    // Conekta's `next_page_url` points at the production host; only its cursor is used.
    let url = next.map(|cursor| {
        format!(
            "https://api.conekta.io/customers?limit=2&search=felipe+g%C3%B3mez%26co&next={cursor}"
        )
    });
    let body = serde_json::to_string(&customers_page(items, has_more, url.as_deref())).unwrap();
    ResponseTemplate::new(200).set_body_raw(body, CONEKTA_JSON)
}

/// Mounts pages of two customers (`cus_1`…`cus_<total>`), chained by `next` cursors.
async fn mount_pages(server: &MockServer, total: usize) {
    let ids: Vec<String> = (1..=total).map(|i| format!("cus_{i}")).collect();
    for (n, chunk) in ids.chunks(2).enumerate() {
        let items: Vec<Value> = chunk
            .iter()
            .map(|id| customer(id, &format!("Cliente {id}")))
            .collect();
        let last = chunk.last().unwrap();
        let has_more = last != ids.last().unwrap();
        let mock = Mock::given(method("GET")).and(path("/customers"));
        let mock = if n == 0 {
            mock.and(query_param_is_missing("next"))
        } else {
            mock.and(query_param("next", ids[2 * n - 1].as_str()))
        };
        mock.respond_with(page(&items, has_more, has_more.then_some(last.as_str())))
            .named(format!("page {}", n + 1))
            .mount(server)
            .await;
    }
}

async fn queries(server: &MockServer) -> Vec<Vec<(String, String)>> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| {
            r.url
                .query_pairs()
                .map(|(k, v)| (k.into(), v.into()))
                .collect()
        })
        .collect()
}

/// `future`'s output, or a panic if it takes more than 10 s (a stream that never ends).
async fn within<F: Future>(future: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(10), future)
        .await
        .expect("pagination did not finish within 10 s")
}

fn ids(customers: &[models::CustomerResponse]) -> Vec<&str> {
    customers.iter().map(|c| c.id.as_str()).collect()
}

#[tokio::test]
async fn three_pages_yield_every_item_in_order_with_cursor_limit_and_search() {
    let server = MockServer::start().await;
    mount_pages(&server, 5).await;
    let client = client(&server.uri());

    let items: Vec<_> = within(
        client
            .customers()
            .get_customers()
            .limit(2)
            .search(SEARCH)
            .into_stream()
            .collect(),
    )
    .await;

    let items: Vec<models::CustomerResponse> = items.into_iter().map(Result::unwrap).collect();
    assert_eq!(ids(&items), ["cus_1", "cus_2", "cus_3", "cus_4", "cus_5"]);
    assert_eq!(items[4].name, "Cliente cus_5");
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    assert_eq!(
        queries(&server).await,
        [
            vec![pair("limit", "2"), pair("search", SEARCH)],
            vec![
                pair("limit", "2"),
                pair("search", SEARCH),
                pair("next", "cus_2")
            ],
            vec![
                pair("limit", "2"),
                pair("search", SEARCH),
                pair("next", "cus_4")
            ],
        ]
    );
    // Every page went to the client's base URL, not to `next_page_url`'s host.
    for request in server.received_requests().await.unwrap() {
        assert_eq!(request.url.path(), "/customers");
    }
}

#[tokio::test]
async fn an_error_on_page_two_is_the_last_item_after_page_ones_items() {
    let server = MockServer::start().await;
    Mock::given(path("/customers"))
        .and(query_param_is_missing("next"))
        .respond_with(page(
            &[customer("cus_1", "Ana"), customer("cus_2", "Beto")],
            true,
            Some("cus_2"),
        ))
        .mount(&server)
        .await;
    Mock::given(path("/customers"))
        .and(query_param("next", "cus_2"))
        .respond_with(ResponseTemplate::new(500).set_body_json(error_body(
            "api_error",
            "6718462987c2a2001a074e9f",
            "conekta.errors.api.system.general_failure",
            "El sistema no está disponible.",
            "",
        )))
        .mount(&server)
        .await;
    let client = client(&server.uri());

    let mut stream = std::pin::pin!(client.customers().get_customers().limit(2).into_stream());
    assert_eq!(stream.next().await.unwrap().unwrap().id, "cus_1");
    assert_eq!(stream.next().await.unwrap().unwrap().id, "cus_2");
    let err = stream.next().await.unwrap().unwrap_err();
    let api = err.api_error().expect("the page-two error");
    assert_eq!(api.status.as_u16(), 500);
    assert_eq!(
        api.error_type(),
        Some(&conekta_sdk::models::ErrorType::ApiError)
    );
    assert!(
        stream.next().await.is_none(),
        "the stream ends after the error"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);

    // `collect_max` returns that error instead of the partial list.
    let err = client
        .customers()
        .get_customers()
        .limit(2)
        .collect_max(10)
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(500));
}

#[tokio::test]
async fn an_empty_first_page_ends_at_once() {
    // When the page claims `has_more` with no items, the stream ends with an
    // error instead of following a cursor that can only lead back.
    for has_more in [false, true] {
        let server = MockServer::start().await;
        Mock::given(path("/customers"))
            .respond_with(page(&[], has_more, has_more.then_some("cus_0")))
            .mount(&server)
            .await;

        let items: Vec<_> = within(
            client(&server.uri())
                .customers()
                .get_customers()
                .limit(2)
                .into_stream()
                .collect(),
        )
        .await;

        if has_more {
            assert!(
                matches!(
                    items.as_slice(),
                    [Err(Error::Pagination {
                        reason: PaginationError::EmptyPage,
                        ..
                    })]
                ),
                "{items:?}"
            );
        } else {
            assert!(items.is_empty(), "{} items", items.len());
        }
        assert_eq!(server.received_requests().await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn a_page_without_data_ends_the_stream() {
    let server = MockServer::start().await;
    Mock::given(path("/customers"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(r#"{"object":"list","has_more":false}"#, CONEKTA_JSON),
        )
        .mount(&server)
        .await;

    let items = client(&server.uri())
        .customers()
        .get_customers()
        .collect_max(100)
        .await
        .unwrap();

    assert!(items.is_empty());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn collect_max_fetches_no_more_pages_than_needed() {
    let server = MockServer::start().await;
    mount_pages(&server, 6).await;
    let client = client(&server.uri());
    let sent = || async { server.received_requests().await.unwrap().len() };

    // Building a stream sends nothing; `collect_max(0)` neither.
    let stream = client.customers().get_customers().limit(2).into_stream();
    drop(stream);
    let none = client
        .customers()
        .get_customers()
        .limit(2)
        .collect_max(0)
        .await;
    assert!(none.unwrap().is_empty());
    assert_eq!(sent().await, 0);

    let two = client
        .customers()
        .get_customers()
        .limit(2)
        .collect_max(2)
        .await;
    assert_eq!(ids(&two.unwrap()), ["cus_1", "cus_2"]);
    assert_eq!(sent().await, 1, "a full first page needs no second one");

    let three = client
        .customers()
        .get_customers()
        .limit(2)
        .collect_max(3)
        .await;
    assert_eq!(ids(&three.unwrap()), ["cus_1", "cus_2", "cus_3"]);
    assert_eq!(sent().await, 1 + 2, "the third page was fetched");

    let all = client
        .customers()
        .get_customers()
        .limit(2)
        .collect_max(100)
        .await;
    assert_eq!(all.unwrap().len(), 6);
    assert_eq!(sent().await, 1 + 2 + 3);
}

#[tokio::test]
async fn has_more_without_a_next_cursor_is_a_pagination_error_after_the_items() {
    let server = MockServer::start().await;
    let body = serde_json::to_string(&customers_page(
        &[customer("cus_1", "Ana")],
        true,
        Some("https://api.conekta.io/customers?limit=1"),
    ))
    .unwrap();
    Mock::given(path("/customers"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, CONEKTA_JSON))
        .mount(&server)
        .await;

    let items: Vec<_> = within(
        client(&server.uri())
            .customers()
            .get_customers()
            .limit(1)
            .into_stream()
            .collect(),
    )
    .await;

    assert_eq!(items.len(), 2);
    assert_eq!(items[0].as_ref().unwrap().id, "cus_1");
    let err = items[1].as_ref().unwrap_err();
    assert!(
        matches!(
            err,
            Error::Pagination {
                operation: "getCustomers",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

/// Mounts the page after `cursor` (the first page for `None`): one customer
/// `id`, `has_more`, and `next` as its `next_page_url`'s cursor.
async fn mount_page_after(server: &MockServer, cursor: Option<&str>, id: &str, next: &str) {
    let mock = Mock::given(method("GET")).and(path("/customers"));
    let mock = match cursor {
        None => mock.and(query_param_is_missing("next")),
        Some(cursor) => mock.and(query_param("next", cursor)),
    };
    mock.respond_with(page(&[customer(id, "Cliente")], true, Some(next)))
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_repeated_cursor_ends_the_stream_with_an_error() {
    // The second page points back at itself (as Conekta's Mockoon fixtures do):
    // its items are yielded once, then the stream ends instead of looping.
    let server = MockServer::start().await;
    mount_page_after(&server, None, "cus_1", "cus_1").await;
    mount_page_after(&server, Some("cus_1"), "cus_2", "cus_1").await;

    let client = client(&server.uri());
    let mut stream = client.customers().get_customers().limit(1).into_stream();
    let mut ids = Vec::new();
    // `PageStream` is `Unpin`: `try_next` needs no `pin!`.
    let err = loop {
        match within(stream.try_next()).await {
            Ok(Some(customer)) => ids.push(customer.id),
            Ok(None) => panic!("the stream ended without an error after {ids:?}"),
            Err(err) => break err,
        }
    };
    assert_eq!(ids, ["cus_1", "cus_2"]);
    match err {
        Error::Pagination {
            operation: "getCustomers",
            reason: PaginationError::RepeatedCursor { cursor },
        } => assert_eq!(cursor, "cus_1"),
        other => panic!("expected a repeated cursor, got {other:?}"),
    }
    assert_eq!(within(stream.try_next()).await.unwrap(), None);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_cursor_the_request_started_from_is_not_followed_again() {
    let server = MockServer::start().await;
    mount_page_after(&server, Some("cus_0"), "cus_1", "cus_0").await;

    let items: Vec<_> = within(
        client(&server.uri())
            .customers()
            .get_customers()
            .next("cus_0")
            .into_stream()
            .collect(),
    )
    .await;
    assert_eq!(items.len(), 2);
    assert!(
        matches!(
            &items[1],
            Err(Error::Pagination {
                reason: PaginationError::RepeatedCursor { .. },
                ..
            })
        ),
        "{items:?}"
    );
}
