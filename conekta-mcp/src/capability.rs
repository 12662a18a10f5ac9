//! Naftiko capability files: which operations an agent may use, under which names,
//! with which key and default headers.
//!
//! Read: `binds` (which environment variable holds the key), `capability.consumes`
//! (`type: http`: `baseUri`, `authentication`, `defaultHeaders`, and
//! `resources[].operations[]` by method and path) and `capability.exposes` entries of
//! `type: mcp` (`tools[]` with `name`, `description`, `hints` and `call:
//! <namespace>.<operation>`). Other keys are ignored.

use serde::Deserialize;
use std::collections::BTreeMap;

/// The environment variable read when the capability does not bind the key.
pub(crate) const DEFAULT_KEY_VAR: &str = "CONEKTA_API_KEY";

/// What a capability asks for, checked for consistency but not yet matched to the spec.
#[derive(Debug)]
pub(crate) struct Plan {
    /// `info.label`.
    pub label: Option<String>,
    /// `info.description`.
    pub description: Option<String>,
    /// The environment variable that holds the API key.
    pub key_var: String,
    /// `baseUri` of the consumed API.
    pub base_url: Option<String>,
    /// `defaultHeaders`, by lower-case name.
    pub headers: BTreeMap<String, String>,
    /// The tools, in the capability's order.
    pub tools: Vec<PlannedTool>,
}

/// One tool a capability exposes.
#[derive(Debug)]
pub(crate) struct PlannedTool {
    /// The tool's name.
    pub name: String,
    /// Upper-case HTTP method of the consumed operation.
    pub method: String,
    /// Path template of the consumed operation.
    pub path: String,
    /// Where it is declared, for error messages (`customers.listCustomers`).
    pub source: String,
    /// A description that replaces the spec's summary, if given.
    pub description: Option<String>,
    /// Hints that override the generated annotations.
    pub hints: Hints,
    /// The parameters it declares (`inputParameters`), whose names are the tool's.
    pub params: Vec<PlannedParam>,
}

/// One of a capability operation's `inputParameters`.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct PlannedParam {
    /// Its name: the tool's argument name.
    pub name: String,
    /// Where it goes: `path`, `query`, `header` or `body`.
    #[serde(rename = "in")]
    pub location: String,
}

/// Tool hints as a capability writes them.
#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Hints {
    pub read_only: Option<bool>,
    pub destructive: Option<bool>,
    pub idempotent: Option<bool>,
    pub open_world: Option<bool>,
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    info: Option<Info>,
    #[serde(default)]
    binds: Vec<Bind>,
    capability: Body,
}

#[derive(Deserialize)]
struct Info {
    label: Option<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
struct Bind {
    #[serde(default)]
    keys: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Body {
    #[serde(default)]
    consumes: Vec<Consumes>,
    #[serde(default)]
    exposes: Vec<Exposes>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Consumes {
    #[serde(rename = "type")]
    kind: String,
    namespace: String,
    base_uri: Option<String>,
    authentication: Option<Authentication>,
    #[serde(default)]
    default_headers: BTreeMap<String, String>,
    #[serde(default)]
    resources: Vec<Resource>,
}

#[derive(Deserialize)]
struct Authentication {
    #[serde(rename = "type")]
    kind: String,
    token: Option<String>,
}

#[derive(Deserialize)]
struct Resource {
    path: String,
    #[serde(default)]
    operations: Vec<Consumed>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Consumed {
    name: String,
    method: String,
    description: Option<String>,
    #[serde(default)]
    input_parameters: Vec<PlannedParam>,
}

#[derive(Deserialize)]
struct Exposes {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    tools: Vec<Exposed>,
}

#[derive(Deserialize)]
struct Exposed {
    name: String,
    description: Option<String>,
    #[serde(default)]
    hints: Hints,
    call: String,
}

/// Parses a capability file and checks that it hangs together.
pub(crate) fn parse(text: &str) -> Result<Plan, String> {
    let file: File = serde_yaml::from_str(text).map_err(|e| format!("not a capability: {e}"))?;
    let mut base_url: Option<String> = None;
    let mut headers: BTreeMap<String, String> = BTreeMap::new();
    let mut token: Option<String> = None;
    // Consumed operations by `namespace.name`.
    let mut consumed: Vec<(String, PlannedTool)> = Vec::new();
    for consumes in &file.capability.consumes {
        if consumes.kind != "http" {
            return Err(format!(
                "consumes `{}` is of type `{}`; only `http` is supported",
                consumes.namespace, consumes.kind
            ));
        }
        if let Some(uri) = &consumes.base_uri {
            agree(&mut base_url, uri, "baseUri")?;
        }
        for (name, value) in &consumes.default_headers {
            let previous = headers.insert(name.to_ascii_lowercase(), value.clone());
            if previous.is_some_and(|p| p != *value) {
                return Err(format!(
                    "two different default values for the header {name}"
                ));
            }
        }
        if let Some(auth) = &consumes.authentication {
            if !auth.kind.eq_ignore_ascii_case("bearer") {
                return Err(format!(
                    "consumes `{}`: authentication `{}` is not supported (Conekta takes a bearer key)",
                    consumes.namespace, auth.kind
                ));
            }
            if let Some(t) = &auth.token {
                agree(&mut token, t, "authentication token")?;
            }
        }
        for resource in &consumes.resources {
            for op in &resource.operations {
                let source = format!("{}.{}", consumes.namespace, op.name);
                consumed.push((
                    source.clone(),
                    PlannedTool {
                        name: op.name.clone(),
                        method: op.method.to_ascii_uppercase(),
                        path: resource.path.clone(),
                        source,
                        description: op.description.clone(),
                        hints: Hints::default(),
                        params: op.input_parameters.clone(),
                    },
                ));
            }
        }
    }
    let key_var = key_var(token.as_deref(), &file.binds)?;
    let exposed: Vec<&Exposed> = file
        .capability
        .exposes
        .iter()
        .filter(|e| e.kind == "mcp")
        .flat_map(|e| &e.tools)
        .collect();
    let tools = if exposed.is_empty() {
        consumed.into_iter().map(|(_, tool)| tool).collect()
    } else {
        let mut tools = Vec::new();
        for tool in exposed {
            let (_, op) = consumed
                .iter()
                .find(|(source, _)| *source == tool.call)
                .ok_or_else(|| {
                    format!(
                        "the MCP tool `{}` calls `{}`, which the capability does not consume",
                        tool.name, tool.call
                    )
                })?;
            tools.push(PlannedTool {
                name: tool.name.clone(),
                method: op.method.clone(),
                path: op.path.clone(),
                source: op.source.clone(),
                description: tool.description.clone().or_else(|| op.description.clone()),
                hints: tool.hints,
                params: op.params.clone(),
            });
        }
        tools
    };
    let (label, description) = file
        .info
        .map_or((None, None), |info| (info.label, info.description));
    Ok(Plan {
        label,
        description,
        key_var,
        base_url,
        headers,
        tools,
    })
}

fn agree(slot: &mut Option<String>, value: &str, what: &str) -> Result<(), String> {
    match slot {
        Some(existing) if existing != value => Err(format!(
            "two different values for {what}: `{existing}` and `{value}`"
        )),
        _ => {
            *slot = Some(value.to_owned());
            Ok(())
        }
    }
}

/// The environment variable that holds the key: the token template's name
/// (`{{env.NAME}}` or `{{NAME}}`), mapped through `binds`.
fn key_var(token: Option<&str>, binds: &[Bind]) -> Result<String, String> {
    let Some(token) = token else {
        return Ok(DEFAULT_KEY_VAR.to_owned());
    };
    let name = token
        .trim()
        .strip_prefix("{{")
        .and_then(|t| t.strip_suffix("}}"))
        .map(str::trim)
        .ok_or_else(|| {
            "the authentication token must be a template such as `{{env.CONEKTA_API_KEY}}`, \
             never a literal key"
                .to_owned()
        })?;
    let name = name.strip_prefix("env.").unwrap_or(name);
    Ok(binds
        .iter()
        .find_map(|bind| bind.keys.get(name))
        .cloned()
        .unwrap_or_else(|| name.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPOSING: &str = r#"
binds:
  - namespace: env
    keys: {API_KEY: MY_CONEKTA_KEY}
capability:
  consumes:
    - type: http
      namespace: shop
      baseUri: http://127.0.0.1:1
      authentication: {type: bearer, token: "{{env.API_KEY}}"}
      defaultHeaders: {Accept-Language: en}
      resources:
        - path: /customers/{id}
          operations:
            - {name: getCustomer, method: get}
            - {name: deleteCustomer, method: DELETE}
  exposes:
    - type: rest
      tools: []
    - type: mcp
      tools:
        - name: find-customer
          description: Look a customer up.
          hints: {readOnly: true, openWorld: false}
          call: shop.getCustomer
"#;

    #[test]
    fn exposes_name_the_tools_and_binds_name_the_key() {
        let plan = parse(EXPOSING).unwrap();
        assert_eq!(plan.key_var, "MY_CONEKTA_KEY");
        assert_eq!(plan.base_url.as_deref(), Some("http://127.0.0.1:1"));
        assert_eq!(plan.headers["accept-language"], "en");
        assert_eq!(plan.tools.len(), 1);
        let tool = &plan.tools[0];
        assert_eq!(
            (tool.name.as_str(), tool.method.as_str(), tool.path.as_str()),
            ("find-customer", "GET", "/customers/{id}")
        );
        assert_eq!(tool.hints.open_world, Some(false));
    }

    #[test]
    fn an_exposed_tool_must_call_a_consumed_operation() {
        let text = EXPOSING.replace("call: shop.getCustomer", "call: shop.nope");
        let err = parse(&text).unwrap_err();
        assert!(err.contains("shop.nope"), "{err}");
    }

    #[test]
    fn a_literal_token_is_refused() {
        let text = EXPOSING.replace("{{env.API_KEY}}", "key_abc");
        let err = parse(&text).unwrap_err();
        assert!(!err.contains("key_abc"), "the key is echoed: {err}");
    }
}
