//! What an operation is to the runtime: [`OperationInfo`], the [`Operation`]
//! trait the generated operations implement, and the [`Call`] they fill in
//! (path, query, body).

use super::options::RequestOptions;
use crate::runtime::error::Error;
use crate::runtime::model::BuildError;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;
use reqwest::header::HeaderValue;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Characters escaped in a path segment: everything but RFC 3986 unreserved characters.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// What identifies an operation of the API.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OperationInfo {
    /// The spec's `operationId`, e.g. `GetCustomerById`.
    pub id: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template, e.g. `/customers/{id}`.
    pub path: &'static str,
}

impl OperationInfo {
    /// The operation `id`, sent as `method` to `path` (a template).
    #[must_use]
    pub const fn new(id: &'static str, method: Method, path: &'static str) -> Self {
        Self { id, method, path }
    }
}

/// One operation of the API, with what a call of it takes (its path
/// parameters, query parameters and body): the `P` of a
/// [`Request<'_, P>`](crate::Request). Every operation of `conekta_sdk::operations`
/// is one, e.g. [`GetCustomers`](crate::operations::GetCustomers).
pub trait Operation: Sized + Send {
    /// What a success decodes into.
    type Response: DeserializeOwned;

    /// The operation's id, method and path template.
    const INFO: &'static OperationInfo;

    /// Fills in the call's path, query and body (for the runtime; a body a
    /// builder could not build is the error, and nothing is sent).
    #[doc(hidden)]
    fn write(self, call: &mut Call) -> Result<(), Error>;
}

/// One call, ready for the client to send (and, if safe, to send again).
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Call {
    pub(crate) operation: &'static OperationInfo,
    pub(crate) path: String,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) options: RequestOptions,
    pub(crate) body: Option<bytes::Bytes>,
    /// The `Content-Type` of `body`.
    pub(crate) content_type: HeaderValue,
}

impl Call {
    /// A call of `operation`, its path template not filled in yet.
    pub(crate) fn new(operation: &'static OperationInfo, options: RequestOptions) -> Self {
        Self {
            operation,
            path: String::new(),
            query: Vec::new(),
            options,
            body: None,
            content_type: HeaderValue::from_static("application/json"),
        }
    }

    /// Fills the path template with `params`, in template order, each
    /// percent-encoded; an empty value is an error.
    pub fn path(&mut self, params: &[&str]) -> Result<(), Error> {
        self.path = expand_path(self.operation, params)?;
        Ok(())
    }

    /// Adds a query parameter when it is set.
    pub fn query(&mut self, name: &'static str, value: Option<impl ToString>) {
        if let Some(value) = value {
            self.query.push((name, value.to_string()));
        }
    }

    /// Serialises the JSON body, which a builder may have failed to make (then
    /// nothing is sent, and the error names the field).
    pub fn json(&mut self, body: Result<impl Serialize, BuildError>) -> Result<(), Error> {
        let body = body.map_err(|err| Error::InvalidRequest {
            operation: self.operation.id,
            reason: format!("the request body: {err}"),
        })?;
        let bytes = serde_json::to_vec(&body).map_err(|err| Error::InvalidRequest {
            operation: self.operation.id,
            reason: format!("the body cannot be serialised: {err}"),
        })?;
        self.body = Some(bytes.into());
        Ok(())
    }
}

/// Fills `{name}` placeholders with percent-encoded values; an empty value is an error.
fn expand_path(operation: &OperationInfo, params: &[&str]) -> Result<String, Error> {
    let mut out = String::with_capacity(operation.path.len() + 32);
    let mut values = params.iter();
    let mut rest = operation.path;
    while let Some(start) = rest.find('{') {
        let end = rest[start..]
            .find('}')
            .map(|i| start + i)
            .ok_or_else(|| invalid(operation, "bad path template"))?;
        let name = &rest[start + 1..end];
        let value = values
            .next()
            .ok_or_else(|| invalid(operation, &format!("missing path parameter `{name}`")))?;
        if value.trim().is_empty() {
            return Err(invalid(operation, &format!("`{name}` must not be empty")));
        }
        out.push_str(&rest[..start]);
        out.extend(utf8_percent_encode(value, SEGMENT));
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn invalid(operation: &OperationInfo, reason: &str) -> Error {
    Error::InvalidRequest {
        operation: operation.id,
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static OP: OperationInfo = OperationInfo::new(
        "GetCustomerFiscalEntity",
        Method::GET,
        "/customers/{id}/fiscal_entities/{fiscal_entities_id}",
    );

    #[test]
    fn encodes_each_segment() {
        let mut call = Call::new(&OP, RequestOptions::default());
        call.path(&["cus 1/../x", "fe?é#"]).unwrap();
        assert_eq!(
            call.path,
            "/customers/cus%201%2F..%2Fx/fiscal_entities/fe%3F%C3%A9%23"
        );
    }

    #[test]
    fn rejects_empty_and_missing_ids() {
        for params in [&["", "x"][..], &["  ", "x"], &["x"]] {
            let err = Call::new(&OP, RequestOptions::default())
                .path(params)
                .unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::InvalidRequest {
                        operation: "GetCustomerFiscalEntity",
                        ..
                    }
                ),
                "{err}"
            );
        }
    }
}
