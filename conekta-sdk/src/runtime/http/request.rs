//! [`Request`]: one call of an operation, with this call's options; the
//! generated operations add the setters of their own parameters.

use super::client::Client;
use super::operation::{Call, Operation, OperationInfo};
use super::options::{Language, RequestOptions};
use super::response::ResponseFuture;
use super::retry::RetryPolicy;
use crate::runtime::error::Error;
use reqwest::header::{AUTHORIZATION, HeaderName, HeaderValue};
use std::fmt;
use std::future::IntoFuture;
use std::time::Duration;

/// One call of operation `P`: from a group of the client
/// (`client.customers().get_customers()`), then set the operation's optional
/// parameters and this call's options, then `.await` it (or `.send().await`).
///
/// ```no_run
/// # async fn demo(client: conekta_sdk::Client) -> Result<(), conekta_sdk::Error> {
/// use conekta_sdk::Language;
/// use std::time::Duration;
///
/// let page = client
///     .customers()
///     .get_customers()
///     .limit(50)                                    // the operation's own parameter
///     .language(Language::En)                       // this call's options
///     .attempt_timeout(Some(Duration::from_secs(5)))
///     .await?;
/// # Ok(()) }
/// ```
///
/// The options fall back to the client's ([`ClientBuilder`](crate::ClientBuilder)).
#[must_use = "a request does nothing until it is awaited"]
pub struct Request<'a, P> {
    pub(crate) client: &'a Client,
    pub(crate) params: P,
    pub(crate) options: RequestOptions,
    /// A header that could not be added: the call fails with it, unsent.
    invalid: Option<String>,
}

impl<'a, P: Operation> Request<'a, P> {
    /// A call of the operation `params` describe, on `client`.
    pub(crate) fn new(client: &'a Client, params: P) -> Self {
        Self {
            client,
            params,
            options: RequestOptions::default(),
            invalid: None,
        }
    }

    /// What identifies the operation: its id, method and path template.
    pub fn operation_info(&self) -> &'static OperationInfo {
        P::INFO
    }

    /// `Accept-Language` for this call, instead of the client's
    /// [`language`](crate::ClientBuilder::language).
    pub fn language(mut self, language: impl Into<Language>) -> Self {
        self.options.language = Some(language.into());
        self
    }

    /// `X-Child-Company-Id` for this call, instead of the client's
    /// [`child_company_id`](crate::ClientBuilder::child_company_id).
    pub fn child_company_id(mut self, id: impl Into<String>) -> Self {
        self.options.child_company_id = Some(id.into());
        self
    }

    /// The time each attempt of this call may take (`None`: no limit),
    /// instead of the client's [`attempt_timeout`](crate::ClientBuilder::attempt_timeout).
    pub fn attempt_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.options.attempt_timeout = Some(timeout);
        self
    }

    /// When and how often this call is retried, instead of the client's
    /// [`retry_policy`](crate::ClientBuilder::retry_policy). The rule that a
    /// `POST` is only retried when it was certainly not sent still holds.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.options.retry_policy = Some(policy);
        self
    }

    /// A header to send with this call besides the SDK's own (repeat it to
    /// send several values). An invalid name or value, or `Authorization`
    /// (the key is the client's), fails the call without sending it.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            (Ok(name), _) if name == AUTHORIZATION => {
                self.invalid.get_or_insert_with(|| {
                    "`Authorization` is the client's: set the key on the client".into()
                });
            }
            (Ok(name), Ok(value)) => {
                self.options.headers.append(name, value);
            }
            _ => {
                self.invalid
                    .get_or_insert_with(|| format!("the header `{name}` cannot be sent as given"));
            }
        }
        self
    }

    /// This call's options so far.
    pub fn options(&self) -> &RequestOptions {
        &self.options
    }

    /// Sends the call: await the answer, decoded.
    pub fn send(self) -> ResponseFuture<'a, P::Response> {
        let client = self.client;
        client.send(self.into_call())
    }

    /// The call the client sends: the operation's parts and the options.
    pub(crate) fn into_call(self) -> Result<Call, Error> {
        let info = P::INFO;
        if let Some(reason) = self.invalid {
            return Err(Error::InvalidRequest {
                operation: info.id,
                reason,
            });
        }
        let mut call = Call::new(info, self.options);
        self.params.write(&mut call)?;
        Ok(call)
    }
}

impl<'a, P: Operation> IntoFuture for Request<'a, P> {
    type Output = Result<P::Response, Error>;
    type IntoFuture = ResponseFuture<'a, P::Response>;

    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

impl<P: Clone> Clone for Request<'_, P> {
    fn clone(&self) -> Self {
        Self {
            client: self.client,
            params: self.params.clone(),
            options: self.options.clone(),
            invalid: self.invalid.clone(),
        }
    }
}

impl<P: fmt::Debug> fmt::Debug for Request<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("params", &self.params)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}
