//! Signed webhook events for unit tests of a webhook handler, without a
//! server: each function makes one event as the fake (and Conekta) sends it,
//! about an object rendered the way the fake renders its own.
//!
//! ```
//! use conekta_sdk::webhooks::{EventType, WebhookVerifier};
//! use conekta_testing::{TEST_PUBLIC_KEY_PEM, fixtures};
//!
//! let delivery = fixtures::order_paid(35_000);
//! // What your handler receives: the raw body and the signed headers.
//! let verifier = WebhookVerifier::from_pem(TEST_PUBLIC_KEY_PEM).unwrap();
//! let event = verifier.verify_event(&delivery.body(), &delivery.headers()).unwrap();
//! assert_eq!(event.event_type, EventType::OrderPaid);
//! assert_eq!(event.data.order().unwrap().amount, 35_000);
//! ```

use conekta_sdk::models::PaymentStatus;
use conekta_sdk::webhooks::HeaderMap;
use conekta_sdk::{DecodeError, Event, EventType};
use serde_json::{Value, json};

use crate::references::Ids;
use crate::signing::sign;
use crate::store::{Order, SANDBOX_BARCODE_URL, SampleMethod, event_json, now};

/// One webhook event: its JSON, the body Conekta would POST, and the signed
/// headers.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFixture {
    json: Value,
}

impl EventFixture {
    /// An event of `kind` about `object` (any JSON: use it for the events
    /// the functions of this module do not make).
    #[must_use]
    pub fn new(kind: EventType, object: Value) -> Self {
        let ids = Ids::default();
        Self {
            json: event_json(
                &ids.hex(),
                &kind,
                json!({ "object": object, "previous_attributes": {} }),
            ),
        }
    }

    /// The event's JSON.
    #[must_use]
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// The event's JSON, to change before sending it (an id, metadata…).
    pub fn json_mut(&mut self) -> &mut Value {
        &mut self.json
    }

    /// The raw body of the POST.
    #[must_use]
    pub fn body(&self) -> Vec<u8> {
        self.json.to_string().into_bytes()
    }

    /// The headers of the POST of [`body`](Self::body), signed with the
    /// test-only key (see [`sign`]).
    #[must_use]
    pub fn headers(&self) -> HeaderMap {
        sign(&self.body())
    }

    /// The event decoded as `conekta_sdk` decodes a webhook.
    ///
    /// # Errors
    /// [`DecodeError`] if [`json_mut`](Self::json_mut) made it something else.
    pub fn event(&self) -> Result<Event, DecodeError> {
        Event::from_slice(&self.body())
    }
}

/// An event about a sample order.
fn about_order(
    kind: EventType,
    amount: i64,
    method: SampleMethod,
    status: PaymentStatus,
) -> EventFixture {
    EventFixture::new(
        kind,
        Order::sample(&Ids::default(), amount, method, status).to_json(),
    )
}

/// An event about the charge of a sample order.
fn about_charge(
    kind: EventType,
    amount: i64,
    method: SampleMethod,
    status: PaymentStatus,
) -> EventFixture {
    let order = Order::sample(&Ids::default(), amount, method, status).to_json();
    EventFixture::new(kind, order["charges"]["data"][0].clone())
}

/// `order.paid`: an order of `amount` centavos paid by card (Visa 4242).
#[must_use]
pub fn order_paid(amount: i64) -> EventFixture {
    about_order(
        EventType::OrderPaid,
        amount,
        SampleMethod::Card,
        PaymentStatus::Paid,
    )
}

/// `order.paid`: an OXXO order of `amount` centavos, paid in cash.
#[must_use]
pub fn oxxo_order_paid(amount: i64) -> EventFixture {
    about_order(
        EventType::OrderPaid,
        amount,
        SampleMethod::Oxxo,
        PaymentStatus::Paid,
    )
}

/// `order.paid`: a SPEI order of `amount` centavos, paid by transfer.
#[must_use]
pub fn spei_order_paid(amount: i64) -> EventFixture {
    about_order(
        EventType::OrderPaid,
        amount,
        SampleMethod::Spei,
        PaymentStatus::Paid,
    )
}

/// `order.pending_payment`: an OXXO order of `amount` centavos waiting for
/// the payer.
#[must_use]
pub fn order_pending_payment(amount: i64) -> EventFixture {
    about_order(
        EventType::OrderPendingPayment,
        amount,
        SampleMethod::Oxxo,
        PaymentStatus::PendingPayment,
    )
}

/// `order.declined`: a card order of `amount` centavos, declined by the bank.
#[must_use]
pub fn order_declined(amount: i64) -> EventFixture {
    about_order(
        EventType::OrderDeclined,
        amount,
        SampleMethod::Card,
        PaymentStatus::Declined,
    )
}

/// `order.refunded`: a card order of `amount` centavos, refunded in full.
#[must_use]
pub fn order_refunded(amount: i64) -> EventFixture {
    about_order(
        EventType::OrderRefunded,
        amount,
        SampleMethod::Card,
        PaymentStatus::Refunded,
    )
}

/// `charge.paid`: a card charge of `amount` centavos.
#[must_use]
pub fn charge_paid(amount: i64) -> EventFixture {
    about_charge(
        EventType::ChargePaid,
        amount,
        SampleMethod::Card,
        PaymentStatus::Paid,
    )
}

/// `charge.paid`: an OXXO cash charge of `amount` centavos.
#[must_use]
pub fn oxxo_charge_paid(amount: i64) -> EventFixture {
    about_charge(
        EventType::ChargePaid,
        amount,
        SampleMethod::Oxxo,
        PaymentStatus::Paid,
    )
}

/// An `inbound_payment` object for the recurrent cash `reference`.
fn inbound_payment(reference: &str, amount: i64, created_at: i64) -> Value {
    let ids = Ids::default();
    json!({
        "object": "inbound_payment",
        "payment_method": {
            "object": "cash_payment",
            "type": "cash",
            "service_name": "Cash",
            "reference": reference,
            "barcode_url": SANDBOX_BARCODE_URL,
            "expires_at": 0,
        },
        "charge_id": ids.hex(),
        "customer_id": ids.prefixed("cus_"),
        "amount": amount,
        "currency": "MXN",
        "livemode": false,
        "created_at": created_at,
    })
}

/// `inbound_payment.lookup` for the recurrent cash `reference`: answer it
/// with a `LookupResponse`.
#[must_use]
pub fn inbound_payment_lookup(reference: &str) -> EventFixture {
    EventFixture::new(
        EventType::InboundPaymentLookup,
        inbound_payment(reference, 0, 0),
    )
}

/// `inbound_payment.payment_attempt` of `amount` centavos for the recurrent
/// cash `reference`: answer it with a `PaymentAttemptResponse`.
#[must_use]
pub fn inbound_payment_attempt(reference: &str, amount: i64) -> EventFixture {
    EventFixture::new(
        EventType::InboundPaymentPaymentAttempt,
        inbound_payment(reference, amount, now()),
    )
}

/// `webhook_ping`, the event of `POST /webhooks/{id}/test`: no `data.object`.
#[must_use]
pub fn webhook_ping() -> EventFixture {
    let ids = Ids::default();
    EventFixture {
        json: event_json(
            &ids.hex(),
            &EventType::WebhookPing,
            json!({ "livemode": false, "action": "ping" }),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use conekta_sdk::webhooks::WebhookVerifier;

    /// Every fixture verifies with the test key and decodes, its object
    /// with the SDK's typed accessor.
    #[test]
    fn fixtures_verify_and_decode() {
        let verifier = WebhookVerifier::from_pem(crate::TEST_PUBLIC_KEY_PEM).unwrap();
        let orders = [
            order_paid(35_000),
            oxxo_order_paid(35_000),
            spei_order_paid(35_000),
            order_pending_payment(35_000),
            order_declined(35_000),
            order_refunded(35_000),
        ];
        for fixture in &orders {
            let event = verifier
                .verify_event(&fixture.body(), &fixture.headers())
                .unwrap();
            let order = event.data.order().unwrap();
            assert_eq!(order.amount, 35_000);
        }
        assert_eq!(
            orders[1].event().unwrap().data.order().unwrap().charges()[0]
                .cash_reference()
                .map(str::len),
            Some(14)
        );
        for fixture in [charge_paid(100), oxxo_charge_paid(100)] {
            let charge = fixture.event().unwrap().data.charge().unwrap();
            assert_eq!(charge.status, PaymentStatus::Paid);
        }
        let lookup = inbound_payment_lookup("10001432529593700513")
            .event()
            .unwrap();
        assert_eq!(
            lookup.data.inbound_payment().unwrap().reference(),
            "10001432529593700513"
        );
        let attempt = inbound_payment_attempt("10001432529593700513", 20_000)
            .event()
            .unwrap();
        assert_eq!(attempt.data.inbound_payment().unwrap().amount, 20_000);
        assert_eq!(
            webhook_ping().event().unwrap().event_type,
            EventType::WebhookPing
        );
    }
}
