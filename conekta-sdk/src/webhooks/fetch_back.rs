//! The optional fetch-back check: a delivery compared with Conekta's own record
//! of the event (`GET /events/{id}`).

use serde_json::Value;

use super::Event;
use crate::{Client, Error};

/// The members of an event that a delivery and Conekta's record must agree
/// on: JSON pointers from the event root.
const COMPARED: [&str; 9] = [
    "/type",
    "/livemode",
    "/created_at",
    "/data/object/object",
    "/data/object/id",
    "/data/object/amount",
    "/data/object/currency",
    "/data/object/status",
    "/data/object/payment_status",
];

/// Why [`fetch_back`] did not confirm a delivery.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchBackError {
    /// Conekta's record could not be read (a network failure, no such event:
    /// a 404 when the delivery is not Conekta's). Answer non-2xx if you
    /// rely on the check: a real event is delivered again.
    #[error("fetching the event back: {0}")]
    Fetch(#[from] Error),
    /// Conekta's record of the event differs from the delivery.
    #[error(
        "the delivery differs from Conekta's event at `{member}`: {delivered} delivered, {recorded} recorded"
    )]
    Mismatch {
        /// Where, as a JSON pointer from the event root (`/data/object/amount`).
        member: &'static str,
        /// The delivered value (`null` when absent).
        delivered: Box<Value>,
        /// Conekta's value (`null` when absent).
        recorded: Box<Value>,
    },
}

/// Fetches the event back from Conekta (`GET /events/{id}`, with the
/// client's private key) and checks that the delivery agrees with it on what
/// a handler acts on: the type, mode and time, and the object's kind, id,
/// amount, currency and status. Returns Conekta's record.
///
/// Optional: a verified signature already proves that Conekta sent the body.
/// This adds a call to the API per event, and catches a delivery signed with
/// a leaked webhook key, or one whose signature you could not check.
///
/// ```no_run
/// use conekta_sdk::Client;
/// use conekta_sdk::webhooks::{Event, fetch_back};
///
/// # async fn demo(client: Client, delivered: Event) {
/// match fetch_back(&client, &delivered).await {
///     Ok(recorded) => println!("{} confirmed", recorded.id),
///     Err(err) => eprintln!("not confirmed: {err}"), // answer 5xx: Conekta retries a real event
/// }
/// # }
/// ```
///
/// # Errors
/// [`FetchBackError::Fetch`] when the event cannot be read, and
/// [`FetchBackError::Mismatch`] naming the first member that differs.
pub async fn fetch_back(client: &Client, delivered: &Event) -> Result<Event, FetchBackError> {
    let recorded = client.events().get_event(delivered.id.as_str()).await?;
    compare(delivered, &recorded)?;
    Ok(recorded)
}

/// The first compared member on which the two events differ.
fn compare(delivered: &Event, recorded: &Event) -> Result<(), FetchBackError> {
    let (delivered, recorded) = (to_value(delivered), to_value(recorded));
    for member in COMPARED {
        let (a, b) = (delivered.pointer(member), recorded.pointer(member));
        if a != b {
            return Err(FetchBackError::Mismatch {
                member,
                delivered: Box::new(a.cloned().unwrap_or(Value::Null)),
                recorded: Box::new(b.cloned().unwrap_or(Value::Null)),
            });
        }
    }
    Ok(())
}

/// An event as JSON (an `Event` always serialises).
fn to_value(event: &Event) -> Value {
    serde_json::to_value(event).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(amount: i64) -> Event {
        Event::from_slice(
            serde_json::json!({
                "id": "evt_1", "type": "order.paid", "created_at": 1, "livemode": false,
                "data": {"object": {"object": "order", "id": "ord_1", "amount": amount}},
            })
            .to_string()
            .as_bytes(),
        )
        .unwrap()
    }

    #[test]
    fn a_changed_amount_is_named() {
        assert!(compare(&event(100), &event(100)).is_ok());
        let err = compare(&event(100), &event(1)).unwrap_err();
        assert!(
            matches!(
                err,
                FetchBackError::Mismatch {
                    member: "/data/object/amount",
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            "the delivery differs from Conekta's event at `/data/object/amount`: 100 delivered, 1 recorded"
        );
    }
}
