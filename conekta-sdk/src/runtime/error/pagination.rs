//! [`PaginationError`]: why a list's pages could not be followed.

/// Why a list's pages could not be followed (in [`Error::Pagination`](crate::Error::Pagination)).
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
