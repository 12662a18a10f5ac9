//! The webhook event envelope: [`Event`], [`EventData`] and [`DecodeError`].

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{EventType, ObjectError};
use crate::DecodeError;
use crate::models;

/// A Conekta event: as Conekta POSTs it to your webhook endpoint, and as
/// `client.events()` returns it (the spec's `event_response`).
///
/// Only `id`, `type`, `created_at`, `livemode` and `data` are required;
/// `null` in an optional field decodes to `None`, and every member this type
/// does not name (`object`, `webhook_logs`, anything new) is kept in
/// [`extra`](Event::extra) and written back by `Serialize`.
///
/// Verify the signature of the raw body with
/// [`WebhookVerifier`](crate::webhooks::WebhookVerifier) *before* decoding it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// Event id, e.g. `5b439072583eb80d50b46534`.
    pub id: String,
    /// Event type, e.g. `charge.paid`.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// Creation time (Unix seconds on the wire).
    pub created_at: crate::Timestamp,
    /// `true` for production, `false` for test mode.
    pub livemode: bool,
    /// Delivery status, e.g. `not_applicable`, `successful`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_status: Option<String>,
    /// The object the event is about.
    pub data: EventData,
    /// Delivery attempts to your webhooks, when Conekta includes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_logs: Option<Vec<models::WebhookLog>>,
    /// Every other member of the envelope, e.g. `object`.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Event {
    /// Decodes an event from the raw request body.
    ///
    /// # Errors
    /// [`DecodeError`] with the JSON path of the first offending value when the
    /// body is not JSON or does not have the envelope's shape.
    pub fn from_slice(body: &[u8]) -> Result<Self, DecodeError> {
        let mut json = serde_json::Deserializer::from_slice(body);
        let event = serde_path_to_error::deserialize(&mut json).map_err(DecodeError::at_root)?;
        json.end().map_err(|source| DecodeError::new(".", source))?;
        Ok(event)
    }
}

/// The `data` member of an [`Event`].
///
/// `object` is kept as raw JSON; decode it with one of the typed accessors
/// ([`charge`](EventData::charge), [`order`](EventData::order),
/// [`customer`](EventData::customer), [`subscription`](EventData::subscription),
/// [`plan`](EventData::plan), [`inbound_payment`](EventData::inbound_payment))
/// or with [`decode_object`](EventData::decode_object) into a type of your own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventData {
    /// The object the event is about (a charge, an order, an inbound payment…).
    /// `Value::Null` when absent, as in `webhook_ping` events (and then not
    /// serialised).
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub object: Value,
    /// For `*.updated`-style events, the previous values of changed members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_attributes: Option<Map<String, Value>>,
    /// Every other member of `data`, e.g. `action` in `webhook_ping`.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl EventData {
    /// Decodes [`object`](EventData::object) into `T`.
    ///
    /// The typed accessors ([`charge`](Self::charge), [`order`](Self::order)…)
    /// are built on this; use it directly for objects they do not cover, or to
    /// decode into your own type.
    ///
    /// # Errors
    /// [`ObjectError`] (the object kept whole), whose path starts at the event
    /// root (`data.object…`).
    pub fn decode_object<T: DeserializeOwned>(&self) -> Result<T, ObjectError> {
        serde_path_to_error::deserialize(&self.object)
            .map_err(|error| ObjectError::new(DecodeError::at_data_object(error), &self.object))
    }

    /// Decodes [`object`](EventData::object) into one of the SDK's models,
    /// through the decoders that API answers go through (the path recorded
    /// through unions too), reading the JSON value in place.
    pub(crate) fn decode_model<T: DeserializeOwned>(&self) -> Result<T, DecodeError> {
        crate::runtime::from_value(&self.object)
            .map_err(|err| DecodeError::new(&under_data_object(err.path()), err.source))
    }
}

impl DecodeError {
    fn at_root(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        Self::new(&error.path().to_string(), error.into_inner())
    }

    fn at_data_object(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        Self::new(
            &under_data_object(&error.path().to_string()),
            error.into_inner(),
        )
    }
}

/// A path inside `data.object` (`.` for the object itself), from the event root.
fn under_data_object(path: &str) -> String {
    match path {
        "." => String::from("data.object"),
        index if index.starts_with('[') => format!("data.object{index}"),
        member => format!("data.object.{member}"),
    }
}
