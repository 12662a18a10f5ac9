//! [`Client`] and [`ClientBuilder`]: the configuration every request shares.

use super::error::Error;
use super::options::Language;
use super::retry::RetryPolicy;
use super::secret::ApiKey;
use reqwest::Url;
use reqwest::header::HeaderValue;
use std::sync::Arc;
use std::time::Duration;

/// Conekta's production API.
pub const PRODUCTION_URL: &str = "https://api.conekta.io";

/// A Conekta API client. Cheap to clone: clones share one connection pool.
///
/// ```no_run
/// # async fn demo() -> Result<(), conekta_sdk::Error> {
/// let client = conekta_sdk::Client::new("key_xxx")?;
/// let customer = client.customers().get_customer_by_id("cus_2tGzG1GxtDAZHEGPH").send().await?;
/// println!("{}", customer.name);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: Url,
    pub(crate) api_key: ApiKey,
    pub(crate) language: Option<Language>,
    pub(crate) child_company: Option<String>,
    pub(crate) retry: RetryPolicy,
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) user_agent: HeaderValue,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("api_key", &self.inner.api_key)
            .field("language", &self.inner.language)
            .field("child_company", &self.inner.child_company)
            .field("retry", &self.inner.retry)
            .field("attempt_timeout", &self.inner.attempt_timeout)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the production API with default settings.
    pub fn new(api_key: &str) -> Result<Self, Error> {
        Self::builder(api_key).build()
    }

    /// A builder, to change the base URL, language, timeouts, retries…
    pub fn builder(api_key: &str) -> ClientBuilder {
        ClientBuilder {
            api_key: api_key.to_owned(),
            base_url: PRODUCTION_URL.to_owned(),
            language: None,
            child_company: None,
            connect_timeout: Duration::from_secs(10),
            attempt_timeout: Some(Duration::from_secs(60)),
            retry: RetryPolicy::default(),
            user_agent_suffix: None,
            http: None,
        }
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }
}

/// Settings for a [`Client`].
#[must_use]
pub struct ClientBuilder {
    api_key: String,
    base_url: String,
    language: Option<Language>,
    child_company: Option<String>,
    connect_timeout: Duration,
    attempt_timeout: Option<Duration>,
    retry: RetryPolicy,
    user_agent_suffix: Option<String>,
    http: Option<reqwest::Client>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("api_key", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// Where requests go (default [`PRODUCTION_URL`]); e.g. a local mock server.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// `Accept-Language` for every request that does not set its own (Conekta's default is `es`).
    pub fn language(mut self, language: impl Into<Language>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// `X-Child-Company-Id` for every request that does not set its own.
    pub fn child_company_id(mut self, id: impl Into<String>) -> Self {
        self.child_company = Some(id.into());
        self
    }

    /// How long to wait for a connection (default 10 s). Ignored with [`Self::http_client`].
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take, connection to last byte (default 60 s; `None`: no limit).
    pub fn attempt_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.attempt_timeout = timeout;
        self
    }

    /// How failed requests are retried ([`RetryPolicy::none`] switches retries off).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Text appended to the `User-Agent` (`conekta-sdk-rust/<version> <suffix>`).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Sends through your own `reqwest::Client` (its proxy, TLS and pool settings).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let invalid = |reason: String| Error::InvalidRequest {
            operation: "Client::build",
            reason,
        };
        let api_key = ApiKey::new(&self.api_key)
            .ok_or_else(|| invalid("the API key is empty or not valid in a header".into()))?;
        let base_url = Url::parse(&self.base_url)
            .map_err(|err| invalid(format!("base URL `{}`: {err}", self.base_url)))?;
        if base_url.cannot_be_a_base() || !matches!(base_url.scheme(), "http" | "https") {
            return Err(invalid(format!(
                "base URL `{}` is not an http(s) URL",
                self.base_url
            )));
        }
        let mut agent = format!("conekta-sdk-rust/{}", env!("CARGO_PKG_VERSION"));
        if let Some(suffix) = &self.user_agent_suffix {
            agent.push(' ');
            agent.push_str(suffix);
        }
        let user_agent = HeaderValue::from_str(&agent)
            .map_err(|_| invalid("the user agent suffix is not valid in a header".into()))?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(self.connect_timeout)
                .build()
                .map_err(|err| invalid(format!("cannot build the HTTP client: {err}")))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                api_key,
                language: self.language,
                child_company: self.child_company,
                retry: self.retry,
                attempt_timeout: self.attempt_timeout,
                user_agent,
            }),
        })
    }
}
