//! What a model reads about a tool: its description (what it does, whether it moves
//! money, units, what to call first and next) and its annotations.

use super::schema::{CENTS, unit_note};
use super::{FIELDS_ARG, tool_name};
use crate::ir::{Api, Operation, TypeDef, TypeKind, TypeRef};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Words of an operation id that make a non-`DELETE` operation destructive.
const DESTRUCTIVE_WORDS: &[&str] = &["cancel", "refund", "refunds", "void", "reverse", "revoke"];

/// A one-line summary (for listings) and the full description, written for a model:
/// what the operation does (the spec's text, or a short override where the spec has
/// only a title), whether it moves money, the units, what to call first and next.
pub(super) fn description(
    api: &Api,
    op: &Operation,
    types: &BTreeMap<&str, &TypeDef>,
    defs: &BTreeSet<String>,
    output_defs: &BTreeSet<String>,
    money: bool,
    own_text: Option<&str>,
) -> (String, String) {
    let text = match own_text {
        Some(text) => text.trim().to_owned(),
        None => op.docs.paragraphs().join("\n\n"),
    };
    let first_line = text.lines().next().unwrap_or_default().trim();
    let summary = match first_line.find(". ") {
        Some(end) => &first_line[..=end],
        None => first_line,
    };
    let summary = if summary.is_empty() {
        format!("`{} {}`", op.http_method, op.path)
    } else {
        summary.trim().to_owned()
    };
    let mut parts = Vec::new();
    if !text.is_empty() {
        parts.push(text.clone());
    }
    if money {
        parts.push(
            "MOVES MONEY: the server asks the user to confirm each call (MCP elicitation) \
             and refuses it when the client cannot ask, unless payments are allowed \
             (`--allow-payments`, or a token that allows them, up to its `max_amount`)."
                .to_owned(),
        );
    }
    let units = units(op, types, defs.iter().chain(output_defs));
    if !units.is_empty() {
        parts.push(format!("Units: {}.", units.join("; ")));
    }
    let first: Vec<String> = op
        .path_params
        .iter()
        .filter_map(|param| source_of(api, op, &param.name))
        .collect();
    if !first.is_empty() {
        parts.push(format!("First: {}.", first.join("; ")));
    }
    if let Some(pagination) = &op.pagination {
        let cursor = op
            .query_params
            .iter()
            .find(|p| p.rust_name == pagination.cursor_param)
            .map_or("next", |p| p.name.as_str());
        parts.push(format!(
            "Next: while the answer's `has_more` is true, call again with `{cursor}` set to \
             the `{cursor}` cursor of its `next_page_url` (the last item's `id`) for the next \
             page. Use `{FIELDS_ARG}` to keep only the members you need of each item."
        ));
    }
    parts.push(format!(
        "`{} {}` (operation `{}`).",
        op.http_method, op.path, op.id
    ));
    (summary, parts.join("\n\n"))
}

/// The units an operation's arguments and answer use: amounts in cents, times in
/// Unix seconds.
fn units<'a>(
    op: &Operation,
    types: &BTreeMap<&str, &TypeDef>,
    names: impl Iterator<Item = &'a String>,
) -> Vec<&'static str> {
    let mut cents = false;
    let mut seconds = op.type_refs().iter().any(|t| mentions_timestamp(t));
    for def in names.filter_map(|n| types.get(n.as_str())) {
        if let TypeKind::Struct { fields, .. } = &def.kind {
            for field in fields {
                cents |= unit_note(field) == Some(CENTS);
                seconds |= mentions_timestamp(&field.ty);
            }
        }
    }
    let mut units = Vec::new();
    if cents {
        units.push("amounts are integers in cents of the currency (`35000` is 350.00)");
    }
    if seconds {
        units.push("times are Unix timestamps in seconds");
    }
    units
}

fn mentions_timestamp(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Timestamp => true,
        TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => {
            mentions_timestamp(inner)
        }
        _ => false,
    }
}

/// What a path parameter is and where a model finds one: the list operation of the
/// collection it names (and the operation that creates one), by tool name.
fn source_of(api: &Api, op: &Operation, param: &str) -> Option<String> {
    let marker = format!("/{{{param}}}");
    let collection = &op.path[..op.path.find(&marker)?];
    let lister = api
        .operations
        .iter()
        .find(|o| o.http_method == "GET" && o.path == collection && o.id != op.id)?;
    let creator = api
        .operations
        .iter()
        .find(|o| o.http_method == "POST" && o.path == collection && o.id != op.id);
    Some(match creator {
        Some(creator) => format!(
            "`{param}` is the `id` of an item of `{}` or of the answer of `{}`",
            tool_name(lister),
            tool_name(creator)
        ),
        None => format!(
            "`{param}` is the `id` of an item of `{}`",
            tool_name(lister)
        ),
    })
}

/// MCP tool annotations from the method, the operation id and whether it moves money.
pub(super) fn annotations(op: &Operation, money: bool) -> Value {
    let method = op.http_method.as_str();
    let read_only = method == "GET";
    let words: Vec<String> = tool_name(op).split('_').map(str::to_owned).collect();
    let destructive = money
        || method == "DELETE"
        || words
            .iter()
            .any(|w| DESTRUCTIVE_WORDS.contains(&w.as_str()));
    let idempotent = !money && matches!(method, "GET" | "PUT" | "DELETE");
    json!({
        "readOnlyHint": read_only,
        "destructiveHint": !read_only && destructive,
        "idempotentHint": idempotent,
    })
}
