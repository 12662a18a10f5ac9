//! A merchant's integration test, written as the crate's README teaches: the
//! merchant's code talks to a [`FakeConekta`] through `conekta_sdk`, and the
//! merchant's own webhook endpoint (a small axum app here) receives the events
//! the fake sends, signed as Conekta signs them.
//!
//! One test per step of the "What to show".

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use conekta_sdk::models::{
    ChargeRequest, Currency, Customer, CustomerInfo, CustomerInfoCustomerId, ErrorType,
    OrderRequest, OrderRequestBuilder, PaymentMethodCashOrSpeiRequest, PaymentMethodGeneralRequest,
    PaymentMethodGeneralRequestBuilder, PaymentMethodTokenRequest, PaymentStatus, Product,
    WebhookRequest, WebhookStatus,
};
use conekta_sdk::webhooks::{
    DeclineCode, Event, EventType, LookupResponse, PaymentAttemptResponse, WebhookVerifier,
};
use conekta_sdk::{Client, Timestamp};
use conekta_testing::{FakeConekta, RecurrentCashOutcome, tokens};
use futures_util::TryStreamExt;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A one-item order of MXN 350.00 for Ana, paid with `payment_method`.
fn order(payment_method: PaymentMethodGeneralRequestBuilder) -> OrderRequestBuilder {
    let ana = CustomerInfo::builder()
        .name("Ana López")
        .email("ana@example.com")
        .phone("+5215555555555");
    let cookies = Product::builder()
        .name("Caja de galletas")
        .quantity(1)
        .unit_price(35_000);
    OrderRequest::builder()
        .currency(Currency::Mxn)
        .customer_info(ana)
        .line_items([cookies])
        .charges([ChargeRequest::builder().payment_method(payment_method)])
}

/// A customer with a saved card, created through the API.
#[tokio::test]
async fn customer_with_a_saved_card() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();

    let customer = Customer::builder()
        .name("Ana López")
        .email("ana@example.com")
        .phone("+5215555555555")
        .payment_sources([PaymentMethodTokenRequest::card(tokens::VISA)]);
    let customer = client.customers().create_customer(customer).await?;

    let card = customer
        .payment_sources()
        .iter()
        .find_map(|source| source.card())
        .expect("the customer has a card");
    assert_eq!(card.last4, "4242");
    assert_eq!(
        customer.default_payment_source_id.as_deref(),
        Some(card.id.as_str())
    );

    // The saved card pays an order of the same customer.
    let saved = PaymentMethodGeneralRequest::saved_card(card.id.clone());
    let order = order(saved)
        .customer_info(CustomerInfoCustomerId::builder().customer_id(customer.id.clone()));
    let order = client.orders().create_order(order).await?;
    assert_eq!(order.payment_status, Some(PaymentStatus::Paid));
    assert_eq!(
        order.charges()[0].card().expect("a card payment").last4,
        "4242"
    );

    // And the customer reads back with the card.
    let again = client
        .customers()
        .get_customer_by_id(customer.id.clone())
        .await?;
    assert_eq!(again.payment_sources().len(), 1);
    Ok(())
}

/// A card order, paid at once.
#[tokio::test]
async fn paid_card_order() -> TestResult {
    let fake = FakeConekta::start().await?;
    let order = fake
        .client()
        .orders()
        .create_order(order(PaymentMethodGeneralRequest::card(tokens::VISA)))
        .await?;

    assert_eq!(order.payment_status, Some(PaymentStatus::Paid));
    assert_eq!(order.amount, 35_000);
    let charge = &order.charges()[0];
    assert_eq!(charge.status, PaymentStatus::Paid);
    assert_eq!(charge.amount, 35_000);
    assert_eq!(charge.card().expect("a card payment").last4, "4242");
    Ok(())
}

/// A declined token is a 402 `processing_error`; so is insufficient funds.
#[tokio::test]
async fn declined_token() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();

    for token in [tokens::DECLINED, tokens::INSUFFICIENT_FUNDS] {
        let err = client
            .orders()
            .create_order(order(PaymentMethodGeneralRequest::card(token)))
            .await
            .expect_err("the card is declined");
        let api = err.api_error().expect("Conekta answered");
        assert_eq!(api.status, 402, "{token}");
        assert_eq!(
            api.error_type(),
            Some(&ErrorType::ProcessingError),
            "{token}"
        );
        assert!(!api.details()[0].message.as_deref().unwrap_or("").is_empty());
    }
    // The declined orders exist, as on Conekta, with their charge declined.
    let orders = client.orders().get_orders().collect_max(10).await?;
    assert_eq!(orders.len(), 2);
    assert!(
        orders
            .iter()
            .all(|o| o.charges()[0].status == PaymentStatus::Declined)
    );
    Ok(())
}

/// Any key but the fake's own gets Conekta's 401.
#[tokio::test]
async fn wrong_key_gets_401() -> TestResult {
    let fake = FakeConekta::start().await?;
    let stranger = Client::builder("key_not_the_fakes_own")
        .base_url(fake.base_url())
        .build()?;

    let err = stranger
        .customers()
        .get_customers()
        .await
        .expect_err("refused");
    let api = err.api_error().expect("Conekta answered");
    assert_eq!(api.status, 401);
    assert_eq!(api.error_type(), Some(&ErrorType::AuthenticationError));
    assert!(api.log_id().is_some());
    Ok(())
}

/// Charges that do not add up to the order's amount: a 422 with its details.
#[tokio::test]
async fn charges_that_do_not_add_up_get_422() -> TestResult {
    let fake = FakeConekta::start().await?;
    let short = ChargeRequest::builder()
        .amount(20_000)
        .payment_method(PaymentMethodGeneralRequest::card(tokens::VISA));
    let err = fake
        .client()
        .orders()
        .create_order(order(PaymentMethodGeneralRequest::card(tokens::VISA)).charges([short]))
        .await
        .expect_err("the charges are short of the order");

    let api = err.api_error().expect("Conekta answered");
    assert_eq!(api.status, 422);
    assert_eq!(api.error_type(), Some(&ErrorType::ParameterValidationError));
    let detail = &api.details()[0];
    assert_eq!(detail.param.as_deref(), Some("amount"));
    assert_eq!(
        detail.code.as_deref(),
        Some("conekta.errors.parameter_validation.combo.order.amount.invalid_charges_amount")
    );
    Ok(())
}

/// What the merchant's webhook endpoint keeps: every verified event, in order.
#[derive(Clone)]
struct Endpoint {
    verifier: Arc<WebhookVerifier>,
    received: Arc<Mutex<Vec<Event>>>,
    /// Recurrent cash references the merchant refuses (its own business rule).
    blocked: Arc<Mutex<Vec<String>>>,
}

/// The merchant's webhook handler: verify, record, and answer the synchronous
/// recurrent cash questions.
async fn conekta_webhook(
    State(endpoint): State<Endpoint>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, String) {
    let Ok(event) = endpoint.verifier.verify_event(&body, &headers) else {
        return (StatusCode::UNAUTHORIZED, String::new());
    };
    let blocked = match event.data.inbound_payment() {
        Ok(payment) => endpoint
            .blocked
            .lock()
            .unwrap()
            .iter()
            .any(|r| r == payment.reference()),
        Err(_) => false,
    };
    let answer = match event.event_type {
        EventType::InboundPaymentLookup if blocked => {
            serde_json::to_string(&LookupResponse::decline(DeclineCode::UserBlocked))
        }
        EventType::InboundPaymentLookup => {
            serde_json::to_string(&LookupResponse::payable(5_000, 1_000_000))
        }
        EventType::InboundPaymentPaymentAttempt => {
            serde_json::to_string(&PaymentAttemptResponse::payable())
        }
        _ => Ok(String::new()),
    };
    endpoint.received.lock().unwrap().push(event);
    (StatusCode::OK, answer.unwrap_or_default())
}

/// Serves the merchant's endpoint on 127.0.0.1; returns its URL.
async fn serve(endpoint: Endpoint) -> Result<String, std::io::Error> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/webhooks/conekta", listener.local_addr()?);
    let app = Router::new()
        .route("/webhooks/conekta", post(conekta_webhook))
        .with_state(endpoint);
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(url)
}

/// The types of the payment events among `received` (orders, charges,
/// inbound payments), in the order they arrived: the endpoint also gets
/// `webhook.created` and `customer.created`.
fn payment_events(received: &[Event]) -> Vec<&EventType> {
    received
        .iter()
        .map(|event| &event.event_type)
        .filter(|kind| {
            ["order.", "charge.", "inbound_payment."]
                .iter()
                .any(|p| kind.as_str().starts_with(p))
        })
        .collect()
}

/// A webhook key and an endpoint, both made through the API; returns the
/// endpoint's record of events.
async fn register_endpoint(client: &Client) -> Result<Endpoint, Box<dyn std::error::Error>> {
    let key = client.webhook_keys().create_webhook_key().await?;
    let pem = key.public_key.expect("a webhook key has a public key");
    let endpoint = Endpoint {
        verifier: Arc::new(WebhookVerifier::from_pem(&pem)?),
        received: Arc::default(),
        blocked: Arc::default(),
    };
    let url = serve(endpoint.clone()).await?;
    let webhook = client
        .webhooks()
        .create_webhook(WebhookRequest::builder().url(url.clone()))
        .await?;
    assert_eq!(webhook.url.as_deref(), Some(url.as_str()));
    Ok(endpoint)
}

/// A webhook key and an endpoint through the API: the endpoint is listed and
/// the key's PEM is the one the fake signs with.
#[tokio::test]
async fn webhook_key_and_endpoint_through_the_api() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    register_endpoint(&client).await?;

    let keys = client
        .webhook_keys()
        .get_webhook_keys()
        .collect_max(10)
        .await?;
    assert_eq!(keys.len(), 1);
    assert_eq!(
        keys[0].public_key.as_deref(),
        Some(conekta_testing::TEST_PUBLIC_KEY_PEM)
    );
    let webhooks = client.webhooks().get_webhooks().collect_max(10).await?;
    assert_eq!(webhooks.len(), 1);
    assert_eq!(webhooks[0].status, WebhookStatus::Listening);
    Ok(())
}

/// An OXXO order waits for payment; the payer pays in cash; a signed
/// `order.paid` reaches the merchant's endpoint and verifies with the key's
/// PEM; the order reads back paid.
#[tokio::test]
async fn oxxo_order_paid_in_cash() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let endpoint = register_endpoint(&client).await?;

    let expires = Timestamp::now() + Duration::from_secs(3 * 24 * 60 * 60);
    let cash = PaymentMethodGeneralRequest::cash().expires_at(expires);
    let order = client.orders().create_order(order(cash)).await?;
    assert_eq!(order.payment_status, Some(PaymentStatus::PendingPayment));
    let reference = order.charges()[0]
        .cash_reference()
        .expect("an OXXO reference");
    assert_eq!(reference.len(), 14);
    assert!(reference.bytes().all(|b| b.is_ascii_digit()));
    let oxxo = order.charges()[0].cash().expect("a cash payment");
    assert_eq!(oxxo.expires_at, Some(expires));

    fake.pay_cash(&order.id).await?;

    let received = endpoint.received.lock().unwrap().clone();
    let paid = received
        .iter()
        .find(|event| event.event_type == EventType::OrderPaid)
        .expect("order.paid reached the endpoint");
    let paid_order = paid.data.order()?;
    assert_eq!(paid_order.id, order.id);
    assert_eq!(paid_order.payment_status, Some(PaymentStatus::Paid));
    assert_eq!(
        payment_events(&received),
        [
            &EventType::OrderCreated,
            &EventType::ChargeCreated,
            &EventType::OrderPendingPayment,
            &EventType::ChargePaid,
            &EventType::OrderPaid,
        ]
    );

    let order = client.orders().get_order_by_id(order.id.clone()).await?;
    assert_eq!(order.payment_status, Some(PaymentStatus::Paid));
    assert_eq!(order.charges()[0].status, PaymentStatus::Paid);
    Ok(())
}

/// 45 orders, listed across pages of 20 by following the cursors.
#[tokio::test]
async fn orders_listed_across_pages() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let mut created = Vec::new();
    for _ in 0..45 {
        let order = client
            .orders()
            .create_order(order(PaymentMethodGeneralRequest::card(tokens::VISA)))
            .await?;
        created.push(order.id);
    }

    let first = client.orders().get_orders().limit(20).await?;
    assert!(first.has_more);
    assert_eq!(first.data.len(), 20);

    let mut listed = Vec::new();
    let mut orders = client.orders().get_orders().limit(20).into_stream();
    while let Some(order) = orders.try_next().await? {
        listed.push(order.id);
    }
    // Newest first, each order once.
    created.reverse();
    assert_eq!(listed, created);
    Ok(())
}

/// Recurrent cash: the merchant's endpoint accepts one payment and declines
/// another (a blocked reference).
#[tokio::test]
async fn recurrent_cash_accepted_and_declined() -> TestResult {
    let fake = FakeConekta::start().await?;
    let client = fake.client();
    let endpoint = register_endpoint(&client).await?;

    let mut references = Vec::new();
    for name in ["Ana López", "Beto Ruiz"] {
        let customer = Customer::builder()
            .name(name)
            .email("cliente@example.com")
            .phone("+5215555555555")
            .payment_sources([PaymentMethodCashOrSpeiRequest::cash_recurrent()]);
        let customer = client.customers().create_customer(customer).await?;
        let source = customer.payment_sources()[0]
            .cash_recurrent()
            .expect("a recurrent cash reference");
        references.push(source.reference.clone().expect("a reference"));
    }
    endpoint.blocked.lock().unwrap().push(references[1].clone());

    match fake.pay_cash_recurrent(&references[0], 20_000).await? {
        RecurrentCashOutcome::Paid(order) => {
            assert_eq!(order.amount, 20_000);
            assert_eq!(order.charges()[0].status, PaymentStatus::Paid);
            assert_eq!(
                order.charges()[0].cash_reference(),
                Some(references[0].as_str())
            );
        }
        other => panic!("expected a payment, got {other:?}"),
    }
    match fake.pay_cash_recurrent(&references[1], 20_000).await? {
        RecurrentCashOutcome::Declined { code, .. } => assert_eq!(code, DeclineCode::UserBlocked),
        other => panic!("expected a decline, got {other:?}"),
    }

    let received = endpoint.received.lock().unwrap().clone();
    assert_eq!(
        payment_events(&received),
        [
            &EventType::InboundPaymentLookup,
            &EventType::InboundPaymentPaymentAttempt,
            &EventType::ChargePaid,
            &EventType::InboundPaymentLookup,
        ]
    );
    let paid = received
        .iter()
        .find(|event| event.event_type == EventType::ChargePaid)
        .expect("charge.paid reached the endpoint")
        .data
        .charge()?;
    assert_eq!(paid.amount, 20_000);
    Ok(())
}
