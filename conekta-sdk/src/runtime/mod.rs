//! The hand-written runtime under the generated code, a folder for each part:
//!
//! - [`model`]: what the generated models stand on (builders, decoding with
//!   the JSON path of a failure, open enums, unions, timestamps);
//! - [`error`]: every error a call returns;
//! - [`http`]: what sends a call (the client and its options, requests,
//!   retries, hooks, pagination).

mod error;
mod http;
pub(crate) mod model;

pub use error::{AnswerDecodeError, ApiError, Error, TransportError};
pub use http::{
    ApiKey, Attempt, AttemptResult, Call, Client, ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES, Hook,
    Language, Operation, OperationInfo, PRODUCTION_URL, Page, PageStream, Paginated,
    PaginationError, Request, RequestOptions, ResponseFuture, RetryPolicy,
};
pub use model::{
    BuildError, BuildErrorReason, DecodeError, IntoJsonObject, IntoModel, Timestamp, from_slice,
};
