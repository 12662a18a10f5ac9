//! Emits the MCP server's tools (`conekta-mcp`): one tool per operation.
//!
//! Two files come out of the IR:
//! - `tools.json`: every tool's name, title, description, annotations and input JSON
//!   Schema, with the named types they reach gathered once under `defs` (the server
//!   copies the ones a tool uses into its `$defs`);
//! - `mod.rs`: per operation, an arguments struct typed with the SDK's models (decoded
//!   before anything is sent) and a handler that calls the SDK and returns the
//!   decoded answer as JSON; and the table of handlers by operation id.
//!
//! Header parameters that are client settings (`Accept-Language`, `X-Child-Company-Id`)
//! are not tool arguments: the server applies them on the client.

use super::common::{HEADER, doc_attrs, ident, model_type, render};
use crate::ir::{Api, Docs, Operation, Param, ParamRole, TypeDef, TypeKind, TypeRef};
use crate::{Error, GeneratedFile};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Where the MCP server's generated code lives, relative to the workspace root.
pub const MCP_DIR: &str = "conekta-mcp/src/generated";

/// The argument that carries the request body.
const BODY_ARG: &str = "body";

/// Words of an operation id that make a non-`DELETE` operation destructive.
const DESTRUCTIVE_WORDS: &[&str] = &["cancel", "refund", "refunds", "void", "reverse", "revoke"];

/// Emits `tools.json` and `mod.rs` under [`MCP_DIR`].
pub fn emit(api: &Api) -> Result<Vec<GeneratedFile>, Error> {
    let types: BTreeMap<&str, &TypeDef> = api.types.iter().map(|t| (t.name.as_str(), t)).collect();
    let mut all_defs = BTreeSet::new();
    let mut tools = Vec::new();
    for op in &api.operations {
        check_argument_names(op)?;
        let defs = reachable(op, &types)?;
        tools.push(tool_json(op, &defs));
        all_defs.extend(defs);
    }
    let defs: Map<String, Value> = all_defs
        .iter()
        .map(|name| (name.clone(), type_schema(types[name.as_str()])))
        .collect();
    let data = json!({
        "@generated": HEADER.lines().next().unwrap_or_default().trim_start_matches("// "),
        "api_version": api.version,
        "defs": defs,
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

/// Argument names are the wire names; they must not collide with each other or the body's.
fn check_argument_names(op: &Operation) -> Result<(), Error> {
    let mut seen = BTreeSet::new();
    let body = body_arg(op);
    if op.body.is_some() {
        seen.insert(body.as_str());
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

/// The named types an operation's arguments reach, transitively.
fn reachable(op: &Operation, types: &BTreeMap<&str, &TypeDef>) -> Result<BTreeSet<String>, Error> {
    let mut found = BTreeSet::new();
    let mut queue: Vec<&TypeRef> = arguments(op).map(|p| &p.ty).collect();
    queue.extend(op.body.as_ref().map(|b| &b.ty));
    while let Some(ty) = queue.pop() {
        let Some(name) = ty.named() else { continue };
        if !found.insert(name.to_owned()) {
            continue;
        }
        let def = types.get(name).ok_or_else(|| {
            Error::invalid(
                &format!("operation {}", op.id),
                format!("unknown type {name}"),
            )
        })?;
        queue.extend(def.kind.type_refs());
    }
    Ok(found)
}

/// The snake_case tool name: the SDK's method name without a raw prefix.
fn tool_name(op: &Operation) -> &str {
    op.method_name.trim_start_matches("r#")
}

fn tool_json(op: &Operation, defs: &BTreeSet<String>) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for param in &op.path_params {
        let mut schema = json!({"type": "string", "minLength": 1});
        describe(&mut schema, &param.docs, false);
        properties.insert(param.name.clone(), schema);
        required.push(param.name.clone());
    }
    for param in arguments(op).filter(|p| !op.path_params.contains(p)) {
        let mut schema = schema_of(&param.ty);
        describe(&mut schema, &param.docs, false);
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
    let mut input = json!({"type": "object", "properties": properties});
    if !required.is_empty() {
        input["required"] = json!(required);
    }
    input["additionalProperties"] = json!(false);

    let mut description = op.docs.paragraphs().join("\n\n");
    if !description.is_empty() {
        description.push_str("\n\n");
    }
    description.push_str(&format!(
        "`{} {}` (operation `{}`).",
        op.http_method, op.path, op.id
    ));
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
    tool["description"] = json!(description);
    tool["annotations"] = annotations(op);
    tool["inputSchema"] = input;
    tool["defs"] = json!(defs);
    tool
}

/// MCP tool annotations from the method and the operation id.
fn annotations(op: &Operation) -> Value {
    let method = op.http_method.as_str();
    let read_only = method == "GET";
    let words: Vec<String> = tool_name(op).split('_').map(str::to_owned).collect();
    let destructive = method == "DELETE"
        || words
            .iter()
            .any(|w| DESTRUCTIVE_WORDS.contains(&w.as_str()));
    let idempotent = matches!(method, "GET" | "PUT" | "DELETE");
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
            "description": "A Unix time, in seconds",
        }),
        TypeRef::F64 => json!({"type": "number"}),
        TypeRef::Value => json!({}),
        TypeRef::Object => json!({"type": "object"}),
        TypeRef::Named(name) => json!({"$ref": format!("#/$defs/{name}")}),
        // A hand-written SDK type (an event, its type): any JSON its decoder accepts.
        TypeRef::External(_) => json!({}),
        TypeRef::Array(inner) => json!({"type": "array", "items": schema_of(inner)}),
        TypeRef::Map(inner) => json!({"type": "object", "additionalProperties": schema_of(inner)}),
        TypeRef::Boxed(inner) => schema_of(inner),
    }
}

/// Adds `description`, `examples` and `deprecated` to a schema.
fn describe(schema: &mut Value, docs: &Docs, deprecated: bool) {
    let text = docs.paragraphs().join("\n\n");
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

/// The JSON Schema of a named type.
fn type_schema(def: &TypeDef) -> Value {
    let mut schema = match &def.kind {
        TypeKind::Struct {
            fields, additional, ..
        } => {
            let mut properties = Map::new();
            let mut required = Vec::new();
            for field in fields {
                let mut schema = schema_of(&field.ty);
                if let (Some(format), TypeRef::String) = (&field.format, &field.ty) {
                    schema["format"] = json!(format);
                }
                describe(&mut schema, &field.docs, field.deprecated);
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
            json!({"type": "string", "enum": values})
        }
        TypeKind::Tagged { property, variants } => {
            let one_of: Vec<Value> = variants
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
            json!({"type": "object", "oneOf": one_of})
        }
        // Open objects overlap, so any variant may match.
        TypeKind::Untagged { variants } => {
            json!({"anyOf": variants.iter().map(|v| schema_of(&v.ty)).collect::<Vec<_>>()})
        }
        TypeKind::Alias(inner) => schema_of(inner),
    };
    describe(&mut schema, &def.docs, def.deprecated);
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
    let args = format_ident!("{}Args", op.builder_name.trim_end_matches("Request"));
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
        fn #name(client: &Client, arguments: Arguments) -> HandlerFuture<'_> {
            Box::pin(async move {
                #binding
                let request = client.#accessor().#method(#(#call_args),*);
                #(#setters)*
                encode(request.send().await.map_err(CallError::Sdk)?)
            })
        }
    }
}
