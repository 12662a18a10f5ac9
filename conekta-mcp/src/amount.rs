//! The amount and currency of a money-moving call, read from its arguments where
//! the generated catalogue says they are (`spec/overrides.yaml`, `mcp.money`).

use serde::Deserialize;
use serde_json::{Map, Value};

/// Where a money-moving operation's amount and currency are in its arguments (the
/// operation's own argument names).
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct MoneyRule {
    /// Terms added up.
    #[serde(default)]
    amount: Vec<Term>,
    /// Terms subtracted.
    #[serde(default)]
    minus: Vec<Term>,
    /// The currency's path.
    #[serde(default, deserialize_with = "path")]
    currency: Option<Vec<String>>,
}

/// `a.b[].c` (`* d`): the steps to integers, and the member beside each to multiply by.
#[derive(Debug, Clone)]
struct Term {
    steps: Vec<String>,
    times: Option<String>,
}

impl<'de> Deserialize<'de> for Term {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let (path, times) = match text.split_once('*') {
            Some((path, member)) => (path.trim(), Some(member.trim().to_owned())),
            None => (text.trim(), None),
        };
        Ok(Self {
            steps: path.split('.').map(str::to_owned).collect(),
            times,
        })
    }
}

fn path<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<String>>, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?;
    Ok(text.map(|t| t.split('.').map(str::to_owned).collect()))
}

/// A call's amount, as far as its arguments say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Amount {
    /// In cents; `None` when the arguments do not say (a subscription bills its plan).
    pub cents: Option<i64>,
    /// The currency, when the arguments say.
    pub currency: Option<String>,
}

impl MoneyRule {
    /// The amount of a call with these arguments (already checked against the
    /// operation's types).
    pub(crate) fn amount(&self, arguments: &Map<String, Value>) -> Amount {
        let sum = |terms: &[Term]| -> Option<i128> {
            terms
                .iter()
                .try_fold(0i128, |total, term| Some(total + term.sum(arguments)?))
        };
        let cents = if self.amount.is_empty() {
            None
        } else {
            sum(&self.amount)
                .zip(sum(&self.minus))
                .map(|(plus, minus)| (plus - minus).clamp(i64::MIN.into(), i64::MAX.into()) as i64)
        };
        let currency = self.currency.as_ref().and_then(|steps| {
            let (first, rest) = steps.split_first()?;
            let mut value = arguments.get(first)?;
            for step in rest {
                value = value.get(step)?;
            }
            value.as_str().map(str::to_owned)
        });
        Amount { cents, currency }
    }
}

impl Term {
    /// The sum of the integers the term reaches; `None` when one is missing (a list
    /// that is missing has no items).
    fn sum(&self, arguments: &Map<String, Value>) -> Option<i128> {
        let (first, rest) = self.steps.split_first()?;
        let (name, _) = list_step(first);
        let root = arguments.get(name)?;
        let mut parents = Vec::new();
        if !collect(root, first, rest, &mut parents)? {
            return Some(0);
        }
        let mut total = 0i128;
        for (parent, member) in parents {
            let value = i128::from(parent.get(member)?.as_i64()?);
            let factor = match &self.times {
                Some(times) => i128::from(parent.get(times)?.as_i64()?),
                None => 1,
            };
            total += value * factor;
        }
        Some(total)
    }
}

/// `name[]` → (`name`, true).
fn list_step(step: &str) -> (&str, bool) {
    match step.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (step, false),
    }
}

/// Walks `value` (reached by `step`) through `rest`, collecting the objects that hold
/// the last member with that member's name. `Some(false)`: a list on the way is
/// missing (nothing to add); `None`: a member that must be there is not.
fn collect<'a>(
    value: &'a Value,
    step: &str,
    rest: &'a [String],
    out: &mut Vec<(&'a Map<String, Value>, &'a str)>,
) -> Option<bool> {
    let (_, items) = list_step(step);
    let values: Vec<&Value> = if items {
        value.as_array()?.iter().collect()
    } else {
        vec![value]
    };
    let Some((next, after)) = rest.split_first() else {
        return Some(true);
    };
    let (name, next_items) = list_step(next);
    for value in values {
        let object = value.as_object()?;
        if after.is_empty() {
            out.push((object, name));
            continue;
        }
        match object.get(name) {
            Some(inner) => {
                collect(inner, next, after, out)?;
            }
            None if next_items => {}
            None => return None,
        }
    }
    Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rule(value: Value) -> MoneyRule {
        serde_json::from_value(value).unwrap()
    }

    fn args(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn an_order_total_adds_lines_shipping_and_taxes_less_discounts() {
        let order = rule(json!({
            "amount": ["body.line_items[].unit_price * quantity", "body.shipping_lines[].amount", "body.tax_lines[].amount"],
            "minus": ["body.discount_lines[].amount"],
            "currency": "body.currency"
        }));
        let call = args(json!({"body": {
            "currency": "MXN",
            "line_items": [{"unit_price": 35000, "quantity": 2}, {"unit_price": 100, "quantity": 1}],
            "shipping_lines": [{"amount": 500}],
            "discount_lines": [{"amount": 1000, "code": "x", "type": "coupon"}]
        }}));
        assert_eq!(
            order.amount(&call),
            Amount {
                cents: Some(70000 + 100 + 500 - 1000),
                currency: Some("MXN".into())
            }
        );
        let refund = rule(json!({"amount": ["body.amount"]}));
        assert_eq!(
            refund
                .amount(&args(json!({"id": "o", "body": {"amount": 7}})))
                .cents,
            Some(7)
        );
        assert_eq!(
            refund.amount(&args(json!({"id": "o", "body": {}}))).cents,
            None
        );
        assert_eq!(rule(json!({})).amount(&call).cents, None);
    }
}
