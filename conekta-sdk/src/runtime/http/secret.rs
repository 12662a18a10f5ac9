//! The API key, kept out of every `Debug`, `Display` and log line.

use reqwest::header::HeaderValue;

/// A Conekta private API key. Its `Debug` output never shows the key.
#[derive(Clone)]
pub struct ApiKey(HeaderValue);

impl ApiKey {
    /// Wraps a key; `None` if it is empty or cannot be sent in a header.
    pub fn new(key: &str) -> Option<Self> {
        let key = key.trim();
        if key.is_empty() {
            return None;
        }
        let mut value = HeaderValue::from_str(&format!("Bearer {key}")).ok()?;
        value.set_sensitive(true);
        Some(Self(value))
    }

    /// The `Authorization` header value (marked sensitive).
    pub(crate) fn authorization(&self) -> &HeaderValue {
        &self.0
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_shows_the_key() {
        let key = ApiKey::new("key_secret123").expect("valid key");
        assert_eq!(format!("{key:?}"), "ApiKey(<redacted>)");
        assert!(key.authorization().is_sensitive());
        assert!(ApiKey::new("  ").is_none());
        assert!(ApiKey::new("bad\nkey").is_none());
    }
}
