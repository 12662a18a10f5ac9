//! Every operation, called through the SDK with sample arguments, sends what
//! the spec describes: method, path with encoded ids, query names and values,
//! the default headers and the JSON body. Table-driven from the generated
//! operation table, so a new operation in the spec is covered automatically.

use conekta_sdk::{Client, MEDIA_TYPE, RetryPolicy};
use conekta_tests::operations::{OPERATIONS, Operation, call_with_samples};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const API_KEY: &str = "key_request_shapes";

#[tokio::test]
async fn every_operation_sends_the_request_the_spec_describes() {
    let server = MockServer::start().await;
    let client = Client::builder(API_KEY)
        .base_url(server.uri())
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client");
    let mut problems = Vec::new();
    for op in OPERATIONS {
        server.reset().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(op.success_status)
                    .set_body_raw(op.sample_response, MEDIA_TYPE),
            )
            .mount(&server)
            .await;
        let result = call_with_samples(&client, op.id)
            .await
            .expect("every operation has a sample call");
        if let Err(err) = result {
            problems.push(format!("{}: the call failed: {err}", op.id));
            continue;
        }
        let received = server.received_requests().await.unwrap_or_default();
        match received.as_slice() {
            [request] => problems.extend(
                check(op, request)
                    .into_iter()
                    .map(|p| format!("{}: {p}", op.id)),
            ),
            other => problems.push(format!("{}: {} requests instead of 1", op.id, other.len())),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(OPERATIONS.len(), 113, "the spec has 113 operations");
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

fn check(op: &Operation, request: &Request) -> Vec<String> {
    let mut problems = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            problems.push(what);
        }
    };
    expect(
        request.method.as_str() == op.method,
        format!("method {} (spec: {})", request.method, op.method),
    );
    expect(
        request.url.path() == op.sample_path,
        format!("path {} (expected {})", request.url.path(), op.sample_path),
    );
    let mut query: Vec<(String, String)> = request
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut expected: Vec<(String, String)> = op
        .sample_query
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    query.sort();
    expected.sort();
    expect(
        query == expected,
        format!("query {query:?} (expected {expected:?})"),
    );
    expect(
        header(request, "authorization") == Some(&format!("Bearer {API_KEY}")),
        "missing or wrong Authorization".into(),
    );
    expect(
        header(request, "accept") == Some(MEDIA_TYPE),
        format!("Accept {:?}", header(request, "accept")),
    );
    expect(
        header(request, "user-agent").is_some_and(|ua| ua.starts_with("Conekta/v2 RustBindings/")),
        format!("User-Agent {:?}", header(request, "user-agent")),
    );
    expect(
        header(request, "accept-language") == op.sets_language.then_some("en"),
        format!("Accept-Language {:?}", header(request, "accept-language")),
    );
    expect(
        header(request, "x-child-company-id") == op.sets_child_company.then_some("child_1"),
        format!(
            "X-Child-Company-Id {:?}",
            header(request, "x-child-company-id")
        ),
    );
    match op.sample_body {
        Some(body) => {
            expect(
                header(request, "content-type") == Some("application/json"),
                format!("Content-Type {:?}", header(request, "content-type")),
            );
            let sent: Result<serde_json::Value, _> = serde_json::from_slice(&request.body);
            let wanted: serde_json::Value =
                serde_json::from_str(body).expect("sample body is JSON");
            expect(
                sent.as_ref().ok() == Some(&wanted),
                format!("body {sent:?} (expected {wanted})"),
            );
        }
        None => {
            expect(
                request.body.is_empty(),
                "a body on an operation without one".into(),
            );
            expect(
                header(request, "content-type").is_none(),
                "Content-Type without a body".into(),
            );
        }
    }
    problems
}
