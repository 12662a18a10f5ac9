//! Shared pieces of the integration tests: the generated operation table and
//! helpers to decode and re-encode bodies.

/// conekta-sdk's README, whose examples run as doctests against
/// conekta-testing's fake (the SDK's own crate cannot: the fake depends on it).
#[cfg(doctest)]
#[doc = include_str!("../../conekta-sdk/README.md")]
pub struct SdkReadme;

pub mod fixtures;
pub mod published;
#[rustfmt::skip]
#[path = "generated/operations.rs"]
pub mod operations;

use serde::{Serialize, de::DeserializeOwned};

/// Why a body did not decode into its model.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeFailure {
    /// JSON path of the first value that did not fit.
    pub path: String,
    /// What serde said.
    pub message: String,
}

impl std::fmt::Display for DecodeFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at `{}`: {}", self.path, self.message)
    }
}

/// Decodes `body` as `T` (reporting the JSON path of a failure) and serialises it again.
pub fn round_trip<T: DeserializeOwned + Serialize>(
    body: &[u8],
) -> Result<serde_json::Value, DecodeFailure> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| DecodeFailure {
        path: err.path().to_string(),
        message: err.inner().to_string(),
    })?;
    serde_json::to_value(&value).map_err(|err| DecodeFailure {
        path: String::new(),
        message: format!("re-encoding failed: {err}"),
    })
}

/// The spec as `cargo xtask generate` lowers it (with `spec/patches.yaml` and
/// `spec/overrides.yaml`), and the override table; panics saying what to run
/// when the spec is missing.
pub fn lowered_spec() -> (conekta_codegen::ir::Api, conekta_codegen::Overrides) {
    let spec_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let read = |name: &str| {
        std::fs::read_to_string(spec_dir.join(name))
            .unwrap_or_else(|e| panic!("{name}: {e} (run `cargo xtask fetch-spec` for the spec)"))
    };
    let overrides =
        conekta_codegen::Overrides::parse(&read("overrides.yaml")).expect("the override table");
    let (api, _) = conekta_codegen::api(
        &read("conekta-api-openapi.yml"),
        &read("patches.yaml"),
        &overrides,
    )
    .expect("the spec lowers");
    (api, overrides)
}

/// Where `cargo xtask fetch-mocks` puts Conekta's Mockoon environment.
pub fn mocks_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/conekta_api.json")
}

/// Conekta's Mockoon environment; panics saying what to run when it is missing.
pub fn mock_environment() -> fixtures::Environment {
    let path = mocks_path();
    fixtures::load_environment(&path).unwrap_or_else(|e| {
        panic!(
            "{e}: run `cargo xtask fetch-mocks` first ({})",
            path.display()
        )
    })
}

/// The routes of `env` matched to every operation of the spec.
pub fn match_operations(env: &fixtures::Environment) -> fixtures::RouteMatches<'_> {
    let ops: Vec<(String, &str)> = operations::OPERATIONS
        .iter()
        .map(|op| (op.method.to_ascii_lowercase(), op.path))
        .collect();
    let op_refs: Vec<(&str, &str)> = ops.iter().map(|(m, p)| (m.as_str(), *p)).collect();
    fixtures::match_routes(env, &op_refs)
}

/// The default 200 body of the route that serves `operation` (an `operationId`),
/// with the route's label (`GET /orders/{id}`); the body must be plain JSON,
/// not a template.
///
/// # Errors
/// When no route serves the operation, or its default answer is not a 200
/// with a plain JSON body.
pub fn fixture_body(
    env: &fixtures::Environment,
    operation: &str,
) -> Result<(String, Vec<u8>), String> {
    let op_index = operations::OPERATIONS
        .iter()
        .position(|op| op.id == operation)
        .ok_or_else(|| format!("the spec has no operation `{operation}`"))?;
    let op = &operations::OPERATIONS[op_index];
    let label = format!("{} {}", op.method, op.path);
    let matches = match_operations(env);
    let route = matches
        .matched
        .iter()
        .find(|(index, route)| *index == op_index && !matches.is_shadowed(route))
        .map(|(_, route)| *route)
        .ok_or_else(|| format!("no route of the Mockoon environment serves {label}"))?;
    let response = route
        .default_response_index()
        .map(|index| &route.responses[index])
        .ok_or_else(|| format!("the route for {label} has no responses"))?;
    if response.status_code != 200 || !response.has_inline_body() {
        return Err(format!(
            "the default response of {label} is a {} without an inline body, not a 200 with one",
            response.status_code
        ));
    }
    let templated = !response.disable_templating
        && fixtures::Template::parse(&response.body)
            .map_err(|e| format!("the default body of {label} is not a valid template: {e}"))?
            .is_templated();
    if templated {
        return Err(format!(
            "the default body of {label} is a Handlebars template, not plain JSON"
        ));
    }
    Ok((label, response.body.clone().into_bytes()))
}

/// `value` without `null` members (the API sends `null` for absent optional
/// fields, which decode to `None` and are not serialised again) and with every
/// number as `f64`, so that `1` and `1.0` compare equal.
pub fn normalized(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), normalized(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| value.clone(), Value::Number),
        other => other.clone(),
    }
}
