//! [`Error`]: what went wrong with a request, told apart by whether it reached Conekta.

use super::pagination::PaginationError;
use super::transport::TransportError;
use crate::models;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, LOCATION};

/// How much of an undecodable body an error keeps.
const BODY_PREFIX_LEN: usize = 512;

/// Why an operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be built (an empty id, a body that does not serialise…);
    /// nothing was sent.
    #[error("{operation}: invalid request: {reason}")]
    InvalidRequest {
        /// The operation's id.
        operation: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// The request certainly did not reach Conekta (the connection could not be made).
    #[error("{operation}: not sent: {source}")]
    NotSent {
        /// The operation's id.
        operation: &'static str,
        /// The transport error.
        #[source]
        source: TransportError,
    },
    /// The request may have reached Conekta, but no complete answer came back
    /// (a timeout or a reset after sending). A charge may have been made.
    #[error("{operation}: maybe sent, no answer: {source}")]
    MaybeSent {
        /// The operation's id.
        operation: &'static str,
        /// The transport error.
        #[source]
        source: TransportError,
    },
    /// Conekta answered with a body larger than the client accepts
    /// ([`ClientBuilder::max_response_bytes`](crate::ClientBuilder::max_response_bytes));
    /// reading stopped at the limit. The request reached Conekta.
    #[error(
        "{operation}: the {status} response exceeds the limit of {limit} bytes and was dropped"
    )]
    ResponseTooLarge {
        /// The operation's id.
        operation: &'static str,
        /// The HTTP status.
        status: StatusCode,
        /// The limit, in bytes.
        limit: u64,
        /// The `Content-Length` the server announced, if it sent one.
        content_length: Option<u64>,
    },
    /// Conekta answered with an error status, or with a redirect (which is never followed).
    #[error("{}", .0)]
    Api(Box<ApiError>),
    /// Conekta answered with a success status, but the body does not fit the spec.
    #[error("{operation}: cannot decode the {status} response at `{path}`: {source}")]
    Decode {
        /// The operation's id.
        operation: &'static str,
        /// The HTTP status.
        status: StatusCode,
        /// JSON path of the value that did not fit.
        path: String,
        /// What serde said.
        #[source]
        source: serde_json::Error,
        /// The start of the body, for diagnosis.
        body_prefix: String,
    },
    /// A list's pages could not be followed: a page said `has_more` without a
    /// cursor, or gave a cursor already followed (the pages would loop).
    #[error("{operation}: {reason}")]
    Pagination {
        /// The operation's id.
        operation: &'static str,
        /// What went wrong.
        reason: PaginationError,
    },
}

impl Error {
    /// The HTTP status, when Conekta answered.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(api) => Some(api.status),
            Error::Decode { status, .. } | Error::ResponseTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The decoded Conekta error body, when there is one.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }
}

/// An error answer from Conekta.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The operation's id.
    pub operation: &'static str,
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// The Conekta error body (`type`, `log_id`, `details`), when the body is one.
    pub body: Option<models::ErrorBody>,
    /// The raw body as text (HTML 404 pages and empty 500s are kept here).
    pub raw_body: String,
    /// Where a redirect pointed: the `Location` of a 3xx, or the URL a
    /// user-supplied HTTP client was redirected to.
    redirected_to: Option<String>,
}

impl ApiError {
    pub(crate) fn new(
        operation: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        bytes: &[u8],
    ) -> Self {
        let body = serde_json::from_slice::<models::ErrorBody>(bytes)
            .ok()
            .filter(|body| {
                body.r#type.is_some() || body.details.is_some() || body.log_id.is_some()
            });
        let redirected_to = status
            .is_redirection()
            .then(|| headers.get(LOCATION))
            .flatten()
            .map(|location| String::from_utf8_lossy(location.as_bytes()).into_owned());
        Self {
            operation,
            status,
            headers,
            body,
            raw_body: String::from_utf8_lossy(bytes).into_owned(),
            redirected_to,
        }
    }

    /// The answer of a user-supplied HTTP client that followed a redirect to
    /// `final_url`: the status and headers of that answer, its body left unread.
    pub(crate) fn followed_redirect(
        operation: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        final_url: &str,
    ) -> Self {
        Self {
            operation,
            status,
            headers,
            body: None,
            raw_body: String::new(),
            redirected_to: Some(final_url.to_owned()),
        }
    }

    /// Where a redirect pointed, when the answer was one: the `Location` header
    /// of a 3xx (the SDK never follows redirects), or, with a client given to
    /// [`ClientBuilder::http_client`](crate::ClientBuilder::http_client) that
    /// follows them, the URL it ended at (whose answer is not decoded).
    pub fn redirect_location(&self) -> Option<&str> {
        self.redirected_to.as_deref()
    }

    /// Conekta's error type (e.g. [`ErrorType::ParameterValidationError`](models::ErrorType::ParameterValidationError)).
    pub fn error_type(&self) -> Option<&models::ErrorType> {
        self.body.as_ref()?.r#type.as_ref()
    }

    /// Conekta's log id, for support requests.
    pub fn log_id(&self) -> Option<&str> {
        self.body.as_ref()?.log_id.as_deref()
    }

    /// The error details (code, message, param, debug message).
    pub fn details(&self) -> &[models::DetailsError] {
        self.body
            .as_ref()
            .and_then(|body| body.details.as_deref())
            .unwrap_or_default()
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.redirected_to, self.status.is_redirection()) {
            (Some(to), true) => {
                return write!(
                    f,
                    "{}: Conekta answered {} redirecting to `{to}`; redirects are not followed",
                    self.operation, self.status
                );
            }
            (None, true) => {
                return write!(
                    f,
                    "{}: Conekta answered {} (a redirect without `Location`); redirects are not followed",
                    self.operation, self.status
                );
            }
            (Some(to), false) => {
                return write!(
                    f,
                    "{}: the HTTP client followed a redirect to `{to}`, which answered {}; \
                     that answer is not decoded",
                    self.operation, self.status
                );
            }
            (None, false) => {}
        }
        write!(f, "{}: Conekta answered {}", self.operation, self.status)?;
        if let Some(kind) = self.error_type() {
            write!(f, " ({kind})")?;
        }
        let messages: Vec<&str> = self
            .details()
            .iter()
            .filter_map(|d| d.message.as_deref().or(d.code.as_deref()))
            .collect();
        if !messages.is_empty() {
            write!(f, ": {}", messages.join("; "))?;
        }
        if let Some(log_id) = self.log_id() {
            write!(f, " [log_id {log_id}]")?;
        }
        Ok(())
    }
}

/// The start of a body, cut at a character boundary (invalid UTF-8 before the
/// cut shows as U+FFFD).
pub(crate) fn body_prefix(bytes: &[u8]) -> String {
    let cut = &bytes[..bytes.len().min(BODY_PREFIX_LEN)];
    // A character split by the cut is left out rather than shown as U+FFFD.
    let cut = match std::str::from_utf8(cut) {
        Err(err) if err.error_len().is_none() => &cut[..err.valid_up_to()],
        _ => cut,
    };
    String::from_utf8_lossy(cut).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_prefix_cuts_between_characters() {
        let mut body = vec![b'a'; BODY_PREFIX_LEN - 1];
        body.extend_from_slice("ñandú".as_bytes());
        let prefix = body_prefix(&body);
        assert_eq!(prefix.len(), BODY_PREFIX_LEN - 1);
        assert!(!prefix.contains('\u{fffd}'));
        assert_eq!(body_prefix(b"ok \xff"), "ok \u{fffd}");
    }
}
