//! Decoding unions, told apart by a member (a tag) or not: the value is read
//! once into a [`Value`], then the form is chosen and decoded from it (see
//! [`decode`](super::decode) for the JSON path of a failure).

use super::decode::{recorded_len, truncate_recorded};
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer};
use serde_json::Value;

/// Decodes a union: reads the value, then `decide` picks and decodes its form
/// (a variant's failure is the union's, with its path).
pub fn deserialize_union<'de, U, D: Deserializer<'de>>(
    deserializer: D,
    decide: impl FnOnce(Value) -> Result<U, serde_json::Error>,
) -> Result<U, D::Error> {
    let value = Value::deserialize(deserializer)?;
    decide(value).map_err(de::Error::custom)
}

/// The form a tagged union's tag names, decoded from the union's value.
pub fn variant<T: DeserializeOwned>(value: Value) -> Result<T, serde_json::Error> {
    T::deserialize(value)
}

/// One form of a union without a tag: `T`, if the value decodes as one. A
/// failed attempt leaves no trace in the recorded path.
pub fn attempt<T: DeserializeOwned>(value: &Value) -> Option<T> {
    let mark = recorded_len();
    let decoded = T::deserialize(value).ok();
    if decoded.is_none() {
        truncate_recorded(mark);
    }
    decoded
}
