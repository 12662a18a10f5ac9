//! The MCP handler: one per stdio connection, one per HTTP request (stateless: it
//! holds only the shared server). A tool call goes through [`run`]: the principal's
//! permissions, the typed arguments, the money guard, the call, the audit line.

use crate::access::Principal;
use crate::amount::Amount;
use crate::audit::{self, Outcome};
use crate::call::{self, CallError, Prepared};
use crate::catalog::Entry;
use crate::discovery;
use crate::guard::{self, Consent};
use crate::http::SessionContext;
use crate::seal::Binding;
use crate::server::Shared;
use axum::http::request::Parts;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, Implementation, JsonObject,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler};
use serde_json::Value;
use std::sync::Arc;

/// The MCP handler of a connection (stdio) or of a request (HTTP).
pub(crate) struct Handler {
    shared: Arc<Shared>,
    /// The principal of a stdio connection; over HTTP each request brings its own.
    principal: Option<Arc<Principal>>,
}

/// How a money-moving call may be allowed besides the principal's permission.
pub(crate) enum Asking<'a> {
    /// Through the MCP client (elicitation).
    Mcp {
        request: &'a CallToolRequestParams,
        context: &'a RequestContext<RoleServer>,
        session: Option<&'a SessionContext>,
    },
    /// Nobody to ask (the `call` command).
    Nobody,
}

impl Handler {
    /// A handler over the shared server; `principal` for a stdio connection.
    pub(crate) fn new(shared: Arc<Shared>, principal: Option<Arc<Principal>>) -> Self {
        Self { shared, principal }
    }

    /// The request's principal: the connection's, else the one the HTTP front
    /// authenticated.
    fn principal(&self, context: &RequestContext<RoleServer>) -> Option<Arc<Principal>> {
        self.principal.clone().or_else(|| {
            context
                .extensions
                .get::<Parts>()
                .and_then(|p| p.extensions.get::<Arc<Principal>>())
                .cloned()
        })
    }

    fn entry(&self, name: &str) -> Option<&Entry> {
        let index = *self.shared.by_name.get(name)?;
        Some(&self.shared.entries[index])
    }

    /// A call of one of the discovery tools.
    async fn discover(
        &self,
        principal: &Principal,
        request: &CallToolRequestParams,
        context: &RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let shared = &self.shared;
        let arguments = Value::Object(request.arguments.clone().unwrap_or_default());
        let permissions = &principal.permissions;
        match request.name.as_ref() {
            discovery::SEARCH => Ok(match call::decode::<discovery::SearchArgs>(arguments) {
                Ok(args) => call::success(discovery::search(&shared.entries, permissions, &args)),
                Err(err) => call::failure(err),
            }
            .into()),
            discovery::DESCRIBE => Ok(match call::decode::<discovery::DescribeArgs>(arguments) {
                Ok(args) => match self.entry(&args.name).filter(|e| permissions.may_call(e)) {
                    Some(entry) => call::success(discovery::describe(entry)),
                    None => call::failure(CallError::UnknownOperation(args.name)),
                },
                Err(err) => call::failure(err),
            }
            .into()),
            name @ (discovery::CALL_READ | discovery::CALL_WRITE) => {
                let reads = name == discovery::CALL_READ;
                let args = match call::decode::<discovery::CallArgs>(arguments) {
                    Ok(args) => args,
                    Err(err) => return Ok(call::failure(err).into()),
                };
                let Some(entry) = self.entry(&args.name) else {
                    return Ok(call::failure(CallError::UnknownOperation(args.name)).into());
                };
                if (entry.method == "GET") != reads {
                    return Ok(call::failure(CallError::WrongTool {
                        tool: name.to_owned(),
                        operation: args.name,
                        reads,
                    })
                    .into());
                }
                let asking = Asking::Mcp {
                    request,
                    context,
                    session: session_of(context),
                };
                Ok(run(shared, principal, name, entry, args.arguments, asking).await)
            }
            other => Err(ErrorData::invalid_params(
                format!("unknown tool `{other}`"),
                None,
            )),
        }
    }
}

/// The HTTP session of a request, if it has one.
fn session_of(context: &RequestContext<RoleServer>) -> Option<&SessionContext> {
    context
        .extensions
        .get::<Parts>()
        .and_then(|p| p.extensions.get::<SessionContext>())
}

/// Runs one operation for a principal: permission, typed arguments, the money guard
/// (amount cap, then the user's or the principal's consent), the call, `fields`,
/// and its audit line.
pub(crate) async fn run(
    shared: &Shared,
    principal: &Principal,
    tool: &str,
    entry: &Entry,
    arguments: JsonObject,
    asking: Asking<'_>,
) -> CallToolResponse {
    let mut report = Report::default();
    let result = attempt(shared, principal, entry, arguments, asking, &mut report).await;
    let response = match result {
        Ok(Step::Done(answer)) => {
            report.outcome = Outcome::Ok;
            let target = report.target.clone().or_else(|| {
                let id = answer.value.get("id").and_then(Value::as_str);
                id.map(str::to_owned)
            });
            report.target = target;
            call::success(answer).into()
        }
        Ok(Step::Ask(input)) => {
            report.outcome = Outcome::Refused;
            report.error = Some("confirmation_asked");
            input.into()
        }
        Err(err) => {
            report.describe(&err);
            call::failure(err).into()
        }
    };
    if let Some(log) = &shared.audit {
        log.write(&audit::Line {
            ts: audit::now(),
            principal: &principal.id,
            tool,
            operation: Some(&entry.operation),
            amount: report.amount.cents,
            currency: report.amount.currency.as_deref(),
            target: report.target.as_deref(),
            outcome: report.outcome,
            error: report.error,
            log_id: report.log_id.as_deref(),
        });
    }
    response
}

/// What the audit line says of a call.
struct Report {
    amount: Amount,
    target: Option<String>,
    outcome: Outcome,
    error: Option<&'static str>,
    log_id: Option<String>,
}

impl Default for Report {
    fn default() -> Self {
        Self {
            amount: Amount::default(),
            target: None,
            outcome: Outcome::Refused,
            error: None,
            log_id: None,
        }
    }
}

impl Report {
    fn describe(&mut self, err: &CallError) {
        self.error = Some(err.kind());
        self.outcome = match err {
            CallError::Sdk(sdk) => match sdk {
                conekta_sdk::Error::Api(api) => {
                    self.log_id = api.log_id().map(str::to_owned);
                    Outcome::ApiError
                }
                conekta_sdk::Error::NotSent { .. } | conekta_sdk::Error::InvalidRequest { .. } => {
                    Outcome::NotSent
                }
                conekta_sdk::Error::Decode { .. } => Outcome::ApiError,
                _ => Outcome::MaybeSent,
            },
            CallError::NoApiKey(_) => Outcome::NotSent,
            CallError::Encode(_) => Outcome::Ok,
            _ => Outcome::Refused,
        };
    }
}

/// Where a call stands after the guard.
enum Step {
    /// Done: the answer.
    Done(call::Answer),
    /// The user must confirm first (protocol 2026-07-28).
    Ask(rmcp::model::InputRequiredResult),
}

async fn attempt(
    shared: &Shared,
    principal: &Principal,
    entry: &Entry,
    arguments: JsonObject,
    asking: Asking<'_>,
    report: &mut Report,
) -> Result<Step, CallError> {
    let permissions = &principal.permissions;
    if !permissions.may_call(entry) {
        return Err(CallError::NotPermitted {
            tool: entry.tool.name.to_string(),
        });
    }
    report.target = entry.target(&arguments);
    let client = principal
        .client
        .as_ref()
        .map_err(|&why| CallError::NoApiKey(why))?;
    let shown = entry
        .money
        .as_ref()
        .map(|_| Value::Object(arguments.clone()));
    let prepared: Prepared<'_> = call::prepare(entry, client, arguments)?;
    if let (Some(_), Some(shown)) = (&entry.money, &shown) {
        report.amount = prepared.amount.clone().unwrap_or_default();
        let cents = report.amount.cents;
        if let Some(max) = permissions.max_amount {
            match cents {
                None => {
                    return Err(CallError::AmountUnknown {
                        tool: entry.tool.name.to_string(),
                        max,
                    });
                }
                Some(cents) if cents > i64::try_from(max).unwrap_or(i64::MAX) => {
                    return Err(CallError::OverMaxAmount {
                        tool: entry.tool.name.to_string(),
                        amount: cents,
                        max,
                    });
                }
                Some(_) => {}
            }
        }
        if !permissions.allow_payments {
            let call = guard::Call {
                tool: &entry.tool.name,
                binding: Binding::new(&principal.id, &entry.operation, shown, cents),
                shown,
                amount: cents,
            };
            match asking {
                Asking::Mcp {
                    request,
                    context,
                    session,
                } => match guard::consent(&shared.sealer, &call, request, context, session).await {
                    Consent::Given => {}
                    Consent::Ask(input) => return Ok(Step::Ask(input)),
                    Consent::Refused(err) => return Err(err),
                },
                Asking::Nobody => {
                    return Err(CallError::PaymentsNotAllowed {
                        tool: entry.tool.name.to_string(),
                        reason: "the command line has no one to ask: pass `--allow-payments` \
                                 once the user has agreed to this call"
                            .into(),
                    });
                }
            }
        }
    }
    call::finish(entry, prepared).await.map(Step::Done)
}

impl ServerHandler for Handler {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new(
                "conekta-mcp",
                env!("CARGO_PKG_VERSION"),
            ))
            .with_instructions(self.shared.instructions.clone())
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        let tools: Vec<Tool> = match self.principal(&context) {
            Some(principal) => self.shared.tools_for(&principal.permissions),
            None => Vec::new(),
        };
        Ok(ListToolsResult::with_all_items(tools))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let Some(principal) = self.principal(&context) else {
            return Ok(call::failure(CallError::NoApiKey("no principal for this request")).into());
        };
        if self.shared.discovery {
            return self.discover(&principal, &request, &context).await;
        }
        let Some(entry) = self.entry(&request.name) else {
            return Err(ErrorData::invalid_params(
                format!("unknown tool `{}`", request.name),
                None,
            ));
        };
        let arguments = request.arguments.clone().unwrap_or_default();
        let asking = Asking::Mcp {
            request: &request,
            context: &context,
            session: session_of(&context),
        };
        Ok(run(
            &self.shared,
            &principal,
            &request.name,
            entry,
            arguments,
            asking,
        )
        .await)
    }
}

/// The result of a call outside MCP, for [`crate::Server::call_once`].
pub(crate) fn complete(response: CallToolResponse) -> CallToolResult {
    match response {
        CallToolResponse::Complete(result) => result,
        _ => call::failure(CallError::PaymentsNotAllowed {
            tool: String::new(),
            reason: "it needs a confirmation".into(),
        }),
    }
}
