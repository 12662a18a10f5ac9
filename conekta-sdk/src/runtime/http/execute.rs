//! Sends a [`Call`]: headers, retries, hooks, tracing, and turning the
//! answer into a model or an [`Error`].

use super::body::BodyReader;
use super::client::Client;
use super::hooks::{Attempt as HookAttempt, AttemptResult};
use super::operation::{Call, OperationInfo};
use super::options::ResolvedOptions;
use super::response::{Answer, ResponseFuture};
use super::retry::{self, Outcome};
use crate::runtime::error::{ApiError, Error, TransportError};
use bytes::Bytes;
use reqwest::header::{
    ACCEPT, ACCEPT_LANGUAGE, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT,
};
use serde::de::DeserializeOwned;
use std::time::{Instant, SystemTime};
use tracing::Instrument;

/// Header that acts on behalf of a child company.
const CHILD_COMPANY: &str = "x-child-company-id";

/// Header with the JSON description of the client, after Conekta's SDK convention.
const CLIENT_USER_AGENT: &str = "x-conekta-client-user-agent";

/// The most a `Content-Length` makes the client allocate before the bytes arrive.
const PREALLOCATE_MAX: u64 = 1024 * 1024;

/// One attempt's result: the answer, or a transport failure with its outcome.
enum Attempt {
    Answered(reqwest::StatusCode, reqwest::header::HeaderMap, Bytes),
    Failed(Outcome, TransportError),
}

impl Client {
    /// Sends `call` (unless building it failed), retrying where safe, and
    /// decodes a success into `T` when awaited.
    pub(crate) fn send<'a, T: DeserializeOwned>(
        &'a self,
        call: Result<Call, Error>,
    ) -> ResponseFuture<'a, T> {
        ResponseFuture::new(Box::pin(self.execute(call)))
    }

    /// Sends `call`, retrying where safe: the status and body of a success.
    /// Not generic, so that its state machine is compiled once for every operation.
    async fn execute(&self, call: Result<Call, Error>) -> Result<Answer, Error> {
        let request = call?;
        let op = request.operation;
        let span = tracing::info_span!(
            "conekta.request",
            operation = op.id,
            method = %op.method,
            path = op.path,
            status = tracing::field::Empty,
            attempt = tracing::field::Empty,
        );
        async move {
            let (status, body) = self.send_with_retries(&request).await?;
            Ok(Answer {
                operation: op,
                status,
                body,
            })
        }
        .instrument(span)
        .await
    }

    async fn send_with_retries(&self, call: &Call) -> Result<(reqwest::StatusCode, Bytes), Error> {
        let op = call.operation;
        let options = call.options.resolve(&self.inner.defaults);
        let policy = options.retry_policy;
        let mut delays = policy.schedule();
        let mut attempt: u32 = 1;
        loop {
            tracing::Span::current().record("attempt", attempt);
            let hook = HookAttempt {
                operation: op,
                number: attempt,
            };
            let result = self
                .attempt(&hook, self.prepare(call, &options, &hook)?)
                .await?;
            let outcome = match &result {
                Attempt::Answered(status, ..) => Outcome::Status(*status),
                Attempt::Failed(outcome, _) => *outcome,
            };
            let done = matches!(result, Attempt::Answered(status, ..) if status.is_success())
                || !retry::is_retryable(&op.method, outcome);
            let delay = if done { None } else { delays.next() };
            let Some(delay) = delay else {
                return finish(op.id, result);
            };
            let wait = match &result {
                Attempt::Answered(_, headers, _) => {
                    match retry::retry_after(headers, SystemTime::now()) {
                        Some(asked) if asked > policy.max_retry_after => {
                            return finish(op.id, result);
                        }
                        Some(asked) => asked,
                        None => retry::full_jitter(delay),
                    }
                }
                Attempt::Failed(..) => retry::full_jitter(delay),
            };
            tracing::debug!(?outcome, wait_ms = wait.as_millis() as u64, "retrying");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// The HTTP request of one attempt: URL, headers, body (shared, not
    /// copied) and timeout, as the hooks leave it, with the key. Built for
    /// each attempt rather than cloned, so that a call that is not retried
    /// builds it once.
    fn prepare(
        &self,
        call: &Call,
        options: &ResolvedOptions<'_>,
        attempt: &HookAttempt,
    ) -> Result<reqwest::Request, Error> {
        let inner = &self.inner;
        let op = call.operation;
        let mut url = inner.base_url.clone();
        let base_path = inner.base_url.path().trim_end_matches('/');
        url.set_path(&format!("{base_path}{}", call.path));
        if !call.query.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(call.query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        let mut builder = inner
            .http
            .request(op.method.clone(), url)
            .header(ACCEPT, HeaderValue::from_static(crate::MEDIA_TYPE))
            .header(USER_AGENT, inner.user_agent.clone())
            .header(CLIENT_USER_AGENT, inner.client_user_agent.clone());
        if let Some(language) = options.language {
            builder = builder.header(ACCEPT_LANGUAGE, header_value(op.id, language.as_str())?);
        }
        if let Some(company) = options.child_company_id {
            builder = builder.header(CHILD_COMPANY, header_value(op.id, company)?);
        }
        if let Some(body) = &call.body {
            builder = builder
                .header(CONTENT_TYPE, call.content_type.clone())
                .body(body.clone());
        }
        for (name, value) in options.headers {
            builder = builder.header(name, value);
        }
        if let Some(timeout) = options.attempt_timeout {
            builder = builder.timeout(timeout);
        }
        let mut request = builder.build().map_err(|err| Error::InvalidRequest {
            operation: op.id,
            reason: err.to_string(),
        })?;
        for hook in &inner.hooks {
            hook.before_attempt(attempt, &mut request);
        }
        request
            .headers_mut()
            .insert(AUTHORIZATION, inner.api_key.authorization().clone());
        Ok(request)
    }

    /// Sends one attempt's request, and tells the hooks what came of it.
    async fn attempt(
        &self,
        hook: &HookAttempt,
        request: reqwest::Request,
    ) -> Result<Attempt, Error> {
        let started = Instant::now();
        let result = self.exchange(hook.operation, request).await?;
        if !self.inner.hooks.is_empty() {
            let elapsed = started.elapsed();
            let seen = match &result {
                Attempt::Answered(status, headers, body) => AttemptResult::Answered {
                    status: *status,
                    headers,
                    body,
                    elapsed,
                },
                Attempt::Failed(outcome, error) => AttemptResult::Failed {
                    error,
                    maybe_sent: *outcome != Outcome::NotSent,
                    elapsed,
                },
            };
            for each in &self.inner.hooks {
                each.after_attempt(hook, &seen);
            }
        }
        Ok(result)
    }

    /// Sends one attempt's request and reads the answer.
    async fn exchange(
        &self,
        op: &OperationInfo,
        request: reqwest::Request,
    ) -> Result<Attempt, Error> {
        // Where the answer must come from (see the redirect check below).
        let sent_to = request.url().clone();
        let mut response = match self.inner.http.execute(request).await {
            Ok(response) => response,
            Err(err) if err.is_builder() => {
                return Err(Error::InvalidRequest {
                    operation: op.id,
                    reason: err.to_string(),
                });
            }
            Err(err) => return Ok(Attempt::Failed(classify(&err), TransportError::new(err))),
        };
        let status = response.status();
        tracing::Span::current().record("status", status.as_u16());
        // Taken, not copied: the body is read without them.
        let headers = std::mem::take(response.headers_mut());
        if *response.url() != sent_to {
            // Only a user-supplied client follows redirects; the other host's answer is not ours.
            return Err(Error::Api(Box::new(ApiError::followed_redirect(
                op.id,
                status,
                headers,
                response.url().as_str(),
            ))));
        }
        let limit = self.inner.max_response_bytes;
        let too_large = |content_length| Error::ResponseTooLarge {
            operation: op.id,
            status,
            limit,
            content_length,
        };
        let content_length = response.content_length();
        if content_length.is_some_and(|length| length > limit) {
            return Err(too_large(content_length));
        }
        // Read chunk by chunk, so that a body without (or lying about) its length stops at the limit.
        // A body in one chunk is kept as it came; the announced length sizes the buffer that
        // joins several, up to a point: it is the server's word.
        let capacity = content_length.map_or(0, |length| length.min(PREALLOCATE_MAX));
        let mut body = BodyReader::new(usize::try_from(capacity).unwrap_or(0));
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if (body.len() + chunk.len()) as u64 > limit {
                        return Err(too_large(content_length));
                    }
                    body.push(chunk);
                }
                Ok(None) => return Ok(Attempt::Answered(status, headers, body.finish())),
                Err(err) => {
                    return Ok(Attempt::Failed(
                        Outcome::MaybeSent,
                        TransportError::new(err),
                    ));
                }
            }
        }
    }
}

/// A connection that was never made is certainly not sent; anything later may have been.
fn classify(err: &reqwest::Error) -> Outcome {
    if err.is_connect() {
        Outcome::NotSent
    } else {
        Outcome::MaybeSent
    }
}

fn finish(operation: &'static str, result: Attempt) -> Result<(reqwest::StatusCode, Bytes), Error> {
    match result {
        Attempt::Answered(status, _, bytes) if status.is_success() => Ok((status, bytes)),
        Attempt::Answered(status, headers, bytes) => Err(Error::Api(Box::new(ApiError::new(
            operation, status, headers, bytes,
        )))),
        Attempt::Failed(Outcome::NotSent, source) => Err(Error::NotSent { operation, source }),
        Attempt::Failed(_, source) => Err(Error::MaybeSent { operation, source }),
    }
}

fn header_value(operation: &'static str, value: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(value).map_err(|_| Error::InvalidRequest {
        operation,
        reason: format!("`{value}` cannot be sent in a header"),
    })
}
