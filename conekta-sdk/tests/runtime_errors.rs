//! How the runtime reports failures (API errors with the decoded Conekta body,
//! undecodable successes, timeouts, refused connections, invalid requests), that
//! the API key never leaks into `Debug` or `Display`, and the headers every request carries.

mod support;

use conekta_sdk::{Client, Error, Language, MEDIA_TYPE, models};
use serde_json::json;
use std::time::Duration;
use support::{CONEKTA_JSON, KEY, client, customer, customers_page, dead_port, error_body};
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Asserts that the API key shows up in neither the `Debug` nor the `Display` of `err`.
fn assert_no_key(err: &Error) {
    let debug = format!("{err:?}");
    let display = format!("{err}");
    assert!(!debug.contains(KEY), "key in Debug: {debug}");
    assert!(!display.contains(KEY), "key in Display: {display}");
    // Not even the part after the `key_` prefix.
    assert!(!debug.contains(&KEY[4..]) && !display.contains(&KEY[4..]));
}

#[tokio::test]
async fn conekta_error_bodies_become_api_errors_with_status_headers_and_details() {
    let cases = [
        (
            401,
            "authentication_error",
            "conekta.errors.authentication.missing_key",
            "Acceso no autorizado.",
            "",
        ),
        (
            402,
            "processing_error",
            "conekta.errors.processing.charge.card_payment.suspicious_behaviour",
            "Tu método de pago ha sido rechazado, intenta con otro método.",
            "",
        ),
        (
            404,
            "resource_not_found_error",
            "conekta.errors.resource_not_found.entity",
            "El recurso no ha sido encontrado.",
            "id",
        ),
        (
            422,
            "parameter_validation_error",
            "conekta.errors.parameter_validation.card.number",
            "Alguno de los datos de la tarjeta es inválido.",
            "card[card[number]]",
        ),
        (
            500,
            "api_error",
            "conekta.errors.api.system.general_failure",
            "El sistema no está disponible.",
            "",
        ),
    ];
    for (status, kind, code, message, param) in cases {
        let server = MockServer::start().await;
        let log_id = format!("6718462987c2a2001a07{status:04}");
        let body = serde_json::to_string(&error_body(kind, &log_id, code, message, param)).unwrap();
        Mock::given(method("GET"))
            .and(path("/customers/cus_missing"))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header(
                        "conekta-media-type",
                        "conekta-v2.2.0; format=application/json",
                    )
                    .set_body_raw(body.clone(), CONEKTA_JSON),
            )
            .expect(1)
            .mount(&server)
            .await;
        let client = client(&server.uri());

        let err = client
            .customers()
            .get_customer_by_id("cus_missing")
            .send()
            .await
            .unwrap_err();

        assert_no_key(&err);
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        let Error::Api(api) = &err else {
            panic!("{status}: expected Error::Api, got {err:?}")
        };
        assert_eq!(api.operation, "getCustomerById");
        assert_eq!(api.status.as_u16(), status);
        assert_eq!(
            api.headers["conekta-media-type"],
            "conekta-v2.2.0; format=application/json"
        );
        assert_eq!(api.headers["content-type"], CONEKTA_JSON);
        assert_eq!(api.raw_body(), body);
        assert_eq!(
            err.body(),
            Some(body.as_bytes()),
            "every byte of the error body"
        );
        let decoded = api.body.as_ref().expect("a decoded Conekta error");
        assert_eq!(decoded.type_.as_ref().map(|t| t.as_str()), Some(kind));
        assert_eq!(decoded.log_id.as_deref(), Some(log_id.as_str()));
        assert_eq!(decoded.object.as_deref(), Some("error"));
        assert_eq!(
            api.error_type(),
            Some(&conekta_sdk::models::ErrorType::from(kind))
        );
        assert!(
            !matches!(
                api.error_type(),
                Some(conekta_sdk::models::ErrorType::Unknown(_))
            ),
            "{kind} is one of Conekta's error types"
        );
        assert_eq!(api.log_id(), Some(log_id.as_str()));
        let [detail] = api.details() else {
            panic!("{status}: expected one detail, got {:?}", api.details())
        };
        assert_eq!(detail.code(), code);
        assert_eq!(detail.message(), message);
        assert_eq!(detail.param(), param);
        assert_eq!(detail.debug_message(), format!("debug: {message}"));
        assert_eq!(api.message(), message, "the first detail's message");
        // The message says what happened: operation, status, type, message and log id.
        let shown = err.to_string();
        for part in [
            "getCustomerById",
            &status.to_string(),
            kind,
            message,
            &log_id,
        ] {
            assert!(shown.contains(part), "{shown:?} lacks {part:?}");
        }
    }
}

#[tokio::test]
async fn error_body_with_extra_fields_and_no_type_still_decodes() {
    // Conekta's 402 for a declined order carries the order under `data`; some
    // mocks answer only `details` (no `type`, no `log_id`).
    let server = MockServer::start().await;
    let body = json!({
        "details": [{
            "code": "conekta.errors.authentication.missing_key",
            "param": null,
            "message": "Acceso no autorizado.",
            "debug_message": "Please include your access key in your request."
        }],
        "data": {"object": "order", "id": "ord_2tUyQmZyykejbbw8m", "amount": 2000}
    });
    Mock::given(any())
        .respond_with(ResponseTemplate::new(402).set_body_json(&body))
        .mount(&server)
        .await;

    let err = client(&server.uri())
        .orders()
        .get_order_by_id("ord_2tUyQmZyykejbbw8m")
        .send()
        .await
        .unwrap_err();

    let api = err.api_error().expect("an API error");
    let decoded = api.body.as_ref().expect("decoded");
    assert_eq!(decoded.type_, None);
    assert_eq!(api.details()[0].param, None);
    assert_eq!(
        api.details()[0].code.as_deref(),
        Some("conekta.errors.authentication.missing_key")
    );
    assert_eq!(decoded.extra["data"]["id"], "ord_2tUyQmZyykejbbw8m");
}

#[tokio::test]
async fn html_404_and_empty_500_keep_the_raw_body_without_a_decoded_one() {
    let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Error</title></head>\n\
                <body><pre>Cannot GET /customers/cus_1/nope</pre></body>\n</html>\n";
    let cases = [
        (404, html, "text/html; charset=utf-8"),
        (500, "", CONEKTA_JSON),
    ];
    for (status, body, content_type) in cases {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(status).set_body_raw(body, content_type))
            .expect(1)
            .mount(&server)
            .await;

        let err = client(&server.uri())
            .customers()
            .get_customer_by_id("cus_1")
            .send()
            .await
            .unwrap_err();

        assert_no_key(&err);
        let Error::Api(api) = &err else {
            panic!("{status}: expected Error::Api, got {err:?}")
        };
        assert_eq!(api.status.as_u16(), status);
        assert_eq!(api.raw_body(), body);
        assert_eq!(err.body(), Some(body.as_bytes()));
        assert_eq!(api.body, None, "{status}: {:?}", api.body);
        assert_eq!(api.error_type(), None);
        assert!(api.details().is_empty());
        assert_eq!(api.headers["content-type"], content_type);
    }
}

#[tokio::test]
async fn a_json_body_that_is_not_a_conekta_error_is_not_decoded_as_one() {
    // Mockoon's `POST /orders` 422 answers `{"error": "test"}`.
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(422).set_body_raw(r#"{"error": "test"}"#, "application/json"),
        )
        .mount(&server)
        .await;

    let err = client(&server.uri())
        .customers()
        .get_customer_by_id("cus_1")
        .send()
        .await
        .unwrap_err();

    let api = err.api_error().expect("an API error");
    assert_eq!(api.body, None);
    assert_eq!(api.raw_body(), r#"{"error": "test"}"#);
}

#[tokio::test]
async fn undecodable_success_is_a_decode_error_with_the_json_path_and_the_whole_body() {
    let server = MockServer::start().await;
    let mut bad = customer("cus_2tXx8KUxw6311kEbs", "Felipe Gómez");
    bad["id"] = json!(12345);
    let body = serde_json::to_string(&customers_page(
        &[bad, customer("cus_2", "Ana")],
        false,
        None,
    ))
    .unwrap();
    Mock::given(method("GET"))
        .and(path("/customers"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.clone(), CONEKTA_JSON))
        .mount(&server)
        .await;

    let err = client(&server.uri())
        .customers()
        .get_customers()
        .send()
        .await
        .unwrap_err();

    assert_no_key(&err);
    let Error::Decode(answer) = &err else {
        panic!("expected Error::Decode, got {err:?}")
    };
    assert_eq!(answer.operation, "getCustomers");
    assert_eq!(answer.status.as_u16(), 200);
    assert_eq!(answer.path(), "data[0].id");
    assert!(answer.json_error().is_data(), "{answer}");
    assert_eq!(answer.body(), body.as_bytes());
    assert_eq!(err.body(), Some(body.as_bytes()));
    assert_eq!(answer.id(), None, "a list has no id");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
    assert!(err.to_string().contains("data[0].id"), "{err}");
}

/// Decodes `body` as a `getCustomers` answer and returns the error's JSON path.
async fn decode_error_path(body: serde_json::Value) -> String {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/customers"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_string(), CONEKTA_JSON))
        .mount(&server)
        .await;
    let err = client(&server.uri())
        .customers()
        .get_customers()
        .send()
        .await
        .unwrap_err();
    match err {
        Error::Decode(answer) => {
            assert!(answer.json_error().is_data(), "{answer}");
            answer.path().to_owned()
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

#[tokio::test]
async fn decode_errors_keep_their_path_through_tagged_unions() {
    let card = |created_at: serde_json::Value| {
        json!({ "id": "src_1", "object": "payment_source", "type": "card", "last4": "4242", "brand": "visa",
                "created_at": created_at, "parent_id": "cus_1" })
    };
    let with_sources = |sources: Vec<serde_json::Value>| {
        let mut c = customer("cus_1", "Ana");
        c["payment_sources"] = json!({ "object": "list", "has_more": false, "data": sources });
        customers_page(&[customer("cus_0", "Eva"), c], false, None)
    };
    // A member after the tag is read straight from the body…
    let after_tag = with_sources(vec![card(json!(1)), card(json!("soon"))]);
    assert_eq!(
        decode_error_path(after_tag).await,
        "data[1].payment_sources.data[1].created_at"
    );
    // …and one before it is read again from its raw text, with the same path.
    let before_tag = json!({ "created_at": "soon", "type": "card", "id": "src_1" });
    assert_eq!(
        decode_error_path(with_sources(vec![before_tag])).await,
        "data[1].payment_sources.data[0].created_at"
    );
    // A required member missing in the variant names the variant.
    let mut page = with_sources(vec![card(json!(1))]);
    page["data"][1]["payment_sources"]["data"][0]
        .as_object_mut()
        .unwrap()
        .remove("object");
    let path = decode_error_path(page).await;
    assert!(
        path.starts_with("data[1].payment_sources.data[0]"),
        "{path}"
    );
}

#[tokio::test]
async fn a_decode_error_keeps_a_large_body_whole_and_shows_its_start_in_debug() {
    let server = MockServer::start().await;
    let big = format!(
        "{{\"object\":\"list\",\"has_more\":false,\"data\":[{}]}}",
        vec![r#"{"id":"cus_1"}"#; 2000].join(",")
    );
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(big.clone(), "application/json"))
        .mount(&server)
        .await;

    let err = client(&server.uri())
        .customers()
        .get_customers()
        .send()
        .await
        .unwrap_err();

    let Error::Decode(answer) = &err else {
        panic!("expected Error::Decode, got {err:?}")
    };
    // The first item lacks `name`, `created_at`…: serde reports the item.
    assert!(answer.path().starts_with("data[0]"), "{}", answer.path());
    assert_eq!(err.body(), Some(big.as_bytes()), "every byte is kept");
    let debug = format!("{err:?}");
    assert!(
        debug.len() < 4096 && debug.contains(&format!("body_len: {}", big.len())),
        "Debug shows the start of the body and its length: {} bytes",
        debug.len()
    );
    let display = err.to_string();
    assert!(
        display.len() < 300 && display.contains(&format!("all {} bytes", big.len())),
        "{display}"
    );
}

#[tokio::test]
async fn a_slow_answer_past_the_attempt_timeout_is_maybe_sent() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(support::CUSTOMER_CARD_JSON, CONEKTA_JSON)
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    let client = Client::builder(KEY)
        .base_url(server.uri())
        .retry_policy(conekta_sdk::RetryPolicy::none())
        .attempt_timeout(Some(Duration::from_millis(100)))
        .build()
        .unwrap();

    let err = client
        .customers()
        .get_customer_by_id("cus_2tXx8KUxw6311kEbs")
        .send()
        .await
        .unwrap_err();

    assert_no_key(&err);
    let Error::MaybeSent { operation, source } = &err else {
        panic!("expected Error::MaybeSent, got {err:?}")
    };
    assert_eq!(*operation, "getCustomerById");
    assert!(source.is_timeout(), "{source:?}");
    assert_eq!(err.status(), None);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_refused_connection_is_not_sent() {
    let base = format!("http://127.0.0.1:{}", dead_port());

    let err = client(&base)
        .customers()
        .create_customer(
            models::Customer::builder()
                .email("felipe@gmail.com")
                .name("Felipe")
                .phone("+5215555555555"),
        )
        .send()
        .await
        .unwrap_err();

    assert_no_key(&err);
    let Error::NotSent { operation, source } = &err else {
        panic!("expected Error::NotSent, got {err:?}")
    };
    assert_eq!(*operation, "createCustomer");
    assert!(source.is_connect(), "{source:?}");
    assert_eq!(err.status(), None);
}

#[tokio::test]
async fn an_empty_path_id_is_an_invalid_request_and_nothing_is_sent() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let client = client(&server.uri());

    for id in ["", "   "] {
        let err = client
            .customers()
            .get_customer_by_id(id)
            .send()
            .await
            .unwrap_err();
        assert_no_key(&err);
        let Error::InvalidRequest { operation, reason } = &err else {
            panic!("expected Error::InvalidRequest, got {err:?}")
        };
        assert_eq!(*operation, "getCustomerById");
        assert!(reason.contains("id"), "{reason}");
    }
    let err = client
        .customers()
        .update_customer_fiscal_entities("cus_1", "", models::UpdateFiscalEntityRequest::builder())
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::InvalidRequest { ref reason, .. } if reason.contains("fiscal_entities_id")),
        "{err:?}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_header_value_that_cannot_be_sent_is_an_invalid_request_and_nothing_is_sent() {
    let server = MockServer::start().await;
    let client = client(&server.uri());

    let err = client
        .customers()
        .get_customer_by_id("cus_1")
        .child_company_id("child\r\nX-Injected: 1")
        .send()
        .await
        .unwrap_err();

    assert_no_key(&err);
    assert!(
        matches!(
            err,
            Error::InvalidRequest {
                operation: "getCustomerById",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_api_key_never_shows_in_debug_or_display() {
    let builder = Client::builder(KEY)
        .base_url("http://127.0.0.1:1")
        .child_company_id("6441b6376b60c3a638da80af");
    let shown = format!("{builder:?}");
    assert!(
        !shown.contains(KEY) && shown.contains("redacted"),
        "{shown}"
    );

    let client = builder.build().unwrap();
    let shown = format!("{client:?} {:#?}", client);
    assert!(
        !shown.contains(KEY) && shown.contains("redacted"),
        "{shown}"
    );

    let key = conekta_sdk::ApiKey::new(KEY).unwrap();
    assert!(!format!("{key:?}").contains(KEY));

    // A key that cannot go in a header is rejected without echoing it.
    let bad_key = format!("{KEY}\n");
    let bad_key = format!("{bad_key}x");
    let err = Client::builder(&bad_key).build().unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    assert_no_key(&err);
    let err = Client::builder("   ").build().unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
}

#[tokio::test]
async fn every_request_carries_auth_version_and_user_agent_and_json_only_with_a_body() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(support::CUSTOMER_CARD_JSON, CONEKTA_JSON),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(support::CUSTOMER_CARD_JSON, CONEKTA_JSON),
        )
        .mount(&server)
        .await;
    let client = client(&server.uri());

    let got = client
        .customers()
        .get_customer_by_id("cus_2tXx8KUxw6311kEbs")
        .send()
        .await
        .unwrap();
    assert_eq!(got.id, "cus_2tXx8KUxw6311kEbs");
    client
        .customers()
        .create_customer(
            models::Customer::builder()
                .email("felipe@gmail.com")
                .name("Felipe")
                .phone("+5215555555555"),
        )
        .send()
        .await
        .unwrap();

    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        let header = |name: &str| {
            request
                .headers
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        assert_eq!(header("authorization"), Some(format!("Bearer {KEY}")));
        assert_eq!(header("accept").as_deref(), Some(MEDIA_TYPE));
        assert_eq!(MEDIA_TYPE, "application/vnd.conekta-v2.2.0+json");
        let agent = header("user-agent").unwrap();
        assert!(agent.starts_with("Conekta/v2 RustBindings/"), "{agent}");
        assert_eq!(header("accept-language"), None);
        assert_eq!(header("x-child-company-id"), None);
    }
    let (get, post) = (&requests[0], &requests[1]);
    assert_eq!(get.url.path(), "/customers/cus_2tXx8KUxw6311kEbs");
    assert_eq!(get.headers.get("content-type"), None);
    assert!(get.body.is_empty());
    assert_eq!(post.url.path(), "/customers");
    assert_eq!(post.headers["content-type"], "application/json");
    let sent: serde_json::Value = serde_json::from_slice(&post.body).unwrap();
    assert_eq!(
        sent,
        json!({"email": "felipe@gmail.com", "name": "Felipe", "phone": "+5215555555555"})
    );
}

#[tokio::test]
async fn language_and_child_company_come_from_the_client_and_each_request_overrides_them() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(support::CUSTOMER_CARD_JSON, CONEKTA_JSON),
        )
        .mount(&server)
        .await;
    let client = Client::builder(KEY)
        .base_url(server.uri())
        .language(Language::En)
        .child_company_id("6441b6376b60c3a638da80af")
        .user_agent_suffix("my-shop/1.2")
        .build()
        .unwrap();

    client
        .customers()
        .get_customer_by_id("cus_1")
        .send()
        .await
        .unwrap();
    client
        .customers()
        .get_customer_by_id("cus_2")
        .language("es")
        .child_company_id("child_2")
        .send()
        .await
        .unwrap();
    client
        .customers()
        .get_customer_by_id("cus_3")
        .language(Language::Unknown("pt-BR".into()))
        .send()
        .await
        .unwrap();

    let requests = server.received_requests().await.unwrap();
    let seen: Vec<(&str, &str, &str)> = requests
        .iter()
        .map(|r| {
            (
                r.url.path(),
                r.headers["accept-language"].to_str().unwrap(),
                r.headers["x-child-company-id"].to_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("/customers/cus_1", "en", "6441b6376b60c3a638da80af"),
            ("/customers/cus_2", "es", "child_2"),
            ("/customers/cus_3", "pt-BR", "6441b6376b60c3a638da80af"),
        ]
    );
    let agent = requests[0].headers["user-agent"].to_str().unwrap();
    assert!(
        agent.starts_with("Conekta/v2 RustBindings/") && agent.ends_with(" my-shop/1.2"),
        "{agent}"
    );
}

#[tokio::test]
async fn a_base_url_without_a_path_sends_single_slash_paths() {
    // `Client::new` uses `PRODUCTION_URL` (`https://api.conekta.io`), which has no path:
    // requests must go to `/customers/…`, not `//customers/…`.
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(support::CUSTOMER_CARD_JSON, CONEKTA_JSON),
        )
        .mount(&server)
        .await;

    for base in [server.uri(), format!("{}/", server.uri())] {
        let client = client(&base);
        assert_eq!(client.base_url().host_str(), Some("127.0.0.1"));
        // The send result is not checked: the point is the path that reached the server.
        let _ = client.customers().get_customer_by_id("cus_1").send().await;
    }

    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(paths, ["/customers/cus_1", "/customers/cus_1"]);
}

#[tokio::test]
async fn path_ids_are_percent_encoded_and_a_base_path_is_kept() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(support::CUSTOMER_CARD_JSON, CONEKTA_JSON),
        )
        .mount(&server)
        .await;

    client(&server.uri())
        .customers()
        .get_customer_by_id("cus 1/../x?y#z")
        .send()
        .await
        .unwrap();
    client(&format!("{}/proxy/conekta/", server.uri()))
        .customers()
        .get_customer_by_id("cus_1")
        .send()
        .await
        .unwrap();

    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0].url.path(),
        "/customers/cus%201%2F..%2Fx%3Fy%23z"
    );
    assert_eq!(requests[0].url.query(), None);
    assert_eq!(requests[1].url.path(), "/proxy/conekta/customers/cus_1");
}
