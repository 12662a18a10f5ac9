//! Settings a request can take from the client or set for itself:
//! [`Language`] and the child company, in [`RequestOptions`].

crate::open_enum! {
    /// The language of Conekta's messages (`Accept-Language`); Conekta's default is Spanish.
    pub enum Language {
        /// Spanish.
        Es => "es",
        /// English.
        En => "en",
    }
}

/// Per-request overrides of the client's settings. Every operation builder
/// carries one and sets it with setters named like [`ClientBuilder`](crate::ClientBuilder)'s
/// (`.language(..)`, `.child_company_id(..)`); what is unset falls back to the client.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// `Accept-Language` for this request.
    pub language: Option<Language>,
    /// `X-Child-Company-Id` for this request.
    pub child_company_id: Option<String>,
}
