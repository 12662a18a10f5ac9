//! Webhook keys and webhooks: `/webhook_keys` and `/webhooks`.
//!
//! Every webhook key answers the crate's test-only public key
//! ([`TEST_PUBLIC_KEY_PEM`]): the fake signs every delivery with its one key
//! pair, whichever key is active.

use conekta_sdk::EventType;
use conekta_sdk::models::{UpdateWebhook, WebhookKeyRequest, WebhookRequest};
use serde_json::{Map, Value, json};

use super::{ListParams, Store, now, page, reject_undeclared};
use crate::TEST_PUBLIC_KEY_PEM;
use crate::delivery::Target;
use crate::server::failure::ApiFailure;

/// The events a webhook created without `subscribed_events` receives: the
/// list a new webhook answers with on Conekta (its API fixtures), and
/// `order.reversed`, which Conekta's recurrent cash guide says a reversal
/// sends.
const DEFAULT_EVENTS: [&str; 68] = [
    "charge.created",
    "charge.paid",
    "charge.under_fraud_review",
    "charge.fraudulent",
    "charge.refunded",
    "charge.preauthorized",
    "charge.declined",
    "charge.canceled",
    "charge.reversed",
    "charge.pending_confirmation",
    "charge.expired",
    "customer.created",
    "customer.updated",
    "customer.deleted",
    "webhook.created",
    "webhook.updated",
    "webhook.deleted",
    "charge.chargeback.created",
    "charge.chargeback.updated",
    "charge.chargeback.under_review",
    "charge.chargeback.lost",
    "charge.chargeback.won",
    "payout.created",
    "payout.retrying",
    "payout.paid_out",
    "payout.failed",
    "plan.created",
    "plan.updated",
    "plan.deleted",
    "subscription.created",
    "subscription.paused",
    "subscription.resumed",
    "subscription.canceled",
    "subscription.expired",
    "subscription.updated",
    "subscription.paid",
    "subscription.payment_failed",
    "payee.created",
    "payee.updated",
    "payee.deleted",
    "payee.payout_method.created",
    "payee.payout_method.updated",
    "payee.payout_method.deleted",
    "charge.score_updated",
    "receipt.created",
    "order.canceled",
    "order.charged_back",
    "order.created",
    "order.expired",
    "order.fraudulent",
    "order.under_fraud_review",
    "order.paid",
    "order.partially_refunded",
    "order.pending_payment",
    "order.pre_authorized",
    "order.refunded",
    "order.updated",
    "order.voided",
    "order.declined",
    "cashout.canceled",
    "cashout.confirmed",
    "webhook_ping",
    "customer.payment_source.card.blocked",
    "cash_refund.created",
    "cash_refund.canceled",
    "cash_refund.refunded",
    "cash_refund.expired",
    "order.reversed",
];

/// The member (beyond the spec's `url` and `subscribed_events`) that marks a
/// webhook as the one for recurrent cash ("Usar para Pago en Efectivo
/// Recurrente" in Conekta's panel); Conekta's webhooks answer it.
const SYNCHRONOUS: &str = "synchronous";

/// A webhook key.
#[derive(Debug, Clone)]
pub(crate) struct WebhookKey {
    id: String,
    created_at: i64,
    active: bool,
    deactivated_at: Option<i64>,
}

impl WebhookKey {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "webhook_key",
            "active": self.active,
            "livemode": false,
            "created_at": self.created_at,
            "deactivated_at": self.deactivated_at,
            "public_key": TEST_PUBLIC_KEY_PEM,
        })
    }

    fn set_active(&mut self, active: bool) {
        self.deactivated_at = if active {
            None
        } else {
            self.deactivated_at.or(Some(now()))
        };
        self.active = active;
    }
}

/// A registered webhook endpoint.
#[derive(Debug, Clone)]
pub(crate) struct Webhook {
    id: String,
    url: String,
    subscribed_events: Vec<String>,
    active: bool,
    synchronous: bool,
}

impl Webhook {
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "webhook",
            "url": self.url,
            "status": if self.active { "listening" } else { "inactive" },
            "active": self.active,
            "subscribed_events": self.subscribed_events,
            SYNCHRONOUS: self.synchronous,
            "livemode": false,
            "production_enabled": false,
            "development_enabled": true,
        })
    }

    fn target(&self) -> Target {
        Target {
            url: self.url.clone(),
        }
    }
}

/// `url`, checked: Conekta POSTs to `http` and `https` URLs.
fn checked_url(url: &str, param: &str) -> Result<String, ApiFailure> {
    if url.starts_with("http://") || url.starts_with("https://") {
        Ok(url.to_owned())
    } else {
        Err(ApiFailure::invalid(
            param,
            "conekta.errors.parameter_validation.webhook.url.invalid",
            "La URL del webhook no es válida.",
            "The webhook URL is not valid.",
        ))
    }
}

/// The `synchronous` member of a request's undeclared members, if given.
fn synchronous_flag(extra: &Map<String, Value>) -> Result<Option<bool>, ApiFailure> {
    reject_undeclared(extra, &[SYNCHRONOUS])?;
    match extra.get(SYNCHRONOUS) {
        None => Ok(None),
        Some(Value::Bool(flag)) => Ok(Some(*flag)),
        Some(_) => Err(ApiFailure::request_shape(SYNCHRONOUS, "expected a boolean")),
    }
}

impl Store {
    /// `GET /webhook_keys`.
    pub(crate) fn list_webhook_keys(&self, params: &ListParams) -> Result<Value, ApiFailure> {
        let items: Vec<&WebhookKey> = self.webhook_keys.iter().rev().collect();
        page(
            &items,
            params,
            &self.base_url,
            "/webhook_keys",
            |k| &k.id,
            WebhookKey::to_json,
        )
    }

    /// `POST /webhook_keys`.
    pub(crate) fn create_webhook_key(
        &mut self,
        request: Option<WebhookKeyRequest>,
    ) -> Result<Value, ApiFailure> {
        if let Some(request) = &request {
            reject_undeclared(&request.extra, &[])?;
        }
        let mut key = WebhookKey {
            id: self.ids().hex(),
            created_at: now(),
            active: true,
            deactivated_at: None,
        };
        key.set_active(request.and_then(|r| r.active).unwrap_or(true));
        let json = key.to_json();
        self.webhook_keys.push(key);
        Ok(json)
    }

    fn webhook_key_mut(&mut self, id: &str) -> Result<&mut WebhookKey, ApiFailure> {
        self.webhook_keys
            .iter_mut()
            .find(|key| key.id == id)
            .ok_or_else(|| ApiFailure::not_found("WebhookKey", id))
    }

    /// `GET /webhook_keys/{id}`.
    pub(crate) fn webhook_key(&mut self, id: &str) -> Result<Value, ApiFailure> {
        Ok(self.webhook_key_mut(id)?.to_json())
    }

    /// `PUT /webhook_keys/{id}`.
    pub(crate) fn update_webhook_key(
        &mut self,
        id: &str,
        request: Option<WebhookKeyRequest>,
    ) -> Result<Value, ApiFailure> {
        let key = self.webhook_key_mut(id)?;
        if let Some(request) = request {
            reject_undeclared(&request.extra, &[])?;
            if let Some(active) = request.active {
                key.set_active(active);
            }
        }
        Ok(key.to_json())
    }

    /// `DELETE /webhook_keys/{id}`.
    pub(crate) fn delete_webhook_key(&mut self, id: &str) -> Result<Value, ApiFailure> {
        let position = self
            .webhook_keys
            .iter()
            .position(|key| key.id == id)
            .ok_or_else(|| ApiFailure::not_found("WebhookKey", id))?;
        let key = self.webhook_keys.remove(position);
        Ok(json!({
            "id": key.id,
            "object": "webhook_key",
            "active": false,
            "livemode": false,
            "created_at": key.created_at,
            "deleted": true,
        }))
    }

    /// `GET /webhooks`.
    pub(crate) fn list_webhooks(&self, params: &ListParams) -> Result<Value, ApiFailure> {
        let items: Vec<&Webhook> = self.webhooks.iter().rev().collect();
        page(
            &items,
            params,
            &self.base_url,
            "/webhooks",
            |w| &w.id,
            Webhook::to_json,
        )
    }

    /// `POST /webhooks`: the endpoint receives the events it subscribes to
    /// (every event type by default) from now on, `webhook.created` first.
    pub(crate) fn create_webhook(&mut self, request: WebhookRequest) -> Result<Value, ApiFailure> {
        let synchronous = synchronous_flag(&request.extra)?.unwrap_or(false);
        let webhook = Webhook {
            id: self.ids().hex(),
            url: checked_url(&request.url, "url")?,
            subscribed_events: request
                .subscribed_events
                .unwrap_or_else(|| DEFAULT_EVENTS.iter().map(|&e| e.to_owned()).collect()),
            active: true,
            synchronous,
        };
        let json = webhook.to_json();
        self.webhooks.push(webhook);
        self.emit(EventType::WebhookCreated, json.clone());
        Ok(json)
    }

    fn webhook_mut(&mut self, id: &str) -> Result<&mut Webhook, ApiFailure> {
        self.webhooks
            .iter_mut()
            .find(|webhook| webhook.id == id)
            .ok_or_else(|| ApiFailure::not_found("Webhook", id))
    }

    /// `GET /webhooks/{id}`.
    pub(crate) fn webhook(&mut self, id: &str) -> Result<Value, ApiFailure> {
        Ok(self.webhook_mut(id)?.to_json())
    }

    /// `PUT /webhooks/{id}`.
    pub(crate) fn update_webhook(
        &mut self,
        id: &str,
        request: UpdateWebhook,
    ) -> Result<Value, ApiFailure> {
        let synchronous = synchronous_flag(&request.extra)?;
        let url = request
            .url
            .as_deref()
            .map(|url| checked_url(url, "url"))
            .transpose()?;
        let webhook = self.webhook_mut(id)?;
        if let Some(url) = url {
            webhook.url = url;
        }
        if let Some(events) = request.subscribed_events {
            webhook.subscribed_events = events;
        }
        if let Some(active) = request.active {
            webhook.active = active;
        }
        if let Some(synchronous) = synchronous {
            webhook.synchronous = synchronous;
        }
        let json = webhook.to_json();
        self.emit(EventType::WebhookUpdated, json.clone());
        Ok(json)
    }

    /// `DELETE /webhooks/{id}`.
    pub(crate) fn delete_webhook(&mut self, id: &str) -> Result<Value, ApiFailure> {
        let position = self
            .webhooks
            .iter()
            .position(|webhook| webhook.id == id)
            .ok_or_else(|| ApiFailure::not_found("Webhook", id))?;
        let webhook = self.webhooks.remove(position);
        let mut json = webhook.to_json();
        json["deleted"] = Value::Bool(true);
        self.emit(EventType::WebhookDeleted, json.clone());
        Ok(json)
    }

    /// `POST /webhooks/{id}/test`: a `webhook_ping` to that webhook.
    pub(crate) fn test_webhook(&mut self, id: &str) -> Result<Value, ApiFailure> {
        let webhook = self.webhook_mut(id)?;
        let (json, target) = (webhook.to_json(), webhook.target());
        self.ping(target);
        Ok(json)
    }

    /// The active webhooks subscribed to `kind`.
    pub(crate) fn subscribers(&self, kind: &EventType) -> Vec<Target> {
        self.webhooks
            .iter()
            .filter(|webhook| webhook.active)
            .filter(|webhook| webhook.subscribed_events.iter().any(|e| e == kind.as_str()))
            .map(Webhook::target)
            .collect()
    }

    /// Where the synchronous recurrent cash questions go: the active webhook
    /// marked `synchronous` first registered or, when none is marked, the
    /// first active webhook (a convenience of the fake: Conekta's 2.2.0 spec
    /// has no field to mark one through the API).
    pub(crate) fn recurrent_cash_webhook(&self) -> Option<Target> {
        let active = || self.webhooks.iter().filter(|webhook| webhook.active);
        active()
            .find(|webhook| webhook.synchronous)
            .or_else(|| active().next())
            .map(Webhook::target)
    }
}
