//! What the generated models stand on: builders and their errors, decoding
//! with the JSON path of a failure, open enums, unions, timestamps and files
//! to upload.

pub(crate) mod build;
mod build_error;
pub(crate) mod decode;
mod file_part;
mod open_enum;
mod struct_serde;
mod tagged_union;
mod timestamp;
pub(crate) mod union_decode;

pub use build::{IntoJsonObject, IntoModel};
pub use build_error::{BuildError, BuildErrorReason};
pub(crate) use decode::from_value;
pub use decode::{DecodeError, from_slice};
pub use file_part::FilePart;
pub use timestamp::Timestamp;
