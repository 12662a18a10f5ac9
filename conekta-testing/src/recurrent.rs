//! Recurrent cash ("pago recurrente en efectivo"), as Conekta's guide
//! describes it: a payer presents a customer's reference at a store; Conekta
//! asks the merchant's webhook whether the reference may be paid
//! (`inbound_payment.lookup`, answered with the accepted amount range) and
//! then whether this amount may be (`inbound_payment.payment_attempt`), each
//! within two seconds; when both accept, the payment is made and
//! `charge.paid` follows.

use std::time::Duration;

use bytes::Bytes;
use conekta_sdk::EventType;
use conekta_sdk::models::OrderResponse;
use conekta_sdk::webhooks::{
    DeclineCode, LookupResponse, PaymentAttemptResponse, PaymentTestRequest,
};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::delivery::{Target, post};
use crate::error::FakeError;
use crate::fake::{Shared, decode};
use crate::store::{SANDBOX_BARCODE_URL, now};

/// How long the merchant's webhook has to answer, as on Conekta.
pub(crate) const ANSWER_TIMEOUT: Duration = Duration::from_secs(2);

/// Which of the two synchronous questions a decline answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecurrentCashStep {
    /// `inbound_payment.lookup`: may this reference be paid, and how much?
    Lookup,
    /// `inbound_payment.payment_attempt`: may this amount be paid?
    PaymentAttempt,
}

/// What happened at the store.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum RecurrentCashOutcome {
    /// The merchant accepted: the order holding the paid cash charge.
    Paid(Box<OrderResponse>),
    /// The payment was refused: by the merchant's answer, or, at the lookup,
    /// because the amount is outside the range the merchant accepts
    /// ([`DeclineCode::AmountOutOfRange`]) or the reference expired
    /// ([`DeclineCode::ReferenceExpired`]).
    Declined {
        /// The question the refusal answered.
        step: RecurrentCashStep,
        /// Why.
        code: DeclineCode,
    },
    /// The merchant's webhook did not give a valid answer in time (no
    /// answer in two seconds, an error status, or a body that is neither
    /// answer): Conekta declines the payment then.
    Unanswered {
        /// The question left unanswered.
        step: RecurrentCashStep,
        /// What went wrong, e.g. `status 500`.
        reason: String,
    },
}

/// The merchant's answer to one question, or why there is none.
fn answer<T: DeserializeOwned>(
    status: Option<u16>,
    body: &Bytes,
    error: Option<&str>,
) -> Result<T, String> {
    match (status, error) {
        (_, Some(error)) => Err(error.to_owned()),
        (Some(200), None) => {
            serde_json::from_slice(body).map_err(|err| format!("unreadable answer: {err}"))
        }
        (Some(status), None) => Err(format!("status {status}")),
        (None, None) => Err("no answer".to_owned()),
    }
}

/// Asks the merchant's `target` one synchronous question about `inbound`;
/// records the event and its delivery.
async fn ask<T: DeserializeOwned>(
    shared: &Shared,
    target: &Target,
    kind: EventType,
    inbound: Value,
) -> Result<T, String> {
    let event = shared.store().record_synchronous(kind, inbound);
    let body = Bytes::from(event.to_json().to_string());
    let reply = post(&shared.http, &target.url, body, ANSWER_TIMEOUT).await;
    shared
        .store()
        .record_delivery(&event.id, reply.result(&target.url));
    answer(reply.status, &reply.body, reply.error.as_deref())
}

/// A payment at the store with `reference`: whom to ask, and about what.
struct AtTheStore {
    target: Target,
    /// The `inbound_payment` object of the questions.
    inbound: Value,
    expired: bool,
}

impl AtTheStore {
    /// The reference's owner and the merchant's webhook, or why there is none.
    fn new(shared: &Shared, reference: &str) -> Result<Self, FakeError> {
        let store = shared.store();
        let customer = store
            .cash_reference_owner(reference)
            .ok_or_else(|| FakeError::UnknownReference(reference.to_owned()))?;
        let expires_at = customer.cash_reference_expiry(reference);
        let target = store
            .recurrent_cash_webhook()
            .ok_or(FakeError::NoRecurrentCashWebhook)?;
        let inbound = json!({
            "object": "inbound_payment",
            "payment_method": {
                "object": "cash_payment",
                "type": "cash",
                "service_name": "Cash",
                "reference": reference,
                "barcode_url": SANDBOX_BARCODE_URL,
                "expires_at": expires_at,
            },
            "charge_id": store.ids().hex(),
            "customer_id": customer.id,
            "amount": 0,
            "currency": "MXN",
            "livemode": false,
            "created_at": 0,
        });
        Ok(Self {
            target,
            inbound,
            expired: expires_at != 0 && expires_at <= now(),
        })
    }

    /// Asks `inbound_payment.lookup`; `None` when the reference may be paid
    /// (`amount`, when given, within the merchant's range), else the outcome.
    async fn lookup(
        &self,
        shared: &Shared,
        amount: Option<i64>,
    ) -> Result<Option<RecurrentCashOutcome>, FakeError> {
        let step = RecurrentCashStep::Lookup;
        if self.expired {
            return Ok(Some(RecurrentCashOutcome::Declined {
                step,
                code: DeclineCode::ReferenceExpired,
            }));
        }
        // Earlier events first, as they were emitted first.
        shared.flush().await?;
        let outcome = match ask::<LookupResponse>(
            shared,
            &self.target,
            EventType::InboundPaymentLookup,
            self.inbound.clone(),
        )
        .await
        {
            Err(reason) => Some(RecurrentCashOutcome::Unanswered { step, reason }),
            Ok(LookupResponse::Declined { failure_code }) => Some(RecurrentCashOutcome::Declined {
                step,
                code: failure_code,
            }),
            Ok(LookupResponse::Payable {
                min_amount,
                max_amount,
            }) if amount.is_some_and(|amount| !(min_amount..=max_amount).contains(&amount)) => {
                Some(RecurrentCashOutcome::Declined {
                    step,
                    code: DeclineCode::AmountOutOfRange,
                })
            }
            Ok(LookupResponse::Payable { .. }) => None,
        };
        Ok(outcome)
    }

    /// Asks `inbound_payment.payment_attempt` for `amount`; when the merchant
    /// accepts, makes the payment (`charge.paid`).
    async fn attempt(
        mut self,
        shared: &Shared,
        reference: &str,
        amount: i64,
    ) -> Result<RecurrentCashOutcome, FakeError> {
        let step = RecurrentCashStep::PaymentAttempt;
        shared.flush().await?;
        self.inbound["amount"] = Value::from(amount);
        self.inbound["created_at"] = Value::from(now());
        let charge_id = self.inbound["charge_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        match ask::<PaymentAttemptResponse>(
            shared,
            &self.target,
            EventType::InboundPaymentPaymentAttempt,
            self.inbound,
        )
        .await
        {
            Err(reason) => return Ok(RecurrentCashOutcome::Unanswered { step, reason }),
            Ok(PaymentAttemptResponse::Declined { failure_code }) => {
                return Ok(RecurrentCashOutcome::Declined {
                    step,
                    code: failure_code,
                });
            }
            Ok(PaymentAttemptResponse::Payable) => {}
        }
        let order = shared
            .store()
            .record_recurrent_payment(reference, amount, charge_id)?;
        shared.flush().await?;
        Ok(RecurrentCashOutcome::Paid(Box::new(decode(&order)?)))
    }
}

/// [`FakeConekta::pay_cash_recurrent`](crate::FakeConekta::pay_cash_recurrent).
pub(crate) async fn pay(
    shared: &Shared,
    reference: &str,
    amount: i64,
) -> Result<RecurrentCashOutcome, FakeError> {
    let store = AtTheStore::new(shared, reference)?;
    if let Some(refused) = store.lookup(shared, Some(amount)).await? {
        return Ok(refused);
    }
    store.attempt(shared, reference, amount).await
}

/// `POST /payment_test`, Conekta's sandbox trigger: one question (a lookup,
/// or a payment attempt that pays when accepted), or the reversal of the
/// reference's last payment. Conekta does not document its answer; the fake
/// answers what happened.
pub(crate) async fn payment_test(
    shared: &Shared,
    request: PaymentTestRequest,
) -> Result<Value, FakeError> {
    let reference = request.reference.as_str();
    let outcome = match (&request.event_type, request.amount) {
        (EventType::InboundPaymentLookup, _) => {
            let store = AtTheStore::new(shared, reference)?;
            store.lookup(shared, None).await?
        }
        (EventType::InboundPaymentPaymentAttempt, Some(amount)) => {
            let store = AtTheStore::new(shared, reference)?;
            Some(store.attempt(shared, reference, amount).await?)
        }
        (EventType::InboundPaymentPaymentAttempt, None) => return Err(FakeError::MissingAmount),
        (EventType::InboundPaymentReverse, _) => {
            let order = shared.store().reverse_recurrent_payment(reference)?;
            shared.flush().await?;
            return Ok(json!({
                "object": "payment_test",
                "event_type": request.event_type.as_str(),
                "reference": reference,
                "result": "reversed",
                "order": order,
            }));
        }
        (other, _) => return Err(FakeError::UnknownTestEvent(other.as_str().to_owned())),
    };
    let mut answer = match outcome {
        None => json!({ "result": "payable" }),
        Some(outcome) => outcome_json(&outcome),
    };
    answer["object"] = Value::from("payment_test");
    answer["event_type"] = Value::from(request.event_type.as_str());
    answer["reference"] = Value::from(reference);
    Ok(answer)
}

/// An outcome as the fake's HTTP routes answer it
/// (`/_fake/cash_recurrent/{reference}/pay`, `/payment_test`).
pub(crate) fn outcome_json(outcome: &RecurrentCashOutcome) -> Value {
    let step = |step: &RecurrentCashStep| match step {
        RecurrentCashStep::Lookup => "lookup",
        RecurrentCashStep::PaymentAttempt => "payment_attempt",
    };
    match outcome {
        RecurrentCashOutcome::Paid(order) => json!({ "result": "paid", "order": order }),
        RecurrentCashOutcome::Declined { step: at, code } => {
            json!({ "result": "declined", "step": step(at), "failure_code": code.as_str() })
        }
        RecurrentCashOutcome::Unanswered { step: at, reason } => {
            json!({ "result": "unanswered", "step": step(at), "reason": reason })
        }
    }
}
