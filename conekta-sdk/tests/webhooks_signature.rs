//! Webhook signature verification, with RSA keys generated from a fixed seed.
#![cfg(feature = "webhooks")]

use std::sync::OnceLock;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use conekta_sdk::webhooks::{SIGNATURE_HEADER, SignatureError, WebhookVerifier};
use http::{HeaderMap, HeaderValue};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng as _;
use rsa::pkcs1::{EncodeRsaPublicKey as _, LineEnding};
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::EncodePublicKey as _;
use rsa::signature::{SignatureEncoding as _, Signer as _};
use rsa::{RsaPrivateKey, RsaPublicKey};
use sha2::Sha256;

const BODY: &[u8] = include_bytes!("fixtures/webhooks/event_charge_paid.json");

/// The signing key and two unrelated ones, generated once per test binary.
fn keys() -> &'static (RsaPrivateKey, RsaPrivateKey, RsaPrivateKey) {
    static KEYS: OnceLock<(RsaPrivateKey, RsaPrivateKey, RsaPrivateKey)> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut rng = ChaCha8Rng::seed_from_u64(0xC0DE_C7A5);
        let signer = RsaPrivateKey::new(&mut rng, 2048).expect("generate signing key");
        let other = RsaPrivateKey::new(&mut rng, 2048).expect("generate other key");
        let third = RsaPrivateKey::new(&mut rng, 2048).expect("generate a third key");
        (signer, other, third)
    })
}

fn spki_pem(key: &RsaPrivateKey) -> String {
    RsaPublicKey::from(key)
        .to_public_key_pem(LineEnding::LF)
        .expect("encode SPKI PEM")
}

fn sign(body: &[u8]) -> Vec<u8> {
    SigningKey::<Sha256>::new(keys().0.clone())
        .sign(body)
        .to_vec()
}

fn sign_b64(body: &[u8]) -> String {
    STANDARD.encode(sign(body))
}

/// `body`'s signature with `key`, base64.
fn sign_b64_with(key: &RsaPrivateKey, body: &[u8]) -> String {
    STANDARD.encode(SigningKey::<Sha256>::new(key.clone()).sign(body).to_vec())
}

#[test]
fn a_verifier_of_two_keys_accepts_either_during_a_rotation() {
    let (old, new, third) = keys();
    let rotating = WebhookVerifier::from_pems([spki_pem(old), spki_pem(new)]).expect("two keys");
    assert_eq!(rotating.verify(BODY, &sign_b64_with(old, BODY)), Ok(()));
    assert_eq!(rotating.verify(BODY, &sign_b64_with(new, BODY)), Ok(()));
    assert_eq!(
        rotating.verify(BODY, &sign_b64_with(third, BODY)),
        Err(SignatureError::Mismatch),
        "a key of neither"
    );
    // One key accepts its own signatures only.
    let only_old = WebhookVerifier::from_pem(&spki_pem(old)).expect("one key");
    assert_eq!(only_old.verify(BODY, &sign_b64_with(old, BODY)), Ok(()));
    assert_eq!(
        only_old.verify(BODY, &sign_b64_with(new, BODY)),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn from_pems_names_the_key_it_cannot_read_and_refuses_none() {
    let good = spki_pem(&keys().0);
    let err = WebhookVerifier::from_pems([good.as_str(), "not a key"]).unwrap_err();
    assert!(
        matches!(&err, SignatureError::BadKey(reason) if reason.starts_with("key 1: ")),
        "{err}"
    );
    let none: [&str; 0] = [];
    assert!(matches!(
        WebhookVerifier::from_pems(none),
        Err(SignatureError::BadKey(_))
    ));
}

fn verifier() -> WebhookVerifier {
    WebhookVerifier::from_pem(&spki_pem(&keys().0)).expect("parse SPKI PEM")
}

fn headers_with(value: HeaderValue) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(SIGNATURE_HEADER, value);
    headers
}

#[test]
fn valid_signature_verifies_with_spki_pem() {
    assert_eq!(verifier().verify(BODY, &sign_b64(BODY)), Ok(()));
}

#[test]
fn valid_signature_verifies_with_pkcs1_pem() {
    let pem = RsaPublicKey::from(&keys().0)
        .to_pkcs1_pem(LineEnding::LF)
        .expect("encode PKCS#1 PEM");
    assert!(pem.starts_with("-----BEGIN RSA PUBLIC KEY-----"));
    let verifier = WebhookVerifier::from_pem(&pem).expect("parse PKCS#1 PEM");
    assert_eq!(verifier.verify(BODY, &sign_b64(BODY)), Ok(()));
}

#[test]
fn pem_with_crlf_preamble_and_escaped_newlines_is_accepted() {
    let pem = spki_pem(&keys().0);
    let signature = sign_b64(BODY);
    for variant in [
        pem.replace('\n', "\r\n"),
        format!("  Conekta webhook key\n{pem}\n\n"),
        pem.replace('\n', "\\n"),
    ] {
        let verifier = WebhookVerifier::from_pem(&variant).expect("parse PEM variant");
        assert_eq!(verifier.verify(BODY, &signature), Ok(()), "{variant:?}");
    }
}

#[test]
fn whitespace_in_signature_is_ignored() {
    let signature = sign_b64(BODY);
    let (head, tail) = signature.split_at(64);
    let wrapped = format!(" \t{head}\r\n{tail}\n ");
    assert_eq!(verifier().verify(BODY, &wrapped), Ok(()));
    let unpadded = signature.trim_end_matches('=');
    assert_eq!(verifier().verify(BODY, unpadded), Ok(()));
}

#[test]
fn one_byte_change_in_body_is_a_mismatch() {
    let signature = sign_b64(BODY);
    let mut body = BODY.to_vec();
    body[10] ^= 0x01;
    assert_eq!(
        verifier().verify(&body, &signature),
        Err(SignatureError::Mismatch)
    );
    body.truncate(BODY.len() - 1);
    assert_eq!(
        verifier().verify(&body, &signature),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn wrong_key_is_a_mismatch() {
    let other = WebhookVerifier::from_pem(&spki_pem(&keys().1)).expect("parse other key");
    assert_eq!(
        other.verify(BODY, &sign_b64(BODY)),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn truncated_signature_is_rejected() {
    let raw = sign(BODY);
    let short = STANDARD.encode(&raw[..raw.len() - 1]);
    assert_eq!(
        verifier().verify(BODY, &short),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(verifier().verify(BODY, ""), Err(SignatureError::Mismatch));
    // Cutting the base64 text itself mid-quantum leaves invalid base64.
    let encoded = sign_b64(BODY);
    let cut = &encoded[..encoded.len() - 3];
    assert!(matches!(
        verifier().verify(BODY, cut),
        Err(SignatureError::BadBase64(_))
    ));
}

#[test]
fn bad_base64_is_rejected() {
    for bad in ["not base64!", "a+b/c*d=", "QUJD-_=="] {
        assert!(
            matches!(
                verifier().verify(BODY, bad),
                Err(SignatureError::BadBase64(_))
            ),
            "{bad}"
        );
    }
}

#[test]
fn verify_headers_reads_the_digest_header() {
    let headers = headers_with(HeaderValue::from_str(&sign_b64(BODY)).expect("header value"));
    assert_eq!(verifier().verify_headers(BODY, &headers), Ok(()));
    assert_eq!(
        verifier().verify_headers(b"{}", &headers),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn missing_header_is_rejected() {
    let mut headers = HeaderMap::new();
    headers.insert("x-signature", HeaderValue::from_static("abc"));
    assert_eq!(
        verifier().verify_headers(BODY, &headers),
        Err(SignatureError::MissingHeader)
    );
}

#[test]
fn non_ascii_header_value_is_bad_base64() {
    let value = HeaderValue::from_bytes(b"\xc3\xb1\xc3\xb1==").expect("opaque header value");
    assert!(matches!(
        verifier().verify_headers(BODY, &headers_with(value)),
        Err(SignatureError::BadBase64(_))
    ));
}

#[test]
fn garbage_pem_is_a_bad_key() {
    let truncated = spki_pem(&keys().0)[..200].to_owned() + "\n-----END PUBLIC KEY-----\n";
    for garbage in [
        "",
        "hello",
        "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n",
        "-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n",
        truncated.as_str(),
    ] {
        assert!(
            matches!(
                WebhookVerifier::from_pem(garbage),
                Err(SignatureError::BadKey(_))
            ),
            "{garbage:?}"
        );
    }
}

#[test]
fn private_key_pem_is_a_bad_key() {
    use rsa::pkcs8::EncodePrivateKey as _;
    let private = keys()
        .0
        .to_pkcs8_pem(LineEnding::LF)
        .expect("encode private key");
    assert!(matches!(
        WebhookVerifier::from_pem(&private),
        Err(SignatureError::BadKey(_))
    ));
}

#[test]
fn conekta_published_keys_parse() {
    // The `public_key` example of `webhook_key_response` in Conekta's OpenAPI
    // spec, with literal `\n` escapes, and the key in Conekta's API mocks.
    let spec_example = include_str!("fixtures/webhooks/webhook_key_spec_example.txt");
    assert!(spec_example.contains("\\n"));
    assert!(WebhookVerifier::from_pem(spec_example).is_ok());

    let created: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/webhooks/webhook_key_created.json"))
            .expect("webhook key JSON");
    let pem = created["public_key"].as_str().expect("public_key string");
    assert!(WebhookVerifier::from_pem(pem).is_ok());
}

#[test]
fn errors_display_what_happened() {
    assert_eq!(
        SignatureError::MissingHeader.to_string(),
        "missing `digest` signature header"
    );
    assert_eq!(
        SignatureError::Mismatch.to_string(),
        "signature does not match the body"
    );
}

#[test]
fn verify_event_verifies_then_decodes() {
    use conekta_sdk::webhooks::{EventType, WebhookError};
    let headers = headers_with(HeaderValue::from_str(&sign_b64(BODY)).unwrap());
    let event = verifier()
        .verify_event(BODY, &headers)
        .expect("a signed event");
    assert_eq!(event.event_type, EventType::ChargePaid);

    // An altered body is refused before it is decoded.
    let mut altered = BODY.to_vec();
    altered.extend_from_slice(b" ");
    assert!(matches!(
        verifier().verify_event(&altered, &headers),
        Err(WebhookError::Signature(SignatureError::Mismatch))
    ));
    assert!(matches!(
        verifier().verify_event(BODY, &HeaderMap::new()),
        Err(WebhookError::Signature(SignatureError::MissingHeader))
    ));
    // A signed body that is not an event.
    let not_an_event = br#"{"hello": "world"}"#;
    let headers = headers_with(HeaderValue::from_str(&sign_b64(not_an_event)).unwrap());
    let err = verifier().verify_event(not_an_event, &headers).unwrap_err();
    assert!(matches!(&err, WebhookError::Decode(_)), "{err}");
}
