//! Recurrent cash inbound payments, their answers, decline codes and
//! `/payment_test` bodies, on the guide's examples.
#![cfg(feature = "webhooks")]

use std::collections::HashSet;
use std::str::FromStr as _;

use conekta_sdk::webhooks::{
    DeclineCode, Event, EventType, InboundPayment, LookupResponse, PaymentAttemptResponse,
    PaymentTestRequest,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn decode<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("fixture decodes")
}

/// `value` serialises to exactly the JSON text of `fixture`, member order
/// included, whitespace aside (these fixtures have no blanks inside strings).
fn assert_serialises_to<T: Serialize>(value: &T, fixture: &str) {
    let compact: String = fixture.split_whitespace().collect();
    assert_eq!(serde_json::to_string(value).expect("serialise"), compact);
}

#[test]
fn guide_lookup_event_carries_an_inbound_payment() {
    let event = Event::from_slice(include_bytes!(
        "fixtures/webhooks/event_inbound_payment_lookup.json"
    ))
    .expect("lookup event");
    let payment = event.data.inbound_payment().expect("inbound payment");
    assert_eq!(payment.reference(), "8400003726321");
    assert_eq!(payment.amount, 0);
    assert_eq!(payment.created_at, Some(conekta_sdk::Timestamp::from(0)));
    assert_eq!(payment.currency, Some(conekta_sdk::models::Currency::Mxn));
    assert_eq!(
        payment.charge_id.as_deref(),
        Some("5bb675388a268e0ef4a56a42")
    );
    assert_eq!(
        payment.customer_id.as_deref(),
        Some("cus_2jP5P8huCTWqcTtrn")
    );
    assert_eq!(payment.livemode, Some(true));
    assert_eq!(payment.fee, None);
    assert_eq!(payment.extra["object"], "inbound_payment");
    let method = &payment.payment_method;
    assert_eq!(method.method_type.as_deref(), Some("cash"));
    assert_eq!(method.service_name.as_deref(), Some("Cash"));
    assert_eq!(method.expires_at, Some(1_541_289_600));
    assert_eq!(
        method.barcode_url.as_deref(),
        Some("https://barcode/url.png")
    );
    assert_eq!(method.extra["object"], "cash_payment");
}

#[test]
fn guide_payment_attempt_event_carries_an_inbound_payment() {
    let event = Event::from_slice(include_bytes!(
        "fixtures/webhooks/event_inbound_payment_payment_attempt.json"
    ))
    .expect("payment attempt event");
    let payment = event.data.inbound_payment().expect("inbound payment");
    assert_eq!(payment.reference(), "84000045432316");
    assert_eq!(payment.amount, 110_700);
    assert_eq!(
        payment.created_at,
        Some(conekta_sdk::Timestamp::from(1_538_684_253))
    );
}

#[test]
fn guide_sandbox_inbound_payments_decode() {
    let lookup: InboundPayment = decode(include_str!(
        "fixtures/webhooks/inbound_payment_sandbox_lookup.json"
    ));
    assert_eq!(lookup.reference(), "33300000001256");
    assert_eq!(lookup.amount, 0);
    assert_eq!(lookup.fee, Some(143_144));
    assert_eq!(lookup.livemode, Some(false));

    let attempt: InboundPayment = decode(include_str!(
        "fixtures/webhooks/inbound_payment_sandbox_payment_attempt.json"
    ));
    assert_eq!(attempt.reference(), "33300000001274");
    assert_eq!(attempt.amount, 20_000);
    assert_eq!(attempt.fee, Some(905));
}

#[test]
fn inbound_payment_round_trips_and_tolerates_nulls() {
    let fixture = include_str!("fixtures/webhooks/inbound_payment_sandbox_payment_attempt.json");
    let payment: InboundPayment = decode(fixture);
    let original: Value = serde_json::from_str(fixture).expect("fixture JSON");
    assert_eq!(serde_json::to_value(&payment).expect("serialise"), original);

    let sparse: InboundPayment = decode(
        r#"{"payment_method":{"reference":"1","type":null,"expires_at":null},
            "amount":5,"currency":null,"fee":null,"new_member":[1]}"#,
    );
    assert_eq!(sparse.reference(), "1");
    assert_eq!(sparse.payment_method.method_type, None);
    assert_eq!(sparse.currency, None);
    assert_eq!(sparse.extra["new_member"], serde_json::json!([1]));
}

#[test]
fn inbound_payment_without_reference_reports_the_path() {
    let event = Event::from_slice(
        br#"{"id":"e","type":"inbound_payment.lookup","created_at":1,"livemode":true,
            "data":{"object":{"payment_method":{"type":"cash"},"amount":0}}}"#,
    )
    .expect("event");
    let error = event.data.inbound_payment().expect_err("no reference");
    assert_eq!(error.path(), "data.object.payment_method");
    assert!(error.to_string().contains("reference"), "{error}");
}

#[test]
fn guide_lookup_answers_decode_and_serialise_exactly() {
    let payable = include_str!("fixtures/webhooks/lookup_response_payable.json");
    assert_eq!(
        decode::<LookupResponse>(payable),
        LookupResponse::payable(5_000, 1_000_000)
    );
    assert_serialises_to(&LookupResponse::payable(5_000, 1_000_000), payable);

    let declined = include_str!("fixtures/webhooks/lookup_response_declined.json");
    assert_eq!(
        decode::<LookupResponse>(declined),
        LookupResponse::decline(DeclineCode::UserBlocked)
    );
    assert_serialises_to(&LookupResponse::decline(DeclineCode::UserBlocked), declined);
    assert_eq!(
        serde_json::to_string(&LookupResponse::decline(DeclineCode::ReferenceNotFound))
            .expect("serialise"),
        r#"{"payable":false,"failure_code":"01"}"#
    );
}

#[test]
fn guide_payment_attempt_answers_decode_and_serialise_exactly() {
    let payable = include_str!("fixtures/webhooks/payment_attempt_response_payable.json");
    assert_eq!(
        decode::<PaymentAttemptResponse>(payable),
        PaymentAttemptResponse::payable()
    );
    assert_serialises_to(&PaymentAttemptResponse::payable(), payable);

    let declined = include_str!("fixtures/webhooks/payment_attempt_response_declined.json");
    assert_eq!(
        decode::<PaymentAttemptResponse>(declined),
        PaymentAttemptResponse::decline(DeclineCode::UserBlocked)
    );
    assert_serialises_to(
        &PaymentAttemptResponse::decline(DeclineCode::UserBlocked),
        declined,
    );
}

#[test]
fn inconsistent_answers_do_not_decode() {
    for bad in [
        r#"{"payable":true}"#,
        r#"{"payable":true,"min_amount":1}"#,
        r#"{"payable":true,"min_amount":1,"max_amount":2,"failure_code":"15"}"#,
        r#"{"payable":false}"#,
        r#"{"payable":false,"min_amount":1,"max_amount":2,"failure_code":"15"}"#,
        r#"{"failure_code":"15"}"#,
    ] {
        assert!(
            serde_json::from_str::<LookupResponse>(bad).is_err(),
            "{bad}"
        );
    }
    for bad in [
        r#"{"payable":true,"min_amount":1,"max_amount":2}"#,
        r#"{"payable":true,"failure_code":"15"}"#,
        r#"{"payable":false}"#,
        r#"{"payable":"yes"}"#,
    ] {
        assert!(
            serde_json::from_str::<PaymentAttemptResponse>(bad).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn decline_codes_match_the_guide_table() {
    let table = [
        ("01", DeclineCode::ReferenceNotFound),
        ("02", DeclineCode::InvalidAmount),
        ("03", DeclineCode::ReferenceExpired),
        ("10", DeclineCode::NoDebt),
        ("13", DeclineCode::ReferenceInactive),
        ("14", DeclineCode::ReferenceCancelled),
        ("15", DeclineCode::UserBlocked),
        ("16", DeclineCode::AmountNotAllowed),
        ("18", DeclineCode::MerchantOutOfHours),
        ("19", DeclineCode::NotAuthorised),
        ("35", DeclineCode::AmountOutOfRange),
        ("36", DeclineCode::AlreadyPaid),
    ];
    assert_eq!(DeclineCode::KNOWN.len(), table.len());
    let mut descriptions = HashSet::new();
    for (wire, code) in table {
        assert_eq!(code.as_str(), wire);
        assert_eq!(code.to_string(), wire);
        assert_eq!(DeclineCode::from_str(wire), Ok(code.clone()));
        assert_eq!(
            serde_json::to_string(&code).expect("serialise"),
            format!("\"{wire}\"")
        );
        assert!(descriptions.insert(code.description()), "{wire}");
    }
    assert_eq!(
        DeclineCode::AlreadyPaid.description(),
        "reference already paid"
    );
}

#[test]
fn unknown_decline_codes_are_kept() {
    let code: DeclineCode = serde_json::from_str("\"42\"").expect("deserialise");
    assert_eq!(code, DeclineCode::Unknown("42".to_owned()));
    assert_eq!(code.as_str(), "42");
    assert_eq!(code.description(), "unknown decline code");
    // "1" is not "01": codes are compared as strings.
    assert_eq!(DeclineCode::from("1"), DeclineCode::Unknown("1".to_owned()));
    assert!(serde_json::from_str::<DeclineCode>("15").is_err());
}

#[test]
fn guide_payment_test_bodies_decode_and_serialise_exactly() {
    let lookup = include_str!("fixtures/webhooks/payment_test_lookup.json");
    assert_eq!(
        decode::<PaymentTestRequest>(lookup),
        PaymentTestRequest::lookup("99000000001273")
    );
    assert_serialises_to(&PaymentTestRequest::lookup("99000000001273"), lookup);

    let attempt = include_str!("fixtures/webhooks/payment_test_payment_attempt.json");
    assert_eq!(
        decode::<PaymentTestRequest>(attempt),
        PaymentTestRequest::payment_attempt("99000000001273", 10_000)
    );
    assert_serialises_to(
        &PaymentTestRequest::payment_attempt("99000000001273", 10_000),
        attempt,
    );

    let reverse = include_str!("fixtures/webhooks/payment_test_reverse.json");
    let request = decode::<PaymentTestRequest>(reverse);
    assert_eq!(request.event_type, EventType::InboundPaymentReverse);
    assert_eq!(request, PaymentTestRequest::reverse("99000000001273"));
    assert_serialises_to(&request, reverse);
}

#[test]
fn payment_test_amount_accepts_numbers_and_rejects_junk() {
    let numeric: PaymentTestRequest =
        decode(r#"{"event_type":"inbound_payment.payment_attempt","reference":"1","amount":250}"#);
    assert_eq!(numeric.amount, Some(250));
    let null: PaymentTestRequest =
        decode(r#"{"event_type":"inbound_payment.lookup","reference":"1","amount":null}"#);
    assert_eq!(null.amount, None);
    for junk in [r#""12.5""#, r#""ten""#, "1.5", "true"] {
        let body = format!(
            r#"{{"event_type":"inbound_payment.payment_attempt","reference":"1","amount":{junk}}}"#
        );
        assert!(
            serde_json::from_str::<PaymentTestRequest>(&body).is_err(),
            "{junk}"
        );
    }
}
