//! Conekta's error answers: [`ApiFailure`], rendered as Conekta's `error` body
//! (`{ object: "error", type, log_id, details: [{ code, param, message,
//! debug_message }] }`, plus `data` when the request created objects anyway).
//!
//! `message` follows `Accept-Language` (Spanish unless `en`); `debug_message`
//! is always English, as on Conekta.

use serde_json::{Value, json};

use crate::tokens::Decline;

/// The language of `message`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    Es,
    En,
}

/// One entry of `details`.
#[derive(Debug, Clone)]
struct Detail {
    code: String,
    param: Option<String>,
    message_es: String,
    message_en: String,
    debug_message: String,
}

/// An error answer: status, Conekta's error `type`, its details, and the
/// objects a processing error still created.
#[derive(Debug, Clone)]
pub(crate) struct ApiFailure {
    status: u16,
    kind: &'static str,
    details: Vec<Detail>,
    data: Option<Value>,
}

impl ApiFailure {
    fn new(status: u16, kind: &'static str) -> Self {
        Self {
            status,
            kind,
            details: Vec::new(),
            data: None,
        }
    }

    /// Adds a detail; `message_en` is also the `debug_message`.
    fn detail(
        mut self,
        code: &str,
        param: Option<&str>,
        message_es: &str,
        message_en: &str,
    ) -> Self {
        self.details.push(Detail {
            code: code.to_owned(),
            param: param.map(str::to_owned),
            message_es: message_es.to_owned(),
            message_en: message_en.to_owned(),
            debug_message: message_en.to_owned(),
        });
        self
    }

    /// Replaces the `debug_message` of the last detail.
    fn debug_message(mut self, debug_message: String) -> Self {
        if let Some(detail) = self.details.last_mut() {
            detail.debug_message = debug_message;
        }
        self
    }

    /// The HTTP status.
    pub(crate) fn status(&self) -> u16 {
        self.status
    }

    /// 401: the request carries no key.
    pub(crate) fn missing_key() -> Self {
        Self::new(401, "authentication_error").detail(
            "conekta.errors.authentication.missing_key",
            None,
            "Acceso no autorizado.",
            "Please include your access key in your request.",
        )
    }

    /// 401: the request carries a key that is not the fake's. The code is the
    /// fake's own: Conekta's for a wrong (not missing) key is not public.
    pub(crate) fn wrong_key() -> Self {
        Self::new(401, "authentication_error").detail(
            "conekta.errors.authentication.invalid_key",
            None,
            "Acceso no autorizado.",
            "The access key in your request is not valid.",
        )
    }

    /// 404: no `kind` (e.g. `Order`) with this id.
    pub(crate) fn not_found(kind: &str, id: &str) -> Self {
        Self::new(404, "resource_not_found_error")
            .detail(
                "conekta.errors.resource_not_found.entity",
                None,
                "El recurso no ha sido encontrado.",
                "The resource was not found.",
            )
            .debug_message(format!("The object {kind} \"{id}\" could not be found."))
    }

    /// 404 for a path the fake does not serve.
    pub(crate) fn no_route(method: &str, path: &str) -> Self {
        Self::not_found("route", path)
            .debug_message(format!("conekta-testing does not serve `{method} {path}`."))
    }

    /// 400: the body is not JSON.
    pub(crate) fn malformed(reason: &str) -> Self {
        Self::new(400, "malformed_request_error")
            .detail(
                "conekta.errors.malformed_request.json",
                None,
                "La petición no es JSON válido.",
                "The request body is not valid JSON.",
            )
            .debug_message(format!("The request body is not valid JSON: {reason}"))
    }

    /// 422 `parameter_validation_error` about `param`.
    pub(crate) fn invalid(param: &str, code: &str, message_es: &str, message_en: &str) -> Self {
        Self::new(422, "parameter_validation_error").detail(
            code,
            Some(param),
            message_es,
            message_en,
        )
    }

    /// 422: the body does not fit the SDK's request model; `param` is the
    /// JSON path, `reason` what serde said.
    pub(crate) fn request_shape(param: &str, reason: &str) -> Self {
        Self::invalid(
            param,
            &format!("conekta.errors.parameter_validation.{param}"),
            &format!("El parámetro \"{param}\" no es válido."),
            &format!("The parameter \"{param}\" is invalid."),
        )
        .debug_message(format!("The parameter \"{param}\" is invalid: {reason}"))
    }

    /// 422: a feature of Conekta's API this fake does not implement; never a
    /// silent success.
    pub(crate) fn unsupported(param: &str, what: &str) -> Self {
        Self::invalid(
            param,
            "conekta_testing.unsupported",
            &format!("conekta-testing no implementa {what}."),
            &format!("conekta-testing does not implement {what}."),
        )
    }

    /// 402 `processing_error` for a declined card; `data` is the order the
    /// request still created, as Conekta answers.
    pub(crate) fn declined(decline: Decline, data: Value) -> Self {
        let mut failure = Self::new(402, "processing_error").detail(
            decline.code(),
            None,
            decline.message_es(),
            decline.message_en(),
        );
        failure.data = Some(data);
        failure
    }

    /// 402 `processing_error` with a message of the fake's (e.g. a refund over
    /// the charge's amount).
    pub(crate) fn processing(code: &str, message_es: &str, message_en: &str) -> Self {
        Self::new(402, "processing_error").detail(code, None, message_es, message_en)
    }

    /// 428 `precondition_required_error`.
    pub(crate) fn precondition(code: &str, message_es: &str, message_en: &str) -> Self {
        Self::new(428, "precondition_required_error").detail(code, None, message_es, message_en)
    }

    /// 500 `api_error`: something failed inside the fake.
    pub(crate) fn internal(reason: &str) -> Self {
        Self::new(500, "api_error")
            .detail(
                "conekta.errors.api.system.general_failure",
                None,
                "Hubo un error en el sistema y los ingenieros de Conekta han sido notificados.",
                "There was a runtime error and Conekta engineers have been notified.",
            )
            .debug_message(format!("conekta-testing failed: {reason}"))
    }

    /// The body, in `language`, with `log_id`.
    pub(crate) fn body(&self, language: Language, log_id: &str) -> Value {
        let details: Vec<Value> = self
            .details
            .iter()
            .map(|detail| {
                let message = match language {
                    Language::Es => &detail.message_es,
                    Language::En => &detail.message_en,
                };
                json!({
                    "debug_message": detail.debug_message,
                    "message": message,
                    "param": detail.param,
                    "code": detail.code,
                })
            })
            .collect();
        let mut body = json!({
            "details": details,
            "object": "error",
            "type": self.kind,
            "log_id": log_id,
        });
        if let (Some(data), Some(object)) = (&self.data, body.as_object_mut()) {
            object.insert("data".into(), data.clone());
        }
        body
    }
}
