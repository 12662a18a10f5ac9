//! Events: what every state change emits, kept for `GET /events` and queued
//! for the webhooks that subscribe to them.

use conekta_sdk::EventType;
use serde_json::{Value, json};

use super::{ListParams, Store, now, page};
use crate::delivery::{Job, Target};
use crate::server::failure::ApiFailure;

/// `webhook_status` of an event no webhook is subscribed to, or of a
/// synchronous recurrent cash event (as Conekta marks those).
const NOT_APPLICABLE: &str = "not_applicable";

/// One event, as emitted.
#[derive(Debug, Clone)]
pub(crate) struct StoredEvent {
    pub(crate) id: String,
    pub(crate) kind: EventType,
    created_at: i64,
    /// The `data` member: `{ object, previous_attributes }`, or a ping's.
    data: Value,
    webhook_status: String,
    webhook_logs: Vec<Value>,
}

impl StoredEvent {
    /// Whether the event's object is the object `id`.
    pub(crate) fn is_about(&self, id: &str) -> bool {
        self.data["object"]["id"].as_str() == Some(id)
    }

    /// The event as Conekta POSTs it and `GET /events/{id}` answers it.
    pub(crate) fn to_json(&self) -> Value {
        let mut json = event_json(&self.id, &self.kind, self.data.clone());
        json["created_at"] = Value::from(self.created_at);
        json["webhook_status"] = Value::from(self.webhook_status.as_str());
        json["webhook_logs"] = Value::from(self.webhook_logs.clone());
        json
    }
}

/// An event envelope about `data` (`{ object, previous_attributes }`, or a
/// ping's), created now, not yet delivered.
pub(crate) fn event_json(id: &str, kind: &EventType, data: Value) -> Value {
    json!({
        "id": id,
        "object": "event",
        "type": kind.as_str(),
        "livemode": false,
        "created_at": now(),
        "webhook_status": NOT_APPLICABLE,
        "webhook_logs": [],
        "data": data,
    })
}

/// The result of one POST of an event to one webhook.
#[derive(Debug, Clone)]
pub(crate) struct DeliveryResult {
    pub(crate) url: String,
    /// The HTTP status the endpoint answered, `None` if it did not answer.
    pub(crate) status: Option<u16>,
    /// The endpoint's answer, when it was a JSON object.
    pub(crate) response: Value,
}

impl Store {
    /// Records an event about `object` and queues it for every active
    /// webhook subscribed to `kind`.
    pub(crate) fn emit(&mut self, kind: EventType, object: Value) {
        let event = self.record(kind, json!({ "object": object, "previous_attributes": {} }));
        let targets = self.subscribers(&event.kind);
        self.queue(&event, targets);
    }

    /// Records a `webhook_ping` and queues it for the one webhook `target`.
    pub(crate) fn ping(&mut self, target: Target) {
        let event = self.record(
            EventType::WebhookPing,
            json!({ "livemode": false, "action": "ping" }),
        );
        self.queue(&event, vec![target]);
    }

    /// Records a synchronous recurrent cash event (`inbound_payment.*`) about
    /// `object`, which the caller sends itself and waits for.
    pub(crate) fn record_synchronous(&mut self, kind: EventType, object: Value) -> StoredEvent {
        self.record(kind, json!({ "object": object, "previous_attributes": {} }))
    }

    fn record(&mut self, kind: EventType, data: Value) -> StoredEvent {
        let event = StoredEvent {
            id: self.ids().hex(),
            kind,
            created_at: now(),
            data,
            webhook_status: NOT_APPLICABLE.to_owned(),
            webhook_logs: Vec::new(),
        };
        self.events.push(event.clone());
        event
    }

    fn queue(&mut self, event: &StoredEvent, targets: Vec<Target>) {
        if targets.is_empty() {
            return;
        }
        if let Some(stored) = self.events.iter_mut().rev().find(|e| e.id == event.id) {
            stored.webhook_status = "pending".to_owned();
        }
        let body = bytes::Bytes::from(event.to_json().to_string());
        // The worker lives as long as the fake; if it is gone there is no one
        // to deliver to.
        let _ = self.deliveries.send(Job::Deliver {
            event_id: event.id.clone(),
            body,
            targets,
        });
    }

    /// Records the outcome of POSTing event `event_id` to one webhook.
    pub(crate) fn record_delivery(&mut self, event_id: &str, result: DeliveryResult) {
        let log_id = self.ids().prefixed("webhl_");
        let Some(event) = self.events.iter_mut().rev().find(|e| e.id == event_id) else {
            return;
        };
        let ok = matches!(result.status, Some(200..=299));
        event.webhook_logs.push(json!({
            "id": log_id,
            "url": result.url,
            "failed_attempts": u8::from(!ok),
            "last_http_response_status": result.status.map_or(-1, i32::from),
            "response_data": result.response,
            "object": "webhook_log",
            "last_attempted_at": now(),
        }));
        if event.webhook_status != NOT_APPLICABLE {
            let all_ok = event
                .webhook_logs
                .iter()
                .all(|log| log["failed_attempts"] == 0);
            event.webhook_status = if all_ok { "successful" } else { "failing" }.to_owned();
        }
    }

    /// `GET /events`.
    pub(crate) fn list_events(&self, params: &ListParams) -> Result<Value, ApiFailure> {
        let items: Vec<&StoredEvent> = self.events.iter().rev().collect();
        page(
            &items,
            params,
            &self.base_url,
            "/events",
            |e| &e.id,
            StoredEvent::to_json,
        )
    }

    /// `GET /events/{id}`.
    pub(crate) fn event(&self, id: &str) -> Result<Value, ApiFailure> {
        self.events
            .iter()
            .find(|event| event.id == id)
            .map(StoredEvent::to_json)
            .ok_or_else(|| ApiFailure::not_found("Event", id))
    }
}
