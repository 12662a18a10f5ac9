//! The models are open: unknown fields are kept, unknown enum values and
//! unknown discriminator values decode into fallbacks, and nothing is lost on
//! the way back to JSON.

use conekta_sdk::Language;
use conekta_sdk::models::{CardBrand, CustomerPaymentMethodsData, CustomerResponse};
use serde_json::json;

fn customer_with_sources(sources: serde_json::Value) -> serde_json::Value {
    json!({
        "id": "cus_2tHJfJ79KyUwpxTik",
        "object": "customer",
        "name": "Ana",
        "email": "ana@example.com",
        "livemode": false,
        "created_at": 1_700_000_000,
        "corporate": null,
        "loyalty_program": {"tier": "gold"},
        "payment_sources": {"object": "list", "has_more": false, "data": sources}
    })
}

#[test]
fn unknown_discriminator_values_and_fields_are_kept() {
    let body = customer_with_sources(json!([
        {"id": "src_1", "object": "payment_source", "type": "cash_recurrent", "created_at": 1,
         "parent_id": "cus_2tHJfJ79KyUwpxTik", "reference": "93000262276908", "provider": "oxxo",
         "barcode_url": "https://barcodes.conekta.com/93000262276908.png"},
        {"id": "src_2", "object": "payment_source", "type": "oxxo_recurrent", "created_at": 1,
         "reference": "5100000000000001"}
    ]));
    let customer: CustomerResponse = serde_json::from_value(body.clone()).expect("decodes");
    let sources = customer
        .payment_sources
        .as_ref()
        .and_then(|s| s.data.as_ref())
        .expect("sources");
    let CustomerPaymentMethodsData::CashRecurrent(cash) = &sources[0] else {
        panic!(
            "a cash_recurrent source decodes as CashRecurrent: {:?}",
            sources[0]
        );
    };
    assert_eq!(cash.reference.as_deref(), Some("93000262276908"));
    let CustomerPaymentMethodsData::Unknown(raw) = &sources[1] else {
        panic!(
            "oxxo_recurrent is not in the spec's mapping: {:?}",
            sources[1]
        );
    };
    assert_eq!(raw["reference"], "5100000000000001");
    assert_eq!(sources[1].tag(), Some("oxxo_recurrent"));
    assert_eq!(customer.extra["loyalty_program"], json!({"tier": "gold"}));
    assert_eq!(customer.corporate, None, "null decodes to None");

    let again = serde_json::to_value(&customer).expect("encodes");
    assert_eq!(again["loyalty_program"], json!({"tier": "gold"}));
    assert_eq!(
        again["payment_sources"]["data"][1],
        body["payment_sources"]["data"][1]
    );
    assert!(again.get("corporate").is_none(), "None is not serialised");
}

#[test]
fn unknown_enum_values_are_kept() {
    let language: Language = serde_json::from_value(json!("pt-BR")).expect("decodes");
    assert_eq!(language, Language::Unknown("pt-BR".into()));
    assert_eq!(language.as_str(), "pt-BR");
    assert_eq!(
        serde_json::to_value(&language).expect("encodes"),
        json!("pt-BR")
    );
    assert_eq!("es".parse::<Language>(), Ok(Language::Es));
    assert_eq!(Language::En.to_string(), "en");
}

/// The value sets of `spec/overrides.yaml` are open: a status, currency or
/// failure code Conekta adds later decodes to `Unknown` and goes back unchanged.
#[test]
fn values_conekta_adds_later_are_kept() {
    use conekta_sdk::models::{ChargeResponse, Currency, FailureCode, PaymentStatus};
    let body = json!({
        "id": "ch_1", "object": "charge", "created_at": 1, "livemode": false, "amount": 100,
        "currency": "COP", "status": "under_fraud_review", "failure_code": "velocity_exceeded",
        "payment_method": {"object": "card_payment", "type": "prepaid", "brand": "carnet", "last4": "1111"}
    });
    let charge: ChargeResponse = serde_json::from_value(body.clone()).expect("decodes");
    assert_eq!(
        charge.status,
        PaymentStatus::Unknown("under_fraud_review".into())
    );
    assert_eq!(charge.currency, Currency::Unknown("COP".into()));
    assert_eq!(
        charge.failure_code,
        Some(FailureCode::Unknown("velocity_exceeded".into()))
    );
    let card = charge.card().expect("a card payment");
    assert_eq!(card.brand.as_str(), "carnet");
    assert_eq!(serde_json::to_value(&charge).expect("encodes"), body);
    // Known values still map to their variants, from the wire or from a `&str`.
    assert_eq!(PaymentStatus::from("paid"), PaymentStatus::Paid);
    assert_eq!(Currency::Mxn.as_str(), "MXN");
}

#[test]
fn a_missing_required_field_is_an_error_with_its_path() {
    let mut body = customer_with_sources(json!([]));
    body.as_object_mut().expect("object").remove("id");
    let text = body.to_string();
    let mut de = serde_json::Deserializer::from_str(&text);
    let err = serde_path_to_error::deserialize::<_, CustomerResponse>(&mut de)
        .expect_err("id is required");
    assert!(err.to_string().contains("missing field `id`"), "{err}");
}

#[test]
fn models_decode_the_same_from_every_reader_and_member_order() {
    // The tag after, before and without other members; a non-string tag is unknown.
    let body = customer_with_sources(json!([
        {"id": "src_1", "created_at": 1, "type": "card", "object": "payment_source", "last4": "4242",
         "brand": "mastercard"},
        {"type": "card", "id": "src_2", "object": "payment_source", "created_at": 2, "brand": "visa",
         "last4": "1111"},
        {"id": "src_3", "object": "payment_source", "created_at": 3},
        {"id": "src_4", "type": 7}
    ]));
    let text = body.to_string();
    let from_slice: CustomerResponse = serde_json::from_slice(text.as_bytes()).expect("slice");
    let from_reader: CustomerResponse = serde_json::from_reader(text.as_bytes()).expect("reader");
    let from_value: CustomerResponse = serde_json::from_value(body.clone()).expect("value");
    assert_eq!(from_slice, from_reader);
    assert_eq!(from_slice, from_value);
    let sources = from_slice
        .payment_sources
        .as_ref()
        .unwrap()
        .data
        .as_ref()
        .unwrap();
    assert!(matches!(&sources[0], CustomerPaymentMethodsData::Card(card) if card.last4 == "4242"));
    assert!(
        matches!(&sources[1], CustomerPaymentMethodsData::Card(card) if card.brand == CardBrand::Visa)
    );
    assert!(
        matches!(&sources[2], CustomerPaymentMethodsData::Unknown(value) if value["id"] == "src_3")
    );
    assert!(
        matches!(&sources[3], CustomerPaymentMethodsData::Unknown(value) if value["type"] == 7)
    );
    // Written back unchanged, but for `corporate: null`, which decodes to `None`.
    let written = serde_json::to_value(&from_slice).unwrap();
    assert_eq!(
        conekta_tests::normalized(&written),
        conekta_tests::normalized(&body)
    );
    assert!(written.get("corporate").is_none());
}

/// Structs, lists of structs and tagged unions inside a struct are read into
/// their slots: the last occurrence of a member wins, `null` clears it, list
/// items keep their order, and a failing item is named by its index.
#[test]
fn nested_members_are_read_into_their_slots() {
    use conekta_sdk::models::{ChargeResponsePaymentMethod, OrderResponse};
    let card = json!({"object": "card_payment", "type": "credit", "brand": "visa", "last4": "4242",
                      "extra_member": 1});
    let charge = |id: &str, method: serde_json::Value| {
        json!({"id": id, "amount": 100, "created_at": 1, "currency": "MXN", "livemode": false,
               "object": "charge", "order_id": "ord_1", "status": "paid", "payment_method": method})
    };
    let body = json!({
        "id": "ord_1", "object": "order", "created_at": 1, "updated_at": 2, "livemode": false,
        "amount": 600, "amount_refunded": 0, "currency": "MXN",
        "customer_info": {"name": "Ana", "object": "customer_info"},
        "shipping_contact": {"receiver": "Ana"},
        "line_items": {"object": "list", "has_more": false, "data": [
            {"name": "a", "unit_price": 1, "quantity": 1},
            {"name": "b", "unit_price": 2, "quantity": 2},
            {"name": "c", "unit_price": 3, "quantity": 3}
        ]},
        "charges": {"object": "list", "has_more": false, "data": [
            charge("ch_1", card.clone()),
            charge("ch_2", json!({"object": "future_payment", "kept": true})),
            charge("ch_3", json!({"object": "cash_payment", "type": "oxxo", "reference": "9300",
                                   "barcode_url": "https://b.conekta.com/9300.png", "expires_at": 1,
                                   "store_name": null}))
        ]}
    });
    // serde_json::json! cannot repeat a key: append the repeats to the text.
    let mut text = body.to_string();
    text.pop();
    text.push_str(r#","customer_info":{"email":"ana@example.com"},"shipping_contact":null}"#);
    let order: OrderResponse = conekta_sdk::from_slice(text.as_bytes()).expect("decodes");

    let info = order
        .customer_info
        .as_ref()
        .expect("the last customer_info");
    assert_eq!(
        info.name, None,
        "the first occurrence is replaced, not merged"
    );
    assert_eq!(info.email.as_deref(), Some("ana@example.com"));
    assert_eq!(order.shipping_contact, None, "null clears an earlier value");
    let names: Vec<&str> = order
        .line_items
        .as_ref()
        .unwrap()
        .data
        .as_ref()
        .unwrap()
        .iter()
        .map(|item| item.name.as_str())
        .collect();
    assert_eq!(names, ["a", "b", "c"]);
    let charges = order.charges.as_ref().unwrap().data.as_ref().unwrap();
    match &charges[0].payment_method {
        ChargeResponsePaymentMethod::CardPayment(card) => {
            assert_eq!(card.last4, "4242");
            assert_eq!(card.extra.get("extra_member"), Some(&json!(1)));
        }
        other => panic!("a card payment, not {other:?}"),
    }
    match &charges[1].payment_method {
        ChargeResponsePaymentMethod::Unknown(value) => {
            assert_eq!(value, &json!({"object": "future_payment", "kept": true}));
        }
        other => panic!("an unknown payment method, not {other:?}"),
    }
    let cash = charges[2].cash().expect("a cash payment");
    assert_eq!(cash.store_name, None, "null decodes to None");
    // Nothing is lost on the way back.
    let mut expected = body.clone();
    expected["customer_info"] = json!({"email": "ana@example.com"});
    expected.as_object_mut().unwrap().remove("shipping_contact");
    expected["charges"]["data"][2]["payment_method"]
        .as_object_mut()
        .unwrap()
        .remove("store_name");
    assert_eq!(serde_json::to_value(&order).unwrap(), expected);
    // The same body from a `Value` decodes the same.
    let from_value: OrderResponse =
        serde_json::from_value(serde_json::from_str(&text).unwrap()).expect("decodes");
    assert_eq!(from_value, order);

    let mut bad = body.clone();
    bad["line_items"]["data"][1]["quantity"] = json!("two");
    let err = conekta_sdk::from_slice::<OrderResponse>(bad.to_string().as_bytes())
        .expect_err("quantity is a number");
    assert_eq!(err.path(), "line_items.data[1].quantity");
    let mut bad = body;
    bad["charges"]["data"] = json!([charge("ch_1", card), {"id": "ch_2"}]);
    let err = conekta_sdk::from_slice::<OrderResponse>(bad.to_string().as_bytes())
        .expect_err("a charge needs its amount");
    assert_eq!(err.path(), "charges.data[1]");
    bad["charges"]["data"][0]["payment_method"] = json!({"object": "card_payment", "last4": 4242});
    let err = conekta_sdk::from_slice::<OrderResponse>(bad.to_string().as_bytes())
        .expect_err("last4 is a string");
    assert_eq!(err.path(), "charges.data[0].payment_method.last4");
}

/// Numbers kept as received (`metadata`, undeclared members) come back exactly,
/// to the last digit: serde_json's `float_roundtrip`.
#[test]
fn floats_in_metadata_and_extra_round_trip_exactly() {
    use conekta_sdk::models::OrderRequest;
    let text = r#"{"currency":"MXN","customer_info":{"customer_id":"cus_1"},"line_items":[{"name":"a","quantity":1,"unit_price":1}],"metadata":{"weight":9445.337206580141},"rate":0.30000000000000004}"#;
    let order: OrderRequest = conekta_sdk::from_slice(text.as_bytes()).expect("decodes");
    let metadata = order.metadata.as_ref().expect("metadata");
    assert_eq!(metadata["weight"].to_string(), "9445.337206580141");
    assert_eq!(order.extra["rate"].to_string(), "0.30000000000000004");
    assert_eq!(serde_json::to_string(&order).expect("encodes"), text);
}
