//! When to try a request again, and how long to wait: capped exponential
//! backoff (from `backon`) with full jitter, honouring `Retry-After`.

use backon::{BackoffBuilder, ExponentialBuilder};
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use std::time::{Duration, SystemTime};

/// How failed requests are retried.
///
/// Only failures that are safe to repeat are retried: `GET`, `PUT` and `DELETE`
/// after a 429, a 5xx or a transport error; `POST` and `PATCH` only when the
/// connection could not be made, since Conekta has no idempotency key and a
/// replayed `POST` can charge a card twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 switches retrying off).
    pub max_retries: u32,
    /// Delay before the first retry, before jitter.
    pub initial_delay: Duration,
    /// Cap of the exponential delay.
    pub max_delay: Duration,
    /// The longest `Retry-After` honoured; a longer one ends the retries.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            initial_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// The capped exponential delays, one per allowed retry, before jitter.
    pub(crate) fn schedule(&self) -> impl Iterator<Item = Duration> + use<> {
        ExponentialBuilder::default()
            .with_min_delay(self.initial_delay)
            .with_max_delay(self.max_delay)
            .with_factor(2.0)
            .with_max_times(self.max_retries as usize)
            .build()
    }
}

/// What happened to one attempt, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The connection was never made.
    NotSent,
    /// It may have reached the server.
    MaybeSent,
    /// The server answered with this status.
    Status(StatusCode),
}

/// Whether an attempt with this outcome may be repeated.
pub(crate) fn is_retryable(method: &Method, outcome: Outcome) -> bool {
    let idempotent = matches!(
        *method,
        Method::GET | Method::PUT | Method::DELETE | Method::HEAD
    );
    match outcome {
        Outcome::NotSent => true,
        Outcome::MaybeSent => idempotent,
        Outcome::Status(status) => {
            idempotent && (status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error())
        }
    }
}

/// Full jitter: a uniformly random delay between zero and the backoff delay.
pub(crate) fn full_jitter(delay: Duration) -> Duration {
    let millis = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
    Duration::from_millis(fastrand::u64(0..=millis))
}

/// The delay a `Retry-After` header asks for (seconds or an HTTP date).
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn schedule_is_exponential_capped_and_bounded() {
        let policy = RetryPolicy {
            max_retries: 5,
            initial_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(500),
            max_retry_after: Duration::from_secs(1),
        };
        let delays: Vec<u128> = policy.schedule().map(|d| d.as_millis()).collect();
        assert_eq!(delays, [100, 200, 400, 500, 500]);
        assert_eq!(RetryPolicy::none().schedule().count(), 0);
    }

    #[test]
    fn jitter_stays_within_the_delay() {
        for _ in 0..1000 {
            assert!(full_jitter(Duration::from_millis(50)) <= Duration::from_millis(50));
        }
        assert_eq!(full_jitter(Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn only_safe_requests_are_replayed() {
        let unavailable = Outcome::Status(StatusCode::SERVICE_UNAVAILABLE);
        let limited = Outcome::Status(StatusCode::TOO_MANY_REQUESTS);
        let invalid = Outcome::Status(StatusCode::UNPROCESSABLE_ENTITY);
        assert!(is_retryable(&Method::GET, unavailable));
        assert!(is_retryable(&Method::DELETE, limited));
        assert!(is_retryable(&Method::PUT, Outcome::MaybeSent));
        assert!(!is_retryable(&Method::GET, invalid));
        assert!(!is_retryable(&Method::POST, unavailable));
        assert!(!is_retryable(&Method::POST, limited));
        assert!(!is_retryable(&Method::PATCH, Outcome::MaybeSent));
        assert!(is_retryable(&Method::POST, Outcome::NotSent));
    }

    #[test]
    fn reads_retry_after_in_both_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers, now), None);
        headers.insert(RETRY_AFTER, HeaderValue::from_static("3"));
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(3)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(7));
        headers.insert(RETRY_AFTER, HeaderValue::from_str(&later).unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(7)));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers, now), None);
    }
}
