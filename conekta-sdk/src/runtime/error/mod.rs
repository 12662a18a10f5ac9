//! [`Error`]: what went wrong with a request, told apart by whether it reached
//! Conekta, and the causes it carries ([`ApiError`], [`AnswerDecodeError`],
//! [`TransportError`], [`PaginationError`]). Below the HTTP client, which
//! returns it: nothing here imports `http`.

mod pagination;
mod transport;

pub use pagination::PaginationError;
pub use transport::TransportError;

use crate::generated::models;
use crate::runtime::model::DecodeError;
use bytes::Bytes;
use reqwest::header::{HeaderMap, LOCATION};
use reqwest::{Method, StatusCode};
use std::borrow::Cow;
use std::fmt;

/// How much of a body `Debug` shows (the whole body is kept, see [`Error::body`]).
const DEBUG_BODY_LEN: usize = 512;

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
    /// Conekta answered with a success status, but the body does not fit the
    /// model. The request took effect (an order may have been created): the
    /// whole body is kept, [`Error::body`], and so is the `id` in it,
    /// [`AnswerDecodeError::id`].
    #[error(transparent)]
    Decode(Box<AnswerDecodeError>),
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
            Error::Decode(answer) => Some(answer.status),
            Error::ResponseTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Every byte of Conekta's answer, as received, when it was read: the body
    /// of an API error ([`Error::Api`]), or of a success that does not fit the
    /// model ([`Error::Decode`]). Bodies are read up to the client's
    /// [`max_response_bytes`](crate::ClientBuilder::max_response_bytes); a
    /// larger one is [`Error::ResponseTooLarge`], and `None` here.
    ///
    /// ```no_run
    /// # async fn demo(client: conekta_sdk::Client, order: conekta_sdk::models::OrderRequest) {
    /// match client.orders().create_order(order).await {
    ///     Ok(order) => println!("created {}", order.id),
    ///     Err(err) => {
    ///         // The order may exist even though its answer did not fit: keep every byte.
    ///         if let Some(body) = err.body() {
    ///             eprintln!("{err}; answer: {}", String::from_utf8_lossy(body));
    ///         }
    ///     }
    /// }
    /// # }
    /// ```
    #[must_use]
    pub fn body(&self) -> Option<&[u8]> {
        match self {
            Error::Api(api) => api.raw.as_deref(),
            Error::Decode(answer) => Some(&answer.body),
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
    /// The body as received (HTML 404 pages and empty 500s too); `None` when
    /// it was not read (the answer of a followed redirect).
    raw: Option<Bytes>,
    /// Where a redirect pointed: the `Location` of a 3xx, or the URL a
    /// user-supplied HTTP client was redirected to.
    redirected_to: Option<String>,
}

impl ApiError {
    pub(crate) fn new(
        operation: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        bytes: Bytes,
    ) -> Self {
        let body = serde_json::from_slice::<models::ErrorBody>(&bytes)
            .ok()
            .filter(|body| body.type_.is_some() || body.details.is_some() || body.log_id.is_some());
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
            raw: Some(bytes),
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
            raw: None,
            redirected_to: Some(final_url.to_owned()),
        }
    }

    /// The body as text, every byte of it (invalid UTF-8 shows as U+FFFD);
    /// empty when it was not read. [`Error::body`] gives the bytes.
    #[must_use]
    pub fn raw_body(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(self.raw.as_deref().unwrap_or_default())
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
        self.body.as_ref()?.type_.as_ref()
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

    /// What went wrong, in one line for a person: the first detail's message
    /// (in the request's language), else its debug message, else Conekta's
    /// error type, else the HTTP status's reason (`Not Found`).
    #[must_use]
    pub fn message(&self) -> &str {
        let detail = self.details().first();
        [
            detail.map(models::DetailsError::message),
            detail.map(models::DetailsError::debug_message),
            self.error_type().map(models::ErrorType::as_str),
            self.status.canonical_reason(),
        ]
        .into_iter()
        .flatten()
        .find(|text| !text.is_empty())
        .unwrap_or_default()
    }
}

/// Reads of an error detail without `Option`s: an absent member reads as `""`.
impl models::DetailsError {
    /// The error code, e.g. `conekta.errors.processing.bank.declined` (`""` when absent).
    #[must_use]
    pub fn code(&self) -> &str {
        self.code.as_deref().unwrap_or_default()
    }

    /// The message for the payer, in the request's language (`""` when absent).
    #[must_use]
    pub fn message(&self) -> &str {
        self.message.as_deref().unwrap_or_default()
    }

    /// The parameter at fault, e.g. `card[number]` (`""` when absent).
    #[must_use]
    pub fn param(&self) -> &str {
        self.param.as_deref().unwrap_or_default()
    }

    /// The message for the developer, always in English (`""` when absent).
    #[must_use]
    pub fn debug_message(&self) -> &str {
        self.debug_message.as_deref().unwrap_or_default()
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
            .map(|d| {
                if d.message().is_empty() {
                    d.code()
                } else {
                    d.message()
                }
            })
            .filter(|text| !text.is_empty())
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

/// A success answer that does not fit its model: what [`Error::Decode`] holds.
///
/// `Display` is one line, naming the object the answer is about when the body
/// has an `id` ("createOrder: created `ord_2tN…`, but its 200 answer does not
/// fit at `amount`: …"); [`body`](Self::body) has every byte of the answer.
#[non_exhaustive]
pub struct AnswerDecodeError {
    /// The operation's id.
    pub operation: &'static str,
    /// The HTTP status.
    pub status: StatusCode,
    method: Method,
    error: DecodeError,
    body: Bytes,
    id: Option<String>,
}

impl AnswerDecodeError {
    /// The answer of `operation`, sent with `method`, that did not decode.
    pub(crate) fn new(
        operation: &'static str,
        method: Method,
        status: StatusCode,
        error: DecodeError,
        body: Bytes,
    ) -> Self {
        Self {
            operation,
            status,
            method,
            error,
            id: top_level_id(&body),
            body,
        }
    }

    /// The JSON path of the value that did not fit (`.` for the root), e.g.
    /// `data[0].id`.
    #[must_use]
    pub fn path(&self) -> &str {
        self.error.path()
    }

    /// What serde said (its category, line and column).
    #[must_use]
    pub fn json_error(&self) -> &serde_json::Error {
        self.error.json_error()
    }

    /// Every byte of the answer, as received.
    #[must_use]
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The `id` member at the top of the answer, when it has one: the object
    /// the request created, changed or read (an order's `ord_…`).
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// What the request did to the object with this `id`, in words.
    fn verb(&self) -> &'static str {
        let created = self
            .operation
            .get(..6)
            .is_some_and(|start| start.eq_ignore_ascii_case("create"));
        match self.method {
            Method::GET => "got",
            Method::DELETE => "deleted",
            Method::POST if created => "created",
            _ => "changed",
        }
    }
}

/// The `id` member of a JSON object, read without decoding the rest.
fn top_level_id(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: Option<String>,
    }
    serde_json::from_slice::<Id>(body).ok()?.id
}

impl fmt::Display for AnswerDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(
                f,
                "{}: {} `{id}`, but its {} answer does not fit",
                self.operation,
                self.verb(),
                self.status
            )?,
            None => write!(
                f,
                "{}: the {} answer does not fit",
                self.operation, self.status
            )?,
        }
        write!(
            f,
            " at `{}`: {} (Error::body() has all {} bytes)",
            self.path(),
            self.json_error(),
            self.body.len()
        )
    }
}

impl fmt::Debug for AnswerDecodeError {
    /// The body is shown up to 512 bytes, with its length.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnswerDecodeError")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("method", &self.method)
            .field("error", &self.error)
            .field("id", &self.id)
            .field("body_len", &self.body.len())
            .field("body", &body_start(&self.body))
            .finish()
    }
}

impl std::error::Error for AnswerDecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.json_error())
    }
}

/// The start of a body, for `Debug`: cut at a character boundary (invalid
/// UTF-8 before the cut shows as U+FFFD).
fn body_start(bytes: &[u8]) -> Cow<'_, str> {
    let cut = &bytes[..bytes.len().min(DEBUG_BODY_LEN)];
    // A character split by the cut is left out rather than shown as U+FFFD.
    let cut = match std::str::from_utf8(cut) {
        Err(err) if err.error_len().is_none() => &cut[..err.valid_up_to()],
        _ => cut,
    };
    String::from_utf8_lossy(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_start_cuts_between_characters() {
        let mut body = vec![b'a'; DEBUG_BODY_LEN - 1];
        body.extend_from_slice("ñandú".as_bytes());
        let start = body_start(&body);
        assert_eq!(start.len(), DEBUG_BODY_LEN - 1);
        assert!(!start.contains('\u{fffd}'));
        assert_eq!(body_start(b"ok \xff"), "ok \u{fffd}");
    }

    #[test]
    fn the_message_names_the_object_and_the_verb() {
        let (create, get) = (("createOrder", Method::POST), ("getOrderById", Method::GET));
        let error = || DecodeError::new(".", serde::de::Error::custom("missing field `amount`"));
        let body = Bytes::from_static(br#"{"id": "ord_1", "object": "order"}"#);
        let created =
            AnswerDecodeError::new(create.0, create.1, StatusCode::OK, error(), body.clone());
        assert_eq!(created.id(), Some("ord_1"));
        let message = created.to_string();
        assert!(
            message.starts_with("createOrder: created `ord_1`, but its 200 OK answer does not fit at `.`: missing field"),
            "{message}"
        );
        assert!(
            message.ends_with("(Error::body() has all 34 bytes)"),
            "{message}"
        );
        let got = AnswerDecodeError::new(get.0, get.1.clone(), StatusCode::OK, error(), body);
        assert!(
            got.to_string().starts_with("getOrderById: got `ord_1`"),
            "{got}"
        );
        let no_id = AnswerDecodeError::new(
            get.0,
            get.1,
            StatusCode::OK,
            error(),
            Bytes::from_static(b"[]"),
        );
        assert!(
            no_id
                .to_string()
                .starts_with("getOrderById: the 200 OK answer does not fit at"),
            "{no_id}"
        );
    }
}
