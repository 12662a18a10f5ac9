//! The evidence behind `required` in `spec/overrides.yaml`: every member the
//! SDK requires (listed there, or required by the spec) is present, and not
//! `null`, in every object of its type that Conekta's Mockoon fixtures, the
//! webhook events of the SDK's tests and the published payloads of
//! `tests/fixtures/published` hold; and each type listed there was seen in at
//! least three objects.
//!
//! The counts are written to `<target>/tmp/evidence.md` for a reviewer (each
//! type's objects, the fields the table makes required, and the optional ones
//! every object carried: candidates for the table).

use conekta_codegen::evidence::Survey;
use conekta_codegen::ir::TypeRef;
use conekta_tests::fixtures::{self, RenderContext};
use conekta_tests::operations::OPERATIONS;
use conekta_tests::published;
use conekta_tests::{lowered_spec, match_operations, mock_environment};
use serde_json::Value;
use std::path::Path;

/// The webhook events and objects the SDK's tests hold (Conekta's recurrent-cash
/// guide and the fixtures' own objects), by file name.
const EVENTS_DIR: &str = "../conekta-sdk/tests/fixtures/webhooks";

/// The type of a Conekta object, from its `object` member.
fn object_type(object: &Value) -> Option<TypeRef> {
    let kind = object.get("object")?.as_str()?;
    published::model_of_kind(kind).map(|model| TypeRef::Named(model.to_owned()))
}

#[test]
fn required_fields_are_always_sent() {
    let (api, overrides) = lowered_spec();
    let mut survey = Survey::new(&api);

    let env = mock_environment();
    let matches = match_operations(&env);
    let ctx = RenderContext::sample();
    let mut bodies = 0;
    for body in fixtures::fixture_bodies(&matches, &ctx) {
        let Ok(json) = &body.body else { continue };
        let id = OPERATIONS[body.op_index].id;
        let op = api
            .operations
            .iter()
            .find(|op| op.id == id)
            .expect("the operation");
        let ty = if body.status_code == op.success_status {
            Some(&op.response)
        } else {
            op.error_responses
                .iter()
                .find(|(status, _)| *status == body.status_code)
                .map(|(_, ty)| ty)
        };
        if let Some(ty) = ty {
            survey.walk(ty, json);
            bodies += 1;
        }
    }

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(EVENTS_DIR);
    let mut objects = 0;
    for entry in std::fs::read_dir(&dir).expect("the webhook fixtures") {
        let path = entry.expect("an entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable fixture");
        let json: Value = serde_json::from_str(&text).expect("JSON");
        // An event's object, or an object on its own.
        let object = json.pointer("/data/object").unwrap_or(&json);
        if let Some(ty) = object_type(object) {
            survey.walk(&ty, object);
            objects += 1;
        }
    }
    assert!(bodies > 200, "{bodies} fixture bodies walked");
    assert!(objects >= 6, "{objects} webhook objects walked");

    // The published payloads, each one's source recorded in the override table.
    let listed: Vec<&str> = overrides
        .required
        .as_ref()
        .map(|required| required.evidence.iter())
        .into_iter()
        .flatten()
        .flat_map(|source| source.files.iter().map(String::as_str))
        .collect();
    let mut published_objects = 0;
    let payloads = published::payloads();
    for (name, payload) in &payloads {
        assert!(
            listed.contains(&name.as_str()),
            "tests/fixtures/published/{name} has no source in `required.evidence` of spec/overrides.yaml"
        );
        for object in published::top_objects(payload) {
            if let Some(ty) = object_type(object) {
                survey.walk(&ty, object);
                published_objects += 1;
            }
        }
    }
    for name in &listed {
        assert!(
            payloads.iter().any(|(file, _)| file == name),
            "`required.evidence` lists {name}, which tests/fixtures/published does not hold"
        );
    }
    assert!(
        published_objects >= 140,
        "{published_objects} published objects walked"
    );

    let report = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("evidence.md");
    std::fs::write(&report, survey.report(&overrides)).expect("write the report");
    let problems = survey.check(&overrides);
    assert!(
        problems.is_empty(),
        "`required` in spec/overrides.yaml lists fields the evidence does not support \
         (counts in {}):\n{}",
        report.display(),
        problems.join("\n")
    );
}
