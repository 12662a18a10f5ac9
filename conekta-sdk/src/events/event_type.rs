//! [`EventType`]: the `type` of a Conekta webhook event.

crate::open_enum! {
    /// The `type` of a webhook [`Event`](super::Event), e.g. `charge.paid`.
    ///
    /// Open: a type this SDK does not know decodes to
    /// [`EventType::Unknown`] with the string kept, and serialises back
    /// unchanged. Parsing never fails (`FromStr::Err` is `Infallible`).
    ///
    /// The named variants are the `subscribed_events` list that Conekta's own
    /// API mocks return, plus `order.reversed` and the three
    /// `inbound_payment.*` types of the recurrent cash guide. Conekta spells
    /// some of them inconsistently (`charge.preauthorized` but
    /// `order.pre_authorized`); the wire strings are kept as Conekta sends them.
    pub enum EventType {
        /// A charge was created.
        ChargeCreated => "charge.created",
        /// A charge was paid; for cash, the asynchronous payment notification.
        ChargePaid => "charge.paid",
        /// A charge is under fraud review.
        ChargeUnderFraudReview => "charge.under_fraud_review",
        /// A charge was marked fraudulent.
        ChargeFraudulent => "charge.fraudulent",
        /// A charge was refunded.
        ChargeRefunded => "charge.refunded",
        /// A charge was pre-authorised.
        ChargePreauthorized => "charge.preauthorized",
        /// A charge was declined.
        ChargeDeclined => "charge.declined",
        /// A charge was canceled.
        ChargeCanceled => "charge.canceled",
        /// A (cash) charge was reversed.
        ChargeReversed => "charge.reversed",
        /// A charge awaits confirmation.
        ChargePendingConfirmation => "charge.pending_confirmation",
        /// A charge expired.
        ChargeExpired => "charge.expired",
        /// A charge's risk score changed.
        ChargeScoreUpdated => "charge.score_updated",
        /// A chargeback was opened.
        ChargeChargebackCreated => "charge.chargeback.created",
        /// A chargeback was updated.
        ChargeChargebackUpdated => "charge.chargeback.updated",
        /// A chargeback is under review.
        ChargeChargebackUnderReview => "charge.chargeback.under_review",
        /// A chargeback was lost.
        ChargeChargebackLost => "charge.chargeback.lost",
        /// A chargeback was won.
        ChargeChargebackWon => "charge.chargeback.won",
        /// A customer was created.
        CustomerCreated => "customer.created",
        /// A customer was updated.
        CustomerUpdated => "customer.updated",
        /// A customer was deleted.
        CustomerDeleted => "customer.deleted",
        /// A customer's card payment source was blocked.
        CustomerPaymentSourceCardBlocked => "customer.payment_source.card.blocked",
        /// A webhook was created.
        WebhookCreated => "webhook.created",
        /// A webhook was updated.
        WebhookUpdated => "webhook.updated",
        /// A webhook was deleted.
        WebhookDeleted => "webhook.deleted",
        /// A test ping sent to a webhook.
        WebhookPing => "webhook_ping",
        /// A payout was created.
        PayoutCreated => "payout.created",
        /// A payout is being retried.
        PayoutRetrying => "payout.retrying",
        /// A payout was paid out.
        PayoutPaidOut => "payout.paid_out",
        /// A payout failed.
        PayoutFailed => "payout.failed",
        /// A subscription plan was created.
        PlanCreated => "plan.created",
        /// A subscription plan was updated.
        PlanUpdated => "plan.updated",
        /// A subscription plan was deleted.
        PlanDeleted => "plan.deleted",
        /// A subscription was created.
        SubscriptionCreated => "subscription.created",
        /// A subscription was paused.
        SubscriptionPaused => "subscription.paused",
        /// A subscription was resumed.
        SubscriptionResumed => "subscription.resumed",
        /// A subscription was canceled.
        SubscriptionCanceled => "subscription.canceled",
        /// A subscription expired.
        SubscriptionExpired => "subscription.expired",
        /// A subscription was updated.
        SubscriptionUpdated => "subscription.updated",
        /// A subscription period was paid.
        SubscriptionPaid => "subscription.paid",
        /// A subscription payment failed.
        SubscriptionPaymentFailed => "subscription.payment_failed",
        /// A payee was created.
        PayeeCreated => "payee.created",
        /// A payee was updated.
        PayeeUpdated => "payee.updated",
        /// A payee was deleted.
        PayeeDeleted => "payee.deleted",
        /// A payee's payout method was created.
        PayeePayoutMethodCreated => "payee.payout_method.created",
        /// A payee's payout method was updated.
        PayeePayoutMethodUpdated => "payee.payout_method.updated",
        /// A payee's payout method was deleted.
        PayeePayoutMethodDeleted => "payee.payout_method.deleted",
        /// A receipt was created.
        ReceiptCreated => "receipt.created",
        /// An order was created.
        OrderCreated => "order.created",
        /// An order was updated.
        OrderUpdated => "order.updated",
        /// An order awaits payment.
        OrderPendingPayment => "order.pending_payment",
        /// An order was pre-authorised.
        OrderPreAuthorized => "order.pre_authorized",
        /// An order was paid.
        OrderPaid => "order.paid",
        /// An order was partially refunded.
        OrderPartiallyRefunded => "order.partially_refunded",
        /// An order was refunded.
        OrderRefunded => "order.refunded",
        /// An order was charged back.
        OrderChargedBack => "order.charged_back",
        /// An order is under fraud review.
        OrderUnderFraudReview => "order.under_fraud_review",
        /// An order was marked fraudulent.
        OrderFraudulent => "order.fraudulent",
        /// An order was declined.
        OrderDeclined => "order.declined",
        /// An order expired.
        OrderExpired => "order.expired",
        /// An order was canceled.
        OrderCanceled => "order.canceled",
        /// An order was voided.
        OrderVoided => "order.voided",
        /// A (cash) order was reversed; sent with `charge.reversed`.
        OrderReversed => "order.reversed",
        /// A cashout was confirmed.
        CashoutConfirmed => "cashout.confirmed",
        /// A cashout was canceled.
        CashoutCanceled => "cashout.canceled",
        /// A cash refund was created.
        CashRefundCreated => "cash_refund.created",
        /// A cash refund was canceled.
        CashRefundCanceled => "cash_refund.canceled",
        /// A cash refund was paid out.
        CashRefundRefunded => "cash_refund.refunded",
        /// A cash refund expired.
        CashRefundExpired => "cash_refund.expired",
        /// Synchronous: may this recurrent cash reference be paid, and how much?
        /// Answer with a [`LookupResponse`](crate::webhooks::LookupResponse).
        InboundPaymentLookup => "inbound_payment.lookup",
        /// Synchronous: approve this exact recurrent cash amount?
        /// Answer with a [`PaymentAttemptResponse`](crate::webhooks::PaymentAttemptResponse).
        InboundPaymentPaymentAttempt => "inbound_payment.payment_attempt",
        /// A recurrent cash payment was reversed. The guide uses this name only
        /// as a `/payment_test` event type; the webhook then receives
        /// `charge.reversed` and `order.reversed`.
        InboundPaymentReverse => "inbound_payment.reverse",
    }
}
