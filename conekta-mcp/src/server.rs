//! The server: what every request shares (the catalogue, the tools, the clients, the
//! principals, the confirmation key, the audit log), and the two transports.

use crate::access::{Permissions, Principal, Scope};
use crate::audit::AuditLog;
use crate::call::CallError;
use crate::capability::{self, DEFAULT_KEY_VAR};
use crate::catalog::{self, Entry, Selection};
use crate::discovery;
use crate::handler::{self, Asking, Handler};
use crate::http::{self, Access};
use crate::oauth::{self, Grant};
use crate::options::{Options, ToolMode};
use crate::seal::{SECRET_VAR, Sealer};
use crate::tokens;
use conekta_sdk::Client;
use rmcp::ServiceExt;
use rmcp::model::{CallToolResult, Tool};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// The environment variable for the base URL (overridden by `--base-url`).
pub const BASE_URL_VAR: &str = "CONEKTA_BASE_URL";
/// Where the streamable HTTP transport is served.
pub const HTTP_PATH: &str = "/mcp";
/// How long the upstream client waits for a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

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

/// Client settings shared by every principal; the key is each principal's. One
/// connection pool (with `TCP_NODELAY`) serves every key.
pub(crate) struct Settings {
    base_url: Option<String>,
    language: Option<String>,
    child_company: Option<String>,
    http: reqwest::Client,
}

impl Settings {
    /// A client for a key.
    pub(crate) fn client(&self, key: &str) -> Result<Client, conekta_sdk::Error> {
        let mut builder = Client::builder(key)
            .user_agent_suffix(concat!("conekta-mcp/", env!("CARGO_PKG_VERSION")))
            .http_client(self.http.clone());
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

/// How HTTP requests will be authenticated, resolved at start (the OAuth issuer's
/// keys are read when the transport starts).
enum AccessPlan {
    /// A client's own key, or the environment's.
    Passthrough,
    /// `--tokens`: principals by token hash.
    Tokens(HashMap<[u8; 32], Arc<Principal>>),
    /// OAuth 2.1.
    OAuth {
        options: crate::options::OAuthOptions,
        client: Result<Client, &'static str>,
        grants: [(Grant, Arc<Permissions>); 3],
    },
}

/// What every request shares.
pub(crate) struct Shared {
    name: String,
    /// The operations that can be called (every one in discovery mode).
    pub entries: Vec<Entry>,
    /// The discovery tools.
    discovery_tools: Vec<Tool>,
    /// Entry index by tool name.
    pub by_name: HashMap<String, usize>,
    /// Whether the tools are the discovery tools.
    pub discovery: bool,
    /// The instructions of `initialize`.
    pub instructions: String,
    settings: Settings,
    /// Seals confirmations (2026-07-28).
    pub sealer: Sealer,
    /// `--audit-log`.
    pub audit: Option<AuditLog>,
    /// The principal of the environment's key (stdio, and HTTP without tokens).
    local: Arc<Principal>,
    /// What the command line allows the local principal.
    local_permissions: Arc<Permissions>,
    key_var: String,
    access: AccessPlan,
    options: Options,
}

impl Shared {
    /// The tools a principal sees: those it may call.
    pub(crate) fn tools_for(&self, permissions: &Permissions) -> Vec<Tool> {
        if self.discovery {
            let mut tools = self.discovery_tools.clone();
            if !permissions.may_write() {
                tools.retain(|t| t.name != discovery::CALL_WRITE);
            }
            return tools;
        }
        self.entries
            .iter()
            .filter(|e| permissions.may_call(e))
            .map(|e| e.tool.clone())
            .collect()
    }
}

/// A configured server, ready to serve over either transport. Cheap to clone.
#[derive(Clone)]
pub struct Server {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("operations", &self.shared.entries.len())
            .field("discovery", &self.shared.discovery)
            .field("key_var", &self.shared.key_var)
            .finish_non_exhaustive()
    }
}

fn read_plan(path: &std::path::Path) -> Result<capability::Plan, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the capability {}: {e}", path.display()))?;
    capability::parse(&text).map_err(|e| format!("capability {}: {e}", path.display()))
}

impl Server {
    /// Builds the server from the options, reading the environment through `env`
    /// (the key variables, [`BASE_URL_VAR`], [`SECRET_VAR`]); `warn` gets what a
    /// person should know (a capability's operation that was skipped).
    pub fn new(
        options: &Options,
        env: impl Fn(&str) -> Option<String>,
        warn: &mut dyn FnMut(String),
    ) -> Result<Self, StartError> {
        let plan = options
            .tools
            .capability()
            .map(|p| read_plan(p))
            .transpose()?;
        let all = catalog::all()?;
        // One copy of the catalogue lives on (the schemas are most of the idle memory).
        let entries = match &options.tools {
            ToolMode::Discovery | ToolMode::All => all,
            ToolMode::Selected {
                capability: path,
                tags,
                read_only,
            } => catalog::select(
                all,
                &Selection {
                    plan: plan.as_ref(),
                    tags,
                    read_only: *read_only,
                    strict: options.strict,
                },
                &mut |message| match path {
                    Some(path) => warn(format!("capability {}: {message}", path.display())),
                    None => warn(message),
                },
            )?,
        };
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
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .tcp_nodelay(true)
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        let settings = Settings {
            base_url: options
                .base_url
                .clone()
                .or_else(|| env(BASE_URL_VAR))
                .or_else(|| plan.as_ref().and_then(|p| p.base_url.clone())),
            language,
            child_company,
            http,
        };
        let key_client = |var: &str| -> Result<Result<Client, &'static str>, StartError> {
            match env(var).filter(|k| !k.is_empty()) {
                Some(key) => settings
                    .client(&key)
                    .map(Ok)
                    .map_err(|e| StartError(format!("{e} (the key is read from {var})"))),
                None => Ok(Err("no Conekta key: set it in the server's environment")),
            }
        };
        // Checks the base URL once, now.
        settings
            .client("key_placeholder")
            .map_err(|e| StartError(e.to_string()))?;
        let local_permissions = Arc::new(Permissions::from_scope(
            &Scope {
                allow_payments: options.allow_payments,
                max_amount: options.max_amount,
                ..Scope::default()
            },
            &entries,
        )?);
        let local = Arc::new(Principal {
            id: "local".to_owned(),
            client: key_client(&key_var)?,
            permissions: local_permissions.clone(),
        });
        let access = if let Some(path) = &options.tokens {
            if options.oauth.is_some() {
                return Err(StartError(
                    "--tokens and --oauth-issuer are two ways to authenticate: choose one".into(),
                ));
            }
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the tokens file {}: {e}", path.display()))?;
            let dir = path.parent().unwrap_or(std::path::Path::new("."));
            let mut by_hash = HashMap::new();
            for token in tokens::parse(&text, dir)
                .map_err(|e| format!("tokens file {}: {e}", path.display()))?
            {
                let client = key_client(&token.key_env)?;
                if client.is_err() {
                    return Err(StartError(format!(
                        "tokens file {}: token `{}` maps to {}, which is not set",
                        path.display(),
                        token.id,
                        token.key_env
                    )));
                }
                let permissions = Permissions::from_scope(&token.scope, &entries).map_err(|e| {
                    format!("tokens file {}: token `{}`: {e}", path.display(), token.id)
                })?;
                by_hash.insert(
                    token.sha256,
                    Arc::new(Principal {
                        id: token.id,
                        client,
                        permissions: Arc::new(permissions),
                    }),
                );
            }
            AccessPlan::Tokens(by_hash)
        } else if let Some(oauth) = &options.oauth {
            let var = oauth.key_env.clone().unwrap_or_else(|| key_var.clone());
            let client = key_client(&var)?;
            if client.is_err() {
                return Err(StartError(format!(
                    "OAuth mode calls Conekta with the key in {var}, which is not set"
                )));
            }
            let grant = |read_only, allow_payments| -> Result<Arc<Permissions>, StartError> {
                Ok(Arc::new(Permissions::from_scope(
                    &Scope {
                        read_only,
                        allow_payments,
                        ..Scope::default()
                    },
                    &entries,
                )?))
            };
            AccessPlan::OAuth {
                options: oauth.clone(),
                client,
                grants: [
                    (Grant::Read, grant(true, false)?),
                    (Grant::Write, grant(false, false)?),
                    (Grant::Payments, grant(false, true)?),
                ],
            }
        } else {
            AccessPlan::Passthrough
        };
        let sealer = match env(SECRET_VAR) {
            Some(secret) => Sealer::from_secret(&secret)?,
            None => Sealer::random()?,
        };
        let audit = options
            .audit_log
            .as_deref()
            .map(AuditLog::open)
            .transpose()?;
        let discovery = options.tools == ToolMode::Discovery;
        let by_name = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.tool.name.to_string(), i))
            .collect();
        let name = plan
            .as_ref()
            .and_then(|p| p.label.clone())
            .unwrap_or_else(|| "Conekta API".to_owned());
        let how = if discovery {
            "Find an operation with `search_operations`, read its arguments with \
             `describe_operation`, call it with `call_read_operation` (read-only) or \
             `call_write_operation`."
        } else {
            "One tool per operation."
        };
        let instructions = format!(
            "Tools for the Conekta payments API {} ({name}). {how} Arguments are checked \
             against the operation's types before anything is sent; amounts are in cents \
             and times in Unix seconds. Operations that move money (creating orders or \
             charges, capturing, refunding, payouts, subscriptions that bill) run only \
             when the user confirms them or this client may make payments. API errors come \
             back as tool errors with Conekta's `type`, `log_id` and `details`.",
            conekta_sdk::API_VERSION,
        );
        Ok(Self {
            shared: Arc::new(Shared {
                name,
                entries,
                discovery_tools: discovery::tools(),
                by_name,
                discovery,
                instructions,
                settings,
                sealer,
                audit,
                local,
                local_permissions,
                key_var,
                access,
                options: options.clone(),
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

    /// The tools this server offers the local principal, as `tools/list` shows them.
    pub fn tools(&self) -> Vec<Tool> {
        self.shared.tools_for(&self.shared.local_permissions)
    }

    /// The operations that can be called, as `(tool name, operation id)`: the tools'
    /// own in static mode, every operation in discovery mode.
    pub fn operations(&self) -> impl Iterator<Item = (&str, &str)> {
        self.shared
            .entries
            .iter()
            .map(|e| (e.tool.name.as_ref(), e.operation.as_str()))
    }

    /// Calls one operation by its tool name, once, outside MCP (the `call` command),
    /// as the local principal: the same typed validation, and a money-moving
    /// operation runs only with `--allow-payments` (there is no one to ask). Returns
    /// the structured result and whether it is an error.
    pub async fn call_once(
        &self,
        name: &str,
        arguments: serde_json::Value,
    ) -> (serde_json::Value, bool) {
        let result = self.call_once_result(name, arguments).await;
        let failed = result.is_error == Some(true);
        (result.structured_content.unwrap_or_default(), failed)
    }

    async fn call_once_result(&self, name: &str, arguments: serde_json::Value) -> CallToolResult {
        let shared = &self.shared;
        let Some(entry) = shared.by_name.get(name).map(|&i| &shared.entries[i]) else {
            return crate::call::failure(CallError::UnknownOperation(name.to_owned()));
        };
        let serde_json::Value::Object(arguments) = arguments else {
            return crate::call::failure(CallError::InvalidArguments {
                path: ".".into(),
                message: "the arguments must be a JSON object".into(),
            });
        };
        let response = handler::run(
            shared,
            &shared.local,
            name,
            entry,
            arguments,
            Asking::Nobody,
        )
        .await;
        handler::complete(response)
    }

    /// Serves one client over standard input and output until it disconnects.
    pub async fn serve_stdio(self) -> Result<(), StartError> {
        if self.shared.local.client.is_err() {
            return Err(StartError(format!(
                "no API key: set {} (over HTTP a client may send `Authorization: Bearer key_…` instead)",
                self.shared.key_var
            )));
        }
        let local = self.shared.local.clone();
        let running = Handler::new(self.shared, Some(local))
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
    /// bound address. Only loopback `Host`s (and the public URL's) are accepted, and
    /// a request with an `Origin` only from the allowed origins (else 403: DNS
    /// rebinding). Requests are authenticated (`--tokens`, OAuth, or the client's own
    /// key), sessions are bounded, and answers are sent with `TCP_NODELAY`.
    pub async fn serve_http(
        self,
        listen: SocketAddr,
        ready: impl FnOnce(SocketAddr),
    ) -> Result<(), StartError> {
        let shared = self.shared;
        let access = match &shared.access {
            AccessPlan::Passthrough => {
                let settings_shared = shared.clone();
                Access::Passthrough {
                    local: shared.local.client.is_ok().then(|| shared.local.clone()),
                    permissions: shared.local_permissions.clone(),
                    client: Box::new(move |key| settings_shared.settings.client(key)),
                    cache: Default::default(),
                }
            }
            AccessPlan::Tokens(by_hash) => Access::Tokens(by_hash.clone()),
            AccessPlan::OAuth {
                options,
                client,
                grants,
            } => {
                let jwks = oauth::load_jwks(&options.jwks).await?;
                let validator = oauth::Validator::new(&options.issuer, &options.audience, &jwks)
                    .map_err(|e| format!("--jwks {}: {e}", options.jwks))?;
                Access::OAuth {
                    validator,
                    client: client.clone(),
                    grants: grants.clone(),
                }
            }
        };
        let options = &shared.options;
        let config = http::Config {
            access,
            sessions: options.sessions,
            max_body: options.max_body_bytes,
            allowed_origins: options.allowed_origins.clone(),
            public_url: options.public_url.clone(),
        };
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|e| StartError(format!("cannot listen on {listen}: {e}")))?;
        let bound = http::bound(&listener)
            .map_err(|e| StartError(format!("cannot listen on {listen}: {e}")))?;
        ready(bound);
        http::serve(shared, config, listener)
            .await
            .map_err(StartError)
    }
}
