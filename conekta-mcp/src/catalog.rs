//! The tools: the generated catalogue (one per operation) and the selection rules
//! (capability, tags, read-only) that narrow it.

use crate::call::Handler;
use crate::capability::{Hints, Plan};
use crate::generated::{HANDLERS, TOOLS_JSON};
use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::sync::Arc;

/// One tool the server offers.
#[derive(Clone)]
pub(crate) struct Entry {
    /// The operation it calls.
    pub operation: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// Path template.
    pub path: String,
    /// The spec's tag.
    pub tag: String,
    /// What `tools/list` shows.
    pub tool: Tool,
    /// What `tools/call` runs.
    pub handler: Handler,
}

#[derive(Deserialize)]
struct Data {
    defs: Map<String, Value>,
    tools: Vec<RawTool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawTool {
    operation: String,
    name: String,
    tag: String,
    method: String,
    path: String,
    title: Option<String>,
    description: String,
    annotations: RawAnnotations,
    input_schema: JsonObject,
    defs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawAnnotations {
    read_only_hint: bool,
    destructive_hint: bool,
    idempotent_hint: bool,
}

/// Every operation as a tool, named after its `operationId` in snake_case.
pub(crate) fn all() -> Result<Vec<Entry>, String> {
    let data: Data = serde_json::from_str(TOOLS_JSON)
        .map_err(|e| format!("the generated tool catalogue is not valid: {e}"))?;
    data.tools
        .into_iter()
        .map(|raw| {
            let handler = HANDLERS
                .iter()
                .find(|(id, _)| *id == raw.operation)
                .map(|(_, handler)| *handler)
                .ok_or_else(|| format!("no handler for operation {}", raw.operation))?;
            let mut schema = raw.input_schema;
            if !raw.defs.is_empty() {
                let defs: Map<String, Value> = raw
                    .defs
                    .iter()
                    .filter_map(|name| Some((name.clone(), data.defs.get(name)?.clone())))
                    .collect();
                schema.insert("$defs".into(), Value::Object(defs));
            }
            let mut tool = Tool::new(raw.name, raw.description, Arc::new(schema));
            tool.title = raw.title.clone();
            let mut annotations = ToolAnnotations::new()
                .read_only(raw.annotations.read_only_hint)
                .destructive(raw.annotations.destructive_hint)
                .idempotent(raw.annotations.idempotent_hint);
            annotations.title = raw.title;
            tool.annotations = Some(annotations);
            Ok(Entry {
                operation: raw.operation,
                method: raw.method,
                path: raw.path,
                tag: raw.tag,
                tool,
                handler,
            })
        })
        .collect()
}

/// How the tool set is narrowed.
#[derive(Debug, Default)]
pub(crate) struct Selection<'a> {
    /// The capability's tools, if one is given.
    pub plan: Option<&'a Plan>,
    /// Only operations with one of these tags (compared without case, spaces or `_`/`-`).
    pub tags: &'a [String],
    /// Only `GET` operations.
    pub read_only: bool,
}

/// Applies a selection; an operation a capability names that the spec lacks, an
/// unknown tag or an empty result is an error.
pub(crate) fn select(all: Vec<Entry>, selection: &Selection<'_>) -> Result<Vec<Entry>, String> {
    let mut tools = match selection.plan {
        Some(plan) => from_plan(&all, plan)?,
        None => all.clone(),
    };
    if !selection.tags.is_empty() {
        let known: BTreeSet<String> = all.iter().map(|e| tag_key(&e.tag)).collect();
        let wanted: BTreeSet<String> = selection.tags.iter().map(|t| tag_key(t)).collect();
        if let Some(unknown) = wanted.iter().find(|t| !known.contains(*t)) {
            let mut tags: Vec<&str> = all.iter().map(|e| e.tag.as_str()).collect();
            tags.dedup();
            return Err(format!(
                "unknown tag `{unknown}`; the spec's tags are: {}",
                tags.into_iter()
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        tools.retain(|e| wanted.contains(&tag_key(&e.tag)));
    }
    if selection.read_only {
        tools.retain(|e| e.method == "GET");
    }
    if tools.is_empty() {
        return Err("the selection leaves no tools".into());
    }
    let mut names = BTreeSet::new();
    for entry in &tools {
        if !names.insert(entry.tool.name.clone()) {
            return Err(format!("two tools are named `{}`", entry.tool.name));
        }
    }
    Ok(tools)
}

fn tag_key(tag: &str) -> String {
    tag.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// `/customers/{id}` and `/customers/{customer_id}` are the same path.
fn path_key(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_param = false;
    for c in path.trim_end_matches('/').chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            c if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

fn from_plan(all: &[Entry], plan: &Plan) -> Result<Vec<Entry>, String> {
    plan.tools
        .iter()
        .map(|planned| {
            let key = path_key(&planned.path);
            let entry = all
                .iter()
                .find(|e| e.method == planned.method && path_key(&e.path) == key)
                .ok_or_else(|| {
                    format!(
                        "the capability's operation `{}` ({} {}) is not an operation of the Conekta API {}",
                        planned.source,
                        planned.method,
                        planned.path,
                        conekta_sdk::API_VERSION
                    )
                })?;
            let mut entry = entry.clone();
            entry.tool.name = planned.name.clone().into();
            if let Some(description) = &planned.description {
                let spec = entry.tool.description.take().unwrap_or_default();
                entry.tool.description = Some(format!("{description}\n\n{spec}").into());
            }
            apply_hints(&mut entry.tool, planned.hints);
            Ok(entry)
        })
        .collect()
}

fn apply_hints(tool: &mut Tool, hints: Hints) {
    let annotations = tool.annotations.get_or_insert_with(ToolAnnotations::new);
    if let Some(v) = hints.read_only {
        annotations.read_only_hint = Some(v);
    }
    if let Some(v) = hints.destructive {
        annotations.destructive_hint = Some(v);
    }
    if let Some(v) = hints.idempotent {
        annotations.idempotent_hint = Some(v);
    }
    if let Some(v) = hints.open_world {
        annotations.open_world_hint = Some(v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_whatever_their_parameters_are_called() {
        assert_eq!(
            path_key("/customers/{id}/x"),
            path_key("/customers/{customer_id}/x/")
        );
        assert_ne!(path_key("/customers/{id}"), path_key("/customers"));
    }

    #[test]
    fn tags_match_loosely() {
        assert_eq!(tag_key("Webhook Keys"), tag_key("webhook_keys"));
    }
}
