//! Lazy iteration over every item of a cursor-paginated list: [`PageStream`].

use super::error::Error;
use futures_core::Stream;
use futures_util::{StreamExt, stream};
use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The name of the cursor parameter in `next_page_url`.
const CURSOR_PARAM: &str = "next";

/// One page of a list response, taken apart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Page<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// Whether more pages follow.
    pub has_more: bool,
    /// The URL of the next page, when the API gave one.
    pub next_page_url: Option<String>,
}

/// A list request that can be re-sent for the next page (implemented by the
/// generated list operations).
pub(crate) trait Paginated: Clone + Send + Sized {
    /// The item type.
    type Item: Send;
    /// The operation's id, for errors.
    const OPERATION: &'static str;
    /// The cursor this request starts after, if it has one.
    fn cursor(&self) -> Option<&str>;
    /// The same request, for the page after `cursor`.
    fn with_cursor(self, cursor: String) -> Self;
    /// Fetches this page.
    fn fetch_page(self) -> impl Future<Output = Result<Page<Self::Item>, Error>> + Send;
}

/// Why a list's pages could not be followed (in [`Error::Pagination`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PaginationError {
    /// A page said `has_more`, but its `next_page_url` carries no `next` cursor.
    #[error("the page says `has_more` but its `next_page_url` has no `next` cursor")]
    MissingCursor,
    /// A page said `has_more` but held no items: a cursor from it could only
    /// lead back (Conekta's cursors are the ids of items).
    #[error("the page says `has_more` but holds no items")]
    EmptyPage,
    /// A page gave a `next` cursor that an earlier page (or the request) already
    /// used: following it would fetch the same pages again, forever.
    #[error("the `next` cursor `{cursor}` was already followed: the pages would repeat")]
    RepeatedCursor {
        /// The cursor that came back.
        cursor: String,
    },
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

struct State<R: Paginated> {
    next: Option<R>,
    buffered: VecDeque<R::Item>,
    /// An error to yield once the buffered items are out.
    failure: Option<Error>,
    /// Every cursor followed so far, the request's own included.
    followed: HashSet<String>,
}

/// Every item across pages, in order, fetching each page only when needed; an
/// error ends the stream after being yielded.
pub(crate) fn paginate<'a, R: Paginated + 'a>(request: R) -> PageStream<'a, R::Item> {
    let state = State {
        followed: request.cursor().map(str::to_owned).into_iter().collect(),
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
            let request = state.next.take()?;
            match request.clone().fetch_page().await {
                Err(err) => state.failure = Some(err),
                Ok(page) => {
                    if page.has_more {
                        let next = if page.items.is_empty() {
                            Err(PaginationError::EmptyPage)
                        } else {
                            follow(&mut state.followed, page.next_page_url.as_deref())
                        };
                        match next {
                            Ok(next) => state.next = Some(request.with_cursor(next)),
                            Err(reason) => {
                                state.failure = Some(Error::Pagination {
                                    operation: R::OPERATION,
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
pub(crate) async fn collect_max<T>(
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
