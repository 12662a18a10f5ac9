//! `multipart/form-data` request bodies (RFC 7578), for operations that
//! upload files: [`Form`], the body the generated operations write their
//! parts ([`FilePart`]s and values) into.
//!
//! Written here rather than with reqwest's `multipart` feature: the body is
//! built once into shared bytes, so that a retried attempt sends it again
//! without rebuilding it (a reqwest form is a stream, used up by one attempt),
//! and the SDK compiles no MIME-guessing tables.

use super::operation::Call;
use crate::runtime::error::Error;
use crate::runtime::model::{BuildError, FilePart};
use bytes::{BufMut, Bytes, BytesMut};
use reqwest::header::HeaderValue;
use serde::Serialize;

/// The parts of a `multipart/form-data` body, in order, as generated code
/// writes them; the first value that cannot be written is kept as the error.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct Form {
    parts: Vec<Part>,
    error: Option<String>,
}

#[derive(Debug)]
struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    content: Bytes,
}

impl Form {
    /// A file part, when there is a file.
    pub fn file(&mut self, name: &str, file: Option<FilePart>) {
        if let Some(file) = file {
            let (content, file_name, content_type) = file.into_parts();
            self.parts.push(Part {
                name: name.to_owned(),
                file_name: Some(file_name.unwrap_or_default()),
                content_type: Some(
                    content_type.unwrap_or_else(|| "application/octet-stream".to_owned()),
                ),
                content,
            });
        }
    }

    /// One file part per file, all with the same name.
    pub fn files(&mut self, name: &str, files: Option<Vec<FilePart>>) {
        for file in files.into_iter().flatten() {
            self.file(name, Some(file));
        }
    }

    /// A text part, when there is a value: a string as it is, a number or a
    /// boolean as JSON writes it, one part per item of a list, anything else as JSON.
    pub fn value(&mut self, name: &str, value: Option<impl Serialize>) {
        let Some(value) = value else {
            return;
        };
        match serde_json::to_value(&value) {
            Ok(value) => self.json_value(name, value),
            Err(err) if self.error.is_none() => {
                self.error = Some(format!("the part `{name}` cannot be written: {err}"));
            }
            Err(_) => {}
        }
    }

    /// Members kept beyond the declared ones, each a text part.
    pub fn values<V: Serialize>(&mut self, members: impl IntoIterator<Item = (String, V)>) {
        for (name, value) in members {
            self.value(&name, Some(value));
        }
    }

    fn json_value(&mut self, name: &str, value: serde_json::Value) {
        let text = match value {
            serde_json::Value::Null => return,
            serde_json::Value::String(text) => text,
            serde_json::Value::Array(items) => {
                for item in items {
                    self.json_value(name, item);
                }
                return;
            }
            other => other.to_string(),
        };
        self.parts.push(Part {
            name: name.to_owned(),
            file_name: None,
            content_type: None,
            content: Bytes::from(text),
        });
    }

    /// The `Content-Type` header (with the boundary) and the body.
    fn finish(self) -> Result<(HeaderValue, Bytes), String> {
        if let Some(error) = self.error {
            return Err(error);
        }
        let boundary = boundary(&self.parts);
        let mut body = BytesMut::new();
        for part in &self.parts {
            body.put_slice(b"--");
            body.put_slice(boundary.as_bytes());
            body.put_slice(b"\r\nContent-Disposition: form-data; name=\"");
            body.put_slice(escape(&part.name).as_bytes());
            body.put_slice(b"\"");
            if let Some(file_name) = &part.file_name {
                body.put_slice(b"; filename=\"");
                body.put_slice(escape(file_name).as_bytes());
                body.put_slice(b"\"");
            }
            if let Some(content_type) = &part.content_type {
                body.put_slice(b"\r\nContent-Type: ");
                body.put_slice(content_type.replace(['\r', '\n'], "").as_bytes());
            }
            body.put_slice(b"\r\n\r\n");
            body.put_slice(&part.content);
            body.put_slice(b"\r\n");
        }
        body.put_slice(b"--");
        body.put_slice(boundary.as_bytes());
        body.put_slice(b"--\r\n");
        let header = HeaderValue::from_str(&format!("multipart/form-data; boundary={boundary}"))
            .map_err(|err| err.to_string())?;
        Ok((header, body.freeze()))
    }
}

/// A boundary that no part contains (random, drawn again in the unlikely case).
fn boundary(parts: &[Part]) -> String {
    loop {
        let boundary: String = std::iter::repeat_with(fastrand::alphanumeric)
            .take(32)
            .collect();
        let boundary = format!("conekta-rs-{boundary}");
        let contains = |haystack: &[u8]| {
            haystack
                .windows(boundary.len())
                .any(|window| window == boundary.as_bytes())
        };
        if !parts.iter().any(|part| contains(&part.content)) {
            return boundary;
        }
    }
}

/// A name or file name in a `Content-Disposition` header: `"`, CR and LF
/// percent-encoded, as browsers (and the WHATWG form encoding) do.
fn escape(name: &str) -> String {
    name.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

impl Call {
    /// Writes the `multipart/form-data` body, which a builder may have failed
    /// to make (then nothing is sent, and the error names the field).
    pub fn multipart<T>(
        &mut self,
        body: Result<T, BuildError>,
        write: impl FnOnce(T, &mut Form),
    ) -> Result<(), Error> {
        let body = body.map_err(|err| Error::InvalidRequest {
            operation: self.operation.id,
            reason: format!("the request body: {err}"),
        })?;
        let mut form = Form::default();
        write(body, &mut form);
        let (content_type, bytes) = form.finish().map_err(|reason| Error::InvalidRequest {
            operation: self.operation.id,
            reason: format!("the request body: {reason}"),
        })?;
        self.content_type = content_type;
        self.body = Some(bytes);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(write: impl FnOnce(&mut Form)) -> (String, String) {
        let mut form = Form::default();
        write(&mut form);
        let (header, body) = form.finish().unwrap();
        let header = header.to_str().unwrap().to_owned();
        let boundary = header
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap()
            .to_owned();
        let body = String::from_utf8_lossy(&body).into_owned();
        (body.replace(&boundary, "BOUNDARY"), boundary)
    }

    #[test]
    fn files_and_values_are_parts_in_order() {
        let (body, boundary) = encoded(|form| {
            form.file(
                "contract",
                Some(
                    FilePart::new("%PDF")
                        .file_name("con\"trato.pdf")
                        .content_type("application/pdf"),
                ),
            );
            form.file("receipt", None);
            form.files("photos", Some(vec![FilePart::new(&b"\x89PNG"[..])]));
            form.value("note", Some("a \"quoted\"\r\nnote"));
            form.value("amount", Some(1500));
            form.value("tags", Some(vec!["a", "b"]));
            form.value("meta", Some(serde_json::json!({"k": 1})));
            form.value("absent", None::<String>);
            form.values([("extra".to_owned(), true)]);
        });
        assert!(boundary.len() > 40, "{boundary}");
        assert_eq!(
            body,
            "--BOUNDARY\r\n\
             Content-Disposition: form-data; name=\"contract\"; filename=\"con%22trato.pdf\"\r\n\
             Content-Type: application/pdf\r\n\r\n%PDF\r\n\
             --BOUNDARY\r\n\
             Content-Disposition: form-data; name=\"photos\"; filename=\"\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n\u{fffd}PNG\r\n\
             --BOUNDARY\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\na \"quoted\"\r\nnote\r\n\
             --BOUNDARY\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n1500\r\n\
             --BOUNDARY\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n\
             --BOUNDARY\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nb\r\n\
             --BOUNDARY\r\nContent-Disposition: form-data; name=\"meta\"\r\n\r\n{\"k\":1}\r\n\
             --BOUNDARY\r\nContent-Disposition: form-data; name=\"extra\"\r\n\r\ntrue\r\n\
             --BOUNDARY--\r\n"
        );
    }

    #[test]
    fn the_boundary_is_never_in_a_part() {
        for _ in 0..64 {
            let mut form = Form::default();
            form.file("f", Some(FilePart::new("--conekta-rs-")));
            let (header, body) = form.finish().unwrap();
            let boundary = header
                .to_str()
                .unwrap()
                .rsplit('=')
                .next()
                .unwrap()
                .to_owned();
            let delimiter = format!("--{boundary}");
            let count = body
                .windows(delimiter.len())
                .filter(|w| *w == delimiter.as_bytes())
                .count();
            assert_eq!(count, 2, "one part: its delimiter and the closing one");
        }
    }

    /// An upload sent with `PUT` (retried after a 5xx), as a generated operation writes it.
    #[derive(Debug)]
    struct Upload(FilePart, Option<&'static str>);

    static UPLOAD: crate::OperationInfo =
        crate::OperationInfo::new("uploadTest", reqwest::Method::PUT, "/uploads/{id}");

    impl crate::Operation for Upload {
        type Response = serde_json::Value;
        const INFO: &'static crate::OperationInfo = &UPLOAD;

        fn write(self, call: &mut Call) -> Result<(), Error> {
            call.path(&["up 1"])?;
            call.multipart(Ok(self), |body, form| {
                form.file("contract", Some(body.0));
                form.value("note", body.1);
            })
        }
    }

    #[tokio::test]
    async fn an_upload_is_sent_as_multipart_and_resent_unchanged_on_retry() {
        use wiremock::matchers::any;
        use wiremock::{Mock, MockServer, ResponseTemplate};
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(503))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(200).set_body_string("{\"ok\":true}"))
            .mount(&server)
            .await;
        let client = crate::Client::builder("key_multipart")
            .base_url(server.uri())
            .retry_policy(crate::RetryPolicy {
                max_retries: 1,
                initial_delay: std::time::Duration::from_millis(1),
                max_delay: std::time::Duration::from_millis(2),
                max_retry_after: std::time::Duration::from_secs(1),
            })
            .build()
            .unwrap();
        let file = FilePart::new("%PDF-1.7")
            .file_name("contract.pdf")
            .content_type("application/pdf");
        let answer = crate::Request::new(&client, Upload(file, Some("signed")))
            .await
            .unwrap();
        assert_eq!(answer, serde_json::json!({"ok": true}));
        let received = server.received_requests().await.unwrap();
        assert_eq!(received.len(), 2, "one retry after the 503");
        let content_type = |i: usize| received[i].headers["content-type"].to_str().unwrap();
        let boundary = content_type(0)
            .strip_prefix("multipart/form-data; boundary=")
            .expect("a multipart content type");
        assert_eq!(content_type(1), content_type(0));
        assert_eq!(
            received[1].body, received[0].body,
            "the retry sends the same body"
        );
        assert_eq!(received[0].url.path(), "/uploads/up%201");
        assert_eq!(
            String::from_utf8(received[0].body.clone()).unwrap(),
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"contract\"; filename=\"contract.pdf\"\r\n\
                 Content-Type: application/pdf\r\n\r\n%PDF-1.7\r\n\
                 --{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nsigned\r\n\
                 --{boundary}--\r\n"
            )
        );
    }

    #[test]
    fn a_value_that_cannot_be_written_is_the_error() {
        let mut form = Form::default();
        form.value("file", Some(FilePart::new("x")));
        let error = form.finish().unwrap_err();
        assert!(
            error.starts_with("the part `file` cannot be written"),
            "{error}"
        );
    }
}
