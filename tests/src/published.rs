//! The published payloads of `tests/fixtures/published/`: Conekta's answers and
//! webhook events as published outside this repository (docs, SDK fixtures,
//! merchants' captures; the README there gives each file's source).

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The directory of the published payloads.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/published")
}

/// Every published payload, by file name, in name order.
pub fn payloads() -> Vec<(String, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/fixtures/published")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("a readable payload");
            let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, json)
        })
        .collect()
}

/// The SDK model that a Conekta object of kind `kind` (its `object` member)
/// decodes into, when the SDK has one.
pub fn model_of_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "charge" => "ChargeResponse",
        "order" => "OrderResponse",
        "customer" => "CustomerResponse",
        "subscription" => "SubscriptionResponse",
        "plan" => "PlanResponse",
        "payment_source" => "CustomerPaymentMethodsData",
        "shipping_contact" => "CustomerShippingContactsResponse",
        "webhook_key" => "WebhookKeyResponse",
        "chargeback" => "ChargebackResponse",
        _ => return None,
    })
}

/// The Conekta objects a payload holds at its top: an event's `data.object`,
/// a list's items, an array's items, or the payload itself.
pub fn top_objects(payload: &Value) -> Vec<&Value> {
    match payload {
        Value::Array(items) => items.iter().flat_map(top_objects).collect(),
        Value::Object(members) => match members.get("object").and_then(Value::as_str) {
            Some("event") => payload
                .pointer("/data/object")
                .map(top_objects)
                .unwrap_or_default(),
            Some("list") | None if members.get("data").is_some_and(Value::is_array) => {
                top_objects(&members["data"])
            }
            _ => vec![payload],
        },
        _ => Vec::new(),
    }
}

/// The events a payload holds: itself, or the items of an array of events.
pub fn events(payload: &Value) -> Vec<&Value> {
    match payload {
        Value::Array(items) => items.iter().flat_map(events).collect(),
        Value::Object(members)
            if members.get("object").and_then(Value::as_str) == Some("event") =>
        {
            vec![payload]
        }
        _ => Vec::new(),
    }
}
