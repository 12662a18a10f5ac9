//! The money guard: an operation that can move real money runs only when the server
//! was started with `--allow-payments` or the user confirms the call.
//!
//! The user is asked through MCP elicitation (a form with one `confirm` checkbox):
//! - on protocol `2026-07-28` and later, where a server may not send requests, the
//!   tool call answers with an `InputRequiredResult` carrying the elicitation; the
//!   client asks the user and calls again with the answer and the `requestState`,
//!   which binds the answer to the same tool and arguments;
//! - on earlier protocols, the server sends `elicitation/create` and waits.
//!
//! A client that cannot ask gets a tool error saying how to allow the call; a user
//! who declines gets one too. In every refusal nothing is sent.

use crate::call::CallError;
use rmcp::RoleServer;
use rmcp::model::{
    CallToolRequestParams, ElicitRequestParams, ElicitResult, ElicitationAction, InputRequest,
    InputRequiredResult, ProtocolVersion,
};
use rmcp::service::RequestContext;
use serde_json::{Value, json};
use std::hash::BuildHasher;
use std::time::Duration;

/// The key of the confirmation among a call's input requests and responses.
const CONFIRM_KEY: &str = "confirm_payment";
/// How long the server waits for the user's answer (protocols before 2026-07-28).
const ASK_TIMEOUT: Duration = Duration::from_secs(300);

/// What the guard decided.
pub(crate) enum Consent {
    /// Go ahead.
    Given,
    /// Ask the user first: answer the call with this.
    Ask(InputRequiredResult),
    /// Do not send: the call's error.
    Refused(CallError),
}

/// Binds a confirmation to one call: a keyed hash of the tool and its arguments,
/// with a key drawn when the server starts.
pub(crate) struct Binder(std::collections::hash_map::RandomState);

impl Binder {
    /// A binder with a fresh random key.
    pub(crate) fn new() -> Self {
        Self(std::collections::hash_map::RandomState::new())
    }

    fn state(&self, tool: &str, arguments: &Value) -> String {
        format!("{:016x}", self.0.hash_one((tool, arguments.to_string())))
    }
}

/// The message the user sees.
fn question(tool: &str, operation: &str, arguments: &Value) -> String {
    let mut shown = arguments.to_string();
    if shown.len() > 1500 {
        let mut end = 1500;
        while !shown.is_char_boundary(end) {
            end -= 1;
        }
        shown.truncate(end);
        shown.push('…');
    }
    format!(
        "The agent wants to call `{tool}` (Conekta operation `{operation}`), which can move \
         real money, with these arguments: {shown}. Amounts are in cents. Allow this one call?"
    )
}

fn elicitation(message: String) -> Result<ElicitRequestParams, CallError> {
    serde_json::from_value(json!({
        "mode": "form",
        "message": message,
        "requestedSchema": {
            "type": "object",
            "properties": {
                "confirm": {
                    "type": "boolean",
                    "title": "Allow this payment operation",
                    "description": "Check to let this one call go to Conekta.",
                }
            },
            "required": ["confirm"],
        },
    }))
    .map_err(CallError::Encode)
}

/// Whether an elicitation answer lets the call go.
fn accepted(result: &ElicitResult) -> Result<(), String> {
    match result.action {
        ElicitationAction::Accept => {
            let confirmed = result
                .content
                .as_ref()
                .and_then(|c| c.get("confirm"))
                .and_then(Value::as_bool)
                == Some(true);
            if confirmed {
                Ok(())
            } else {
                Err("the user did not check `confirm`".into())
            }
        }
        ElicitationAction::Decline => Err("the user declined".into()),
        _ => Err("the user cancelled".into()),
    }
}

/// Decides whether a money-moving call may go.
pub(crate) async fn consent(
    binder: &Binder,
    tool: &str,
    operation: &str,
    arguments: &Value,
    request: &CallToolRequestParams,
    context: &RequestContext<RoleServer>,
) -> Consent {
    let refuse = |reason: String| {
        Consent::Refused(CallError::PaymentsNotAllowed {
            tool: tool.to_owned(),
            reason,
        })
    };
    let state = binder.state(tool, arguments);
    // A retry that carries the user's answer (protocol 2026-07-28 and later).
    if let Some(answer) = request
        .input_responses
        .as_ref()
        .and_then(|r| r.get(CONFIRM_KEY))
    {
        if request.request_state.as_deref() != Some(state.as_str()) {
            return refuse("the confirmation was given for other arguments".into());
        }
        return match serde_json::from_value::<ElicitResult>(answer.clone()) {
            Ok(result) => match accepted(&result) {
                Ok(()) => Consent::Given,
                Err(reason) => refuse(reason),
            },
            Err(_) => refuse("the confirmation is not an elicitation result".into()),
        };
    }
    let can_ask = context
        .client_capabilities()
        .and_then(|c| c.elicitation)
        .is_some_and(|e| e.form.is_some() || e.url.is_none());
    if !can_ask {
        return refuse(
            "the MCP client cannot ask the user (it does not support elicitation)".into(),
        );
    }
    let params = match elicitation(question(tool, operation, arguments)) {
        Ok(params) => params,
        Err(err) => return Consent::Refused(err),
    };
    let modern = context
        .protocol_version()
        .is_some_and(|v| v >= ProtocolVersion::V_2026_07_28);
    if modern {
        let request = InputRequest::Elicitation(rmcp::model::ElicitRequest::new(params));
        let requests = [(CONFIRM_KEY.to_owned(), request)].into_iter().collect();
        return Consent::Ask(InputRequiredResult::new(Some(requests), Some(state)));
    }
    match context
        .peer
        .create_elicitation_with_timeout(params, Some(ASK_TIMEOUT))
        .await
    {
        Ok(result) => match accepted(&result) {
            Ok(()) => Consent::Given,
            Err(reason) => refuse(reason),
        },
        Err(err) => refuse(format!("the user could not be asked ({err})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confirmation_is_bound_to_its_arguments() {
        let binder = Binder::new();
        let a = binder.state("create_order", &json!({"body": {"amount": 1}}));
        assert_eq!(
            a,
            binder.state("create_order", &json!({"body": {"amount": 1}}))
        );
        assert_ne!(
            a,
            binder.state("create_order", &json!({"body": {"amount": 2}}))
        );
        assert_ne!(
            a,
            binder.state("refund_order", &json!({"body": {"amount": 1}}))
        );
    }

    #[test]
    fn only_a_checked_acceptance_lets_the_call_go() {
        let answer = |v: Value| serde_json::from_value::<ElicitResult>(v).unwrap();
        assert!(
            accepted(&answer(
                json!({"action": "accept", "content": {"confirm": true}})
            ))
            .is_ok()
        );
        assert!(
            accepted(&answer(
                json!({"action": "accept", "content": {"confirm": false}})
            ))
            .is_err()
        );
        assert!(accepted(&answer(json!({"action": "decline"}))).is_err());
        assert!(accepted(&answer(json!({"action": "cancel"}))).is_err());
    }

    #[test]
    fn the_elicitation_is_a_form_with_one_checkbox() {
        let params = elicitation("ok?".into()).unwrap();
        let value = serde_json::to_value(&params).unwrap();
        assert_eq!(value["mode"], "form");
        assert_eq!(
            value["requestedSchema"]["properties"]["confirm"]["type"],
            "boolean"
        );
    }
}
