//! The fake's behaviour beyond the merchant's test: what it checks in a
//! request, the events each change emits, refunds, cancellations, SPEI,
//! payment sources, subscriptions, webhook logs, `/payment_test`, and the
//! features it says it does not implement.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use conekta_sdk::models::{
    ChargeRequest, Currency, Customer, CustomerInfo, CustomerInfoCustomerId, ErrorType,
    OrderRefundRequest, OrderRequest, OrderRequestBuilder, PaymentMethodCashOrSpeiRequest,
    PaymentMethodGeneralRequest, PaymentMethodGeneralRequestBuilder, PaymentMethodTokenRequest,
    PaymentStatus, PlanInterval, PlanRequest, Product, RefundReason, SubscriptionRequest,
    SubscriptionStatus, WebhookRequest,
};
use conekta_sdk::webhooks::{EventType, PaymentTestRequest};
use conekta_sdk::{Client, Error, Language};
use conekta_testing::{FakeConekta, FakeError, RecurrentCashOutcome, RecurrentCashStep, tokens};
use serde_json::{Value, json};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn order(amount: i32, payment_method: PaymentMethodGeneralRequestBuilder) -> OrderRequestBuilder {
    OrderRequest::builder()
        .currency(Currency::Mxn)
        .customer_info(
            CustomerInfo::builder()
                .name("Ana")
                .email("ana@example.com")
                .phone("+5215555555555"),
        )
        .line_items([Product::builder()
            .name("Galletas")
            .quantity(1)
            .unit_price(amount)])
        .charges([ChargeRequest::builder().payment_method(payment_method)])
}

fn api_error(result: Result<impl std::fmt::Debug, Error>) -> conekta_sdk::ApiError {
    result
        .expect_err("an error answer")
        .api_error()
        .expect("Conekta answered")
        .clone()
}

/// The types of the events the fake emitted, oldest first.
async fn event_types(client: &Client) -> Result<Vec<EventType>, Error> {
    let mut events = client.events().get_events().collect_max(500).await?;
    events.reverse();
    Ok(events.into_iter().map(|event| event.event_type).collect())
}

/// A raw request, as a client of another language would send it.
async fn raw(fake: &FakeConekta, method: reqwest::Method, path: &str, body: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .request(method, format!("{}{path}", fake.base_url()))
        .bearer_auth(fake.api_key())
        .header("accept-language", "en")
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("the fake answers");
    let status = response.status().as_u16();
    let body = response.bytes().await.expect("a body");
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn requests_are_checked_with_the_sdks_models() {
    let fake = FakeConekta::start().await.unwrap();
    let order = r#"{"currency": "MXN", "customer_info": {"name": "Ana", "email": "a@example.com", "phone": "5555555555"},
                    "line_items": [{"name": "Galletas", "quantity": 1}]}"#;
    let (status, body) = raw(&fake, reqwest::Method::POST, "/orders", order).await;
    assert_eq!(status, 422);
    assert_eq!(body["type"], "parameter_validation_error");
    assert_eq!(body["details"][0]["param"], "line_items[0].unit_price");
    assert_eq!(body["object"], "error");
    assert!(body["log_id"].is_string());

    let undeclared = r#"{"url": "http://127.0.0.1:1/hook", "custom_field": 1}"#;
    let (status, body) = raw(&fake, reqwest::Method::POST, "/webhooks", undeclared).await;
    assert_eq!(status, 422);
    assert_eq!(
        body["details"][0]["code"],
        "conekta.errors.parameter_validation.whitelist"
    );
    assert_eq!(
        body["details"][0]["message"],
        "The \"custom_field\" parameter is not allowed"
    );

    let (status, body) = raw(&fake, reqwest::Method::POST, "/orders", "{not json").await;
    assert_eq!(status, 400);
    assert_eq!(body["type"], "malformed_request_error");

    let (status, body) = raw(&fake, reqwest::Method::GET, "/orders?limit=251", "").await;
    assert_eq!(status, 422);
    assert_eq!(body["details"][0]["param"], "limit");
}

#[tokio::test]
async fn messages_follow_accept_language() {
    let fake = FakeConekta::start().await.unwrap();
    let spanish = api_error(fake.client().orders().get_order_by_id("ord_nope").await);
    assert_eq!(spanish.status, 404);
    assert_eq!(
        spanish.error_type(),
        Some(&ErrorType::ResourceNotFoundError)
    );
    assert_eq!(
        spanish.details()[0].message.as_deref(),
        Some("El recurso no ha sido encontrado.")
    );
    assert_eq!(
        spanish.details()[0].debug_message.as_deref(),
        Some("The object Order \"ord_nope\" could not be found.")
    );
    let english = api_error(
        fake.client()
            .orders()
            .get_order_by_id("ord_nope")
            .language(Language::En)
            .await,
    );
    assert_eq!(
        english.details()[0].message.as_deref(),
        Some("The resource was not found.")
    );
}

#[tokio::test]
async fn unknown_tokens_and_test_card_numbers() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let unknown = api_error(
        client
            .orders()
            .create_order(order(
                35_000,
                PaymentMethodGeneralRequest::card("tok_test_visa_4241"),
            ))
            .await,
    );
    assert_eq!(unknown.status, 422);
    assert_eq!(
        unknown.details()[0].param.as_deref(),
        Some("payment_method.token_id")
    );
    assert_eq!(
        unknown.details()[0].code.as_deref(),
        Some("conekta.errors.parameter_validation.payment_method.token_id.nonexistent_token")
    );

    let too_small = api_error(
        client
            .orders()
            .create_order(order(200, PaymentMethodGeneralRequest::card(tokens::VISA)))
            .await,
    );
    assert_eq!(
        too_small.details()[0].code.as_deref(),
        Some("conekta.errors.parameter_validation.combo.order.currency_type.card.minimum")
    );

    // The declined order's body carries the order, as Conekta's does.
    let declined = api_error(
        client
            .orders()
            .create_order(order(
                35_000,
                PaymentMethodGeneralRequest::card(tokens::INSUFFICIENT_FUNDS),
            ))
            .await,
    );
    let data: Value = serde_json::from_str(&declined.raw_body())?;
    assert_eq!(data["data"]["object"], "order");
    assert_eq!(
        data["data"]["charges"]["data"][0]["failure_code"],
        "insufficient_funds"
    );
    assert_eq!(
        declined.details()[0].code.as_deref(),
        Some("conekta.errors.processing.bank.insufficient_funds")
    );

    let mastercard = client
        .orders()
        .create_order(order(
            35_000,
            PaymentMethodGeneralRequest::card(tokens::MASTERCARD),
        ))
        .await?;
    assert_eq!(
        mastercard.charges()[0].card().expect("a card").last4,
        "4444"
    );
    Ok(())
}

#[tokio::test]
async fn a_card_order_emits_conektas_events_in_order() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let created = client
        .orders()
        .create_order(order(
            35_000,
            PaymentMethodGeneralRequest::card(tokens::VISA),
        ))
        .await?;
    assert_eq!(
        event_types(&client).await?,
        [
            EventType::OrderCreated,
            EventType::ChargeCreated,
            EventType::ChargePaid,
            EventType::OrderPaid
        ]
    );
    let events = client.events().get_events().collect_max(10).await?;
    let paid = client.events().get_event(events[0].id.clone()).await?;
    assert_eq!(paid.data.order()?.id, created.id);
    // With no webhook, nothing was delivered.
    assert_eq!(paid.webhook_status.as_deref(), Some("not_applicable"));

    let declined = client
        .orders()
        .create_order(order(
            35_000,
            PaymentMethodGeneralRequest::card(tokens::DECLINED),
        ))
        .await;
    assert!(declined.is_err());
    let types = event_types(&client).await?;
    assert_eq!(
        types[4..],
        [
            EventType::OrderCreated,
            EventType::ChargeCreated,
            EventType::ChargeDeclined,
            EventType::OrderDeclined
        ]
    );
    Ok(())
}

#[tokio::test]
async fn refunds_partial_then_full() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let order = client
        .orders()
        .create_order(order(
            40_000,
            PaymentMethodGeneralRequest::card(tokens::VISA),
        ))
        .await?;

    let refund = |amount: i64| {
        OrderRefundRequest::builder()
            .amount(amount)
            .reason(RefundReason::RequestedByClient)
    };
    let partly = client
        .orders()
        .refund_order(order.id.clone(), refund(15_000))
        .await?;
    assert_eq!(
        partly.payment_status,
        Some(PaymentStatus::PartiallyRefunded)
    );
    assert_eq!(partly.amount_refunded, Some(15_000));

    let too_much = api_error(
        client
            .orders()
            .refund_order(order.id.clone(), refund(30_000))
            .await,
    );
    assert_eq!(too_much.status, 402);
    assert_eq!(too_much.error_type(), Some(&ErrorType::ProcessingError));

    let fully = client
        .orders()
        .refund_order(order.id.clone(), refund(25_000))
        .await?;
    assert_eq!(fully.payment_status, Some(PaymentStatus::Refunded));
    assert_eq!(fully.charges()[0].status, PaymentStatus::Refunded);

    let types = event_types(&client).await?;
    assert_eq!(
        types[4..],
        [
            EventType::ChargeRefunded,
            EventType::OrderPartiallyRefunded,
            EventType::ChargeRefunded,
            EventType::OrderRefunded
        ]
    );
    Ok(())
}

#[tokio::test]
async fn a_canceled_oxxo_order_cannot_be_paid() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let order = client
        .orders()
        .create_order(order(35_000, PaymentMethodGeneralRequest::cash()))
        .await?;
    let canceled = client.orders().cancel_order(order.id.clone()).await?;
    assert_eq!(canceled.payment_status, Some(PaymentStatus::Canceled));

    match fake.pay_cash(&order.id).await {
        Err(FakeError::NotPayable { order_id, .. }) => assert_eq!(order_id, order.id),
        other => panic!("expected NotPayable, got {other:?}"),
    }
    assert!(matches!(
        fake.pay_cash("ord_nope").await,
        Err(FakeError::UnknownOrder(_))
    ));
    let already = api_error(client.orders().cancel_order(order.id.clone()).await);
    assert_eq!(already.status, 428);
    Ok(())
}

#[tokio::test]
async fn a_spei_order_waits_for_the_transfer() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let order = client
        .orders()
        .create_order(order(123_456, PaymentMethodGeneralRequest::spei()))
        .await?;
    assert_eq!(order.payment_status, Some(PaymentStatus::PendingPayment));
    let clabe = order.charges()[0].clabe().expect("a CLABE");
    assert_eq!(clabe.len(), 18);
    assert!(clabe.starts_with("646"), "STP's bank code");
    let transfer = order.charges()[0].bank_transfer().expect("a SPEI payment");
    assert_eq!(transfer.bank.as_deref(), Some("STP"));
    // Not a cash order.
    assert!(matches!(
        fake.pay_cash(&order.id).await,
        Err(FakeError::NotPayable { .. })
    ));

    let paid = fake.pay_spei(&order.id).await?;
    assert_eq!(paid.payment_status, Some(PaymentStatus::Paid));
    assert!(paid.charges()[0].paid_at.is_some());
    Ok(())
}

#[tokio::test]
async fn payment_sources_are_added_and_removed() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let customer = Customer::builder()
        .name("Ana")
        .email("ana@example.com")
        .phone("+5215555555555");
    let customer = client.customers().create_customer(customer).await?;
    assert!(customer.payment_sources().is_empty());

    let methods = client.payment_methods();
    let visa = methods
        .create_customer_payment_methods(
            customer.id.clone(),
            PaymentMethodTokenRequest::card(tokens::VISA),
        )
        .await?;
    let clabe = methods
        .create_customer_payment_methods(
            customer.id.clone(),
            PaymentMethodCashOrSpeiRequest::spei_recurrent(),
        )
        .await?;
    let clabe = clabe
        .spei_recurrent()
        .and_then(|source| source.reference.clone())
        .expect("a recurrent CLABE");
    assert_eq!(clabe.len(), 18);

    let listed = methods
        .get_customer_payment_methods(customer.id.clone())
        .await?;
    assert_eq!(listed.data.as_deref().unwrap_or_default().len(), 2);
    let customer_now = client
        .customers()
        .get_customer_by_id(customer.id.clone())
        .await?;
    let visa_id = visa.card().expect("a card").id.clone();
    assert_eq!(
        customer_now.default_payment_source_id.as_deref(),
        Some(visa_id.as_str())
    );

    methods
        .delete_customer_payment_methods(customer.id.clone(), visa_id.clone())
        .await?;
    let customer_now = client
        .customers()
        .get_customer_by_id(customer.id.clone())
        .await?;
    assert_eq!(customer_now.payment_sources().len(), 1);
    assert_ne!(
        customer_now.default_payment_source_id.as_deref(),
        Some(visa_id.as_str())
    );

    // A saved card that is gone cannot pay.
    let gone = PaymentMethodGeneralRequest::saved_card(visa_id);
    let gone = order(35_000, gone)
        .customer_info(CustomerInfoCustomerId::builder().customer_id(customer.id.clone()));
    assert_eq!(
        api_error(client.orders().create_order(gone).await).status,
        422
    );
    Ok(())
}

/// A customer with a card from `token`, and a plan of MXN 199.00 a month.
async fn customer_and_plan(
    client: &Client,
    token: &str,
    trial_days: i64,
) -> Result<(String, String), Error> {
    let customer = Customer::builder()
        .name("Ana")
        .email("ana@example.com")
        .phone("+5215555555555")
        .payment_sources([PaymentMethodTokenRequest::card(token)]);
    let customer = client.customers().create_customer(customer).await?;
    let plan = PlanRequest::builder()
        .name("Galletas del mes")
        .amount(19_900)
        .currency(Currency::Mxn)
        .interval(PlanInterval::Month)
        .frequency(1)
        .trial_period_days(trial_days);
    let plan = client.plans().create_plan(plan).await?;
    Ok((customer.id, plan.id))
}

#[tokio::test]
async fn subscriptions_bill_the_customers_card() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();

    let (customer, plan) = customer_and_plan(&client, tokens::VISA, 0).await?;
    let subscription = client
        .subscriptions()
        .create_subscription(
            customer.clone(),
            SubscriptionRequest::builder().plan_id(plan.clone()),
        )
        .await?;
    assert_eq!(subscription.status, SubscriptionStatus::Active);
    let billed = subscription
        .last_billing_cycle_order_id
        .clone()
        .expect("the first cycle's order");
    let billed = client.orders().get_order_by_id(billed).await?;
    assert_eq!(billed.amount, 19_900);
    assert_eq!(billed.payment_status, Some(PaymentStatus::Paid));
    let types = event_types(&client).await?;
    assert!(types.ends_with(&[
        EventType::OrderPaid,
        EventType::SubscriptionCreated,
        EventType::SubscriptionPaid
    ]));

    let paused = client
        .subscriptions()
        .pause_subscription(customer.clone(), subscription.id.clone())
        .await?;
    assert_eq!(paused.status, SubscriptionStatus::Paused);
    let resumed = client
        .subscriptions()
        .resume_subscription(customer.clone(), subscription.id.clone())
        .await?;
    assert_eq!(resumed.status, SubscriptionStatus::Active);
    let canceled = client
        .subscriptions()
        .cancel_subscription(customer.clone(), subscription.id.clone())
        .await?;
    assert_eq!(canceled.status, SubscriptionStatus::Canceled);
    assert_eq!(
        api_error(
            client
                .subscriptions()
                .resume_subscription(customer.clone(), subscription.id.clone())
                .await
        )
        .status,
        428
    );

    let (declined_customer, plan) = customer_and_plan(&client, tokens::DECLINED, 0).await?;
    let past_due = client
        .subscriptions()
        .create_subscription(
            declined_customer,
            SubscriptionRequest::builder().plan_id(plan),
        )
        .await?;
    assert_eq!(past_due.status, SubscriptionStatus::PastDue);
    assert_eq!(
        event_types(&client).await?.last(),
        Some(&EventType::SubscriptionPaymentFailed)
    );

    let (trial_customer, plan) = customer_and_plan(&client, tokens::VISA, 14).await?;
    let trial = client
        .subscriptions()
        .create_subscription(
            trial_customer.clone(),
            SubscriptionRequest::builder().plan_id(plan),
        )
        .await?;
    assert_eq!(trial.status, SubscriptionStatus::InTrial);
    assert!(trial.last_billing_cycle_order_id.is_none());
    let read = client
        .subscriptions()
        .get_subscription(trial_customer, trial.id.clone())
        .await?;
    assert_eq!(read.id, trial.id);
    Ok(())
}

/// A merchant endpoint that records the raw requests it gets and answers
/// every POST with `answer`.
#[derive(Clone, Default)]
struct Recorder {
    requests: Arc<Mutex<Vec<(axum::http::HeaderMap, Bytes)>>>,
    answer: Arc<Mutex<(u16, String)>>,
}

async fn record(
    State(recorder): State<Recorder>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> (StatusCode, String) {
    recorder.requests.lock().unwrap().push((headers, body));
    let (status, body) = recorder.answer.lock().unwrap().clone();
    (StatusCode::from_u16(status).unwrap(), body)
}

impl Recorder {
    /// Serves the endpoint and registers it as a webhook of `client`.
    async fn register(&self, client: &Client) -> Result<String, Box<dyn std::error::Error>> {
        self.register_with(client, false).await
    }

    /// As `register`, marking the webhook `synchronous` (the one for
    /// recurrent cash) when asked.
    async fn register_with(
        &self,
        client: &Client,
        synchronous: bool,
    ) -> Result<String, Box<dyn std::error::Error>> {
        *self.answer.lock().unwrap() = (200, String::new());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/hook", listener.local_addr()?);
        let app = Router::new()
            .route("/hook", post(record))
            .with_state(self.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        let mut request = WebhookRequest::builder().url(url).build()?;
        if synchronous {
            request
                .extra
                .insert("synchronous".into(), Value::Bool(true));
        }
        let webhook = client.webhooks().create_webhook(request).await?;
        Ok(webhook.id)
    }

    fn answer(&self, status: u16, body: Value) {
        *self.answer.lock().unwrap() = (status, body.to_string());
    }

    fn types(&self) -> Vec<String> {
        let requests = self.requests.lock().unwrap();
        requests
            .iter()
            .map(|(_, body)| {
                serde_json::from_slice::<Value>(body).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }
}

#[tokio::test]
async fn webhook_deliveries_are_signed_and_logged() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let recorder = Recorder::default();
    let webhook = recorder.register(&client).await?;

    client.webhooks().test_webhook(webhook).await?;
    fake.wait_for_webhooks().await?;
    assert_eq!(recorder.types(), ["webhook.created", "webhook_ping"]);
    {
        let requests = recorder.requests.lock().unwrap();
        let (headers, _) = &requests[1];
        assert_eq!(headers["content-type"], "application/json");
        assert!(headers.contains_key("digest"));
    }

    let events = client.events().get_events().collect_max(10).await?;
    let ping = &events[0];
    assert_eq!(ping.event_type, EventType::WebhookPing);
    assert_eq!(ping.webhook_status.as_deref(), Some("successful"));
    let logs = ping.webhook_logs.as_deref().unwrap_or_default();
    assert_eq!(logs[0].last_http_response_status, Some(200));

    // An endpoint that fails is logged as failing.
    recorder.answer(500, json!({ "error": "down" }));
    client
        .orders()
        .create_order(order(35_000, PaymentMethodGeneralRequest::cash()))
        .await?;
    fake.wait_for_webhooks().await?;
    let events = client.events().get_events().collect_max(10).await?;
    assert_eq!(events[0].webhook_status.as_deref(), Some("failing"));
    let logs = events[0].webhook_logs.as_deref().unwrap_or_default();
    assert_eq!(logs[0].last_http_response_status, Some(500));
    assert_eq!(logs[0].failed_attempts, Some(1));
    Ok(())
}

/// A customer with a recurrent cash reference; returns the reference.
async fn recurrent_reference(client: &Client) -> Result<String, Box<dyn std::error::Error>> {
    let customer = Customer::builder()
        .name("Ana")
        .email("ana@example.com")
        .phone("+5215555555555")
        .payment_sources([PaymentMethodCashOrSpeiRequest::cash_recurrent()]);
    let customer = client.customers().create_customer(customer).await?;
    let source = customer.payment_sources()[0]
        .cash_recurrent()
        .expect("a reference");
    Ok(source.reference.clone().expect("a reference"))
}

#[tokio::test]
async fn recurrent_cash_outside_the_range_or_unanswered() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let reference = recurrent_reference(&client).await?;
    assert!(matches!(
        fake.pay_cash_recurrent(&reference, 10_000).await,
        Err(FakeError::NoRecurrentCashWebhook)
    ));
    let recorder = Recorder::default();
    recorder.register(&client).await?;

    recorder.answer(
        200,
        json!({ "payable": true, "min_amount": 5_000, "max_amount": 10_000 }),
    );
    match fake.pay_cash_recurrent(&reference, 20_000).await? {
        RecurrentCashOutcome::Declined { step, code } => {
            assert_eq!(step, RecurrentCashStep::Lookup);
            assert_eq!(code.as_str(), "35");
        }
        other => panic!("expected a decline, got {other:?}"),
    }
    recorder.answer(500, json!({}));
    match fake.pay_cash_recurrent(&reference, 10_000).await? {
        RecurrentCashOutcome::Unanswered { step, reason } => {
            assert_eq!(step, RecurrentCashStep::Lookup);
            assert_eq!(reason, "status 500");
        }
        other => panic!("expected no answer, got {other:?}"),
    }
    assert!(matches!(
        fake.pay_cash_recurrent("00000000000000000000", 10_000)
            .await,
        Err(FakeError::UnknownReference(_))
    ));
    Ok(())
}

#[tokio::test]
async fn deliveries_agree_with_the_recorded_events_for_fetch_back() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let recorder = Recorder::default();
    recorder.register(&client).await?;
    let order = client
        .orders()
        .create_order(order(35_000, PaymentMethodGeneralRequest::cash()))
        .await?;
    fake.pay_cash(&order.id).await?;

    let bodies: Vec<Bytes> = recorder
        .requests
        .lock()
        .unwrap()
        .iter()
        .map(|(_, body)| body.clone())
        .collect();
    assert_eq!(bodies.len(), 6, "webhook.created and five payment events");
    for body in bodies {
        let delivered = conekta_sdk::Event::from_slice(&body)?;
        let recorded = conekta_sdk::webhooks::fetch_back(&client, &delivered).await?;
        assert_eq!(recorded.id, delivered.id);
    }
    Ok(())
}

#[tokio::test]
async fn recurrent_cash_asks_the_synchronous_webhook() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let reference = recurrent_reference(&client).await?;
    let everything = Recorder::default();
    everything.register(&client).await?;
    let recurrent = Recorder::default();
    recurrent.register_with(&client, true).await?;
    recurrent.answer(200, json!({ "payable": false, "failure_code": "03" }));

    match fake.pay_cash_recurrent(&reference, 10_000).await? {
        RecurrentCashOutcome::Declined { code, .. } => assert_eq!(code.as_str(), "03"),
        other => panic!("expected a decline, got {other:?}"),
    }
    assert!(
        recurrent
            .types()
            .contains(&"inbound_payment.lookup".to_owned())
    );
    assert!(
        !everything
            .types()
            .contains(&"inbound_payment.lookup".to_owned())
    );
    let webhooks = client.webhooks().get_webhooks().collect_max(10).await?;
    let marked: Vec<bool> = webhooks
        .iter()
        .map(|w| w.extra.get("synchronous") == Some(&Value::Bool(true)))
        .collect();
    assert_eq!(marked, [true, false]);
    Ok(())
}

#[tokio::test]
async fn payment_test_triggers_the_recurrent_cash_webhooks() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let reference = recurrent_reference(&client).await?;
    let recorder = Recorder::default();
    recorder.register(&client).await?;

    recorder.answer(
        200,
        json!({ "payable": true, "min_amount": 100, "max_amount": 1_000_000 }),
    );
    let lookup = client
        .payment_test(PaymentTestRequest::lookup(reference.clone()))
        .await?;
    assert_eq!(lookup["result"], "payable");

    recorder.answer(200, json!({ "payable": true }));
    let attempt = client
        .payment_test(PaymentTestRequest::payment_attempt(
            reference.clone(),
            10_000,
        ))
        .await?;
    assert_eq!(attempt["result"], "paid");

    let reversed = client
        .payment_test(PaymentTestRequest::reverse(reference.clone()))
        .await?;
    assert_eq!(reversed["result"], "reversed");
    let order = client
        .orders()
        .get_order_by_id(reversed["order"]["id"].as_str().unwrap_or_default())
        .await?;
    assert_eq!(order.payment_status, Some(PaymentStatus::Reversed));

    fake.wait_for_webhooks().await?;
    let types = recorder.types();
    let payments: Vec<&str> = types
        .iter()
        .map(String::as_str)
        .filter(|t| !t.starts_with("webhook."))
        .collect();
    assert_eq!(
        payments,
        [
            "inbound_payment.lookup",
            "inbound_payment.payment_attempt",
            "charge.paid",
            "charge.reversed",
            "order.reversed"
        ]
    );
    Ok(())
}

#[tokio::test]
async fn what_the_fake_does_not_implement_is_a_422_that_says_so() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let preauthorized =
        order(35_000, PaymentMethodGeneralRequest::card(tokens::VISA)).pre_authorize(true);
    let refused = api_error(client.orders().create_order(preauthorized).await);
    assert_eq!(refused.status, 422);
    assert_eq!(refused.details()[0].param.as_deref(), Some("pre_authorize"));
    assert_eq!(
        refused.details()[0].code.as_deref(),
        Some("conekta_testing.unsupported")
    );

    let searched = api_error(client.orders().get_orders().search("ana").await);
    assert_eq!(searched.details()[0].param.as_deref(), Some("search"));

    let (status, body) = raw(&fake, reqwest::Method::GET, "/payout_orders", "").await;
    assert_eq!(status, 404);
    assert_eq!(
        body["details"][0]["debug_message"],
        "conekta-testing does not serve `GET /payout_orders`."
    );
    Ok(())
}

#[tokio::test]
async fn lists_page_both_ways() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    for name in ["Ana", "Beto", "Carla", "Dani", "Eva"] {
        let customer = Customer::builder()
            .name(name)
            .email("x@example.com")
            .phone("+5215555555555");
        client.customers().create_customer(customer).await?;
    }
    let first = client.customers().get_customers().limit(2).await?;
    let names: Vec<&str> = first
        .data
        .iter()
        .flatten()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Eva", "Dani"]);
    assert!(first.has_more);
    assert!(first.previous_page_url.is_none());

    let second = client
        .customers()
        .get_customers()
        .limit(2)
        .next(first.data.as_deref().unwrap_or_default()[1].id.clone())
        .await?;
    let names: Vec<&str> = second
        .data
        .iter()
        .flatten()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Carla", "Beto"]);
    let back = client
        .customers()
        .get_customers()
        .limit(2)
        .previous(second.data.as_deref().unwrap_or_default()[0].id.clone())
        .await?;
    assert_eq!(
        back.data
            .iter()
            .flatten()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>(),
        first
            .data
            .iter()
            .flatten()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    );

    let all = client
        .customers()
        .get_customers()
        .limit(2)
        .collect_max(100)
        .await?;
    assert_eq!(all.len(), 5);
    Ok(())
}
