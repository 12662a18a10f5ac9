//! Property tests of the webhook side: `Event::from_slice` and every typed
//! accessor of an event, and the signature verifier (keys, bodies, signatures,
//! headers), fed arbitrary bytes and mutated real bodies. Never a panic: always
//! a value or a typed error.
//!
//! 256 cases per property by default; `PROPTEST_CASES=N` (or
//! `cargo xtask fuzz --cases N`) runs more.
#![cfg(feature = "webhooks")]

#[path = "support/mutate.rs"]
mod mutate;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use conekta_sdk::webhooks::{Event, SIGNATURE_HEADER, SignatureError, WebhookVerifier};
use http::{HeaderMap, HeaderValue};
use proptest::prelude::*;
use proptest::test_runner::Config;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng as _;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::{EncodePublicKey as _, LineEnding};
use rsa::signature::{SignatureEncoding as _, Signer as _};
use rsa::{RsaPrivateKey, RsaPublicKey};
use sha2::Sha256;
use std::sync::OnceLock;

/// Real webhook bodies: events, and objects that arrive as `data.object`.
const BODIES: &[&[u8]] = &[
    include_bytes!("fixtures/webhooks/event_charge_paid.json"),
    include_bytes!("fixtures/webhooks/event_inbound_payment_lookup.json"),
    include_bytes!("fixtures/webhooks/event_inbound_payment_payment_attempt.json"),
    include_bytes!("fixtures/webhooks/event_webhook_ping.json"),
    include_bytes!("fixtures/webhooks/inbound_payment_sandbox_lookup.json"),
    include_bytes!("fixtures/webhooks/inbound_payment_sandbox_payment_attempt.json"),
    include_bytes!("fixtures/webhooks/charge_reversed.json"),
    include_bytes!("fixtures/webhooks/order_reversed.json"),
    include_bytes!("fixtures/webhooks/customer_cash_recurrent.json"),
    include_bytes!("fixtures/webhooks/subscription_paused.json"),
    include_bytes!("fixtures/webhooks/plan.json"),
];

/// The configuration of every property: proptest's default (256 cases, or
/// `PROPTEST_CASES`), without regression files.
fn config() -> Config {
    Config {
        failure_persistence: None,
        ..Config::default()
    }
}

/// Decodes `body` as an event and, when that works, its object in every typed way.
fn decode_everything(body: &[u8]) {
    let Ok(event) = Event::from_slice(body) else {
        return;
    };
    let data = &event.data;
    let _ = data.charge();
    let _ = data.order();
    let _ = data.customer();
    let _ = data.subscription();
    let _ = data.plan();
    let _ = data.inbound_payment();
    let _ = event.event_type.as_str();
    let _ = serde_json::to_vec(&event).expect("a decoded event serialises");
}

/// An event envelope around an arbitrary (mutated) object.
fn wrap(object: &[u8]) -> Option<Vec<u8>> {
    let object: serde_json::Value = serde_json::from_slice(object).ok()?;
    let event = serde_json::json!({
        "id": "evt_1", "type": "charge.paid", "created_at": 1, "livemode": false,
        "data": { "object": object },
    });
    Some(serde_json::to_vec(&event).expect("a JSON value serialises"))
}

/// A signing key generated from a fixed seed, once per test binary.
fn signing_key() -> &'static RsaPrivateKey {
    static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| {
        let mut rng = ChaCha8Rng::seed_from_u64(0x5EED_F022);
        RsaPrivateKey::new(&mut rng, 2048).expect("generate a key")
    })
}

fn public_pem() -> String {
    RsaPublicKey::from(signing_key())
        .to_public_key_pem(LineEnding::LF)
        .expect("encode SPKI PEM")
}

fn verifier() -> &'static WebhookVerifier {
    static VERIFIER: OnceLock<WebhookVerifier> = OnceLock::new();
    VERIFIER.get_or_init(|| WebhookVerifier::from_pem(&public_pem()).expect("parse the PEM"))
}

fn signature(body: &[u8]) -> String {
    let signer = SigningKey::<Sha256>::new(signing_key().clone());
    STANDARD.encode(signer.sign(body).to_vec())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn events_from_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        decode_everything(&bytes);
    }

    #[test]
    fn events_from_mutated_real_bodies(
        which in 0..BODIES.len(),
        mutations in mutate::mutations(),
    ) {
        let body = mutate::apply(BODIES[which], &mutations);
        decode_everything(&body);
        if let Some(event) = wrap(&body) {
            decode_everything(&event);
        }
    }

    #[test]
    fn keys_from_arbitrary_text(text in any::<String>()) {
        let _ = WebhookVerifier::from_pem(&text);
    }

    #[test]
    fn keys_from_mutated_real_pems(mutations in prop::collection::vec(mutate::mutation(), 1..=3)) {
        let pem = mutate::apply(public_pem().as_bytes(), &mutations);
        let pem = String::from_utf8_lossy(&pem);
        if let Ok(verifier) = WebhookVerifier::from_pem(&pem) {
            // Whatever key it read, it checks (and rejects or accepts) without panicking.
            let _ = verifier.verify(BODIES[0], &signature(BODIES[0]));
        }
    }

    #[test]
    fn arbitrary_bodies_and_signatures_are_rejected(
        body in prop::collection::vec(any::<u8>(), 0..512),
        signature_text in any::<String>(),
        raw in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        prop_assert!(verifier().verify(&body, &signature_text).is_err());
        // Well-formed base64 of the wrong bytes (including 256-byte ones) is a mismatch.
        prop_assert_eq!(
            verifier().verify(&body, &STANDARD.encode(&raw)),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn a_mutated_body_or_signature_never_verifies(
        which in 0..BODIES.len(),
        body_mutations in prop::collection::vec(mutate::mutation(), 0..=2),
        signature_mutations in prop::collection::vec(mutate::mutation(), 0..=2),
    ) {
        let body = BODIES[which];
        let good = signature(body);
        let changed_body = mutate::apply(body, &body_mutations);
        let changed_signature = mutate::apply(good.as_bytes(), &signature_mutations);
        let changed_signature = String::from_utf8_lossy(&changed_signature);
        let result = verifier().verify(&changed_body, &changed_signature);
        if changed_body != body {
            prop_assert!(result.is_err(), "a changed body verified");
        }
        let decoded = STANDARD.decode(changed_signature.split_ascii_whitespace().collect::<String>());
        if changed_body == body && decoded.as_deref().ok() == STANDARD.decode(&good).ok().as_deref() {
            prop_assert_eq!(result, Ok(()));
        }
    }

    #[test]
    fn arbitrary_header_values(value in prop::collection::vec(any::<u8>(), 0..400), body in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_bytes(&value) {
            headers.insert(SIGNATURE_HEADER, value);
            prop_assert!(verifier().verify_headers(&body, &headers).is_err());
        } else {
            prop_assert_eq!(
                verifier().verify_headers(&body, &headers),
                Err(SignatureError::MissingHeader)
            );
        }
    }
}
