//! Settings a request can take from the client or set for itself:
//! [`Language`] and the rest of [`RequestOptions`], and the one place where
//! a request's options and the client's defaults meet
//! ([`RequestOptions::resolve`]).

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

/// The client's settings that a request may override, under the names of
/// [`RequestOptions`] (and of [`ClientBuilder`](crate::ClientBuilder)'s setters).
#[derive(Debug, Clone)]
pub(crate) struct ClientDefaults {
    /// `Accept-Language` of every request that does not set its own.
    pub(crate) language: Option<Language>,
    /// `X-Child-Company-Id` of every request that does not set its own.
    pub(crate) child_company_id: Option<String>,
    /// The time each attempt may take (`None`: no limit).
    pub(crate) attempt_timeout: Option<Duration>,
    /// When and how often a request is retried.
    pub(crate) retry_policy: RetryPolicy,
}

impl Default for ClientDefaults {
    /// No language or child company (Conekta's defaults), 60 s an attempt,
    /// the default [`RetryPolicy`].
    fn default() -> Self {
        Self {
            language: None,
            child_company_id: None,
            attempt_timeout: Some(Duration::from_secs(60)),
            retry_policy: RetryPolicy::default(),
        }
    }
}

/// One call's options: each one the request's own, or else the client's.
/// What every attempt of the call is prepared with.
#[derive(Debug)]
pub(crate) struct ResolvedOptions<'a> {
    /// `Accept-Language`, if any.
    pub(crate) language: Option<&'a Language>,
    /// `X-Child-Company-Id`, if any.
    pub(crate) child_company_id: Option<&'a str>,
    /// The time each attempt may take (`None`: no limit).
    pub(crate) attempt_timeout: Option<Duration>,
    /// When and how often the call is retried.
    pub(crate) retry_policy: &'a RetryPolicy,
    /// Headers to send besides the SDK's own (the request's alone: the
    /// client has none of its own).
    pub(crate) headers: &'a HeaderMap,
}

impl RequestOptions {
    /// These options, with the client's `defaults` where they are unset.
    pub(crate) fn resolve<'a>(&'a self, defaults: &'a ClientDefaults) -> ResolvedOptions<'a> {
        ResolvedOptions {
            language: self.language.as_ref().or(defaults.language.as_ref()),
            child_company_id: self
                .child_company_id
                .as_deref()
                .or(defaults.child_company_id.as_deref()),
            attempt_timeout: self.attempt_timeout.unwrap_or(defaults.attempt_timeout),
            retry_policy: self.retry_policy.as_ref().unwrap_or(&defaults.retry_policy),
            headers: &self.headers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn client() -> ClientDefaults {
        ClientDefaults {
            language: Some(Language::Es),
            child_company_id: Some("child_client".into()),
            attempt_timeout: Some(Duration::from_secs(60)),
            retry_policy: RetryPolicy::default(),
        }
    }

    #[test]
    fn what_a_request_leaves_unset_is_the_clients() {
        let (defaults, options) = (client(), RequestOptions::default());
        let resolved = options.resolve(&defaults);
        assert_eq!(resolved.language, Some(&Language::Es));
        assert_eq!(resolved.child_company_id, Some("child_client"));
        assert_eq!(resolved.attempt_timeout, Some(Duration::from_secs(60)));
        assert_eq!(resolved.retry_policy, &defaults.retry_policy);
        assert!(resolved.headers.is_empty());
    }

    #[test]
    fn what_a_request_sets_wins() {
        let defaults = client();
        let mut options = RequestOptions {
            language: Some(Language::En),
            child_company_id: Some("child_request".into()),
            attempt_timeout: Some(Some(Duration::from_secs(5))),
            retry_policy: Some(RetryPolicy::none()),
            ..RequestOptions::default()
        };
        options
            .headers
            .insert("x-trace", HeaderValue::from_static("t1"));
        let resolved = options.resolve(&defaults);
        assert_eq!(resolved.language, Some(&Language::En));
        assert_eq!(resolved.child_company_id, Some("child_request"));
        assert_eq!(resolved.attempt_timeout, Some(Duration::from_secs(5)));
        assert_eq!(resolved.retry_policy, &RetryPolicy::none());
        assert_eq!(resolved.headers["x-trace"], "t1");
    }

    #[test]
    fn a_request_can_lift_the_clients_timeout() {
        let defaults = client();
        let options = RequestOptions {
            attempt_timeout: Some(None),
            ..RequestOptions::default()
        };
        assert_eq!(options.resolve(&defaults).attempt_timeout, None);
    }
}
