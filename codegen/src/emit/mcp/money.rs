//! Which operations move money and where their amount is: the override table's
//! `mcp.money` (checked against the spec), and the method-and-path rule that checks
//! the table: an operation it flags that the table does not list stops the generation.

use super::schema::resolve;
use super::{arguments, body_arg};
use crate::Error;
use crate::ir::{Api, Operation, TypeDef, TypeKind, TypeRef};
use crate::overrides::{Mcp, Money};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Last literal path segments whose `POST` moves money: creating an order (with its
/// charges) or a payout order, capturing an authorized order, refunding one.
const MONEY_POST_TARGETS: &[&str] = &["orders", "payout_orders", "capture", "refunds"];

/// Words of a last literal path segment whose `POST` charges a payment (`charges`,
/// `add_charges`).
const MONEY_CHARGE_WORDS: &[&str] = &["charge", "charges"];

/// Path segments that name a subscription: creating, changing, resuming or retrying one bills.
const SUBSCRIPTION_SEGMENTS: &[&str] = &["subscription", "subscriptions"];

/// Last path segments of a subscription operation that bills when `POST`ed.
const SUBSCRIPTION_BILLING_ACTIONS: &[&str] = &["resume", "retry"];

/// The literal segments of a path template, without its parameters.
fn literal_segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter(|s| !s.is_empty() && !s.starts_with('{'))
}

/// Whether calling the operation can move real money: creating an order (which
/// carries its charges), a charge or a payout order; capturing or refunding an order;
/// creating, changing, resuming or retrying a subscription (each can bill the
/// customer). Decided from the method and the path's literal segments.
fn looks_like_money(op: &Operation) -> bool {
    let method = op.http_method.as_str();
    let target = op
        .path
        .split('/')
        .rev()
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    if target.starts_with('{') && method != "PUT" {
        return false;
    }
    let last = literal_segments(&op.path).last().unwrap_or_default();
    let on_subscription = literal_segments(&op.path).any(|s| SUBSCRIPTION_SEGMENTS.contains(&s));
    match method {
        "POST" => {
            MONEY_POST_TARGETS.contains(&last)
                || last.split('_').any(|w| MONEY_CHARGE_WORDS.contains(&w))
                || (on_subscription
                    && (SUBSCRIPTION_SEGMENTS.contains(&last)
                        || SUBSCRIPTION_BILLING_ACTIONS.contains(&last)))
        }
        "PUT" => on_subscription && SUBSCRIPTION_SEGMENTS.contains(&last),
        _ => false,
    }
}

/// The money-moving operations of the table, by operation id, each as `tools.json`
/// writes it: `{"why", "amount": [terms], "minus": [terms], "currency"}`; entries for
/// operations the spec lacks are skipped (the lowering reports them). A path that does not lead to an integer (or, for the currency, a
/// string) of the arguments, or (when the table lists any) an operation the
/// method-and-path rule flags that the table lacks is an error.
pub(super) fn classify<'a>(
    api: &'a Api,
    mcp: &Mcp,
    types: &BTreeMap<&str, &TypeDef>,
) -> Result<BTreeMap<&'a str, Value>, Error> {
    let mut found = BTreeMap::new();
    for (id, money) in &mcp.money {
        let Some(op) = api.operations.iter().find(|op| &op.id == id) else {
            // Reported as stale by the lowering.
            continue;
        };
        found.insert(op.id.as_str(), entry(op, money, types)?);
    }
    if !mcp.money.is_empty() {
        if let Some(op) = api
            .operations
            .iter()
            .find(|op| looks_like_money(op) && !found.contains_key(op.id.as_str()))
        {
            return Err(Error::invalid(
                &format!("operation {}", op.id),
                format!(
                    "`{} {}` looks like it moves money (an order, charge, capture, refund, \
                     payout or billing subscription) but the override table's mcp.money does \
                     not list it: add it there, with where its amount is",
                    op.http_method, op.path
                ),
            ));
        }
    }
    Ok(found)
}

fn entry(op: &Operation, money: &Money, types: &BTreeMap<&str, &TypeDef>) -> Result<Value, Error> {
    for term in money.amount.iter().chain(&money.minus) {
        check_term(op, term, types)?;
    }
    if let Some(currency) = &money.currency {
        let ty = walk(op, currency, types)?;
        let is_text = matches!(ty, TypeRef::String)
            || matches!(
                resolve(op, ty, types)?.map(|d| &d.kind),
                Some(TypeKind::Enum { .. })
            );
        if !is_text {
            return Err(invalid_path(op, currency, "does not lead to a string"));
        }
    }
    let mut value = json!({"why": money.why.trim(), "amount": money.amount});
    if !money.minus.is_empty() {
        value["minus"] = json!(money.minus);
    }
    if let Some(currency) = &money.currency {
        value["currency"] = json!(currency);
    }
    Ok(value)
}

fn invalid_path(op: &Operation, path: &str, problem: &str) -> Error {
    Error::invalid(
        &format!("the override table's mcp.money.{}", op.id),
        format!("`{path}` {problem}"),
    )
}

/// A term: `path` or `path * member`, where `member` is an integer beside the last
/// step of `path`.
fn check_term(op: &Operation, term: &str, types: &BTreeMap<&str, &TypeDef>) -> Result<(), Error> {
    let (path, times) = match term.split_once('*') {
        Some((path, member)) => (path.trim(), Some(member.trim())),
        None => (term.trim(), None),
    };
    if !is_integer(walk(op, path, types)?) {
        return Err(invalid_path(op, path, "does not lead to an integer"));
    }
    if let Some(member) = times {
        let sibling = match path.rsplit_once('.') {
            Some((parent, _)) => format!("{parent}.{member}"),
            None => member.to_owned(),
        };
        if !is_integer(walk(op, &sibling, types)?) {
            return Err(invalid_path(op, &sibling, "does not lead to an integer"));
        }
    }
    Ok(())
}

fn is_integer(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::I8 | TypeRef::I32 | TypeRef::I64)
}

/// The type a path of the arguments leads to: its first step is an argument (the
/// body's or a parameter's name), the others JSON names of members, `name[]` for
/// the items of a list.
fn walk<'a>(
    op: &'a Operation,
    path: &str,
    types: &BTreeMap<&str, &'a TypeDef>,
) -> Result<&'a TypeRef, Error> {
    let mut steps = path.split('.');
    let first = steps.next().unwrap_or_default();
    let mut ty = match op.body.as_ref() {
        Some(body) if first == body_arg(op) => &body.ty,
        _ => match arguments(op).find(|p| p.name == first) {
            Some(param) => &param.ty,
            None => return Err(invalid_path(op, path, "does not start with an argument")),
        },
    };
    for step in steps {
        let (name, items) = match step.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (step, false),
        };
        let Some(TypeKind::Struct { fields, .. }) = resolve(op, ty, types)?.map(|d| &d.kind) else {
            return Err(invalid_path(
                op,
                path,
                &format!("has `{name}` on a non-object"),
            ));
        };
        let Some(field) = fields.iter().find(|f| f.json_name == name) else {
            return Err(invalid_path(
                op,
                path,
                &format!("names `{name}`, which is not a member"),
            ));
        };
        ty = &field.ty;
        if items {
            match ty {
                TypeRef::Array(inner) => ty = inner,
                _ => {
                    return Err(invalid_path(
                        op,
                        path,
                        &format!("takes items of `{name}`, not a list"),
                    ));
                }
            }
        }
    }
    Ok(ty)
}

#[cfg(test)]
mod tests {
    const SPEC: &str = r#"
openapi: 3.0.3
info: {title: t, version: 1.0.0}
paths:
  /orders:
    post:
      operationId: createOrder
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                currency: {type: string}
                note: {type: string}
                line_items:
                  type: array
                  items:
                    type: object
                    properties:
                      unit_price: {type: integer}
                      quantity: {type: integer}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
  /orders/{id}/refunds:
    post:
      operationId: orderRefund
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object}}}}
"#;

    fn generate(overrides: &str) -> Result<String, String> {
        crate::generate(SPEC, "[]", overrides)
            .map(|out| {
                out.files
                    .into_iter()
                    .find(|f| f.path.ends_with("tools.json"))
                    .map(|f| f.contents)
                    .unwrap_or_default()
            })
            .map_err(|e| e.to_string())
    }

    #[test]
    fn amounts_are_paths_checked_against_the_types() {
        let both = "mcp:\n  money:\n    createOrder:\n      why: w\n      amount: [\"body.line_items[].unit_price * quantity\"]\n      currency: body.currency\n    orderRefund: {why: w}\n";
        let tools = generate(both).unwrap();
        assert!(
            tools.contains("body.line_items[].unit_price * quantity"),
            "{tools}"
        );
        for (bad, problem) in [
            ("body.line_items[].nope", "not a member"),
            ("body.note", "not lead to an integer"),
            ("body.line_items.unit_price", "non-object"),
            ("nope.amount", "argument"),
        ] {
            let table = both.replace("body.line_items[].unit_price * quantity", bad);
            let err = generate(&table).unwrap_err();
            assert!(err.contains(problem), "{bad}: {err}");
        }
        let err = generate(&both.replace("body.currency", "body.line_items")).unwrap_err();
        assert!(err.contains("string"), "{err}");
    }

    #[test]
    fn an_operation_that_looks_money_moving_must_be_listed() {
        let err = generate("mcp:\n  money:\n    createOrder: {why: w}\n").unwrap_err();
        assert!(
            err.contains("orderRefund") && err.contains("mcp.money"),
            "{err}"
        );
        // Without the section, nothing is known to move money.
        assert!(generate("").unwrap().contains("\"movesMoney\": false"));
    }
}
