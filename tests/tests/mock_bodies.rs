//! Every JSON body of Conekta's Mockoon fixtures decodes into the model the spec
//! declares for its operation and status, and re-encodes without losing a field.

use conekta_tests::fixtures::{self, RenderContext};
use conekta_tests::operations::{OPERATIONS, decode_response};
use conekta_tests::{match_operations, mock_environment, normalized};

/// Bodies of routes that serve a spec operation with a status the spec declares.
const EXPECTED_BODIES: usize = 203;

/// Fixture bugs: bodies that are wrong in the fixture, not in the SDK. Each is
/// matched by its display name (`METHOD /endpoint status "label"`).
const FIXTURE_BUGS: &[(&str, &str)] = &[(
    "POST /orders 200",
    "the second `POST /orders` route quotes its template, `\"{{body 'checkout.redirection_time' 7}}\"`, \
     so `redirection_time` renders as a string; Mockoon never serves it (the first `POST /orders` route shadows it)",
)];

#[test]
fn every_fixture_body_decodes_into_its_model() {
    let env = mock_environment();
    let matches = match_operations(&env);
    let ctx = RenderContext::sample();

    let mut decoded = 0;
    let mut undeclared = Vec::new();
    let mut failures = Vec::new();
    let mut known_bugs_seen = Vec::new();
    for body in fixtures::fixture_bodies(&matches, &ctx) {
        let op = &OPERATIONS[body.op_index];
        let name = body.to_string();
        let json = match &body.body {
            Ok(json) => json,
            Err(err) => {
                failures.push(format!(
                    "{name}: the fixture does not render to JSON: {err}"
                ));
                continue;
            }
        };
        let bytes = serde_json::to_vec(json).expect("a JSON value serialises");
        let Some(result) = decode_response(op.id, body.status_code, &bytes) else {
            undeclared.push(name);
            continue;
        };
        let outcome = match result {
            Ok(again) if normalized(&again) == normalized(json) => Ok(()),
            Ok(again) => Err(format!(
                "re-encoding changed the body:\n  sent:  {}\n  again: {}",
                normalized(json),
                normalized(&again)
            )),
            Err(failure) => Err(format!(
                "does not decode as {} {}: {failure}",
                op.id, body.status_code
            )),
        };
        match (outcome, FIXTURE_BUGS.iter().find(|(bug, _)| *bug == name)) {
            (Ok(()), None) => decoded += 1,
            (Ok(()), Some(_)) => {
                failures.push(format!("{name}: listed as a fixture bug but decodes now"))
            }
            (Err(_), Some(_)) => known_bugs_seen.push(name),
            (Err(problem), None) => failures.push(format!("{name} ({}): {problem}", op.id)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        known_bugs_seen.len(),
        FIXTURE_BUGS.len(),
        "fixture bugs seen: {known_bugs_seen:?}"
    );
    assert_eq!(
        decoded + known_bugs_seen.len(),
        EXPECTED_BODIES,
        "bodies with a declared status; with an undeclared one: {undeclared:?}"
    );
}
