//! What sends a call: the [`Client`] and its options, [`Request`], retries,
//! [`Hook`]s, pagination and `multipart/form-data` bodies.

mod body;
mod client;
mod execute;
mod hooks;
mod multipart;
mod operation;
mod options;
mod pagination;
mod request;
mod response;
mod retry;
mod secret;

pub use client::{Client, ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES, PRODUCTION_URL};
pub use hooks::{Attempt, AttemptResult, Hook};
pub use multipart::Form;
pub use operation::{Call, Operation, OperationInfo};
pub use options::{Language, RequestOptions};
pub use pagination::{Page, PageStream, Paginated};
pub use request::Request;
pub use response::{ResponseFuture, WithBody, WithBodyFuture};
pub use retry::RetryPolicy;
pub use secret::ApiKey;
