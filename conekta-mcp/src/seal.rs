//! Sealed confirmations: on protocol 2026-07-28, the state a confirmation carries
//! between the server's question and the client's retry (`requestState`) is
//! encrypted and authenticated (ChaCha20-Poly1305) with a key derived from a secret
//! of the environment ([`SECRET_VAR`]), so that any instance that has the same
//! secret can finish it: no sticky sessions. It binds the answer to the principal,
//! the operation, the canonical arguments and the amount, and expires after
//! [`LIFETIME`].

use aws_lc_rs::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The environment variable with the secret (at least 32 bytes), the same on every
/// instance that may finish another's confirmations.
pub const SECRET_VAR: &str = "CONEKTA_MCP_SECRET";
/// How long a confirmation can be finished.
pub(crate) const LIFETIME: Duration = Duration::from_secs(10 * 60);
/// The shortest secret accepted.
const MIN_SECRET_BYTES: usize = 32;
/// What the key is derived for, and the associated data of every seal.
const CONTEXT: &[u8] = b"conekta-mcp confirmation v1";

/// What a confirmation is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Binding {
    /// The principal's name.
    pub principal: String,
    /// The operation id.
    pub operation: String,
    /// The SHA-256 of the canonical arguments, in hex.
    pub arguments: String,
    /// The amount in cents, when the arguments say.
    pub amount: Option<i64>,
    /// Unix time (seconds) after which it is refused.
    pub expires: u64,
}

impl Binding {
    /// A binding of these arguments that expires [`LIFETIME`] from now.
    pub(crate) fn new(
        principal: &str,
        operation: &str,
        arguments: &Value,
        amount: Option<i64>,
    ) -> Self {
        Self {
            principal: principal.to_owned(),
            operation: operation.to_owned(),
            arguments: digest(arguments),
            amount,
            expires: now() + LIFETIME.as_secs(),
        }
    }
}

/// Why a sealed state is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Broken {
    /// Not sealed with this key, or changed.
    Forged,
    /// For another principal, operation, arguments or amount.
    OtherCall,
    /// Too old.
    Expired,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Broken::Forged => "the confirmation's state was not made by this server",
            Broken::OtherCall => "the confirmation was given for other arguments",
            Broken::Expired => "the confirmation has expired (it lasts 10 minutes)",
        })
    }
}

/// Seals and opens confirmation states.
pub(crate) struct Sealer {
    key: LessSafeKey,
    random: SystemRandom,
}

impl Sealer {
    /// A sealer keyed by a secret (the SHA-256 of a context string and the secret).
    pub(crate) fn from_secret(secret: &str) -> Result<Self, String> {
        if secret.len() < MIN_SECRET_BYTES {
            return Err(format!(
                "{SECRET_VAR} must be at least {MIN_SECRET_BYTES} bytes long (e.g. 64 random hexadecimal digits)"
            ));
        }
        let mut context = aws_lc_rs::digest::Context::new(&aws_lc_rs::digest::SHA256);
        context.update(CONTEXT);
        context.update(secret.as_bytes());
        Self::with_key(context.finish().as_ref())
    }

    /// A sealer with a random key: confirmations finish only on this process.
    pub(crate) fn random() -> Result<Self, String> {
        let mut key = [0u8; 32];
        SystemRandom::new()
            .fill(&mut key)
            .map_err(|_| "no random numbers for the confirmation key".to_owned())?;
        Self::with_key(&key)
    }

    fn with_key(key: &[u8]) -> Result<Self, String> {
        let key = UnboundKey::new(&CHACHA20_POLY1305, key)
            .map_err(|_| "cannot make the confirmation key".to_owned())?;
        Ok(Self {
            key: LessSafeKey::new(key),
            random: SystemRandom::new(),
        })
    }

    /// The sealed state of a binding: base64url of a random nonce, the encrypted
    /// binding and its tag.
    pub(crate) fn seal(&self, binding: &Binding) -> Option<String> {
        let mut nonce = [0u8; NONCE_LEN];
        self.random.fill(&mut nonce).ok()?;
        let mut data = serde_json::to_vec(binding).ok()?;
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(CONTEXT),
                &mut data,
            )
            .ok()?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&data);
        Some(URL_SAFE_NO_PAD.encode(out))
    }

    /// Opens a sealed state and checks it is for `expected` (whose `expires` is
    /// ignored) and not expired.
    pub(crate) fn check(&self, sealed: &str, expected: &Binding) -> Result<(), Broken> {
        let bytes = URL_SAFE_NO_PAD
            .decode(sealed.trim())
            .map_err(|_| Broken::Forged)?;
        if bytes.len() < NONCE_LEN {
            return Err(Broken::Forged);
        }
        let (nonce, data) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| Broken::Forged)?;
        let mut data = data.to_vec();
        let plain = self
            .key
            .open_in_place(nonce, Aad::from(CONTEXT), &mut data)
            .map_err(|_| Broken::Forged)?;
        let found: Binding = serde_json::from_slice(plain).map_err(|_| Broken::Forged)?;
        if found.principal != expected.principal
            || found.operation != expected.operation
            || found.arguments != expected.arguments
            || found.amount != expected.amount
        {
            return Err(Broken::OtherCall);
        }
        if now() > found.expires {
            return Err(Broken::Expired);
        }
        Ok(())
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The SHA-256 (hex) of a value's canonical JSON: object members sorted by name,
/// no spaces.
pub(crate) fn digest(value: &Value) -> String {
    let mut text = String::new();
    canonical(value, &mut text);
    crate::tokens::sha256(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (name, value)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(name.clone()).to_string());
                out.push(':');
                canonical(value, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_seal_opens_only_for_its_call_and_on_an_instance_with_the_same_secret() {
        let secret = "0123456789abcdef0123456789abcdef-test";
        let one = Sealer::from_secret(secret).unwrap();
        let other = Sealer::from_secret(secret).unwrap();
        let args = json!({"body": {"amount": 100, "currency": "MXN"}, "id": "ord_1"});
        let binding = Binding::new("bot", "orderRefund", &args, Some(100));
        let sealed = one.seal(&binding).unwrap();
        assert_eq!(other.check(&sealed, &binding), Ok(()));
        let reordered = json!({"id": "ord_1", "body": {"currency": "MXN", "amount": 100}});
        assert_eq!(
            other.check(
                &sealed,
                &Binding::new("bot", "orderRefund", &reordered, Some(100))
            ),
            Ok(())
        );
        let changed = json!({"body": {"amount": 101, "currency": "MXN"}, "id": "ord_1"});
        assert_eq!(
            other.check(
                &sealed,
                &Binding::new("bot", "orderRefund", &changed, Some(101))
            ),
            Err(Broken::OtherCall)
        );
        assert_eq!(
            other.check(
                &sealed,
                &Binding::new("eve", "orderRefund", &args, Some(100))
            ),
            Err(Broken::OtherCall)
        );
        let stranger = Sealer::from_secret("another secret, also 32 bytes or more").unwrap();
        assert_eq!(stranger.check(&sealed, &binding), Err(Broken::Forged));
        let mut tampered = sealed.clone().into_bytes();
        let last = tampered.len() - 2;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            one.check(&String::from_utf8(tampered).unwrap(), &binding),
            Err(Broken::Forged)
        );
        let old = Binding {
            expires: now() - 1,
            ..binding.clone()
        };
        assert_eq!(
            one.check(&one.seal(&old).unwrap(), &binding),
            Err(Broken::Expired)
        );
        assert!(Sealer::from_secret("short").is_err());
    }
}
