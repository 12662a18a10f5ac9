//! Every published payload of `tests/fixtures/published` (Conekta's docs, its
//! SDKs' fixtures, merchants' captures) decodes through the SDK: each event
//! through `Event::from_slice` and the typed accessor of its object's kind, and
//! each other Conekta object through its model; what decodes re-encodes.

use conekta_sdk::{Event, ObjectError};
use conekta_tests::operations::MODELS;
use conekta_tests::published;
use serde_json::Value;

/// Decodes `data.object` of `event` through the typed accessor of its kind;
/// `None` for kinds without one (a chargeback, a webhook ping).
fn typed_view(event: &Event) -> Option<Result<String, ObjectError>> {
    let data = &event.data;
    Some(match data.object.get("object").and_then(Value::as_str)? {
        "charge" => data.charge().map(|charge| charge.id),
        "order" => data.order().map(|order| order.id),
        "customer" => data.customer().map(|customer| customer.id),
        "subscription" => data.subscription().map(|subscription| subscription.id),
        "plan" => data.plan().map(|plan| plan.id),
        _ => return None,
    })
}

#[test]
fn every_published_event_decodes_through_the_typed_accessors() {
    let mut decoded = Vec::new();
    let mut failures = Vec::new();
    for (name, payload) in published::payloads() {
        for event in published::events(&payload) {
            let bytes = serde_json::to_vec(event).expect("JSON");
            let event = match Event::from_slice(&bytes) {
                Ok(event) => event,
                Err(e) => {
                    failures.push(format!("{name}: {e}"));
                    continue;
                }
            };
            match typed_view(&event) {
                Some(Ok(id)) => decoded.push(format!("{name}: {} {id}", event.event_type)),
                Some(Err(e)) => failures.push(format!("{name}: {} {e}", event.event_type)),
                None => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // 23 events of 22 files: charge, order, customer, subscription and plan events.
    assert!(decoded.len() >= 20, "{decoded:#?}");
}

#[test]
fn every_published_object_decodes_and_re_encodes() {
    let mut objects = 0;
    let mut failures = Vec::new();
    for (name, payload) in published::payloads() {
        for object in published::top_objects(&payload) {
            let Some(model) = object
                .get("object")
                .and_then(Value::as_str)
                .and_then(published::model_of_kind)
            else {
                continue;
            };
            let (_, decode) = MODELS
                .iter()
                .find(|(each, _)| *each == model)
                .unwrap_or_else(|| panic!("no model {model}"));
            let bytes = serde_json::to_vec(object).expect("JSON");
            if let Err(e) = decode(&bytes) {
                failures.push(format!("{name}: {model} {e}"));
            }
            objects += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(objects >= 140, "{objects} objects decoded");
}
