//! Property tests of every model decoder: arbitrary bytes, and Conekta's
//! fixture bodies with bytes flipped, inserted or removed, cut short, and JSON
//! values copied over each other or replaced by odd ones. Every decoder gives a
//! value or a typed error, never a panic, and what it decodes re-encodes.
//!
//! 256 cases per property by default; `PROPTEST_CASES=N` (or
//! `cargo xtask fuzz --cases N`) runs more.

#[path = "../../conekta-sdk/tests/support/mutate.rs"]
mod mutate;

use conekta_tests::fixtures::{self, RenderContext};
use conekta_tests::operations::{MODELS, OPERATIONS, decode_response};
use conekta_tests::{match_operations, mock_environment};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::sync::OnceLock;

/// One fixture body with the operation and status it answers.
struct Fixture {
    operation: &'static str,
    status: u16,
    body: Vec<u8>,
}

/// Every fixture body that renders to JSON and that the spec declares, loaded once.
fn fixtures() -> &'static [Fixture] {
    static FIXTURES: OnceLock<Vec<Fixture>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let env = mock_environment();
        let matches = match_operations(&env);
        let found: Vec<Fixture> = fixtures::fixture_bodies(&matches, &RenderContext::sample())
            .filter_map(|body| {
                let operation = OPERATIONS[body.op_index].id;
                let json = body.body.as_ref().ok()?;
                let bytes = serde_json::to_vec(json).expect("a JSON value serialises");
                // Only bodies of a status the spec declares that decode as they are
                // (`mock_bodies.rs` lists the one fixture bug).
                decode_response(operation, body.status_code, &bytes)?.ok()?;
                Some(Fixture {
                    operation,
                    status: body.status_code,
                    body: bytes,
                })
            })
            .collect();
        assert!(found.len() > 100, "only {} fixture bodies", found.len());
        found
    })
}

/// The configuration of every property: proptest's default (256 cases, or
/// `PROPTEST_CASES`), without regression files.
fn config() -> Config {
    Config {
        failure_persistence: None,
        ..Config::default()
    }
}

/// Decodes `body` with every model's decoder; what decodes must re-encode.
fn decode_with_every_model(body: &[u8]) -> Result<(), TestCaseError> {
    for (name, decode) in MODELS {
        if let Err(failure) = decode(body) {
            prop_assert!(
                !failure.message.starts_with("re-encoding failed"),
                "{name}: {failure}"
            );
        }
    }
    Ok(())
}

#[test]
fn the_model_table_lists_every_model() {
    // 176 generated types (some schemas share one), plus the hand-written `Event`/`EventType`.
    assert!(MODELS.len() >= 170, "{} models", MODELS.len());
    let mut names: Vec<&str> = MODELS.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), MODELS.len(), "a model is listed twice");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_model_from_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        decode_with_every_model(&bytes)?;
    }

    #[test]
    fn every_model_from_arbitrary_json_text(text in "[\\[\\]{}\":,0-9a-z_ .eE+-]{0,200}") {
        decode_with_every_model(text.as_bytes())?;
    }

    #[test]
    fn fixture_bodies_mutated(
        which in any::<prop::sample::Index>(),
        mutations in mutate::mutations(),
    ) {
        let fixture = &fixtures()[which.index(fixtures().len())];
        let body = mutate::apply(&fixture.body, &mutations);
        let result = decode_response(fixture.operation, fixture.status, &body)
            .expect("the fixture's operation and status are in the table");
        if let Err(failure) = &result {
            prop_assert!(!failure.message.starts_with("re-encoding failed"), "{}", failure);
        }
        decode_with_every_model(&body)?;
    }
}
