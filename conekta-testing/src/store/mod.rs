//! The fake's state: every object the client creates, and the events their
//! changes emit. One [`Store`] per fake, behind a mutex that is never held
//! across an `await`.
//!
//! Objects are kept as the fake's own structs, in creation order, and rendered
//! as the JSON Conekta answers with (the shapes of Conekta's API fixtures).
//! Each submodule is one family of resources.

mod billing;
mod customers;
mod events;
mod hooks;
mod orders;

use serde_json::{Map, Value, json};
use tokio::sync::mpsc::UnboundedSender;

use crate::delivery::Job;
use crate::references::Ids;
use crate::server::failure::ApiFailure;
use billing::Plan;
use customers::{Customer, SourceKind};
use events::StoredEvent;
use hooks::{Webhook, WebhookKey};

pub(crate) use billing::Transition;
pub(crate) use customers::SANDBOX_BARCODE_URL;
pub(crate) use events::DeliveryResult;
pub(crate) use events::event_json;
pub(crate) use orders::{Order, Payer, SampleMethod};

/// Every object of one fake.
#[derive(Debug)]
pub(crate) struct Store {
    /// The fake's base URL, for list pages' `next_page_url`.
    base_url: String,
    ids: Ids,
    customers: Vec<Customer>,
    orders: Vec<Order>,
    plans: Vec<Plan>,
    webhook_keys: Vec<WebhookKey>,
    webhooks: Vec<Webhook>,
    events: Vec<StoredEvent>,
    /// Where emitted events go to be POSTed to the webhooks.
    deliveries: UnboundedSender<Job>,
}

impl Store {
    pub(crate) fn new(base_url: String, deliveries: UnboundedSender<Job>) -> Self {
        Self {
            base_url,
            ids: Ids::default(),
            customers: Vec::new(),
            orders: Vec::new(),
            plans: Vec::new(),
            webhook_keys: Vec::new(),
            webhooks: Vec::new(),
            events: Vec::new(),
            deliveries,
        }
    }

    /// The ids and references of this fake.
    pub(crate) fn ids(&self) -> &Ids {
        &self.ids
    }
}

/// The current time, Unix seconds.
pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        })
}

/// A nested list as Conekta renders one inside an object (`charges`,
/// `line_items`, `payment_sources`): no page URLs.
pub(crate) fn nested_list(data: Vec<Value>) -> Value {
    json!({
        "object": "list",
        "has_more": false,
        "total": data.len(),
        "data": data,
    })
}

/// A JSON object from a model serialised with serde (a request's part kept
/// as sent), with `extra` members added; `{}` if it is not an object.
pub(crate) fn object_of<T: serde::Serialize>(value: &T, extra: &[(&str, Value)]) -> Value {
    let mut object = match serde_json::to_value(value) {
        Ok(Value::Object(object)) => object,
        _ => Map::new(),
    };
    for (key, value) in extra {
        object.insert((*key).to_owned(), value.clone());
    }
    Value::Object(object)
}

/// The paging parameters of a list request.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListParams {
    /// Items per page, 1..=250 (default 20).
    pub(crate) limit: usize,
    /// Start after the item with this id.
    pub(crate) next: Option<String>,
    /// End before the item with this id.
    pub(crate) previous: Option<String>,
}

/// One page of `items` (newest first, as Conekta lists), with Conekta's
/// cursors: `next_page_url` carries `next=<id of the page's last item>` while
/// `has_more`, `previous_page_url` carries `previous=<id of its first item>`
/// when items come before it.
///
/// # Errors
/// 422 naming `next` or `previous` when the cursor is not an item of the list.
pub(crate) fn page<T>(
    items: &[&T],
    params: &ListParams,
    base_url: &str,
    path: &str,
    id: impl Fn(&T) -> &str,
    render: impl Fn(&T) -> Value,
) -> Result<Value, ApiFailure> {
    let position = |cursor: &str, param: &str| {
        items
            .iter()
            .position(|item| id(item) == cursor)
            .ok_or_else(|| {
                ApiFailure::invalid(
                    param,
                    &format!("conekta.errors.parameter_validation.{param}"),
                    &format!("El cursor \"{cursor}\" no pertenece a la lista."),
                    &format!("The cursor \"{cursor}\" is not an item of this list."),
                )
            })
    };
    let (start, end) = match (&params.next, &params.previous) {
        (Some(next), _) => {
            let start = position(next, "next")? + 1;
            (start, (start + params.limit).min(items.len()))
        }
        (None, Some(previous)) => {
            let end = position(previous, "previous")?;
            (end.saturating_sub(params.limit), end)
        }
        (None, None) => (0, params.limit.min(items.len())),
    };
    let shown = &items[start..end];
    let url = |cursor: &str, kind: &str| {
        format!("{base_url}{path}?limit={}&{kind}={cursor}", params.limit)
    };
    let next_page_url = match shown.last() {
        Some(last) if end < items.len() => Value::from(url(id(last), "next")),
        _ => Value::Null,
    };
    let previous_page_url = match shown.first() {
        Some(first) if start > 0 => Value::from(url(id(first), "previous")),
        _ => Value::Null,
    };
    Ok(json!({
        "object": "list",
        "has_more": end < items.len(),
        "total": items.len(),
        "next_page_url": next_page_url,
        "previous_page_url": previous_page_url,
        "data": shown.iter().map(|item| render(item)).collect::<Vec<_>>(),
    }))
}

/// Conekta refuses parameters it does not know (a 422 whitelist error):
/// checks the members of a request's `extra` (what the SDK's model does not
/// declare) against the few the fake accepts beyond the spec.
pub(crate) fn reject_undeclared(
    extra: &Map<String, Value>,
    accepted: &[&str],
) -> Result<(), ApiFailure> {
    match extra.keys().find(|key| !accepted.contains(&key.as_str())) {
        None => Ok(()),
        Some(key) => Err(ApiFailure::invalid(
            key,
            "conekta.errors.parameter_validation.whitelist",
            &format!("El parametro \"{key}\" no está permitido"),
            &format!("The \"{key}\" parameter is not allowed"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(page: &Value) -> Vec<&str> {
        page["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect()
    }

    #[test]
    fn pages_follow_cursors_both_ways() {
        let items: Vec<String> = (0..45).map(|i| format!("ord_{i:02}")).collect();
        let refs: Vec<&String> = items.iter().collect();
        let show = |params: &ListParams| {
            page(
                &refs,
                params,
                "http://127.0.0.1:1",
                "/orders",
                |s: &String| s.as_str(),
                |s| Value::from(s.as_str()),
            )
            .unwrap()
        };
        let limit = 20;
        let first = show(&ListParams {
            limit,
            ..ListParams::default()
        });
        assert_eq!(first["has_more"], true);
        assert_eq!(first["previous_page_url"], Value::Null);
        assert_eq!(
            first["next_page_url"],
            "http://127.0.0.1:1/orders?limit=20&next=ord_19"
        );
        let third = show(&ListParams {
            limit,
            next: Some("ord_39".into()),
            previous: None,
        });
        assert_eq!(
            ids(&third),
            ["ord_40", "ord_41", "ord_42", "ord_43", "ord_44"]
        );
        assert_eq!(third["has_more"], false);
        assert_eq!(third["next_page_url"], Value::Null);
        let back = show(&ListParams {
            limit,
            next: None,
            previous: Some("ord_40".into()),
        });
        assert_eq!(ids(&back).first(), Some(&"ord_20"));
        assert_eq!(ids(&back).len(), 20);
        let bad = page(
            &refs,
            &ListParams {
                limit,
                next: Some("nope".into()),
                previous: None,
            },
            "",
            "/orders",
            |s: &String| s.as_str(),
            |_| Value::Null,
        );
        assert_eq!(bad.unwrap_err().status(), 422);
    }
}
