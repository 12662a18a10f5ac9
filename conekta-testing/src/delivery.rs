//! Webhook deliveries: the events the store emits are POSTed, in order, by
//! one worker task to the webhooks subscribed to them, each signed in the
//! `Digest` header with the test-only key. Every attempt is recorded in the
//! event's `webhook_logs`. There is one attempt per webhook and event (Conekta
//! retries failures later; the fake does not).

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use serde_json::{Value, json};
use tokio::sync::mpsc::UnboundedReceiver;
use tokio::sync::oneshot;

use crate::fake::Shared;
use crate::signing::{SIGNATURE_HEADER, try_signature};
use crate::store::DeliveryResult;

/// How long an endpoint has to answer an event.
const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// The `User-Agent` of the fake's webhook POSTs (Conekta's own is not public).
const USER_AGENT: &str = concat!(
    "conekta-testing/",
    env!("CARGO_PKG_VERSION"),
    " (fake Conekta webhooks)"
);

/// A webhook to POST an event to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    pub(crate) url: String,
}

/// What the worker does next.
#[derive(Debug)]
pub(crate) enum Job {
    /// POST the event's `body` to each target, in order.
    Deliver {
        event_id: String,
        body: Bytes,
        targets: Vec<Target>,
    },
    /// Signal when every job queued before this one is done.
    Flush(oneshot::Sender<()>),
}

/// An endpoint's answer to a POST.
#[derive(Debug)]
pub(crate) struct Answer {
    /// The HTTP status, `None` when no answer came (refused, timed out).
    pub(crate) status: Option<u16>,
    /// The answer's body (empty when none came).
    pub(crate) body: Bytes,
    /// Why no answer came.
    pub(crate) error: Option<String>,
}

impl Answer {
    /// The record of this answer in an event's `webhook_logs`.
    pub(crate) fn result(&self, url: &str) -> DeliveryResult {
        let response = match (&self.error, serde_json::from_slice::<Value>(&self.body)) {
            (Some(error), _) => json!({ "error": error }),
            (None, Ok(object @ Value::Object(_))) => object,
            (None, _) => json!({}),
        };
        DeliveryResult {
            url: url.to_owned(),
            status: self.status,
            response,
        }
    }
}

/// POSTs `body` to `url`, signed, waiting at most `timeout` for the answer.
pub(crate) async fn post(
    http: &reqwest::Client,
    url: &str,
    body: Bytes,
    timeout: Duration,
) -> Answer {
    let failed = |error: String| Answer {
        status: None,
        body: Bytes::new(),
        error: Some(error),
    };
    let signature = match try_signature(&body) {
        Ok(signature) => signature,
        Err(err) => return failed(err.to_string()),
    };
    let request = http
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(reqwest::header::USER_AGENT, USER_AGENT)
        .header(SIGNATURE_HEADER, signature)
        .timeout(timeout)
        .body(body);
    let response = match request.send().await {
        Ok(response) => response,
        Err(err) => return failed(err.to_string()),
    };
    let status = response.status().as_u16();
    match response.bytes().await {
        Ok(body) => Answer {
            status: Some(status),
            body,
            error: None,
        },
        Err(err) => Answer {
            status: Some(status),
            body: Bytes::new(),
            error: Some(err.to_string()),
        },
    }
}

/// The worker: runs the jobs in order until the fake is dropped.
pub(crate) async fn run(shared: Arc<Shared>, mut jobs: UnboundedReceiver<Job>) {
    while let Some(job) = jobs.recv().await {
        match job {
            Job::Flush(done) => {
                // The waiter may have given up; nothing to tell then.
                let _ = done.send(());
            }
            Job::Deliver {
                event_id,
                body,
                targets,
            } => {
                for target in targets {
                    let answer =
                        post(&shared.http, &target.url, body.clone(), DELIVERY_TIMEOUT).await;
                    shared
                        .store()
                        .record_delivery(&event_id, answer.result(&target.url));
                }
            }
        }
    }
}
