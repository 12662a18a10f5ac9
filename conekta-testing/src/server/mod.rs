//! The HTTP side of the fake: HTTP/1.1 on hyper, one task per connection,
//! each request authenticated, routed to the store and answered with
//! Conekta's JSON.

pub(crate) mod failure;
mod request;
mod routes;

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;

use crate::fake::Shared;
use failure::ApiFailure;
use request::ApiRequest;

/// The largest request body the fake reads.
const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Accepts connections until the task is aborted.
pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors and the like: wait, then go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(handle(&shared, request).await) }
            });
            // A client that hangs up mid-request is its own business.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Answers one request.
async fn handle(shared: &Arc<Shared>, request: Request<Incoming>) -> Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let body = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(err) => {
            let failure = ApiFailure::malformed(&format!("the body could not be read: {err}"));
            return answer(
                failure.status(),
                &failure.body(failure::Language::Es, &shared.log_ids.hex()),
            );
        }
    };
    let request = ApiRequest::new(
        parts.method,
        parts.uri.path(),
        parts.uri.query(),
        parts.headers,
        body,
    );
    match routes::dispatch(shared, &request).await {
        Ok(json) => answer(200, &json),
        Err(failure) => answer(
            failure.status(),
            &failure.body(request.language(), &shared.log_ids.hex()),
        ),
    }
}

/// A JSON answer with Conekta's media type.
fn answer(status: u16, json: &Value) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(json.to_string())));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/vnd.conekta-v2.2.0+json; charset=utf-8"),
    );
    response
}
