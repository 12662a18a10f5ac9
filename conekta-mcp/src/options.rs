//! What the command line chose: the transport, which tools are offered, who may call
//! what, and the limits of the HTTP transport.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// How the server talks to its MCP client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Transport {
    /// JSON-RPC over standard input and output (the default).
    #[default]
    Stdio,
    /// Streamable HTTP on [`Options::listen`], at [`crate::HTTP_PATH`].
    Http,
}

/// Which tools `tools/list` shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ToolMode {
    /// Four discovery tools (search, describe, call a read, call a write) that stand
    /// for every operation (the default).
    #[default]
    Discovery,
    /// Every operation as a tool of its own (`--all-tools`).
    All,
    /// One tool per operation that a capability, tags or read-only select.
    Selected {
        /// A Naftiko capability file: exactly its operations, under its names.
        capability: Option<PathBuf>,
        /// Only operations with one of these tags.
        tags: Vec<String>,
        /// Only `GET` operations.
        read_only: bool,
    },
}

impl ToolMode {
    /// The mode the four selection flags give: a capability, tags or read-only select
    /// tools; else `--all-tools` gives all of them; else discovery.
    pub fn from_flags(
        all_tools: bool,
        capability: Option<PathBuf>,
        tags: Vec<String>,
        read_only: bool,
    ) -> Self {
        if capability.is_some() || !tags.is_empty() || read_only {
            Self::Selected {
                capability,
                tags,
                read_only,
            }
        } else if all_tools {
            Self::All
        } else {
            Self::Discovery
        }
    }

    /// The capability file, if the mode has one.
    pub fn capability(&self) -> Option<&PathBuf> {
        match self {
            Self::Selected { capability, .. } => capability.as_ref(),
            _ => None,
        }
    }
}

/// OAuth 2.1 resource-server mode: bearer tokens are JWTs from one issuer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthOptions {
    /// The issuer (`iss`), named in the protected-resource metadata.
    pub issuer: String,
    /// The audience a token must name (`aud`).
    pub audience: String,
    /// The issuer's keys: a JWKS file, or an `http(s)://` URL to fetch it from.
    pub jwks: String,
    /// The environment variable with the Conekta key calls are made with
    /// (default: the capability's, else `CONEKTA_API_KEY`).
    pub key_env: Option<String>,
}

/// Bounds of the HTTP transport's sessions (protocols before 2026-07-28, whose
/// clients open one with `initialize`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    /// Open sessions in all: past it, `initialize` gets 503 (after expired ones go).
    pub total: usize,
    /// Open sessions of one principal: past it, its least recently used idle session
    /// goes, or `initialize` gets 429 when all of them are busy.
    pub per_principal: usize,
    /// A session unused this long is closed.
    pub idle: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        Self {
            total: 10_000,
            per_principal: 64,
            idle: Duration::from_secs(30 * 60),
        }
    }
}

/// What the command line chose.
#[derive(Debug, Clone)]
pub struct Options {
    /// The transport.
    pub transport: Transport,
    /// The address the HTTP transport listens on.
    pub listen: SocketAddr,
    /// Which tools are offered.
    pub tools: ToolMode,
    /// A capability operation the spec lacks stops the start (else it is skipped with
    /// a warning).
    pub strict: bool,
    /// Money-moving operations run without asking the user (the local principal:
    /// stdio, and HTTP without `--tokens` or OAuth).
    pub allow_payments: bool,
    /// The most a money-moving call of the local principal may move, in cents.
    pub max_amount: Option<u64>,
    /// Browser origins the HTTP transport accepts (`https://app.example.com`); any
    /// other `Origin` gets 403.
    pub allowed_origins: Vec<String>,
    /// Where requests go (else `CONEKTA_BASE_URL`, the capability's `baseUri`, production).
    pub base_url: Option<String>,
    /// `--tokens FILE`: scoped bearer tokens; a client's own Conekta key is never used.
    pub tokens: Option<PathBuf>,
    /// OAuth 2.1 resource-server mode.
    pub oauth: Option<OAuthOptions>,
    /// `--audit-log FILE`: one JSON line per tool call.
    pub audit_log: Option<PathBuf>,
    /// The endpoint's public URL (`https://mcp.example.com/mcp`), when a proxy serves
    /// it: the protected-resource metadata names it, and its host is accepted.
    pub public_url: Option<String>,
    /// Bounds of the HTTP transport's sessions.
    pub sessions: SessionLimits,
    /// The largest request body the HTTP transport reads, in bytes (else 413).
    pub max_body_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            transport: Transport::Stdio,
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            tools: ToolMode::Discovery,
            strict: false,
            allow_payments: false,
            max_amount: None,
            allowed_origins: Vec::new(),
            base_url: None,
            tokens: None,
            oauth: None,
            audit_log: None,
            public_url: None,
            sessions: SessionLimits::default(),
            max_body_bytes: 1024 * 1024,
        }
    }
}
