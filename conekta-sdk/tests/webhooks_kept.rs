//! A webhook receiver never drops a paid event: a typed view that does not fit
//! keeps the object, each event id is handled once (and again after a failed
//! attempt), and a delivery can be compared with Conekta's record.
#![cfg(feature = "webhooks")]

mod support;

use conekta_sdk::webhooks::{Delivery, Event, HandleOnceError, RecentEvents, handle_once};
use serde_json::json;

/// An `order.paid` event whose order lacks `amount`, `currency` and its times,
/// as the SDK's model requires them.
fn thin_order_paid() -> Event {
    let body = json!({
        "id": "evt_1", "object": "event", "type": "order.paid", "created_at": 1_700_000_000,
        "livemode": false,
        "data": {"object": {"object": "order", "id": "ord_1", "payment_status": "paid"}},
    });
    Event::from_slice(body.to_string().as_bytes()).expect("an event")
}

#[test]
fn a_typed_view_that_does_not_fit_keeps_the_object() {
    let event = thin_order_paid();
    let err = event.data.order().expect_err("no amount");
    assert_eq!(err.id(), Some("ord_1"));
    assert_eq!(err.str_member("payment_status"), Some("paid"));
    assert_eq!(err.object(), &event.data.object);
    assert!(err.path().starts_with("data.object"), "{}", err.path());
    // A view of the wrong kind keeps it too.
    let err = event.data.charge().expect_err("an order");
    assert_eq!(err.path(), "data.object.object");
    assert_eq!(err.into_object(), event.data.object);
}

#[tokio::test]
async fn each_event_is_handled_once_and_again_after_a_failure() {
    let handled = RecentEvents::new(100);
    let event = thin_order_paid();

    let failed = handle_once(&handled, &event, |_| async {
        Err::<(), _>("database down")
    })
    .await;
    assert!(matches!(
        failed,
        Err(HandleOnceError::Handler("database down"))
    ));
    assert!(
        !handled.contains("evt_1"),
        "a failed attempt is not recorded"
    );

    let mut runs = 0;
    let first = handle_once(&handled, &event, |event| {
        runs += 1;
        let id = event.id.clone();
        async move { Ok::<_, std::convert::Infallible>(id) }
    })
    .await;
    assert_eq!(first.unwrap(), Delivery::Handled("evt_1".to_owned()));
    let again = handle_once(&handled, &event, |_| {
        runs += 1;
        async { Ok::<_, std::convert::Infallible>(String::new()) }
    })
    .await;
    assert_eq!(again.unwrap(), Delivery::Repeated);
    assert_eq!(runs, 1);
}

#[cfg(feature = "events")]
mod fetch_back {
    use super::support::{CONEKTA_JSON, client};
    use super::thin_order_paid;
    use conekta_sdk::webhooks::{FetchBackError, fetch_back};
    use serde_json::json;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    async fn conekta_with(recorded: serde_json::Value) -> MockServer {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/events/evt_1"))
            .respond_with(
                ResponseTemplate::new(200).set_body_raw(recorded.to_string(), CONEKTA_JSON),
            )
            .mount(&server)
            .await;
        server
    }

    fn recorded(payment_status: &str) -> serde_json::Value {
        json!({
            "id": "evt_1", "object": "event", "type": "order.paid", "created_at": 1_700_000_000,
            "livemode": false, "webhook_status": "successful",
            "data": {"object": {"object": "order", "id": "ord_1", "payment_status": payment_status}},
        })
    }

    #[tokio::test]
    async fn a_delivery_that_matches_conektas_record_is_confirmed() {
        let server = conekta_with(recorded("paid")).await;
        let confirmed = fetch_back(&client(&server.uri()), &thin_order_paid()).await;
        assert_eq!(confirmed.expect("confirmed").id, "evt_1");
    }

    #[tokio::test]
    async fn a_delivery_that_differs_is_refused_naming_the_member() {
        let server = conekta_with(recorded("pending_payment")).await;
        let err = fetch_back(&client(&server.uri()), &thin_order_paid())
            .await
            .unwrap_err();
        assert!(
            matches!(
                &err,
                FetchBackError::Mismatch {
                    member: "/data/object/payment_status",
                    ..
                }
            ),
            "{err}"
        );
    }

    #[tokio::test]
    async fn an_event_conekta_does_not_know_is_refused() {
        let server = MockServer::start().await;
        let err = fetch_back(&client(&server.uri()), &thin_order_paid())
            .await
            .unwrap_err();
        assert!(
            matches!(&err, FetchBackError::Fetch(e) if e.status().map(|s| s.as_u16()) == Some(404)),
            "{err}"
        );
    }
}
