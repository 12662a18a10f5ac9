//! [`TransportError`]: a failure below HTTP (connecting, sending, reading the
//! body), with the HTTP library's own error kept private.

/// Why a request got no complete answer: the connection could not be made, it
/// timed out, or the body could not be read.
///
/// The underlying HTTP library's error is reachable only as a
/// [`std::error::Error::source`], so its type is not part of this crate's API.
#[derive(Debug)]
pub struct TransportError(reqwest::Error);

impl TransportError {
    pub(crate) fn new(inner: reqwest::Error) -> Self {
        Self(inner)
    }

    /// The connect timeout or the attempt timeout ran out.
    pub fn is_timeout(&self) -> bool {
        self.0.is_timeout()
    }

    /// The connection could not be made (DNS, refused, TLS handshake…): nothing was sent.
    pub fn is_connect(&self) -> bool {
        self.0.is_connect()
    }

    /// The response body could not be read to its end (a truncated body, a reset
    /// while reading, a `Content-Length` the body does not match).
    pub fn is_body(&self) -> bool {
        self.0.is_body() || self.0.is_decode()
    }
}

impl std::fmt::Display for TransportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.is_timeout() {
            "timed out"
        } else if self.is_connect() {
            "cannot connect"
        } else if self.is_body() {
            "cannot read the response body"
        } else {
            "transport error"
        };
        // The innermost cause says most ("connection refused", "operation timed out"…);
        // the whole chain stays reachable through `source()`.
        let mut cause: &dyn std::error::Error = &self.0;
        while let Some(next) = cause.source() {
            cause = next;
        }
        write!(f, "{kind}: {cause}")
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}
