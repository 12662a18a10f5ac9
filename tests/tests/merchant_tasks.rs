//! Eight everyday tasks of a merchant's backend, written the way the README and
//! rustdoc teach, against Conekta's Mockoon fixtures (`cargo xtask test` serves
//! them and sets `CONEKTA_MOCK_URL`; without it this suite fails, it never skips).
//!
//! The code here is the measure of the SDK's surface: no discriminator strings
//! (a payment method's `type` set by hand), no string literal compared with a
//! status or passed where Conekta enumerates the values, and few `Option`
//! combinators to read results (`merchant_code_reads_without_option_plumbing`
//! counts them).
//!
//! Where the mock cannot play a task as Conekta would, the test says so: it
//! answers every `POST /orders` without a card token with a cash order, so the
//! SPEI order's CLABE is read from the bank-transfer order it serves by id.

use std::sync::OnceLock;
use std::time::Duration;

use conekta_sdk::models::{
    CardBrand, ChargeRequest, Currency, Customer, CustomerInfo, CustomerShippingContactsRequest,
    CustomerShippingContactsRequestAddress, ErrorType, FiscalEntityAddress,
    OrderFiscalEntityRequest, OrderRefundRequest, OrderRequest, OrderRequestBuilder,
    PaymentMethodGeneralRequest, PaymentMethodGeneralRequestBuilder, PaymentMethodTokenRequest,
    PaymentStatus, Product, RefundReason, TokenRequest, TokenRequestCard,
};
use conekta_sdk::webhooks::{
    EventType, HeaderMap, SIGNATURE_HEADER, WebhookError, WebhookVerifier,
};
use conekta_sdk::{Client, Error, Language, PaginationError, Timestamp};
use futures_util::TryStreamExt;

/// Environment variable with the base URL of the running Mockoon server.
const MOCK_URL_VAR: &str = "CONEKTA_MOCK_URL";

/// A card token from Conekta's tokenizer (the mock accepts any).
const CARD_TOKEN: &str = "tok_test_visa_4242";

fn client() -> Client {
    let url = std::env::var(MOCK_URL_VAR).unwrap_or_else(|_| {
        panic!(
            "{MOCK_URL_VAR} is not set: run `cargo xtask test -p conekta-tests --test merchant_tasks`, \
             which serves Conekta's Mockoon fixtures and sets it"
        )
    });
    Client::builder("key_test_dummy")
        .base_url(url)
        .language(Language::Es)
        .build()
        .expect("the client builds")
}

/// A one-item MXN 350.00 order paid with `payment_method`.
fn order(payment_method: PaymentMethodGeneralRequestBuilder) -> OrderRequestBuilder {
    let ana = CustomerInfo::builder()
        .name("Ana López")
        .email("ana@example.com")
        .phone("+5215555555555");
    let cookies = Product::builder()
        .name("Caja de galletas")
        .quantity(1)
        .unit_price(35_000);
    let address = CustomerShippingContactsRequestAddress::builder()
        .street1("Calle Nuevo León 254")
        .postal_code("06100")
        .city("Ciudad de México");
    let ship_to = CustomerShippingContactsRequest::builder()
        .receiver("Ana López")
        .address(address)
        .metadata([("gift", false)]);
    let invoice_to = OrderFiscalEntityRequest::builder()
        .name("Ana López")
        .tax_id("XAXX010101000")
        .address(
            FiscalEntityAddress::builder()
                .street1("Calle Nuevo León")
                .external_number("254")
                .postal_code("06100")
                .city("Ciudad de México")
                .country("MX"),
        )
        .metadata([("regime", "616")]);
    OrderRequest::builder()
        .currency(Currency::Mxn)
        .customer_info(ana)
        .line_items([cookies])
        .shipping_contact(ship_to)
        .fiscal_entity(invoice_to)
        .charges([ChargeRequest::builder().payment_method(payment_method)])
        // The mock's cash order template renders invalid JSON without metadata
        // here, on the shipping contact and on the fiscal entity.
        .metadata([("cart", "c-42")])
}

/// 1. A customer who pays with a saved card.
#[tokio::test]
async fn customer_with_a_card_source() {
    let customer = Customer::builder()
        .name("Ana López")
        .email("ana@example.com")
        .phone("+5215555555555")
        .custom_reference("dotnet_12345678")
        .payment_sources([PaymentMethodTokenRequest::card(CARD_TOKEN)]);
    let customer = client()
        .customers()
        .create_customer(customer)
        .await
        .unwrap();

    assert_eq!(customer.id, "cus_2tXyF9BwPG14UMkkg");
    let card = customer
        .payment_sources()
        .iter()
        .find_map(|source| source.card());
    let card = card.expect("the customer has a card");
    assert_eq!(card.brand, CardBrand::Mastercard);
    assert_eq!(card.last4, "4607");
    assert_eq!(
        customer.default_payment_source_id.as_deref(),
        Some(card.id.as_str())
    );
}

/// 2. A card order, paid at once.
#[tokio::test]
async fn card_order() {
    let card = PaymentMethodGeneralRequest::card(CARD_TOKEN);
    let order = client().orders().create_order(order(card)).await.unwrap();

    assert_eq!(order.payment_status, Some(PaymentStatus::Paid));
    assert_eq!(order.currency, Currency::Mxn);
    let charge = &order.charges()[0];
    assert_eq!(charge.status, PaymentStatus::Paid);
    let card = charge.card().expect("a card payment");
    assert_eq!(card.last4, "4242");
}

/// 3. An OXXO order: the reference and barcode the payer takes to the store.
#[tokio::test]
async fn oxxo_order_reference_and_barcode() {
    let expires = Timestamp::now() + Duration::from_secs(3 * 24 * 60 * 60);
    let cash = PaymentMethodGeneralRequest::cash().expires_at(expires);
    let order = client().orders().create_order(order(cash)).await.unwrap();

    assert_eq!(order.payment_status, Some(PaymentStatus::PendingPayment));
    let charge = &order.charges()[0];
    assert_eq!(charge.cash_reference(), Some("93000262280678"));
    let barcode = charge.barcode_url().expect("a barcode");
    assert!(barcode.starts_with("https://"), "{barcode}");
    // The fixture echoes the expiry the request asked for.
    assert_eq!(
        charge.cash().expect("a cash payment").expires_at,
        Some(expires)
    );
}

/// 4. A SPEI order: the CLABE the payer transfers to.
#[tokio::test]
async fn spei_order_clabe() {
    let client = client();
    // The mock answers this with its cash order (it has no SPEI rule for `POST /orders`)…
    let created = client
        .orders()
        .create_order(order(PaymentMethodGeneralRequest::spei()))
        .await
        .unwrap();
    assert!(created.charges()[0].bank_transfer().is_none());
    // …and serves a bank-transfer order by id.
    let order = client
        .orders()
        .get_order_by_id("ord_2zqnvjdK1zyFYp6c2")
        .await
        .unwrap();
    let charge = &order.charges()[0];
    assert_eq!(charge.clabe(), Some("734180008033435128"));
    let spei = charge.bank_transfer().expect("a SPEI payment");
    assert_eq!(spei.bank, Some("FINCO PAY".to_owned()));
}

/// 5. Every order, page by page, lazily.
#[tokio::test]
async fn all_orders_lazily() {
    let client = client();
    let mut orders = client.orders().get_orders().limit(20).into_stream();
    let mut seen = Vec::new();
    let ended = loop {
        match orders.try_next().await {
            Ok(Some(order)) => seen.push(order.id),
            Ok(None) => break None,
            Err(err) => break Some(err),
        }
    };
    // The mock answers the second page with the first one again, cursor and all:
    // the stream stops there with a typed error instead of looping.
    assert_eq!(seen.len(), 40);
    assert_eq!(seen[..20], seen[20..]);
    match ended {
        Some(Error::Pagination {
            reason: PaginationError::RepeatedCursor { cursor },
            ..
        }) => assert_eq!(cursor, "ord_2tNDyQbJacvUZiyfp"),
        other => panic!("expected a repeated cursor, got {other:?}"),
    }
}

/// 6. A partial refund.
#[tokio::test]
async fn partial_refund() {
    let refund = OrderRefundRequest::builder()
        .amount(15_000)
        .reason(RefundReason::RequestedByClient);
    let order = client()
        .orders()
        .refund_order("ord_2tV52JvSom2w3E8bX", refund)
        .await
        .unwrap();

    assert_eq!(order.payment_status, Some(PaymentStatus::PartiallyRefunded));
    assert_eq!(order.amount_refunded, Some(15_000));
}

/// 7. A 422: what was wrong, field by field.
#[tokio::test]
async fn validation_error_with_its_details() {
    let card = TokenRequestCard::builder()
        .number("4242424242424241")
        .name("Ana López")
        .cvc("123")
        .exp_month("12")
        .exp_year("30");
    let err = client()
        .tokens()
        .create_token(TokenRequest::builder().card(card))
        .language(Language::En)
        .await
        .unwrap_err();

    let api = err.api_error().expect("Conekta answered");
    assert_eq!(api.status, 422);
    assert_eq!(api.error_type(), Some(&ErrorType::ParameterValidationError));
    let detail = &api.details()[0];
    assert_eq!(detail.param(), "card[card[number]]");
    assert!(detail.debug_message.is_some());
}

/// 8. A webhook: verify the signature of the raw body, then act on the event.
#[test]
fn webhook_verify_and_dispatch() {
    let body: &[u8] =
        include_bytes!("../../conekta-sdk/tests/fixtures/webhooks/event_charge_paid.json");
    let (public_pem, signature) = signed(body);
    let mut headers = HeaderMap::new();
    headers.insert(SIGNATURE_HEADER, signature.parse().unwrap());

    let verifier = WebhookVerifier::from_pem(&public_pem).unwrap();
    let event = verifier.verify_event(body, &headers).unwrap();
    let paid = match event.event_type {
        EventType::ChargePaid => event.data.charge().unwrap(),
        other => panic!("unexpected event {other}"),
    };
    assert_eq!(paid.status, PaymentStatus::Paid);
    assert_eq!(paid.cash_reference(), Some("XXXXXXXXX"));

    let mut tampered = body.to_vec();
    tampered[10] ^= 1;
    assert!(matches!(
        verifier.verify_event(&tampered, &headers),
        Err(WebhookError::Signature(_))
    ));
}

/// A public key (PEM) and the base64 signature of `body` by its private key,
/// as Conekta signs webhooks (RSA PKCS#1 v1.5, SHA-256).
fn signed(body: &[u8]) -> (String, String) {
    use base64::Engine as _;
    use rand_chacha::rand_core::SeedableRng as _;
    use rsa::pkcs8::{EncodePublicKey as _, LineEnding};
    use rsa::signature::{SignatureEncoding as _, Signer as _};

    static KEY: OnceLock<rsa::RsaPrivateKey> = OnceLock::new();
    let key = KEY.get_or_init(|| {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(0x0C50_0C50);
        rsa::RsaPrivateKey::new(&mut rng, 2048).expect("a signing key")
    });
    let public = rsa::RsaPublicKey::from(key)
        .to_public_key_pem(LineEnding::LF)
        .expect("a PEM");
    let signature = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key.clone()).sign(body);
    let signature = base64::engine::general_purpose::STANDARD.encode(signature.to_vec());
    (public, signature)
}

/// The code above reads its results with few `Option` combinators and no
/// discriminator strings: the SDK's surface, measured.
#[test]
fn merchant_code_reads_without_option_plumbing() {
    let source = include_str!("merchant_tasks.rs");
    let start = source.find("/// 1. ").expect("the first task");
    let end = source.find("/// A public key (PEM)").expect("the helper");
    let tasks = &source[start..end];
    let count = |needle: &str| tasks.matches(needle).count();
    let plumbing: usize = [".as_ref()", ".as_deref()", ".and_then(", ".unwrap_or"]
        .iter()
        .map(|needle| count(needle))
        .sum();
    // No discriminator is written by hand (the setter is `type_`, formerly `r#type`).
    assert_eq!(
        count(&["r#", "type("].concat()) + count(&["type", "_("].concat()),
        0
    );
    assert!(plumbing <= 2, "{plumbing} Option combinators");
}
