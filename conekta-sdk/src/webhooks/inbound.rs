//! Recurrent cash ("pago recurrente en efectivo") synchronous webhooks.
//!
//! When a payer presents a recurrent cash reference at a store, Conekta calls
//! the webhook marked "Usar para Pago en Efectivo Recurrente" twice, and
//! **waits for the answer, at most two seconds, after which it declines**:
//!
//! 1. an [`Event`](super::Event) of type `inbound_payment.lookup`: answer with
//!    a [`LookupResponse`] (payable, with the accepted amount range in
//!    centavos, or declined with a [`DeclineCode`]);
//! 2. an event of type `inbound_payment.payment_attempt` with the amount the
//!    payer is paying: answer with a [`PaymentAttemptResponse`].
//!
//! Both events carry an [`InboundPayment`] in `data.object`
//! ([`EventData::inbound_payment`]). The payment itself then arrives
//! asynchronously (and is retried) as `charge.paid`, and reversals as
//! `charge.reversed` and `order.reversed`.
//!
//! Answers are JSON bodies (`serde_json::to_vec(&answer)`) of a 200 response.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::{DeclineCode, EventData, EventType, ObjectError};

/// The `data.object` of `inbound_payment.lookup` and
/// `inbound_payment.payment_attempt` events.
///
/// `payment_method.reference` and `amount` are required; every other member
/// is optional (`null` is `None`), and unnamed members are kept in
/// [`extra`](InboundPayment::extra).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InboundPayment {
    /// The cash payment method, with the reference being paid.
    pub payment_method: InboundPaymentMethod,
    /// Amount in centavos: `0` in lookups, the amount being paid in payment
    /// attempts.
    pub amount: i64,
    /// The currency, e.g. `MXN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<crate::models::Currency>,
    /// Id of the charge this payment will create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_id: Option<String>,
    /// Id of the customer who owns the reference, e.g. `cus_2jP5P8huCTWqcTtrn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// Creation time (Unix seconds on the wire; `0` in lookups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<crate::Timestamp>,
    /// `true` for production, `false` for test mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub livemode: Option<bool>,
    /// Conekta's fee in centavos (seen in the sandbox payloads only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<i64>,
    /// Every other member, e.g. `object` (`inbound_payment`).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl InboundPayment {
    /// The recurrent cash reference being looked up or paid.
    #[must_use]
    pub fn reference(&self) -> &str {
        &self.payment_method.reference
    }
}

/// The `payment_method` of an [`InboundPayment`] (a `cash_payment`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InboundPaymentMethod {
    /// The reference the payer presented, e.g. `8400003726321`.
    pub reference: String,
    /// Payment method type, e.g. `cash`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub method_type: Option<String>,
    /// Cash network, e.g. `Cash`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// URL of the reference's barcode image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barcode_url: Option<String>,
    /// When the reference expires, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    /// Every other member, e.g. `object` (`cash_payment`).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl EventData {
    /// Decodes `data.object` of an `inbound_payment.*` event.
    ///
    /// # Errors
    /// [`ObjectError`] (the object kept whole) when the object is not an
    /// inbound payment.
    pub fn inbound_payment(&self) -> Result<InboundPayment, ObjectError> {
        self.decode_object()
    }
}

/// Your answer to an `inbound_payment.lookup` event.
///
/// Serialises to exactly `{"payable":true,"min_amount":…,"max_amount":…}` or
/// `{"payable":false,"failure_code":"15"}`; deserialising rejects any other
/// combination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupResponse {
    /// The reference may be paid, with an amount in this range.
    Payable {
        /// Smallest accepted amount, in centavos.
        min_amount: i64,
        /// Largest accepted amount, in centavos (should not be below `min_amount`;
        /// this is not checked).
        max_amount: i64,
    },
    /// The reference may not be paid.
    Declined {
        /// Why; shown to the payer at the store.
        failure_code: DeclineCode,
    },
}

impl LookupResponse {
    /// Accept payments from `min_amount` to `max_amount` centavos.
    #[must_use]
    pub fn payable(min_amount: i64, max_amount: i64) -> Self {
        Self::Payable {
            min_amount,
            max_amount,
        }
    }

    /// Refuse the reference with `failure_code`.
    #[must_use]
    pub fn decline(failure_code: DeclineCode) -> Self {
        Self::Declined { failure_code }
    }
}

impl Serialize for LookupResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let wire = match self {
            Self::Payable {
                min_amount,
                max_amount,
            } => AnswerWire {
                payable: true,
                min_amount: Some(*min_amount),
                max_amount: Some(*max_amount),
                failure_code: None,
            },
            Self::Declined { failure_code } => AnswerWire::declined(failure_code),
        };
        wire.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for LookupResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match AnswerWire::deserialize(deserializer)? {
            AnswerWire {
                payable: true,
                min_amount: Some(min_amount),
                max_amount: Some(max_amount),
                failure_code: None,
            } => Ok(Self::payable(min_amount, max_amount)),
            AnswerWire {
                payable: false,
                min_amount: None,
                max_amount: None,
                failure_code: Some(code),
            } => Ok(Self::decline(code)),
            _ => Err(D::Error::custom(
                "expected {payable: true, min_amount, max_amount} or {payable: false, failure_code}",
            )),
        }
    }
}

/// Your answer to an `inbound_payment.payment_attempt` event.
///
/// Serialises to exactly `{"payable":true}` or
/// `{"payable":false,"failure_code":"15"}`; deserialising rejects any other
/// combination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentAttemptResponse {
    /// Accept the payment of the attempted amount.
    Payable,
    /// Refuse the payment.
    Declined {
        /// Why; shown to the payer at the store.
        failure_code: DeclineCode,
    },
}

impl PaymentAttemptResponse {
    /// Accept the payment.
    #[must_use]
    pub fn payable() -> Self {
        Self::Payable
    }

    /// Refuse the payment with `failure_code`.
    #[must_use]
    pub fn decline(failure_code: DeclineCode) -> Self {
        Self::Declined { failure_code }
    }
}

impl Serialize for PaymentAttemptResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let wire = match self {
            Self::Payable => AnswerWire {
                payable: true,
                min_amount: None,
                max_amount: None,
                failure_code: None,
            },
            Self::Declined { failure_code } => AnswerWire::declined(failure_code),
        };
        wire.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for PaymentAttemptResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match AnswerWire::deserialize(deserializer)? {
            AnswerWire {
                payable: true,
                min_amount: None,
                max_amount: None,
                failure_code: None,
            } => Ok(Self::Payable),
            AnswerWire {
                payable: false,
                min_amount: None,
                max_amount: None,
                failure_code: Some(code),
            } => Ok(Self::decline(code)),
            _ => Err(D::Error::custom(
                "expected {payable: true} or {payable: false, failure_code}",
            )),
        }
    }
}

/// The JSON shape shared by both answers; members in the guide's order.
#[derive(Serialize, Deserialize)]
struct AnswerWire {
    payable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min_amount: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_amount: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    failure_code: Option<DeclineCode>,
}

impl AnswerWire {
    fn declined(code: &DeclineCode) -> Self {
        Self {
            payable: false,
            min_amount: None,
            max_amount: None,
            failure_code: Some(code.clone()),
        }
    }
}

/// Body of `POST /payment_test`, which makes Conekta send test recurrent cash
/// webhooks to your endpoint. **Sandbox only**: call it with a private test
/// key, with test mode enabled for the business.
///
/// Build it with [`lookup`](Self::lookup),
/// [`payment_attempt`](Self::payment_attempt) or [`reverse`](Self::reverse).
/// `amount` (centavos) is written as a JSON string, e.g. `"10000"`, as in the
/// guide's example; both strings and numbers are accepted when decoding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentTestRequest {
    /// Which webhook to trigger: `inbound_payment.lookup`,
    /// `inbound_payment.payment_attempt` or `inbound_payment.reverse`.
    pub event_type: EventType,
    /// The recurrent cash reference, e.g. `99000000001273`.
    pub reference: String,
    /// Amount in centavos; only for `inbound_payment.payment_attempt`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "amount_as_string"
    )]
    pub amount: Option<i64>,
}

impl PaymentTestRequest {
    /// Trigger an `inbound_payment.lookup` for `reference`.
    #[must_use]
    pub fn lookup(reference: impl Into<String>) -> Self {
        Self {
            event_type: EventType::InboundPaymentLookup,
            reference: reference.into(),
            amount: None,
        }
    }

    /// Trigger an `inbound_payment.payment_attempt` of `amount` centavos.
    #[must_use]
    pub fn payment_attempt(reference: impl Into<String>, amount: i64) -> Self {
        Self {
            event_type: EventType::InboundPaymentPaymentAttempt,
            reference: reference.into(),
            amount: Some(amount),
        }
    }

    /// Trigger a reversal (`charge.reversed` and `order.reversed` events).
    #[must_use]
    pub fn reverse(reference: impl Into<String>) -> Self {
        Self {
            event_type: EventType::InboundPaymentReverse,
            reference: reference.into(),
            amount: None,
        }
    }
}

/// `Option<i64>` written as a JSON string; read from a string or a number.
mod amount_as_string {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumberOrString {
        Number(i64),
        String(String),
    }

    #[allow(clippy::ref_option, reason = "serde's `with` passes `&Option<i64>`")]
    pub(super) fn serialize<S: Serializer>(
        amount: &Option<i64>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match amount {
            Some(amount) => serializer.serialize_str(&amount.to_string()),
            None => serializer.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<i64>, D::Error> {
        match Option::<NumberOrString>::deserialize(deserializer)? {
            None => Ok(None),
            Some(NumberOrString::Number(amount)) => Ok(Some(amount)),
            Some(NumberOrString::String(text)) => text
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| D::Error::custom("amount: expected an integer number of centavos")),
        }
    }
}
