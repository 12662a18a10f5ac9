//! The TLS of the HTTP client the SDK builds itself.
//!
//! With the `rustls` feature (a default), rustls verifies servers with the
//! platform's verifier (the system's trust store, as reqwest's own `rustls`
//! feature does) and signs with *ring*, unless the application installed a
//! process-wide rustls crypto provider, which is then used. reqwest's own
//! `rustls` feature would bring aws-lc-rs, whose C build is most of a
//! merchant's first build. With `native-tls` (alone, or beside `rustls`, as
//! reqwest decides too) the platform's TLS library is used as reqwest sets it up.

/// Sets up TLS on the builder of the SDK's own HTTP client.
#[cfg(all(feature = "rustls", not(feature = "native-tls")))]
pub(super) fn configure(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, String> {
    use rustls::crypto::CryptoProvider;
    use rustls_platform_verifier::BuilderVerifierExt as _;
    use std::sync::Arc;

    let provider = CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(rustls::crypto::ring::default_provider()));
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|err| format!("TLS protocol versions: {err}"))?
        .with_platform_verifier()
        .map_err(|err| format!("the platform's certificate verifier: {err}"))?
        .with_no_client_auth();
    Ok(builder.tls_backend_preconfigured(config))
}

/// Sets up TLS on the builder of the SDK's own HTTP client: reqwest's own
/// set-up (native-tls), or none (no TLS feature: `http://` only).
#[cfg(not(all(feature = "rustls", not(feature = "native-tls"))))]
pub(super) fn configure(builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder, String> {
    Ok(builder)
}
