//! What an operation's `send()` returns: the future of its decoded answer, and
//! [`ResponseFuture::with_body`] for the answer with the bytes it was decoded from.

use super::operation::OperationInfo;
use crate::runtime::error::{AnswerDecodeError, Error};
use crate::runtime::model::from_slice;
use serde::de::DeserializeOwned;
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

/// A successful answer, not yet decoded.
pub(crate) struct Answer {
    pub(crate) operation: &'static OperationInfo,
    pub(crate) status: reqwest::StatusCode,
    pub(crate) body: bytes::Bytes,
}

impl Answer {
    /// Decodes the body into `T`; a failure names the JSON path and keeps the body.
    pub(crate) fn decode<T: DeserializeOwned>(self) -> Result<T, Error> {
        from_slice(&self.body).map_err(|err| {
            Error::Decode(Box::new(AnswerDecodeError::new(
                self.operation.id,
                self.operation.method.clone(),
                self.status,
                err,
                self.body,
            )))
        })
    }
}

/// The answer of an operation, decoded into `T`: what `.send()` returns (and
/// what `.await` on a request builder awaits).
///
/// Sending, retries and reading the body are one state machine for every
/// operation; only the decoding into `T` is particular to this one.
#[must_use = "a request does nothing until it is awaited"]
pub struct ResponseFuture<'a, T> {
    answer: Pin<Box<dyn Future<Output = Result<Answer, Error>> + Send + 'a>>,
    decoded: PhantomData<fn() -> T>,
}

impl<'a, T> ResponseFuture<'a, T> {
    pub(crate) fn new(
        answer: Pin<Box<dyn Future<Output = Result<Answer, Error>> + Send + 'a>>,
    ) -> Self {
        Self {
            answer,
            decoded: PhantomData,
        }
    }

    /// The answer decoded into `T` together with the bytes Conekta sent, for a caller
    /// that stores or forwards the answer exactly as it came (an audit trail, a
    /// proxy): nothing is serialized again to get them back.
    ///
    /// ```no_run
    /// # async fn run(client: &conekta_sdk::Client) -> Result<(), conekta_sdk::Error> {
    /// let answer = client.customers().get_customer_by_id("cus_2tGzG1GxtDAZHEGPH").send().with_body().await?;
    /// println!("{}: {} bytes", answer.value.id, answer.body.len());
    /// # Ok(()) }
    /// ```
    pub fn with_body(self) -> WithBodyFuture<'a, T> {
        WithBodyFuture { inner: self }
    }
}

impl<T: DeserializeOwned> Future for ResponseFuture<'_, T> {
    type Output = Result<T, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let answer = ready!(self.answer.as_mut().poll(cx));
        Poll::Ready(answer.and_then(Answer::decode))
    }
}

/// An answer decoded into `T`, with the bytes it was decoded from: what
/// [`ResponseFuture::with_body`] gives.
#[derive(Debug, Clone)]
pub struct WithBody<T> {
    /// The answer, decoded.
    pub value: T,
    /// The body Conekta sent, byte for byte.
    pub body: bytes::Bytes,
}

/// The future of [`ResponseFuture::with_body`]: the decoded answer and its bytes.
#[must_use = "a request does nothing until it is awaited"]
pub struct WithBodyFuture<'a, T> {
    inner: ResponseFuture<'a, T>,
}

impl<T: DeserializeOwned> Future for WithBodyFuture<'_, T> {
    type Output = Result<WithBody<T>, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let answer = ready!(self.inner.answer.as_mut().poll(cx));
        Poll::Ready(answer.and_then(|answer| {
            let body = answer.body.clone();
            answer.decode().map(|value| WithBody { value, body })
        }))
    }
}

impl<T> fmt::Debug for WithBodyFuture<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WithBodyFuture")
            .field("output", &std::any::type_name::<T>())
            .finish_non_exhaustive()
    }
}

impl<T> fmt::Debug for ResponseFuture<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture")
            .field("output", &std::any::type_name::<T>())
            .finish_non_exhaustive()
    }
}
