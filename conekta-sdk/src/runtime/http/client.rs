//! [`Client`] and [`ClientBuilder`]: the configuration every request shares.

use super::hooks::Hook;
use super::options::{ClientDefaults, Language};
use super::retry::RetryPolicy;
use super::secret::ApiKey;
use crate::runtime::error::Error;
use reqwest::header::HeaderValue;
use reqwest::{Url, redirect};
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

/// Conekta's production API.
pub const PRODUCTION_URL: &str = "https://api.conekta.io";

/// The default of [`ClientBuilder::max_response_bytes`]: 32 MiB. The largest
/// answers, 250-item order lists, are about 1 MB.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 32 * 1024 * 1024;

/// Whether the SDK was built with a TLS backend (its `rustls` or `native-tls`
/// feature); without one it can only reach `http://` URLs (local mocks).
const HAS_TLS: bool = cfg!(any(feature = "rustls", feature = "native-tls"));

/// `publisher` in the `X-Conekta-Client-User-Agent` header: this project, not Conekta.
const PUBLISHER: &str = "conekta-rs";

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
    /// What a request's options fall back to.
    pub(crate) defaults: ClientDefaults,
    pub(crate) user_agent: HeaderValue,
    pub(crate) client_user_agent: HeaderValue,
    pub(crate) max_response_bytes: u64,
    pub(crate) hooks: Vec<Arc<dyn Hook>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("api_key", &self.inner.api_key)
            .field("defaults", &self.inner.defaults)
            .field("max_response_bytes", &self.inner.max_response_bytes)
            .field("hooks", &self.inner.hooks.len())
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
            defaults: ClientDefaults::default(),
            connect_timeout: Duration::from_secs(10),
            user_agent_suffix: None,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            allow_insecure_http: false,
            http: None,
            hooks: Vec::new(),
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
    defaults: ClientDefaults,
    connect_timeout: Duration,
    user_agent_suffix: Option<String>,
    max_response_bytes: u64,
    allow_insecure_http: bool,
    http: Option<reqwest::Client>,
    hooks: Vec<Arc<dyn Hook>>,
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
        self.defaults.language = Some(language.into());
        self
    }

    /// `X-Child-Company-Id` for every request that does not set its own.
    pub fn child_company_id(mut self, id: impl Into<String>) -> Self {
        self.defaults.child_company_id = Some(id.into());
        self
    }

    /// How long to wait for a connection (default 10 s). Ignored with [`Self::http_client`].
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take, connection to last byte (default 60 s; `None`: no limit).
    pub fn attempt_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.defaults.attempt_timeout = timeout;
        self
    }

    /// How failed requests are retried ([`RetryPolicy::none`] switches retries off).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.defaults.retry_policy = policy;
        self
    }

    /// Text appended to the `User-Agent`, which follows the convention of
    /// Conekta's official SDKs: `Conekta/v2 RustBindings/<crate version> <suffix>`.
    ///
    /// Every request also carries `X-Conekta-Client-User-Agent`, a JSON object
    /// with `bindings_version` (this crate's version), `lang` (`"rust"`),
    /// `lang_version` (the crate's minimum supported Rust version, written
    /// `"msrv <version>"`: the compiler actually used is not recorded),
    /// `publisher` (`"conekta-rs"`: this SDK is not Conekta's) and `uname`
    /// (operating system and CPU architecture, e.g. `"linux x86_64"`).
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// The largest response body accepted, in bytes (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`], 32 MiB). A larger `Content-Length` is
    /// refused before reading, and a body without one stops being read at the
    /// limit: either way the call fails with [`Error::ResponseTooLarge`].
    pub fn max_response_bytes(mut self, limit: u64) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Accepts a plain `http://` base URL to a host that is not a loopback
    /// address. Without it, [`build`](Self::build) refuses such a URL, since
    /// the API key would travel in clear text; `http://` to `localhost`,
    /// `127.0.0.0/8` or `::1` (a local mock server) is always accepted.
    pub fn allow_insecure_http(mut self) -> Self {
        self.allow_insecure_http = true;
        self
    }

    /// Sends through your own `reqwest::Client` (its proxy, TLS and pool
    /// settings): an escape hatch, and the only place where a type of the
    /// `reqwest` crate is part of this API.
    ///
    /// The SDK's own client never follows redirects (a 3xx is an
    /// [`Error::Api`] that tells where it pointed). Redirects are whatever
    /// *your* client does, so build it with
    /// `.redirect(reqwest::redirect::Policy::none())`; if it follows one
    /// anyway, the answer it got from the other URL is not decoded: the call
    /// fails with an [`Error::Api`] whose
    /// [`redirect_location`](crate::ApiError::redirect_location) is that URL.
    /// [`connect_timeout`](Self::connect_timeout) does not apply to your client.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Adds a [`Hook`]: code of yours that sees (and may change) every
    /// attempt's HTTP request, and sees what came of it. Hooks run in the
    /// order they are added.
    pub fn hook(mut self, hook: impl Hook + 'static) -> Self {
        self.hooks.push(Arc::new(hook));
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
        if base_url.scheme() == "https" && self.http.is_none() && !HAS_TLS {
            return Err(invalid(format!(
                "base URL `{}` is https, but conekta-sdk was built without a TLS backend: \
                 enable its `rustls` (a default feature) or `native-tls` feature",
                self.base_url
            )));
        }
        if base_url.scheme() == "http" && !self.allow_insecure_http && !is_loopback(&base_url) {
            return Err(invalid(format!(
                "base URL `{}` is plain http to a host that is not a loopback address: the API key \
                 would travel in clear text (use https, or call `allow_insecure_http()`)",
                self.base_url
            )));
        }
        let user_agent = HeaderValue::from_str(&user_agent(self.user_agent_suffix.as_deref()))
            .map_err(|_| invalid("the user agent suffix is not valid in a header".into()))?;
        let client_user_agent = HeaderValue::from_str(&client_user_agent())
            .map_err(|_| invalid("the client user agent is not valid in a header".into()))?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(self.connect_timeout)
                .redirect(redirect::Policy::none())
                .build()
                .map_err(|err| invalid(format!("cannot build the HTTP client: {err}")))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                api_key,
                defaults: self.defaults,
                user_agent,
                client_user_agent,
                max_response_bytes: self.max_response_bytes,
                hooks: self.hooks,
            }),
        })
    }
}

/// Whether the URL's host is `localhost` or a loopback IP address.
fn is_loopback(url: &Url) -> bool {
    // `host_str` writes an IPv6 address in brackets.
    let host = url.host_str().unwrap_or_default();
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// `Conekta/v2 RustBindings/<version>`, then the user's suffix.
fn user_agent(suffix: Option<&str>) -> String {
    let mut agent = format!("Conekta/v2 RustBindings/{}", env!("CARGO_PKG_VERSION"));
    if let Some(suffix) = suffix {
        agent.push(' ');
        agent.push_str(suffix);
    }
    agent
}

/// The `X-Conekta-Client-User-Agent` JSON object of Conekta's SDK convention.
fn client_user_agent() -> String {
    serde_json::json!({
        "bindings_version": env!("CARGO_PKG_VERSION"),
        "lang": "rust",
        "lang_version": concat!("msrv ", env!("CARGO_PKG_RUST_VERSION")),
        "publisher": PUBLISHER,
        "uname": format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for url in [
            "http://localhost:3000",
            "http://LOCALHOST",
            "http://127.0.0.1:3000",
            "http://127.8.9.10",
            "http://[::1]:8080",
        ] {
            assert!(is_loopback(&Url::parse(url).unwrap()), "{url}");
        }
        for url in [
            "http://api.conekta.io",
            "http://localhost.example.com",
            "http://10.0.0.1",
            "http://[::2]",
            "http://0.0.0.0",
        ] {
            assert!(!is_loopback(&Url::parse(url).unwrap()), "{url}");
        }
    }

    #[test]
    fn https_needs_a_tls_backend() {
        let https = Client::builder("key_test").build();
        let local = Client::builder("key_test")
            .base_url("http://127.0.0.1:3000")
            .build();
        assert!(local.is_ok(), "{local:?}");
        if HAS_TLS {
            assert!(https.is_ok(), "{https:?}");
        } else {
            let err = https.unwrap_err().to_string();
            assert!(
                err.contains("without a TLS backend") && err.contains("`rustls`"),
                "{err}"
            );
        }
    }

    #[test]
    fn client_user_agent_names_this_project() {
        let json: serde_json::Value = serde_json::from_str(&client_user_agent()).unwrap();
        assert_eq!(json["publisher"], "conekta-rs");
        assert_eq!(json["lang"], "rust");
        assert_eq!(json["bindings_version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(
            user_agent(None),
            format!("Conekta/v2 RustBindings/{}", env!("CARGO_PKG_VERSION"))
        );
    }
}
