//! A merchant's program against a local stand-in for Conekta: an answer that
//! does not fit, or an error, never loses a byte of what Conekta said.
#![cfg(feature = "orders")]

mod support;

use conekta_sdk::models::{
    ChargeRequest, Currency, CustomerInfo, OrderRequest, OrderRequestBuilder,
    PaymentMethodGeneralRequest, Product,
};
use conekta_sdk::{Client, Error};
use support::{CONEKTA_JSON, client, error_body};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// An order that was created, as Conekta answers it, without its `amount`.
const CREATED_WITHOUT_AMOUNT: &str = r#"{"livemode":false,"currency":"MXN","payment_status":"paid","amount_refunded":0,"object":"order","id":"ord_2tN73UdUSNrYRPD9r","metadata":{"cart":"c-42"},"created_at":1676386026,"updated_at":1676386027,"charges":{"object":"list","has_more":false,"total":1,"data":[{"id":"63efa757cf65380001aec040","object":"charge","livemode":false,"created_at":1676386026,"currency":"MXN","amount":35000,"status":"paid","order_id":"ord_2tN73UdUSNrYRPD9r","payment_method":{"object":"card_payment","type":"credit","brand":"visa","last4":"4242"}}]}}"#;

/// A card order for one box of cookies.
fn card_order() -> OrderRequestBuilder {
    OrderRequest::builder()
        .currency(Currency::Mxn)
        .customer_info(
            CustomerInfo::builder()
                .name("Ana")
                .email("ana@example.com")
                .phone("+5215555555555"),
        )
        .line_items([Product::builder()
            .name("Caja de galletas")
            .quantity(1)
            .unit_price(35_000)])
        .charges([ChargeRequest::builder()
            .payment_method(PaymentMethodGeneralRequest::card("tok_test_visa_4242"))])
}

/// What the merchant's checkout does: create a card order.
async fn checkout(client: &Client) -> Result<String, Error> {
    let order = client.orders().create_order(card_order()).await?;
    Ok(order.id)
}

async fn stand_in(status: u16, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/orders"))
        .respond_with(ResponseTemplate::new(status).set_body_raw(body.to_owned(), CONEKTA_JSON))
        .expect(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_created_order_whose_answer_does_not_fit_keeps_every_byte_and_its_id() {
    let server = stand_in(200, CREATED_WITHOUT_AMOUNT).await;
    let err = checkout(&client(&server.uri())).await.unwrap_err();

    assert_eq!(err.body(), Some(CREATED_WITHOUT_AMOUNT.as_bytes()));
    let Error::Decode(answer) = &err else {
        panic!("expected a decode error, got {err:?}")
    };
    assert_eq!(answer.id(), Some("ord_2tN73UdUSNrYRPD9r"));
    assert_eq!(answer.path(), ".");
    let message = err.to_string();
    assert!(
        message.starts_with("createOrder: created `ord_2tN73UdUSNrYRPD9r`, but its 200 OK answer does not fit at `.`: missing field `amount`"),
        "{message}"
    );
    // The merchant can still read the order from the bytes.
    let order: serde_json::Value = serde_json::from_slice(err.body().unwrap()).unwrap();
    assert_eq!(order["charges"]["data"][0]["status"], "paid");
}

#[tokio::test]
async fn a_422_keeps_the_whole_error_body() {
    let body = serde_json::to_string(&error_body(
        "parameter_validation_error",
        "641b1a2d2f2b4d0001a0a0a0",
        "conekta.errors.parameter_validation.combo.order.amount.invalid_charges_amount",
        "El monto de los cargos no coincide con el monto de la orden.",
        "amount",
    ))
    .unwrap();
    let server = stand_in(422, &body).await;
    let err = checkout(&client(&server.uri())).await.unwrap_err();

    assert_eq!(err.body(), Some(body.as_bytes()));
    let api = err.api_error().expect("an API error");
    assert_eq!(api.raw_body(), body);
    assert_eq!(api.details()[0].param.as_deref(), Some("amount"));
}

#[tokio::test]
async fn one_invalid_request_names_every_missing_field_and_nothing_is_sent() {
    let server = MockServer::start().await;
    // No currency, no customer, a line item without its price and a second without its name.
    let order = OrderRequest::builder()
        .line_items([
            Product::builder().name("Caja de galletas").quantity(1),
            Product::builder().quantity(2).unit_price(1_000),
        ])
        .metadata(serde_json::json!(["not", "an", "object"]));
    let err = client(&server.uri())
        .orders()
        .create_order(order)
        .await
        .unwrap_err();

    let Error::InvalidRequest { operation, reason } = &err else {
        panic!("expected an invalid request, got {err:?}")
    };
    assert_eq!(*operation, "createOrder");
    for field in [
        "`currency`",
        "`customer_info`",
        "`line_items[0].unit_price`",
        "`line_items[1].name`",
        "`metadata`: expected a JSON object",
    ] {
        assert!(reason.contains(field), "{field} in: {reason}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());

    // The same, from the builder itself.
    let err = OrderRequest::builder().build().unwrap_err();
    assert_eq!(
        err.missing_fields(),
        ["currency", "customer_info", "line_items"]
    );
}

/// An order as Conekta answers it, spaced as it was sent, with a member this SDK
/// does not know.
const CREATED_SPACED: &str = "{\n  \"livemode\": false, \"currency\": \"MXN\", \"amount\": 35000,\n  \"object\": \"order\", \"id\": \"ord_2tN73UdUSNrYRPD9r\", \"created_at\": 1676386026,\n  \"updated_at\": 1676386027, \"a_member_added_later\": [1, 2.50]\n}";

#[tokio::test]
async fn with_body_gives_the_decoded_answer_and_the_bytes_conekta_sent() {
    let server = stand_in(200, CREATED_SPACED).await;
    let client = client(&server.uri());
    let answer = client
        .orders()
        .create_order(card_order())
        .send()
        .with_body()
        .await
        .unwrap();
    assert_eq!(answer.value.id, "ord_2tN73UdUSNrYRPD9r");
    assert_eq!(answer.value.amount, 35_000);
    assert_eq!(&answer.body[..], CREATED_SPACED.as_bytes());
}

#[tokio::test]
async fn with_body_keeps_an_answer_that_does_not_fit_too() {
    let server = stand_in(200, CREATED_WITHOUT_AMOUNT).await;
    let client = client(&server.uri());
    let err = client
        .orders()
        .create_order(card_order())
        .send()
        .with_body()
        .await
        .unwrap_err();
    assert_eq!(err.body(), Some(CREATED_WITHOUT_AMOUNT.as_bytes()));
}
