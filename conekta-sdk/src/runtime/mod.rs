//! The hand-written runtime under the generated code, a folder for each part:
//!
//! - [`model`]: what the generated models stand on (builders, decoding with
//!   the JSON path of a failure, open enums, unions, timestamps, files to upload);
//! - [`error`]: every error a call returns;
//! - [`http`]: what sends a call (the client and its options, requests,
//!   retries, hooks, pagination, multipart bodies).
//!
//! Each imports only what is above it in this list: `model` nothing of the
//! others, `error` the [`DecodeError`] of `model` (a cause it carries), and
//! `http` both. The generated models stand on `model`; the generated
//! operations on `http`.

mod error;
mod http;
pub(crate) mod model;

pub use error::{AnswerDecodeError, ApiError, Error, PaginationError, TransportError};
pub use http::{
    ApiKey, Attempt, AttemptResult, Call, Client, ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES, Form,
    Hook, Language, Operation, OperationInfo, PRODUCTION_URL, Page, PageStream, Paginated, Request,
    RequestOptions, ResponseFuture, RetryPolicy, WithBody, WithBodyFuture,
};
pub(crate) use model::from_value;
pub use model::{
    BuildError, BuildErrorReason, DecodeError, FilePart, IntoJsonObject, IntoModel, Timestamp,
    from_slice,
};
