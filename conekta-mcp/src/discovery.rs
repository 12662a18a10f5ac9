//! Discovery mode (the default when no tools are selected): four small tools that
//! cover every operation, so that a conversation carries a few kilobytes of tool
//! definitions instead of all 113 operations' schemas.
//!
//! - [`SEARCH`] lists or searches operations (by words, tag, method): names,
//!   one-line summaries, whether each is read-only or moves money;
//! - [`DESCRIBE`] gives one operation's description, input schema and output schema;
//! - [`CALL_READ`] calls a read-only (`GET`) operation by name with arguments
//!   (`readOnlyHint`: a client may approve it without asking);
//! - [`CALL_WRITE`] calls one that changes something, through the money guard.
//!
//! Both calling tools go through the same typed validation as a tool of its own, and
//! each refuses an operation of the other kind. A principal that may only read does
//! not see the write tool; searches show only what the principal may call.

use crate::access::Permissions;
use crate::catalog::Entry;
use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::Arc;

/// The tool that lists or searches operations.
pub(crate) const SEARCH: &str = "search_operations";
/// The tool that describes one operation.
pub(crate) const DESCRIBE: &str = "describe_operation";
/// The tool that calls a read-only operation.
pub(crate) const CALL_READ: &str = "call_read_operation";
/// The tool that calls an operation that changes something.
pub(crate) const CALL_WRITE: &str = "call_write_operation";

fn object(value: Value) -> Arc<JsonObject> {
    match value {
        Value::Object(map) => Arc::new(map),
        _ => Arc::new(JsonObject::new()),
    }
}

/// The four tools, as `tools/list` shows them (the write tool last).
pub(crate) fn tools() -> Vec<Tool> {
    let read_only = || {
        ToolAnnotations::new()
            .read_only(true)
            .destructive(false)
            .idempotent(true)
            .open_world(false)
    };
    let operation_summary = json!({
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "method": {"type": "string"},
            "path": {"type": "string"},
            "tag": {"type": "string"},
            "summary": {"type": "string"},
            "read_only": {"type": "boolean"},
            "moves_money": {"type": "boolean"}
        },
        "required": ["name", "method", "path", "tag", "summary", "read_only", "moves_money"]
    });
    let mut search = Tool::new(
        SEARCH,
        "Finds Conekta API operations (orders, charges, customers, payment links, \
         subscriptions, payouts, webhooks…). Returns each one's name, method, path, tag, \
         one-line summary, and whether it is read-only or moves money. Words match names, \
         summaries, paths and tags (any word; best matches first); with no argument, every \
         operation. Next: `describe_operation` for an operation's arguments, then \
         `call_read_operation` (read-only) or `call_write_operation`.",
        object(json!({
            "type": "object",
            "properties": {
                "query": {"type": "string", "description": "Words to look for, e.g. `refund order`."},
                "tag": {"type": "string", "description": "Only this tag, e.g. `Orders`."},
                "method": {"type": "string", "enum": ["GET", "POST", "PUT", "PATCH", "DELETE"]},
                "read_only": {"type": "boolean", "description": "Only operations that change nothing (true) or only those that do (false)."}
            },
            "additionalProperties": false
        })),
    );
    search.output_schema = Some(object(json!({
        "type": "object",
        "properties": {"operations": {"type": "array", "items": operation_summary}},
        "required": ["operations"]
    })));
    search.annotations = Some(read_only());

    let mut describe = Tool::new(
        DESCRIBE,
        "Describes one Conekta operation by name (from `search_operations`): what it does, \
         units (amounts in cents, times in Unix seconds), what to call first, its input \
         schema (the `arguments` of `call_read_operation` or `call_write_operation`) and \
         the output schema of its answer.",
        object(json!({
            "type": "object",
            "properties": {"name": {"type": "string", "description": "The operation's name, e.g. `get_customer_by_id`."}},
            "required": ["name"],
            "additionalProperties": false
        })),
    );
    describe.output_schema = Some(object(json!({
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "method": {"type": "string"},
            "path": {"type": "string"},
            "description": {"type": "string"},
            "read_only": {"type": "boolean"},
            "moves_money": {"type": "boolean"},
            "input_schema": {"type": "object"},
            "output_schema": {"type": "object"}
        },
        "required": ["name", "method", "path", "description", "read_only", "moves_money", "input_schema", "output_schema"]
    })));
    describe.annotations = Some(read_only());

    let arguments = object(json!({
        "type": "object",
        "properties": {
            "name": {"type": "string", "description": "The operation's name."},
            "arguments": {"type": "object", "description": "The operation's arguments."}
        },
        "required": ["name"],
        "additionalProperties": false
    }));
    let mut read = Tool::new(
        CALL_READ,
        "Calls one read-only Conekta operation (`GET`: lists and lookups) by name with its \
         arguments (as `describe_operation` gives them); it changes nothing. The arguments \
         are checked against the operation's types before anything is sent; a bad one is an \
         error naming its path. Operations that change something go through \
         `call_write_operation`.",
        arguments.clone(),
    );
    read.output_schema = Some(object(json!({"type": "object"})));
    read.annotations = Some(
        ToolAnnotations::new()
            .read_only(true)
            .destructive(false)
            .idempotent(true)
            .open_world(true),
    );
    let mut write = Tool::new(
        CALL_WRITE,
        "Calls one Conekta operation that changes something (creates, updates, cancels, \
         deletes, charges, refunds…) by name with its arguments (as `describe_operation` \
         gives them). The arguments are checked against the operation's types before \
         anything is sent; a bad one is an error naming its path. Operations that move money \
         need the user's confirmation (the client asks) unless this client may make payments, \
         and never exceed its limit. Read-only operations go through `call_read_operation`.",
        arguments,
    );
    write.output_schema = Some(object(json!({"type": "object"})));
    write.annotations = Some(
        ToolAnnotations::new()
            .read_only(false)
            .destructive(true)
            .idempotent(false)
            .open_world(true),
    );
    vec![search, describe, read, write]
}

/// The arguments of [`SEARCH`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchArgs {
    #[serde(default)]
    query: Option<String>,
    #[serde(default)]
    tag: Option<String>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    read_only: Option<bool>,
}

/// The arguments of [`DESCRIBE`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DescribeArgs {
    /// The operation's name.
    pub name: String,
}

/// The arguments of [`CALL_READ`] and [`CALL_WRITE`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CallArgs {
    /// The operation's name.
    pub name: String,
    /// Its arguments.
    #[serde(default)]
    pub arguments: JsonObject,
}

/// Words that say nothing about an operation.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "for", "and", "with", "in", "on", "my",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// How many of the query's words an operation has: a word matches one of the
/// operation's words that it starts (`customer` matches `customers`), or that
/// starts it when that is at least four letters long.
fn score(query: &[String], entry: &Entry) -> usize {
    let text = format!(
        "{} {} {} {}",
        entry.tool.name, entry.summary, entry.path, entry.tag
    );
    let own = words(&text);
    query
        .iter()
        .filter(|q| {
            own.iter()
                .any(|w| w.starts_with(q.as_str()) || (w.len() >= 4 && q.starts_with(w.as_str())))
        })
        .count()
}

/// The operations a search finds among those the principal may call, best first.
pub(crate) fn search(entries: &[Entry], permissions: &Permissions, args: &SearchArgs) -> Value {
    let query = args.query.as_deref().map(words).unwrap_or_default();
    let tag = args.tag.as_deref().map(str::to_lowercase);
    let mut found: Vec<(usize, usize, &Entry)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| permissions.may_call(e))
        .filter(|(_, e)| tag.as_ref().is_none_or(|t| e.tag.to_lowercase() == *t))
        .filter(|(_, e)| {
            args.method
                .as_ref()
                .is_none_or(|m| e.method.eq_ignore_ascii_case(m))
        })
        .filter(|(_, e)| args.read_only.is_none_or(|r| (e.method == "GET") == r))
        .filter_map(|(i, e)| {
            let score = score(&query, e);
            (query.is_empty() || score > 0).then_some((score, i, e))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let operations: Vec<Value> = found
        .into_iter()
        .map(|(_, _, e)| {
            json!({
                "name": e.tool.name,
                "method": e.method,
                "path": e.path,
                "tag": e.tag,
                "summary": e.summary,
                "read_only": e.method == "GET",
                "moves_money": e.moves_money(),
            })
        })
        .collect();
    json!({ "operations": operations })
}

/// One operation, described.
pub(crate) fn describe(entry: &Entry) -> Value {
    json!({
        "name": entry.tool.name,
        "method": entry.method,
        "path": entry.path,
        "description": entry.tool.description,
        "read_only": entry.method == "GET",
        "moves_money": entry.moves_money(),
        "input_schema": *entry.tool.input_schema,
        "output_schema": entry.tool.output_schema.as_deref(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_find_operations_best_first() {
        let all = crate::catalog::all().unwrap();
        let args = SearchArgs {
            query: Some("refund an order".into()),
            tag: None,
            method: Some("POST".into()),
            read_only: None,
        };
        let any = Permissions::default();
        let found = search(&all, &any, &args);
        assert_eq!(found["operations"][0]["name"], "refund_order");
        assert_eq!(found["operations"][0]["moves_money"], true);
        let every = search(
            &all,
            &any,
            &SearchArgs {
                query: None,
                tag: None,
                method: None,
                read_only: None,
            },
        );
        assert_eq!(every["operations"].as_array().unwrap().len(), all.len());
        let args = SearchArgs {
            query: Some("get customer by id".into()),
            tag: None,
            method: None,
            read_only: None,
        };
        assert_eq!(
            search(&all, &any, &args)["operations"][0]["name"],
            "get_customer_by_id"
        );
    }
}
