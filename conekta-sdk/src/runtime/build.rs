//! What the generated model builders call to turn a setter's argument into a
//! field value: one value, a list, or a JSON object, each failing with a
//! [`BuildError`] that names the field.

use super::build_error::BuildError;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// Converts one value (a model, a builder of one, an enum from a string…).
pub fn one<T, V>(value: V, field: &str) -> Result<T, BuildError>
where
    V: TryInto<T, Error: Into<BuildError>>,
{
    value.try_into().map_err(|err| err.into().within(field))
}

/// Converts every item of a list; the error names the item's index.
pub fn many<T, V>(values: impl IntoIterator<Item = V>, field: &str) -> Result<Vec<T>, BuildError>
where
    V: TryInto<T, Error: Into<BuildError>>,
{
    values
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            value
                .try_into()
                .map_err(|err| err.into().at(index).within(field))
        })
        .collect()
}

/// Converts a JSON object (`json!({...})`, a map or pairs).
pub fn object(value: impl IntoJsonObject, field: &str) -> Result<Map<String, Value>, BuildError> {
    value
        .into_json_object()
        .map_err(|reason| BuildError::invalid(field, reason))
}

/// A required field's value, or the error that names it.
pub fn required<T>(value: Option<T>, field: &str) -> Result<T, BuildError> {
    value.ok_or_else(|| BuildError::missing(field))
}

/// Keeps the first error a builder meets, and the value when there is none.
pub fn keep<T>(first_error: &mut Option<BuildError>, result: Result<T, BuildError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(err) => {
            first_error.get_or_insert(err);
            None
        }
    }
}

/// A JSON object for a `metadata`-like field: `serde_json::json!({...})`, a
/// `serde_json::Map`, a `BTreeMap` or `HashMap`, or a list or array of
/// `(key, value)` pairs whose values convert into JSON.
pub trait IntoJsonObject {
    /// The object, or why this value is not one.
    fn into_json_object(self) -> Result<Map<String, Value>, String>;
}

impl IntoJsonObject for Value {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        match self {
            Value::Object(map) => Ok(map),
            other => Err(format!("expected a JSON object, got `{other}`")),
        }
    }
}

impl IntoJsonObject for Map<String, Value> {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        Ok(self)
    }
}

/// Collects `(key, value)` pairs into an object.
fn pairs<K: Into<String>, V: Into<Value>>(
    pairs: impl IntoIterator<Item = (K, V)>,
) -> Result<Map<String, Value>, String> {
    Ok(pairs
        .into_iter()
        .map(|(key, value)| (key.into(), value.into()))
        .collect())
}

impl<K: Into<String>, V: Into<Value>, const N: usize> IntoJsonObject for [(K, V); N] {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        pairs(self)
    }
}

impl<K: Into<String>, V: Into<Value>> IntoJsonObject for Vec<(K, V)> {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        pairs(self)
    }
}

impl<K: Into<String>, V: Into<Value>> IntoJsonObject for BTreeMap<K, V> {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        pairs(self)
    }
}

impl<K: Into<String>, V: Into<Value>, S> IntoJsonObject for HashMap<K, V, S> {
    fn into_json_object(self) -> Result<Map<String, Value>, String> {
        pairs(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn objects_come_from_json_maps_and_pairs() {
        let expected = json!({ "a": 1, "b": "x" });
        for got in [
            object(json!({ "a": 1, "b": "x" }), "metadata"),
            object([("a", json!(1)), ("b", json!("x"))], "metadata"),
            object(
                vec![("a".to_owned(), json!(1)), ("b".to_owned(), json!("x"))],
                "metadata",
            ),
        ] {
            assert_eq!(Value::Object(got.unwrap()), expected);
        }
        let err = object(json!([1, 2]), "metadata").unwrap_err();
        assert_eq!(err.path(), "metadata");
    }
}
