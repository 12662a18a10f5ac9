//! [`Hook`]: code of yours that sees every attempt of every call, added with
//! [`ClientBuilder::hook`](crate::ClientBuilder::hook).

use super::operation::OperationInfo;
use crate::runtime::error::TransportError;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use std::time::Duration;

/// Sees every attempt of every call the client makes: to add a header, count
/// calls, time them or log them.
///
/// Both methods do nothing unless you write them. Hooks run in the order they
/// were added, on the task that awaits the call: keep them quick.
///
/// The API key is set after [`before_attempt`](Self::before_attempt) runs, so
/// a hook never sees it (and cannot replace it).
///
/// ```
/// use conekta_sdk::{Attempt, AttemptResult, Hook};
/// use std::sync::atomic::{AtomicU64, Ordering};
///
/// /// Counts the answers with a 5xx status.
/// #[derive(Default)]
/// struct ServerErrors(AtomicU64);
///
/// impl Hook for ServerErrors {
///     fn after_attempt(&self, _attempt: &Attempt, result: &AttemptResult<'_>) {
///         if let AttemptResult::Answered { status, .. } = result {
///             if status.is_server_error() {
///                 self.0.fetch_add(1, Ordering::Relaxed);
///             }
///         }
///     }
/// }
/// ```
pub trait Hook: Send + Sync {
    /// Before an attempt is sent, with its HTTP request (method, URL, headers
    /// but the key, body), which the hook may change.
    fn before_attempt(&self, attempt: &Attempt, request: &mut reqwest::Request) {
        let _ = (attempt, request);
    }

    /// After an attempt, with what came of it.
    fn after_attempt(&self, attempt: &Attempt, result: &AttemptResult<'_>) {
        let _ = (attempt, result);
    }
}

/// Which attempt of which call a [`Hook`] sees.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Attempt {
    /// The operation called.
    pub operation: &'static OperationInfo,
    /// 1 for the first attempt, 2 for the first retry…
    pub number: u32,
}

/// What came of an attempt, for [`Hook::after_attempt`].
#[derive(Debug)]
#[non_exhaustive]
pub enum AttemptResult<'a> {
    /// Conekta answered (with any status).
    Answered {
        /// The HTTP status.
        status: StatusCode,
        /// The answer's headers.
        headers: &'a HeaderMap,
        /// The answer's body, as received.
        body: &'a [u8],
        /// From sending the request to the end of the body.
        elapsed: Duration,
    },
    /// No complete answer came (a connection, timeout or body error).
    Failed {
        /// What went wrong.
        error: &'a TransportError,
        /// Whether the request may have reached Conekta.
        maybe_sent: bool,
        /// From sending the request to the failure.
        elapsed: Duration,
    },
}
