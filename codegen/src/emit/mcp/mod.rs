//! Emits the MCP server's tools (`conekta-mcp`): one tool per operation.
//!
//! One file per concern: [`schema`] (input and output JSON Schemas), [`text`] (what a
//! model reads: descriptions and annotations), [`money`] (which operations move money,
//! from the override table's `mcp` section, and where their amount is), [`handlers`]
//! (the generated Rust). This file puts a tool together.
//!
//! Two files come out of the IR:
//! - `tools.json`: every tool's name, title, one-line summary, description (written for
//!   a model: units, what to call first, what to call next), annotations, whether it
//!   moves money (and where its amount and currency are in the arguments), and input
//!   and output JSON Schemas, with the named types they reach
//!   gathered once under `defs` (inputs) and `output_defs` (answers; the server copies
//!   the ones a tool uses into its `$defs`);
//! - `mod.rs`: per operation, an arguments struct typed with the SDK's models and a
//!   handler that decodes the arguments at once (so that a bad one fails before any
//!   confirmation is asked or anything is sent) and returns the future that calls the
//!   SDK and encodes the decoded answer as JSON; and the table of handlers by operation id.
//!
//! Header parameters that are client settings (`Accept-Language`, `X-Child-Company-Id`)
//! are not tool arguments: the server applies them on the client.

mod handlers;
mod money;
mod schema;
mod text;

use super::common::{HEADER, render};
use crate::ir::{Api, Operation, Param, ParamRole, TypeDef, TypeKind};
use crate::overrides::Mcp;
use crate::{Error, GeneratedFile};
use schema::{Side, describe, output_schema, reachable, resolve, schema_of, type_schema};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Where the MCP server's generated code lives, relative to the workspace root.
pub const MCP_DIR: &str = "conekta-mcp/src/generated";

/// The argument that carries the request body.
const BODY_ARG: &str = "body";

/// The argument of list tools that narrows each item of the answer to some members.
pub const FIELDS_ARG: &str = "fields";

/// Emits `tools.json` and `mod.rs` under [`MCP_DIR`]; `mcp` is the override table's
/// section (no section: no operation is known to move money, and no description is
/// replaced).
pub fn emit(api: &Api, mcp: Option<&Mcp>) -> Result<Vec<GeneratedFile>, Error> {
    let types: BTreeMap<&str, &TypeDef> = api.types.iter().map(|t| (t.name.as_str(), t)).collect();
    let empty = Mcp::default();
    let mcp = mcp.unwrap_or(&empty);
    let money = money::classify(api, mcp, &types)?;
    let mut all_defs = BTreeSet::new();
    let mut all_output_defs = BTreeSet::new();
    let mut tools = Vec::new();
    for op in &api.operations {
        check_argument_names(op)?;
        let inputs = arguments(op)
            .map(|p| &p.ty)
            .chain(op.body.as_ref().map(|b| &b.ty));
        let defs = reachable(op, inputs, &types)?;
        let (output, output_defs) = output_schema(op, &types)?;
        let tool = Tool {
            op,
            defs: &defs,
            output,
            output_defs: &output_defs,
            money: money.get(op.id.as_str()),
            own_text: mcp.descriptions.get(&op.id).map(String::as_str),
        };
        tools.push(tool_json(api, tool, &types)?);
        all_defs.extend(defs);
        all_output_defs.extend(output_defs);
    }
    let defs: Map<String, Value> = all_defs
        .iter()
        .map(|name| (name.clone(), type_schema(types[name.as_str()], Side::Input)))
        .collect();
    let output_defs: Map<String, Value> = all_output_defs
        .iter()
        .map(|name| {
            (
                name.clone(),
                type_schema(types[name.as_str()], Side::Output),
            )
        })
        .collect();
    let data = json!({
        "@generated": HEADER.lines().next().unwrap_or_default().trim_start_matches("// "),
        "api_version": api.version,
        "defs": defs,
        "output_defs": output_defs,
        "tools": tools,
    });
    let mut json_text = serde_json::to_string_pretty(&data).unwrap_or_default();
    json_text.push('\n');
    Ok(vec![
        GeneratedFile {
            path: format!("{MCP_DIR}/tools.json"),
            contents: json_text,
        },
        GeneratedFile {
            path: format!("{MCP_DIR}/mod.rs"),
            contents: render("mcp/mod.rs", handlers::handlers(api))?,
        },
    ])
}

/// The parameters a tool takes as arguments: path, query, and plain headers.
fn arguments(op: &Operation) -> impl Iterator<Item = &Param> {
    op.path_params
        .iter()
        .chain(&op.query_params)
        .chain(&op.header_params)
        .filter(|p| p.role == ParamRole::Plain)
}

/// The argument that carries the request body: `body`, unless a parameter is
/// called that (then `request_body`, with `_` appended until it is free).
fn body_arg(op: &Operation) -> String {
    let mut name = BODY_ARG.to_owned();
    if arguments(op).any(|p| p.name == name) {
        name = format!("request_{BODY_ARG}");
        while arguments(op).any(|p| p.name == name) {
            name.push('_');
        }
    }
    name
}

/// Argument names are the wire names; they must not collide with each other, the
/// body's or (on list operations) [`FIELDS_ARG`].
fn check_argument_names(op: &Operation) -> Result<(), Error> {
    let mut seen = BTreeSet::new();
    let body = body_arg(op);
    if op.body.is_some() {
        seen.insert(body.as_str());
    }
    if op.pagination.is_some() {
        seen.insert(FIELDS_ARG);
    }
    for param in arguments(op) {
        if !seen.insert(param.name.as_str()) {
            return Err(Error::unsupported(
                &format!("operation {}", op.id),
                format!("two tool arguments named `{}`", param.name),
            ));
        }
    }
    Ok(())
}

/// One tool, as [`tool_json`] puts it together.
struct Tool<'a> {
    op: &'a Operation,
    /// The named types its arguments reach.
    defs: &'a BTreeSet<String>,
    /// Its output schema.
    output: Value,
    /// The named types its answer reaches.
    output_defs: &'a BTreeSet<String>,
    /// Where its amount is, if it moves money.
    money: Option<&'a Value>,
    /// The override table's description, if any.
    own_text: Option<&'a str>,
}

/// The snake_case tool name: the SDK's method name without a raw prefix.
fn tool_name(op: &Operation) -> &str {
    op.method_name.trim_start_matches("r#")
}

fn tool_json(api: &Api, tool: Tool<'_>, types: &BTreeMap<&str, &TypeDef>) -> Result<Value, Error> {
    let Tool {
        op,
        defs,
        output,
        output_defs,
        money,
        own_text,
    } = tool;
    let mut properties = Map::new();
    let mut required = Vec::new();
    for param in &op.path_params {
        let mut schema = json!({"type": "string", "minLength": 1});
        describe(&mut schema, &param.docs, false, None);
        properties.insert(param.name.clone(), schema);
        required.push(param.name.clone());
    }
    for param in arguments(op).filter(|p| !op.path_params.contains(p)) {
        let mut schema = schema_of(&param.ty);
        describe(&mut schema, &param.docs, false, None);
        properties.insert(param.name.clone(), schema);
        if param.required {
            required.push(param.name.clone());
        }
    }
    if let Some(body) = &op.body {
        let mut schema = schema_of(&body.ty);
        schema["description"] = json!("The request body.");
        properties.insert(body_arg(op), schema);
        if body.required {
            required.push(body_arg(op));
        }
    }
    let page = page_json(op, types)?;
    if let Some(page) = &page {
        properties.insert(
            FIELDS_ARG.to_owned(),
            json!({
                "type": "array",
                "items": {"type": "string", "enum": page["members"]},
                "uniqueItems": true,
                "description": format!(
                    "Keep only these members of each item of `{}` (the members every item \
                     always has are kept too); the rest of the answer is unchanged. Leave \
                     it out to get whole items.",
                    page["list"].as_str().unwrap_or_default()
                ),
            }),
        );
    }
    let mut input = json!({"type": "object", "properties": properties});
    if !required.is_empty() {
        input["required"] = json!(required);
    }
    input["additionalProperties"] = json!(false);

    let (summary, description) =
        text::description(api, op, types, defs, output_defs, money.is_some(), own_text);
    let mut tool = json!({
        "operation": op.id,
        "name": tool_name(op),
        "tag": op.group.tag,
        "method": op.http_method,
        "path": op.path,
    });
    if let Some(title) = op
        .docs
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        tool["title"] = json!(title);
    }
    tool["summary"] = json!(summary);
    tool["description"] = json!(description);
    tool["movesMoney"] = json!(money.is_some());
    if let Some(money) = money {
        tool["money"] = money.clone();
    }
    tool["annotations"] = text::annotations(op, money.is_some());
    tool["inputSchema"] = input;
    tool["defs"] = json!(defs);
    tool["outputSchema"] = output;
    tool["outputDefs"] = json!(output_defs);
    if let Some(page) = page {
        tool["page"] = page;
    }
    Ok(tool)
}

/// What a list tool's `fields` works on: the member that holds the items, every
/// member an item may have, and the ones it always has (kept whatever is selected,
/// so that a narrowed answer still matches the output schema).
fn page_json(op: &Operation, types: &BTreeMap<&str, &TypeDef>) -> Result<Option<Value>, Error> {
    let Some(pagination) = &op.pagination else {
        return Ok(None);
    };
    let list = match resolve(op, &op.response, types)?.map(|d| &d.kind) {
        Some(TypeKind::Struct { fields, .. }) => fields
            .iter()
            .find(|f| f.rust_name == pagination.data_field)
            .map(|f| f.json_name.clone()),
        _ => None,
    };
    let Some(list) = list else {
        return Err(Error::invalid(
            &format!("operation {}", op.id),
            "a paginated answer without its list member".to_owned(),
        ));
    };
    let mut members = BTreeSet::new();
    let mut always = BTreeSet::new();
    let mut queue = vec![&pagination.item];
    while let Some(ty) = queue.pop() {
        match resolve(op, ty, types)?.map(|d| &d.kind) {
            Some(TypeKind::Struct { fields, .. }) => {
                for field in fields {
                    members.insert(field.json_name.clone());
                    if field.required {
                        always.insert(field.json_name.clone());
                    }
                }
            }
            Some(TypeKind::Tagged { property, variants }) => {
                always.insert(property.clone());
                members.insert(property.clone());
                queue.extend(variants.iter().map(|v| &v.ty));
            }
            Some(TypeKind::Untagged { variants }) => queue.extend(variants.iter().map(|v| &v.ty)),
            _ => {}
        }
    }
    Ok(Some(
        json!({"list": list, "members": members, "always": always}),
    ))
}
