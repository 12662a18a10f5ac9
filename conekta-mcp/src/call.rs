//! What a tool call goes through: arguments decoded into the SDK's typed request,
//! the SDK's answer encoded as JSON, and every failure turned into a tool error.

use rmcp::model::{CallToolResult, ContentBlock};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use std::future::Future;
use std::pin::Pin;

/// How much of a non-JSON error body a tool error keeps.
const RAW_BODY_PREFIX: usize = 300;

/// A tool's arguments, as the client sent them.
pub(crate) type Arguments = Value;

/// What a handler returns: the decoded answer as JSON.
pub(crate) type HandlerFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Value, CallError>> + Send + 'a>>;

/// One generated handler: decodes the arguments, calls the SDK, encodes the answer.
pub(crate) type Handler = for<'a> fn(&'a conekta_sdk::Client, Arguments) -> HandlerFuture<'a>;

/// Why a tool call failed.
#[derive(Debug)]
pub(crate) enum CallError {
    /// The arguments do not fit the operation's typed request; nothing was sent.
    InvalidArguments {
        /// JSON path of the argument that did not fit (`.` for the whole object).
        path: String,
        /// What serde said.
        message: String,
    },
    /// The SDK failed (an API error, a transport error, an undecodable answer…).
    Sdk(conekta_sdk::Error),
    /// No API key for this session.
    NoApiKey(&'static str),
    /// The answer could not be turned into JSON.
    Encode(serde_json::Error),
}

/// Decodes the arguments into an operation's arguments struct; errors name the JSON path.
pub(crate) fn decode<T: DeserializeOwned>(arguments: Arguments) -> Result<T, CallError> {
    serde_path_to_error::deserialize(arguments).map_err(|err| CallError::InvalidArguments {
        path: err.path().to_string(),
        message: err.into_inner().to_string(),
    })
}

/// Encodes an SDK answer as JSON.
pub(crate) fn encode<T: serde::Serialize>(value: T) -> Result<Value, CallError> {
    serde_json::to_value(value).map_err(CallError::Encode)
}

/// The successful result: the answer as structured content (wrapped in
/// `{"result": …}` when it is not an object, as MCP wants an object).
pub(crate) fn success(value: Value) -> CallToolResult {
    let value = match value {
        Value::Object(_) => value,
        other => json!({ "result": other }),
    };
    CallToolResult::structured(value)
}

/// A tool error (`isError: true`) with a readable text and the same facts as structured content.
pub(crate) fn failure(error: CallError) -> CallToolResult {
    let (text, facts) = describe(error);
    let mut result = CallToolResult::structured_error(Value::Object(facts));
    result.content = vec![ContentBlock::text(text)];
    result
}

fn describe(error: CallError) -> (String, Map<String, Value>) {
    let mut facts = Map::new();
    let text = match error {
        CallError::InvalidArguments { path, message } => {
            facts.insert("error".into(), json!("invalid_arguments"));
            facts.insert("path".into(), json!(path));
            facts.insert("message".into(), json!(message));
            facts.insert("sent".into(), json!(false));
            format!("invalid arguments at `{path}`: {message} (nothing was sent)")
        }
        CallError::NoApiKey(hint) => {
            facts.insert("error".into(), json!("no_api_key"));
            facts.insert("sent".into(), json!(false));
            format!("no Conekta API key: {hint} (nothing was sent)")
        }
        CallError::Encode(err) => {
            facts.insert("error".into(), json!("encode_error"));
            format!("the answer could not be encoded as JSON: {err}")
        }
        CallError::Sdk(err) => describe_sdk(err, &mut facts),
    };
    facts
        .entry("message")
        .or_insert_with(|| Value::String(text.clone()));
    (text, facts)
}

fn describe_sdk(err: conekta_sdk::Error, facts: &mut Map<String, Value>) -> String {
    let text = err.to_string();
    let kind = match &err {
        conekta_sdk::Error::Api(api) => {
            facts.insert("status".into(), json!(api.status.as_u16()));
            if let Some(kind) = api.error_type() {
                facts.insert("type".into(), json!(kind));
            }
            if let Some(log_id) = api.log_id() {
                facts.insert("log_id".into(), json!(log_id));
            }
            facts.insert(
                "details".into(),
                serde_json::to_value(api.details()).unwrap_or(Value::Null),
            );
            if api.body.is_none() && !api.raw_body.is_empty() {
                let prefix: String = api.raw_body.chars().take(RAW_BODY_PREFIX).collect();
                facts.insert("body".into(), json!(prefix));
            }
            "api_error"
        }
        conekta_sdk::Error::InvalidRequest { .. } => {
            facts.insert("sent".into(), json!(false));
            "invalid_request"
        }
        conekta_sdk::Error::NotSent { .. } => {
            facts.insert("sent".into(), json!(false));
            "not_sent"
        }
        conekta_sdk::Error::MaybeSent { .. } => "maybe_sent",
        conekta_sdk::Error::Decode { status, path, .. } => {
            facts.insert("status".into(), json!(status.as_u16()));
            facts.insert("path".into(), json!(path));
            "decode_error"
        }
        _ => "sdk_error",
    };
    facts.insert("error".into(), json!(kind));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Args {
        id: String,
        body: Body,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Body {
        limit: i32,
    }

    #[test]
    fn a_bad_argument_names_its_json_path() {
        let err = decode::<Args>(json!({"id": "x", "body": {"limit": "ten"}})).unwrap_err();
        let CallError::InvalidArguments { path, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(path, "body.limit");
        let result = failure(err);
        assert_eq!(result.is_error, Some(true));
        let facts = result.structured_content.unwrap();
        assert_eq!(facts["error"], "invalid_arguments");
        assert_eq!(facts["path"], "body.limit");
    }

    #[test]
    fn non_objects_are_wrapped() {
        let result = success(json!([1, 2]));
        assert_eq!(result.structured_content, Some(json!({"result": [1, 2]})));
    }
}
