//! The streamable HTTP transport, at [`crate::HTTP_PATH`].
//!
//! rmcp's `StreamableHttpService` serves every request statelessly (its checks of
//! `Host`, `Origin`, `Accept`, the protocol headers and the body size; JSON answers,
//! SSE when the server must ask the client something). In front of it, this module:
//! - authenticates the request ([`auth`]): without a valid credential, 401 with
//!   `WWW-Authenticate: Bearer resource_metadata="…"`, and the RFC 9728 metadata at
//!   `/.well-known/oauth-protected-resource/mcp`;
//! - keeps the sessions of clients on protocols before 2026-07-28 ([`sessions`]):
//!   opened by `initialize` for an authenticated principal only, bounded, expiring,
//!   used by their principal only; the client's answer to a question the server
//!   asked during a call comes back through it;
//! - caps request bodies, and sets `TCP_NODELAY` on every accepted connection (else
//!   the last segment of each answer waits for the client's delayed ACK).

mod auth;
mod sessions;

pub(crate) use auth::Access;
pub(crate) use sessions::Session;

use crate::handler::Handler;
use crate::server::Shared;
use auth::Denied;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, Full};
use rmcp::RoleServer;
use rmcp::model::{ElicitRequest, ElicitRequestParams, ElicitResult, ServerRequest};
use rmcp::service::{Peer, PeerRequestOptions};
use rmcp::transport::streamable_http_server::session::never::NeverSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use serde::Deserialize;
use serde_json::{Value, json};
use sessions::{Full as SessionsFull, Sessions};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// The session header of the streamable HTTP transport.
const SESSION_HEADER: &str = "mcp-session-id";
/// Where the protected-resource metadata of [`crate::HTTP_PATH`] is (RFC 9728).
pub(crate) const METADATA_PATH: &str = "/.well-known/oauth-protected-resource";
/// How often expired sessions are removed.
const SWEEP_EVERY: Duration = Duration::from_secs(30);

/// What a request of a session (protocols before 2026-07-28) brings to the tools:
/// whether its client can ask the user, and the way its answer comes back.
#[derive(Clone)]
pub(crate) struct SessionContext(Arc<Session>);

impl SessionContext {
    /// Whether the session's client can ask the user (a form elicitation).
    pub(crate) fn can_ask(&self) -> bool {
        self.0.can_ask
    }

    /// Asks the user through the client: the request goes on the call's own stream,
    /// the answer comes back as a POST of the session.
    pub(crate) async fn ask(
        &self,
        peer: &Peer<RoleServer>,
        params: ElicitRequestParams,
        timeout: Duration,
    ) -> Result<ElicitResult, String> {
        let answer = self.0.expect();
        let handle = peer
            .send_request_with_option(
                ServerRequest::ElicitRequest(ElicitRequest::new(params)),
                PeerRequestOptions::no_options(),
            )
            .await
            .map_err(|e| format!("the user could not be asked ({e})"));
        let handle = match handle {
            Ok(handle) => handle,
            Err(e) => {
                self.0.stop_expecting();
                return Err(e);
            }
        };
        self.0
            .expect_id(serde_json::to_value(&handle.id).unwrap_or_default());
        let answer = tokio::time::timeout(timeout, answer).await;
        self.0.stop_expecting();
        drop(handle);
        let answer = match answer {
            Ok(Ok(answer)) => answer,
            Ok(Err(_)) | Err(_) => return Err("the user did not answer in time".into()),
        };
        match answer.get("result") {
            Some(result) => serde_json::from_value(result.clone())
                .map_err(|_| "the client's answer is not an elicitation result".into()),
            None => Err("the client could not ask the user".into()),
        }
    }
}

/// The front of the endpoint.
struct Front {
    inner: StreamableHttpService<Handler, NeverSessionManager>,
    access: Access,
    sessions: Sessions,
    max_body: usize,
    allowed_hosts: Vec<String>,
    /// The endpoint's public URL, if set (else from each request's `Host`).
    public_url: Option<String>,
    /// The issuer, in OAuth mode.
    issuer: Option<String>,
}

/// How the endpoint is configured.
pub(crate) struct Config {
    pub access: Access,
    pub sessions: crate::options::SessionLimits,
    pub max_body: usize,
    pub allowed_origins: Vec<String>,
    pub public_url: Option<String>,
}

/// The hosts a request's `Host` may name: loopback, and the public URL's host.
fn allowed_hosts(public_url: Option<&str>) -> Vec<String> {
    let mut hosts = vec![
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
    ];
    if let Some(host) = public_url
        .and_then(|u| u.parse::<axum::http::Uri>().ok())
        .and_then(|u| u.host().map(str::to_owned))
    {
        hosts.push(host);
    }
    hosts
}

/// Serves the endpoint on `listener` until Ctrl-C.
pub(crate) async fn serve(
    shared: Arc<Shared>,
    config: Config,
    listener: tokio::net::TcpListener,
) -> Result<(), String> {
    use axum::serve::ListenerExt;
    let hosts = allowed_hosts(config.public_url.as_deref());
    let inner_config = StreamableHttpServerConfig::default()
        .with_legacy_session_mode(false)
        .with_json_response(true)
        .with_allowed_hosts(hosts.clone())
        .with_allowed_origins(config.allowed_origins.clone())
        .enforce_origin_validation()
        .with_max_request_body_bytes(config.max_body);
    let handler_shared = shared.clone();
    let inner = StreamableHttpService::new(
        move || Ok(Handler::new(handler_shared.clone(), None)),
        Arc::new(NeverSessionManager::default()),
        inner_config,
    );
    let issuer = match &config.access {
        Access::OAuth { validator, .. } => Some(validator.issuer().to_owned()),
        _ => None,
    };
    let front = Arc::new(Front {
        inner,
        access: config.access,
        sessions: Sessions::new(config.sessions),
        max_body: config.max_body,
        allowed_hosts: hosts,
        public_url: config.public_url,
        issuer,
    });
    let sweeper = Arc::downgrade(&front);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(SWEEP_EVERY);
        loop {
            every.tick().await;
            match sweeper.upgrade() {
                Some(front) => front.sessions.expire(),
                None => return,
            }
        }
    });
    let router = axum::Router::new()
        .route(crate::HTTP_PATH, axum::routing::any(endpoint))
        .route(METADATA_PATH, axum::routing::get(metadata))
        .route(
            &format!("{METADATA_PATH}{}", crate::HTTP_PATH),
            axum::routing::get(metadata),
        )
        .with_state(front);
    let listener = listener.tap_io(|stream| {
        // Without it, the last segment of an answer waits for the client's delayed ACK.
        let _ = stream.set_nodelay(true);
    });
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| format!("the HTTP server failed: {e}"))
}

/// The address a listener is bound to.
pub(crate) fn bound(listener: &tokio::net::TcpListener) -> Result<SocketAddr, String> {
    listener.local_addr().map_err(|e| e.to_string())
}

impl Front {
    /// The endpoint's URL (the resource), from the public URL or the request's `Host`.
    fn resource(&self, headers: &axum::http::HeaderMap) -> String {
        match &self.public_url {
            Some(url) => url.clone(),
            None => {
                let host = headers
                    .get(header::HOST)
                    .and_then(|h| h.to_str().ok())
                    .unwrap_or("localhost");
                format!("http://{host}{}", crate::HTTP_PATH)
            }
        }
    }

    /// The metadata's URL for a resource URL (RFC 9728 §3.1: the well-known path
    /// goes between the host and the resource's path).
    fn metadata_url(&self, headers: &axum::http::HeaderMap) -> String {
        let resource = self.resource(headers);
        match resource.parse::<axum::http::Uri>() {
            Ok(uri) => {
                let scheme = uri.scheme_str().unwrap_or("http");
                let authority = uri.authority().map_or("localhost", |a| a.as_str());
                let path = uri.path().trim_end_matches('/');
                format!("{scheme}://{authority}{METADATA_PATH}{path}")
            }
            Err(_) => format!("{resource}{METADATA_PATH}"),
        }
    }

    /// Whether the request's `Host` is one this server answers for (DNS rebinding).
    fn host_allowed(&self, headers: &axum::http::HeaderMap) -> bool {
        let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
            return false;
        };
        let Ok(authority) = host.parse::<axum::http::uri::Authority>() else {
            return false;
        };
        let name = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']');
        self.allowed_hosts
            .iter()
            .any(|h| h.eq_ignore_ascii_case(name))
    }

    fn denied(&self, denied: Denied, headers: &axum::http::HeaderMap) -> Response {
        let metadata = self.metadata_url(headers);
        let (status, challenge, message) = match denied {
            Denied::Unauthorized { error, message } => {
                let challenge = match error {
                    Some(error) => {
                        format!("Bearer resource_metadata=\"{metadata}\", error=\"{error}\"")
                    }
                    None => format!("Bearer resource_metadata=\"{metadata}\""),
                };
                (StatusCode::UNAUTHORIZED, challenge, message)
            }
            Denied::InsufficientScope => (
                StatusCode::FORBIDDEN,
                format!(
                    "Bearer resource_metadata=\"{metadata}\", error=\"insufficient_scope\", scope=\"{}\"",
                    crate::oauth::SCOPES.join(" ")
                ),
                "the token has none of the scopes conekta:read, conekta:write, conekta:payments"
                    .to_owned(),
            ),
        };
        let mut response = (status, axum::Json(json!({"error": message}))).into_response();
        if let Ok(value) = HeaderValue::from_str(&challenge) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, value);
        }
        response
    }
}

/// The RFC 9728 protected-resource metadata.
async fn metadata(State(front): State<Arc<Front>>, request: Request) -> Response {
    if !front.host_allowed(request.headers()) {
        return (
            StatusCode::FORBIDDEN,
            "Forbidden: Host header is not allowed",
        )
            .into_response();
    }
    let mut document = json!({
        "resource": front.resource(request.headers()),
        "resource_name": "Conekta API (conekta-mcp)",
        "bearer_methods_supported": ["header"],
    });
    if let Some(issuer) = &front.issuer {
        document["authorization_servers"] = json!([issuer]);
        document["scopes_supported"] = json!(crate::oauth::SCOPES);
    }
    axum::Json(document).into_response()
}

/// What the front reads of a JSON-RPC message.
#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    result: Option<Value>,
    #[serde(default)]
    error: Option<Value>,
    #[serde(default)]
    params: Option<InitializeParams>,
}

/// What the front reads of `initialize`'s params (other methods' params are skipped).
#[derive(Deserialize, Default)]
struct InitializeParams {
    #[serde(default)]
    capabilities: Option<Capabilities>,
}

#[derive(Deserialize, Default)]
struct Capabilities {
    #[serde(default)]
    elicitation: Option<Elicitation>,
}

#[derive(Deserialize, Default)]
struct Elicitation {
    #[serde(default)]
    form: Option<Value>,
    #[serde(default)]
    url: Option<Value>,
}

impl Envelope {
    fn read(body: &[u8]) -> Option<Self> {
        let mut envelope: Envelope = serde_json::from_slice(body).ok()?;
        if envelope.method.as_deref() != Some("initialize") {
            envelope.params = None;
        }
        Some(envelope)
    }

    /// Whether the client of an `initialize` can ask the user (a form elicitation,
    /// or an elicitation capability that names no mode).
    fn can_ask(&self) -> bool {
        self.params
            .as_ref()
            .and_then(|p| p.capabilities.as_ref())
            .and_then(|c| c.elicitation.as_ref())
            .is_some_and(|e| e.form.is_some() || e.url.is_none())
    }
}

fn plain(status: StatusCode, message: &'static str) -> Response {
    (status, message).into_response()
}

/// The `/mcp` endpoint.
async fn endpoint(State(front): State<Arc<Front>>, request: Request) -> Response {
    let (mut parts, body) = request.into_parts();
    if !front.host_allowed(&parts.headers) {
        return plain(
            StatusCode::FORBIDDEN,
            "Forbidden: Host header is not allowed",
        );
    }
    let principal = match front.access.authenticate(&parts.headers) {
        Ok(principal) => principal,
        Err(denied) => return front.denied(denied, &parts.headers),
    };
    let session_id = parts
        .headers
        .get(SESSION_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if parts.method == Method::DELETE {
        return match session_id {
            Some(id) if front.sessions.close(&id, &principal.id) => StatusCode::OK.into_response(),
            Some(_) => plain(StatusCode::NOT_FOUND, "Not Found: Session not found"),
            None => plain(StatusCode::BAD_REQUEST, "Bad Request: no Mcp-Session-Id"),
        };
    }
    if parts.method != Method::POST {
        parts.extensions.insert(principal);
        return forward(&front, parts, Bytes::new()).await;
    }
    let bytes = match axum::body::to_bytes(body, front.max_body).await {
        Ok(bytes) => bytes,
        Err(_) => return plain(StatusCode::PAYLOAD_TOO_LARGE, "Payload Too Large"),
    };
    let envelope = Envelope::read(&bytes);
    let mut busy = None;
    let mut opened = None;
    match (&session_id, &envelope) {
        (Some(id), envelope) => {
            let Some((session, guard)) = front.sessions.enter(id, &principal.id) else {
                return plain(StatusCode::NOT_FOUND, "Not Found: Session not found");
            };
            if let Some(envelope) = envelope.as_ref().filter(|e| e.method.is_none()) {
                // The client's answer to a question the server asked during a call.
                let answer = match (&envelope.result, &envelope.error) {
                    (Some(result), _) => json!({"result": result}),
                    (None, Some(error)) => json!({"error": error}),
                    (None, None) => return plain(StatusCode::BAD_REQUEST, "Bad Request"),
                };
                let id = envelope.id.clone().unwrap_or_default();
                session.deliver(&id, answer);
                return StatusCode::ACCEPTED.into_response();
            }
            parts.extensions.insert(SessionContext(session));
            busy = Some(guard);
        }
        (None, Some(envelope)) if envelope.method.as_deref() == Some("initialize") => {
            match front.sessions.open(&principal.id, envelope.can_ask()) {
                Ok(id) => opened = Some(id),
                Err(SessionsFull::Principal) => {
                    return plain(
                        StatusCode::TOO_MANY_REQUESTS,
                        "Too Many Requests: this principal has its most sessions open, all busy",
                    );
                }
                Err(SessionsFull::Server) => {
                    let mut response = plain(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "Service Unavailable: the server has its most sessions open",
                    );
                    response
                        .headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
                    return response;
                }
            }
        }
        _ => {}
    }
    let owner = principal.id.clone();
    parts.extensions.insert(principal);
    let mut response = forward(&front, parts, bytes).await;
    if let Some(id) = opened {
        match HeaderValue::from_str(&id) {
            Ok(value) if response.status() == StatusCode::OK => {
                response.headers_mut().insert(SESSION_HEADER, value);
            }
            _ => {
                front.sessions.close(&id, &owner);
            }
        }
    }
    match busy {
        // The session stays busy until its answer has been sent (a call that asks
        // the user streams).
        Some(guard) => response.map(|body| {
            Body::new(body.map_frame(move |frame| {
                let _ = &guard;
                frame
            }))
        }),
        None => response,
    }
}

/// Hands the request to rmcp's stateless service.
async fn forward(front: &Front, parts: axum::http::request::Parts, body: Bytes) -> Response {
    let request = axum::http::Request::from_parts(parts, Full::new(body));
    front.inner.handle(request).await.map(Body::new)
}
