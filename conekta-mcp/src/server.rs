//! The MCP server: configuration, the per-session handler, and the two transports.

use crate::call::{self, CallError};
use crate::capability::{self, DEFAULT_KEY_VAR};
use crate::catalog::{self, Entry, Selection};
use crate::discovery;
use crate::guard::{self, Binder, Consent};
use axum::http::request::Parts;
use conekta_sdk::Client;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, Implementation, JsonObject,
    ListToolsResult, PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::RequestContext;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The environment variable for the base URL (overridden by `--base-url`).
pub const BASE_URL_VAR: &str = "CONEKTA_BASE_URL";
/// Where the streamable HTTP transport is served.
pub const HTTP_PATH: &str = "/mcp";

/// How the server talks to its MCP client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Transport {
    /// JSON-RPC over standard input and output (the default).
    #[default]
    Stdio,
    /// Streamable HTTP on [`Options::listen`], at [`HTTP_PATH`].
    Http,
}

/// What the command line chose.
#[derive(Debug, Clone)]
pub struct Options {
    /// The transport.
    pub transport: Transport,
    /// The address the HTTP transport listens on.
    pub listen: SocketAddr,
    /// A Naftiko capability file: exactly its operations, under its names.
    pub capability: Option<PathBuf>,
    /// Only operations with one of these tags.
    pub tags: Vec<String>,
    /// Only `GET` operations.
    pub read_only: bool,
    /// Every operation as a tool of its own, instead of the three discovery tools.
    pub all_tools: bool,
    /// A capability operation the spec lacks stops the start (else it is skipped with
    /// a warning).
    pub strict: bool,
    /// Money-moving operations run without asking the user.
    pub allow_payments: bool,
    /// Browser origins the HTTP transport accepts (`https://app.example.com`); any
    /// other `Origin` gets 403.
    pub allowed_origins: Vec<String>,
    /// Where requests go (else `CONEKTA_BASE_URL`, the capability's `baseUri`, production).
    pub base_url: Option<String>,
}

impl Options {
    /// Whether the tools are the three discovery tools: nothing selects static tools
    /// (`--all-tools`, `--capability`, `--tags`, `--read-only`).
    pub fn discovery(&self) -> bool {
        !self.all_tools && self.capability.is_none() && self.tags.is_empty() && !self.read_only
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            transport: Transport::Stdio,
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            capability: None,
            tags: Vec::new(),
            read_only: false,
            all_tools: false,
            strict: false,
            allow_payments: false,
            allowed_origins: Vec::new(),
            base_url: None,
        }
    }
}

/// Why the server cannot start.
#[derive(Debug)]
pub struct StartError(String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartError {}

impl From<String> for StartError {
    fn from(message: String) -> Self {
        Self(message)
    }
}

/// Client settings shared by every session; the key is per session.
struct Settings {
    base_url: Option<String>,
    language: Option<String>,
    child_company: Option<String>,
}

impl Settings {
    fn client(&self, key: &str) -> Result<Client, conekta_sdk::Error> {
        let mut builder = Client::builder(key)
            .user_agent_suffix(concat!("conekta-mcp/", env!("CARGO_PKG_VERSION")));
        if let Some(url) = &self.base_url {
            builder = builder.base_url(url.as_str());
        }
        if let Some(language) = &self.language {
            builder = builder.language(language.as_str());
        }
        if let Some(id) = &self.child_company {
            builder = builder.child_company_id(id.as_str());
        }
        builder.build()
    }
}

/// What every session shares.
struct Shared {
    name: String,
    /// The operations that can be called (every one in discovery mode).
    entries: Vec<Entry>,
    /// What `tools/list` shows.
    listed: Vec<Tool>,
    by_name: HashMap<String, usize>,
    discovery: bool,
    allow_payments: bool,
    allowed_origins: Vec<String>,
    binder: Binder,
    settings: Settings,
    /// The key from the environment, if any. Never logged or echoed.
    env_key: Option<String>,
    key_var: String,
}

/// A configured server, ready to serve over either transport. Cheap to clone.
#[derive(Clone)]
pub struct Server {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("tools", &self.shared.listed.len())
            .field("discovery", &self.shared.discovery)
            .field("key_var", &self.shared.key_var)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Builds the server from the options, reading the environment through `env`
    /// (the key variable, [`BASE_URL_VAR`]); `warn` gets what a person should know
    /// (a capability's operation that was skipped).
    pub fn new(
        options: &Options,
        env: impl Fn(&str) -> Option<String>,
        warn: &mut dyn FnMut(String),
    ) -> Result<Self, StartError> {
        let plan = match &options.capability {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read the capability {}: {e}", path.display()))?;
                Some(
                    capability::parse(&text)
                        .map_err(|e| format!("capability {}: {e}", path.display()))?,
                )
            }
            None => None,
        };
        let entries = catalog::select(
            catalog::all()?,
            &Selection {
                plan: plan.as_ref(),
                tags: &options.tags,
                read_only: options.read_only,
                strict: options.strict,
            },
            &mut |message| match &options.capability {
                Some(path) => warn(format!("capability {}: {message}", path.display())),
                None => warn(message),
            },
        )?;
        let mut language = None;
        let mut child_company = None;
        if let Some(plan) = &plan {
            for (name, value) in &plan.headers {
                match name.as_str() {
                    "accept-language" => language = Some(value.clone()),
                    "x-child-company-id" => child_company = Some(value.clone()),
                    "accept" if value == conekta_sdk::MEDIA_TYPE => {}
                    "accept" => {
                        return Err(StartError(format!(
                            "the capability asks for `Accept: {value}`; this server speaks {}",
                            conekta_sdk::MEDIA_TYPE
                        )));
                    }
                    other => {
                        return Err(StartError(format!(
                            "the capability's default header `{other}` is not supported \
                             (only Accept-Language, X-Child-Company-Id and Accept)"
                        )));
                    }
                }
            }
        }
        let key_var = plan
            .as_ref()
            .map_or_else(|| DEFAULT_KEY_VAR.to_owned(), |p| p.key_var.clone());
        let settings = Settings {
            base_url: options
                .base_url
                .clone()
                .or_else(|| env(BASE_URL_VAR))
                .or_else(|| plan.as_ref().and_then(|p| p.base_url.clone())),
            language,
            child_company,
        };
        let env_key = env(&key_var).filter(|k| !k.is_empty());
        // Checks the base URL (and the key, when there is one) once, now.
        settings
            .client(env_key.as_deref().unwrap_or("key_placeholder"))
            .map_err(|e| {
                StartError(match env_key {
                    Some(_) => format!("{e} (the key is read from {key_var})"),
                    None => e.to_string(),
                })
            })?;
        let discovery = options.discovery();
        let listed: Vec<Tool> = if discovery {
            discovery::tools()
        } else {
            entries.iter().map(|e| e.tool.clone()).collect()
        };
        let by_name = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.tool.name.to_string(), i))
            .collect();
        let name = plan
            .as_ref()
            .and_then(|p| p.label.clone())
            .unwrap_or_else(|| "Conekta API".to_owned());
        Ok(Self {
            shared: Arc::new(Shared {
                name,
                entries,
                listed,
                by_name,
                discovery,
                allow_payments: options.allow_payments,
                allowed_origins: options.allowed_origins.clone(),
                binder: Binder::new(),
                settings,
                env_key,
                key_var,
            }),
        })
    }

    /// The operations that can be called, with everything known about them.
    pub(crate) fn entries(&self) -> &[Entry] {
        &self.shared.entries
    }

    /// The name the server introduces itself with (the capability's label).
    pub(crate) fn label(&self) -> &str {
        &self.shared.name
    }

    /// The environment variable the key is read from.
    pub(crate) fn key_var(&self) -> &str {
        &self.shared.key_var
    }

    /// The tools this server offers, as `tools/list` shows them.
    pub fn tools(&self) -> &[Tool] {
        &self.shared.listed
    }

    /// The operations that can be called, as `(tool name, operation id)`: the tools'
    /// own in static mode, every operation in discovery mode.
    pub fn operations(&self) -> impl Iterator<Item = (&str, &str)> {
        self.shared
            .entries
            .iter()
            .map(|e| (e.tool.name.as_ref(), e.operation.as_str()))
    }

    /// Calls one operation by its tool name, once, outside MCP (the `call` command):
    /// the same typed validation, and a money-moving operation runs only with
    /// `allow_payments` (there is no one to ask). Returns the structured result and
    /// whether it is an error.
    pub async fn call_once(
        &self,
        name: &str,
        arguments: serde_json::Value,
        allow_payments: bool,
    ) -> (serde_json::Value, bool) {
        let result = self.call_once_result(name, arguments, allow_payments).await;
        let failed = result.is_error == Some(true);
        (result.structured_content.unwrap_or_default(), failed)
    }

    async fn call_once_result(
        &self,
        name: &str,
        arguments: serde_json::Value,
        allow_payments: bool,
    ) -> CallToolResult {
        let shared = &self.shared;
        let Some(entry) = shared.by_name.get(name).map(|&i| &shared.entries[i]) else {
            return call::failure(CallError::UnknownOperation(name.to_owned()));
        };
        let serde_json::Value::Object(arguments) = arguments else {
            return call::failure(CallError::InvalidArguments {
                path: ".".into(),
                message: "the arguments must be a JSON object".into(),
            });
        };
        let client = match shared.env_key.as_deref() {
            Some(key) => match shared.settings.client(key) {
                Ok(client) => client,
                Err(err) => return call::failure(CallError::Sdk(err)),
            },
            None => {
                return call::failure(CallError::NoApiKey(
                    "set the key in the environment variable the capability binds (default CONEKTA_API_KEY)",
                ));
            }
        };
        let prepared = match call::prepare(entry, &client, arguments) {
            Ok(prepared) => prepared,
            Err(err) => return call::failure(err),
        };
        if entry.moves_money && !allow_payments {
            return call::failure(CallError::PaymentsNotAllowed {
                tool: entry.tool.name.to_string(),
                reason: "the command line has no one to ask: pass `--allow-payments` once the \
                         user has agreed to this call"
                    .into(),
            });
        }
        call::finish(entry, prepared).await
    }

    /// Serves one client over standard input and output until it disconnects.
    pub async fn serve_stdio(self) -> Result<(), StartError> {
        if self.shared.env_key.is_none() {
            return Err(StartError(format!(
                "no API key: set {} (over HTTP a client may send `Authorization: Bearer key_…` instead)",
                self.shared.key_var
            )));
        }
        let running = Session::new(self.shared)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| StartError(format!("the MCP session did not start: {e}")))?;
        running
            .waiting()
            .await
            .map_err(|e| StartError(format!("the MCP session failed: {e}")))?;
        Ok(())
    }

    /// Serves streamable HTTP at `http://<listen>/mcp` until Ctrl-C; `ready` gets the
    /// bound address. Only loopback `Host`s are accepted, and a request with an
    /// `Origin` only from [`Options::allowed_origins`] (else 403: DNS rebinding).
    pub async fn serve_http(
        self,
        listen: SocketAddr,
        ready: impl FnOnce(SocketAddr),
    ) -> Result<(), StartError> {
        let shared = self.shared;
        let config = StreamableHttpServerConfig::default()
            .with_allowed_origins(shared.allowed_origins.clone())
            .enforce_origin_validation();
        let service = StreamableHttpService::new(
            move || Ok(Session::new(shared.clone())),
            Arc::new(LocalSessionManager::default()),
            config,
        );
        let router = axum::Router::new().nest_service(HTTP_PATH, service);
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|e| StartError(format!("cannot listen on {listen}: {e}")))?;
        let bound = listener
            .local_addr()
            .map_err(|e| StartError(format!("cannot listen on {listen}: {e}")))?;
        ready(bound);
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| StartError(format!("the HTTP server failed: {e}")))
    }
}

/// One MCP session: over stdio the only one, over HTTP one per `Mcp-Session-Id`.
struct Session {
    shared: Arc<Shared>,
    /// The client for the last key this session used.
    client: Mutex<Option<(String, Client)>>,
}

impl Session {
    fn new(shared: Arc<Shared>) -> Self {
        Self {
            shared,
            client: Mutex::new(None),
        }
    }

    /// The client for this request: the `Authorization: Bearer` key of the HTTP
    /// request if there is one, else the environment's.
    fn client(&self, parts: Option<&Parts>) -> Result<Client, CallError> {
        let header = parts.and_then(|p| p.headers.get(axum::http::header::AUTHORIZATION));
        let key = match header {
            Some(value) => value
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .ok_or(CallError::NoApiKey(
                    "the Authorization header is not `Bearer <key>`",
                ))?,
            None => self.shared.env_key.as_deref().ok_or(CallError::NoApiKey(
                "send `Authorization: Bearer key_…` or set the key in the server's environment",
            ))?,
        };
        let mut cached = self.client.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, client)) = cached.as_ref().filter(|(cached_key, _)| cached_key == key) {
            return Ok(client.clone());
        }
        let client = self.shared.settings.client(key).map_err(CallError::Sdk)?;
        *cached = Some((key.to_owned(), client.clone()));
        Ok(client)
    }

    /// Runs one operation: arguments checked, the money guard, the call, `fields`.
    async fn run(
        &self,
        entry: &Entry,
        arguments: JsonObject,
        request: &CallToolRequestParams,
        context: &RequestContext<RoleServer>,
    ) -> CallToolResponse {
        let client = match self.client(context.extensions.get::<Parts>()) {
            Ok(client) => client,
            Err(err) => return call::failure(err).into(),
        };
        let shown = serde_json::Value::Object(arguments.clone());
        let prepared = match call::prepare(entry, &client, arguments) {
            Ok(prepared) => prepared,
            Err(err) => return call::failure(err).into(),
        };
        if entry.moves_money && !self.shared.allow_payments {
            let consent = guard::consent(
                &self.shared.binder,
                &entry.tool.name,
                &entry.operation,
                &shown,
                request,
                context,
            )
            .await;
            match consent {
                Consent::Given => {}
                Consent::Ask(input) => return input.into(),
                Consent::Refused(err) => return call::failure(err).into(),
            }
        }
        call::finish(entry, prepared).await.into()
    }

    fn entry(&self, name: &str) -> Option<&Entry> {
        let index = *self.shared.by_name.get(name)?;
        Some(&self.shared.entries[index])
    }

    /// A call of one of the three discovery tools.
    async fn discover(
        &self,
        request: &CallToolRequestParams,
        context: &RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let arguments = serde_json::Value::Object(request.arguments.clone().unwrap_or_default());
        match request.name.as_ref() {
            discovery::SEARCH => Ok(match call::decode::<discovery::SearchArgs>(arguments) {
                Ok(args) => call::success(discovery::search(&self.shared.entries, &args)),
                Err(err) => call::failure(err),
            }
            .into()),
            discovery::DESCRIBE => Ok(match call::decode::<discovery::DescribeArgs>(arguments) {
                Ok(args) => match self.entry(&args.name) {
                    Some(entry) => call::success(discovery::describe(entry)),
                    None => call::failure(CallError::UnknownOperation(args.name)),
                },
                Err(err) => call::failure(err),
            }
            .into()),
            discovery::CALL => match call::decode::<discovery::CallArgs>(arguments) {
                Ok(args) => match self.entry(&args.name) {
                    Some(entry) => Ok(self.run(entry, args.arguments, request, context).await),
                    None => Ok(call::failure(CallError::UnknownOperation(args.name)).into()),
                },
                Err(err) => Ok(call::failure(err).into()),
            },
            other => Err(ErrorData::invalid_params(
                format!("unknown tool `{other}`"),
                None,
            )),
        }
    }
}

impl ServerHandler for Session {
    fn get_info(&self) -> ServerConfig {
        let how = if self.shared.discovery {
            "Find an operation with `search_operations`, read its arguments with \
             `describe_operation`, call it with `call_operation`."
        } else {
            "One tool per operation."
        };
        let instructions = format!(
            "Tools for the Conekta payments API {} ({}). {how} Arguments are checked \
             against the operation's types before anything is sent; amounts are in cents \
             and times in Unix seconds. Operations that move money (creating orders or \
             charges, capturing, refunding, payouts, subscriptions that bill) run only \
             when the user confirms them or the server allows payments. API errors come \
             back as tool errors with Conekta's `type`, `log_id` and `details`.",
            conekta_sdk::API_VERSION,
            self.shared.name
        );
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new(
                "conekta-mcp",
                env!("CARGO_PKG_VERSION"),
            ))
            .with_instructions(instructions)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(self.shared.listed.clone()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        if self.shared.discovery {
            return self.discover(&request, &context).await;
        }
        let Some(entry) = self.entry(&request.name) else {
            return Err(ErrorData::invalid_params(
                format!("unknown tool `{}`", request.name),
                None,
            ));
        };
        let arguments = request.arguments.clone().unwrap_or_default();
        Ok(self.run(entry, arguments, &request, &context).await)
    }
}
