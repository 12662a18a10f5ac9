//! The operations: the generated catalogue (one per operation of the spec) and the
//! selection rules (capability, tags, read-only) that turn some of them into tools.

use crate::amount::MoneyRule;
use crate::call::Handler;
use crate::capability::{Hints, Plan, PlannedTool};
use crate::generated::{HANDLERS, TOOLS_JSON};
use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::sync::Arc;

/// One operation as a tool.
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
    /// One line saying what it does.
    pub summary: String,
    /// Where the amount of a money-moving operation is (then a call needs the user's
    /// or the principal's consent, and is capped by the principal's `max_amount`).
    pub money: Option<MoneyRule>,
    /// What `fields` narrows, for list operations.
    pub page: Option<Page>,
    /// Argument names of this tool that stand for other names of the operation
    /// (a capability's own names): `(tool's name, operation's name)`.
    pub renames: Vec<(String, String)>,
    /// What `tools/list` shows.
    pub tool: Tool,
    /// What `tools/call` runs.
    pub handler: Handler,
}

impl Entry {
    /// Whether a call can move real money.
    pub(crate) fn moves_money(&self) -> bool {
        self.money.is_some()
    }

    /// The id of the object a call acts on: its last path parameter (under the
    /// tool's name for it).
    pub(crate) fn target(&self, arguments: &JsonObject) -> Option<String> {
        let theirs = path_params(&self.path).pop()?;
        let ours = self
            .renames
            .iter()
            .find(|(_, t)| t == theirs)
            .map_or(theirs, |(o, _)| o.as_str());
        arguments.get(ours)?.as_str().map(str::to_owned)
    }
}

/// The list in a list operation's answer, and the members of its items.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Page {
    /// The answer's member that holds the items (`data`).
    pub list: String,
    /// Every member an item may have.
    pub members: Vec<String>,
    /// The members every item has, kept whatever `fields` selects.
    pub always: Vec<String>,
}

#[derive(Deserialize)]
struct Data {
    defs: Map<String, Value>,
    output_defs: Map<String, Value>,
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
    summary: String,
    description: String,
    money: Option<MoneyRule>,
    annotations: RawAnnotations,
    input_schema: JsonObject,
    defs: Vec<String>,
    output_schema: JsonObject,
    output_defs: Vec<String>,
    page: Option<Page>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawAnnotations {
    read_only_hint: bool,
    destructive_hint: bool,
    idempotent_hint: bool,
}

/// `schema` with the named types it uses under `$defs`.
fn with_defs(mut schema: JsonObject, names: &[String], defs: &Map<String, Value>) -> JsonObject {
    if !names.is_empty() {
        let used: Map<String, Value> = names
            .iter()
            .filter_map(|name| Some((name.clone(), defs.get(name)?.clone())))
            .collect();
        schema.insert("$defs".into(), Value::Object(used));
    }
    schema
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
            let input = with_defs(raw.input_schema, &raw.defs, &data.defs);
            let output = with_defs(raw.output_schema, &raw.output_defs, &data.output_defs);
            let mut tool = Tool::new(raw.name, raw.description, Arc::new(input));
            tool.output_schema = Some(Arc::new(output));
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
                summary: raw.summary,
                money: raw.money,
                page: raw.page,
                renames: Vec::new(),
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
    /// A capability's operation the spec lacks stops the start (else it is skipped
    /// with a warning).
    pub strict: bool,
}

/// Applies a selection. An unknown tag or an empty result is an error; an operation
/// a capability names that the spec lacks is one with `strict`, else a warning
/// (naming the nearest operation of the spec) and the others load.
pub(crate) fn select(
    all: Vec<Entry>,
    selection: &Selection<'_>,
    warn: &mut dyn FnMut(String),
) -> Result<Vec<Entry>, String> {
    let mut tools = match selection.plan {
        Some(plan) => from_plan(&all, plan, selection.strict, warn)?,
        None => all.clone(),
    };
    if !selection.tags.is_empty() {
        let known: BTreeSet<String> = all.iter().map(|e| tag_key(&e.tag)).collect();
        let wanted: BTreeSet<String> = selection.tags.iter().map(|t| tag_key(t)).collect();
        if let Some(unknown) = wanted.iter().find(|t| !known.contains(*t)) {
            let tags: BTreeSet<&str> = all.iter().map(|e| e.tag.as_str()).collect();
            return Err(format!(
                "unknown tag `{unknown}`; the spec's tags are: {}",
                tags.into_iter().collect::<Vec<_>>().join(", ")
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

/// The names of a path template's parameters, in order.
fn path_params(path: &str) -> Vec<&str> {
    path.split('/')
        .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
        .collect()
}

/// The operation of the spec nearest to a path the spec lacks: same method, the most
/// leading path segments in common, then the smallest edit distance between the paths
/// (parameter names ignored).
fn nearest<'a>(all: &'a [Entry], method: &str, path: &str) -> Option<&'a Entry> {
    let key = path_key(path);
    let common = |other: &str| {
        key.split('/')
            .zip(other.split('/'))
            .take_while(|(a, b)| a == b)
            .count()
    };
    all.iter().filter(|e| e.method == method).min_by_key(|e| {
        let other = path_key(&e.path);
        (
            std::cmp::Reverse(common(&other)),
            strsim::levenshtein(&other, &key),
        )
    })
}

fn from_plan(
    all: &[Entry],
    plan: &Plan,
    strict: bool,
    warn: &mut dyn FnMut(String),
) -> Result<Vec<Entry>, String> {
    let mut tools = Vec::new();
    for planned in &plan.tools {
        let key = path_key(&planned.path);
        let Some(entry) = all
            .iter()
            .find(|e| e.method == planned.method && path_key(&e.path) == key)
        else {
            let mut message = format!(
                "the capability's operation `{}` ({} {}) is not an operation of the Conekta API {}",
                planned.source,
                planned.method,
                planned.path,
                conekta_sdk::API_VERSION
            );
            if let Some(near) = nearest(all, &planned.method, &planned.path) {
                message.push_str(&format!(
                    "; the nearest is `{} {}` (tool `{}`)",
                    near.method, near.path, near.tool.name
                ));
            }
            if strict {
                return Err(message);
            }
            warn(format!("{message}; skipped"));
            continue;
        };
        tools.push(planned_entry(entry, planned)?);
    }
    Ok(tools)
}

/// The spec's operation under the capability's name, description, hints and
/// argument names.
fn planned_entry(entry: &Entry, planned: &PlannedTool) -> Result<Entry, String> {
    let mut entry = entry.clone();
    entry.tool.name = planned.name.clone().into();
    if let Some(description) = &planned.description {
        let spec = entry.tool.description.take().unwrap_or_default();
        entry.tool.description = Some(format!("{description}\n\n{spec}").into());
    }
    apply_hints(&mut entry.tool, planned.hints);
    // Path parameters by position, query parameters and the body by name.
    let mut renames: Vec<(String, String)> = path_params(&planned.path)
        .into_iter()
        .zip(path_params(&entry.path))
        .filter(|(ours, theirs)| ours != theirs)
        .map(|(ours, theirs)| (ours.to_owned(), theirs.to_owned()))
        .collect();
    let properties = entry
        .tool
        .input_schema
        .get("properties")
        .and_then(Value::as_object);
    let has = |name: &str| properties.is_some_and(|p| p.contains_key(name));
    for param in &planned.params {
        match param.location.as_str() {
            "body" if param.name != "body" && has("body") => {
                renames.push((param.name.clone(), "body".to_owned()));
            }
            "query" | "header" if !has(&param.name) => {
                return Err(format!(
                    "the capability's operation `{}` takes the {} parameter `{}`, which `{} {}` does not have",
                    planned.source, param.location, param.name, entry.method, entry.path
                ));
            }
            _ => {}
        }
    }
    if !renames.is_empty() {
        let mut schema = (*entry.tool.input_schema).clone();
        rename_schema(&mut schema, &renames);
        entry.tool.input_schema = Arc::new(schema);
    }
    entry.renames = renames;
    Ok(entry)
}

/// Renames the properties (and `required` entries) of an input schema.
fn rename_schema(schema: &mut JsonObject, renames: &[(String, String)]) {
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        let old = std::mem::take(properties);
        for (name, value) in old {
            let name = renames
                .iter()
                .find(|(_, theirs)| *theirs == name)
                .map_or(name, |(ours, _)| ours.clone());
            properties.insert(name, value);
        }
    }
    if let Some(Value::Array(required)) = schema.get_mut("required") {
        for item in required {
            if let Some((ours, _)) = renames.iter().find(|(_, theirs)| item == theirs) {
                *item = Value::String(ours.clone());
            }
        }
    }
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
        assert_eq!(path_params("/a/{x}/b/{y}"), ["x", "y"]);
    }

    #[test]
    fn tags_match_loosely() {
        assert_eq!(tag_key("Webhook Keys"), tag_key("webhook_keys"));
    }

    #[test]
    fn the_nearest_operation_has_the_same_method_and_the_closest_path() {
        let all = all().unwrap();
        let near = nearest(&all, "PUT", "/checkouts/{id}").unwrap();
        assert_eq!(near.path, "/checkouts/{id}/cancel");
        let near = nearest(&all, "GET", "/customers/{customer_id}/loyalty").unwrap();
        assert_eq!(near.path, "/customers/{id}");
    }

    #[test]
    fn renamed_properties_keep_their_schemas() {
        let mut schema: JsonObject = serde_json::from_value(serde_json::json!({
            "properties": {"id": {"type": "string"}, "body": {}},
            "required": ["id"]
        }))
        .unwrap();
        rename_schema(&mut schema, &[("customer_id".into(), "id".into())]);
        assert_eq!(schema["properties"]["customer_id"]["type"], "string");
        assert_eq!(schema["required"][0], "customer_id");
        assert!(schema["properties"].get("id").is_none());
    }
}
