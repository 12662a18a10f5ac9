//! What a tool call goes through: arguments decoded into the SDK's typed request,
//! the SDK's answer encoded as JSON, and every failure turned into a tool error.
//!
//! An answer is serialized once: the SDK's typed answer becomes the structured
//! content (a JSON value, as rmcp's result holds it), and the text is the body
//! Conekta sent, byte for byte, unless `fields` narrowed the answer (then the text
//! is the narrowed value's JSON).

use crate::amount::Amount;
use crate::catalog::{Entry, Page};
use rmcp::model::{CallToolResult, ContentBlock};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use std::future::Future;
use std::pin::Pin;

/// How much of a non-JSON error body a tool error keeps.
const RAW_BODY_PREFIX: usize = 300;

/// A tool's arguments, as the client sent them.
pub(crate) type Arguments = Value;

/// What a handler returns: the decoded answer as JSON, with the bytes Conekta sent.
pub(crate) type HandlerFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Answer, CallError>> + Send + 'a>>;

/// A successful call's answer.
#[derive(Debug)]
pub(crate) struct Answer {
    /// The answer as the SDK's type writes it: the structured content.
    pub value: Value,
    /// The body Conekta sent, while it still says what `value` says: the text.
    pub verbatim: Option<bytes::Bytes>,
}

impl From<Value> for Answer {
    fn from(value: Value) -> Self {
        Self {
            value,
            verbatim: None,
        }
    }
}

/// One generated handler: decodes the arguments now (a bad one is an error before
/// anything else happens), and returns the call: the SDK's request, its answer encoded.
pub(crate) type Handler =
    for<'a> fn(&'a conekta_sdk::Client, Arguments) -> Result<HandlerFuture<'a>, CallError>;

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
    /// No operation has that name; nothing was sent.
    UnknownOperation(String),
    /// The operation moves money and nobody allowed it; nothing was sent.
    PaymentsNotAllowed {
        /// The tool's name.
        tool: String,
        /// Why no one could be asked, or what the user answered.
        reason: String,
    },
    /// The principal may not call this operation; nothing was sent.
    NotPermitted {
        /// The tool's name.
        tool: String,
    },
    /// The call would move more than the principal's `max_amount`; nothing was sent.
    OverMaxAmount {
        /// The tool's name.
        tool: String,
        /// The call's amount, in cents.
        amount: i64,
        /// The principal's cap, in cents.
        max: u64,
    },
    /// The principal has a `max_amount` and the arguments do not say how much the
    /// call moves; nothing was sent.
    AmountUnknown {
        /// The tool's name.
        tool: String,
        /// The principal's cap, in cents.
        max: u64,
    },
    /// A discovery tool was asked to call an operation of the other kind (the read
    /// tool a write, or the write tool a read); nothing was sent.
    WrongTool {
        /// The discovery tool.
        tool: String,
        /// The operation named.
        operation: String,
        /// Whether the tool was the read tool.
        reads: bool,
    },
}

impl CallError {
    /// The `error` member of the tool error (and of the audit line).
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            CallError::InvalidArguments { .. } => "invalid_arguments",
            CallError::Sdk(err) => sdk_kind(err),
            CallError::NoApiKey(_) => "no_api_key",
            CallError::Encode(_) => "encode_error",
            CallError::UnknownOperation(_) => "unknown_operation",
            CallError::PaymentsNotAllowed { .. } => "payments_not_allowed",
            CallError::NotPermitted { .. } => "not_permitted",
            CallError::OverMaxAmount { .. } => "over_max_amount",
            CallError::AmountUnknown { .. } => "amount_unknown",
            CallError::WrongTool { .. } => "wrong_tool",
        }
    }
}

fn sdk_kind(err: &conekta_sdk::Error) -> &'static str {
    match err {
        conekta_sdk::Error::Api(_) => "api_error",
        conekta_sdk::Error::InvalidRequest { .. } => "invalid_request",
        conekta_sdk::Error::NotSent { .. } => "not_sent",
        conekta_sdk::Error::MaybeSent { .. } => "maybe_sent",
        conekta_sdk::Error::Decode { .. } => "decode_error",
        _ => "sdk_error",
    }
}

/// Decodes the arguments into an operation's arguments struct; errors name the JSON path.
pub(crate) fn decode<T: DeserializeOwned>(arguments: Arguments) -> Result<T, CallError> {
    serde_path_to_error::deserialize(arguments).map_err(|err| CallError::InvalidArguments {
        path: err.path().to_string(),
        message: err.into_inner().to_string(),
    })
}

/// Awaits an SDK call and encodes its answer as JSON, keeping the bytes it was
/// decoded from.
pub(crate) async fn encode<T: serde::Serialize + DeserializeOwned>(
    sent: conekta_sdk::WithBodyFuture<'_, T>,
) -> Result<Answer, CallError> {
    let answer = sent.await.map_err(CallError::Sdk)?;
    Ok(Answer {
        value: serde_json::to_value(answer.value).map_err(CallError::Encode)?,
        verbatim: Some(answer.body),
    })
}

/// A call whose arguments were checked, ready to be sent.
pub(crate) struct Prepared<'a> {
    call: HandlerFuture<'a>,
    fields: Option<Vec<String>>,
    /// How much it moves, for a money-moving operation.
    pub amount: Option<Amount>,
}

/// Checks a call's arguments: the capability's names mapped to the operation's,
/// `fields` (list operations) taken out and checked, the rest decoded into the SDK's
/// typed request. Nothing is sent.
pub(crate) fn prepare<'a>(
    entry: &Entry,
    client: &'a conekta_sdk::Client,
    mut arguments: Map<String, Value>,
) -> Result<Prepared<'a>, CallError> {
    let fields = match &entry.page {
        Some(page) => arguments
            .remove(FIELDS)
            .map(|value| check_fields(page, value))
            .transpose()?,
        None => None,
    };
    for (ours, theirs) in &entry.renames {
        if arguments.contains_key(theirs) {
            return Err(CallError::InvalidArguments {
                path: theirs.clone(),
                message: format!("unknown field `{theirs}`; this tool calls it `{ours}`"),
            });
        }
        if let Some(value) = arguments.remove(ours) {
            arguments.insert(theirs.clone(), value);
        }
    }
    let amount = entry.money.as_ref().map(|rule| rule.amount(&arguments));
    let call = (entry.handler)(client, Value::Object(arguments)).map_err(|err| match err {
        CallError::InvalidArguments { path, message } => CallError::InvalidArguments {
            path: rename_back(&entry.renames, &path),
            message: entry.renames.iter().fold(message, |m, (ours, theirs)| {
                m.replace(&format!("`{theirs}`"), &format!("`{ours}`"))
            }),
        },
        other => other,
    })?;
    Ok(Prepared {
        call,
        fields,
        amount,
    })
}

/// An argument path in the tool's names.
fn rename_back(renames: &[(String, String)], path: &str) -> String {
    let (head, rest) = path
        .split_once('.')
        .map_or((path, None), |(h, r)| (h, Some(r)));
    let head = renames
        .iter()
        .find(|(_, theirs)| theirs == head)
        .map_or(head, |(ours, _)| ours.as_str());
    match rest {
        Some(rest) => format!("{head}.{rest}"),
        None => head.to_owned(),
    }
}

/// The argument that narrows a list's items.
const FIELDS: &str = "fields";

fn check_fields(page: &Page, value: Value) -> Result<Vec<String>, CallError> {
    let invalid = |message: String| CallError::InvalidArguments {
        path: FIELDS.into(),
        message,
    };
    let Value::Array(items) = value else {
        return Err(invalid("expected an array of member names".into()));
    };
    items
        .into_iter()
        .map(|item| match item {
            Value::String(name) if page.members.contains(&name) => Ok(name),
            other => Err(invalid(format!(
                "{other} is not a member of the items; they have: {}",
                page.members.join(", ")
            ))),
        })
        .collect()
}

/// Sends a prepared call; its answer is narrowed by `fields`.
pub(crate) async fn finish(entry: &Entry, prepared: Prepared<'_>) -> Result<Answer, CallError> {
    let mut answer = prepared.call.await?;
    if let (Some(page), Some(fields)) = (&entry.page, &prepared.fields) {
        narrow(&mut answer.value, page, fields);
        answer.verbatim = None;
    }
    Ok(answer)
}

/// Keeps, in each item of the answer's list, the selected members and those every
/// item has (so that the answer still matches the output schema).
fn narrow(value: &mut Value, page: &Page, fields: &[String]) {
    let Some(Value::Array(items)) = value.get_mut(&page.list) else {
        return;
    };
    for item in items {
        if let Value::Object(members) = item {
            members.retain(|name, _| fields.contains(name) || page.always.contains(name));
        }
    }
}

/// The successful result: the answer as structured content (wrapped in
/// `{"result": …}` when it is not an object, as MCP wants an object) and as text
/// (the body Conekta sent when there is one that says the same, else the JSON of
/// the structured content).
pub(crate) fn success(answer: impl Into<Answer>) -> CallToolResult {
    let Answer { value, verbatim } = answer.into();
    let (value, verbatim) = match value {
        Value::Object(_) => (value, verbatim),
        other => (json!({ "result": other }), None),
    };
    let text = verbatim
        .and_then(|body| String::from_utf8(body.into()).ok())
        .unwrap_or_else(|| value.to_string());
    let mut result = CallToolResult::success(vec![ContentBlock::text(text)]);
    result.structured_content = Some(value);
    result
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
    facts.insert("error".into(), json!(error.kind()));
    let text = match error {
        CallError::NotPermitted { tool } => {
            facts.insert("sent".into(), json!(false));
            format!(
                "`{tool}` is not one this client may call (its token or scope does not allow it); nothing was sent"
            )
        }
        CallError::OverMaxAmount { tool, amount, max } => {
            facts.insert("sent".into(), json!(false));
            facts.insert("amount".into(), json!(amount));
            facts.insert("max_amount".into(), json!(max));
            format!(
                "`{tool}` would move {amount} cents, more than this client's limit of {max} cents per call; nothing was sent"
            )
        }
        CallError::AmountUnknown { tool, max } => {
            facts.insert("sent".into(), json!(false));
            facts.insert("max_amount".into(), json!(max));
            format!(
                "`{tool}` moves money, and its arguments do not say how much (a subscription bills its plan; a charge without `amount` takes the order's); this client may move at most {max} cents per call, so it cannot make this call. Nothing was sent"
            )
        }
        CallError::WrongTool {
            tool,
            operation,
            reads,
        } => {
            facts.insert("sent".into(), json!(false));
            let (kind, other) = if reads {
                ("changes something", crate::discovery::CALL_WRITE)
            } else {
                ("only reads", crate::discovery::CALL_READ)
            };
            format!("`{operation}` {kind}: call it with `{other}`, not `{tool}`; nothing was sent")
        }
        CallError::InvalidArguments { path, message } => {
            facts.insert("path".into(), json!(path));
            facts.insert("message".into(), json!(message));
            facts.insert("sent".into(), json!(false));
            format!("invalid arguments at `{path}`: {message} (nothing was sent)")
        }
        CallError::NoApiKey(hint) => {
            facts.insert("sent".into(), json!(false));
            format!("no Conekta API key: {hint} (nothing was sent)")
        }
        CallError::UnknownOperation(name) => {
            facts.insert("sent".into(), json!(false));
            format!(
                "there is no operation `{name}`; find one with `search_operations` (nothing was sent)"
            )
        }
        CallError::PaymentsNotAllowed { tool, reason } => {
            facts.insert("sent".into(), json!(false));
            format!(
                "`{tool}` moves money and was not allowed: {reason}. Nothing was sent. To allow \
                 it, the user confirms the call when the MCP client asks (elicitation), or the \
                 server is restarted with `--allow-payments`."
            )
        }
        CallError::Encode(err) => {
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
    match &err {
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
            let raw_body = api.raw_body();
            if api.body.is_none() && !raw_body.is_empty() {
                let prefix: String = raw_body.chars().take(RAW_BODY_PREFIX).collect();
                facts.insert("body".into(), json!(prefix));
            }
        }
        conekta_sdk::Error::InvalidRequest { .. } | conekta_sdk::Error::NotSent { .. } => {
            facts.insert("sent".into(), json!(false));
        }
        conekta_sdk::Error::Decode(answer) => {
            facts.insert("status".into(), json!(answer.status.as_u16()));
            facts.insert("path".into(), json!(answer.path()));
            if let Some(id) = answer.id() {
                facts.insert("id".into(), json!(id));
            }
            // The request took effect: the whole answer goes to the model, as JSON when it is.
            let body = serde_json::from_slice::<Value>(answer.body())
                .unwrap_or_else(|_| json!(String::from_utf8_lossy(answer.body())));
            facts.insert("body".into(), body);
        }
        _ => {}
    }
    err.to_string()
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
    fn fields_keep_the_selected_members_and_those_always_there() {
        let page = Page {
            list: "data".into(),
            members: vec!["id".into(), "email".into(), "name".into(), "phone".into()],
            always: vec!["id".into()],
        };
        let fields = check_fields(&page, json!(["email"])).unwrap();
        let mut answer = json!({"has_more": false, "data": [
            {"id": "a", "email": "a@x", "name": "A", "phone": "1"},
            {"id": "b", "name": "B"}
        ]});
        narrow(&mut answer, &page, &fields);
        assert_eq!(
            answer,
            json!({"has_more": false, "data": [{"id": "a", "email": "a@x"}, {"id": "b"}]})
        );
        let err = check_fields(&page, json!(["nope"])).unwrap_err();
        let CallError::InvalidArguments { path, message } = err else {
            panic!()
        };
        assert_eq!(path, "fields");
        assert!(message.contains("email"), "{message}");
    }

    #[test]
    fn paths_come_back_in_the_tool_s_names() {
        let renames = [("customer_id".to_owned(), "id".to_owned())];
        assert_eq!(rename_back(&renames, "id"), "customer_id");
        assert_eq!(rename_back(&renames, "body.id"), "body.id");
    }

    #[test]
    fn non_objects_are_wrapped() {
        let result = success(json!([1, 2]));
        assert_eq!(result.structured_content, Some(json!({"result": [1, 2]})));
    }
}
