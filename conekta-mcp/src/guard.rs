//! The money guard: an operation that can move real money runs only when the
//! principal may make payments (`--allow-payments`, a token's `allow_payments`, the
//! `conekta:payments` scope) or the user confirms the call, and never above the
//! principal's `max_amount`.
//!
//! The user is asked through MCP elicitation (a form with one `confirm` checkbox):
//! - on protocol `2026-07-28` and later, where a server may not send requests, the
//!   tool call answers with an `InputRequiredResult` carrying the elicitation and a
//!   sealed `requestState` ([`crate::seal`]) bound to the principal, the operation,
//!   the canonical arguments and the amount; the client asks the user and calls
//!   again with the answer and that state, on any instance that has the same secret;
//! - on earlier protocols, the server sends `elicitation/create` and waits: over stdio
//!   through the session, over HTTP on the call's own stream, the answer coming back
//!   through the client's session ([`crate::http`]).
//!
//! A client that cannot ask gets a tool error saying how to allow the call; a user
//! who declines gets one too. In every refusal nothing is sent.

use crate::call::CallError;
use crate::http::SessionContext;
use crate::seal::{Binding, Sealer};
use rmcp::RoleServer;
use rmcp::model::{
    CallToolRequestParams, ElicitRequestParams, ElicitResult, ElicitationAction, InputRequest,
    InputRequiredResult, ProtocolVersion,
};
use rmcp::service::RequestContext;
use serde_json::{Value, json};
use std::time::Duration;

/// The key of the confirmation among a call's input requests and responses.
const CONFIRM_KEY: &str = "confirm_payment";
/// How long the server waits for the user's answer (protocols before 2026-07-28).
pub(crate) const ASK_TIMEOUT: Duration = Duration::from_secs(300);

/// What the guard decided.
pub(crate) enum Consent {
    /// Go ahead.
    Given,
    /// Ask the user first: answer the call with this.
    Ask(InputRequiredResult),
    /// Do not send: the call's error.
    Refused(CallError),
}

/// One money-moving call, as the guard sees it.
pub(crate) struct Call<'a> {
    /// The tool's name.
    pub tool: &'a str,
    /// What the confirmation is bound to.
    pub binding: Binding,
    /// The arguments as the client sent them (shown to the user).
    pub shown: &'a Value,
    /// The amount in cents, when the arguments say (shown to the user).
    pub amount: Option<i64>,
}

/// The message the user sees.
fn question(call: &Call<'_>) -> String {
    let mut shown = call.shown.to_string();
    if shown.len() > 1500 {
        let mut end = 1500;
        while !shown.is_char_boundary(end) {
            end -= 1;
        }
        shown.truncate(end);
        shown.push('…');
    }
    let amount = match call.amount {
        Some(cents) => format!(" It moves {cents} cents."),
        None => String::new(),
    };
    format!(
        "The agent wants to call `{}` (Conekta operation `{}`), which can move real money, \
         with these arguments: {shown}. Amounts are in cents.{amount} Allow this one call?",
        call.tool, call.binding.operation
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

/// Decides whether a money-moving call may go; `session` is the HTTP session of a
/// request on a protocol before 2026-07-28, if it has one.
pub(crate) async fn consent(
    sealer: &Sealer,
    call: &Call<'_>,
    request: &CallToolRequestParams,
    context: &RequestContext<RoleServer>,
    session: Option<&SessionContext>,
) -> Consent {
    let refuse = |reason: String| {
        Consent::Refused(CallError::PaymentsNotAllowed {
            tool: call.tool.to_owned(),
            reason,
        })
    };
    // A retry that carries the user's answer (protocol 2026-07-28 and later).
    if let Some(answer) = request
        .input_responses
        .as_ref()
        .and_then(|r| r.get(CONFIRM_KEY))
    {
        let Some(state) = request.request_state.as_deref() else {
            return refuse("the confirmation came without its request state".into());
        };
        if let Err(broken) = sealer.check(state, &call.binding) {
            return refuse(broken.to_string());
        }
        return match serde_json::from_value::<ElicitResult>(answer.clone()) {
            Ok(result) => match accepted(&result) {
                Ok(()) => Consent::Given,
                Err(reason) => refuse(reason),
            },
            Err(_) => refuse("the confirmation is not an elicitation result".into()),
        };
    }
    let modern = context
        .protocol_version()
        .is_some_and(|v| v >= ProtocolVersion::V_2026_07_28);
    let can_ask = match session {
        Some(session) if !modern => session.can_ask(),
        _ => context
            .client_capabilities()
            .and_then(|c| c.elicitation)
            .is_some_and(|e| e.form.is_some() || e.url.is_none()),
    };
    if !can_ask {
        return refuse(
            "the MCP client cannot ask the user (it does not support elicitation)".into(),
        );
    }
    let params = match elicitation(question(call)) {
        Ok(params) => params,
        Err(err) => return Consent::Refused(err),
    };
    if modern {
        let Some(state) = sealer.seal(&call.binding) else {
            return refuse("the confirmation could not be sealed".into());
        };
        let request = InputRequest::Elicitation(rmcp::model::ElicitRequest::new(params));
        let requests = [(CONFIRM_KEY.to_owned(), request)].into_iter().collect();
        return Consent::Ask(InputRequiredResult::new(Some(requests), Some(state)));
    }
    let answer = match session {
        Some(session) => session.ask(&context.peer, params, ASK_TIMEOUT).await,
        None => context
            .peer
            .create_elicitation_with_timeout(params, Some(ASK_TIMEOUT))
            .await
            .map_err(|e| format!("the user could not be asked ({e})")),
    };
    match answer {
        Ok(result) => match accepted(&result) {
            Ok(()) => Consent::Given,
            Err(reason) => refuse(reason),
        },
        Err(reason) => refuse(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
