//! Settings a request can take from the client or set for itself:
//! [`Language`] and the rest of [`RequestOptions`].

use super::retry::RetryPolicy;
use reqwest::header::HeaderMap;
use std::time::Duration;

crate::open_enum! {
    /// The language of Conekta's messages (`Accept-Language`); Conekta's default is Spanish.
    pub enum Language {
        /// Spanish.
        Es => "es",
        /// English.
        En => "en",
    }
}

/// Per-request overrides of the client's settings, set on a
/// [`Request`](crate::Request) with setters named like
/// [`ClientBuilder`](crate::ClientBuilder)'s (`.language(..)`,
/// `.child_company_id(..)`, `.attempt_timeout(..)`, `.retry_policy(..)`) and
/// `.header(..)`; what is unset falls back to the client.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// `Accept-Language` for this request.
    pub language: Option<Language>,
    /// `X-Child-Company-Id` for this request.
    pub child_company_id: Option<String>,
    /// The time each attempt may take (`Some(None)`: no limit).
    pub attempt_timeout: Option<Option<Duration>>,
    /// When and how often this request is retried.
    pub retry_policy: Option<RetryPolicy>,
    /// Headers to send besides the SDK's own.
    pub headers: HeaderMap,
}
