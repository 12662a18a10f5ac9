//! The evidence behind `required` in `spec/overrides.yaml`: every field listed
//! there is present, and not `null`, in every object of its type that Conekta's
//! Mockoon fixtures and the published webhook events hold, and in at least
//! three of them.
//!
//! The counts are written to `<target>/tmp/evidence.md` for a reviewer (each
//! type's objects, the fields the table makes required, and the optional ones
//! every object carried: candidates for the table).

use conekta_codegen::evidence::Survey;
use conekta_codegen::ir::{Api, TypeRef};
use conekta_codegen::overrides::Overrides;
use conekta_tests::fixtures::{self, RenderContext};
use conekta_tests::operations::OPERATIONS;
use conekta_tests::{match_operations, mock_environment};
use serde_json::Value;
use std::path::Path;

/// The webhook events and objects the SDK's tests hold (Conekta's recurrent-cash
/// guide and the fixtures' own objects), by file name.
const EVENTS_DIR: &str = "../conekta-sdk/tests/fixtures/webhooks";

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run `cargo xtask fetch-spec` for the spec)",
            path.display()
        )
    })
}

/// The lowered spec and the override table, as `cargo xtask generate` reads them.
fn api() -> (Api, Overrides) {
    let spec_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let overrides = Overrides::parse(&read(&spec_dir.join("overrides.yaml"))).expect("the table");
    let (api, _) = conekta_codegen::api(
        &read(&spec_dir.join("conekta-api-openapi.yml")),
        &read(&spec_dir.join("patches.yaml")),
        &overrides,
    )
    .expect("the spec lowers");
    (api, overrides)
}

/// The type of a webhook object, from its `object` member.
fn event_object_type(object: &Value) -> Option<TypeRef> {
    let name = match object.get("object")?.as_str()? {
        "charge" => "ChargeResponse",
        "order" => "OrderResponse",
        "customer" => "CustomerResponse",
        "subscription" => "SubscriptionResponse",
        "plan" => "PlanResponse",
        _ => return None,
    };
    Some(TypeRef::Named(name.to_owned()))
}

#[test]
fn required_fields_are_always_sent() {
    let (api, overrides) = api();
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
        let json: Value = serde_json::from_str(&read(&path)).expect("JSON");
        // An event's object, or an object on its own.
        let object = json.pointer("/data/object").unwrap_or(&json);
        if let Some(ty) = event_object_type(object) {
            survey.walk(&ty, object);
            objects += 1;
        }
    }
    assert!(bodies > 200, "{bodies} fixture bodies walked");
    assert!(objects >= 6, "{objects} webhook objects walked");

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
