//! End-to-end suite: every operation that Conekta's Mockoon fixtures route is called
//! through `conekta-sdk` against a running Mockoon server, and the decoded answers are
//! checked field by field (ids, amounts, object names, payment-method variants).
//!
//! The server's URL comes from `CONEKTA_MOCK_URL`, which `cargo xtask test` sets after
//! starting Mockoon on a free port:
//!
//! ```text
//! cargo xtask test -p conekta-tests --test mockoon_e2e
//! ```
//!
//! Without it the suite fails (it never skips). [`every_routed_operation_is_exercised`]
//! needs no server: it checks that [`COVERED`] is exactly the set of operations with a
//! route, so a route added to the fixtures without a test here fails the suite. Every
//! other test records the operations it really sends and checks them against its group
//! of [`COVERED`].

use std::collections::BTreeSet;
use std::sync::Mutex;

use conekta_sdk::{Client, Error, Language, Operation, Request, RetryPolicy, Timestamp, models};
use conekta_tests::operations::OPERATIONS;
use conekta_tests::{match_operations, mock_environment};

/// Environment variable with the base URL of the running Mockoon server.
const MOCK_URL_VAR: &str = "CONEKTA_MOCK_URL";

/// How many of the spec's operations Conekta's fixtures route (the other 17 have no route).
const ROUTED_OPERATIONS: usize = 96;

/// Defines one `const` per group of operation ids and [`COVERED`], their concatenation.
macro_rules! operation_groups {
    ($($(#[$doc:meta])* $group:ident = [$($id:literal),* $(,)?];)*) => {
        $($(#[$doc])* const $group: &[&str] = &[$($id),*];)*
        /// Every operation id this suite calls with a success expected, group by group. It
        /// must equal the set of operations Mockoon routes.
        const COVERED: &[&str] = &[$($($id,)*)*];
    };
}

operation_groups! {
    /// `Antifraud`.
    ANTIFRAUD = [
        "GetRuleWhitelist", "CreateRuleWhitelist", "DeleteRuleWhitelist",
        "GetRuleBlacklist", "CreateRuleBlacklist", "DeleteRuleBlacklist",
    ];
    /// `Api Keys` and `Balances`.
    API_KEYS_AND_BALANCE = [
        "getApiKeys", "createApiKey", "getApiKey", "updateApiKey", "deleteApiKey", "getBalance",
    ];
    /// `Charges`.
    CHARGES = ["getCharges", "updateCharge", "ordersCreateCharge", "ordersCreateCharges"];
    /// `Companies` (only the two routed ones).
    COMPANIES = ["getCompanies", "getCompany"];
    /// `Customers`.
    CUSTOMERS = [
        "getCustomers", "createCustomer", "getCustomerById", "updateCustomer",
        "deleteCustomerById", "CreateCustomerFiscalEntities", "UpdateCustomerFiscalEntities",
    ];
    /// `Payment Methods` and `Shipping Contacts` of a customer.
    CUSTOMER_SOURCES_AND_CONTACTS = [
        "GetCustomerPaymentMethods", "CreateCustomerPaymentMethods",
        "UpdateCustomerPaymentMethods", "DeleteCustomerPaymentMethods",
        "CreateCustomerShippingContacts", "UpdateCustomerShippingContacts",
        "DeleteCustomerShippingContacts",
    ];
    /// The deprecated singular `/customers/{id}/subscription` operations.
    SUBSCRIPTIONS = [
        "getSubscription", "createSubscription", "updateSubscription", "cancelSubscription",
        "pauseSubscription", "resumeSubscription", "getSubscriptionEvents",
    ];
    /// `Orders`.
    ORDERS = [
        "getOrders", "createOrder", "getOrderById", "updateOrder", "CancelOrder",
        "ordersCreateCapture", "orderRefund", "orderCancelRefund",
    ];
    /// The lines of an order: `Discounts`, `Products`, `Shippings`, `Taxes`.
    ORDER_LINES = [
        "ordersGetDiscountLines", "ordersCreateDiscountLine", "ordersGetDiscountLine",
        "ordersUpdateDiscountLines", "ordersDeleteDiscountLines",
        "ordersCreateProduct", "ordersUpdateProduct", "ordersDeleteProduct",
        "ordersCreateShipping", "ordersUpdateShipping", "ordersDeleteShipping",
        "ordersCreateTaxes", "ordersUpdateTaxes", "ordersDeleteTaxes",
    ];
    /// `Payment Link` (checkouts).
    CHECKOUTS = [
        "getCheckouts", "createCheckout", "getCheckout", "cancelCheckout", "emailCheckout",
        "smsCheckout",
    ];
    /// `Events` and `Logs`.
    EVENTS_AND_LOGS = ["getEvents", "getEvent", "resendEvent", "getLogs", "getLogById"];
    /// `Payout Orders`, `Transactions`, `Transfers`.
    MONEY_MOVEMENTS = [
        "getPayoutOrders", "createPayoutOrder", "getPayoutOrderById",
        "getTransactions", "getTransaction", "getTransfers", "getTransfer",
    ];
    /// `Plans`.
    PLANS = ["getPlans", "createPlan", "getPlan", "updatePlan", "deletePlan"];
    /// `Tokens`.
    TOKENS = ["createToken"];
    /// `Webhooks` and `Webhook Keys`.
    WEBHOOKS = [
        "getWebhooks", "createWebhook", "getWebhook", "updateWebhook", "deleteWebhook",
        "testWebhook", "getWebhookKeys", "createWebhookKey", "getWebhookKey",
        "updateWebhookKey", "deleteWebhookKey",
    ];
}

// ---------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------

/// The mock server's base URL; fails (never skips) when it was not provided.
fn mock_url() -> String {
    match std::env::var(MOCK_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => url,
        _ if std::env::var_os("CI").is_some() => panic!(
            "{MOCK_URL_VAR} is not set on CI: the Mockoon server did not start or was not \
             provided to the end-to-end suite. CI must run it as \
             `cargo xtask test -p conekta-tests --test mockoon_e2e`, which starts Mockoon and \
             sets {MOCK_URL_VAR}."
        ),
        _ => panic!(
            "{MOCK_URL_VAR} is not set: this suite talks to a Mockoon server serving Conekta's \
             fixtures. Run it through `cargo xtask test -p conekta-tests --test mockoon_e2e` \
             (it installs @mockoon/cli, starts it on a free port and sets {MOCK_URL_VAR}), or \
             start Mockoon yourself and set {MOCK_URL_VAR}=http://127.0.0.1:<port>."
        ),
    }
}

/// The client every test uses: Spanish, as several fixtures require.
fn client() -> Client {
    Client::builder("key_test_dummy")
        .base_url(mock_url())
        .language(Language::Es)
        .build()
        .expect("the client builds")
}

/// A client plus the operations sent through it, so that each test can prove it called
/// exactly its group of [`COVERED`].
struct Api {
    client: Client,
    sent: Mutex<BTreeSet<&'static str>>,
}

impl Api {
    fn new() -> Self {
        Self::with_client(client())
    }

    fn with_client(client: Client) -> Self {
        Self {
            client,
            sent: Mutex::new(BTreeSet::new()),
        }
    }

    fn record<P: Operation>(&self, request: &Request<'_, P>) -> &'static str {
        let id = request.operation_info().id;
        self.sent.lock().expect("not poisoned").insert(id);
        id
    }

    /// Sends `request` and returns the decoded answer; a failure panics with the
    /// operation, the error and its details (for a decode error: the JSON path and body).
    async fn ok<P: Operation>(&self, request: Request<'_, P>) -> P::Response {
        let id = self.record(&request);
        match request.await {
            Ok(value) => value,
            Err(err) => panic!("{id} failed: {err}\n{err:#?}"),
        }
    }

    /// Sends `request`, which must fail, and returns the error.
    async fn fails<P: Operation>(&self, request: Request<'_, P>) -> Error
    where
        P::Response: std::fmt::Debug,
    {
        let id = self.record(&request);
        match request.await {
            Ok(value) => panic!("{id} should have failed, got {value:#?}"),
            Err(err) => err,
        }
    }

    /// Checks that the operations sent are exactly `expected`.
    fn assert_sent(&self, expected: &[&str]) {
        let sent = self.sent.lock().expect("not poisoned").clone();
        let expected: BTreeSet<&str> = expected.iter().copied().collect();
        assert_eq!(
            sent, expected,
            "the operations this test sends differ from its group"
        );
    }
}

/// The items of a list's `data`, which must be present and not empty.
fn data<T: std::fmt::Debug>(items: Option<Vec<T>>, what: &str) -> Vec<T> {
    let items = items.unwrap_or_else(|| panic!("{what}: `data` is missing"));
    assert!(!items.is_empty(), "{what}: `data` is empty");
    items
}

fn json_object(pairs: &[(&str, &str)]) -> serde_json::Map<String, serde_json::Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
        .collect()
}

/// The card variant of an order's charge, or a panic naming the variant it decoded as.
fn card_of(method: &models::ChargeResponsePaymentMethod) -> &models::PaymentMethodCard {
    match method {
        models::ChargeResponsePaymentMethod::CardPayment(card) => card,
        other => panic!("expected a card payment, decoded {other:#?}"),
    }
}

fn cash_of(method: &models::ChargeResponsePaymentMethod) -> &models::PaymentMethodCash {
    match method {
        models::ChargeResponsePaymentMethod::CashPayment(cash) => cash,
        other => panic!("expected a cash payment, decoded {other:#?}"),
    }
}

fn spei_of(method: &models::ChargeResponsePaymentMethod) -> &models::PaymentMethodBankTransfer {
    match method {
        models::ChargeResponsePaymentMethod::BankTransferPayment(spei) => spei,
        other => panic!("expected a bank transfer payment, decoded {other:#?}"),
    }
}

/// The charges of an order.
fn charges_of(order: &models::OrderResponse) -> Vec<models::ChargeResponse> {
    let charges = order
        .charges
        .clone()
        .unwrap_or_else(|| panic!("order {:?} has no `charges`", order.id));
    assert_eq!(charges.object, "list");
    charges.data.unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------

#[test]
fn every_routed_operation_is_exercised() {
    let env = mock_environment();
    let matches = match_operations(&env);
    let routed: BTreeSet<&str> = (0..OPERATIONS.len())
        .filter(|i| !matches.unrouted_operations.contains(i))
        .map(|i| OPERATIONS[i].id)
        .collect();
    assert_eq!(
        routed.len(),
        ROUTED_OPERATIONS,
        "Conekta's fixtures route {} operations, not {ROUTED_OPERATIONS}: {routed:?}",
        routed.len()
    );

    let covered: BTreeSet<&str> = COVERED.iter().copied().collect();
    assert_eq!(covered.len(), COVERED.len(), "COVERED lists an id twice");
    let untested: Vec<&&str> = routed.difference(&covered).collect();
    let unrouted: Vec<&&str> = covered.difference(&routed).collect();
    assert!(
        untested.is_empty(),
        "operations with a Mockoon route but no end-to-end test: {untested:?}"
    );
    assert!(
        unrouted.is_empty(),
        "COVERED lists operations that have no Mockoon route (or no longer exist): {unrouted:?}"
    );

    // `Api` records a request by its operation's id (nothing is sent here).
    let client = Client::new("key_test_dummy").expect("a client");
    assert_eq!(
        client.customers().get_customers().operation_info().id,
        "getCustomers"
    );
}

// ---------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn customers() {
    let api = Api::new();
    let c = &api.client;

    let page = api.ok(c.customers().get_customers().limit(21)).await;
    assert_eq!(page.object, "list");
    assert!(page.has_more);
    let customers = data(page.data, "getCustomers");
    assert_eq!(customers.len(), 21);
    assert_eq!(customers[0].id, "cus_2tYENskzTjjgkGQLt");
    assert_eq!(customers[0].object, "customer");
    assert_eq!(
        page.next_page_url.as_deref(),
        Some("https://api-core.stg.conekta.io/customers?limit=21&next=cus_2sthLBEZRLp2s6GWc")
    );
    // `limit` and `next` reach the server: only both together select this fixture.
    let next = api
        .ok(c
            .customers()
            .get_customers()
            .limit(22)
            .next("cus_2sthLBEZRLp2s6GWc"))
        .await;
    let next_customers = data(next.data, "getCustomers next");
    assert_eq!(next_customers.len(), 22);
    assert_eq!(next_customers[0].id, "cus_2ss5YAeTKuEr5M4fD");
    // Every payment source of both pages decodes into the variant its `type` names;
    // `oxxo_recurrent`, which the spec does not list, lands in `Unknown`.
    let mut kinds = std::collections::BTreeMap::new();
    for customer in customers.iter().chain(&next_customers) {
        let sources = customer.payment_sources.as_ref();
        for source in sources.and_then(|s| s.data.as_ref()).into_iter().flatten() {
            let kind = match source {
                models::CustomerPaymentMethodsData::Card(card) => {
                    assert_eq!(card.type_, models::PaymentSourceType::Card);
                    "card"
                }
                models::CustomerPaymentMethodsData::SpeiRecurrent(spei) => {
                    assert!(
                        spei.reference.as_deref().is_some_and(|r| !r.is_empty()),
                        "{spei:#?}"
                    );
                    "spei_recurrent"
                }
                models::CustomerPaymentMethodsData::Unknown(value) => {
                    assert_eq!(value["type"], "oxxo_recurrent", "{value:#}");
                    "oxxo_recurrent"
                }
                other => panic!("customer {}: unexpected source {other:#?}", customer.id),
            };
            *kinds.entry(kind).or_insert(0) += 1;
        }
    }
    assert_eq!(kinds.get("spei_recurrent"), Some(&2), "{kinds:?}");
    assert_eq!(kinds.get("oxxo_recurrent"), Some(&3), "{kinds:?}");
    assert!(kinds.get("card").is_some_and(|n| *n > 0), "{kinds:?}");

    let new = models::Customer::builder()
        .email("test@conekta.com")
        .name("test dot")
        .phone("+573143159063")
        .custom_reference("dotnet_12345678");
    let created = api.ok(c.customers().create_customer(new)).await;
    assert_eq!(created.id, "cus_2tXyF9BwPG14UMkkg");
    assert_eq!(created.object, "customer");
    assert_eq!(created.custom_reference.as_deref(), Some("dotnet_12345678"));
    assert_eq!(created.corporate, Some(true));
    let subscription = created.subscription.as_ref().expect("a subscription");
    assert_eq!(subscription.status, models::SubscriptionStatus::PastDue);
    assert_eq!(
        subscription.plan_id.as_deref(),
        Some("plan_2tXx672QLQ68CkmMn")
    );
    let sources = data(
        created
            .payment_sources
            .clone()
            .expect("payment sources")
            .data,
        "createCustomer payment sources",
    );
    match &sources[0] {
        models::CustomerPaymentMethodsData::Card(card) => {
            assert_eq!(card.id, "src_2tXyF9BwPG14UMkkj");
            assert_eq!(card.last4, "4607");
            assert_eq!(card.brand, models::CardBrand::Mastercard);
            assert_eq!(card.default, Some(true));
        }
        other => panic!("expected a card payment source, decoded {other:#?}"),
    }
    let fiscal = data(
        created
            .fiscal_entities
            .clone()
            .expect("fiscal entities")
            .data,
        "createCustomer fiscal entities",
    );
    assert_eq!(fiscal[0].id, "fis_ent_2tXyF9BwPG14UMkke");
    assert_eq!(fiscal[0].tax_id.as_deref(), Some("tax_23432"));
    let contacts = data(
        created
            .shipping_contacts
            .clone()
            .expect("shipping contacts")
            .data,
        "createCustomer shipping contacts",
    );
    assert_eq!(contacts[0].id, "ship_cont_2tXyF9BwPG14UMkkf");
    assert_eq!(
        created.default_shipping_contact_id.as_deref(),
        Some("ship_cont_2tXyF9BwPG14UMkkf")
    );

    // A customer paying by card.
    let card_customer = api
        .ok(c.customers().get_customer_by_id("cus_2tXx8KUxw6311kEbs"))
        .await;
    assert_eq!(card_customer.id, "cus_2tXx8KUxw6311kEbs");
    assert_eq!(card_customer.name, "test dotnet");
    assert_eq!(card_customer.email.as_deref(), Some("test@conekta.com"));
    assert!(card_customer.livemode);
    let sources = data(
        card_customer.payment_sources.expect("payment sources").data,
        "card customer sources",
    );
    let models::CustomerPaymentMethodsData::Card(card) = &sources[0] else {
        panic!("expected a card source, decoded {:#?}", sources[0]);
    };
    assert_eq!(card.id, "src_2tXx8KUxw6311kEbv");
    assert_eq!(card.type_, models::PaymentSourceType::Card);
    assert_eq!(card.bin.as_deref(), Some("547504"));
    assert_eq!(card.card_type, Some(models::CardType::Credit));
    assert_eq!(card.parent_id.as_deref(), Some("cus_2tXx8KUxw6311kEbs"));

    // A customer with an OXXO recurrent reference: `oxxo_recurrent` is not a discriminator
    // value of the spec, so it lands in the fallback with its fields intact.
    let cash_customer = api
        .ok(c.customers().get_customer_by_id("cus_2rGtVzg5V2KZrKXBh"))
        .await;
    assert_eq!(cash_customer.id, "cus_2rGtVzg5V2KZrKXBh");
    assert_eq!(cash_customer.name, "Fulanito");
    let sources = data(
        cash_customer.payment_sources.expect("payment sources").data,
        "cash customer sources",
    );
    match &sources[0] {
        models::CustomerPaymentMethodsData::Unknown(value) => {
            assert_eq!(sources[0].tag(), Some("oxxo_recurrent"));
            assert_eq!(value["id"], "off_ref_2rGtVzg5V2KZrKXBi");
            assert_eq!(value["reference"], "93000262250432");
            assert_eq!(value["provider"], "Oxxo");
        }
        other => panic!("oxxo_recurrent should decode as Unknown, decoded {other:#?}"),
    }

    // A customer with a SPEI recurrent CLABE (`expires_at` is a string there).
    let spei_customer = api
        .ok(c.customers().get_customer_by_id("cus_2tYELwYTKSB5hDXsr"))
        .await;
    let sources = data(
        spei_customer.payment_sources.expect("payment sources").data,
        "spei customer sources",
    );
    match &sources[0] {
        models::CustomerPaymentMethodsData::SpeiRecurrent(spei) => {
            assert_eq!(spei.id, "off_ref_2tYELwYTKSB5hDXsu");
            assert_eq!(spei.reference.as_deref(), Some("646180111805035870"));
            assert_eq!(spei.expires_at.as_deref(), Some("none"));
            assert_eq!(spei.parent_id.as_deref(), Some("cus_2tYELwYTKSB5hDXsr"));
        }
        other => panic!("expected spei_recurrent, decoded {other:#?}"),
    }

    let update = models::UpdateCustomer::builder().email("dotnet@test.com");
    let updated = api
        .ok(c
            .customers()
            .update_customer("cus_2tYENskzTjjgkGQLt", update))
        .await;
    assert_eq!(updated.id, "cus_2tYENskzTjjgkGQLt");
    assert_eq!(updated.email.as_deref(), Some("dotnet@test.com"));
    let sources = data(
        updated.payment_sources.expect("payment sources").data,
        "updated customer sources",
    );
    let models::CustomerPaymentMethodsData::SpeiRecurrent(spei) = &sources[0] else {
        panic!("expected spei_recurrent, decoded {:#?}", sources[0]);
    };
    assert_eq!(
        spei.expires_at.as_deref(),
        Some("2023-03-20T14:11:08+00:00")
    );

    let deleted = api
        .ok(c.customers().delete_customer_by_id("cus_2tXyF9BwPG14UMkkg"))
        .await;
    assert_eq!(deleted.id, "cus_2tXyF9BwPG14UMkkg");
    assert_eq!(deleted.extra.get("deleted"), Some(&serde_json::json!(true)));
    let sources = data(
        deleted.payment_sources.expect("payment sources").data,
        "deleted customer sources",
    );
    let tags: Vec<Option<&str>> = sources.iter().map(|s| s.tag()).collect();
    assert_eq!(tags, [Some("card"), Some("oxxo_recurrent")]);
    assert!(matches!(
        sources[0],
        models::CustomerPaymentMethodsData::Card(_)
    ));
    assert!(matches!(
        sources[1],
        models::CustomerPaymentMethodsData::Unknown(_)
    ));

    let address = models::FiscalEntityRequestAddress::builder()
        .street1("av siem")
        .postal_code("11000")
        .city("mexico");
    let fiscal = api
        .ok(c.customers().create_customer_fiscal_entities(
            "cus_2tXyF9BwPG14UMkkg",
            models::FiscalEntityRequest::builder().address(address),
        ))
        .await;
    assert_eq!(fiscal.id, "fis_ent_2tXyba6x5EUF9os4z");
    assert_eq!(fiscal.object, "fiscal_entity");
    assert_eq!(fiscal.parent_id.as_deref(), Some("cus_2tXyF9BwPG14UMkkg"));
    assert_eq!(fiscal.address.postal_code, "11000");
    assert_eq!(fiscal.address.external_number.as_deref(), Some("11544"));
    assert_eq!(fiscal.default, Some(false));

    let change = models::UpdateFiscalEntityRequest::builder().tax_id("tax_28764234");
    let fiscal = api
        .ok(c.customers().update_customer_fiscal_entities(
            "cus_2tYENskzTjjgkGQLt",
            "fis_ent_2tYENskzTjjgkGQLr",
            change,
        ))
        .await;
    assert_eq!(fiscal.id, "fis_ent_2tYENskzTjjgkGQLr");
    assert_eq!(fiscal.tax_id.as_deref(), Some("tax_28764234"));
    assert_eq!(fiscal.address.street1, "avenida siempre viva");
    assert_eq!(fiscal.default, Some(true));

    api.assert_sent(CUSTOMERS);
}

#[tokio::test]
async fn customer_payment_sources_and_shipping_contacts() {
    let api = Api::new();
    let c = &api.client;

    let sources = api
        .ok(c
            .payment_methods()
            .get_customer_payment_methods("src_2tbd5Bgy67RL9oycM"))
        .await;
    assert_eq!(sources.object, "list");
    assert!(!sources.has_more);
    let sources = data(sources.data, "GetCustomerPaymentMethods");
    assert_eq!(sources.len(), 5);
    for source in &sources {
        let models::CustomerPaymentMethodsData::Card(card) = source else {
            panic!("every source of this fixture is a card, decoded {source:#?}");
        };
        assert_eq!(card.object, "payment_source");
    }
    let models::CustomerPaymentMethodsData::Card(first) = &sources[0] else {
        unreachable!()
    };
    assert_eq!(first.id, "src_2tbd5Bgy67RL9oycM");
    assert_eq!(first.last4, "0526");
    assert_eq!(first.name.as_deref(), Some("Sarai Agar Baeza"));

    let request = models::CustomerPaymentMethodsRequest::CashOrSpei(
        models::PaymentMethodCashOrSpeiRequest::builder()
            .type_("cash_recurrent")
            .build()
            .expect("a cash request"),
    );
    let created = api
        .ok(c
            .payment_methods()
            .create_customer_payment_methods("cus_2tXyF9BwPG14UMkkg", request))
        .await;
    match &created {
        models::CustomerPaymentMethodsData::CashRecurrent(cash) => {
            assert_eq!(cash.id, "off_ref_2tXyk3ncr1NHdfqMS");
            assert_eq!(cash.type_, models::PaymentSourceType::CashRecurrent);
            assert_eq!(cash.reference.as_deref(), Some("93000262281395"));
            assert_eq!(cash.barcode.as_deref(), Some("93000262281395"));
            assert_eq!(cash.provider.as_deref(), Some("cash"));
            assert_eq!(cash.expires_at, Some(Timestamp::EPOCH));
            assert_eq!(cash.parent_id.as_deref(), Some("cus_2tXyF9BwPG14UMkkg"));
        }
        other => panic!("expected cash_recurrent, decoded {other:#?}"),
    }

    let change = models::UpdatePaymentMethodsCard::builder().name("name of person");
    let updated = api
        .ok(c.payment_methods().update_customer_payment_methods(
            "cus_2tZWxbTPtQgGJGh8P",
            "src_2tZWxbTPtQgGJGh8R",
            change,
        ))
        .await;
    let deleted = api
        .ok(c
            .payment_methods()
            .delete_customer_payment_methods("cus_2tZWxbTPtQgGJGh8P", "src_2tZWxbTPtQgGJGh8R"))
        .await;
    for (what, source) in [("updated", updated), ("deleted", deleted)] {
        let models::CustomerPaymentMethodsData::Card(card) = &source else {
            panic!("{what}: expected a card, decoded {source:#?}");
        };
        assert_eq!(card.id, "src_2tZWxbTPtQgGJGh8R", "{what}");
        assert_eq!(card.last4, "3118", "{what}");
        assert_eq!(card.brand, models::CardBrand::Visa, "{what}");
        assert_eq!(card.name.as_deref(), Some("name of person"), "{what}");
        assert_eq!(
            card.payment_source_status.as_deref(),
            Some("active"),
            "{what}"
        );
    }

    let address = models::CustomerShippingContactsRequestAddress::builder()
        .street1("av siem")
        .postal_code("11000");
    let contact = models::CustomerShippingContactsRequest::builder()
        .address(address)
        .phone("1234567890")
        .receiver("receiver");
    let created = api
        .ok(c
            .shipping_contacts()
            .create_customer_shipping_contacts("cus_2tXyF9BwPG14UMkkg", contact))
        .await;
    assert_eq!(created.id.as_deref(), Some("ship_cont_2tY2ncFSBLUaohto2"));
    assert_eq!(created.phone.as_deref(), Some("1234567890"));
    assert_eq!(created.receiver.as_deref(), Some("receiver"));
    assert_eq!(created.parent_id.as_deref(), Some("cus_2tXyF9BwPG14UMkkg"));
    let address = created.address.expect("an address");
    assert_eq!(address.postal_code.as_deref(), Some("11000"));
    assert_eq!(address.residential, Some(true));

    let change = models::CustomerUpdateShippingContactsRequest::builder().phone("3143145050");
    let updated = api
        .ok(c.shipping_contacts().update_customer_shipping_contacts(
            "cus_2tZWxbTPtQgGJGh8P",
            "ship_cont_2tZWzJPBf87C6TcoQ",
            change,
        ))
        .await;
    let deleted = api
        .ok(c.shipping_contacts().delete_customer_shipping_contacts(
            "cus_2tZWxbTPtQgGJGh8P",
            "ship_cont_2tZWzJPBf87C6TcoQ",
        ))
        .await;
    for (what, contact) in [("updated", updated), ("deleted", deleted)] {
        assert_eq!(
            contact.id.as_deref(),
            Some("ship_cont_2tZWzJPBf87C6TcoQ"),
            "{what}"
        );
        assert_eq!(contact.phone.as_deref(), Some("3143145050"), "{what}");
        assert_eq!(
            contact.object.as_deref(),
            Some("shipping_contact"),
            "{what}"
        );
        assert_eq!(
            contact.address.and_then(|a| a.street1).as_deref(),
            Some("Calle 123, int 2"),
            "{what}"
        );
    }

    api.assert_sent(CUSTOMER_SOURCES_AND_CONTACTS);
}

#[tokio::test]
#[allow(deprecated)] // the singular `/customers/{id}/subscription` operations are deprecated
async fn subscriptions() {
    let api = Api::new();
    let c = &api.client;
    let customer = "cus_2tZWxbTPtQgGJGh8P";

    let current = api
        .ok(c.subscriptions().get_subscription_deprecated(customer))
        .await;
    assert_eq!(current.id, "sub_2tZWxbTPtQgGJGh8S");
    assert_eq!(current.status, models::SubscriptionStatus::Active);
    assert_eq!(current.plan_id.as_deref(), Some("testplan79"));
    assert_eq!(current.customer_id.as_deref(), Some(customer));
    assert_eq!(current.card_id.as_deref(), Some("src_2tZWxbTPtQgGJGh8R"));
    assert_eq!(
        current.billing_cycle_end,
        Some(Timestamp::from(1_682_080_524))
    );

    let created = api
        .ok(c.subscriptions().create_subscription_deprecated(
            customer,
            models::SubscriptionRequest::builder().plan_id("contracargos-plan"),
        ))
        .await;
    assert_eq!(created.id, "sub_2tZdSR8jpcL3SXUy4");
    assert_eq!(created.status, models::SubscriptionStatus::PastDue);
    assert_eq!(created.plan_id.as_deref(), Some("contracargos-plan"));

    let change = models::UpdatesASubscription::builder().plan_id("testplan79");
    let updated = api
        .ok(c
            .subscriptions()
            .update_subscription_deprecated(customer, change))
        .await;
    assert_eq!(updated.id, "sub_2tZWxbTPtQgGJGh8S");
    assert_eq!(updated.trial_end, Some(Timestamp::from(1_679_752_328)));

    let canceled = api
        .ok(c.subscriptions().cancel_subscription_deprecated(customer))
        .await;
    assert_eq!(canceled.status, models::SubscriptionStatus::Canceled);
    assert_eq!(canceled.canceled_at, Some(Timestamp::from(1_679_431_258)));

    let paused = api
        .ok(c.subscriptions().pause_subscription_deprecated(customer))
        .await;
    assert_eq!(paused.status, models::SubscriptionStatus::Paused);
    assert_eq!(paused.paused_at, Some(Timestamp::from(1_679_429_155)));

    let resumed = api
        .ok(c.subscriptions().resume_subscription_deprecated(customer))
        .await;
    assert_eq!(resumed.status, models::SubscriptionStatus::Active);
    assert_eq!(resumed.paused_at, None);

    let events = api
        .ok(c
            .subscriptions()
            .get_subscription_events_deprecated("cus_2rKpeXQpapLonfVke"))
        .await;
    assert_eq!(events.object, "list");
    let events = data(events.data, "getSubscriptionEvents");
    let kinds: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e.id.as_str(), e.event_type.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("620ea04f6d41e80466f611a6", "subscription.payment_failed"),
            ("620ea04e6d41e80466f61197", "subscription.created"),
        ]
    );
    assert_eq!(events[0].webhook_status.as_deref(), Some("not_applicable"));

    api.assert_sent(SUBSCRIPTIONS);
}

// ---------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------

/// An order body that the `POST /orders` fixture renders as valid JSON: its templates echo
/// `shipping_contact.metadata`, `fiscal_entity.metadata` (and `metadata`).
fn order_request(
    customer_info: models::OrderCustomerInfo,
    payment_method: models::PaymentMethodGeneralRequestBuilder,
) -> models::OrderRequestBuilder {
    let product = models::Product::builder()
        .name("Pago Mensualidad")
        .quantity(1)
        .unit_price(2000)
        .description("Mes de Febrero.");

    let address = models::CustomerShippingContactsRequestAddress::builder()
        .street1("Nuevo Leon 4")
        .postal_code("06100")
        .city("Ciudad de Mexico");
    let contact = models::CustomerShippingContactsRequest::builder()
        .address(address)
        .metadata(json_object(&[("gift", "no")]));

    let fiscal_address = models::FiscalEntityAddress::builder()
        .street1("avenida siempre viva")
        .postal_code("06100")
        .city("Ciudad de Mexico")
        .country("mx")
        .external_number("10");
    let fiscal = models::OrderFiscalEntityRequest::builder()
        .address(fiscal_address)
        .metadata(json_object(&[("regime", "601")]))
        .email("billing@example.com")
        .phone("5555555555");

    let charge = models::ChargeRequest::builder()
        .payment_method(models::ChargeRequestPaymentMethod::General(
            payment_method.build().expect("a general payment method"),
        ))
        .amount(2000);

    models::OrderRequest::builder()
        .currency("MXN")
        .customer_info(customer_info)
        .line_items([product])
        .metadata(json_object(&[("source", "e2e")]))
        .shipping_contact(contact)
        .fiscal_entity(fiscal)
        .charges([charge])
}

/// The `customer_info` of an order placed for an existing customer.
fn customer_id_info(customer_id: &str) -> models::OrderCustomerInfo {
    models::OrderCustomerInfo::CustomerInfoCustomerId(
        models::CustomerInfoCustomerId::builder()
            .customer_id(customer_id)
            .build()
            .expect("a customer id"),
    )
}

#[tokio::test]
async fn orders() {
    let api = Api::new();
    let c = &api.client;

    let page = api.ok(c.orders().get_orders().limit(20)).await;
    assert_eq!(page.object, "list");
    assert!(page.has_more);
    assert_eq!(page.data.len(), 20);
    assert_eq!(page.data[0].id, "ord_2tUigJ8DgBhbp6w5D");
    assert_eq!(page.data[0].amount, 10000);
    let first_charges = charges_of(&page.data[0]);
    assert_eq!(first_charges[0].id, "64064b5ddb5c8a0001cde484");
    card_of(&first_charges[0].payment_method);
    // `search` reaches the server: only `limit=22&search=…` selects this fixture.
    let found = api
        .ok(c
            .orders()
            .get_orders()
            .limit(22)
            .search("ord_2tNDzhA4Akmzj11AS"))
        .await;
    assert!(!found.has_more);
    assert_eq!(found.data.len(), 1);
    let order = &found.data[0];
    assert_eq!(order.id, "ord_2tNDzhA4Akmzj11AS");
    assert_eq!(order.amount, 460);
    let charges = charges_of(order);
    let oxxo = cash_of(&charges[0].payment_method);
    assert_eq!(oxxo.type_, Some(models::PaymentMethodType::Oxxo));
    assert!(
        oxxo.reference.as_deref().is_some_and(|r| !r.is_empty()),
        "an OXXO charge has a reference"
    );

    // A cash (OXXO) order.
    let oxxo_method = models::PaymentMethodGeneralRequest::builder()
        .type_("cash")
        .expires_at(1_683_232_092);
    let cash_order = api
        .ok(c.orders().create_order(order_request(
            customer_id_info("cus_2tKcHxhTz7xU5SymF"),
            oxxo_method,
        )))
        .await;
    assert_eq!(cash_order.id, "ord_2tTirxDJEFDe8NUAN");
    assert_eq!(cash_order.object, "order");
    assert_eq!(cash_order.amount, 2000);
    assert_eq!(
        cash_order.payment_status,
        Some(models::PaymentStatus::PendingPayment)
    );
    let info = cash_order.customer_info.as_ref().expect("customer_info");
    assert_eq!(info.customer_id.as_deref(), Some("cus_2tKcHxhTz7xU5SymF"));
    // The fixture echoes the request's metadata back.
    let contact = cash_order
        .shipping_contact
        .as_ref()
        .expect("shipping_contact");
    assert_eq!(contact.metadata, Some(json_object(&[("gift", "no")])));
    let fiscal = cash_order.fiscal_entity.as_ref().expect("fiscal_entity");
    assert_eq!(fiscal.metadata, Some(json_object(&[("regime", "601")])));
    assert_eq!(fiscal.email.as_deref(), Some("billing@example.com"));
    assert_eq!(fiscal.address.external_number, "string");
    let charges = charges_of(&cash_order);
    assert_eq!(charges.len(), 1);
    assert_eq!(charges[0].id, "6402464645f9e8000165c2ca");
    assert_eq!(charges[0].amount, 2000);
    let oxxo = cash_of(&charges[0].payment_method);
    assert_eq!(oxxo.object, "cash_payment");
    assert_eq!(oxxo.reference.as_deref(), Some("93000262280678"));
    assert_eq!(oxxo.store_name.as_deref(), Some("OXXO"));
    assert_eq!(oxxo.expires_at, Some(Timestamp::from(1_683_232_092)));
    let products = data(
        cash_order.line_items.clone().expect("line_items").data,
        "cash order line items",
    );
    assert_eq!(
        products[0].id.as_deref(),
        Some("line_item_2tTirxDJEFDe8NUAJ")
    );
    assert_eq!(products[0].unit_price, 2000);

    // A card order: decodes as the card variant, not the first (cash) one.
    let card_method = models::PaymentMethodGeneralRequest::builder()
        .type_("card")
        .token_id("tok_test_visa_4242");
    let card_order = api
        .ok(c.orders().create_order(order_request(
            models::OrderCustomerInfo::CustomerInfo(
                models::CustomerInfo::builder()
                    .name("frane amas")
                    .email("Dominic.Franecki@gmail.com")
                    .phone("3143159054")
                    .build()
                    .expect("a customer info"),
            ),
            card_method,
        )))
        .await;
    assert_eq!(card_order.id, "ord_2znsF4cv7L8sWnRya");
    assert_eq!(card_order.amount, 10000);
    assert_eq!(card_order.payment_status, Some(models::PaymentStatus::Paid));
    let charges = charges_of(&card_order);
    let card = card_of(&charges[0].payment_method);
    assert_eq!(card.object, "card_payment");
    assert_eq!(card.last4, "4242");
    assert_eq!(card.brand, models::CardBrand::Visa);
    assert_eq!(card.auth_code.as_deref(), Some("582483"));
    assert_eq!(charges[0].status, models::PaymentStatus::Paid);

    // Orders by id: card, bank transfer (SPEI), card with discounts.
    let by_id = api
        .ok(c.orders().get_order_by_id("ord_2znsJ8YNbNoDDsN3p"))
        .await;
    assert_eq!(by_id.id, "ord_2znsJ8YNbNoDDsN3p");
    assert_eq!(by_id.amount, 100_000);
    let charges = charges_of(&by_id);
    assert_eq!(card_of(&charges[0].payment_method).last4, "4242");

    let spei_order = api
        .ok(c.orders().get_order_by_id("ord_2zqnvjdK1zyFYp6c2"))
        .await;
    assert_eq!(spei_order.id, "ord_2zqnvjdK1zyFYp6c2");
    assert_eq!(
        spei_order.payment_status,
        Some(models::PaymentStatus::Expired)
    );
    let charges = charges_of(&spei_order);
    let spei = spei_of(&charges[0].payment_method);
    assert_eq!(spei.type_, Some(models::PaymentMethodType::Spei));
    assert_eq!(spei.clabe.as_deref(), Some("734180008033435128"));
    assert_eq!(spei.bank.as_deref(), Some("FINCO PAY"));
    let checkout = spei_order.checkout.as_ref().expect("a checkout");
    assert_eq!(checkout.id, "5b337dff-035d-4707-aaad-ce406a2b397a");

    let discounted = api
        .ok(c.orders().get_order_by_id("ord_2znsF4cv7L8s3452"))
        .await;
    let discounts = data(
        discounted
            .discount_lines
            .clone()
            .expect("discount_lines")
            .data,
        "order discount lines",
    );
    assert_eq!(discounts[0].id, "dis_lin_2znsJ8YNbNoDDsN3p");
    assert_eq!(discounts[0].amount, 1000);

    let change = models::OrderUpdate::builder().currency("MXN");
    let updated = api
        .ok(c.orders().update_order("ord_2tVPCGRXnMXKdvcsj", change))
        .await;
    assert_eq!(updated.id, "ord_2tVPCGRXnMXKdvcsj");
    assert_eq!(updated.amount, 82000);
    let products = data(
        updated.line_items.clone().expect("line_items").data,
        "updated order line items",
    );
    assert_eq!(products[0].quantity, 2);
    assert_eq!(products[0].unit_price, 41000);

    let canceled = api
        .ok(c.orders().cancel_order("ord_2tqaGQYZyvBsMKEgs"))
        .await;
    assert_eq!(canceled.id, "ord_2tqaGQYZyvBsMKEgs");
    assert_eq!(
        canceled.payment_status,
        Some(models::PaymentStatus::Canceled)
    );
    let charges = charges_of(&canceled);
    assert_eq!(charges[0].status, models::PaymentStatus::Canceled);
    assert_eq!(
        cash_of(&charges[0].payment_method).reference.as_deref(),
        Some("93000262285701")
    );

    let captured = api
        .ok(c.orders().capture_order("ord_2tVKoTd79XK1GqJme"))
        .await;
    assert_eq!(captured.id, "ord_2tVKoTd79XK1GqJme");
    assert_eq!(captured.payment_status, Some(models::PaymentStatus::Paid));
    let charges = charges_of(&captured);
    assert_eq!(charges[0].amount, 40000);
    assert_eq!(card_of(&charges[0].payment_method).last4, "4607");

    let refunded = api
        .ok(c.orders().refund_order(
            "ord_2tV52JvSom2w3E8bX",
            models::OrderRefundRequest::builder()
                .amount(15000)
                .reason("requested_by_client"),
        ))
        .await;
    let refund_canceled = api
        .ok(c
            .orders()
            .cancel_order_refund("ord_2tV52JvSom2w3E8bX", "6407b5bee1329a000175ba11"))
        .await;
    for (what, order) in [("refund", refunded), ("cancel refund", refund_canceled)] {
        assert_eq!(order.id, "ord_2tV52JvSom2w3E8bX", "{what}");
        assert_eq!(order.amount_refunded, Some(15000), "{what}");
        assert_eq!(
            order.payment_status,
            Some(models::PaymentStatus::PartiallyRefunded),
            "{what}"
        );
        let charges = charges_of(&order);
        let refunds = charges[0].refunds();
        assert!(!refunds.is_empty(), "{what}: refunds");
        assert_eq!(refunds[0].id, "6407b5bee1329a000175ba11", "{what}");
        assert_eq!(refunds[0].amount, -15000, "{what}");
        assert_eq!(refunds[0].object, "refund", "{what}");
    }

    api.assert_sent(ORDERS);
}

#[tokio::test]
async fn order_lines() {
    let api = Api::new();
    let c = &api.client;
    let order = "ord_2tVyWPnCPWbrV37mW";

    // Discount lines.
    let lines = api.ok(c.discounts().get_order_discount_lines(order)).await;
    assert_eq!(lines.object, "list");
    let lines = data(lines.data, "ordersGetDiscountLines");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].id, "dis_lin_2tVyahK8Nts7rKRMZ");
    assert_eq!(lines[0].parent_id, order);
    let created = api
        .ok(c.discounts().create_order_discount_line(
            order,
            models::OrderDiscountLinesRequest::builder()
                .amount(500)
                .code("123")
                .type_("loyalty"),
        ))
        .await;
    assert_eq!(created.id, "dis_lin_2tVyahK8Nts7rKRMZ");
    assert_eq!((created.amount, created.code.as_str()), (500, "123"));
    assert_eq!(created.object, "discount_line");
    let one = api
        .ok(c
            .discounts()
            .get_order_discount_line("ord_2tkwrBmcvGnA9zdU9", "dis_lin_2tkwrBmcvGnA9zdU6"))
        .await;
    assert_eq!(one.id, "dis_lin_2tkwrBmcvGnA9zdU6");
    assert_eq!(one.parent_id, "ord_2tkwrBmcvGnA9zdU9");
    assert_eq!((one.type_.as_str(), one.amount), ("coupon", 500));
    let change = models::UpdateOrderDiscountLinesRequest::builder().amount(100);
    let updated = api
        .ok(c
            .discounts()
            .update_order_discount_line(order, "dis_lin_2tVyahK8Nts7rKRMZ", change))
        .await;
    let deleted = api
        .ok(c
            .discounts()
            .delete_order_discount_line(order, "dis_lin_2tVyahK8Nts7rKRMZ"))
        .await;
    for line in [updated, deleted] {
        assert_eq!(line.id, "dis_lin_2tVyahK8Nts7rKRMZ");
        assert_eq!((line.amount, line.code.as_str()), (100, "trac"));
    }

    // Products (line items).
    let created = api
        .ok(c.products().create_order_line_item(
            order,
            models::Product::builder()
                .name("Pago Mensualidad test")
                .quantity(1)
                .unit_price(1000),
        ))
        .await;
    assert_eq!(created.id.as_deref(), Some("line_item_2tVz8UkyWhSxLfUd7"));
    assert_eq!(created.name, "Pago Mensualidad test");
    assert_eq!(created.object.as_deref(), Some("line_item"));
    let change = models::UpdateProduct::builder().name("Pago Mensualidad");
    let updated = api
        .ok(c
            .products()
            .update_order_line_item(order, "line_item_2tVz8UkyWhSxLfUd7", change))
        .await;
    let deleted = api
        .ok(c
            .products()
            .delete_order_line_item(order, "line_item_2tVz8UkyWhSxLfUd7"))
        .await;
    for product in [updated, deleted] {
        assert_eq!(product.id.as_deref(), Some("line_item_2tVz8UkyWhSxLfUd7"));
        assert_eq!(product.name, "Pago Mensualidad");
        assert_eq!((product.unit_price, product.quantity), (1000, 1));
        assert_eq!(product.parent_id.as_deref(), Some(order));
        assert_eq!(product.tags.as_ref().map(Vec::len), Some(2));
    }

    // Shipping lines.
    let created = api
        .ok(c
            .shippings()
            .create_order_shipping_line(order, models::ShippingRequest::builder().amount(100)))
        .await;
    assert_eq!(created.amount, 100);
    assert_eq!(created.id.as_deref(), Some("ship_lin_2tVzNuDGSaDwreMg6"));
    let updated = api
        .ok(c.shippings().update_order_shipping_line(
            order,
            "ship_lin_2tVzNuDGSaDwreMg6",
            models::ShippingRequest::builder().amount(540),
        ))
        .await;
    let deleted = api
        .ok(c
            .shippings()
            .delete_order_shipping_line(order, "ship_lin_2tVzNuDGSaDwreMg6"))
        .await;
    for line in [updated, deleted] {
        assert_eq!(line.id.as_deref(), Some("ship_lin_2tVzNuDGSaDwreMg6"));
        assert_eq!(line.amount, 540);
        assert_eq!(line.object.as_deref(), Some("shipping_line"));
        assert_eq!(line.parent_id.as_deref(), Some(order));
    }

    // Tax lines.
    let created = api
        .ok(c.taxes().create_order_tax_line(
            order,
            models::OrderTaxRequest::builder()
                .amount(100)
                .description("test postman"),
        ))
        .await;
    assert_eq!(created.id, "tax_lin_2tVzVp6AAptCRHhgt");
    assert_eq!(created.amount, 100);
    let change = models::OrdersUpdateTaxesRequest::builder().amount(99);
    let updated = api
        .ok(c
            .taxes()
            .update_order_tax_line(order, "tax_lin_2tVzVp6AAptCRHhgt", change))
        .await;
    let deleted = api
        .ok(c
            .taxes()
            .delete_order_tax_line(order, "tax_lin_2tVzVp6AAptCRHhgt"))
        .await;
    for line in [updated, deleted] {
        assert_eq!(line.id, "tax_lin_2tVzVp6AAptCRHhgt");
        assert_eq!(
            (line.amount, line.description.as_str()),
            (99, "test postman")
        );
        assert_eq!(line.metadata, Some(json_object(&[("key", "value")])));
    }

    api.assert_sent(ORDER_LINES);
}

// ---------------------------------------------------------------------------------------
// Charges
// ---------------------------------------------------------------------------------------

fn charge_request(
    payment_method: models::PaymentMethodGeneralRequestBuilder,
) -> models::ChargeRequestBuilder {
    models::ChargeRequest::builder()
        .payment_method(models::ChargeRequestPaymentMethod::General(
            payment_method.build().expect("a general payment method"),
        ))
        .amount(40000)
}

fn card_order_response(method: &models::ChargeResponsePaymentMethod) -> &models::PaymentMethodCard {
    match method {
        models::ChargeResponsePaymentMethod::CardPayment(card) => card,
        other => panic!("expected a card payment, decoded {other:#?}"),
    }
}

#[tokio::test]
async fn charges() {
    let api = Api::new();
    let c = &api.client;

    let page = api.ok(c.charges().get_charges().limit(20)).await;
    assert_eq!(page.object, "list");
    assert!(page.has_more);
    let charges = data(page.data, "getCharges");
    assert_eq!(charges.len(), 20);
    let counts = charges.iter().fold([0; 3], |mut n, charge| {
        match &charge.payment_method {
            models::ChargeResponsePaymentMethod::CardPayment(_) => n[0] += 1,
            models::ChargeResponsePaymentMethod::CashPayment(_) => n[1] += 1,
            models::ChargeResponsePaymentMethod::BankTransferPayment(_) => n[2] += 1,
            other => panic!("charge {}: unexpected method {other:#?}", charge.id),
        }
        n
    });
    assert_eq!(counts, [10, 7, 3], "card, cash and SPEI charges");
    assert_eq!(charges[0].id, "64594a0195483a00189c2ad3");
    assert_eq!(charges[0].amount, 250_000);
    assert_eq!(
        cash_of(&charges[0].payment_method).reference.as_deref(),
        Some("93003547316416")
    );
    assert_eq!(
        spei_of(&charges[5].payment_method).clabe.as_deref(),
        Some("646021111870483040")
    );
    assert_eq!(card_of(&charges[7].payment_method).last4, "0526");

    let change = models::ChargeUpdateRequest::builder().reference_id("ref");
    let updated = api
        .ok(c
            .charges()
            .update_charge("6524722f28c7ba0016a5b17d", change))
        .await;
    assert_eq!(updated.id, "6524722f28c7ba0016a5b17d");
    assert_eq!(updated.amount, 18204);
    assert_eq!(updated.reference_id.as_deref(), Some("ref"));
    assert_eq!(updated.order_id.as_deref(), Some("ord_2uhgGEX62MnVuaKLS"));
    assert_eq!(
        updated
            .channel
            .as_ref()
            .and_then(|ch| ch.segment.as_deref()),
        Some("Checkout")
    );
    let oxxo = cash_of(&updated.payment_method);
    assert_eq!(oxxo.reference.as_deref(), Some("98000017167159"));
    assert_eq!(oxxo.service_name.as_deref(), Some("OxxoPay"));

    // A card charge decodes as the card variant.
    let card = models::PaymentMethodGeneralRequest::builder()
        .type_("card")
        .token_id("tok_test_visa_4242");
    let charge = api
        .ok(c
            .charges()
            .create_order_charge("ord_2tVKxbhNzfUnGjnXG", charge_request(card.clone())))
        .await;
    assert_eq!(charge.id, "6408bf90de4b8e000107449a");
    assert_eq!(charge.amount, 40000);
    assert_eq!(charge.status, models::PaymentStatus::PreAuthorized);
    let method = card_order_response(&charge.payment_method);
    assert_eq!(method.last4, "4607");
    assert_eq!(method.brand, models::CardBrand::Mastercard);

    // Monthly installments.
    let card = card.monthly_installments(3);
    let msi = api
        .ok(c
            .charges()
            .create_order_charge("ord_2uiGPHDV6Zzribeqy", charge_request(card)))
        .await;
    assert_eq!(msi.monthly_installments, Some(3));
    assert_eq!(msi.amount, 58000);
    assert_eq!(card_order_response(&msi.payment_method).last4, "4242");

    // A SPEI charge exposes the CLABE to pay into.
    let spei = api
        .ok(c.charges().create_order_charge(
            "ord_2tVLUFrQBB4HKz1zj",
            charge_request(models::PaymentMethodGeneralRequest::builder().type_("spei")),
        ))
        .await;
    match &spei.payment_method {
        models::ChargeResponsePaymentMethod::BankTransferPayment(bank) => {
            assert_eq!(bank.clabe.as_deref(), Some("646180111805035472"));
            assert_eq!(bank.bank.as_deref(), Some("STP"));
            assert_eq!(bank.expires_at, Some(Timestamp::from(1_686_057_163)));
        }
        other => panic!("expected a bank transfer payment, decoded {other:#?}"),
    }
    assert_eq!(spei.status, models::PaymentStatus::PendingPayment);

    // An OXXO charge exposes the reference to pay at the store.
    let cash = api
        .ok(c.charges().create_order_charge(
            "ord_2tVL8dT1Hm3y3YiaN",
            charge_request(models::PaymentMethodGeneralRequest::builder().type_("cash")),
        ))
        .await;
    match &cash.payment_method {
        models::ChargeResponsePaymentMethod::CashPayment(oxxo) => {
            assert_eq!(oxxo.reference.as_deref(), Some("93000262280900"));
            assert_eq!(oxxo.type_, Some(models::PaymentMethodType::Oxxo));
            assert_eq!(oxxo.expires_at, Some(Timestamp::from(1_680_912_000)));
        }
        other => panic!("expected a cash payment, decoded {other:#?}"),
    }
    assert_eq!(cash.order_id.as_deref(), Some("ord_2tVL8dT1Hm3y3YiaN"));

    // Several cash charges at once.
    let added = api
        .ok(c.charges().add_order_charges(
            "ord_2wrW9arie9fUG4MfD",
            charge_request(models::PaymentMethodGeneralRequest::builder().type_("cash")),
        ))
        .await;
    assert_eq!(added.object, "list");
    let added = data(added.data, "ordersCreateCharges");
    assert!(added.len() >= 2, "several charges, got {}", added.len());
    for charge in &added {
        assert_eq!(charge.order_id.as_deref(), Some("ord_2wrW9arie9fUG4MfD"));
        assert_eq!(charge.amount, 12000);
        let cash = cash_of(&charge.payment_method);
        assert_eq!(cash.type_, Some(models::PaymentMethodType::Cash));
        assert!(
            cash.reference.as_deref().is_some_and(|r| !r.is_empty()),
            "charge {} has a reference",
            charge.id
        );
    }
    assert_eq!(added[0].id, "671bd3706f697900017f064e");
    let first = cash_of(&added[0].payment_method);
    assert_eq!(first.reference.as_deref(), Some("10701620447140537269"));
    assert_eq!(first.agreement.as_deref(), Some("2409992"));
    assert_eq!(first.product_type.as_deref(), Some("bbva_cash_in"));

    api.assert_sent(CHARGES);
}

// ---------------------------------------------------------------------------------------
// Checkouts (payment links)
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn checkouts() {
    let api = Api::new();
    let c = &api.client;

    let page = api.ok(c.payment_link().get_checkouts()).await;
    assert_eq!(page.object, "list");
    assert!(page.has_more);
    let links = data(page.data, "getCheckouts");
    assert_eq!(links.len(), 20);
    assert_eq!(links[0].id, "ff6918c6-5043-43b9-a7ec-d40d407d62c1");
    assert_eq!(links[0].object, "checkout");
    assert_eq!(links[0].type_, Some(models::CheckoutType::HostedPayment));

    let template = models::CheckoutOrderTemplate::builder()
        .currency("MXN")
        .line_items([models::Product::builder()
            .name("Red Wine")
            .quantity(10)
            .unit_price(1000)]);
    let link = models::Checkout::builder()
        .allowed_payment_methods(["cash", "card", "bank_transfer"])
        .expires_at(1_680_397_724)
        .name("Payment Link Name")
        .order_template(template)
        .recurrent(false)
        .type_("PaymentLink");
    let created = api.ok(c.payment_link().create_checkout(link)).await;
    assert_eq!(created.id, "e4bcbed2-194c-4540-a922-b6d7531925a3");
    assert_eq!(created.name, "Payment Link Name");
    assert_eq!(created.type_, Some(models::CheckoutType::PaymentLink));
    assert_eq!(created.recurrent, Some(false));
    assert_eq!(created.status, models::CheckoutStatus::Issued);
    assert_eq!(
        created.allowed_payment_methods.as_deref(),
        Some(
            &[
                models::CheckoutPaymentMethod::Cash,
                models::CheckoutPaymentMethod::Card,
                models::CheckoutPaymentMethod::BankTransfer
            ][..]
        )
    );

    let one = api
        .ok(c
            .payment_link()
            .get_checkout("bac0ed14-9d58-4d9b-9e80-e117c7a40bca"))
        .await;
    assert_eq!(one.id, "bac0ed14-9d58-4d9b-9e80-e117c7a40bca");
    assert_eq!(one.status, models::CheckoutStatus::Expired);
    assert_eq!(one.monthly_installments_enabled, Some(true));
    assert_eq!(
        one.monthly_installments_options.as_ref().map(Vec::len),
        Some(4)
    );

    let canceled = api
        .ok(c
            .payment_link()
            .cancel_checkout("c7734ada-e1e9-4b22-90f6-b80a1b2006d4"))
        .await;
    assert_eq!(canceled.id, "c7734ada-e1e9-4b22-90f6-b80a1b2006d4");
    assert_eq!(canceled.status, models::CheckoutStatus::Cancelled);
    assert_eq!(canceled.payments_limit_count, Some(5));

    let emailed = api
        .ok(c.payment_link().send_checkout_email(
            "102bdf5c-3ee6-48ec-a9ff-40ec6f5f054b",
            models::EmailCheckoutRequest::builder().email("customer@example.com"),
        ))
        .await;
    assert_eq!(emailed.id, "102bdf5c-3ee6-48ec-a9ff-40ec6f5f054b");
    assert_eq!((emailed.emails_sent, emailed.sms_sent), (Some(1), Some(0)));

    let texted = api
        .ok(c.payment_link().send_checkout_sms(
            "ce1076bb-5ee6-4d08-a0e2-ec0bfbc49883",
            models::SmsCheckoutRequest::builder().phonenumber("5555555555"),
        ))
        .await;
    assert_eq!(texted.id, "ce1076bb-5ee6-4d08-a0e2-ec0bfbc49883");
    assert_eq!((texted.emails_sent, texted.sms_sent), (Some(0), Some(1)));

    api.assert_sent(CHECKOUTS);
}

// ---------------------------------------------------------------------------------------
// Account: antifraud, API keys, balance, companies
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn antifraud() {
    let api = Api::new();
    let c = &api.client;

    let whitelist = api.ok(c.antifraud().get_rule_whitelist()).await;
    assert_eq!(whitelist.object, "list");
    let rules = data(whitelist.data, "GetRuleWhitelist");
    assert_eq!(rules.len(), 25);
    assert_eq!(rules[0].id.as_deref(), Some("618c3f2fdb8b8da9be376af8"));
    assert_eq!(rules[0].field.as_deref(), Some("email"));
    assert_eq!(rules[0].value.as_deref(), Some("samo_ortiz@hotmail.com"));

    let created = api
        .ok(c.antifraud().create_rule_whitelist().body(
            models::CreateRuleWhitelistRequest::builder()
                .description("test description")
                .field("email")
                .value("fcarrero@gmail.com"),
        ))
        .await;
    assert_eq!(created.id.as_deref(), Some("618c3f30db8b8da9be376b17"));
    assert_eq!(created.value.as_deref(), Some("fcarrero@gmail.com"));
    assert_eq!(
        created.extra.get("type"),
        Some(&serde_json::json!("Whitelist"))
    );

    let deleted = api
        .ok(c
            .antifraud()
            .delete_rule_whitelist("618c3f2fdb8b8da9be376afe"))
        .await;
    assert_eq!(deleted.id.as_deref(), Some("618c3f2fdb8b8da9be376afe"));
    assert_eq!(deleted.value.as_deref(), Some("ramirez_2402@hotmail.com"));

    let blacklist = api.ok(c.antifraud().get_rule_blacklist()).await;
    let rules = data(blacklist.data, "GetRuleBlacklist");
    assert_eq!(rules.len(), 25);
    assert_eq!(rules[0].id.as_deref(), Some("618c3f2fdb8b8da9be376afa"));
    assert_eq!(rules[0].is_global, Some(false));

    let created = api
        .ok(c.antifraud().create_rule_blacklist(
            models::CreateRuleWhitelistRequest::builder()
                .description("test description")
                .field("email")
                .value("fcarrero_black@gmail.com"),
        ))
        .await;
    assert_eq!(created.id.as_deref(), Some("618c3f2fdb8b8da9be376afa"));
    assert_eq!(created.value.as_deref(), Some("fcarrero_black@gmail.com"));
    assert_eq!(created.extra.get("decision"), Some(&serde_json::json!("D")));

    let deleted = api
        .ok(c
            .antifraud()
            .delete_rule_blacklist("618c3f30db8b8da9be376b1e"))
        .await;
    assert_eq!(deleted.id.as_deref(), Some("618c3f30db8b8da9be376b1e"));
    assert_eq!(deleted.value.as_deref(), Some("aita_lv@hotmail.com"));

    api.assert_sent(ANTIFRAUD);
}

#[tokio::test]
async fn api_keys_and_balance() {
    let api = Api::new();
    let c = &api.client;
    let key_id = "64625cc9f3e02c00163f5e4d";

    let keys = api.ok(c.api_keys().get_api_keys().limit(20)).await;
    assert!(!keys.has_more);
    let keys = data(keys.data, "getApiKeys");
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].id.as_deref(), Some(key_id));
    assert_eq!(keys[0].prefix.as_deref(), Some("key_rp"));

    let request = models::ApiKeyRequest::builder()
        .role("private")
        .description("online store");
    let created = api.ok(c.api_keys().create_api_key(request)).await;
    assert_eq!(created.id.as_deref(), Some(key_id));
    assert_eq!(
        created.authentication_token.as_deref(),
        Some("key_rpHzxufNgjFCdprEEFZRTKi")
    );
    assert_eq!(created.role.as_deref(), Some("private"));

    let key = api.ok(c.api_keys().get_api_key(key_id)).await;
    assert_eq!(key.id.as_deref(), Some(key_id));
    assert_eq!(key.object.as_deref(), Some("api_key"));
    assert_eq!(key.active, Some(true));

    let change = models::ApiKeyUpdateRequest::builder().active(true);
    let updated = api
        .ok(c.api_keys().update_api_key(key_id).body(change))
        .await;
    assert_eq!(updated.id.as_deref(), Some(key_id));
    assert_eq!(updated.description.as_deref(), Some("online store"));

    let deleted = api.ok(c.api_keys().delete_api_key(key_id)).await;
    assert_eq!(deleted.id.as_deref(), Some(key_id));
    assert_eq!(deleted.deleted, Some(true));

    let balance = api.ok(c.balances().get_balance()).await;
    let amount = |list: &Option<Vec<models::BalanceCommonFielsResponse>>| {
        let list = list.as_ref().expect("a balance list");
        (list[0].amount, list[0].currency.clone())
    };
    assert_eq!(
        amount(&balance.available),
        (Some(413_343), Some("MXN".into()))
    );
    assert_eq!(amount(&balance.retained), (Some(688), Some("MXN".into())));
    assert_eq!(
        amount(&balance.retention_amount),
        (Some(100_000), Some("MXN".into()))
    );
    assert_eq!(balance.gateway.as_deref(), Some(&[][..]));
    assert_eq!(
        balance.target_collateral_amount,
        Some(serde_json::Map::new())
    );

    api.assert_sent(API_KEYS_AND_BALANCE);
}

#[tokio::test]
async fn companies() {
    let api = Api::new();
    let c = &api.client;

    let page = api.ok(c.companies().get_companies()).await;
    assert_eq!(page.object, "list");
    let companies = data(page.data, "getCompanies");
    assert_eq!(companies[0].id, "6441bb27659a060465da7335");
    assert_eq!(companies[0].name, "Child Company A");

    let company = api
        .ok(c.companies().get_company("6441bb27659a060465da7335"))
        .await;
    assert_eq!(company.id, "6441bb27659a060465da7335");
    assert_eq!(company.object, "company");
    assert_eq!(company.created_at, Timestamp::from(1_680_397_724));
    assert_eq!(
        company.parent_company_id.as_deref(),
        Some("6441bb3c62db5812e7920c31")
    );
    // The fixture omits `active` and `account_status`.
    assert_eq!(company.active, None);
    assert_eq!(company.account_status, None);

    api.assert_sent(COMPANIES);
}

// ---------------------------------------------------------------------------------------
// Events, logs, money movements, plans, tokens, webhooks
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn events_and_logs() {
    let api = Api::new();
    let c = &api.client;

    let page = api.ok(c.events().get_events()).await;
    assert!(page.has_more);
    let events = data(page.data, "getEvents");
    assert_eq!(events.len(), 20);
    assert_eq!(events[0].id, "63fe3d2ddf70970001cfb41a");
    assert_eq!(events[0].event_type, conekta_sdk::EventType::WebhookPing);
    assert_eq!(events[0].event_type.as_str(), "webhook_ping");

    let event = api
        .ok(c.events().get_event("63fe3d2ddf70970001cfb41a"))
        .await;
    assert_eq!(event.id, "63fe3d2ddf70970001cfb41a");
    assert_eq!(event.extra.get("object"), Some(&serde_json::json!("event")));
    assert_eq!(event.webhook_status.as_deref(), Some("successful"));
    let logs = event.webhook_logs.expect("webhook logs");
    assert_eq!(logs[0].id.as_deref(), Some("webhl_2tSipZiQaZ1DLH33n"));
    assert_eq!(logs[0].last_http_response_status, Some(200));
    assert_eq!(
        event.data.extra.get("action"),
        Some(&serde_json::json!("ping"))
    );

    let resent = api
        .ok(c.events().resend_event(
            "6463d6e35a4c3e001819e761",
            models::ResendEventRequest::builder().webhooks_ids(["641b1d5662d7e00001eaa46b"]),
        ))
        .await;
    assert_eq!(resent.id.as_deref(), Some("webhl_2svd2sh6GbqzyWBNZ"));
    assert_eq!(resent.failed_attempts, Some(6));
    assert_eq!(resent.last_http_response_status, Some(405));

    let page = api.ok(c.logs().get_logs().limit(20)).await;
    assert_eq!(page.has_more, Some(true));
    let logs = data(page.data, "getLogs");
    assert_eq!(logs.len(), 20);
    assert_eq!(logs[0].id.as_deref(), Some("6419dd15b985080001fc280e"));

    let log = api
        .ok(c.logs().get_log_by_id("6419dd15b985080001fc280e"))
        .await;
    assert_eq!(log.id, "6419dd15b985080001fc280e");
    assert_eq!(log.method.as_deref(), Some("GET"));
    assert_eq!(log.status.as_deref(), Some("200"));
    assert_eq!(log.url.as_deref(), Some("/events/63fe3d2ddf70970001cfb41a"));
    let headers = log.request_headers.expect("request headers");
    assert_eq!(
        headers.get("Accept").map(String::as_str),
        Some("application/vnd.conekta-v2.3.0+json")
    );
    assert_eq!(
        log.response_body.as_ref().and_then(|b| b.get("id")),
        Some(&serde_json::json!("63fe3d2ddf70970001cfb41a"))
    );

    api.assert_sent(EVENTS_AND_LOGS);
}

#[tokio::test]
async fn money_movements() {
    let api = Api::new();
    let c = &api.client;

    let page = api.ok(c.payout_orders().get_payout_orders()).await;
    assert!(!page.has_more);
    let payouts = data(page.data, "getPayoutOrders");
    assert_eq!(payouts.len(), 14);
    assert_eq!(payouts[0].id, "f2654d66-d740-457a-9a8c-f96b5196f44e");
    assert_eq!(payouts[0].object, "payout_order");

    let request = models::PayoutOrderRequest::builder()
        .allowed_payout_methods(["cashout"])
        .amount(3000)
        .currency("MXN")
        .customer_info(
            models::CustomerInfoCustomerId::builder().customer_id("cus_2vE4xnYczpRRVPKfU"),
        )
        .expires_at(1_706_983_546)
        .payout(
            models::Payout::builder()
                .payout_method(models::PayoutMethod::builder().type_("cashout")),
        )
        .reason("Referencia de retiro en efectivo");
    let created = api.ok(c.payout_orders().create_payout_order(request)).await;
    assert_eq!(created.id, "a2a1732a-4f0c-4fda-9dc7-efeec9be044b");
    assert_eq!(created.amount, 3000);
    assert_eq!(created.status, models::PayoutOrderStatus::Open);
    assert_eq!(created.customer_info.id, "cus_2vE4xnYczpRRVPKfU");
    assert_eq!(created.payouts.len(), 1);
    assert_eq!(created.payouts[0].id, "payout_2vME4PZPvj2ktQe5B");
    assert_eq!(
        created.payouts[0].payout_order_id.as_deref(),
        Some("a2a1732a-4f0c-4fda-9dc7-efeec9be044b")
    );

    // This fixture answers 200 only when the request carries an `Authorization` header.
    let one = api
        .ok(c
            .payout_orders()
            .get_payout_order_by_id("f2654d66-d740-457a-9a8c-f96b5196f44e"))
        .await;
    assert_eq!(one.id, "f2654d66-d740-457a-9a8c-f96b5196f44e");
    assert_eq!(one.customer_info.name.as_deref(), Some("Juanito José"));
    assert_eq!(one.payouts[0].amount, 3000);

    let page = api.ok(c.transactions().get_transactions().limit(2)).await;
    assert!(page.has_more);
    let transactions = data(page.data, "getTransactions");
    assert_eq!(transactions.len(), 2);
    assert_eq!(transactions[0].id, "644acceb0a49bb001b2a04aa");
    assert_eq!(
        (
            transactions[0].amount,
            transactions[0].fee,
            transactions[0].net
        ),
        (1000, 560, 440)
    );

    let transaction = api
        .ok(c.transactions().get_transaction("6456b6dfac0fd40001a64eb8"))
        .await;
    assert_eq!(transaction.id, "6456b6dfac0fd40001a64eb8");
    assert_eq!(transaction.charge, "6456b6dcac0fd40001a64e9e");
    assert_eq!(
        (transaction.amount, transaction.fee, transaction.net),
        (10000, 14268, -4268)
    );
    assert_eq!(transaction.type_, "capture");

    let page = api.ok(c.transfers().get_transfers().limit(5)).await;
    assert!(page.has_more);
    let transfers = data(page.data, "getTransfers");
    assert_eq!(transfers.len(), 5);
    assert_eq!(transfers[0].id.as_deref(), Some("64462930651b2600017b6d43"));
    assert_eq!(transfers[0].amount, Some(3644));

    let transfer = api
        .ok(c.transfers().get_transfer("64462930651b2600017b6d43"))
        .await;
    assert_eq!(transfer.id.as_deref(), Some("64462930651b2600017b6d43"));
    assert_eq!(transfer.amount, Some(3644));
    assert_eq!(transfer.status, Some(models::TransferStatus::Pending));
    let destination = transfer.destination.expect("a destination");
    assert_eq!(destination.type_.as_deref(), Some("bank_transfer"));
    assert_eq!(
        destination.payee_id.as_deref(),
        Some("payee_2qJLL3ruTBAa39LAZ")
    );

    api.assert_sent(MONEY_MOVEMENTS);
}

#[tokio::test]
async fn plans() {
    let api = Api::new();
    let c = &api.client;
    let plan_id = "plan_2tZb5q8Z3PYpg6SJd";

    let page = api.ok(c.plans().get_plans()).await;
    let plans = data(page.data, "getPlans");
    assert_eq!(plans.len(), 10);
    assert_eq!(plans[0].id, plan_id);
    assert_eq!(plans[1].id, "testplan79");

    let created = api
        .ok(c.plans().create_plan(
            models::PlanRequest::builder()
                .amount(10000)
                .frequency(1)
                .interval(models::PlanInterval::Week)
                .name("Gold Plan"),
        ))
        .await;
    let fetched = api.ok(c.plans().get_plan(plan_id)).await;
    for plan in [created, fetched] {
        assert_eq!(plan.id, plan_id);
        assert_eq!(plan.name.as_deref(), Some("Gold Plan"));
        assert_eq!(plan.amount, 10000);
        assert_eq!(plan.interval, Some(models::PlanInterval::Week));
        assert_eq!(plan.frequency, Some(1));
        assert_eq!(plan.expiry_count, None);
    }

    let change = models::UpdatePlan::builder().name("updated name");
    let updated = api.ok(c.plans().update_plan(plan_id, change)).await;
    let deleted = api.ok(c.plans().delete_plan(plan_id)).await;
    for plan in [updated, deleted] {
        assert_eq!(plan.id, plan_id);
        assert_eq!(plan.name.as_deref(), Some("updated name"));
        assert_eq!(plan.object, "plan");
    }

    api.assert_sent(PLANS);
}

#[tokio::test]
async fn tokens() {
    let api = Api::new();
    let c = &api.client;

    let request = models::TokenRequest::builder().card(
        models::TokenRequestCard::builder()
            .cvc("198")
            .exp_month("12")
            .exp_year("2030")
            .name("Javier Pedreiro")
            .number("5475040095304607"),
    );
    let token = api.ok(c.tokens().create_token(request)).await;
    assert_eq!(token.id, "tok_2toPJUcZ27AH5LsZk");
    assert_eq!(token.object, "token");
    assert!(token.livemode);
    assert!(!token.used);
    assert_eq!(token.checkout, None);

    api.assert_sent(TOKENS);
}

#[tokio::test]
async fn webhooks() {
    let api = Api::new();
    let c = &api.client;
    let url = "https://webhook.site/0b8c9fa8-92c3-4a04-beea-a7ec037f6466";
    let hook_id = "641b1d5662d7e00001eaa46b";

    let page = api.ok(c.webhooks().get_webhooks()).await;
    let hooks = data(page.data, "getWebhooks");
    assert_eq!(hooks.len(), 2);
    assert_eq!(hooks[0].id, hook_id);
    assert_eq!(hooks[1].id, "634a2badd7cb3c00015dae78");

    let created = api
        .ok(c
            .webhooks()
            .create_webhook(models::WebhookRequest::builder().url(url)))
        .await;
    let fetched = api.ok(c.webhooks().get_webhook(hook_id)).await;
    for hook in [created, fetched] {
        assert_eq!(hook.id, hook_id);
        assert_eq!(hook.url.as_deref(), Some(url));
        assert_eq!(hook.status, models::WebhookStatus::Listening);
        let events = hook.subscribed_events.expect("subscribed events");
        assert_eq!(events.len(), 67);
        assert_eq!(events[0], "charge.created");
    }

    let change = models::UpdateWebhook::builder()
        .url("https://updated.webhook.site/0b8c9fa8-92c3-4a04-beea-a7ec037f6466");
    let updated = api.ok(c.webhooks().update_webhook(hook_id, change)).await;
    assert_eq!(updated.status, models::WebhookStatus::IntermittentErrors);
    assert_eq!(
        updated.url.as_deref(),
        Some("https://updated.webhook.site/0b8c9fa8-92c3-4a04-beea-a7ec037f6466")
    );
    let deleted = api.ok(c.webhooks().delete_webhook(hook_id)).await;
    let tested = api.ok(c.webhooks().test_webhook(hook_id)).await;
    for hook in [deleted, tested] {
        assert_eq!(hook.id, hook_id);
        assert_eq!(hook.extra.get("deleted"), Some(&serde_json::json!(true)));
    }

    let keys = api.ok(c.webhook_keys().get_webhook_keys().limit(2)).await;
    let keys = data(keys.data, "getWebhookKeys");
    let ids: Vec<Option<&str>> = keys.iter().map(|k| k.id.as_deref()).collect();
    assert_eq!(
        ids,
        [
            Some("645a5eb022e7da0001cad2a4"),
            Some("635594352a1979000185a36a")
        ]
    );

    let request = models::WebhookKeyRequest::builder().active(true);
    let created = api
        .ok(c.webhook_keys().create_webhook_key().body(request))
        .await;
    assert_eq!(created.id.as_deref(), Some("645a59da22e7da0001cad283"));
    assert_eq!(created.active, Some(true));
    assert!(
        created
            .public_key
            .as_deref()
            .is_some_and(|key| key.starts_with("-----BEGIN PUBLIC KEY-----")),
        "a PEM public key: {:?}",
        created.public_key
    );

    let key = api
        .ok(c.webhook_keys().get_webhook_key("645a5eb022e7da0001cad2a4"))
        .await;
    assert_eq!(key.id.as_deref(), Some("645a5eb022e7da0001cad2a4"));
    assert_eq!(key.active, Some(true));
    assert_eq!(key.object.as_deref(), Some("webhook_key"));

    let change = models::WebhookKeyRequest::builder().active(false);
    let updated = api
        .ok(c
            .webhook_keys()
            .update_webhook_key("645a613622e7da0001cad882")
            .body(change))
        .await;
    assert_eq!(updated.id.as_deref(), Some("645a613622e7da0001cad882"));
    assert_eq!(updated.active, Some(false));
    assert_eq!(updated.deactivated_at, Some(Timestamp::from(1_683_644_948)));

    let deleted = api
        .ok(c
            .webhook_keys()
            .delete_webhook_key("645a59da22e7da0001cad283"))
        .await;
    assert_eq!(deleted.id.as_deref(), Some("645a59da22e7da0001cad283"));
    assert_eq!(deleted.deleted, Some(true));
    assert_eq!(deleted.active, Some(false));

    api.assert_sent(WEBHOOKS);
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// The [`conekta_sdk::ApiError`] inside `err`, or a panic describing what it is instead.
fn api_error(err: &Error) -> &conekta_sdk::ApiError {
    match err {
        Error::Api(api) => api,
        other => panic!("expected Error::Api, got {other:#?}"),
    }
}

#[tokio::test]
async fn html_404_for_an_unrouted_operation() {
    let api = Api::new();
    // `PUT /payout_orders/{id}/cancel` has no route: Express answers its HTML 404 page.
    let err = api
        .fails(
            api.client
                .payout_orders()
                .cancel_payout_order_by_id("f2654d66-d740-457a-9a8c-f96b5196f44e"),
        )
        .await;
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    let api_err = api_error(&err);
    assert_eq!(api_err.operation, "cancelPayoutOrderById");
    assert!(api_err.body.is_none(), "an HTML page is no Conekta error");
    assert!(
        api_err.raw_body().contains("<html")
            && api_err
                .raw_body()
                .contains("Cannot PUT /payout_orders/f2654d66-d740-457a-9a8c-f96b5196f44e/cancel"),
        "raw body: {}",
        api_err.raw_body()
    );
    assert_eq!(
        api_err
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/html; charset=utf-8")
    );
    assert!(api_err.details().is_empty());
    assert_eq!(api_err.error_type(), None);
    api.assert_sent(&["cancelPayoutOrderById"]);
}

#[tokio::test]
async fn conekta_errors_are_decoded() {
    // No retries: the 500 below would otherwise be retried three times.
    let api = Api::with_client(
        Client::builder("key_test_dummy")
            .base_url(mock_url())
            .language(Language::Es)
            .retry_policy(RetryPolicy::none())
            .build()
            .expect("the client builds"),
    );
    let c = &api.client;

    // Without `Accept-Language: es`, `GET /charges` answers a 500 `api_error`.
    let err = api
        .fails(c.charges().get_charges().limit(20).language(Language::En))
        .await;
    let api_err = api_error(&err);
    assert_eq!(api_err.status.as_u16(), 500);
    assert_eq!(api_err.operation, "getCharges");
    assert_eq!(api_err.error_type(), Some(&models::ErrorType::ApiError));
    assert_eq!(api_err.log_id(), Some("641b6f2b3cd9a50001515098"));
    let details = api_err.details();
    assert_eq!(details.len(), 1);
    assert_eq!(
        details[0].code.as_deref(),
        Some("conekta.errors.api.system.general_failure")
    );
    assert_eq!(
        api_err.body.as_ref().and_then(|b| b.object.as_deref()),
        Some("error")
    );
    let shown = err.to_string();
    assert!(
        shown.contains("getCharges") && shown.contains("500") && shown.contains("api_error"),
        "{shown}"
    );

    // A declined card: 402 `processing_error`, with the declined order in `data`.
    let declined = order_request(
        customer_id_info("cus_2tKcHxhTz7xU5SymF2"),
        models::PaymentMethodGeneralRequest::builder().type_("cash"),
    );
    let err = api.fails(c.orders().create_order(declined)).await;
    let api_err = api_error(&err);
    assert_eq!(api_err.status.as_u16(), 402);
    assert_eq!(
        api_err.error_type(),
        Some(&models::ErrorType::ProcessingError)
    );
    assert_eq!(api_err.log_id(), Some("640751978bb237000129ebc5"));
    assert_eq!(
        api_err.details()[0].code.as_deref(),
        Some("conekta.errors.processing.charge.card_payment.suspicious_behaviour")
    );
    assert_eq!(
        api_err.details()[0].message.as_deref(),
        Some("Tu método de pago ha sido rechazado, intenta con otro método.")
    );
    let order = &api_err.body.as_ref().expect("a Conekta error body").extra["data"];
    assert_eq!(order["id"], "ord_2tUyQmZyykejbbw8m");
    assert_eq!(order["charges"]["data"][0]["status"], "declined");

    // An unknown order: 404 `resource_not_found_error`.
    let err = api
        .fails(c.orders().get_order_by_id("ord_2tUhuyzqLi6UJE9D12"))
        .await;
    let api_err = api_error(&err);
    assert_eq!(api_err.status.as_u16(), 404);
    assert_eq!(
        api_err.error_type(),
        Some(&models::ErrorType::ResourceNotFoundError)
    );
    assert_eq!(
        api_err.details()[0].code.as_deref(),
        Some("conekta.errors.resource_not_found.entity")
    );
    assert!(api_err.raw_body().contains("ord_2tUhuyzqLi6UJE9D12"));

    api.assert_sent(&["getCharges", "createOrder", "getOrderById"]);
}
