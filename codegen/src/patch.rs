//! Documented corrections applied to the spec before it is read, for where
//! the live API departs from what the spec says.
//!
//! A patch file is a YAML list; each entry has an `op`, a JSON-pointer
//! `path`, a `value` (except for `remove`) and a one-line `reason`:
//!
//! ```yaml
//! - op: merge          # merge keys into the object at `path`
//!   path: /components/schemas/order_response/properties/metadata
//!   value: { nullable: true }
//!   reason: the API sends `"metadata": null`
//! ```
//!
//! Operations: `merge` (add or replace keys of an existing object), `set`
//! (replace or add the value at `path`; the parent must exist), `remove` (the
//! key or element must exist), `append` (push onto an existing array), and
//! `remove_required` (drop a name from the `required` list of the object at `path`).
//! A patch whose target is missing is an error, so that patches cannot rot silently.

use crate::Error;
use serde::Deserialize;
use serde_json::Value;

/// One correction.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patch {
    /// What to do.
    pub op: PatchOp,
    /// JSON pointer to the target.
    pub path: String,
    /// The value for `merge`, `set`, `append` and `remove_required`.
    #[serde(default)]
    pub value: Option<Value>,
    /// Why: where the live API departs from the spec.
    pub reason: String,
}

/// The kind of a correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatchOp {
    /// Add or replace keys of the object at the path.
    Merge,
    /// Replace or add the value at the path.
    Set,
    /// Remove the value at the path.
    Remove,
    /// Push onto the array at the path.
    Append,
    /// Remove a name from the `required` list of the object schema at the path.
    RemoveRequired,
}

/// Parses a patch file.
pub fn parse(yaml: &str) -> Result<Vec<Patch>, Error> {
    serde_yaml::from_str(yaml).map_err(|source| Error::Yaml {
        what: "the patch file",
        source,
    })
}

/// Applies `patches` in order to `doc`.
pub fn apply(doc: &mut Value, patches: &[Patch]) -> Result<(), Error> {
    for (index, patch) in patches.iter().enumerate() {
        apply_one(doc, patch).map_err(|problem| Error::Patch {
            index,
            path: patch.path.clone(),
            reason: patch.reason.clone(),
            problem,
        })?;
    }
    Ok(())
}

fn apply_one(doc: &mut Value, patch: &Patch) -> Result<(), String> {
    if patch.reason.trim().is_empty() {
        return Err("every patch needs a reason".into());
    }
    let value = || {
        patch
            .value
            .clone()
            .ok_or_else(|| format!("`{:?}` needs a value", patch.op))
    };
    match patch.op {
        PatchOp::Merge => {
            let Value::Object(new) = value()? else {
                return Err("`merge` needs an object value".into());
            };
            let target = existing(doc, &patch.path)?
                .as_object_mut()
                .ok_or("`merge` target is not an object")?;
            target.extend(new);
        }
        PatchOp::Set => {
            let (parent, key) = parent_of(doc, &patch.path)?;
            match parent {
                Value::Object(map) => {
                    map.insert(key, value()?);
                }
                Value::Array(items) => {
                    let slot = key
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| items.get_mut(i))
                        .ok_or("`set` index is out of range")?;
                    *slot = value()?;
                }
                _ => return Err("`set` parent is neither an object nor an array".into()),
            }
        }
        PatchOp::Remove => {
            let (parent, key) = parent_of(doc, &patch.path)?;
            let removed = match parent {
                Value::Object(map) => map.shift_remove(&key).is_some(),
                Value::Array(items) => match key.parse::<usize>() {
                    Ok(i) if i < items.len() => {
                        items.remove(i);
                        true
                    }
                    _ => false,
                },
                _ => false,
            };
            if !removed {
                return Err("nothing to remove there".into());
            }
        }
        PatchOp::Append => {
            let items = existing(doc, &patch.path)?
                .as_array_mut()
                .ok_or("`append` target is not an array")?;
            items.push(value()?);
        }
        PatchOp::RemoveRequired => {
            let name = value()?;
            let name = name.as_str().ok_or("`remove_required` needs a string")?;
            let required = existing(doc, &patch.path)?
                .get_mut("required")
                .and_then(Value::as_array_mut)
                .ok_or("the target has no `required` list")?;
            let before = required.len();
            required.retain(|item| item.as_str() != Some(name));
            if required.len() == before {
                return Err(format!("`{name}` is not required there"));
            }
        }
    }
    Ok(())
}

fn existing<'a>(doc: &'a mut Value, path: &str) -> Result<&'a mut Value, String> {
    doc.pointer_mut(path)
        .ok_or_else(|| "the path does not exist in the spec".to_owned())
}

fn parent_of<'a>(doc: &'a mut Value, path: &str) -> Result<(&'a mut Value, String), String> {
    let (parent, last) = path
        .rsplit_once('/')
        .ok_or("the path is not a JSON pointer")?;
    let key = last.replace("~1", "/").replace("~0", "~");
    Ok((existing(doc, parent)?, key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(doc: &mut Value, yaml: &str) -> Result<(), Error> {
        apply(doc, &parse(yaml)?)
    }

    #[test]
    fn applies_each_op() {
        let mut doc = json!({"a": {"required": ["x", "y"], "list": [1]}, "b": 1});
        run(
            &mut doc,
            r#"
- {op: merge, path: /a, value: {nullable: true}, reason: r}
- {op: set, path: /a~1c, value: 2, reason: r}
- {op: remove, path: /b, reason: r}
- {op: append, path: /a/list, value: 2, reason: r}
- {op: remove_required, path: /a, value: x, reason: r}
"#,
        )
        .unwrap();
        assert_eq!(
            doc,
            json!({"a": {"required": ["y"], "list": [1, 2], "nullable": true}, "a/c": 2})
        );
    }

    #[test]
    fn missing_targets_and_reasons_are_errors() {
        let mut doc = json!({"a": {}});
        for bad in [
            "- {op: merge, path: /nope, value: {}, reason: r}",
            "- {op: remove, path: /a/nope, reason: r}",
            "- {op: remove_required, path: /a, value: x, reason: r}",
            "- {op: merge, path: /a, value: {}, reason: ' '}",
            "- {op: set, path: /a/b}",
        ] {
            assert!(run(&mut doc, bad).is_err(), "{bad}");
        }
        assert_eq!(doc, json!({"a": {}}));
    }
}
