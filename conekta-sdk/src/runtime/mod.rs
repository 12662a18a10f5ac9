//! The hand-written runtime under the generated operations: client
//! configuration, request sending, retries, errors and pagination.

mod client;
mod error;
mod execute;
mod pagination;
mod payment_test;
mod request;
mod retry;
mod secret;
mod transport;

pub use client::{Client, ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES, PRODUCTION_URL};
pub use error::{ApiError, Error};
pub(crate) use pagination::{Page, Paginated, collect_max, paginate};
pub use request::OperationInfo;
pub(crate) use request::Request;
pub use retry::RetryPolicy;
pub use secret::ApiKey;
pub use transport::TransportError;
