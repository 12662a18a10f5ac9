//! Lazy iteration over every item of a cursor-paginated list: [`PageStream`].

use super::operation::Operation;
use super::request::Request;
use crate::runtime::error::{Error, PaginationError};
use futures_core::Stream;
use futures_util::{StreamExt, stream};
use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The name of the cursor parameter in `next_page_url`.
const CURSOR_PARAM: &str = "next";

/// One page of a list response, taken apart.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// Whether more pages follow.
    pub has_more: bool,
    /// The URL of the next page, when the API gave one.
    pub next_page_url: Option<String>,
}

/// An operation whose answer is one page of a list, and whose `next` cursor
/// asks for the page after: what makes [`Request::into_stream`] available.
pub trait Paginated: Operation + Clone {
    /// The type of the list's items.
    type Item: Send;
    /// The cursor this call starts after, if it has one.
    #[doc(hidden)]
    fn cursor(&self) -> Option<&str>;
    /// Starts the call after `cursor`.
    #[doc(hidden)]
    fn set_cursor(&mut self, cursor: String);
    /// The items of a page, and how to get the next one.
    #[doc(hidden)]
    fn page(answer: Self::Response) -> Page<Self::Item>;
}

impl<'a, P: Paginated + 'a> Request<'a, P> {
    /// Every item across all pages, fetched lazily page by page with this
    /// call's parameters (`limit`, filters) and options; an error ends the stream.
    pub fn into_stream(self) -> PageStream<'a, P::Item> {
        paginate(self)
    }

    /// At most `max` items across pages.
    ///
    /// # Errors
    /// The first error of [`into_stream`](Self::into_stream).
    pub async fn collect_max(self, max: usize) -> Result<Vec<P::Item>, Error> {
        collect_max(self.into_stream(), max).await
    }
}

/// Every item of a list across its pages, fetched lazily one page at a time
/// (from a list request's `.into_stream()`).
///
/// It is a [`Stream`] of `Result<T, Error>` and [`Unpin`], so
/// `while let Some(item) = stream.try_next().await?` works as it is. An error
/// (the request failed, or the pages would loop: [`Error::Pagination`]) is the
/// last item.
#[must_use = "a stream fetches nothing until it is polled"]
pub struct PageStream<'a, T> {
    inner: Pin<Box<dyn Stream<Item = Result<T, Error>> + Send + 'a>>,
}

impl<T> Stream for PageStream<'_, T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<T> fmt::Debug for PageStream<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PageStream")
            .field("item", &std::any::type_name::<T>())
            .finish_non_exhaustive()
    }
}

struct State<'a, P: Paginated> {
    next: Option<Request<'a, P>>,
    buffered: VecDeque<P::Item>,
    /// An error to yield once the buffered items are out.
    failure: Option<Error>,
    /// Every cursor followed so far, the request's own included.
    followed: HashSet<String>,
}

/// Every item across pages, in order, fetching each page only when needed; an
/// error ends the stream after being yielded.
fn paginate<'a, P: Paginated + 'a>(request: Request<'a, P>) -> PageStream<'a, P::Item> {
    let state = State {
        followed: request
            .params
            .cursor()
            .map(str::to_owned)
            .into_iter()
            .collect(),
        next: Some(request),
        buffered: VecDeque::new(),
        failure: None,
    };
    let inner = stream::unfold(state, |mut state| async move {
        loop {
            if let Some(item) = state.buffered.pop_front() {
                return Some((Ok(item), state));
            }
            if let Some(err) = state.failure.take() {
                return Some((Err(err), state));
            }
            let mut request = state.next.take()?;
            match request.clone().send().await.map(P::page) {
                Err(err) => state.failure = Some(err),
                Ok(page) => {
                    if page.has_more {
                        let next = if page.items.is_empty() {
                            Err(PaginationError::EmptyPage)
                        } else {
                            follow(&mut state.followed, page.next_page_url.as_deref())
                        };
                        match next {
                            Ok(next) => {
                                request.params.set_cursor(next);
                                state.next = Some(request);
                            }
                            Err(reason) => {
                                state.failure = Some(Error::Pagination {
                                    operation: P::INFO.id,
                                    reason,
                                })
                            }
                        }
                    }
                    state.buffered.extend(page.items);
                }
            }
        }
    });
    PageStream {
        inner: Box::pin(inner),
    }
}

/// The cursor to follow from a page that has more, unless it is missing or
/// was followed before (then the pages would loop).
fn follow(
    followed: &mut HashSet<String>,
    next_page_url: Option<&str>,
) -> Result<String, PaginationError> {
    let next = cursor(next_page_url).ok_or(PaginationError::MissingCursor)?;
    if followed.insert(next.clone()) {
        Ok(next)
    } else {
        Err(PaginationError::RepeatedCursor { cursor: next })
    }
}

/// At most `max` items of `stream`; the first error is returned instead.
async fn collect_max<T>(
    stream: impl Stream<Item = Result<T, Error>>,
    max: usize,
) -> Result<Vec<T>, Error> {
    let mut out = Vec::new();
    let mut stream = std::pin::pin!(stream.take(max));
    while let Some(item) = stream.next().await {
        out.push(item?);
    }
    Ok(out)
}

/// The `next` query parameter of a `next_page_url`.
fn cursor(next_page_url: Option<&str>) -> Option<String> {
    let url = reqwest::Url::parse(next_page_url?).ok()?;
    url.query_pairs()
        .find(|(name, _)| name == CURSOR_PARAM)
        .map(|(_, value)| value.into_owned())
        .filter(|value| !value.is_empty())
}
