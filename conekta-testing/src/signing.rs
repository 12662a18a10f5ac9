//! Webhook signatures with the crate's fixed, **test-only** RSA key pair.
//!
//! Conekta signs the raw body of every webhook POST with the private key of
//! the account's webhook key and sends the signature, base64, in the `Digest`
//! header: RSASSA-PKCS1-v1_5 with SHA-256 (the scheme `conekta_sdk::webhooks`
//! verifies). The fake does the same with the key pair below, whose public
//! half `POST /webhook_keys` returns; a verifier built from that PEM accepts
//! what the fake sends, and nothing a real Conekta account sends.
//!
//! The pair is fixed so that signing is instant (no key generation in tests)
//! and the same in every test run. **Its private key is published with this
//! crate: never configure a production receiver with
//! [`TEST_PUBLIC_KEY_PEM`].**

use std::sync::OnceLock;

use base64::Engine as _;
use conekta_sdk::webhooks::HeaderMap;
use conekta_sdk::webhooks::http::HeaderValue;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::DecodePrivateKey as _;
use rsa::signature::{SignatureEncoding as _, Signer as _};
use sha2::Sha256;

/// The public key of the fake's webhook key (`POST /webhook_keys` answers
/// it): X.509 SubjectPublicKeyInfo PEM, RSA 2048, as Conekta's `public_key`.
///
/// **Test-only**: its private half ([`TEST_ONLY_PRIVATE_KEY_PEM`]) is public.
pub const TEST_PUBLIC_KEY_PEM: &str = include_str!("keys/test_only_public_key.pem");

/// The private half of [`TEST_PUBLIC_KEY_PEM`] (PKCS#8 PEM), for tools in
/// other languages that want to sign as the fake does.
///
/// **Test-only and published**: anyone can sign with it. Never trust it.
pub const TEST_ONLY_PRIVATE_KEY_PEM: &str = include_str!("keys/test_only_private_key.pem");

/// The header Conekta puts the signature in (`DIGEST` in Conekta's docs;
/// header names are case-insensitive).
pub const SIGNATURE_HEADER: &str = conekta_sdk::webhooks::SIGNATURE_HEADER;

/// Why a body could not be signed. With the key this crate ships it does not
/// happen (this crate's tests sign with it); it is kept typed rather than a
/// panic for the fake's own deliveries.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The shipped private key could not be read.
    #[error("the test-only private key cannot be read: {0}")]
    Key(String),
    /// The RSA signature could not be made.
    #[error("cannot sign the body: {0}")]
    Signature(String),
}

/// The signing key, parsed once.
fn signing_key() -> Result<&'static SigningKey<Sha256>, SignError> {
    static KEY: OnceLock<Result<SigningKey<Sha256>, SignError>> = OnceLock::new();
    KEY.get_or_init(|| {
        rsa::RsaPrivateKey::from_pkcs8_pem(TEST_ONLY_PRIVATE_KEY_PEM)
            .map(SigningKey::new)
            .map_err(|err| SignError::Key(err.to_string()))
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// The base64 signature of `body`, as the `Digest` header carries it.
///
/// # Errors
/// [`SignError`] if the shipped key cannot be used (see its docs).
pub fn try_signature(body: &[u8]) -> Result<String, SignError> {
    let signature = signing_key()?
        .try_sign(body)
        .map_err(|err| SignError::Signature(err.to_string()))?;
    Ok(base64::engine::general_purpose::STANDARD.encode(signature.to_bytes()))
}

/// The headers of a webhook POST of `body` signed as Conekta signs:
/// `digest` (the signature) and `content-type: application/json`.
///
/// # Errors
/// [`SignError`] if the shipped key cannot be used (see its docs).
pub fn try_sign(body: &[u8]) -> Result<HeaderMap, SignError> {
    let signature = try_signature(body)?;
    let mut headers = HeaderMap::new();
    let value =
        HeaderValue::from_str(&signature).map_err(|err| SignError::Signature(err.to_string()))?;
    headers.insert(SIGNATURE_HEADER, value);
    headers.insert(
        conekta_sdk::webhooks::http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(headers)
}

/// The headers of a webhook POST of `body` signed with the test-only key, for
/// unit tests of a webhook handler without a server:
///
/// ```
/// use conekta_sdk::webhooks::WebhookVerifier;
///
/// let body = br#"{"id":"evt_1","type":"webhook_ping","created_at":0,"livemode":false,"data":{}}"#;
/// let headers = conekta_testing::sign(body);
/// let verifier = WebhookVerifier::from_pem(conekta_testing::TEST_PUBLIC_KEY_PEM).unwrap();
/// assert!(verifier.verify_event(body, &headers).is_ok());
/// ```
///
/// # Panics
/// Never with the key this crate ships (its tests sign with it); a panic
/// would mean a corrupted copy of the crate. [`try_sign`] returns the error
/// instead.
#[must_use]
pub fn sign(body: &[u8]) -> HeaderMap {
    match try_sign(body) {
        Ok(headers) => headers,
        Err(err) => panic!("conekta-testing: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use conekta_sdk::webhooks::{SignatureError, WebhookVerifier};

    #[test]
    fn the_public_key_verifies_what_the_private_key_signs() {
        let verifier = WebhookVerifier::from_pem(TEST_PUBLIC_KEY_PEM).unwrap();
        let body = br#"{"hello":"conekta"}"#;
        let headers = try_sign(body).unwrap();
        verifier.verify_headers(body, &headers).unwrap();
        assert_eq!(
            verifier.verify_headers(b"{\"hello\":\"other\"}", &headers),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(headers["content-type"], "application/json");
    }

    #[test]
    fn the_key_is_2048_bits_as_conektas() {
        use rsa::traits::PublicKeyParts as _;
        let key = rsa::RsaPrivateKey::from_pkcs8_pem(TEST_ONLY_PRIVATE_KEY_PEM).unwrap();
        assert_eq!(key.size() * 8, 2048);
        assert!(TEST_PUBLIC_KEY_PEM.starts_with("-----BEGIN PUBLIC KEY-----"));
    }
}
