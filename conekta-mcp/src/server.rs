//! The MCP server: configuration, the per-session handler, and the two transports.

use crate::call::{self, CallError};
use crate::capability::{self, DEFAULT_KEY_VAR};
use crate::catalog::{self, Entry, Selection};
use axum::http::request::Parts;
use conekta_sdk::Client;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, Implementation, ListToolsResult,
    PaginatedRequestParams, ServerCapabilities, ServerConfig, Tool,
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
    /// Where requests go (else `CONEKTA_BASE_URL`, the capability's `baseUri`, production).
    pub base_url: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            transport: Transport::Stdio,
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            capability: None,
            tags: Vec::new(),
            read_only: false,
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
    tools: Vec<Entry>,
    listed: Vec<Tool>,
    by_name: HashMap<String, usize>,
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
            .field("key_var", &self.shared.key_var)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Builds the server from the options, reading the environment through `env`
    /// (the key variable, [`BASE_URL_VAR`]).
    pub fn new(
        options: &Options,
        env: impl Fn(&str) -> Option<String>,
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
        let tools = catalog::select(
            catalog::all()?,
            &Selection {
                plan: plan.as_ref(),
                tags: &options.tags,
                read_only: options.read_only,
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
        let listed: Vec<Tool> = tools.iter().map(|e| e.tool.clone()).collect();
        let by_name = listed
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.to_string(), i))
            .collect();
        let name = plan
            .as_ref()
            .and_then(|p| p.label.clone())
            .unwrap_or_else(|| "Conekta API".to_owned());
        Ok(Self {
            shared: Arc::new(Shared {
                name,
                tools,
                listed,
                by_name,
                settings,
                env_key,
                key_var,
            }),
        })
    }

    /// The tools this server offers, as `tools/list` shows them.
    pub fn tools(&self) -> &[Tool] {
        &self.shared.listed
    }

    /// The operation ids of the tools, in the same order as [`Self::tools`].
    pub fn operations(&self) -> impl Iterator<Item = &str> {
        self.shared.tools.iter().map(|e| e.operation.as_str())
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

    /// Serves streamable HTTP at `http://<listen>/mcp` until Ctrl-C; `ready` gets the bound address.
    pub async fn serve_http(
        self,
        listen: SocketAddr,
        ready: impl FnOnce(SocketAddr),
    ) -> Result<(), StartError> {
        let shared = self.shared;
        let service = StreamableHttpService::new(
            move || Ok(Session::new(shared.clone())),
            Arc::new(LocalSessionManager::default()),
            StreamableHttpServerConfig::default(),
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
}

impl ServerHandler for Session {
    fn get_info(&self) -> ServerConfig {
        let instructions = format!(
            "Tools for the Conekta payments API {} ({}): one per operation. Arguments are \
             checked against the operation's types before anything is sent; API errors come \
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
        let Some(&index) = self.shared.by_name.get(request.name.as_ref()) else {
            return Err(ErrorData::invalid_params(
                format!("unknown tool `{}`", request.name),
                None,
            ));
        };
        let entry = &self.shared.tools[index];
        let client = match self.client(context.extensions.get::<Parts>()) {
            Ok(client) => client,
            Err(err) => return Ok(call::failure(err).into()),
        };
        let arguments = serde_json::Value::Object(request.arguments.unwrap_or_default());
        let result = match (entry.handler)(&client, arguments).await {
            Ok(value) => call::success(value),
            Err(err) => call::failure(err),
        };
        Ok(result.into())
    }
}
