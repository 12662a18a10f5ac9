//! [`ApiRequest`]: one request to the fake, taken apart, and checked the way
//! Conekta checks it: the key, the query parameters, and the body decoded
//! with the SDK's own request models.

use base64::Engine as _;
use bytes::Bytes;
use conekta_sdk::DecodeError;
use hyper::header::{ACCEPT_LANGUAGE, AUTHORIZATION};
use hyper::{HeaderMap, Method};
use percent_encoding::percent_decode_str;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

use super::failure::{ApiFailure, Language};
use crate::store::ListParams;

/// The largest `limit` Conekta accepts.
const MAX_LIMIT: usize = 250;
/// The `limit` when none is given.
const DEFAULT_LIMIT: usize = 20;

/// A request to the fake.
#[derive(Debug)]
pub(crate) struct ApiRequest {
    pub(crate) method: Method,
    /// The path, e.g. `/orders/ord_2tTirxDJEFDe8NUAN`.
    pub(crate) path: String,
    query: Vec<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
}

impl ApiRequest {
    pub(crate) fn new(
        method: Method,
        path: &str,
        query: Option<&str>,
        headers: HeaderMap,
        body: Bytes,
    ) -> Self {
        let query = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect();
        Self {
            method,
            path: path.to_owned(),
            query,
            headers,
            body,
        }
    }

    /// The path's segments, percent-decoded: `["orders", "ord_…"]`.
    pub(crate) fn segments(&self) -> Vec<String> {
        self.path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .map(|segment| percent_decode_str(segment).decode_utf8_lossy().into_owned())
            .collect()
    }

    /// The language of `message`s: English for `Accept-Language: en…`,
    /// Spanish (Conekta's default) otherwise.
    pub(crate) fn language(&self) -> Language {
        let english = self
            .headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.trim_start().to_ascii_lowercase().starts_with("en"));
        if english { Language::En } else { Language::Es }
    }

    /// Checks the key: `Authorization: Bearer <key>` (as conekta-sdk sends
    /// it) or Basic with the key as the user name (as Conekta's docs' curl
    /// examples send it).
    pub(crate) fn authenticate(&self, api_key: &str) -> Result<(), ApiFailure> {
        let Some(value) = self
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
        else {
            return Err(ApiFailure::missing_key());
        };
        let given = if let Some(token) = value.strip_prefix("Bearer ") {
            Some(token.trim().to_owned())
        } else if let Some(encoded) = value.strip_prefix("Basic ") {
            base64::engine::general_purpose::STANDARD
                .decode(encoded.trim())
                .ok()
                .and_then(|decoded| String::from_utf8(decoded).ok())
                .map(|pair| pair.split(':').next().unwrap_or_default().to_owned())
        } else {
            None
        };
        match given {
            Some(key) if key.is_empty() => Err(ApiFailure::missing_key()),
            Some(key) if key == api_key => Ok(()),
            _ => Err(ApiFailure::wrong_key()),
        }
    }

    /// The value of query parameter `name`.
    pub(crate) fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Refuses query parameters other than `accepted`: the ones Conekta has
    /// and the fake does not implement are not silently ignored.
    pub(crate) fn only_query(&self, accepted: &[&str]) -> Result<(), ApiFailure> {
        match self
            .query
            .iter()
            .find(|(key, _)| !accepted.contains(&key.as_str()))
        {
            None => Ok(()),
            Some((key, _)) => Err(ApiFailure::unsupported(
                key,
                &format!("the query parameter `{key}` here"),
            )),
        }
    }

    /// The paging parameters of a list (`limit`, `next`, `previous`), and
    /// nothing else but `filters`.
    pub(crate) fn list_params(&self, filters: &[&str]) -> Result<ListParams, ApiFailure> {
        let mut accepted = vec!["limit", "next", "previous"];
        accepted.extend_from_slice(filters);
        self.only_query(&accepted)?;
        let limit = match self.query("limit") {
            None => DEFAULT_LIMIT,
            Some(limit) => limit
                .parse::<usize>()
                .ok()
                .filter(|limit| (1..=MAX_LIMIT).contains(limit))
                .ok_or_else(|| {
                    ApiFailure::invalid(
                        "limit",
                        "conekta.errors.parameter_validation.limit.invalid",
                        "El límite debe estar entre 1 y 250.",
                        "The limit must be between 1 and 250.",
                    )
                })?,
        };
        Ok(ListParams {
            limit,
            next: self.query("next").map(str::to_owned),
            previous: self.query("previous").map(str::to_owned),
        })
    }

    /// The body as the SDK's request model `T`: what the client sends is
    /// checked with the client's own types. Not JSON: a 400
    /// `malformed_request_error`; JSON of the wrong shape: a 422 naming the
    /// field.
    pub(crate) fn json<T: DeserializeOwned>(&self) -> Result<T, ApiFailure> {
        conekta_sdk::from_slice(&self.body).map_err(|err| body_failure(&err))
    }

    /// As [`json`](Self::json) for an optional body: `None` when it is empty.
    pub(crate) fn optional_json<T: DeserializeOwned>(&self) -> Result<Option<T>, ApiFailure> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            Ok(None)
        } else {
            self.json().map(Some)
        }
    }
}

/// What a body that does not decode is answered with.
fn body_failure(err: &DecodeError) -> ApiFailure {
    let source = err.json_error();
    match source.classify() {
        Category::Data => {
            let reason = source.to_string();
            // A missing member is reported at its object: name the member.
            let param = match missing_field(&reason) {
                Some(field) if err.path() == "." => field.to_owned(),
                Some(field) => format!("{}.{field}", err.path()),
                None => err.path().to_owned(),
            };
            ApiFailure::request_shape(&param, &reason)
        }
        Category::Io | Category::Syntax | Category::Eof => {
            ApiFailure::malformed(&source.to_string())
        }
    }
}

/// The field of serde's "missing field `name`" message.
fn missing_field(reason: &str) -> Option<&str> {
    let rest = reason.strip_prefix("missing field `")?;
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use conekta_sdk::models::OrderRequest;

    fn request(body: &str) -> ApiRequest {
        ApiRequest::new(
            Method::POST,
            "/orders",
            None,
            HeaderMap::new(),
            Bytes::from(body.to_owned()),
        )
    }

    fn param(failure: &ApiFailure) -> String {
        failure.body(Language::En, "log")["details"][0]["param"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    #[test]
    fn bodies_are_checked_with_the_sdks_models() {
        let missing = request(r#"{"currency": "MXN", "customer_info": {"customer_id": "cus_1"}}"#)
            .json::<OrderRequest>()
            .unwrap_err();
        assert_eq!(missing.status(), 422);
        assert_eq!(param(&missing), "line_items");

        let nested = request(
            r#"{"currency": "MXN", "customer_info": {"customer_id": "cus_1"}, "line_items": [{"name": "x", "quantity": 1}]}"#,
        )
        .json::<OrderRequest>()
        .unwrap_err();
        assert_eq!(param(&nested), "line_items[0].unit_price");

        let wrong_type = request(
            r#"{"currency": "MXN", "customer_info": {"customer_id": "cus_1"}, "line_items": [{"name": "x", "quantity": "one", "unit_price": 1}]}"#,
        )
        .json::<OrderRequest>()
        .unwrap_err();
        assert_eq!(param(&wrong_type), "line_items[0].quantity");

        let not_json = request("{").json::<OrderRequest>().unwrap_err();
        assert_eq!(not_json.status(), 400);
    }

    #[test]
    fn keys_come_as_bearer_or_basic() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(AUTHORIZATION, value.parse().unwrap());
            ApiRequest::new(Method::GET, "/orders", None, headers, Bytes::new())
        };
        assert!(with("Bearer key_1").authenticate("key_1").is_ok());
        let basic = base64::engine::general_purpose::STANDARD.encode("key_1:");
        assert!(
            with(&format!("Basic {basic}"))
                .authenticate("key_1")
                .is_ok()
        );
        assert_eq!(
            with("Bearer key_2")
                .authenticate("key_1")
                .unwrap_err()
                .status(),
            401
        );
        let none = ApiRequest::new(Method::GET, "/orders", None, HeaderMap::new(), Bytes::new());
        assert_eq!(none.authenticate("key_1").unwrap_err().status(), 401);
    }

    #[test]
    fn path_segments_are_percent_decoded() {
        let request = ApiRequest::new(
            Method::GET,
            "/orders/ord%5F1/",
            None,
            HeaderMap::new(),
            Bytes::new(),
        );
        assert_eq!(request.segments(), ["orders", "ord_1"]);
    }
}
