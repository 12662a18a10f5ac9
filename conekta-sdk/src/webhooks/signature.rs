//! Verification of Conekta webhook signatures.
//!
//! Conekta signs the raw request body with the RSA key of the account's
//! webhook key (`GET /webhook_keys`, member `public_key`) and sends the
//! signature, base64 encoded, in the `digest` header. The scheme is RSASSA
//! PKCS#1 v1.5 with SHA-256. Everything that defines the scheme is in the
//! constants and type aliases just below.

use std::borrow::Cow;

use crate::{DecodeError, Event};
use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use http::HeaderMap;
use rsa::RsaPublicKey;
use rsa::pkcs1::DecodeRsaPublicKey as _;
use rsa::pkcs1v15;
use rsa::pkcs8::DecodePublicKey as _;
use rsa::signature::Verifier as _;
use sha2::Sha256;

/// The request header that carries the signature (header names are
/// case-insensitive; `http` keeps them lower-case).
pub const SIGNATURE_HEADER: &str = "digest";

/// The hash of the signature scheme (RSASSA-PKCS1-v1_5 over the raw body).
type SignatureHash = Sha256;

/// How the signature is encoded in the header: standard alphabet, padding
/// optional.
const SIGNATURE_BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// PEM label of an X.509 `SubjectPublicKeyInfo` key.
const SPKI_PEM_LABEL: &str = "-----BEGIN PUBLIC KEY-----";
/// PEM label of a PKCS#1 `RSAPublicKey`.
const PKCS1_PEM_LABEL: &str = "-----BEGIN RSA PUBLIC KEY-----";

/// Why a webhook signature was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// The request has no signature header.
    #[error("missing `{}` signature header", SIGNATURE_HEADER)]
    MissingHeader,
    /// The signature is not base64 (after removing whitespace).
    #[error("signature is not valid base64")]
    BadBase64(#[source] base64::DecodeError),
    /// The public key is not an RSA public key in PEM.
    #[error("invalid webhook public key: {0}")]
    BadKey(String),
    /// The signature is not a valid signature of this body with this key
    /// (altered body, wrong key, truncated or empty signature), nor with any
    /// of the keys of a verifier built from several.
    #[error("signature does not match the body")]
    Mismatch,
}

/// Why [`WebhookVerifier::verify_event`] refused a request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signature does not verify: the body was not decoded.
    #[error("webhook signature: {0}")]
    Signature(#[from] SignatureError),
    /// The signature verifies but the body is not an event.
    #[error("webhook body: {0}")]
    Decode(#[from] DecodeError),
}

/// Verifies webhook signatures against a Conekta webhook public key, or
/// against any of several while keys are rotated ([`from_pems`](Self::from_pems)).
///
/// Parse the keys once and reuse the verifier for every request. Verify the
/// *raw* body bytes, before any JSON parsing: re-serialised JSON will not
/// match.
///
/// The signature covers the body only, with no timestamp: a captured delivery
/// can be sent again and still verifies. Handle each event id once
/// ([`HandledEvents`](super::HandledEvents)); where a replay must not even be
/// looked at, [`fetch_back`](super::fetch_back) compares the delivery with
/// Conekta's own record of the event.
#[derive(Debug, Clone)]
pub struct WebhookVerifier {
    /// At least one key; a signature made with any of them verifies.
    keys: Vec<pkcs1v15::VerifyingKey<SignatureHash>>,
}

impl WebhookVerifier {
    /// Parses the `public_key` of a webhook key.
    ///
    /// Accepts `-----BEGIN PUBLIC KEY-----` (SPKI) and
    /// `-----BEGIN RSA PUBLIC KEY-----` (PKCS#1) PEM. Surrounding whitespace,
    /// text before the `-----BEGIN` line, CRLF line ends and literal `\n`
    /// escape sequences (a PEM pasted from an escaped JSON or YAML string)
    /// are tolerated.
    ///
    /// # Errors
    /// [`SignatureError::BadKey`] if no RSA public key can be read.
    pub fn from_pem(pem: &str) -> Result<Self, SignatureError> {
        Ok(Self {
            keys: vec![parse_key(pem)?],
        })
    }

    /// Parses the `public_key` of each of several webhook keys: a signature
    /// made with any of them verifies. Conekta lets an account keep more than
    /// one webhook key while it rotates them; list the old and the new key
    /// until the old one is deleted. Each PEM is read as by
    /// [`from_pem`](Self::from_pem).
    ///
    /// ```no_run
    /// # use conekta_sdk::webhooks::WebhookVerifier;
    /// # let (old_pem, new_pem) = ("", "");
    /// let verifier = WebhookVerifier::from_pems([old_pem, new_pem])?;
    /// # Ok::<_, conekta_sdk::webhooks::SignatureError>(())
    /// ```
    ///
    /// # Errors
    /// [`SignatureError::BadKey`] if one of the PEMs holds no RSA public key
    /// (naming which, counting from 0), or if there is none.
    pub fn from_pems<I>(pems: I) -> Result<Self, SignatureError>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let keys = pems
            .into_iter()
            .enumerate()
            .map(|(index, pem)| {
                parse_key(pem.as_ref()).map_err(|err| match err {
                    SignatureError::BadKey(reason) => {
                        SignatureError::BadKey(format!("key {index}: {reason}"))
                    }
                    other => other,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(SignatureError::BadKey(String::from("no key given")));
        }
        Ok(Self { keys })
    }

    /// Checks `signature_b64` (the `digest` header's value) against the raw
    /// request `body`.
    ///
    /// ASCII whitespace anywhere in `signature_b64` (surrounding spaces,
    /// line breaks of a wrapped value) is ignored; `=` padding is optional.
    ///
    /// # Errors
    /// [`SignatureError::BadBase64`] if the signature is not base64,
    /// [`SignatureError::Mismatch`] if it does not sign `body` with this key.
    pub fn verify(&self, body: &[u8], signature_b64: &str) -> Result<(), SignatureError> {
        self.verify_encoded(body, signature_b64.as_bytes())
    }

    /// Reads the [`SIGNATURE_HEADER`] from `headers` and checks it against the
    /// raw request `body` as [`verify`](Self::verify) does. If the header is
    /// repeated, the first value is used.
    ///
    /// # Errors
    /// [`SignatureError::MissingHeader`] if there is no such header, else as
    /// [`verify`](Self::verify) (a value that is not ASCII is `BadBase64`).
    pub fn verify_headers(&self, body: &[u8], headers: &HeaderMap) -> Result<(), SignatureError> {
        let value = headers
            .get(SIGNATURE_HEADER)
            .ok_or(SignatureError::MissingHeader)?;
        self.verify_encoded(body, value.as_bytes())
    }

    /// Verifies the signature of the raw request `body` (the
    /// [`SIGNATURE_HEADER`] of `headers`), then decodes the event: what a
    /// webhook handler does first, in one call.
    ///
    /// ```no_run
    /// use conekta_sdk::webhooks::{EventType, HeaderMap, WebhookVerifier};
    ///
    /// fn handle(verifier: &WebhookVerifier, headers: &HeaderMap, body: &[u8]) -> u16 {
    ///     let Ok(event) = verifier.verify_event(body, headers) else {
    ///         return 400; // a forged, altered or unreadable request
    ///     };
    ///     if event.event_type == EventType::ChargePaid {
    ///         // …
    ///     }
    ///     200
    /// }
    /// ```
    ///
    /// # Errors
    /// [`WebhookError::Signature`] when the signature does not verify (the
    /// body is not decoded then), [`WebhookError::Decode`] when the verified
    /// body is not an event.
    pub fn verify_event(&self, body: &[u8], headers: &HeaderMap) -> Result<Event, WebhookError> {
        self.verify_headers(body, headers)?;
        Ok(Event::from_slice(body)?)
    }

    fn verify_encoded(&self, body: &[u8], encoded: &[u8]) -> Result<(), SignatureError> {
        let compact: Vec<u8> = encoded
            .iter()
            .copied()
            .filter(|byte| !byte.is_ascii_whitespace())
            .collect();
        let raw = SIGNATURE_BASE64
            .decode(compact)
            .map_err(SignatureError::BadBase64)?;
        let signature =
            pkcs1v15::Signature::try_from(raw.as_slice()).map_err(|_| SignatureError::Mismatch)?;
        self.keys
            .iter()
            .any(|key| key.verify(body, &signature).is_ok())
            .then_some(())
            .ok_or(SignatureError::Mismatch)
    }
}

/// Reads one RSA public key from PEM (see [`WebhookVerifier::from_pem`]).
fn parse_key(pem: &str) -> Result<pkcs1v15::VerifyingKey<SignatureHash>, SignatureError> {
    let pem = normalise_pem(pem);
    let key = if let Some(start) = pem.find(PKCS1_PEM_LABEL) {
        RsaPublicKey::from_pkcs1_pem(&pem[start..])
            .map_err(|e| SignatureError::BadKey(format!("PKCS#1 PEM: {e}")))?
    } else if let Some(start) = pem.find(SPKI_PEM_LABEL) {
        RsaPublicKey::from_public_key_pem(&pem[start..])
            .map_err(|e| SignatureError::BadKey(format!("SPKI PEM: {e}")))?
    } else {
        return Err(SignatureError::BadKey(format!(
            "no `{SPKI_PEM_LABEL}` or `{PKCS1_PEM_LABEL}` block"
        )));
    };
    Ok(pkcs1v15::VerifyingKey::new(key))
}

/// Trims `pem`, turns literal `\n` escapes into line breaks when it has no
/// real ones, and drops carriage returns.
fn normalise_pem(pem: &str) -> Cow<'_, str> {
    let pem = pem.trim();
    if !pem.contains('\n') && pem.contains("\\n") {
        Cow::Owned(pem.replace("\\r", "").replace("\\n", "\n"))
    } else if pem.contains('\r') {
        Cow::Owned(pem.replace('\r', ""))
    } else {
        Cow::Borrowed(pem)
    }
}
