//! Lazy iteration over every item of a cursor-paginated list.

use super::error::Error;
use futures_core::Stream;
use futures_util::{StreamExt, stream};
use std::collections::VecDeque;
use std::future::Future;

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
    /// The same request, for the page after `cursor`.
    fn with_cursor(self, cursor: String) -> Self;
    /// Fetches this page.
    fn fetch_page(self) -> impl Future<Output = Result<Page<Self::Item>, Error>> + Send;
}

struct State<R: Paginated> {
    next: Option<R>,
    buffered: VecDeque<R::Item>,
    /// An error to yield once the buffered items are out.
    failure: Option<Error>,
}

/// Every item across pages, in order, fetching each page only when needed; an
/// error ends the stream after being yielded.
pub(crate) fn paginate<R: Paginated>(
    request: R,
) -> impl Stream<Item = Result<R::Item, Error>> + Send {
    let state = State {
        next: Some(request),
        buffered: VecDeque::new(),
        failure: None,
    };
    stream::unfold(state, |mut state| async move {
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
                    if page.has_more && !page.items.is_empty() {
                        match cursor(page.next_page_url.as_deref()) {
                            Some(next) => state.next = Some(request.with_cursor(next)),
                            None => {
                                state.failure = Some(Error::Pagination {
                                    operation: R::OPERATION,
                                    reason: "the response says `has_more` but its `next_page_url` has no `next` cursor".into(),
                                });
                            }
                        }
                    }
                    state.buffered.extend(page.items);
                }
            }
        }
    })
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
