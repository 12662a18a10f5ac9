//! Typed accessors that decode `data.object` into the generated models.

use serde::de::DeserializeOwned;
use serde::de::Error as _;
use serde_json::Value;

use super::{EventData, ObjectError};
use crate::DecodeError;
use crate::models;

impl EventData {
    /// Decodes `data.object` as a charge (`charge.*` events, e.g. `charge.paid`,
    /// `charge.reversed`).
    ///
    /// # Errors
    /// [`ObjectError`], with the object kept whole, when `data.object.object`
    /// names another kind of object (path `data.object.object`), or when the
    /// object does not fit [`models::ChargeResponse`] (path of the offending
    /// value). Don't drop the event then: see [`ObjectError`].
    #[inline]
    pub fn charge(&self) -> Result<models::ChargeResponse, ObjectError> {
        self.decode_kind("charge")
    }

    /// Decodes `data.object` as an order (`order.*` events, e.g. `order.paid`,
    /// `order.reversed`).
    ///
    /// # Errors
    /// As [`charge`](Self::charge), for [`models::OrderResponse`].
    #[inline]
    pub fn order(&self) -> Result<models::OrderResponse, ObjectError> {
        self.decode_kind("order")
    }

    /// Decodes `data.object` as a customer (`customer.*` events).
    ///
    /// # Errors
    /// As [`charge`](Self::charge), for [`models::CustomerResponse`].
    #[inline]
    pub fn customer(&self) -> Result<models::CustomerResponse, ObjectError> {
        self.decode_kind("customer")
    }

    /// Decodes `data.object` as a subscription (`subscription.*` events).
    ///
    /// # Errors
    /// As [`charge`](Self::charge), for [`models::SubscriptionResponse`].
    #[inline]
    pub fn subscription(&self) -> Result<models::SubscriptionResponse, ObjectError> {
        self.decode_kind("subscription")
    }

    /// Decodes `data.object` as a plan (`plan.*` events).
    ///
    /// # Errors
    /// As [`charge`](Self::charge), for [`models::PlanResponse`].
    #[inline]
    pub fn plan(&self) -> Result<models::PlanResponse, ObjectError> {
        self.decode_kind("plan")
    }

    /// Checks the object's own `object` member (when it has one) before decoding,
    /// so that an order handed to `charge()` fails with a clear message rather
    /// than on some field deep inside.
    fn decode_kind<T: DeserializeOwned>(&self, kind: &str) -> Result<T, ObjectError> {
        let decoded = match self.object.get("object").and_then(Value::as_str) {
            Some(found) if found != kind => Err(DecodeError::new(
                "data.object.object",
                serde_json::Error::custom(format!("expected a `{kind}`, found a `{found}`")),
            )),
            _ => self.decode_model(),
        };
        decoded.map_err(|error| ObjectError::new(error, &self.object))
    }
}
