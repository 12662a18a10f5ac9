//! The hand-written runtime under the generated operations: client
//! configuration, request sending, retries, errors and pagination.

mod body;
pub(crate) mod build;
mod build_error;
mod client;
pub(crate) mod decode;
mod error;
mod execute;
mod hooks;
mod open_enum;
mod operation;
mod options;
mod pagination;
mod payment_test;
mod request;
mod response;
mod retry;
mod secret;
mod struct_serde;
mod tagged_union;
mod timestamp;
mod transport;
pub(crate) mod union_decode;

pub use build::{IntoJsonObject, IntoModel};
pub use build_error::{BuildError, BuildErrorReason};
pub use client::{Client, ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES, PRODUCTION_URL};
pub use decode::{DecodeError, from_slice};
pub use error::{AnswerDecodeError, ApiError, Error};
pub use hooks::{Attempt, AttemptResult, Hook};
pub use operation::{Call, Operation, OperationInfo};
pub use options::{Language, RequestOptions};
pub use pagination::{Page, PageStream, Paginated, PaginationError};
#[cfg(feature = "webhooks")]
pub use payment_test::PaymentTest;
pub use request::Request;
pub use response::ResponseFuture;
pub use retry::RetryPolicy;
pub use secret::ApiKey;
pub use timestamp::Timestamp;
pub use transport::TransportError;
