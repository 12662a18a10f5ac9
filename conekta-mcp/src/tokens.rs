//! `--tokens FILE`: scoped bearer tokens for the HTTP transport.
//!
//! ```toml
//! [[token]]
//! id = "support-bot"            # named in the audit log; the token itself never is
//! sha256 = "<hex of the token's SHA-256>"
//! conekta_key_env = "CONEKTA_KEY_LIVE"
//! read_only = true              # GET operations only
//! # operations = [...], tags = [...], capability = "FILE": optional narrowing
//! allow_payments = false        # true: money-moving calls run without asking
//! max_amount = 50000            # cents per call, for money-moving calls
//! ```
//!
//! Only hashes are stored; each token maps to a Conekta key read from the server's
//! environment, never to one a client sends.

use crate::access::Scope;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

/// One token of the file, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TokenEntry {
    /// Its name in the audit log.
    pub id: String,
    /// The SHA-256 of the token.
    pub sha256: [u8; 32],
    /// The environment variable that holds the Conekta key its calls use.
    pub key_env: String,
    /// What it may do.
    pub scope: Scope,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    token: Vec<RawToken>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawToken {
    id: String,
    sha256: String,
    conekta_key_env: String,
    #[serde(default)]
    read_only: bool,
    operations: Option<Vec<String>>,
    tags: Option<Vec<String>>,
    capability: Option<String>,
    #[serde(default)]
    allow_payments: bool,
    max_amount: Option<u64>,
}

/// The SHA-256 of some bytes.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes);
    let mut out = [0; 32];
    out.copy_from_slice(digest.as_ref());
    out
}

fn parse_hex(text: &str) -> Option<[u8; 32]> {
    let text = text.trim();
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut out = [0; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// Reads a tokens file; a capability path is relative to the file's directory.
/// Errors name the token (by `id`), never a secret.
pub(crate) fn parse(text: &str, dir: &Path) -> Result<Vec<TokenEntry>, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    if file.token.is_empty() {
        return Err("no [[token]] entries".into());
    }
    let mut ids = BTreeSet::new();
    let mut hashes = BTreeSet::new();
    file.token
        .into_iter()
        .map(|raw| {
            let id = raw.id.trim().to_owned();
            if id.is_empty() {
                return Err("a token has an empty `id`".to_owned());
            }
            let sha256 = parse_hex(&raw.sha256).ok_or_else(|| {
                format!(
                    "token `{id}`: `sha256` is not 64 hexadecimal digits (the SHA-256 of the token)"
                )
            })?;
            if !ids.insert(id.clone()) {
                return Err(format!("two tokens are named `{id}`"));
            }
            if !hashes.insert(sha256) {
                return Err(format!("token `{id}` has the same sha256 as another token"));
            }
            if raw.conekta_key_env.trim().is_empty() {
                return Err(format!("token `{id}`: `conekta_key_env` is empty"));
            }
            Ok(TokenEntry {
                id,
                sha256,
                key_env: raw.conekta_key_env.trim().to_owned(),
                scope: Scope {
                    read_only: raw.read_only,
                    operations: raw.operations,
                    tags: raw.tags,
                    capability: raw.capability.map(|path| dir.join(path)),
                    allow_payments: raw.allow_payments,
                    max_amount: raw.max_amount,
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: [u8; 32]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn reads_tokens_as_hashes_with_their_scopes() {
        let text = format!(
            "[[token]]\nid = \"bot\"\nsha256 = \"{}\"\nconekta_key_env = \"KEY\"\nread_only = true\n\
             [[token]]\nid = \"payer\"\nsha256 = \"{}\"\nconekta_key_env = \"KEY\"\nallow_payments = true\nmax_amount = 50000\ncapability = \"c.yml\"\n",
            hex(sha256(b"secret-1")),
            hex(sha256(b"secret-2")).to_uppercase()
        );
        let tokens = parse(&text, Path::new("/etc/mcp")).unwrap();
        assert_eq!(tokens[0].id, "bot");
        assert_eq!(tokens[0].sha256, sha256(b"secret-1"));
        assert!(tokens[0].scope.read_only);
        assert_eq!(tokens[1].sha256, sha256(b"secret-2"));
        assert_eq!(tokens[1].scope.max_amount, Some(50000));
        assert_eq!(
            tokens[1].scope.capability.as_deref(),
            Some(Path::new("/etc/mcp/c.yml"))
        );
    }

    #[test]
    fn refuses_bad_files() {
        let ok = format!(
            "[[token]]\nid = \"a\"\nsha256 = \"{}\"\nconekta_key_env = \"K\"\n",
            hex(sha256(b"x"))
        );
        assert!(parse(&ok, Path::new(".")).is_ok());
        for bad in [
            ok.replace("sha256 = \"", "sha256 = \"zz"),
            ok.replace("conekta_key_env", "key"),
            format!("{ok}{ok}"),
            String::new(),
        ] {
            assert!(parse(&bad, Path::new(".")).is_err(), "{bad}");
        }
    }
}
