//! OAuth 2.1 resource-server mode (`--oauth-issuer`, `--oauth-audience`, `--jwks`):
//! bearer tokens are JWT access tokens of one issuer, checked for their signature
//! (against the issuer's JWKS), `iss`, `aud` and `exp`. Their scopes map to the same
//! permissions as a tokens file's: `conekta:read` reads, `conekta:write` also writes
//! (money-moving calls still ask the user), `conekta:payments` also moves money
//! without asking.

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

/// Reads.
pub(crate) const SCOPE_READ: &str = "conekta:read";
/// Reads and writes.
pub(crate) const SCOPE_WRITE: &str = "conekta:write";
/// Money-moving calls without asking.
pub(crate) const SCOPE_PAYMENTS: &str = "conekta:payments";
/// Every scope, for the protected-resource metadata.
pub(crate) const SCOPES: [&str; 3] = [SCOPE_READ, SCOPE_WRITE, SCOPE_PAYMENTS];

/// The asymmetric algorithms a token may be signed with (never `HS*` or `none`).
const ALGORITHMS: [Algorithm; 8] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
];

/// What a valid token grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Grant {
    /// `conekta:read`.
    Read,
    /// `conekta:write`.
    Write,
    /// `conekta:payments`.
    Payments,
}

/// Why a token is refused (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Not a valid token of this issuer for this audience (a 401).
    Invalid(String),
    /// Valid, but with none of the Conekta scopes (a 403).
    NoScope,
}

/// Checks JWT access tokens.
pub(crate) struct Validator {
    issuer: String,
    audience: String,
    keys: JwkSet,
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    scp: Option<Vec<String>>,
}

impl Validator {
    /// A validator for one issuer and audience with the issuer's keys (a JWKS
    /// document).
    pub(crate) fn new(issuer: &str, audience: &str, jwks: &str) -> Result<Self, String> {
        let keys: JwkSet = serde_json::from_str(jwks).map_err(|e| format!("not a JWKS: {e}"))?;
        if keys.keys.is_empty() {
            return Err("the JWKS has no keys".into());
        }
        for key in &keys.keys {
            DecodingKey::from_jwk(key).map_err(|e| format!("a key of the JWKS: {e}"))?;
        }
        Ok(Self {
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            keys,
        })
    }

    /// The issuer, for the metadata.
    pub(crate) fn issuer(&self) -> &str {
        &self.issuer
    }

    /// Checks a token: returns its `sub` and what it grants.
    pub(crate) fn check(&self, token: &str) -> Result<(String, Grant), Refusal> {
        let invalid = |what: &str| Refusal::Invalid(what.to_owned());
        let header = jsonwebtoken::decode_header(token).map_err(|_| invalid("not a JWT"))?;
        if !ALGORITHMS.contains(&header.alg) {
            return Err(invalid("the token's algorithm is not an asymmetric one"));
        }
        let jwk = match &header.kid {
            Some(kid) => self.keys.find(kid),
            None if self.keys.keys.len() == 1 => self.keys.keys.first(),
            None => None,
        }
        .ok_or_else(|| invalid("no key of the issuer's JWKS signed it"))?;
        if let Some(alg) = jwk.common.key_algorithm {
            // Both enums name the algorithms alike (`RS256`, `ES256`…).
            if format!("{alg:?}") != format!("{:?}", header.alg) {
                return Err(invalid("the token's algorithm is not its key's"));
            }
        }
        let key =
            DecodingKey::from_jwk(jwk).map_err(|_| invalid("the issuer's key is unusable"))?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 30;
        let data = jsonwebtoken::decode::<Claims>(token, &key, &validation).map_err(|e| {
            Refusal::Invalid(match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => "the token has expired".into(),
                jsonwebtoken::errors::ErrorKind::InvalidIssuer => {
                    "the token's issuer is not this server's".into()
                }
                jsonwebtoken::errors::ErrorKind::InvalidAudience => {
                    "the token is for another audience".into()
                }
                jsonwebtoken::errors::ErrorKind::InvalidSignature => {
                    "the token's signature is not valid".into()
                }
                _ => "the token is not valid".into(),
            })
        })?;
        let claims = data.claims;
        let scopes: Vec<&str> = match (&claims.scope, &claims.scp) {
            (Some(scope), _) => scope.split_whitespace().collect(),
            (None, Some(list)) => list.iter().map(String::as_str).collect(),
            (None, None) => Vec::new(),
        };
        let grant = if scopes.contains(&SCOPE_PAYMENTS) {
            Grant::Payments
        } else if scopes.contains(&SCOPE_WRITE) {
            Grant::Write
        } else if scopes.contains(&SCOPE_READ) {
            Grant::Read
        } else {
            return Err(Refusal::NoScope);
        };
        Ok((claims.sub, grant))
    }
}

/// Reads a JWKS from a file, or fetches it from an `http(s)://` URL.
pub(crate) async fn load_jwks(source: &str) -> Result<String, String> {
    if source.starts_with("http://") || source.starts_with("https://") {
        let response = reqwest::get(source)
            .await
            .map_err(|e| format!("cannot fetch the JWKS from {source}: {e}"))?;
        if !response.status().is_success() {
            return Err(format!(
                "cannot fetch the JWKS from {source}: HTTP {}",
                response.status()
            ));
        }
        response
            .text()
            .await
            .map_err(|e| format!("cannot read the JWKS from {source}: {e}"))
    } else {
        std::fs::read_to_string(source).map_err(|e| format!("cannot read the JWKS {source}: {e}"))
    }
}
