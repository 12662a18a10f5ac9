//! Who sends an HTTP request: the bearer token checked against `--tokens` or the
//! OAuth issuer, or (with neither) taken as the client's own Conekta key.

use crate::access::{Permissions, Principal};
use crate::oauth::{Grant, Refusal, Validator};
use crate::tokens::sha256;
use axum::http::HeaderMap;
use conekta_sdk::Client;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Past this many keys, the cache of per-key clients (no `--tokens`) starts over.
const KEY_CACHE: usize = 1024;

/// Makes the client of a Conekta key.
pub(crate) type MakeClient = Box<dyn Fn(&str) -> Result<Client, conekta_sdk::Error> + Send + Sync>;

/// How requests are authenticated.
pub(crate) enum Access {
    /// No `--tokens` and no OAuth: a client's bearer is its own Conekta key (a local
    /// server for one user); without one, the environment's key.
    Passthrough {
        /// The principal of the environment's key, if there is one.
        local: Option<Arc<Principal>>,
        /// What a client with its own key may do (the command line's).
        permissions: Arc<Permissions>,
        /// Makes a client for a key.
        client: MakeClient,
        /// Principals by the SHA-256 of their key.
        cache: Mutex<HashMap<[u8; 32], Arc<Principal>>>,
    },
    /// `--tokens`: principals by the SHA-256 of their token.
    Tokens(HashMap<[u8; 32], Arc<Principal>>),
    /// OAuth 2.1: JWT access tokens of one issuer.
    OAuth {
        /// Checks tokens.
        validator: Validator,
        /// The client calls go through (the server's key).
        client: Result<Client, &'static str>,
        /// What each grant may do.
        grants: [(Grant, Arc<Permissions>); 3],
    },
}

/// Why a request is refused before anything else happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Denied {
    /// No credential, or one that is not valid: 401 (`error` is the RFC 6750 code
    /// when a token was sent).
    Unauthorized {
        /// `invalid_token` when a token was sent.
        error: Option<&'static str>,
        /// What a person should know (never the token).
        message: String,
    },
    /// A valid token without any Conekta scope: 403.
    InsufficientScope,
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

fn invalid(message: &str) -> Denied {
    Denied::Unauthorized {
        error: Some("invalid_token"),
        message: message.to_owned(),
    }
}

impl Access {
    /// The principal of a request.
    pub(crate) fn authenticate(&self, headers: &HeaderMap) -> Result<Arc<Principal>, Denied> {
        let token = bearer(headers);
        match self {
            Access::Passthrough {
                local,
                permissions,
                client,
                cache,
            } => {
                let Some(key) = token else {
                    return local.clone().ok_or_else(|| Denied::Unauthorized {
                        error: None,
                        message: "send `Authorization: Bearer key_…` (your Conekta key), or set \
                                  the key in the server's environment"
                            .into(),
                    });
                };
                let hash = sha256(key.as_bytes());
                let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(principal) = cache.get(&hash) {
                    return Ok(principal.clone());
                }
                let client = client(key).map_err(|_| invalid("the key is not usable"))?;
                let id: String = hash[..6].iter().map(|b| format!("{b:02x}")).collect();
                let principal = Arc::new(Principal {
                    id: format!("key-{id}"),
                    client: Ok(client),
                    permissions: permissions.clone(),
                });
                if cache.len() >= KEY_CACHE {
                    cache.clear();
                }
                cache.insert(hash, principal.clone());
                Ok(principal)
            }
            Access::Tokens(by_hash) => {
                let token = token.ok_or_else(|| Denied::Unauthorized {
                    error: None,
                    message: "this server wants `Authorization: Bearer <token>`, a token it issued"
                        .into(),
                })?;
                by_hash
                    .get(&sha256(token.as_bytes()))
                    .cloned()
                    .ok_or_else(|| invalid("the token is not one of this server's"))
            }
            Access::OAuth {
                validator,
                client,
                grants,
            } => {
                let token = token.ok_or_else(|| Denied::Unauthorized {
                    error: None,
                    message: format!(
                        "this server wants `Authorization: Bearer <access token>` from {}",
                        validator.issuer()
                    ),
                })?;
                let (sub, grant) = validator.check(token).map_err(|refusal| match refusal {
                    Refusal::Invalid(message) => invalid(&message),
                    Refusal::NoScope => Denied::InsufficientScope,
                })?;
                let permissions = grants
                    .iter()
                    .find(|(g, _)| *g == grant)
                    .map(|(_, p)| p.clone())
                    .unwrap_or_default();
                Ok(Arc::new(Principal {
                    id: sub,
                    client: client.clone(),
                    permissions,
                }))
            }
        }
    }
}
