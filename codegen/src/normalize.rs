//! Forms of a spec that the lowering does not read, rewritten before parsing
//! to equivalent ones it does: [`inline_component_refs`] and [`downgrade`].
//!
//! ## References to reusable parameters, bodies and responses
//!
//! Conekta's published builds inline everything but schemas; some builds
//! (conekta/openapi PR #120) refer to `#/components/parameters`,
//! `requestBodies`, `responses`, `headers` and `examples` instead. Each such
//! reference under `paths` is replaced by what it refers to.
//!
//! ## OpenAPI 3.1 schema forms
//!
//! The parser (`openapiv3`) is an OpenAPI 3.0 model. Conekta's specs say `openapi: 3.1.0` and are written in the 3.0 style, but
//! some builds use 3.1 forms (e.g. conekta/openapi PR #120): a type list
//! with `"null"` (`type: [string, "null"]`), a `null` member of a `oneOf`, and
//! numeric exclusive bounds (`exclusiveMinimum: 7`). Each is rewritten where
//! it appears:
//!
//! - `type: [T, "null"]` → `type: T, nullable: true` (`type: [T]` → `type: T`);
//! - a `{type: "null"}` member of a `oneOf` or `anyOf` → `nullable: true`, and
//!   the one member left as `allOf: [member]`;
//! - `exclusiveMinimum: N` → `minimum: N, exclusiveMinimum: true` (and the
//!   same for `exclusiveMaximum`).
//!
//! A type list of several non-null types has no 3.0 form: it is an error
//! naming where it is.

use crate::Error;
use serde_json::{Map, Value};
use std::fmt::Write as _;

/// Keys whose values are data, not schemas: never rewritten.
const DATA_KEYS: &[&str] = &["example", "examples", "default", "enum", "const"];

/// The components whose references under `paths` are inlined (not `schemas`,
/// which the lowering names and reads by reference).
const INLINED: &[&str] = &[
    "parameters",
    "requestBodies",
    "responses",
    "headers",
    "examples",
];
/// How deep references to references are followed.
const MAX_DEPTH: usize = 16;

/// Replaces every reference under `paths` to a reusable parameter, request
/// body, response, header or example by a copy of it.
pub fn inline_component_refs(doc: &mut Value) -> Result<(), Error> {
    let components: Map<String, Value> = doc
        .get("components")
        .and_then(Value::as_object)
        .map(|all| {
            all.iter()
                .filter(|(kind, _)| INLINED.contains(&kind.as_str()))
                .map(|(kind, items)| (kind.clone(), items.clone()))
                .collect()
        })
        .unwrap_or_default();
    if components.is_empty() {
        return Ok(());
    }
    if let Some(paths) = doc.get_mut("paths") {
        inline(paths, &components, "#/paths", 0)?;
    }
    Ok(())
}

fn inline(
    value: &mut Value,
    components: &Map<String, Value>,
    path: &str,
    depth: usize,
) -> Result<(), Error> {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                let Some(rest) = target.strip_prefix("#/components/") else {
                    return Ok(());
                };
                let Some((kind, name)) = rest.split_once('/') else {
                    return Ok(());
                };
                if !INLINED.contains(&kind) {
                    return Ok(());
                }
                if depth == MAX_DEPTH {
                    return Err(Error::unsupported(
                        path,
                        "references nested this deep (a cycle?)",
                    ));
                }
                let name = name.replace("~1", "/").replace("~0", "~");
                let Some(found) = components.get(kind).and_then(|items| items.get(&name)) else {
                    return Err(Error::invalid(
                        path,
                        format!("`$ref` to `{target}`, which the spec does not have"),
                    ));
                };
                *value = found.clone();
                return inline(value, components, path, depth + 1);
            }
            for (key, child) in map.iter_mut() {
                let child_path = format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"));
                inline(child, components, &child_path, depth)?;
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter_mut().enumerate() {
                inline(child, components, &format!("{path}/{index}"), depth)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Rewrites the 3.1 forms of every schema-like object in `doc`.
pub fn downgrade(doc: &mut Value) -> Result<(), Error> {
    let mut path = String::from("#");
    walk(doc, &mut path)
}

fn walk(value: &mut Value, path: &mut String) -> Result<(), Error> {
    match value {
        Value::Object(map) => {
            rewrite(map, path)?;
            for (key, child) in map.iter_mut() {
                if DATA_KEYS.contains(&key.as_str()) {
                    continue;
                }
                let len = path.len();
                path.push('/');
                if key.contains(['~', '/']) {
                    path.push_str(&key.replace('~', "~0").replace('/', "~1"));
                } else {
                    path.push_str(key);
                }
                walk(child, path)?;
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter_mut().enumerate() {
                let len = path.len();
                let _ = write!(path, "/{index}");
                walk(child, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

/// Rewrites one object's `type` list, `null` union members and numeric exclusive bounds.
fn rewrite(map: &mut Map<String, Value>, path: &str) -> Result<(), Error> {
    for union in ["oneOf", "anyOf"] {
        let Some(Value::Array(members)) = map.get_mut(union) else {
            continue;
        };
        let before = members.len();
        members.retain(|member| *member != serde_json::json!({"type": "null"}));
        if members.len() == before {
            continue;
        }
        if members.len() == 1 {
            let member = members.remove(0);
            map.remove(union);
            map.insert("allOf".to_owned(), Value::Array(vec![member]));
        }
        map.insert("nullable".to_owned(), Value::Bool(true));
    }
    if let Some(Value::Array(types)) = map.get("type") {
        if types.iter().all(Value::is_string) {
            let nullable = types.iter().any(|t| t == "null");
            let mut named = types.iter().filter(|t| *t != "null");
            match (named.next().cloned(), named.next()) {
                (Some(one), None) => {
                    map.insert("type".to_owned(), one);
                    if nullable {
                        map.insert("nullable".to_owned(), Value::Bool(true));
                    }
                }
                (None, _) if nullable => {
                    return Err(Error::unsupported(
                        path,
                        "a schema whose only type is `null`",
                    ));
                }
                (None, _) => {}
                (Some(_), Some(_)) => {
                    return Err(Error::unsupported(path, "a `type` list of several types"));
                }
            }
        }
    }
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(number @ Value::Number(_)) = map.get(exclusive).cloned() {
            map.insert(bound.to_owned(), number);
            map.insert(exclusive.to_owned(), Value::Bool(true));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn inlines_references_to_parameters_bodies_and_responses() {
        let mut doc = json!({
            "paths": {"/x": {"get": {
                "parameters": [{"$ref": "#/components/parameters/lang"}],
                "responses": {"200": {"$ref": "#/components/responses/ok"}},
            }}},
            "components": {
                "parameters": {"lang": {"name": "Accept-Language", "in": "header"}},
                "responses": {"ok": {"$ref": "#/components/responses/ok_body"},
                              "ok_body": {"content": {"a": {"schema": {"$ref": "#/components/schemas/s"}}}}},
            },
        });
        inline_component_refs(&mut doc).unwrap();
        assert_eq!(
            doc["paths"]["/x"]["get"],
            json!({
                "parameters": [{"name": "Accept-Language", "in": "header"}],
                "responses": {"200": {"content": {"a": {"schema": {"$ref": "#/components/schemas/s"}}}}},
            })
        );
        let mut dangling = json!({
            "paths": {"/x": {"get": {"parameters": [{"$ref": "#/components/parameters/nope"}]}}},
            "components": {"parameters": {}},
        });
        assert_eq!(
            inline_component_refs(&mut dangling)
                .unwrap_err()
                .to_string(),
            "#/paths/~1x/get/parameters/0: `$ref` to `#/components/parameters/nope`, which the spec does not have"
        );
    }

    #[test]
    fn rewrites_type_lists_null_members_and_numeric_bounds() {
        let mut doc = json!({
            "a": {"type": ["string", "null"], "example": {"filters": []}},
            "b": {"type": ["integer"], "exclusiveMinimum": 7, "exclusiveMaximum": 9.5},
            "c": {"type": "integer", "exclusiveMinimum": true, "minimum": 0},
            "d": {"example": {"type": ["x", "y"]}, "default": {"exclusiveMinimum": 1}},
            "e": {"oneOf": [{"$ref": "#/x"}, {"type": "null"}]},
            "f": {"anyOf": [{"$ref": "#/x"}, {"type": "null"}, {"$ref": "#/y"}]},
        });
        downgrade(&mut doc).unwrap();
        assert_eq!(
            doc,
            json!({
                "a": {"type": "string", "nullable": true, "example": {"filters": []}},
                "b": {"type": "integer", "minimum": 7, "exclusiveMinimum": true,
                      "maximum": 9.5, "exclusiveMaximum": true},
                "c": {"type": "integer", "exclusiveMinimum": true, "minimum": 0},
                "d": {"example": {"type": ["x", "y"]}, "default": {"exclusiveMinimum": 1}},
                "e": {"allOf": [{"$ref": "#/x"}], "nullable": true},
                "f": {"anyOf": [{"$ref": "#/x"}, {"$ref": "#/y"}], "nullable": true},
            })
        );
    }

    #[test]
    fn several_types_are_an_error_naming_the_schema() {
        let mut doc = json!({"components": {"schemas": {"a/b": {"type": ["string", "integer"]}}}});
        let error = downgrade(&mut doc).unwrap_err().to_string();
        assert_eq!(
            error,
            "#/components/schemas/a~1b: a `type` list of several types is not supported"
        );
    }
}
