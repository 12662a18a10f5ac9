//! The event envelope and `EventType`, on the guide's examples.
#![cfg(feature = "webhooks")]

use std::collections::HashSet;
use std::str::FromStr as _;

use conekta_sdk::webhooks::{Event, EventType};
use serde_json::{Value, json};

fn decode(body: &str) -> Event {
    match Event::from_slice(body.as_bytes()) {
        Ok(event) => event,
        Err(error) => panic!("{error} (path {})", error.path()),
    }
}

/// `Serialize` writes back every member the body had.
fn assert_round_trips(body: &str) {
    let event = decode(body);
    let original: Value = serde_json::from_str(body).expect("fixture JSON");
    assert_eq!(serde_json::to_value(&event).expect("serialise"), original);
}

#[test]
fn guide_lookup_event_decodes() {
    let body = include_str!("fixtures/webhooks/event_inbound_payment_lookup.json");
    let event = decode(body);
    assert_eq!(event.id, "5b438f82583eb80d50b4652c");
    assert_eq!(event.event_type, EventType::InboundPaymentLookup);
    assert_eq!(
        event.created_at,
        conekta_sdk::Timestamp::from(1_531_154_306)
    );
    assert!(event.livemode);
    assert_eq!(event.webhook_status.as_deref(), Some("not_applicable"));
    assert_eq!(event.data.previous_attributes, Some(serde_json::Map::new()));
    assert_eq!(event.extra["object"], "event");
    assert_eq!(event.webhook_logs, Some(Vec::new()));
    assert_eq!(event.data.object["object"], "inbound_payment");
    assert_round_trips(body);
}

#[test]
fn guide_payment_attempt_event_decodes() {
    let body = include_str!("fixtures/webhooks/event_inbound_payment_payment_attempt.json");
    let event = decode(body);
    assert_eq!(event.event_type, EventType::InboundPaymentPaymentAttempt);
    assert_eq!(event.id, "5b439072583eb80d50b46534");
    assert_eq!(event.data.object["amount"], 110_700);
    assert_round_trips(body);
}

#[test]
fn guide_charge_paid_event_decodes() {
    let body = include_str!("fixtures/webhooks/event_charge_paid.json");
    let event = decode(body);
    assert_eq!(event.event_type, EventType::ChargePaid);
    assert_eq!(
        event.created_at,
        conekta_sdk::Timestamp::from(1_531_154_546)
    );
    let charge = &event.data.object;
    assert_eq!(charge["object"], "charge");
    assert_eq!(charge["status"], "paid");
    assert_eq!(charge["amount"], 350_000);
    assert_eq!(charge["failure_code"], Value::Null);
    assert_round_trips(body);
}

#[test]
fn mock_webhook_ping_event_decodes() {
    // `GET /events/{id}` in Conekta's API mocks: `data` has no `object`.
    let body = include_str!("fixtures/webhooks/event_webhook_ping.json");
    let event = decode(body);
    assert_eq!(event.event_type, EventType::WebhookPing);
    assert_eq!(event.data.object, Value::Null);
    assert_eq!(event.data.previous_attributes, None);
    assert_eq!(event.data.extra["action"], "ping");
    let logs = event.webhook_logs.as_ref().expect("webhook_logs");
    assert_eq!(logs[0].object.as_deref(), Some("webhook_log"));
    assert_round_trips(body);
}

/// The guide shows the bodies of `charge.reversed` and `order.reversed`
/// without their envelope; wrap each the way the other events are wrapped.
fn wrapped(event_type: &str, object: &str) -> Vec<u8> {
    let object: Value = serde_json::from_str(object).expect("fixture JSON");
    let envelope = json!({
        "data": { "object": object, "previous_attributes": {} },
        "livemode": false,
        "webhook_status": "not_applicable",
        "webhook_logs": [],
        "id": "63cec71b01b9000001329150",
        "object": "event",
        "type": event_type,
        "created_at": 1_674_495_771
    });
    serde_json::to_vec(&envelope).expect("serialise envelope")
}

#[test]
fn guide_reversed_charge_decodes_as_event_object() {
    let body = wrapped(
        "charge.reversed",
        include_str!("fixtures/webhooks/charge_reversed.json"),
    );
    let event = Event::from_slice(&body).expect("charge.reversed event");
    assert_eq!(event.event_type, EventType::ChargeReversed);
    let charge: Value = event.data.decode_object().expect("object as Value");
    assert_eq!(charge["status"], "reversed");
    assert_eq!(charge["payment_method"]["auth_code"], 66_685_306);
    assert_eq!(charge["paid_at"], Value::Null);
}

#[test]
fn guide_reversed_order_decodes_as_event_object() {
    let body = wrapped(
        "order.reversed",
        include_str!("fixtures/webhooks/order_reversed.json"),
    );
    let event = Event::from_slice(&body).expect("order.reversed event");
    assert_eq!(event.event_type, EventType::OrderReversed);
    let order: Value = event.data.decode_object().expect("object as Value");
    assert_eq!(order["payment_status"], "reversed");
    assert_eq!(order["charges"]["data"][0]["status"], "reversed");
}

#[test]
fn nulls_and_missing_optionals_are_tolerated() {
    let body = br#"{"id":"evt_1","type":"order.paid","created_at":1,"livemode":false,
        "webhook_status":null,"data":{"object":{"id":"ord_1"},"previous_attributes":null}}"#;
    let event = Event::from_slice(body).expect("event with nulls");
    assert_eq!(event.webhook_status, None);
    assert_eq!(event.data.previous_attributes, None);
    assert!(event.extra.is_empty());

    let minimal = br#"{"id":"evt_2","type":"x.y","created_at":2,"livemode":true,"data":{}}"#;
    let event = Event::from_slice(minimal).expect("minimal event");
    assert_eq!(event.event_type, EventType::Unknown("x.y".to_owned()));
    assert_eq!(event.data.object, Value::Null);
}

#[test]
fn decode_errors_carry_the_json_path() {
    let cases: [(&[u8], &str); 5] = [
        (b"not json", "."),
        (br#"{"id":"e","type":"charge.paid","created_at":"soon","livemode":true,"data":{}}"#, "created_at"),
        (br#"{"id":"e","type":7,"created_at":1,"livemode":true,"data":{}}"#, "type"),
        (br#"{"id":"e","type":"charge.paid","created_at":1,"livemode":true,"data":{"previous_attributes":[1]}}"#, "data.previous_attributes"),
        (br#"{"id":"e","type":"charge.paid","created_at":1,"livemode":true,"data":{}} trailing"#, "."),
    ];
    for (body, path) in cases {
        let error = Event::from_slice(body).expect_err("invalid event");
        assert_eq!(error.path(), path, "{error}");
        assert!(error.to_string().contains(path), "{error}");
    }
    let missing = Event::from_slice(br#"{"id":"e","created_at":1,"livemode":true,"data":{}}"#)
        .expect_err("no type");
    assert!(
        missing.json_error().to_string().contains("type"),
        "{missing}"
    );
}

#[test]
fn decode_object_errors_are_rooted_at_data_object() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Charge {
        amount: i64,
        refunds: Vec<Refund>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Refund {
        amount: i64,
    }

    let body = br#"{"id":"e","type":"charge.refunded","created_at":1,"livemode":true,
        "data":{"object":{"amount":5,"refunds":[{"amount":1},{"amount":"2"}]}}}"#;
    let event = Event::from_slice(body).expect("event");
    let error = event
        .data
        .decode_object::<Charge>()
        .expect_err("bad refund");
    assert_eq!(error.path(), "data.object.refunds[1].amount");

    let event = Event::from_slice(
        br#"{"id":"e","type":"charge.paid","created_at":1,"livemode":true,"data":{"object":[]}}"#,
    )
    .expect("event");
    let error = event
        .data
        .decode_object::<Charge>()
        .expect_err("not an object");
    assert_eq!(error.path(), "data.object");
}

#[test]
fn event_types_round_trip_through_their_wire_strings() {
    let mut seen = HashSet::new();
    for known in EventType::KNOWN {
        let wire = known.as_str();
        assert!(seen.insert(wire), "duplicate wire string {wire}");
        assert_eq!(&EventType::from(wire), known);
        assert_eq!(EventType::from_str(wire), Ok(known.clone()));
        assert_eq!(known.to_string(), wire);
        let json = serde_json::to_string(known).expect("serialise");
        assert_eq!(json, format!("\"{wire}\""));
        assert_eq!(
            &serde_json::from_str::<EventType>(&json).expect("deserialise"),
            known
        );
    }
    for required in [
        "charge.paid",
        "order.paid",
        "charge.reversed",
        "order.reversed",
        "inbound_payment.lookup",
        "inbound_payment.payment_attempt",
        "inbound_payment.reverse",
        "charge.created",
        "charge.pending_confirmation",
        "charge.refunded",
        "charge.chargeback.created",
        "order.created",
        "order.pending_payment",
        "order.expired",
        "order.canceled",
        "order.refunded",
        "customer.created",
        "subscription.paid",
        "subscription.payment_failed",
        "plan.created",
        "webhook_ping",
    ] {
        assert!(seen.contains(required), "{required} is not a named variant");
    }
}

#[test]
fn unknown_event_types_are_kept() {
    let unknown = EventType::from("charge.teleported");
    assert_eq!(unknown, EventType::Unknown("charge.teleported".to_owned()));
    assert_eq!(unknown.as_str(), "charge.teleported");
    assert_eq!(
        serde_json::to_string(&unknown).expect("serialise"),
        "\"charge.teleported\""
    );
    let decoded: EventType = serde_json::from_str("\"Charge.Paid\"").expect("deserialise");
    assert_eq!(decoded, EventType::Unknown("Charge.Paid".to_owned()));
    assert_eq!(
        EventType::from(String::from("order.paid")),
        EventType::OrderPaid
    );
}
