//! `POST /payment_test`: Conekta's **sandbox-only** trigger for the recurrent
//! cash webhooks. Hand-written: the operation is not in the OpenAPI spec; it
//! is documented in Conekta's recurrent cash guide ("Cargo recurrente",
//! section 6, "Flujos de prueba").

use super::inbound::PaymentTestRequest;
use crate::runtime::{Call, Client, Error, Operation, OperationInfo, Request};

/// `POST /payment_test` (sandbox only): see [`Client::payment_test`].
#[derive(Debug, Clone)]
pub struct PaymentTest {
    body: PaymentTestRequest,
}

impl Operation for PaymentTest {
    type Response = serde_json::Value;

    // Not in the spec, so its id is made up here.
    const INFO: &OperationInfo =
        &OperationInfo::new("paymentTest", reqwest::Method::POST, "/payment_test");

    fn write(self, call: &mut Call) -> Result<(), Error> {
        call.path(&[])?;
        call.json(Ok(self.body))
    }
}

impl Client {
    /// **SANDBOX ONLY.** Asks Conekta to send a test recurrent cash webhook
    /// to your endpoint: `POST /payment_test` with a [`PaymentTestRequest`].
    ///
    /// - [`PaymentTestRequest::lookup`] triggers an `inbound_payment.lookup` event;
    /// - [`PaymentTestRequest::payment_attempt`] triggers an
    ///   `inbound_payment.payment_attempt` event for an amount in centavos;
    /// - [`PaymentTestRequest::reverse`] triggers a reversal, which arrives as
    ///   `charge.reversed` and `order.reversed` events.
    ///
    /// This call only works with a **private test (sandbox) key**, with test
    /// mode enabled for the business in Conekta's panel, and with a webhook
    /// marked "Usar para Pago en Efectivo Recurrente". It is not part of
    /// Conekta's OpenAPI spec and its answer is undocumented, so the answer is
    /// returned as raw JSON. With a production key Conekta refuses it; do not
    /// call it from production code.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), conekta_sdk::Error> {
    /// use conekta_sdk::webhooks::PaymentTestRequest;
    ///
    /// let sandbox = conekta_sdk::Client::new("key_test_xxx")?;
    /// let answer = sandbox
    ///     .payment_test(PaymentTestRequest::payment_attempt("99000000001273", 10_000))
    ///     .await?;
    /// println!("{answer}");
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As any operation: [`Error::Api`] for an error status (e.g. with a
    /// production key), [`Error::Decode`] if the answer is not JSON, transport
    /// errors as [`Error::NotSent`] / [`Error::MaybeSent`]. Being a `POST`, it
    /// is not retried once it may have reached Conekta.
    pub fn payment_test(&self, body: PaymentTestRequest) -> Request<'_, PaymentTest> {
        Request::new(self, PaymentTest { body })
    }
}
