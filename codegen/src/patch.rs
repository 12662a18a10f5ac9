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
//! A path segment `*` matches every key there (`…/responses/200/content/*/schema`:
//! whatever the versioned media type); the patch applies at each match.
//!
//! A patch that no longer applies to the spec is skipped and reported (a
//! [`StaleEntry`]): its target is gone, applying it would change nothing
//! because upstream fixed the spec, or (a `remove` under `/components`) the
//! spec still refers to what it would remove. `cargo xtask generate --check` fails on
//! any, so that patches cannot rot silently. A malformed patch (no reason, a
//! value of the wrong kind for its `op`) is an error.

use crate::Error;
use crate::stale::{PATCHES, StaleEntry, StaleReason};
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

/// Applies `patches` in order to `doc`; returns the patches that no longer
/// apply (skipped), or an error for a malformed one.
pub fn apply(doc: &mut Value, patches: &[Patch]) -> Result<Vec<StaleEntry>, Error> {
    let mut stale = Vec::new();
    for (index, patch) in patches.iter().enumerate() {
        match apply_one(doc, patch) {
            Ok(Applied::Yes) => {}
            Ok(Applied::Stale(reason, detail)) => stale.push(StaleEntry {
                file: PATCHES,
                entry: format!("patch {index} ({:?} {})", patch.op, patch.path),
                reason,
                detail,
            }),
            Err(problem) => {
                return Err(Error::Patch {
                    index,
                    path: patch.path.clone(),
                    reason: patch.reason.clone(),
                    problem,
                });
            }
        }
    }
    Ok(stale)
}

/// What became of one patch.
enum Applied {
    /// The spec changed as the patch says.
    Yes,
    /// The patch no longer applies: the spec is unchanged.
    Stale(StaleReason, String),
}

/// The patch's target is not in the spec.
fn gone(detail: impl Into<String>) -> Result<Applied, String> {
    Ok(Applied::Stale(StaleReason::TargetGone, detail.into()))
}

/// The spec already reads as the patch would make it.
fn not_needed(detail: impl Into<String>) -> Result<Applied, String> {
    Ok(Applied::Stale(StaleReason::NoLongerNeeded, detail.into()))
}

const NO_PATH: &str = "the path does not exist in the spec";

fn apply_one(doc: &mut Value, patch: &Patch) -> Result<Applied, String> {
    if patch.reason.trim().is_empty() {
        return Err("every patch needs a reason".into());
    }
    if !patch.path.split('/').any(|segment| segment == ANY) {
        return apply_at(doc, patch, &patch.path);
    }
    let paths = expand(doc, &patch.path);
    let mut first_stale = None;
    let mut applied = false;
    for path in &paths {
        match apply_at(doc, patch, path)? {
            Applied::Yes => applied = true,
            stale @ Applied::Stale(..) => {
                first_stale.get_or_insert(stale);
            }
        }
    }
    Ok(match first_stale {
        _ if applied => Applied::Yes,
        Some(stale) => stale,
        None => Applied::Stale(
            StaleReason::TargetGone,
            format!("no key of the spec matches its `{ANY}`s"),
        ),
    })
}

/// A path segment that matches every key of an object (or index of an array),
/// so that a patch does not name what changes between versions (the versioned
/// media type of a response: `content/*/schema`).
const ANY: &str = "*";

/// The pointers of the spec that `path` matches, each `*` taken as every key
/// there.
fn expand(doc: &Value, path: &str) -> Vec<String> {
    let mut matches = vec![String::new()];
    for segment in path.split('/').skip(1) {
        matches = matches
            .into_iter()
            .flat_map(|prefix| {
                if segment != ANY {
                    return vec![format!("{prefix}/{segment}")];
                }
                match doc.pointer(&prefix) {
                    Some(Value::Object(map)) => map
                        .keys()
                        .map(|key| {
                            format!("{prefix}/{}", key.replace('~', "~0").replace('/', "~1"))
                        })
                        .collect(),
                    Some(Value::Array(items)) => {
                        (0..items.len()).map(|i| format!("{prefix}/{i}")).collect()
                    }
                    _ => Vec::new(),
                }
            })
            .collect();
    }
    matches
}

/// Applies `patch` at `path`, a plain JSON pointer.
fn apply_at(doc: &mut Value, patch: &Patch, path: &str) -> Result<Applied, String> {
    let value = || {
        patch
            .value
            .clone()
            .ok_or_else(|| format!("`{:?}` needs a value", patch.op))
    };
    if let Some(missing) = patch.value.as_ref().and_then(|v| dangling_ref(doc, v)) {
        return gone(format!(
            "its value refers to `{missing}`, which the spec does not have"
        ));
    }
    match patch.op {
        PatchOp::Merge => {
            let Value::Object(new) = value()? else {
                return Err("`merge` needs an object value".into());
            };
            let Some(target) = doc.pointer_mut(path) else {
                return gone(NO_PATH);
            };
            let Some(target) = target.as_object_mut() else {
                return gone("the target is no longer an object");
            };
            if new
                .iter()
                .all(|(key, value)| target.get(key) == Some(value))
            {
                return not_needed("the target already has these values");
            }
            target.extend(new);
        }
        PatchOp::Set => {
            let value = value()?;
            let Some((parent, key)) = parent_of(doc, path)? else {
                return gone("the parent of the path does not exist in the spec");
            };
            match parent {
                Value::Object(map) => {
                    if map.get(&key) == Some(&value) {
                        return not_needed("the target already has this value");
                    }
                    map.insert(key, value);
                }
                Value::Array(items) => {
                    let Some(slot) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i))
                    else {
                        return gone("the array has no such index");
                    };
                    if *slot == value {
                        return not_needed("the target already has this value");
                    }
                    *slot = value;
                }
                _ => return gone("the parent is no longer an object or an array"),
            }
        }
        PatchOp::Remove => {
            if let Some(from) = referrer(doc, path) {
                return Ok(Applied::Stale(
                    StaleReason::StillReferenced,
                    format!("`#{from}` still refers to it"),
                ));
            }
            let Some((parent, key)) = parent_of(doc, path)? else {
                return gone("the parent of the path does not exist in the spec");
            };
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
                return not_needed("nothing is there to remove");
            }
        }
        PatchOp::Append => {
            let value = value()?;
            let Some(target) = doc.pointer_mut(path) else {
                return gone(NO_PATH);
            };
            let Some(items) = target.as_array_mut() else {
                return gone("the target is no longer an array");
            };
            if items.contains(&value) {
                return not_needed("the array already holds this value");
            }
            items.push(value);
        }
        PatchOp::RemoveRequired => {
            let name = value()?;
            let name = name.as_str().ok_or("`remove_required` needs a string")?;
            let Some(schema) = doc.pointer_mut(path) else {
                return gone(NO_PATH);
            };
            let declared = schema
                .get("properties")
                .and_then(Value::as_object)
                .is_none_or(|properties| properties.contains_key(name));
            if !declared {
                return gone(format!("the schema has no property `{name}` any more"));
            }
            let required = schema.get_mut("required").and_then(Value::as_array_mut);
            let Some(required) = required.filter(|r| r.iter().any(|i| i.as_str() == Some(name)))
            else {
                return not_needed(format!("`{name}` is not required there any more"));
            };
            required.retain(|item| item.as_str() != Some(name));
        }
    }
    Ok(Applied::Yes)
}

/// The first local `$ref` in `value` that points at nothing in `doc`.
fn dangling_ref<'a>(doc: &Value, value: &'a Value) -> Option<&'a str> {
    match value {
        Value::Object(map) => map
            .iter()
            .find_map(|(key, child)| match (key.as_str(), child) {
                ("$ref", Value::String(target)) => target
                    .strip_prefix('#')
                    .filter(|pointer| doc.pointer(pointer).is_none())
                    .map(|_| target.as_str()),
                _ => dangling_ref(doc, child),
            }),
        Value::Array(items) => items.iter().find_map(|item| dangling_ref(doc, item)),
        _ => None,
    }
}

/// Where `doc` refers (by a local `$ref`) to the component at `path` or to
/// something in it, from outside it: a JSON pointer; `None` when nothing
/// does, or when `path` is not under `/components`.
fn referrer(doc: &Value, path: &str) -> Option<String> {
    if !path.starts_with("/components/") {
        return None;
    }
    let target = format!("#{path}");
    let refers = |to: &str| {
        to == target
            || to
                .strip_prefix(target.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
    };
    let steps = find_ref(doc, doc.pointer(path), &refers)?;
    Some(steps.iter().rev().map(|step| format!("/{step}")).collect())
}

/// The steps (innermost first, escaped) to the first object under `value` whose
/// `$ref` `refers` accepts, not looking inside `skip`.
fn find_ref(
    value: &Value,
    skip: Option<&Value>,
    refers: &dyn Fn(&str) -> bool,
) -> Option<Vec<String>> {
    if skip.is_some_and(|skip| std::ptr::eq(skip, value)) {
        return None;
    }
    match value {
        Value::Object(map) => {
            if let Some(Value::String(to)) = map.get("$ref") {
                if refers(to) {
                    return Some(Vec::new());
                }
            }
            map.iter().find_map(|(key, child)| {
                let mut steps = find_ref(child, skip, refers)?;
                steps.push(key.replace('~', "~0").replace('/', "~1"));
                Some(steps)
            })
        }
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let mut steps = find_ref(item, skip, refers)?;
            steps.push(i.to_string());
            Some(steps)
        }),
        _ => None,
    }
}

/// The parent of `path` and the last key, unescaped; `None` when the parent is
/// not in the spec.
fn parent_of<'a>(
    doc: &'a mut Value,
    path: &str,
) -> Result<Option<(&'a mut Value, String)>, String> {
    let (parent, last) = path
        .rsplit_once('/')
        .ok_or("the path is not a JSON pointer")?;
    let key = last.replace("~1", "/").replace("~0", "~");
    Ok(doc.pointer_mut(parent).map(|parent| (parent, key)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(doc: &mut Value, yaml: &str) -> Result<Vec<StaleEntry>, Error> {
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
    fn patches_that_no_longer_apply_are_reported_with_their_reason() {
        let mut doc = json!({
            "a": {"required": ["y"], "properties": {"x": {}, "y": {}}, "n": 1},
            "paths": {"/x": {"get": {"schema": {"$ref": "#/components/schemas/used/items"}}}},
            "components": {"schemas": {"used": {"items": {}, "self": {"$ref": "#/components/schemas/used"}}}},
        });
        let before = doc.clone();
        let stale = run(
            &mut doc,
            r##"
- {op: merge, path: /nope, value: {nullable: true}, reason: r}
- {op: merge, path: /a, value: {n: 1}, reason: r}
- {op: set, path: /nope/b, value: 2, reason: r}
- {op: set, path: /a/n, value: 1, reason: r}
- {op: remove, path: /a/nope, reason: r}
- {op: append, path: /a/required, value: y, reason: r}
- {op: remove_required, path: /a, value: x, reason: r}
- {op: remove_required, path: /a, value: z, reason: r}
- {op: set, path: /a/p, value: {items: {$ref: "#/gone"}}, reason: r}
- {op: remove, path: /components/schemas/used, reason: r}
"##,
        )
        .unwrap();
        let reasons: Vec<(usize, StaleReason)> = stale
            .iter()
            .map(|s| {
                let index = s.entry["patch ".len()..].split(' ').next().unwrap();
                (index.parse().unwrap(), s.reason)
            })
            .collect();
        use StaleReason::{NoLongerNeeded, StillReferenced, TargetGone};
        assert_eq!(
            reasons,
            [
                (0, TargetGone),
                (1, NoLongerNeeded),
                (2, TargetGone),
                (3, NoLongerNeeded),
                (4, NoLongerNeeded),
                (5, NoLongerNeeded),
                (6, NoLongerNeeded),
                (7, TargetGone),
                (8, TargetGone),
                (9, StillReferenced),
            ]
        );
        assert!(stale.iter().all(|s| s.file == PATCHES), "{stale:?}");
        assert_eq!(
            stale[0].to_string(),
            "spec/patches.yaml: `patch 0 (Merge /nope)`: target gone (the path does not exist in the spec)"
        );
        assert_eq!(
            stale[8].detail,
            "its value refers to `#/gone`, which the spec does not have"
        );
        assert_eq!(
            stale[9].detail,
            "`#/paths/~1x/get/schema` still refers to it"
        );
        assert_eq!(doc, before, "a stale patch changed the spec");
    }

    #[test]
    fn a_star_in_the_path_matches_every_key() {
        let mut doc = json!({"content": {"v2": {"schema": 1}, "v3": {"schema": 1}}, "empty": {}});
        let stale = run(
            &mut doc,
            r#"
- {op: set, path: /content/*/schema, value: 2, reason: r}
- {op: set, path: /empty/*/schema, value: 2, reason: r}
- {op: set, path: /content/*/schema, value: 2, reason: r}
"#,
        )
        .unwrap();
        assert_eq!(
            doc,
            json!({"content": {"v2": {"schema": 2}, "v3": {"schema": 2}}, "empty": {}})
        );
        let reasons: Vec<_> = stale.iter().map(|s| (s.entry.as_str(), s.reason)).collect();
        assert_eq!(
            reasons,
            [
                ("patch 1 (Set /empty/*/schema)", StaleReason::TargetGone),
                (
                    "patch 2 (Set /content/*/schema)",
                    StaleReason::NoLongerNeeded
                ),
            ]
        );
    }

    #[test]
    fn malformed_patches_are_errors() {
        let mut doc = json!({"a": {}});
        for bad in [
            "- {op: merge, path: /a, value: {}, reason: ' '}",
            "- {op: merge, path: /a, value: [], reason: r}",
            "- {op: set, path: /a/b}",
            "- {op: set, path: nope, value: 1, reason: r}",
            "- {op: remove_required, path: /a, value: 1, reason: r}",
        ] {
            assert!(run(&mut doc, bad).is_err(), "{bad}");
        }
        assert_eq!(doc, json!({"a": {}}));
    }
}
