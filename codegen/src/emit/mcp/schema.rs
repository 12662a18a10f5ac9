//! The JSON Schemas of the tools: arguments (input) and answers (output), named
//! types under `$defs`, with the units amounts and times are in.

use crate::Error;
use crate::ir::{Docs, Field, Operation, TypeDef, TypeKind, TypeRef};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Which way a schema describes a type: what a tool accepts, or what it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// Arguments: enums list their values, unions are exact.
    Input,
    /// Answers as the SDK re-encodes them: enums and unions are open (a value or form
    /// the spec does not list is kept), so the schema must accept those too. Types
    /// only, without descriptions, examples or formats (the tool's description says
    /// the units), to keep `tools/list` small.
    Output,
}

/// The named types that `roots` reach, transitively.
pub(super) fn reachable<'a>(
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

pub(super) fn lookup<'a>(
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
pub(super) fn resolve<'a>(
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
pub(super) fn output_schema(
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

/// The JSON Schema of a type reference; named types through `$defs`.
pub(super) fn schema_of(ty: &TypeRef) -> Value {
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
pub(super) const CENTS: &str = "In cents: `35000` is 350.00.";
/// The unit of a timestamp.
pub(super) const SECONDS: &str = "A Unix time, in seconds.";

/// The unit a field's value is in, when its name or type says: integers named like
/// an amount or a price are cents, timestamps are Unix seconds.
pub(super) fn unit_note(field: &Field) -> Option<&'static str> {
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
pub(super) fn describe(schema: &mut Value, docs: &Docs, deprecated: bool, unit: Option<&str>) {
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
pub(super) fn type_schema(def: &TypeDef, side: Side) -> Value {
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
