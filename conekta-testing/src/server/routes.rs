//! The route table: which store operation answers which request.
//!
//! The paths are Conekta's (API 2.2.0); `/_fake/…` are the fake's own, for
//! the simulated payers over HTTP (for tools that use the `conekta-fake`
//! binary). Every route needs the fake's key.

use std::sync::Arc;

use hyper::Method;
use serde::Deserialize;
use serde_json::Value;

use super::failure::ApiFailure;
use super::request::ApiRequest;
use crate::error::FakeError;
use crate::fake::Shared;
use crate::store::{Payer, Transition};

/// The body of `POST /_fake/cash_recurrent/{reference}/pay`.
#[derive(Deserialize)]
struct RecurrentPayment {
    /// Centavos.
    amount: i64,
}

/// Answers `request`: the JSON of a 200, or Conekta's error.
pub(crate) async fn dispatch(
    shared: &Arc<Shared>,
    request: &ApiRequest,
) -> Result<Value, ApiFailure> {
    request.authenticate(&shared.api_key)?;
    let segments = request.segments();
    let path: Vec<&str> = segments.iter().map(String::as_str).collect();
    let method = &request.method;

    // The routes that wait for webhooks to answer: not under the store's lock.
    match (method, path.as_slice()) {
        (&Method::POST, ["payment_test"]) => {
            let body = request.json()?;
            return crate::recurrent::payment_test(shared, body)
                .await
                .map_err(|err| failure(&err));
        }
        (&Method::POST, ["_fake", "orders", id, "pay_cash"]) => {
            return shared
                .pay(id, Payer::Cash)
                .await
                .map_err(|err| failure(&err));
        }
        (&Method::POST, ["_fake", "orders", id, "pay_spei"]) => {
            return shared
                .pay(id, Payer::Spei)
                .await
                .map_err(|err| failure(&err));
        }
        (&Method::POST, ["_fake", "cash_recurrent", reference, "pay"]) => {
            let RecurrentPayment { amount } = request.json()?;
            let outcome = crate::recurrent::pay(shared, reference, amount)
                .await
                .map_err(|err| failure(&err))?;
            return Ok(crate::recurrent::outcome_json(&outcome));
        }
        _ => {}
    }

    let mut store = shared.store();
    match (method, path.as_slice()) {
        // Customers and their payment sources.
        (&Method::GET, ["customers"]) => store.list_customers(&request.list_params(&[])?),
        (&Method::POST, ["customers"]) => store.create_customer(request.json()?),
        (&Method::GET, ["customers", id]) => store.customer(id).map(|customer| customer.to_json()),
        (&Method::PUT, ["customers", id]) => store.update_customer(id, request.json()?),
        (&Method::DELETE, ["customers", id]) => store.delete_customer(id),
        (&Method::GET, ["customers", id, "payment_sources"]) => {
            store.list_sources(id, &request.list_params(&[])?)
        }
        (&Method::POST, ["customers", id, "payment_sources"]) => {
            store.create_source(id, &request.json()?)
        }
        (&Method::DELETE, ["customers", id, "payment_sources", source]) => {
            store.delete_source(id, source)
        }

        // A customer's subscription (the singular routes act on the latest).
        (&Method::GET, ["customers", id, "subscription"]) => store.subscription(id, None),
        (&Method::POST, ["customers", id, "subscription"]) => store.subscribe(id, request.json()?),
        (&Method::PUT, ["customers", id, "subscription"]) => {
            store.update_subscription(id, None, request.json()?)
        }
        (&Method::POST, ["customers", id, "subscription", action]) => {
            store.transition_subscription(id, None, transition(action, &request.path)?)
        }
        (&Method::GET, ["customers", id, "subscription", "events"]) => {
            store.subscription_events(id, None, &request.list_params(&[])?)
        }
        (&Method::GET, ["customers", id, "subscriptions"]) => {
            store.list_subscriptions(id, &request.list_params(&[])?)
        }
        (&Method::POST, ["customers", id, "subscriptions"]) => store.subscribe(id, request.json()?),
        (&Method::GET, ["customers", id, "subscriptions", sub]) => {
            store.subscription(id, Some(sub))
        }
        (&Method::PUT, ["customers", id, "subscriptions", sub]) => {
            store.update_subscription(id, Some(sub), request.json()?)
        }
        (&Method::POST, ["customers", id, "subscriptions", sub, "retry"]) => {
            store.retry_subscription(id, sub)
        }
        (&Method::POST, ["customers", id, "subscriptions", sub, action]) => {
            store.transition_subscription(id, Some(sub), transition(action, &request.path)?)
        }
        (&Method::GET, ["customers", id, "subscriptions", sub, "events"]) => {
            store.subscription_events(id, Some(sub), &request.list_params(&[])?)
        }

        // Orders and charges.
        (&Method::GET, ["orders"]) => {
            let params = request.list_params(&["payment_status"])?;
            store.list_orders(&params, request.query("payment_status"))
        }
        (&Method::POST, ["orders"]) => store.create_order(request.json()?),
        (&Method::GET, ["orders", id]) => store.order(id),
        (&Method::POST, ["orders", id, "cancel"]) => store.cancel_order(id),
        (&Method::POST, ["orders", id, "refunds"]) => store.refund_order(id, request.json()?),
        (&Method::GET, ["charges"]) => store.list_charges(&request.list_params(&[])?),

        // Plans.
        (&Method::GET, ["plans"]) => store.list_plans(&request.list_params(&[])?),
        (&Method::POST, ["plans"]) => store.create_plan(request.json()?),
        (&Method::GET, ["plans", id]) => store.plan(id),
        (&Method::PUT, ["plans", id]) => store.update_plan(id, request.json()?),
        (&Method::DELETE, ["plans", id]) => store.delete_plan(id),

        // Webhook keys and webhooks.
        (&Method::GET, ["webhook_keys"]) => store.list_webhook_keys(&request.list_params(&[])?),
        (&Method::POST, ["webhook_keys"]) => store.create_webhook_key(request.optional_json()?),
        (&Method::GET, ["webhook_keys", id]) => store.webhook_key(id),
        (&Method::PUT, ["webhook_keys", id]) => {
            store.update_webhook_key(id, request.optional_json()?)
        }
        (&Method::DELETE, ["webhook_keys", id]) => store.delete_webhook_key(id),
        (&Method::GET, ["webhooks"]) => store.list_webhooks(&request.list_params(&[])?),
        (&Method::POST, ["webhooks"]) => store.create_webhook(request.json()?),
        (&Method::GET, ["webhooks", id]) => store.webhook(id),
        (&Method::PUT, ["webhooks", id]) => store.update_webhook(id, request.json()?),
        (&Method::DELETE, ["webhooks", id]) => store.delete_webhook(id),
        (&Method::POST, ["webhooks", id, "test"]) => store.test_webhook(id),

        // Events.
        (&Method::GET, ["events"]) => store.list_events(&request.list_params(&[])?),
        (&Method::GET, ["events", id]) => store.event(id),

        _ => Err(ApiFailure::no_route(method.as_str(), &request.path)),
    }
}

/// The subscription action at the end of `path`.
fn transition(action: &str, path: &str) -> Result<Transition, ApiFailure> {
    match action {
        "cancel" => Ok(Transition::Cancel),
        "pause" => Ok(Transition::Pause),
        "resume" => Ok(Transition::Resume),
        _ => Err(ApiFailure::no_route("POST", path)),
    }
}

/// A simulated payer's failure, answered over HTTP as Conekta would answer
/// the like.
fn failure(err: &FakeError) -> ApiFailure {
    match err {
        FakeError::UnknownOrder(id) => ApiFailure::not_found("Order", id),
        FakeError::UnknownReference(reference) => ApiFailure::not_found("PaymentSource", reference),
        FakeError::NotPayable { .. }
        | FakeError::NothingToReverse(_)
        | FakeError::NoRecurrentCashWebhook => ApiFailure::precondition(
            "conekta_testing.precondition",
            &err.to_string(),
            &err.to_string(),
        ),
        FakeError::MissingAmount => ApiFailure::invalid(
            "amount",
            "conekta.errors.parameter_validation.amount.missing",
            "El parámetro \"amount\" es requerido.",
            "The parameter \"amount\" is required.",
        ),
        FakeError::UnknownTestEvent(_) => ApiFailure::invalid(
            "event_type",
            "conekta.errors.parameter_validation.event_type",
            &err.to_string(),
            &err.to_string(),
        ),
        other => ApiFailure::internal(&other.to_string()),
    }
}
