//! Emits the MCP server's tools (`conekta-mcp`): one tool per operation.
//!
//! Two files come out of the IR:
//! - `tools.json`: every tool's name, title, one-line summary, description (written for
//!   a model: units, what to call first, what to call next), annotations, whether it
//!   moves money, and input and output JSON Schemas, with the named types they reach
//!   gathered once under `defs` (inputs) and `output_defs` (answers; the server copies
//!   the ones a tool uses into its `$defs`);
//! - `mod.rs`: per operation, an arguments struct typed with the SDK's models and a
//!   handler that decodes the arguments at once (so that a bad one fails before any
//!   confirmation is asked or anything is sent) and returns the future that calls the
//!   SDK and encodes the decoded answer as JSON; and the table of handlers by operation id.
//!
//! Header parameters that are client settings (`Accept-Language`, `X-Child-Company-Id`)
//! are not tool arguments: the server applies them on the client.

use super::common::{HEADER, doc_attrs, ident, model_type, render};
use crate::ir::{Api, Docs, Field, Operation, Param, ParamRole, TypeDef, TypeKind, TypeRef};
use crate::{Error, GeneratedFile};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Where the MCP server's generated code lives, relative to the workspace root.
pub const MCP_DIR: &str = "conekta-mcp/src/generated";

/// The argument that carries the request body.
const BODY_ARG: &str = "body";

/// The argument of list tools that narrows each item of the answer to some members.
pub const FIELDS_ARG: &str = "fields";

/// Words of an operation id that make a non-`DELETE` operation destructive.
const DESTRUCTIVE_WORDS: &[&str] = &["cancel", "refund", "refunds", "void", "reverse", "revoke"];

/// Last literal path segments whose `POST` moves money: creating an order (with its
/// charges) or a payout order, capturing an authorized order, refunding one.
const MONEY_POST_TARGETS: &[&str] = &["orders", "payout_orders", "capture", "refunds"];

/// Words of a last literal path segment whose `POST` charges a payment (`charges`,
/// `add_charges`).
const MONEY_CHARGE_WORDS: &[&str] = &["charge", "charges"];

/// Path segments that name a subscription: creating, changing, resuming or retrying one bills.
const SUBSCRIPTION_SEGMENTS: &[&str] = &["subscription", "subscriptions"];

/// Last path segments of a subscription operation that bills when `POST`ed.
const SUBSCRIPTION_BILLING_ACTIONS: &[&str] = &["resume", "retry"];

/// Short descriptions for operations whose spec text is only a title, by operation id
/// (the spec's title alone tells a model nothing it cannot read from the name).
const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "CreateRuleWhitelist",
        "Adds a rule to the antifraud whitelist: payments whose `field` (`email`, `phone` or `card_token`) has this `value` skip the antifraud checks.",
    ),
    (
        "DeleteRuleWhitelist",
        "Removes a rule from the antifraud whitelist; find its `id` with `get_rule_whitelist`.",
    ),
    (
        "CreateRuleBlacklist",
        "Adds a rule to the antifraud blacklist: payments whose `field` (`email`, `phone` or `card_token`) has this `value` are declined.",
    ),
    (
        "DeleteRuleBlacklist",
        "Removes a rule from the antifraud blacklist; find its `id` with `get_rule_blacklist`.",
    ),
    (
        "getBalance",
        "The company's balance, one list of amounts per currency for each state: available, retained, in the gateway, and so on.",
    ),
    (
        "getCharges",
        "Lists the charges of every order, newest first: status, amount, payment method, order id.",
    ),
    (
        "updateCharge",
        "Changes a charge's `reference_id` (your own reference); nothing else can be changed.",
    ),
    (
        "getCompany",
        "One company (a parent or child account) by id: its name, whether it is active, its account status and its parent.",
    ),
    (
        "getEvents",
        "Lists the events (the webhooks' payloads: `order.paid`, `charge.created`…), newest first.",
    ),
    (
        "createCheckout",
        "Creates a payment link (checkout): a page where a customer pays an amount by card, cash or SPEI. Nothing is charged until the customer pays; share its `url`, or send it with `send_checkout_email` / `send_checkout_sms`.",
    ),
    (
        "getCheckout",
        "One payment link by id: its status, amount, URL and the orders paid through it.",
    ),
    (
        "cancelCheckout",
        "Cancels a payment link so that it can no longer be paid.",
    ),
    (
        "emailCheckout",
        "Emails a payment link's URL to an address.",
    ),
    (
        "smsCheckout",
        "Texts a payment link's URL to a phone number.",
    ),
    (
        "getPlans",
        "Lists the subscription plans: amount, currency, interval and trial period of each.",
    ),
    (
        "getPlan",
        "One subscription plan by id: amount, currency, interval, frequency and trial period.",
    ),
    (
        "updatePlan",
        "Changes a subscription plan (its name, amount, currency, frequency, trial or expiry count).",
    ),
    ("deletePlan", "Deletes a subscription plan."),
    (
        "getWebhookKey",
        "One webhook key by id: the public key that verifies the signatures of webhook deliveries.",
    ),
    (
        "deleteWebhookKey",
        "Deletes a webhook key; deliveries are no longer signed with it.",
    ),
    (
        "getWebhook",
        "One webhook endpoint by id: its URL, status and the events it receives.",
    ),
    (
        "deleteWebhook",
        "Deletes a webhook endpoint; its events are no longer delivered.",
    ),
];

/// Emits `tools.json` and `mod.rs` under [`MCP_DIR`].
pub fn emit(api: &Api) -> Result<Vec<GeneratedFile>, Error> {
    let types: BTreeMap<&str, &TypeDef> = api.types.iter().map(|t| (t.name.as_str(), t)).collect();
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
        tools.push(tool_json(api, op, &types, &defs, output, &output_defs)?);
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
            contents: render("mcp/mod.rs", handlers(api))?,
        },
    ])
}

/// Which way a schema describes a type: what a tool accepts, or what it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Arguments: enums list their values, unions are exact.
    Input,
    /// Answers as the SDK re-encodes them: enums and unions are open (a value or form
    /// the spec does not list is kept), so the schema must accept those too. Types
    /// only, without descriptions, examples or formats (the tool's description says
    /// the units), to keep `tools/list` small.
    Output,
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

/// The named types that `roots` reach, transitively.
fn reachable<'a>(
    op: &Operation,
    roots: impl IntoIterator<Item = &'a TypeRef>,
    types: &BTreeMap<&str, &'a TypeDef>,
) -> Result<BTreeSet<String>, Error> {
    let mut found = BTreeSet::new();
    let mut queue: Vec<&TypeRef> = roots.into_iter().collect();
    while let Some(ty) = queue.pop() {
        let Some(name) = ty.named() else { continue };
        if !found.insert(name.to_owned()) {
            continue;
        }
        queue.extend(lookup(op, name, types)?.kind.type_refs());
    }
    Ok(found)
}

fn lookup<'a>(
    op: &Operation,
    name: &str,
    types: &BTreeMap<&str, &'a TypeDef>,
) -> Result<&'a TypeDef, Error> {
    types.get(name).copied().ok_or_else(|| {
        Error::invalid(
            &format!("operation {}", op.id),
            format!("unknown type {name}"),
        )
    })
}

/// The type a reference stands for once aliases are followed: `None` for one that
/// is not a named type.
fn resolve<'a>(
    op: &Operation,
    mut ty: &'a TypeRef,
    types: &BTreeMap<&str, &'a TypeDef>,
) -> Result<Option<&'a TypeDef>, Error> {
    loop {
        let name = match ty {
            TypeRef::Named(name) => name,
            TypeRef::Boxed(inner) => {
                ty = inner;
                continue;
            }
            _ => return Ok(None),
        };
        let def = lookup(op, name, types)?;
        match &def.kind {
            TypeKind::Alias(inner) => ty = inner,
            _ => return Ok(Some(def)),
        }
    }
}

/// The tool's `outputSchema` (an object, as MCP wants) and the named types it
/// reaches. An answer that is not an object comes back as `{"result": …}`.
fn output_schema(
    op: &Operation,
    types: &BTreeMap<&str, &TypeDef>,
) -> Result<(Value, BTreeSet<String>), Error> {
    let root = resolve(op, &op.response, types)?;
    let object = match root.map(|def| &def.kind) {
        Some(TypeKind::Struct { .. } | TypeKind::Tagged { .. } | TypeKind::Untagged { .. }) => root,
        _ => None,
    };
    match object {
        Some(def) => {
            let defs = reachable(op, def.kind.type_refs(), types)?;
            let mut schema = type_schema(def, Side::Output);
            schema["type"] = json!("object");
            Ok((schema, defs))
        }
        None if matches!(
            op.response,
            TypeRef::Object | TypeRef::Map(_) | TypeRef::External(_)
        ) =>
        {
            Ok((json!({"type": "object"}), BTreeSet::new()))
        }
        None => {
            let defs = reachable(op, [&op.response], types)?;
            let schema = json!({
                "type": "object",
                "properties": {"result": schema_of(&op.response)},
                "required": ["result"],
            });
            Ok((schema, defs))
        }
    }
}

/// The snake_case tool name: the SDK's method name without a raw prefix.
fn tool_name(op: &Operation) -> &str {
    op.method_name.trim_start_matches("r#")
}

/// The literal segments of a path template, without its parameters.
fn literal_segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter(|s| !s.is_empty() && !s.starts_with('{'))
}

/// Whether calling the operation can move real money: creating an order (which
/// carries its charges), a charge or a payout order; capturing or refunding an order;
/// creating, changing, resuming or retrying a subscription (each can bill the
/// customer). Decided from the method and the path's literal segments.
fn moves_money(op: &Operation) -> bool {
    let method = op.http_method.as_str();
    let target = op
        .path
        .split('/')
        .rev()
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    if target.starts_with('{') && method != "PUT" {
        return false;
    }
    let last = literal_segments(&op.path).last().unwrap_or_default();
    let on_subscription = literal_segments(&op.path).any(|s| SUBSCRIPTION_SEGMENTS.contains(&s));
    match method {
        "POST" => {
            MONEY_POST_TARGETS.contains(&last)
                || last.split('_').any(|w| MONEY_CHARGE_WORDS.contains(&w))
                || (on_subscription
                    && (SUBSCRIPTION_SEGMENTS.contains(&last)
                        || SUBSCRIPTION_BILLING_ACTIONS.contains(&last)))
        }
        "PUT" => on_subscription && SUBSCRIPTION_SEGMENTS.contains(&last),
        _ => false,
    }
}

fn tool_json(
    api: &Api,
    op: &Operation,
    types: &BTreeMap<&str, &TypeDef>,
    defs: &BTreeSet<String>,
    output: Value,
    output_defs: &BTreeSet<String>,
) -> Result<Value, Error> {
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

    let money = moves_money(op);
    let (summary, description) = description(api, op, types, defs, output_defs, money);
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
    tool["movesMoney"] = json!(money);
    tool["annotations"] = annotations(op, money);
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

/// A one-line summary (for listings) and the full description, written for a model:
/// what the operation does (the spec's text, or a short override where the spec has
/// only a title), whether it moves money, the units, what to call first and next.
fn description(
    api: &Api,
    op: &Operation,
    types: &BTreeMap<&str, &TypeDef>,
    defs: &BTreeSet<String>,
    output_defs: &BTreeSet<String>,
    money: bool,
) -> (String, String) {
    let text = match DESCRIPTIONS.iter().find(|(id, _)| *id == op.id) {
        Some((_, text)) => (*text).to_owned(),
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
             and refuses it when the client cannot ask, unless it was started with \
             `--allow-payments`."
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
fn annotations(op: &Operation, money: bool) -> Value {
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

/// The JSON Schema of a type reference; named types through `$defs`.
fn schema_of(ty: &TypeRef) -> Value {
    match ty {
        TypeRef::String => json!({"type": "string"}),
        TypeRef::Bool => json!({"type": "boolean"}),
        TypeRef::I8 => json!({"type": "integer", "minimum": i8::MIN, "maximum": i8::MAX}),
        TypeRef::I32 => json!({"type": "integer", "format": "int32"}),
        TypeRef::I64 => json!({"type": "integer", "format": "int64"}),
        TypeRef::Timestamp => json!({
            "type": "integer",
            "format": "int64",
            "description": SECONDS,
        }),
        TypeRef::F64 => json!({"type": "number"}),
        TypeRef::Value => json!({}),
        TypeRef::Object => json!({"type": "object"}),
        TypeRef::Named(name) => json!({"$ref": format!("#/$defs/{name}")}),
        // A hand-written SDK type (an event, its type): any JSON its decoder accepts.
        TypeRef::External(_) => json!({}),
        TypeRef::Array(inner) => json!({"type": "array", "items": schema_of(inner)}),
        TypeRef::Map(inner) => {
            json!({"type": "object", "additionalProperties": schema_of(inner)})
        }
        TypeRef::Boxed(inner) => schema_of(inner),
    }
}

/// The unit of an integer amount.
const CENTS: &str = "In cents: `35000` is 350.00.";
/// The unit of a timestamp.
const SECONDS: &str = "A Unix time, in seconds.";

/// The unit a field's value is in, when its name or type says: integers named like
/// an amount or a price are cents, timestamps are Unix seconds.
fn unit_note(field: &Field) -> Option<&'static str> {
    let name = field.json_name.as_str();
    match &field.ty {
        TypeRef::I32 | TypeRef::I64 if name.contains("amount") || name.contains("price") => {
            Some(CENTS)
        }
        TypeRef::Timestamp => Some(SECONDS),
        _ => None,
    }
}

/// Adds `description` (with the unit, when there is one the text does not state),
/// `examples` and `deprecated` to a schema.
fn describe(schema: &mut Value, docs: &Docs, deprecated: bool, unit: Option<&str>) {
    let mut text = docs.paragraphs().join("\n\n");
    if let Some(unit) = unit {
        let stated = ["cent", "unix", "epoch", "seconds"]
            .iter()
            .any(|w| text.to_ascii_lowercase().contains(w));
        if text.is_empty() {
            text = unit.to_owned();
        } else if !stated {
            text = format!("{text} ({unit})");
        }
    }
    if !text.is_empty() {
        schema["description"] = json!(text);
    }
    if let Some(example) = docs
        .example
        .as_deref()
        .and_then(|e| serde_json::from_str::<Value>(e).ok())
    {
        schema["examples"] = json!([example]);
    }
    if deprecated {
        schema["deprecated"] = json!(true);
    }
}

/// The JSON Schema of a named type, as an argument or as part of an answer.
fn type_schema(def: &TypeDef, side: Side) -> Value {
    let mut schema = match &def.kind {
        TypeKind::Struct {
            fields, additional, ..
        } => {
            let mut properties = Map::new();
            let mut required = Vec::new();
            for field in fields {
                let mut schema = schema_of(&field.ty);
                // Answers' schemas type the result; the words are in the tool's
                // description and would multiply the size of `tools/list`.
                if side == Side::Input {
                    if let (Some(format), TypeRef::String) = (&field.format, &field.ty) {
                        schema["format"] = json!(format);
                    }
                    describe(&mut schema, &field.docs, field.deprecated, unit_note(field));
                } else if let Some(map) = schema.as_object_mut() {
                    map.remove("description");
                    map.remove("format");
                }
                properties.insert(field.json_name.clone(), schema);
                if field.required {
                    required.push(field.json_name.clone());
                }
            }
            let mut schema = json!({"type": "object", "properties": properties});
            if !required.is_empty() {
                schema["required"] = json!(required);
            }
            if let Some(additional) = additional {
                schema["additionalProperties"] = schema_of(additional);
            }
            schema
        }
        TypeKind::Enum { variants } => {
            let values: Vec<&str> = variants.iter().map(|v| v.value.as_str()).collect();
            match side {
                Side::Input => json!({"type": "string", "enum": values}),
                // Open: a value Conekta adds later is kept, so any string is valid.
                Side::Output => json!({"anyOf": [{"enum": values}, {"type": "string"}]}),
            }
        }
        TypeKind::Tagged { property, variants } => {
            let mut forms: Vec<Value> = variants
                .iter()
                .map(|variant| {
                    let mut schema = schema_of(&variant.ty);
                    if let Some(tag) = &variant.tag {
                        schema["properties"] = json!({ property.as_str(): {"const": tag} });
                        schema["required"] = json!([property]);
                    }
                    schema
                })
                .collect();
            match side {
                Side::Input => json!({"type": "object", "oneOf": forms}),
                // A form with a tag the spec does not list is kept as it came.
                Side::Output => {
                    forms.push(json!({"type": "object"}));
                    json!({"type": "object", "anyOf": forms})
                }
            }
        }
        // Open objects overlap, so any variant may match.
        TypeKind::Untagged { variants } => {
            let mut forms: Vec<Value> = variants.iter().map(|v| schema_of(&v.ty)).collect();
            if side == Side::Output {
                // A value that matches no form is kept as it came.
                forms.push(json!({}));
            }
            json!({"anyOf": forms})
        }
        TypeKind::Alias(inner) => schema_of(inner),
    };
    if side == Side::Input {
        describe(&mut schema, &def.docs, def.deprecated, None);
    }
    schema
}

/// `mod.rs`: the arguments structs, the handlers and the table.
fn handlers(api: &Api) -> TokenStream {
    let items = api.operations.iter().map(handler);
    let entries = api.operations.iter().map(|op| {
        let id = &op.id;
        let handler = ident(&op.method_name);
        quote!((#id, #handler as Handler),)
    });
    let uses_models = api.operations.iter().any(|op| {
        arguments(op).any(|p| p.ty.named().is_some())
            || op.body.as_ref().is_some_and(|b| b.ty.named().is_some())
    });
    let models = uses_models.then(|| {
        quote!(
            use conekta_sdk::models;
        )
    });
    quote! {
        use crate::call::{Arguments, CallError, Handler, HandlerFuture, decode, encode};
        use conekta_sdk::Client;
        #models

        /// The tools' metadata and input schemas (see `conekta-codegen`'s MCP emitter).
        pub(crate) const TOOLS_JSON: &str = include_str!("tools.json");

        /// Every operation's handler, by operation id, in spec order.
        pub(crate) static HANDLERS: &[(&str, Handler)] = &[
            #(#entries)*
        ];

        #(#items)*
    }
}

fn handler(op: &Operation) -> TokenStream {
    let name = ident(&op.method_name);
    let args = format_ident!("{}Args", crate::naming::camel(&op.id));
    let doc = format!(" The arguments of the `{}` tool.", tool_name(op));
    let handler_doc = format!(
        " Calls `{} {}` (operation `{}`).",
        op.http_method, op.path, op.id
    );
    let mut fields = Vec::new();
    let mut call_args = Vec::new();
    let mut setters = Vec::new();
    for param in &op.path_params {
        let field = ident(&param.rust_name);
        let wire = &param.name;
        let docs = doc_attrs(&Docs::default(), &[format!("Path parameter `{wire}`.")]);
        fields.push(quote! { #docs #[serde(rename = #wire)] #field: String, });
        call_args.push(quote!(args.#field));
    }
    for param in arguments(op).filter(|p| !op.path_params.contains(p)) {
        let field = ident(&param.rust_name);
        let wire = &param.name;
        let ty = model_type(&param.ty);
        let docs = doc_attrs(&Docs::default(), &[format!("Parameter `{wire}`.")]);
        if param.required {
            fields.push(quote! { #docs #[serde(rename = #wire)] #field: #ty, });
            setters.push(quote!(let request = request.#field(args.#field);));
        } else {
            fields.push(quote! { #docs #[serde(rename = #wire, default)] #field: Option<#ty>, });
            setters.push(quote! {
                let request = match args.#field {
                    Some(value) => request.#field(value),
                    None => request,
                };
            });
        }
    }
    if let Some(body) = &op.body {
        let ty = model_type(&body.ty);
        let wire = body_arg(op);
        if body.required {
            fields.push(quote! { /// The request body.
            #[serde(rename = #wire)] body: #ty, });
            call_args.push(quote!(args.body));
        } else {
            fields.push(quote! { /// The request body.
            #[serde(rename = #wire, default)] body: Option<#ty>, });
            setters.push(quote! {
                let request = match args.body {
                    Some(body) => request.body(body),
                    None => request,
                };
            });
        }
    }
    let accessor = ident(&op.group.accessor);
    let method = ident(&op.method_name);
    let binding = if fields.is_empty() {
        quote!(let #args {} = decode(arguments)?;)
    } else {
        quote!(let args: #args = decode(arguments)?;)
    };
    quote! {
        #[doc = #doc]
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct #args {
            #(#fields)*
        }

        #[doc = #handler_doc]
        fn #name(client: &Client, arguments: Arguments) -> Result<HandlerFuture<'_>, CallError> {
            #binding
            let request = client.#accessor().#method(#(#call_args),*);
            #(#setters)*
            Ok(Box::pin(async move { encode(request.send().await.map_err(CallError::Sdk)?) }))
        }
    }
}
