//! [`FilePart`]: a file to upload in a `multipart/form-data` request body
//! (the operations that send it write it with `http/multipart.rs`).

use bytes::Bytes;
use serde::Serialize;
use std::fmt;

/// A file to upload in a `multipart/form-data` request: its bytes, and the
/// file name and media type sent with them.
///
/// ```
/// use conekta_sdk::FilePart;
///
/// let contract = FilePart::new(b"%PDF-1.7 ...".to_vec())
///     .file_name("contract.pdf")
///     .content_type("application/pdf");
/// assert_eq!(contract.len(), 12);
/// ```
///
/// A file is only ever sent: it cannot be written as JSON or read from it
/// (`serde` gives an error saying so), and its `Debug` shows its size, not its bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct FilePart {
    content: Bytes,
    file_name: Option<String>,
    content_type: Option<String>,
}

impl FilePart {
    /// A file with these bytes, sent as `application/octet-stream` with no
    /// file name until [`file_name`](Self::file_name) and
    /// [`content_type`](Self::content_type) say otherwise.
    pub fn new(content: impl Into<Bytes>) -> Self {
        Self {
            content: content.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// Sets the file name sent with it (`contract.pdf`).
    #[must_use]
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Sets its media type (`application/pdf`, `image/png`…).
    #[must_use]
    pub fn content_type(mut self, media_type: impl Into<String>) -> Self {
        self.content_type = Some(media_type.into());
        self
    }

    /// Its bytes.
    pub fn content(&self) -> &[u8] {
        &self.content
    }

    /// How many bytes it has.
    pub fn len(&self) -> usize {
        self.content.len()
    }

    /// Whether it has no bytes.
    pub fn is_empty(&self) -> bool {
        self.content.is_empty()
    }

    /// Its bytes, file name and media type, for the request that sends it.
    pub(crate) fn into_parts(self) -> (Bytes, Option<String>, Option<String>) {
        (self.content, self.file_name, self.content_type)
    }
}

impl fmt::Debug for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilePart")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.content.len())
            .finish()
    }
}

impl Serialize for FilePart {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "a FilePart is sent as a multipart/form-data part, never as JSON",
        ))
    }
}

impl<'de> serde::Deserialize<'de> for FilePart {
    fn deserialize<D: serde::Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
        Err(serde::de::Error::custom(
            "a file to upload is a FilePart built with FilePart::new: it cannot be read from JSON",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_never_json() {
        let file = FilePart::new("x").file_name("a.pdf");
        let error = serde_json::to_string(&file).unwrap_err().to_string();
        assert!(error.contains("never as JSON"), "{error}");
        let error = serde_json::from_str::<FilePart>("\"x\"")
            .unwrap_err()
            .to_string();
        assert!(error.contains("cannot be read from JSON"), "{error}");
        assert_eq!(
            format!("{file:?}"),
            "FilePart { file_name: Some(\"a.pdf\"), content_type: None, len: 1 }"
        );
    }
}
