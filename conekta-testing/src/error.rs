//! [`FakeError`]: what can go wrong when starting or driving the fake.

/// Why the fake could not start, or a simulated payer could not pay.
///
/// API calls made through [`FakeConekta::client`](crate::FakeConekta::client)
/// never produce this: they get Conekta's answers (`conekta_sdk::Error::Api`
/// for the error ones).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FakeError {
    /// The fake could not listen on its address.
    #[error("the fake cannot listen on {address}: {source}")]
    Bind {
        /// The address it tried.
        address: std::net::SocketAddr,
        /// Why not.
        #[source]
        source: std::io::Error,
    },
    /// The fake's HTTP client for webhook deliveries, or the SDK client
    /// pointed at the fake, could not be built.
    #[error("the fake cannot build its HTTP clients: {0}")]
    Client(String),
    /// No order has this id.
    #[error("no order `{0}`")]
    UnknownOrder(String),
    /// The order cannot be paid this way.
    #[error("order `{order_id}` cannot be paid: {reason}")]
    NotPayable {
        /// The order.
        order_id: String,
        /// Why (no charge of that kind waits for payment, the reference
        /// expired…).
        reason: String,
    },
    /// No customer has this recurrent cash reference.
    #[error("no customer has the recurrent cash reference `{0}`")]
    UnknownReference(String),
    /// A recurrent cash payment needs a webhook to ask; none is registered
    /// (or none is active).
    #[error("no active webhook is registered to answer recurrent cash lookups")]
    NoRecurrentCashWebhook,
    /// The reference has no paid recurrent cash payment to reverse.
    #[error("the recurrent cash reference `{0}` has no paid payment to reverse")]
    NothingToReverse(String),
    /// A `POST /payment_test` of `inbound_payment.payment_attempt` without
    /// an `amount`.
    #[error("a payment attempt needs an `amount`")]
    MissingAmount,
    /// A `POST /payment_test` whose `event_type` is not one of Conekta's three.
    #[error("`{0}` is not an event type `/payment_test` triggers")]
    UnknownTestEvent(String),
    /// The fake answered with a body the SDK cannot decode: a bug in the fake.
    #[error("the fake's own answer does not decode: {0}")]
    Decode(#[from] conekta_sdk::DecodeError),
    /// The webhook delivery worker has stopped (the runtime is shutting down).
    #[error("the fake's webhook deliveries have stopped")]
    DeliveryStopped,
}
