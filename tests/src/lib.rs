//! Shared pieces of the integration tests: the generated operation table and
//! helpers to decode and re-encode bodies.

#[path = "generated/operations.rs"]
pub mod operations;

use serde::{Serialize, de::DeserializeOwned};

/// Why a body did not decode into its model.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeFailure {
    /// JSON path of the first value that did not fit.
    pub path: String,
    /// What serde said.
    pub message: String,
}

impl std::fmt::Display for DecodeFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at `{}`: {}", self.path, self.message)
    }
}

/// Decodes `body` as `T` (reporting the JSON path of a failure) and serialises it again.
pub fn round_trip<T: DeserializeOwned + Serialize>(
    body: &[u8],
) -> Result<serde_json::Value, DecodeFailure> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| DecodeFailure {
        path: err.path().to_string(),
        message: err.inner().to_string(),
    })?;
    serde_json::to_value(&value).map_err(|err| DecodeFailure {
        path: String::new(),
        message: format!("re-encoding failed: {err}"),
    })
}
