//! [`ObjectError`]: a typed view of an event's object that could not be built,
//! with the object kept whole.

use serde_json::Value;

use crate::DecodeError;

/// `data.object` of an event did not fit the typed view asked for
/// ([`EventData::order`](super::EventData::order), [`charge`](super::EventData::charge)…).
///
/// The event is authentic and the money may have moved: never drop it. The
/// object is kept as received, so a handler can act on the members it needs
/// ([`id`](Self::id), [`str_member`](Self::str_member)), or answer with a
/// non-2xx status so that Conekta delivers the event again.
///
/// ```
/// # use conekta_sdk::webhooks::{Event, EventType};
/// # let body = br#"{"id": "evt_1", "type": "order.paid", "created_at": 1, "livemode": false,
/// #     "data": {"object": {"object": "order", "id": "ord_1", "payment_status": "paid"}}}"#;
/// let event = Event::from_slice(body)?;
/// let (order_id, status) = match event.data.order() {
///     Ok(order) => (order.id, order.payment_status.map(|s| s.to_string())),
///     // The typed view failed (here: no amount, currency…): read the raw members.
///     Err(err) => match err.id() {
///         Some(id) => (id.to_owned(), err.str_member("payment_status").map(str::to_owned)),
///         None => return Err(err.into()), // answer 5xx: Conekta retries
///     },
/// };
/// assert_eq!((order_id.as_str(), status.as_deref()), ("ord_1", Some("paid")));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[error("{error} (the object is kept: ObjectError::object)")]
pub struct ObjectError {
    error: DecodeError,
    object: Value,
}

impl ObjectError {
    pub(crate) fn new(error: DecodeError, object: &Value) -> Self {
        Self {
            error,
            object: object.clone(),
        }
    }

    /// Why the typed view failed, with the JSON path from the event root
    /// (`data.object.payment_method.reference`).
    #[must_use]
    pub fn decode_error(&self) -> &DecodeError {
        &self.error
    }

    /// The JSON path of the value that did not fit, from the event root.
    #[must_use]
    pub fn path(&self) -> &str {
        self.error.path()
    }

    /// `data.object`, as received.
    #[must_use]
    pub fn object(&self) -> &Value {
        &self.object
    }

    /// `data.object`, as received, owned.
    #[must_use]
    pub fn into_object(self) -> Value {
        self.object
    }

    /// The object's `id` (`ord_…`, a charge id…), when it has one.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.str_member("id")
    }

    /// A string member at the top of the object, e.g. `payment_status` of an
    /// order, `status` or `order_id` of a charge.
    #[must_use]
    pub fn str_member(&self, name: &str) -> Option<&str> {
        self.object.get(name)?.as_str()
    }
}
